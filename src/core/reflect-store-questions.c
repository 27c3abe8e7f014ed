/* reflect-store-questions.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-store-questions"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-store-private.h"
#include "reflect-store-questions.h"

/* What a person adds to the question banks lives beside them, never in
 * them: custom questions in custom_questions (keyed by bank and section,
 * so they survive a replaced import), favourites by question id, the
 * asked log per session.  The catalog merges the first two into its banks
 * each time it loads (reflect_store_customise_question_bank()), and the
 * writers here update the loaded banks as well, so nothing has to be
 * reloaded after a keystroke. */

G_DEFINE_QUARK (reflect-questions-error-quark, reflect_questions_error)

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Trims the ends and checks it is there, valid and not too long. */
static char *
clean_text (const char  *text,
            gsize        max_chars,
            gboolean     required,
            const char  *what,
            GError     **error)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    text = "";

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_EMPTY,
                   _("The %s contains characters that are not valid text."), what);
      return NULL;
    }

  copy = g_strstrip (g_strdup (text));
  if (required && copy[0] == '\0')
    {
      g_set_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_EMPTY,
                   _("The %s is empty. Type some text first."), what);
      return NULL;
    }

  if ((gsize)g_utf8_strlen (copy, -1) > max_chars)
    {
      g_set_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_TOO_LONG,
                   _("The %s is %ld characters long; at most %lu are kept."), what,
                   g_utf8_strlen (copy, -1), (gulong)max_chars);
      return NULL;
    }

  return g_steal_pointer (&copy);
}

static ReflectQuestion *
find_question (ReflectCatalog       *catalog,
               const char           *question_id,
               ReflectQuestionBank **bank_out)
{
  GListModel *banks;

  if (catalog == NULL)
    return NULL;

  banks = reflect_catalog_get_banks (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (banks); i++)
    {
      g_autoptr(ReflectQuestionBank) bank = g_list_model_get_item (banks, i);
      ReflectQuestion *question = reflect_question_bank_find_question (bank, question_id);

      if (question != NULL)
        {
          if (bank_out != NULL)
            *bank_out = bank;
          return question;
        }
    }
  return NULL;
}

static GHashTable *
load_favourites (ReflectStore *self)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = reflect_store_prepare (self, "SELECT question_id FROM favourite_questions", &error);
  if (stmt == NULL)
    {
      g_warning ("Could not read favourite questions: %s", error->message);
      return g_steal_pointer (&set);
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (set, g_strdup (reflect_store_column_text (stmt, 0)));
  return g_steal_pointer (&set);
}

/**
 * reflect_store_customise_question_bank:
 * @bank: a bank just loaded, shipped or imported
 *
 * Adds the person's own questions for @bank to it, in the order they were
 * written, and flags its favourite questions.  A custom question whose
 * section has gone (a bank replaced by a newer import) goes in the first
 * section rather than out of sight.
 */
void
reflect_store_customise_question_bank (ReflectStore        *self,
                                       ReflectQuestionBank *bank)
{
  g_autoptr(GHashTable) favourites = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GListModel *questions;
  guint n;

  g_return_if_fail (REFLECT_IS_STORE (self));
  g_return_if_fail (REFLECT_IS_QUESTION_BANK (bank));

  stmt = reflect_store_prepare (self,
    "SELECT id, section_id, text FROM custom_questions WHERE bank_id = ?1"
    " ORDER BY created_at, rowid", &error);
  if (stmt == NULL)
    {
      g_warning ("Could not read custom questions: %s", error->message);
      return;
    }

  reflect_store_bind_text (stmt, 1, reflect_question_bank_get_id (bank));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(ReflectQuestion) question = NULL;
      const char *id = reflect_store_column_text (stmt, 0);
      int section = reflect_question_bank_find_section (bank, reflect_store_column_text (stmt, 1));

      if (reflect_question_bank_find_question (bank, id) != NULL)
        continue;
      if (section < 0)
        section = 0;

      question = reflect_question_new (id, reflect_store_column_text (stmt, 2),
                                       reflect_question_bank_get_id (bank),
                                       reflect_question_bank_get_title (bank),
                                       reflect_question_bank_get_section_id (bank, section),
                                       reflect_question_bank_get_section_title (bank, section),
                                       TRUE);
      reflect_question_bank_add_question (bank, section, question);
    }

  favourites = load_favourites (self);
  if (g_hash_table_size (favourites) == 0)
    return;

  questions = reflect_question_bank_get_questions (bank);
  n = g_list_model_get_n_items (questions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReflectQuestion) question = g_list_model_get_item (questions, i);
      if (g_hash_table_contains (favourites, reflect_question_get_id (question)))
        reflect_question_set_favourite (question, TRUE);
    }
}

