/* reflect-record-note.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-record-note"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-catalog.h"
#include "reflect-record-note.h"
#include "reflect-store-record.h"
#include "reflect-utils.h"

/* The one renderer of everything that leaves the room: the note for the
 * child's record, the summary for one agency, the partnership learning
 * and the invitation pack.  The UI shows and saves its output, nothing
 * else, so what the preview shows is what goes out.
 *
 * Anonymisation.  Unless names are asked for, every attendee's name typed
 * in free text is replaced by “[their agency]”:
 *  - a name is matched as whole words (letters and digits; a word is not
 *    matched inside a longer one), ignoring case and accents' composed or
 *    decomposed forms;
 *  - the full name matches with spaces, hyphens or apostrophes between its
 *    words (“Mary-Jane Okafor”, “Mary Jane  Okafor”);
 *  - each word of a name of two or more words also matches on its own when
 *    it is at least 3 characters long (“Mary”, “Okafor”), so that first
 *    names and surnames are caught; shorter words (“Jo”, “Li”) would hide
 *    ordinary words, so they are only hidden as part of the full name;
 *  - a word shared by people of different agencies becomes “[a colleague]”;
 *  - an action's owner that is exactly a person's name becomes their
 *    agency, without brackets.
 * The case reference is not changed: it is the record's own identifier
 * and is left out of the partnership learning altogether. */

struct _ReflectRecordNote
{
  GObject         parent_instance;

  ReflectStore   *store;
  ReflectCatalog *catalog;
  ReflectSession *session;
  GPtrArray      *attendees;    /* ReflectRecordAttendee */
  GPtrArray      *actions;      /* ReflectAction */
  GPtrArray      *info_sharing; /* ReflectInfoSharing */
  GPtrArray      *notes;        /* ReflectNote */
  ReflectRecord  *record;
  GPtrArray      *candidates;   /* NameCandidate, longest first */
  char           *organisation;
  gboolean        include_names;
};

G_DEFINE_FINAL_TYPE (ReflectRecordNote, reflect_record_note, G_TYPE_OBJECT)

typedef struct
{
  GStrv  words;        /* folded */
  char  *replacement;
} NameCandidate;

typedef struct
{
  gsize     start;
  gsize     end;
  gboolean  word;
  char     *folded;
} Token;

static void
name_candidate_free (NameCandidate *candidate)
{
  g_strfreev (candidate->words);
  g_free (candidate->replacement);
  g_free (candidate);
}

static void
token_clear (Token *token)
{
  g_free (token->folded);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static char *
fold (const char *text,
      gssize      length)
{
  g_autofree char *normal = g_utf8_normalize (text, length, G_NORMALIZE_DEFAULT_COMPOSE);
  return g_utf8_casefold (normal ? normal : "", -1);
}

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = text;

  g_array_set_clear_func (tokens, (GDestroyNotify)token_clear);

  while (*p != '\0')
    {
      Token token = { p - text, 0, is_word_char (g_utf8_get_char (p)), NULL };

      while (*p != '\0' && is_word_char (g_utf8_get_char (p)) == token.word)
        p = g_utf8_next_char (p);
      token.end = p - text;
      if (token.word)
        token.folded = fold (text + token.start, token.end - token.start);
      g_array_append_val (tokens, token);
    }

  return tokens;
}

static GStrv
name_words (const char *name)
{
  g_autoptr(GArray) tokens = tokenize (name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);
      if (token->word)
        g_strv_builder_add (builder, token->folded);
    }
  return g_strv_builder_end (builder);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const NameCandidate *ca = *(const NameCandidate **)a;
  const NameCandidate *cb = *(const NameCandidate **)b;
  guint la = g_strv_length (ca->words);
  guint lb = g_strv_length (cb->words);
  g_autofree char *ja = NULL;
  g_autofree char *jb = NULL;

  if (la != lb)
    return la > lb ? -1 : 1;
  ja = g_strjoinv (" ", ca->words);
  jb = g_strjoinv (" ", cb->words);
  return strcmp (ja, jb);
}

static const char *
agency_or_colleague (ReflectRecordAttendee *attendee)
{
  return reflect_string_is_blank (attendee->agency) ? _("a colleague") : attendee->agency;
}

static void
add_candidate (GHashTable *by_key,
               GStrv       words,
               const char *replacement)
{
  g_autofree char *key = g_strjoinv (" ", words);
  NameCandidate *existing = g_hash_table_lookup (by_key, key);

  if (existing != NULL)
    {
      g_autofree char *a = fold (existing->replacement, -1);
      g_autofree char *b = fold (replacement, -1);
      if (strcmp (a, b) != 0)
        reflect_set_string (&existing->replacement, _("a colleague"));
      return;
    }

  existing = g_new0 (NameCandidate, 1);
  existing->words = g_strdupv (words);
  existing->replacement = g_strdup (replacement);
  g_hash_table_insert (by_key, g_steal_pointer (&key), existing);
}

