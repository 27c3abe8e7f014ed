/* reflect-glossary.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-glossary"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-glossary.h"
#include "reflect-json.h"

/* The plain-English forms of the acronyms practitioners write without
 * thinking: the guidance asks for records a child and family can
 * understand.  The list is data (data/glossary.json). */
struct _ReflectGlossary
{
  GObject     parent_instance;

  GHashTable *terms;  /* term → plain form */
};

G_DEFINE_FINAL_TYPE (ReflectGlossary, reflect_glossary, G_TYPE_OBJECT)

#define GLOSSARY_RESOURCE "/io/github/reflect_practice/Reflect/glossary.json"

static void
reflect_glossary_finalize (GObject *object)
{
  ReflectGlossary *self = (ReflectGlossary *)object;

  g_clear_pointer (&self->terms, g_hash_table_unref);

  G_OBJECT_CLASS (reflect_glossary_parent_class)->finalize (object);
}

static void
reflect_glossary_class_init (ReflectGlossaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reflect_glossary_finalize;
}

static void
reflect_glossary_init (ReflectGlossary *self)
{
  self->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * reflect_glossary_new_from_data:
 *
 * Reads a glossary file: `{"format": 1, "terms": [{"term": …, "plain": …}]}`.
 *
 * Returns: (transfer full) (nullable): the glossary
 */
ReflectGlossary *
reflect_glossary_new_from_data (const char  *data,
                                gssize       length,
                                const char  *filename,
                                GError     **error)
{
  g_autoptr(ReflectGlossary) self = g_object_new (REFLECT_TYPE_GLOSSARY, NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *terms;
  gint64 format;

  root = reflect_json_parse (data, length, filename, error);
  if (root == NULL)
    return NULL;
  object = reflect_json_require_object (root, filename, "$", error);
  if (object == NULL ||
      !reflect_json_get_int (object, "format", 1, 1, &format, filename, "$", error))
    return NULL;
  terms = reflect_json_get_array (object, "terms", TRUE, filename, "$", error);
  if (terms == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (terms); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.terms[%u]", i);
      JsonObject *entry = reflect_json_require_object (json_array_get_element (terms, i),
                                                       filename, path, error);
      const char *term;
      const char *plain;

      if (entry == NULL)
        return NULL;
      term = reflect_json_get_string (entry, "term", TRUE, 40, filename, path, error);
      if (term == NULL)
        return NULL;
      plain = reflect_json_get_string (entry, "plain", TRUE, 400, filename, path, error);
      if (plain == NULL)
        return NULL;
      g_hash_table_replace (self->terms, g_strdup (term), g_strdup (plain));
    }

  return g_steal_pointer (&self);
}

/* The plain forms of the glossary that comes with Reflect, in the user's
 * language (po/reflect-data.pot, written by build-aux/extract-data-strings.py,
 * holds them).  The terms are kept: they are what people type. */
static void
translate_plain_forms (ReflectGlossary *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->terms);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (*(const char *)value != '\0')
      g_hash_table_iter_replace (&iter, g_strdup (g_dgettext (GETTEXT_PACKAGE, value)));
}

/**
 * reflect_glossary_get_default:
 *
 * Returns: (transfer none): the glossary shipped in the resource (empty
 * if it cannot be read, which a test catches)
 */
ReflectGlossary *
reflect_glossary_get_default (void)
{
  static ReflectGlossary *glossary;

  if (g_once_init_enter (&glossary))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (GLOSSARY_RESOURCE,
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      ReflectGlossary *loaded = NULL;

      if (bytes != NULL)
        loaded = reflect_glossary_new_from_data (g_bytes_get_data (bytes, NULL),
                                                 g_bytes_get_size (bytes), "glossary.json",
                                                 &error);
      if (loaded == NULL)
        {
          g_warning ("Could not load the glossary: %s", error->message);
          loaded = g_object_new (REFLECT_TYPE_GLOSSARY, NULL);
        }
      translate_plain_forms (loaded);
      g_once_init_leave (&glossary, loaded);
    }

  return glossary;
}

guint
reflect_glossary_get_n_terms (ReflectGlossary *self)
{
  g_return_val_if_fail (REFLECT_IS_GLOSSARY (self), 0);
  return g_hash_table_size (self->terms);
}

/**
 * reflect_glossary_lookup:
 *
 * Returns: (nullable): the plain form of @term (case-sensitive)
 */
const char *
reflect_glossary_lookup (ReflectGlossary *self,
                         const char      *term)
{
  g_return_val_if_fail (REFLECT_IS_GLOSSARY (self), NULL);
  return term ? g_hash_table_lookup (self->terms, term) : NULL;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Joins the parts of a code such as a case reference: "EH-2044". */
static gboolean
is_code_joiner (gunichar c)
{
  return c == '-' || c == '/' || c == '_' || c == '.';
}

/* Whether the word from @start to @end is part of a code with digits, such
 * as the case reference "EH-2044" or "CP/17": the reference must stay as it
 * is in the child's record system, never become "Early Help-2044".  A
 * joiner only counts between two word characters, so "CIN." ends a
 * sentence and "TAF/CIN" (no digits) are still two words. */
static gboolean
is_in_code (const char *text,
            const char *start,
            const char *end)
{
  const char *first = start;
  const char *last = end;
  const char *p;

  /* Widen to the whole run of word characters and joiners between them. */
  while (first > text)
    {
      const char *joiner = g_utf8_prev_char (first);
      const char *before;

      if (!is_code_joiner (g_utf8_get_char (joiner)) || joiner == text)
        break;
      before = g_utf8_prev_char (joiner);
      if (!is_word_char (g_utf8_get_char (before)))
        break;
      first = before;
      while (first > text && is_word_char (g_utf8_get_char (g_utf8_prev_char (first))))
        first = g_utf8_prev_char (first);
    }
  while (*last != '\0' && is_code_joiner (g_utf8_get_char (last)))
    {
      const char *after = g_utf8_next_char (last);

      if (*after == '\0' || !is_word_char (g_utf8_get_char (after)))
        break;
      last = after;
      while (*last != '\0' && is_word_char (g_utf8_get_char (last)))
        last = g_utf8_next_char (last);
    }

  if (first == start && last == end)
    return FALSE;
  for (p = first; p < last; p = g_utf8_next_char (p))
    if (g_unichar_isdigit (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * reflect_glossary_find:
 *
 * Finds the acronyms in @text as whole words, case-sensitively ("CIN"
 * but not "Cin" nor "CINE"), leaving out those inside a code with digits
 * such as a case reference ("EH-2044").
 *
 * Returns: (transfer full) (element-type ReflectGlossaryMatch): every
 * occurrence, in order
 */
GArray *
reflect_glossary_find (ReflectGlossary *self,
                       const char      *text)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (ReflectGlossaryMatch));
  const char *p = text;

  g_return_val_if_fail (REFLECT_IS_GLOSSARY (self), matches);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return matches;

  while (*p != '\0')
    {
      const char *start;
      g_autofree char *word = NULL;
      gpointer key, value;

      if (!is_word_char (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      start = p;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      word = g_strndup (start, p - start);
      if (g_hash_table_lookup_extended (self->terms, word, &key, &value) &&
          !is_in_code (text, start, p))
        {
          ReflectGlossaryMatch match = { key, value, start - text, p - start };
          g_array_append_val (matches, match);
        }
    }

  return matches;
}

/**
 * reflect_glossary_find_terms:
 *
 * Returns: (transfer full): the distinct acronyms in @text, in the order
 * they first appear
 */
GStrv
reflect_glossary_find_terms (ReflectGlossary *self,
                             const char      *text)
{
  g_autoptr(GArray) matches = reflect_glossary_find (self, text);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < matches->len; i++)
    {
      ReflectGlossaryMatch *match = &g_array_index (matches, ReflectGlossaryMatch, i);
      if (g_hash_table_add (seen, (gpointer)match->term))
        g_strv_builder_add (builder, match->term);
    }

  return g_strv_builder_end (builder);
}

/**
 * reflect_glossary_expand:
 *
 * Replaces every whole-word @term in @text by its plain form.
 *
 * Returns: (transfer full): the new text (a copy of @text if @term is
 * not in the glossary)
 */
char *
reflect_glossary_expand (ReflectGlossary *self,
                         const char      *text,
                         const char      *term)
{
  g_autoptr(GArray) matches = NULL;
  GString *out;
  gsize at = 0;

  g_return_val_if_fail (REFLECT_IS_GLOSSARY (self), NULL);

  if (text == NULL)
    return g_strdup ("");

  matches = reflect_glossary_find (self, text);
  out = g_string_sized_new (strlen (text) + 64);

  for (guint i = 0; i < matches->len; i++)
    {
      ReflectGlossaryMatch *match = &g_array_index (matches, ReflectGlossaryMatch, i);

      if (g_strcmp0 (match->term, term) != 0)
        continue;
      g_string_append_len (out, text + at, match->start - at);
      g_string_append (out, match->plain);
      at = match->start + match->length;
    }
  g_string_append (out, text + at);

  return g_string_free (out, FALSE);
}