/**
 * reflect_store_set_question_favourite:
 *
 * Stars or unstars @question for every session to come, and flags it.
 */
gboolean
reflect_store_set_question_favourite (ReflectStore     *self,
                                      ReflectQuestion  *question,
                                      gboolean          favourite,
                                      GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);
  g_return_val_if_fail (REFLECT_IS_QUESTION (question), FALSE);

  stmt = reflect_store_prepare (self, favourite
    ? "INSERT INTO favourite_questions (question_id, created_at) VALUES (?1, ?2)"
      " ON CONFLICT (question_id) DO NOTHING"
    : "DELETE FROM favourite_questions WHERE question_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  reflect_store_bind_text (stmt, 1, reflect_question_get_id (question));
  if (favourite)
    sqlite3_bind_int64 (stmt, 2, now_seconds ());
  if (!reflect_store_step_done (self, stmt, error))
    return FALSE;

  reflect_question_set_favourite (question, favourite);
  reflect_store_emit_changed (self, 0);
  return TRUE;
}

/**
 * reflect_store_list_favourite_questions:
 *
 * Returns: (transfer full): the ids of the starred questions, oldest first
 */
char **
reflect_store_list_favourite_questions (ReflectStore  *self,
                                        GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  stmt = reflect_store_prepare (self,
    "SELECT question_id FROM favourite_questions ORDER BY created_at, rowid", error);
  if (stmt == NULL)
    return NULL;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, reflect_store_column_text (stmt, 0));
  return g_strv_builder_end (builder);
}

/**
 * reflect_store_ensure_my_questions_bank:
 *
 * Returns: (transfer none): the person's own bank, made on first use
 */
ReflectQuestionBank *
reflect_store_ensure_my_questions_bank (ReflectStore    *self,
                                        ReflectCatalog  *catalog,
                                        GError         **error)
{
  g_autoptr(ReflectQuestionBank) bank = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;
  ReflectQuestionBank *found;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);
  g_return_val_if_fail (REFLECT_IS_CATALOG (catalog), NULL);

  found = reflect_catalog_find_bank (catalog, REFLECT_MY_QUESTIONS_BANK_ID);
  if (found != NULL)
    return found;

  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autoptr(JsonNode) root = NULL;

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "format");
    json_builder_add_int_value (builder, 1);
    json_builder_set_member_name (builder, "id");
    json_builder_add_string_value (builder, REFLECT_MY_QUESTIONS_BANK_ID);
    json_builder_set_member_name (builder, "title");
    json_builder_add_string_value (builder, _("My questions"));
    json_builder_set_member_name (builder, "description");
    json_builder_add_string_value (builder, _("Questions you have written yourself."));
    json_builder_set_member_name (builder, "sections");
    json_builder_begin_array (builder);
    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "id");
    json_builder_add_string_value (builder, REFLECT_MY_QUESTIONS_BANK_ID ".general");
    json_builder_set_member_name (builder, "title");
    json_builder_add_string_value (builder, _("My questions"));
    json_builder_end_object (builder);
    json_builder_end_array (builder);
    json_builder_end_object (builder);

    root = json_builder_get_root (builder);
    json_generator_set_root (generator, root);
    json = json_generator_to_data (generator, NULL);
  }

  /* Validated like any bank, so it always loads again. */
  bank = reflect_question_bank_new_from_data (json, -1, REFLECT_MY_QUESTIONS_BANK_ID, error);
  if (bank == NULL)
    return NULL;

  stmt = reflect_store_prepare (self,
    "INSERT INTO question_banks (id, json, imported_at) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (id) DO NOTHING", error);
  if (stmt == NULL)
    return NULL;
  reflect_store_bind_text (stmt, 1, REFLECT_MY_QUESTIONS_BANK_ID);
  reflect_store_bind_text (stmt, 2, json);
  sqlite3_bind_int64 (stmt, 3, now_seconds ());
  if (!reflect_store_step_done (self, stmt, error))
    return NULL;

  reflect_catalog_reload (catalog);
  reflect_store_emit_changed (self, 0);

  found = reflect_catalog_find_bank (catalog, REFLECT_MY_QUESTIONS_BANK_ID);
  if (found == NULL)
    g_set_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_NOT_FOUND,
                 _("Could not make the bank for your own questions."));
  return found;
}