static void
build_candidates (ReflectRecordNote *self)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < self->attendees->len; i++)
    {
      ReflectRecordAttendee *attendee = g_ptr_array_index (self->attendees, i);
      g_auto(GStrv) words = name_words (attendee->name);
      guint n = g_strv_length (words);

      if (n == 0)
        continue;

      add_candidate (by_key, words, agency_or_colleague (attendee));

      for (guint w = 0; n > 1 && w < n; w++)
        if (g_utf8_strlen (words[w], -1) >= 3)
          {
            char *one[] = { words[w], NULL };
            add_candidate (by_key, one, agency_or_colleague (attendee));
          }
    }

  g_hash_table_iter_init (&iter, by_key);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (self->candidates, value);
  g_ptr_array_sort (self->candidates, compare_candidates);
}

static gboolean
is_name_separator (const char *text,
                   Token      *token)
{
  glong length = g_utf8_strlen (text + token->start, token->end - token->start);

  if (token->word || length > 3)
    return FALSE;

  for (const char *p = text + token->start; p < text + token->end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != ' ' && c != '-' && c != '\'' && c != 0x2019 && c != 0xA0)
        return FALSE;
    }
  return TRUE;
}

/* How many tokens from @at make up @candidate, or 0. */
static guint
match_candidate (const char    *text,
                 GArray        *tokens,
                 guint          at,
                 NameCandidate *candidate)
{
  guint n = g_strv_length (candidate->words);

  if (at + 2 * (n - 1) >= tokens->len)
    return 0;

  for (guint w = 0; w < n; w++)
    {
      Token *token = &g_array_index (tokens, Token, at + 2 * w);

      if (!token->word || strcmp (token->folded, candidate->words[w]) != 0)
        return 0;
      if (w > 0 && !is_name_separator (text, &g_array_index (tokens, Token, at + 2 * w - 1)))
        return 0;
    }
  return 2 * n - 1;
}

static void
reflect_record_note_dispose (GObject *object)
{
  ReflectRecordNote *self = (ReflectRecordNote *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (reflect_record_note_parent_class)->dispose (object);
}

static void
reflect_record_note_finalize (GObject *object)
{
  ReflectRecordNote *self = (ReflectRecordNote *)object;

  g_clear_pointer (&self->attendees, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->info_sharing, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->record, reflect_record_free);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  g_clear_pointer (&self->organisation, g_free);

  G_OBJECT_CLASS (reflect_record_note_parent_class)->finalize (object);
}

static void
reflect_record_note_class_init (ReflectRecordNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = reflect_record_note_dispose;
  object_class->finalize = reflect_record_note_finalize;
}

static void
reflect_record_note_init (ReflectRecordNote *self)
{
  self->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify)name_candidate_free);
}

/**
 * reflect_record_note_new:
 *
 * Reads everything the exports of one session need.  The renderer is a
 * snapshot: make a new one to see later edits.
 *
 * Returns: (transfer full) (nullable): the renderer
 */
ReflectRecordNote *
reflect_record_note_new (ReflectStore  *store,
                         gint64         session_id,
                         GError       **error)
{
  g_autoptr(ReflectRecordNote) self = NULL;

  g_return_val_if_fail (REFLECT_IS_STORE (store), NULL);

  self = g_object_new (REFLECT_TYPE_RECORD_NOTE, NULL);
  self->store = g_object_ref (store);
  self->session = reflect_store_load_session (store, session_id, error);
  if (self->session == NULL)
    return NULL;

  self->attendees = reflect_store_list_record_attendees (store, session_id, error);
  if (self->attendees == NULL)
    return NULL;
  self->actions = reflect_store_list_actions (store, session_id, error);
  if (self->actions == NULL)
    return NULL;
  self->info_sharing = reflect_store_list_info_sharing (store, session_id, error);
  if (self->info_sharing == NULL)
    return NULL;
  self->notes = reflect_store_list_notes (store, session_id, error);
  if (self->notes == NULL)
    return NULL;
  self->record = reflect_store_load_record (store, session_id, error);
  if (self->record == NULL)
    return NULL;

  build_candidates (self);
  return g_steal_pointer (&self);
}

/**
 * reflect_record_note_set_organisation:
 * @name: (nullable): shown in the header (GSettings "organisation-name")
 */
void
reflect_record_note_set_organisation (ReflectRecordNote *self,
                                      const char        *name)
{
  g_return_if_fail (REFLECT_IS_RECORD_NOTE (self));
  reflect_set_string (&self->organisation, name);
}

/**
 * reflect_record_note_set_include_names:
 *
 * With %TRUE, names are left as typed and the people present are listed.
 * Off by default, because records leave the room.
 */
void
reflect_record_note_set_include_names (ReflectRecordNote *self,
                                       gboolean           include)
{
  g_return_if_fail (REFLECT_IS_RECORD_NOTE (self));
  self->include_names = !!include;
}

