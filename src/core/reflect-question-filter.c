/* reflect-question-filter.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-question-filter"

#include "config.h"

#include <string.h>

#include "reflect-question-filter.h"

/* Search as you type over every question of every bank.  Keys are
 * NFKD-normalised and case-folded once (reflect_question_get_search_key()),
 * so each keystroke only compares bytes.  Combining marks (U+0300-U+036F,
 * two bytes in UTF-8 after NFKD) are skipped in the key and dropped from
 * the query, so "reflexion" finds "réflexion" and "RÉFLEXION" does too. */

static inline gsize
mark_length (const char *p)
{
  const guchar *u = (const guchar *)p;

  if ((u[0] == 0xCC && u[1] >= 0x80 && u[1] <= 0xBF) ||
      (u[0] == 0xCD && u[1] >= 0x80 && u[1] <= 0xAF))
    return 2;
  return 0;
}

/* Returns the end of the match of @word at @p in @key, or NULL. */
static const char *
match_at (const char *p,
          const char *word)
{
  while (*word != '\0')
    {
      gsize skip = mark_length (p);

      if (skip > 0)
        {
          p += skip;
          continue;
        }
      if (*p != *word)
        return NULL;
      p++;
      word++;
    }

  /* A mark right after the match belongs to its last letter. */
  while (mark_length (p) > 0)
    p += 2;
  return p;
}

static const char *
find_word (const char  *key,
           const char  *word,
           const char **end)
{
  for (const char *p = strchr (key, word[0]); p != NULL; p = strchr (p + 1, word[0]))
    {
      const char *e = match_at (p, word);
      if (e != NULL)
        {
          if (end != NULL)
            *end = e;
          return p;
        }
    }
  return NULL;
}

static char *
fold (const char *text,
      gssize      length)
{
  g_autofree char *normal = g_utf8_normalize (text, length, G_NORMALIZE_ALL);

  if (normal == NULL)
    return g_strdup ("");
  return g_utf8_casefold (normal, -1);
}

/**
 * reflect_question_fold_query:
 * @query: (nullable): what the person typed
 *
 * Splits @query into words and folds each as question search keys are
 * folded, marks dropped and typographic quotes made straight.
 *
 * Returns: (transfer full): the words, possibly none
 */
char **
reflect_question_fold_query (const char *query)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *folded = NULL;
  GString *word = g_string_new (NULL);

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    query = "";

  folded = fold (query, -1);
  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || g_unichar_isspace (c))
        {
          if (word->len > 0)
            g_strv_builder_add (builder, word->str);
          g_string_truncate (word, 0);
          if (c == 0)
            break;
          continue;
        }

      if (mark_length (p) > 0)
        continue;
      if (c == 0x2018 || c == 0x2019 || c == 0x02BC)
        c = '\'';
      else if (c == 0x201C || c == 0x201D)
        c = '"';
      g_string_append_unichar (word, c);
    }

  g_string_free (word, TRUE);
  return g_strv_builder_end (builder);
}

/**
 * reflect_question_text_matches:
 * @search_key: a key folded like reflect_question_get_search_key()
 * @folded_words: from reflect_question_fold_query()
 *
 * Returns: whether every word occurs somewhere in @search_key
 */
gboolean
reflect_question_text_matches (const char         *search_key,
                               const char * const *folded_words)
{
  if (folded_words == NULL)
    return TRUE;
  if (search_key == NULL)
    return folded_words[0] == NULL;

  for (guint i = 0; folded_words[i] != NULL; i++)
    if (find_word (search_key, folded_words[i], NULL) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * reflect_question_matches:
 *
 * Returns: whether @question contains every one of @folded_words
 */
gboolean
reflect_question_matches (ReflectQuestion    *question,
                          const char * const *folded_words)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION (question), FALSE);
  return reflect_question_text_matches (reflect_question_get_search_key (question),
                                        folded_words);
}

/**
 * reflect_question_highlight:
 *
 * Returns: (transfer full): @text as Pango markup, escaped, with each
 * occurrence of the words in bold
 */
char *
reflect_question_highlight (const char         *text,
                            const char * const *folded_words)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GArray) owner = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *hit = NULL;
  GString *markup;
  guint n_chars = 0;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return g_markup_escape_text ("", -1);

  /* Fold character by character, remembering which character of @text
   * each byte of the folded key came from. */
  for (p = text; *p != '\0'; p = g_utf8_next_char (p), n_chars++)
    {
      g_autofree char *f = fold (p, g_utf8_next_char (p) - p);
      gsize len = strlen (f);

      g_string_append_len (key, f, len);
      for (gsize i = 0; i < len; i++)
        g_array_append_val (owner, n_chars);
    }

  hit = g_new0 (gboolean, n_chars + 1);
  for (guint w = 0; folded_words != NULL && folded_words[w] != NULL; w++)
    {
      const char *start = key->str;
      const char *end;
      const char *found;

      if (folded_words[w][0] == '\0')
        continue;
      while ((found = find_word (start, folded_words[w], &end)) != NULL)
        {
          for (gsize b = found - key->str; b < (gsize)(end - key->str); b++)
            hit[g_array_index (owner, guint, b)] = TRUE;
          start = end > found ? end : found + 1;
          if (*start == '\0')
            break;
        }
    }

  markup = g_string_new (NULL);
  p = text;
  for (guint c = 0; c < n_chars;)
    {
      const char *run = p;
      gboolean bold = hit[c];
      g_autofree char *escaped = NULL;

      while (c < n_chars && hit[c] == bold)
        {
          p = g_utf8_next_char (p);
          c++;
        }

      escaped = g_markup_escape_text (run, p - run);
      if (bold)
        g_string_append_printf (markup, "<b>%s</b>", escaped);
      else
        g_string_append (markup, escaped);
    }

  return g_string_free (markup, FALSE);
}