/**
 * reflect_store_add_custom_question:
 * @bank_id: (nullable): the bank, or %NULL for the person's own bank
 * @section_id: (nullable): the section, or %NULL for the bank's first
 *
 * Adds a question of the person's own to any section of any bank.
 *
 * Returns: (transfer none) (nullable): the question, now in its bank
 */
ReflectQuestion *
reflect_store_add_custom_question (ReflectStore    *self,
                                   ReflectCatalog  *catalog,
                                   const char      *bank_id,
                                   const char      *section_id,
                                   const char      *text,
                                   GError         **error)
{
  g_autoptr(ReflectQuestion) question = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *id = NULL;
  ReflectQuestionBank *bank;
  int section = 0;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);
  g_return_val_if_fail (REFLECT_IS_CATALOG (catalog), NULL);

  clean = clean_text (text, REFLECT_QUESTION_MAX_TEXT, TRUE, _("question"), error);
  if (clean == NULL)
    return NULL;

  if (bank_id == NULL || g_strcmp0 (bank_id, REFLECT_MY_QUESTIONS_BANK_ID) == 0)
    bank = reflect_store_ensure_my_questions_bank (self, catalog, error);
  else
    {
      bank = reflect_catalog_find_bank (catalog, bank_id);
      if (bank == NULL)
        g_set_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_NOT_FOUND,
                     _("There is no question bank “%s”."), bank_id);
    }
  if (bank == NULL)
    return NULL;

  if (section_id != NULL)
    {
      section = reflect_question_bank_find_section (bank, section_id);
      if (section < 0)
        {
          g_set_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_NOT_FOUND,
                       _("The bank “%s” has no section “%s”."),
                       reflect_question_bank_get_title (bank), section_id);
          return NULL;
        }
    }

  /* An exported bank must import again, and a bank holds at most so many. */
  if (g_list_model_get_n_items (reflect_question_bank_get_questions (bank)) >=
      REFLECT_QUESTION_BANK_MAX_QUESTIONS)
    {
      g_set_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_BANK_FULL,
                   _("The bank “%s” already holds %d questions, the most a bank can hold."),
                   reflect_question_bank_get_title (bank), REFLECT_QUESTION_BANK_MAX_QUESTIONS);
      return NULL;
    }

  /* Unique everywhere, and a valid question id in an exported file. */
  uuid = g_uuid_string_random ();
  id = g_strconcat ("custom-", uuid, NULL);

  stmt = reflect_store_prepare (self,
    "INSERT INTO custom_questions (id, bank_id, section_id, text, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return NULL;
  reflect_store_bind_text (stmt, 1, id);
  reflect_store_bind_text (stmt, 2, reflect_question_bank_get_id (bank));
  reflect_store_bind_text (stmt, 3, reflect_question_bank_get_section_id (bank, section));
  reflect_store_bind_text (stmt, 4, clean);
  sqlite3_bind_int64 (stmt, 5, now_seconds ());
  if (!reflect_store_step_done (self, stmt, error))
    return NULL;

  question = reflect_question_new (id, clean, reflect_question_bank_get_id (bank),
                                   reflect_question_bank_get_title (bank),
                                   reflect_question_bank_get_section_id (bank, section),
                                   reflect_question_bank_get_section_title (bank, section),
                                   TRUE);
  reflect_question_bank_add_question (bank, section, question);
  reflect_store_emit_changed (self, 0);
  return question;
}