gboolean
reflect_record_note_get_include_names (ReflectRecordNote *self)
{
  g_return_val_if_fail (REFLECT_IS_RECORD_NOTE (self), FALSE);
  return self->include_names;
}

/**
 * reflect_record_note_set_catalog:
 * @catalog: (nullable): where the invitation pack finds questions (with
 *   the user's own); without one the shipped banks are used
 */
void
reflect_record_note_set_catalog (ReflectRecordNote *self,
                                 ReflectCatalog    *catalog)
{
  g_return_if_fail (REFLECT_IS_RECORD_NOTE (self));
  g_set_object (&self->catalog, catalog);
}

/**
 * reflect_record_note_get_session:
 *
 * Returns: (transfer none): the session, with its model
 */
ReflectSession *
reflect_record_note_get_session (ReflectRecordNote *self)
{
  g_return_val_if_fail (REFLECT_IS_RECORD_NOTE (self), NULL);
  return self->session;
}

/**
 * reflect_record_note_get_agencies:
 *
 * Returns: (transfer full): the agencies of the people present, each
 * once (ignoring case), in the order the people were added
 */
GStrv
reflect_record_note_get_agencies (ReflectRecordNote *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (REFLECT_IS_RECORD_NOTE (self), NULL);

  for (guint i = 0; i < self->attendees->len; i++)
    {
      ReflectRecordAttendee *attendee = g_ptr_array_index (self->attendees, i);
      g_autofree char *stripped = g_strstrip (g_strdup (attendee->agency));

      if (!attendee->present || *stripped == '\0')
        continue;
      if (g_hash_table_add (seen, fold (stripped, -1)))
        g_strv_builder_add (builder, stripped);
    }

  return g_strv_builder_end (builder);
}

/**
 * reflect_record_note_get_names:
 *
 * Returns: (transfer full): every attendee's name, present or not (the
 * names an export must not show)
 */
GStrv
reflect_record_note_get_names (ReflectRecordNote *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (REFLECT_IS_RECORD_NOTE (self), NULL);

  for (guint i = 0; i < self->attendees->len; i++)
    {
      ReflectRecordAttendee *attendee = g_ptr_array_index (self->attendees, i);
      if (!reflect_string_is_blank (attendee->name))
        g_strv_builder_add (builder, attendee->name);
    }
  return g_strv_builder_end (builder);
}

/* Whether the @n tokens from @first stand alone in brackets of their own,
 * "(Amina)": the agency then needs no second pair, "([Police])". */
static gboolean
in_brackets (const char *text,
             GArray     *tokens,
             guint       first,
             guint       n)
{
  const Token *before;
  const Token *after;

  if (first == 0 || first + n >= tokens->len)
    return FALSE;
  before = &g_array_index (tokens, Token, first - 1);
  after = &g_array_index (tokens, Token, first + n);
  return text[before->end - 1] == '(' && text[after->start] == ')';
}

static char *
anonymise (ReflectRecordNote *self,
           const char        *text,
           gboolean           force)
{
  g_autoptr(GArray) tokens = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if ((self->include_names && !force) || self->candidates->len == 0 ||
      !g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  tokens = tokenize (text);
  out = g_string_sized_new (strlen (text));

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);
      guint used = 0;

      if (token->word)
        for (guint c = 0; c < self->candidates->len && used == 0; c++)
          {
            NameCandidate *candidate = g_ptr_array_index (self->candidates, c);

            used = match_candidate (text, tokens, i, candidate);
            if (used > 0 && in_brackets (text, tokens, i, used))
              g_string_append (out, candidate->replacement);
            else if (used > 0)
              g_string_append_printf (out, "[%s]", candidate->replacement);
          }

      if (used == 0)
        g_string_append_len (out, text + token->start, token->end - token->start);
      else
        i += used - 1;
    }

  return g_string_free (out, FALSE);
}

/**
 * reflect_record_note_anonymise:
 *
 * Returns: (transfer full): @text with attendees' names replaced by their
 * agency, following the rule at the top of this file (unchanged when
 * names are included)
 */
char *
reflect_record_note_anonymise (ReflectRecordNote *self,
                               const char        *text)
{
  g_return_val_if_fail (REFLECT_IS_RECORD_NOTE (self), NULL);
  return anonymise (self, text, FALSE);
}

/* An owner that is exactly someone's name reads better as the bare
 * agency than as “[agency]”. */
static char *
anonymise_owner (ReflectRecordNote *self,
                 const char        *owner)
{
  char *text = anonymise (self, owner, FALSE);
  gsize len = strlen (text);

  if (!self->include_names && len > 2 && text[0] == '[' && text[len - 1] == ']' &&
      strchr (text + 1, '[') == NULL && strchr (text, ']') == text + len - 1)
    {
      char *bare = g_strndup (text + 1, len - 2);
      g_free (text);
      return bare;
    }
  return text;
}

/* Output blocks */

static char *
md_escape (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]<>#|", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Text typed by people: escaped for Markdown, and its line breaks kept
 * inside the block it belongs to by indenting the lines after the first. */
static void
append_user_text (GString           *out,
                  ReflectNoteFormat  format,
                  const char        *text,
                  const char        *indent)
{
  g_autofree char *escaped = format == REFLECT_NOTE_FORMAT_MARKDOWN ? md_escape (text)
                                                                     : g_strdup (text);
  g_auto(GStrv) lines = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (escaped));

  lines = g_strsplit (trimmed, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        {
          g_string_append_c (out, '\n');
          if (lines[i][0] != '\0')
            g_string_append (out, indent);
        }
      g_string_append (out, g_strchomp (lines[i]));
    }
}

static void
begin_block (GString *out)
{
  if (out->len > 0)
    g_string_append_c (out, '\n');
}

static void
add_header (ReflectRecordNote *self,
            GString           *out,
            ReflectNoteFormat  format,
            const char        *title)
{
  if (!reflect_string_is_blank (self->organisation))
    {
      if (format == REFLECT_NOTE_FORMAT_MARKDOWN)
        {
          g_string_append (out, "**");
          append_user_text (out, format, self->organisation, "");
          g_string_append (out, "**\n\n");
        }
      else
        {
          append_user_text (out, format, self->organisation, "");
          g_string_append_c (out, '\n');
        }
    }

  if (format == REFLECT_NOTE_FORMAT_MARKDOWN)
    g_string_append (out, "# ");
  append_user_text (out, format, title, "");
  g_string_append_c (out, '\n');
}

static void
add_heading (GString           *out,
             ReflectNoteFormat  format,
             const char        *title)
{
  begin_block (out);
  if (format == REFLECT_NOTE_FORMAT_MARKDOWN)
    g_string_append_printf (out, "## %s\n\n", title);
  else
    g_string_append_printf (out, "%s\n", title);
}

static void
add_subheading (GString           *out,
                ReflectNoteFormat  format,
                const char        *title)
{
  begin_block (out);
  if (format == REFLECT_NOTE_FORMAT_MARKDOWN)
    {
      g_string_append (out, "### ");
      append_user_text (out, format, title, "");
      g_string_append (out, "\n\n");
    }
  else
    {
      append_user_text (out, format, title, "");
      g_string_append_c (out, '\n');
    }
}

/* One "Label: value" line; @value is people's text. */
static void
add_field (GString           *out,
           ReflectNoteFormat  format,
           const char        *label,
           const char        *value)
{
  if (format == REFLECT_NOTE_FORMAT_MARKDOWN)
    {
      g_string_append_printf (out, "- **%s:** ", label);
      append_user_text (out, format, value, "  ");
    }
  else
    {
      g_string_append_printf (out, "%s: ", label);
      append_user_text (out, format, value, "  ");
    }
  g_string_append_c (out, '\n');
}

/* Our own words, not people's: never escaped. */
static void
add_paragraph (GString    *out,
               const char *text)
{
  begin_block (out);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

/* Facts */

static char *
purpose_text (ReflectRecordNote *self)
{
  const char *key = reflect_session_get_purpose (self->session);
  const ReflectSessionPurpose *purpose = reflect_session_find_purpose (key);

  if (purpose == NULL || g_strcmp0 (purpose->key, "other") == 0)
    return anonymise (self, reflect_session_get_purpose_other (self->session), FALSE);
  return g_strdup (_(purpose->detail));
}

static char *
purpose_title (ReflectRecordNote *self)
{
  const ReflectSessionPurpose *purpose =
    reflect_session_find_purpose (reflect_session_get_purpose (self->session));

  if (purpose == NULL || g_strcmp0 (purpose->key, "other") == 0)
    return anonymise (self, reflect_session_get_purpose_other (self->session), TRUE);
  return g_strdup (_(purpose->title));
}

static char *
people_present (ReflectRecordNote *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->attendees->len; i++)
    {
      ReflectRecordAttendee *attendee = g_ptr_array_index (self->attendees, i);

      if (!attendee->present || reflect_string_is_blank (attendee->name))
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, attendee->name);
      if (!reflect_string_is_blank (attendee->agency))
        g_string_append_printf (out, " (%s)", attendee->agency);
    }
  return g_string_free (out, FALSE);
}

static void
add_session_facts (ReflectRecordNote *self,
                   GString           *out,
                   ReflectNoteFormat  format)
{
  g_autofree char *date = reflect_session_format_date (self->session);
  g_auto(GStrv) agencies = reflect_record_note_get_agencies (self);
  g_autofree char *agency_list = g_strjoinv (", ", agencies);
  g_autofree char *purpose = purpose_text (self);

  begin_block (out);
  add_field (out, format, _("Case reference"), reflect_session_get_case_ref (self->session));
  add_field (out, format, _("Date and time"), date);
  add_field (out, format, _("Model"), reflect_session_get_model_title (self->session));
  add_field (out, format, _("Agencies present"),
             *agency_list != '\0' ? agency_list : _("not recorded"));
  if (self->include_names)
    {
      g_autofree char *people = people_present (self);
      if (*people != '\0')
        add_field (out, format, _("People present"), people);
    }
  if (!reflect_string_is_blank (purpose))
    add_field (out, format, _("Purpose"), purpose);
}