static gboolean
refuse_shipped (ReflectCatalog  *catalog,
                const char      *question_id,
                GError         **error)
{
  ReflectQuestion *question = find_question (catalog, question_id, NULL);

  if (question != NULL && !reflect_question_is_custom (question))
    g_set_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_READ_ONLY,
                 _("“%s” comes from a question bank and cannot be changed; add a question of your own instead."),
                 reflect_question_get_text (question));
  else
    g_set_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_NOT_FOUND,
                 _("The question was not found; it may have been deleted."));
  return FALSE;
}

/**
 * reflect_store_update_custom_question:
 *
 * Rewords one of the person's own questions.  The banks' own questions
 * are read-only.
 */
gboolean
reflect_store_update_custom_question (ReflectStore    *self,
                                      ReflectCatalog  *catalog,
                                      const char      *question_id,
                                      const char      *text,
                                      GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  ReflectQuestion *question;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);
  g_return_val_if_fail (catalog == NULL || REFLECT_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  clean = clean_text (text, REFLECT_QUESTION_MAX_TEXT, TRUE, _("question"), error);
  if (clean == NULL)
    return FALSE;

  stmt = reflect_store_prepare (self, "UPDATE custom_questions SET text = ?2 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  reflect_store_bind_text (stmt, 1, question_id);
  reflect_store_bind_text (stmt, 2, clean);
  if (!reflect_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (reflect_store_get_db (self)) == 0)
    return refuse_shipped (catalog, question_id, error);

  question = find_question (catalog, question_id, NULL);
  if (question != NULL)
    reflect_question_set_text (question, clean);
  reflect_store_emit_changed (self, 0);
  return TRUE;
}

/**
 * reflect_store_delete_custom_question:
 *
 * Deletes one of the person's own questions; the asked log keeps its
 * copy of the text.
 */
gboolean
reflect_store_delete_custom_question (ReflectStore    *self,
                                      ReflectCatalog  *catalog,
                                      const char      *question_id,
                                      GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ReflectQuestionBank *bank = NULL;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);
  g_return_val_if_fail (catalog == NULL || REFLECT_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  stmt = reflect_store_prepare (self, "DELETE FROM custom_questions WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  reflect_store_bind_text (stmt, 1, question_id);
  if (!reflect_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (reflect_store_get_db (self)) == 0)
    return refuse_shipped (catalog, question_id, error);

  g_clear_pointer (&stmt, reflect_store_release_statement);
  stmt = reflect_store_prepare (self, "DELETE FROM favourite_questions WHERE question_id = ?1",
                                NULL);
  if (stmt != NULL)
    {
      reflect_store_bind_text (stmt, 1, question_id);
      reflect_store_step_done (self, stmt, NULL);
    }

  if (find_question (catalog, question_id, &bank) != NULL)
    reflect_question_bank_remove_question (bank, question_id);
  reflect_store_emit_changed (self, 0);
  return TRUE;
}

/**
 * reflect_store_import_question_bank:
 * @filename: (nullable): named in error messages
 * @replace: whether a bank already imported with the same id is replaced
 *
 * Checks the whole file first; a file with any fault is refused whole and
 * nothing changes.  When an imported bank has the same id and @replace is
 * %FALSE, fails with %REFLECT_QUESTIONS_ERROR_BANK_EXISTS so the caller can
 * ask.  The banks that come with Reflect are never replaced.
 *
 * Returns: (transfer none) (nullable): the bank, now in @catalog
 */
ReflectQuestionBank *
reflect_store_import_question_bank (ReflectStore    *self,
                                    ReflectCatalog  *catalog,
                                    const char      *data,
                                    gssize           length,
                                    const char      *filename,
                                    gboolean         replace,
                                    GError         **error)
{
  g_autoptr(ReflectQuestionBank) bank = NULL;
  g_autofree char *json = NULL;
  ReflectQuestionBank *existing;
  const char *id;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);
  g_return_val_if_fail (REFLECT_IS_CATALOG (catalog), NULL);

  bank = reflect_question_bank_new_from_data (data, length, filename, error);
  if (bank == NULL)
    return NULL;

  id = reflect_question_bank_get_id (bank);
  /* Refused even before the person has written a question of their own:
   * their questions would land in the imported bank. */
  if (g_strcmp0 (id, REFLECT_MY_QUESTIONS_BANK_ID) == 0)
    {
      g_set_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_BANK_SHIPPED,
                   _("%s: the bank id “%s” is where Reflect keeps your own questions. Give the bank in the file an id of its own."),
                   filename ? filename : _("(unnamed)"), id);
      return NULL;
    }
  existing = reflect_catalog_find_bank (catalog, id);
  if (existing != NULL && reflect_question_bank_get_builtin (existing))
    {
      g_set_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_BANK_SHIPPED,
                   _("%s: the bank id “%s” belongs to “%s”, which comes with Reflect and cannot be replaced. Give the bank in the file an id of its own."),
                   filename ? filename : _("(unnamed)"), id,
                   reflect_question_bank_get_title (existing));
      return NULL;
    }
  if (existing != NULL && !replace)
    {
      g_set_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_BANK_EXISTS,
                   _("A bank with the id “%s” (“%s”) is already imported."), id,
                   reflect_question_bank_get_title (existing));
      return NULL;
    }

  /* Stored as Reflect writes it: what was checked is what loads. */
  json = reflect_question_bank_to_data (bank);

  if (!reflect_store_begin (self, error))
    return NULL;

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
      "INSERT INTO question_banks (id, json, imported_at) VALUES (?1, ?2, ?3)"
      " ON CONFLICT (id) DO UPDATE SET json = excluded.json", error);
    if (stmt == NULL)
      goto failed;
    reflect_store_bind_text (stmt, 1, id);
    reflect_store_bind_text (stmt, 2, json);
    sqlite3_bind_int64 (stmt, 3, now_seconds ());
    if (!reflect_store_step_done (self, stmt, error))
      goto failed;
  }

  {
    /* A re-imported export carries the person's own questions in the
     * file: keep one copy of each. */
    g_autoptr(sqlite3_stmt) select = reflect_store_prepare (self,
      "SELECT id FROM custom_questions WHERE bank_id = ?1", error);
    g_autoptr(GPtrArray) carried = g_ptr_array_new_with_free_func (g_free);

    if (select == NULL)
      goto failed;
    reflect_store_bind_text (select, 1, id);
    while (sqlite3_step (select) == SQLITE_ROW)
      if (reflect_question_bank_find_question (bank, reflect_store_column_text (select, 0)))
        g_ptr_array_add (carried, g_strdup (reflect_store_column_text (select, 0)));
    g_clear_pointer (&select, reflect_store_release_statement);

    for (guint i = 0; i < carried->len; i++)
      {
        g_autoptr(sqlite3_stmt) del = reflect_store_prepare (self,
          "DELETE FROM custom_questions WHERE id = ?1", error);
        if (del == NULL)
          goto failed;
        reflect_store_bind_text (del, 1, g_ptr_array_index (carried, i));
        if (!reflect_store_step_done (self, del, error))
          goto failed;
      }
  }

  if (!reflect_store_commit (self, error))
    goto failed;

  reflect_catalog_reload (catalog);
  reflect_store_emit_changed (self, 0);
  return reflect_catalog_find_bank (catalog, id);