static void
add_hypothesis (ReflectRecordNote *self,
                GString           *out,
                ReflectNoteFormat  format)
{
  const char *before = self->record->fields[REFLECT_RECORD_HYPOTHESIS_BEFORE];
  const char *after = self->record->fields[REFLECT_RECORD_HYPOTHESIS_AFTER];
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;

  if (reflect_string_is_blank (before) && reflect_string_is_blank (after))
    return;

  before_text = anonymise (self, before, FALSE);
  after_text = anonymise (self, after, FALSE);

  add_heading (out, format, _("Change in our understanding"));
  add_field (out, format, _("Before"),
             reflect_string_is_blank (before) ? _("not recorded") : before_text);
  add_field (out, format, _("After"),
             reflect_string_is_blank (after) ? _("not recorded") : after_text);
}

static void
add_action (ReflectRecordNote *self,
            GString           *out,
            ReflectNoteFormat  format,
            guint              number,
            ReflectAction     *action)
{
  g_autofree char *what = anonymise (self, action->what, FALSE);
  g_autofree char *owner = anonymise_owner (self, action->owner);
  g_autofree char *due = anonymise (self, action->due, FALSE);
  gboolean md = format == REFLECT_NOTE_FORMAT_MARKDOWN;

  g_string_append_printf (out, "%u. ", number);
  append_user_text (out, format, what, "   ");
  g_string_append (out, " (");
  g_string_append (out, md ? "**" : "");
  g_string_append (out, _("who:"));
  g_string_append (out, md ? "** " : " ");
  if (reflect_string_is_blank (owner))
    g_string_append (out, _("not agreed yet"));
  else
    append_user_text (out, format, owner, "   ");
  if (!reflect_string_is_blank (due))
    {
      g_string_append (out, md ? "; **" : "; ");
      g_string_append (out, _("by when:"));
      g_string_append (out, md ? "** " : " ");
      append_user_text (out, format, due, "   ");
    }
  g_string_append_c (out, ')');
  if (action->done)
    {
      g_string_append (out, " – ");
      g_string_append (out, _("done"));
    }
  g_string_append_c (out, '\n');
}

static void
add_actions (ReflectRecordNote *self,
             GString           *out,
             ReflectNoteFormat  format,
             const char        *title,
             GPtrArray         *actions)
{
  add_heading (out, format, title);
  if (actions->len == 0)
    {
      g_string_append (out, _("No actions were agreed."));
      g_string_append_c (out, '\n');
      return;
    }
  for (guint i = 0; i < actions->len; i++)
    add_action (self, out, format, i + 1, g_ptr_array_index (actions, i));
}

static void
add_info_sharing (ReflectRecordNote *self,
                  GString           *out,
                  ReflectNoteFormat  format)
{
  if (self->info_sharing->len == 0)
    return;

  add_heading (out, format, _("Information sharing"));
  for (guint i = 0; i < self->info_sharing->len; i++)
    {
      ReflectInfoSharing *item = g_ptr_array_index (self->info_sharing, i);
      g_autofree char *what = anonymise (self, item->what, FALSE);
      g_autofree char *whom = anonymise_owner (self, item->with_whom);
      g_autofree char *why = anonymise (self, item->why, FALSE);

      g_string_append (out, "- ");
      append_user_text (out, format,
                        reflect_string_is_blank (what) ? _("Information") : what, "  ");
      g_string_append (out, ": ");
      if (reflect_string_is_blank (whom))
        g_string_append (out, item->shared ? _("shared") : _("not shared"));
      else
        {
          g_string_append (out, item->shared ? _("shared with") : _("not shared with"));
          g_string_append_c (out, ' ');
          append_user_text (out, format, whom, "  ");
        }
      g_string_append_c (out, '.');
      if (!reflect_string_is_blank (why))
        {
          g_string_append_c (out, ' ');
          g_string_append (out, _("Why:"));
          g_string_append_c (out, ' ');
          append_user_text (out, format, why, "  ");
        }
      g_string_append_c (out, '\n');
    }
}

static void
add_not_a_decision (GString           *out,
                    ReflectNoteFormat  format)
{
  add_heading (out, format, _("What this session was not"));
  g_string_append (out, _("The session made no decision about the case, and it does not replace "
                          "any statutory process, such as a child protection conference, a core "
                          "group or a Child in Need meeting. Decisions about the child are made "
                          "through those processes."));
  g_string_append_c (out, '\n');
}

static void
add_family (ReflectRecordNote *self,
            GString           *out,
            ReflectNoteFormat  format)
{
  const char *family = self->record->fields[REFLECT_RECORD_FAMILY_UPDATE];

  add_heading (out, format, _("Telling the family"));
  if (reflect_string_is_blank (family))
    {
      g_string_append (out, _("How and when the family will be told has not been recorded yet."));
      g_string_append_c (out, '\n');
    }
  else
    {
      g_autofree char *text = anonymise (self, family, FALSE);
      append_user_text (out, format, text, "");
      g_string_append_c (out, '\n');
    }
}

static const char *
intro_text (void)
{
  return _("A multi-agency reflective session took place. Practitioners from the agencies "
           "listed above met to think together about this child and family and how best to "
           "help them.");
}

/**
 * reflect_record_note_render_child_record:
 *
 * The minimum the guidance asks for in the child's record and chronology,
 * in words the child and family can understand.
 *
 * Returns: (transfer full): the note
 */
char *
reflect_record_note_render_child_record (ReflectRecordNote *self,
                                         ReflectNoteFormat  format)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (REFLECT_IS_RECORD_NOTE (self), NULL);

  add_header (self, out, format,
              _("Note for the child’s record: multi-agency reflective session"));
  add_session_facts (self, out, format);
  add_paragraph (out, intro_text ());
  add_hypothesis (self, out, format);
  add_actions (self, out, format, _("Actions agreed"), self->actions);
  add_info_sharing (self, out, format);
  add_not_a_decision (out, format);
  add_family (self, out, format);

  return g_string_free (out, FALSE);
}

static gboolean
owner_is_agency (ReflectRecordNote *self,
                 const char        *owner,
                 const char        *agency)
{
  g_autofree char *as_agency = anonymise (self, owner, TRUE);
  g_autofree char *stripped = g_strstrip (g_strdup (as_agency));
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *bracketed = NULL;
  gsize len = strlen (stripped);

  if (len > 2 && stripped[0] == '[' && stripped[len - 1] == ']')
    {
      memmove (stripped, stripped + 1, len - 2);
      stripped[len - 2] = '\0';
    }

  a = fold (stripped, -1);
  bracketed = g_strstrip (g_strdup (agency));
  b = fold (bracketed, -1);
  return *b != '\0' && strcmp (a, b) == 0;
}

/* The stage of the Durham model at which the facilitator sums up: "A brief
 * summary of the discussion will be provided by the facilitator for each
 * agency to record on their systems" (guidance 004). */
#define DISCUSSION_SUMMARY_STAGE "agency-summary"

static void
add_discussion_summary (ReflectRecordNote *self,
                        GString           *out,
                        ReflectNoteFormat  format)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->notes->len; i++)
    {
      ReflectNote *note = g_ptr_array_index (self->notes, i);
      g_autofree char *text = NULL;

      if (g_strcmp0 (note->stage_key, DISCUSSION_SUMMARY_STAGE) != 0 ||
          reflect_string_is_blank (note->body))
        continue;

      text = anonymise (self, note->body, FALSE);
      if (!any)
        add_heading (out, format, _("Summary of the discussion"));
      else
        begin_block (out);
      append_user_text (out, format, text, "");
      g_string_append_c (out, '\n');
      any = TRUE;
    }
}

/**
 * reflect_record_note_render_agency_summary:
 * @agency: the agency it is for; its actions come first
 *
 * The brief summary for each agency to record (Durham): the facilitator's
 * summary of the discussion, then the actions.
 *
 * Returns: (transfer full): the summary
 */
char *
reflect_record_note_render_agency_summary (ReflectRecordNote *self,
                                           const char        *agency,
                                           ReflectNoteFormat  format)
{
  g_autoptr(GPtrArray) own = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autofree char *title = NULL;
  g_autofree char *own_title = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (REFLECT_IS_RECORD_NOTE (self), NULL);
  g_return_val_if_fail (agency != NULL, NULL);

  for (guint i = 0; i < self->actions->len; i++)
    {
      ReflectAction *action = g_ptr_array_index (self->actions, i);
      g_ptr_array_add (owner_is_agency (self, action->owner, agency) ? own : others, action);
    }

  /* Translators: %s is an agency, such as “School” */
  title = g_strdup_printf (_("Summary for %s: multi-agency reflective session"), agency);
  /* Translators: %s is an agency, such as “School” */
  own_title = g_strdup_printf (_("Actions for %s"), agency);

  add_header (self, out, format, title);
  add_session_facts (self, out, format);
  add_paragraph (out, intro_text ());
  add_discussion_summary (self, out, format);
  add_actions (self, out, format, own_title, own);
  if (others->len > 0)
    add_actions (self, out, format, _("Other actions agreed"), others);
  add_hypothesis (self, out, format);
  add_info_sharing (self, out, format);
  add_not_a_decision (out, format);
  add_family (self, out, format);

  return g_string_free (out, FALSE);
}