failed:
  reflect_store_rollback (self);
  return NULL;
}

/**
 * reflect_store_remove_question_bank:
 *
 * Removes an imported bank (or the person's own) with the questions added
 * to it.  The banks that come with Reflect cannot be removed.
 */
gboolean
reflect_store_remove_question_bank (ReflectStore    *self,
                                    ReflectCatalog  *catalog,
                                    const char      *bank_id,
                                    GError         **error)
{
  ReflectQuestionBank *bank;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);
  g_return_val_if_fail (REFLECT_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (bank_id != NULL, FALSE);

  bank = reflect_catalog_find_bank (catalog, bank_id);
  if (bank != NULL && reflect_question_bank_get_builtin (bank))
    {
      g_set_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_READ_ONLY,
                   _("“%s” comes with Reflect and cannot be removed."),
                   reflect_question_bank_get_title (bank));
      return FALSE;
    }

  if (!reflect_store_begin (self, error))
    return FALSE;

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
      "DELETE FROM question_banks WHERE id = ?1", error);
    if (stmt == NULL)
      goto failed;
    reflect_store_bind_text (stmt, 1, bank_id);
    if (!reflect_store_step_done (self, stmt, error))
      goto failed;
    if (sqlite3_changes (reflect_store_get_db (self)) == 0)
      {
        g_set_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_NOT_FOUND,
                     _("There is no imported question bank “%s”."), bank_id);
        goto failed;
      }
  }

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
      "DELETE FROM custom_questions WHERE bank_id = ?1", error);
    if (stmt == NULL)
      goto failed;
    reflect_store_bind_text (stmt, 1, bank_id);
    if (!reflect_store_step_done (self, stmt, error))
      goto failed;
  }

  if (!reflect_store_commit (self, error))
    goto failed;

  reflect_catalog_reload (catalog);
  reflect_store_emit_changed (self, 0);
  return TRUE;