static ReflectQuestionBank *
find_bank_for_section (ReflectCatalog *catalog,
                       const char     *section_id)
{
  g_autofree char *bank_id = g_strdup (section_id);
  char *dot = strchr (bank_id, '.');
  ReflectQuestionBank *bank;

  if (dot != NULL)
    *dot = '\0';
  bank = reflect_catalog_find_bank (catalog, bank_id);
  if (bank != NULL && reflect_question_bank_find_section (bank, section_id) >= 0)
    return bank;

  /* A section may live in a bank named otherwise: look everywhere. */
  for (guint i = 0; i < g_list_model_get_n_items (reflect_catalog_get_banks (catalog)); i++)
    {
      g_autoptr(ReflectQuestionBank) other = g_list_model_get_item (reflect_catalog_get_banks (catalog), i);
      if (reflect_question_bank_find_section (other, section_id) >= 0)
        return reflect_catalog_find_bank (catalog, reflect_question_bank_get_id (other));
    }
  return NULL;
}

/**
 * reflect_record_note_render_invitation_pack:
 *
 * What to send to attendees before the meeting: the model's purpose, the
 * roles and its questions, so they have time to prepare.
 *
 * Returns: (transfer full): the pack
 */
char *
reflect_record_note_render_invitation_pack (ReflectRecordNote *self,
                                            ReflectNoteFormat  format)
{
  ReflectModel *model;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  GString *out = g_string_new (NULL);
  gboolean any_question = FALSE;

  g_return_val_if_fail (REFLECT_IS_RECORD_NOTE (self), NULL);

  if (self->catalog == NULL)
    self->catalog = reflect_catalog_new (NULL);

  model = reflect_session_get_model (self->session);
  /* Translators: %s is the title of a session model */
  title = g_strdup_printf (_("Invitation: %s"), reflect_model_get_title (model));
  date = reflect_session_format_date (self->session);

  add_header (self, out, format, title);
  begin_block (out);
  add_field (out, format, _("Date and time"), date);
  if (reflect_session_get_virtual (self->session))
    add_field (out, format, _("Where"), _("online"));
  else if (!reflect_string_is_blank (reflect_session_get_venue (self->session)))
    add_field (out, format, _("Where"), reflect_session_get_venue (self->session));

  add_paragraph (out, _("Please read this before the meeting, so that you know what it is for "
                        "and have time to prepare. Every member will be asked to answer each "
                        "question for themselves."));

  add_heading (out, format, _("What the meeting is for"));
  append_user_text (out, format, reflect_model_get_description (model), "");
  g_string_append_c (out, '\n');

  add_heading (out, format, _("Roles"));
  {
    const char *roles[] = { "facilitator", "presenter", "consultant" };
    for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
      if (reflect_model_has_role (model, roles[i]))
        {
          g_string_append (out, "- ");
          if (format == REFLECT_NOTE_FORMAT_MARKDOWN)
            g_string_append (out, "**");
          append_user_text (out, format, reflect_model_get_role_title (model, roles[i]), "");
          g_string_append (out, format == REFLECT_NOTE_FORMAT_MARKDOWN ? ":** " : ": ");
          append_user_text (out, format, reflect_model_get_role_description (model, roles[i]),
                            "  ");
          g_string_append_c (out, '\n');
        }
  }

  add_heading (out, format, _("The questions"));
  for (guint s = 0; s < reflect_model_get_n_stages (model); s++)
    {
      ReflectModelStage *stage = reflect_model_get_stage (model, s);
      const char * const *sections = reflect_model_stage_get_question_sections (stage);
      guint number = 0;

      if (sections == NULL || sections[0] == NULL)
        continue;

      add_subheading (out, format, reflect_model_stage_get_title (stage));
      for (guint k = 0; sections[k] != NULL; k++)
        {
          ReflectQuestionBank *bank = find_bank_for_section (self->catalog, sections[k]);
          GListModel *questions;
          int index;

          if (bank == NULL)
            continue;
          index = reflect_question_bank_find_section (bank, sections[k]);
          questions = reflect_question_bank_get_section_questions (bank, (guint)index);
          for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
            {
              g_autoptr(ReflectQuestion) question = g_list_model_get_item (questions, q);
              g_string_append_printf (out, "%u. ", ++number);
              append_user_text (out, format, reflect_question_get_text (question), "   ");
              g_string_append_c (out, '\n');
              any_question = TRUE;
            }
        }
    }
  if (!any_question)
    {
      g_string_append (out, _("This model has no list of questions."));
      g_string_append_c (out, '\n');
    }

  add_heading (out, format, _("Source"));
  append_user_text (out, format, reflect_model_get_source (model), "");
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

/* Partnership learning */

static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
  g_string_append (out, last ? "\r\n" : ",");
}

static char *
format_day (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  /* Translators: a date, see g_date_time_format() */
  return local ? g_date_time_format (local, _("%-d %b %Y")) : g_strdup ("");
}

static char *
format_iso_day (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%d") : g_strdup ("");
}

/**
 * reflect_record_note_render_learning:
 * @from: the first moment included (Unix time)
 * @to: the last moment included (Unix time)
 * @organisation: (nullable): for the header
 *
 * The themes, learning and feedback of the sessions held in a date range,
 * for the partnership.  Always anonymised: no name, no case reference.
 *
 * Returns: (transfer full) (nullable): the report
 */
char *
reflect_record_note_render_learning (ReflectStore       *store,
                                     gint64              from,
                                     gint64              to,
                                     const char         *organisation,
                                     ReflectNoteFormat   format,
                                     GError            **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (REFLECT_IS_STORE (store), NULL);

  ids = reflect_store_list_session_ids_between (store, from, to, error);
  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      ReflectRecordNote *note = reflect_record_note_new (store, g_array_index (ids, gint64, i),
                                                         error);
      if (note == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_ptr_array_add (notes, note);
    }

  if (format == REFLECT_NOTE_FORMAT_CSV)
    {
      csv_field (out, "date", FALSE);
      csv_field (out, "model", FALSE);
      csv_field (out, "purpose", FALSE);
      csv_field (out, "agencies", FALSE);
      csv_field (out, "themes", FALSE);
      csv_field (out, "learning", FALSE);
      csv_field (out, "feedback", TRUE);

      for (guint i = 0; i < notes->len; i++)
        {
          ReflectRecordNote *note = g_ptr_array_index (notes, i);
          g_autofree char *day = format_iso_day (reflect_session_get_starts_at (note->session));
          g_autofree char *purpose = purpose_title (note);
          g_auto(GStrv) agencies = reflect_record_note_get_agencies (note);
          g_autofree char *agency_list = g_strjoinv ("; ", agencies);
          g_autofree char *themes = anonymise (note, note->record->fields[REFLECT_RECORD_THEMES],
                                               TRUE);
          g_autofree char *learning = anonymise (note,
                                                 note->record->fields[REFLECT_RECORD_LEARNING],
                                                 TRUE);
          g_autofree char *feedback = anonymise (note,
                                                 note->record->fields[REFLECT_RECORD_FEEDBACK],
                                                 TRUE);

          csv_field (out, day, FALSE);
          csv_field (out, reflect_session_get_model_title (note->session), FALSE);
          csv_field (out, purpose, FALSE);
          csv_field (out, agency_list, FALSE);
          csv_field (out, themes, FALSE);
          csv_field (out, learning, FALSE);
          csv_field (out, feedback, TRUE);
        }
      return g_string_free (out, FALSE);
    }

  {
    g_autofree char *from_day = format_day (from);
    g_autofree char *to_day = format_day (to);
    g_autofree char *summary = NULL;

    if (!reflect_string_is_blank (organisation))
      {
        if (format == REFLECT_NOTE_FORMAT_MARKDOWN)
          g_string_append (out, "**");
        append_user_text (out, format, organisation, "");
        g_string_append (out, format == REFLECT_NOTE_FORMAT_MARKDOWN ? "**\n\n" : "\n");
      }
    if (format == REFLECT_NOTE_FORMAT_MARKDOWN)
      g_string_append (out, "# ");
    g_string_append (out, _("Partnership learning from reflective sessions"));
    g_string_append_c (out, '\n');

    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "From %s to %s: %u session. Names of people and "
                                            "case references are left out.",
                                            "From %s to %s: %u sessions. Names of people and "
                                            "case references are left out.",
                                            notes->len),
                               from_day, to_day, notes->len);
    add_paragraph (out, summary);
  }

  for (guint i = 0; i < notes->len; i++)
    {
      ReflectRecordNote *note = g_ptr_array_index (notes, i);
      g_autofree char *date = reflect_session_format_date (note->session);
      g_autofree char *heading = g_strdup_printf ("%s – %s", date,
                                                  reflect_session_get_model_title (note->session));
      g_autofree char *purpose = purpose_title (note);
      g_auto(GStrv) agencies = reflect_record_note_get_agencies (note);
      g_autofree char *agency_list = g_strjoinv (", ", agencies);
      struct { ReflectRecordField field; const char *label; } parts[] = {
        { REFLECT_RECORD_THEMES, _("Themes") },
        { REFLECT_RECORD_LEARNING, _("Learning") },
        { REFLECT_RECORD_FEEDBACK, _("Feedback on the model") },
      };

      add_subheading (out, format, heading);
      if (!reflect_string_is_blank (purpose))
        add_field (out, format, _("Purpose"), purpose);
      add_field (out, format, _("Agencies present"),
                 *agency_list != '\0' ? agency_list : _("not recorded"));
      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        {
          const char *value = note->record->fields[parts[p].field];
          g_autofree char *text = anonymise (note, value, TRUE);

          if (!reflect_string_is_blank (value))
            add_field (out, format, parts[p].label, text);
        }
    }

  return g_string_free (out, FALSE);
}