failed:
  reflect_store_rollback (self);
  return FALSE;
}

/**
 * reflect_store_mark_question_asked:
 * @round: the round of the session
 * @stage_key: the stage the clock was on
 *
 * Logs that a question was asked now.  The text is copied, so the log
 * reads the same after the question is edited or its bank removed.
 *
 * Returns: the id of the log row, or 0 on error
 */
gint64
reflect_store_mark_question_asked (ReflectStore  *self,
                                   gint64         session_id,
                                   guint          round,
                                   const char    *stage_key,
                                   const char    *question_id,
                                   const char    *question_text,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  gint64 id;

  g_return_val_if_fail (REFLECT_IS_STORE (self), 0);
  g_return_val_if_fail (stage_key != NULL, 0);
  g_return_val_if_fail (question_id != NULL, 0);

  clean = clean_text (question_text, REFLECT_QUESTION_MAX_TEXT, TRUE, _("question"), error);
  if (clean == NULL)
    return 0;

  stmt = reflect_store_prepare (self,
    "INSERT INTO asked_questions (session_id, round_number, stage_key, question_id,"
    " question_text, asked_at) SELECT id, ?2, ?3, ?4, ?5, ?6 FROM sessions WHERE id = ?1",
    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int (stmt, 2, (int)MAX (round, 1));
  reflect_store_bind_text (stmt, 3, stage_key);
  reflect_store_bind_text (stmt, 4, question_id);
  reflect_store_bind_text (stmt, 5, clean);
  sqlite3_bind_int64 (stmt, 6, now_seconds ());
  if (!reflect_store_step_done (self, stmt, error))
    return 0;

  if (sqlite3_changes (reflect_store_get_db (self)) == 0)
    {
      g_set_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_NOT_FOUND,
                   _("The session was not found; it may have been deleted."));
      return 0;
    }

  id = sqlite3_last_insert_rowid (reflect_store_get_db (self));
  reflect_store_emit_changed (self, session_id);
  return id;
}

static gint64
asked_session (ReflectStore *self,
               gint64        asked_id)
{
  g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
    "SELECT session_id FROM asked_questions WHERE id = ?1", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, asked_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
not_in_log (GError **error)
{
  g_set_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_NOT_FOUND,
               _("That question is no longer in the session’s asked list."));
  return FALSE;
}

/**
 * reflect_store_unmark_question_asked:
 *
 * Takes a question off the session's asked log (asked by mistake).
 */
gboolean
reflect_store_unmark_question_asked (ReflectStore  *self,
                                     gint64         asked_id,
                                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 session_id;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);

  session_id = asked_session (self, asked_id);
  if (session_id == 0)
    return not_in_log (error);

  stmt = reflect_store_prepare (self, "DELETE FROM asked_questions WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, asked_id);
  if (!reflect_store_step_done (self, stmt, error))
    return FALSE;

  reflect_store_emit_changed (self, session_id);
  return TRUE;
}

/**
 * reflect_store_set_asked_question_response:
 * @response: (nullable): a short note of how the group answered
 */
gboolean
reflect_store_set_asked_question_response (ReflectStore  *self,
                                           gint64         asked_id,
                                           const char    *response,
                                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  gint64 session_id;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);

  clean = clean_text (response, REFLECT_ASKED_RESPONSE_MAX, FALSE, _("response note"), error);
  if (clean == NULL)
    return FALSE;

  session_id = asked_session (self, asked_id);
  if (session_id == 0)
    return not_in_log (error);

  stmt = reflect_store_prepare (self, "UPDATE asked_questions SET response = ?2 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, asked_id);
  reflect_store_bind_text (stmt, 2, clean);
  if (!reflect_store_step_done (self, stmt, error))
    return FALSE;

  reflect_store_emit_changed (self, session_id);
  return TRUE;
}

/**
 * reflect_store_list_asked_questions:
 *
 * Returns: (transfer full): #ReflectAskedQuestion items of the session,
 * in the order they were asked
 */
GListModel *
reflect_store_list_asked_questions (ReflectStore  *self,
                                    gint64         session_id,
                                    GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (REFLECT_TYPE_ASKED_QUESTION);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  stmt = reflect_store_prepare (self,
    "SELECT id, round_number, stage_key, question_id, question_text, asked_at, response"
    " FROM asked_questions WHERE session_id = ?1 ORDER BY asked_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(ReflectAskedQuestion) asked =
        reflect_asked_question_new (sqlite3_column_int64 (stmt, 0),
                                    (guint)sqlite3_column_int (stmt, 1),
                                    reflect_store_column_text (stmt, 2),
                                    reflect_store_column_text (stmt, 3),
                                    reflect_store_column_text (stmt, 4),
                                    sqlite3_column_int64 (stmt, 5),
                                    reflect_store_column_text (stmt, 6));
      g_list_store_append (list, asked);
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * reflect_questions_ask:
 * @run: the session being run
 *
 * Asks a question now: logs it with the clock's current stage and the
 * round, and makes it the current question (the presenter window shows
 * it).  One click in every view that offers questions comes here.
 *
 * Returns: the id of the log row, or 0 on error
 */
gint64
reflect_questions_ask (ReflectRun  *run,
                       const char  *question_id,
                       const char  *text,
                       GError     **error)
{
  ReflectModelStage *stage;
  gint64 id;

  g_return_val_if_fail (REFLECT_IS_RUN (run), 0);
  g_return_val_if_fail (question_id != NULL, 0);
  g_return_val_if_fail (text != NULL, 0);

  stage = reflect_run_get_current_stage (run);
  id = reflect_store_mark_question_asked (reflect_run_get_store (run),
                                          reflect_session_get_id (reflect_run_get_session (run)),
                                          reflect_run_get_round (run),
                                          stage ? reflect_model_stage_get_key (stage) : "",
                                          question_id, text, error);
  if (id > 0)
    reflect_run_set_current_question (run, text);
  return id;
}

/**
 * reflect_questions_find_section:
 * @section_id: a section id as a model stage names it (`morrison.analysis`)
 * @section: (out) (optional): its index in the bank
 *
 * Returns: (transfer none) (nullable): the bank that has the section
 */
ReflectQuestionBank *
reflect_questions_find_section (ReflectCatalog *catalog,
                                const char     *section_id,
                                guint          *section)
{
  GListModel *banks;

  g_return_val_if_fail (REFLECT_IS_CATALOG (catalog), NULL);

  banks = reflect_catalog_get_banks (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (banks); i++)
    {
      g_autoptr(ReflectQuestionBank) bank = g_list_model_get_item (banks, i);
      int found = reflect_question_bank_find_section (bank, section_id);

      if (found >= 0)
        {
          if (section != NULL)
            *section = (guint)found;
          return bank;
        }
    }
  return NULL;
}
