/* reflect-store-record.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-store-record"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-store-private.h"
#include "reflect-store-record.h"

/* What goes on record: stage notes, the structured record, actions and
 * information-sharing decisions.  Every write is one short transaction
 * that also keeps the search index in step.
 *
 * Signals: text typed into a note or a record field is saved every few
 * hundred milliseconds while someone types, and ReflectStore::changed
 * makes the sessions list read itself again; so text saves emit it only
 * when a note first appears, and structural changes (an action or a
 * decision added, moved or deleted) always do. */

static const char * const field_columns[REFLECT_RECORD_N_FIELDS] = {
  "strengths",
  "hypothesis_before",
  "hypothesis_after",
  "learning",
  "themes",
  "family_update",
  "feedback",
};

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
reflect_record_free (ReflectRecord *record)
{
  if (record == NULL)
    return;
  for (guint i = 0; i < REFLECT_RECORD_N_FIELDS; i++)
    g_free (record->fields[i]);
  g_free (record);
}

void
reflect_note_free (ReflectNote *note)
{
  if (note == NULL)
    return;
  g_free (note->stage_key);
  g_free (note->body);
  g_free (note);
}

void
reflect_action_free (ReflectAction *action)
{
  if (action == NULL)
    return;
  g_free (action->what);
  g_free (action->owner);
  g_free (action->due);
  g_free (action);
}

void
reflect_info_sharing_free (ReflectInfoSharing *item)
{
  if (item == NULL)
    return;
  g_free (item->what);
  g_free (item->with_whom);
  g_free (item->why);
  g_free (item);
}

void
reflect_record_attendee_free (ReflectRecordAttendee *attendee)
{
  if (attendee == NULL)
    return;
  g_free (attendee->name);
  g_free (attendee->agency);
  g_free (attendee->job_title);
  g_free (attendee);
}

/**
 * reflect_record_field_to_string:
 *
 * Returns: the stable name of @field (its column, and its key in exports)
 */
const char *
reflect_record_field_to_string (ReflectRecordField field)
{
  g_return_val_if_fail (field < REFLECT_RECORD_N_FIELDS, NULL);
  return field_columns[field];
}

/* Notes */

/**
 * reflect_store_save_note:
 * @body: the whole text of the note; an empty text keeps the row but
 *   takes it out of the search index
 * @created: (out) (optional): whether this save made the note
 *
 * Saves the note of one stage of one round, in one transaction.
 */
gboolean
reflect_store_save_note (ReflectStore  *self,
                         gint64         session_id,
                         guint          round,
                         const char    *stage_key,
                         const char    *body,
                         gboolean      *created,
                         GError       **error)
{
  gint64 note_id = 0;
  gboolean inserted = FALSE;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);
  g_return_val_if_fail (stage_key != NULL, FALSE);

  if (created != NULL)
    *created = FALSE;

  if (!reflect_store_begin (self, error))
    return FALSE;

  {
    g_autoptr(sqlite3_stmt) find = reflect_store_prepare (self,
      "SELECT id FROM notes WHERE session_id = ?1 AND round_number = ?2 AND stage_key = ?3",
      error);
    if (find == NULL)
      goto failed;
    sqlite3_bind_int64 (find, 1, session_id);
    sqlite3_bind_int (find, 2, (int)MAX (round, 1));
    reflect_store_bind_text (find, 3, stage_key);
    if (sqlite3_step (find) == SQLITE_ROW)
      note_id = sqlite3_column_int64 (find, 0);
  }

  if (note_id > 0)
    {
      g_autoptr(sqlite3_stmt) update = reflect_store_prepare (self,
        "UPDATE notes SET body = ?1, updated_at = ?2 WHERE id = ?3", error);
      if (update == NULL)
        goto failed;
      reflect_store_bind_text (update, 1, body);
      sqlite3_bind_int64 (update, 2, now_seconds ());
      sqlite3_bind_int64 (update, 3, note_id);
      if (!reflect_store_step_done (self, update, error))
        goto failed;
    }
  else
    {
      g_autoptr(sqlite3_stmt) insert = reflect_store_prepare (self,
        "INSERT INTO notes (session_id, round_number, stage_key, body, updated_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (insert == NULL)
        goto failed;
      sqlite3_bind_int64 (insert, 1, session_id);
      sqlite3_bind_int (insert, 2, (int)MAX (round, 1));
      reflect_store_bind_text (insert, 3, stage_key);
      reflect_store_bind_text (insert, 4, body);
      sqlite3_bind_int64 (insert, 5, now_seconds ());
      if (!reflect_store_step_done (self, insert, error))
        goto failed;
      note_id = sqlite3_last_insert_rowid (reflect_store_get_db (self));
      inserted = TRUE;
    }

  if (!reflect_store_index_text (self, session_id, "note", note_id, body, error) ||
      !reflect_store_commit (self, error))
    goto failed;

  if (created != NULL)
    *created = inserted;
  if (inserted)
    reflect_store_emit_changed (self, session_id);
  return TRUE;

failed:
  reflect_store_rollback (self);
  return FALSE;
}

/**
 * reflect_store_load_note:
 *
 * Returns: (transfer full) (nullable): the note's text, "" if there is
 * none yet, %NULL on error
 */
char *
reflect_store_load_note (ReflectStore  *self,
                         gint64         session_id,
                         guint          round,
                         const char    *stage_key,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  stmt = reflect_store_prepare (self,
    "SELECT body FROM notes WHERE session_id = ?1 AND round_number = ?2 AND stage_key = ?3",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int (stmt, 2, (int)MAX (round, 1));
  reflect_store_bind_text (stmt, 3, stage_key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup (reflect_store_column_text (stmt, 0));
  if (rc == SQLITE_DONE)
    return g_strdup ("");

  reflect_store_set_error (self, error, _("Could not read the note"));
  return NULL;
}

/**
 * reflect_store_list_notes:
 *
 * Returns: (transfer full) (element-type ReflectNote): every note of the
 * session, by round, in the order they were first written
 */
GPtrArray *
reflect_store_list_notes (ReflectStore  *self,
                          gint64         session_id,
                          GError       **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify)reflect_note_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  stmt = reflect_store_prepare (self,
    "SELECT id, round_number, stage_key, body, updated_at FROM notes"
    " WHERE session_id = ?1 ORDER BY round_number, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReflectNote *note = g_new0 (ReflectNote, 1);
      note->id = sqlite3_column_int64 (stmt, 0);
      note->round = (guint)MAX (1, sqlite3_column_int (stmt, 1));
      note->stage_key = g_strdup (reflect_store_column_text (stmt, 2));
      note->body = g_strdup (reflect_store_column_text (stmt, 3));
      note->updated_at = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (notes, note);
    }

  if (rc != SQLITE_DONE)
    {
      reflect_store_set_error (self, error, _("Could not read the notes"));
      return NULL;
    }
  return g_steal_pointer (&notes);
}

/* The structured record */

static char *
record_search_text (ReflectRecord *record)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < REFLECT_RECORD_N_FIELDS; i++)
    if (record->fields[i][0] != '\0')
      {
        if (text->len > 0)
          g_string_append_c (text, '\n');
        g_string_append (text, record->fields[i]);
      }
  return g_string_free (text, FALSE);
}

/**
 * reflect_store_save_record_field:
 *
 * Saves one field of the session's record (strengths, hypothesis before
 * and after, learning, themes, how the family will be told, feedback).
 */
gboolean
reflect_store_save_record_field (ReflectStore        *self,
                                 gint64               session_id,
                                 ReflectRecordField   field,
                                 const char          *text,
                                 GError             **error)
{
  g_autoptr(ReflectRecord) record = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *search_text = NULL;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);
  g_return_val_if_fail (field < REFLECT_RECORD_N_FIELDS, FALSE);

  /* The column name comes from our own table, never from input. */
  sql = g_strdup_printf ("INSERT INTO session_record (session_id, %s, updated_at)"
                         " VALUES (?1, ?2, ?3) ON CONFLICT (session_id)"
                         " DO UPDATE SET %s = excluded.%s, updated_at = excluded.updated_at",
                         field_columns[field], field_columns[field], field_columns[field]);

  if (!reflect_store_begin (self, error))
    return FALSE;

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self, sql, error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, session_id);
    reflect_store_bind_text (stmt, 2, text);
    sqlite3_bind_int64 (stmt, 3, now_seconds ());
    if (!reflect_store_step_done (self, stmt, error))
      goto failed;
  }

  record = reflect_store_load_record (self, session_id, error);
  if (record == NULL)
    goto failed;
  search_text = record_search_text (record);

  if (!reflect_store_index_text (self, session_id, "record", session_id, search_text, error) ||
      !reflect_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  reflect_store_rollback (self);
  return FALSE;
}

/**
 * reflect_store_load_record:
 *
 * Returns: (transfer full) (nullable): the session's record; every field
 * is "" when nothing has been written yet
 */
ReflectRecord *
reflect_store_load_record (ReflectStore  *self,
                           gint64         session_id,
                           GError       **error)
{
  g_autoptr(ReflectRecord) record = g_new0 (ReflectRecord, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  stmt = reflect_store_prepare (self,
    "SELECT strengths, hypothesis_before, hypothesis_after, learning, themes,"
    " family_update, feedback, updated_at FROM session_record WHERE session_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      reflect_store_set_error (self, error, _("Could not read the record"));
      return NULL;
    }

  for (guint i = 0; i < REFLECT_RECORD_N_FIELDS; i++)
    record->fields[i] = g_strdup (rc == SQLITE_ROW ? reflect_store_column_text (stmt, i) : "");
  record->updated_at = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, REFLECT_RECORD_N_FIELDS) : 0;

  return g_steal_pointer (&record);
}

/* Actions */

static char *
action_search_text (const char *what,
                    const char *owner,
                    const char *due)
{
  return g_strjoin ("\n", what ? what : "", owner ? owner : "", due ? due : "", NULL);
}

static gint64
session_of (ReflectStore  *self,
            const char    *sql,
            gint64         id,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self, sql, error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_NOT_FOUND,
               _("The item no longer exists."));
  return 0;
}

/**
 * reflect_store_add_action:
 *
 * Adds an action at the end of the session's list.
 *
 * Returns: the new action's id, or 0 on error
 */
gint64
reflect_store_add_action (ReflectStore  *self,
                          gint64         session_id,
                          const char    *what,
                          const char    *owner,
                          const char    *due,
                          GError       **error)
{
  g_autofree char *search_text = NULL;
  gint64 id;

  g_return_val_if_fail (REFLECT_IS_STORE (self), 0);

  if (!reflect_store_begin (self, error))
    return 0;

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
      "INSERT INTO actions (session_id, position, what, owner, due)"
      " VALUES (?1, (SELECT COALESCE (MAX (position) + 1, 0) FROM actions WHERE session_id = ?1),"
      " ?2, ?3, ?4)", error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, session_id);
    reflect_store_bind_text (stmt, 2, what);
    reflect_store_bind_text (stmt, 3, owner);
    reflect_store_bind_text (stmt, 4, due);
    if (!reflect_store_step_done (self, stmt, error))
      goto failed;
    id = sqlite3_last_insert_rowid (reflect_store_get_db (self));
  }

  search_text = action_search_text (what, owner, due);
  if (!reflect_store_index_text (self, session_id, "action", id, search_text, error) ||
      !reflect_store_commit (self, error))
    goto failed;

  reflect_store_emit_changed (self, session_id);
  return id;

failed:
  reflect_store_rollback (self);
  return 0;
}

/**
 * reflect_store_update_action:
 *
 * Saves every field of an action.  It does not emit ReflectStore::changed
 * (it is called as the user types).
 */
gboolean
reflect_store_update_action (ReflectStore  *self,
                             gint64         action_id,
                             const char    *what,
                             const char    *owner,
                             const char    *due,
                             gboolean       done,
                             GError       **error)
{
  g_autofree char *search_text = NULL;
  gint64 session_id;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);

  if (!reflect_store_begin (self, error))
    return FALSE;

  session_id = session_of (self, "SELECT session_id FROM actions WHERE id = ?1", action_id, error);
  if (session_id == 0)
    goto failed;

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
      "UPDATE actions SET what = ?1, owner = ?2, due = ?3, done = ?4 WHERE id = ?5", error);
    if (stmt == NULL)
      goto failed;
    reflect_store_bind_text (stmt, 1, what);
    reflect_store_bind_text (stmt, 2, owner);
    reflect_store_bind_text (stmt, 3, due);
    sqlite3_bind_int (stmt, 4, done ? 1 : 0);
    sqlite3_bind_int64 (stmt, 5, action_id);
    if (!reflect_store_step_done (self, stmt, error))
      goto failed;
  }

  search_text = action_search_text (what, owner, due);
  if (!reflect_store_index_text (self, session_id, "action", action_id, search_text, error) ||
      !reflect_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  reflect_store_rollback (self);
  return FALSE;
}

/* Positions are rewritten 0..n-1 in the new order, so they stay dense
 * however often items are moved or deleted. */
static gboolean
renumber (ReflectStore  *self,
          const char    *table,
          gint64         session_id,
          gint64         moved_id,
          guint          position,
          GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *select_sql = g_strdup_printf (
    "SELECT id FROM %s WHERE session_id = ?1 ORDER BY position, id", table);
  g_autofree char *update_sql = g_strdup_printf (
    "UPDATE %s SET position = ?1 WHERE id = ?2", table);

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self, select_sql, error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, session_id);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        if (id != moved_id)
          g_array_append_val (ids, id);
      }
  }

  if (moved_id > 0)
    g_array_insert_val (ids, MIN (position, ids->len), moved_id);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self, update_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, (int)i);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!reflect_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * reflect_store_move_action:
 * @position: where it goes, counted from 0 (past the end: last)
 */
gboolean
reflect_store_move_action (ReflectStore  *self,
                           gint64         action_id,
                           guint          position,
                           GError       **error)
{
  gint64 session_id;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);

  if (!reflect_store_begin (self, error))
    return FALSE;

  session_id = session_of (self, "SELECT session_id FROM actions WHERE id = ?1", action_id, error);
  if (session_id == 0 ||
      !renumber (self, "actions", session_id, action_id, position, error) ||
      !reflect_store_commit (self, error))
    {
      reflect_store_rollback (self);
      return FALSE;
    }

  reflect_store_emit_changed (self, session_id);
  return TRUE;
}

static gboolean
delete_item (ReflectStore  *self,
             const char    *table,
             const char    *kind,
             gint64         id,
             GError       **error)
{
  g_autofree char *find_sql = g_strdup_printf ("SELECT session_id FROM %s WHERE id = ?1", table);
  g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  gint64 session_id;

  if (!reflect_store_begin (self, error))
    return FALSE;

  session_id = session_of (self, find_sql, id, error);
  if (session_id == 0)
    goto failed;

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self, delete_sql, error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, id);
    if (!reflect_store_step_done (self, stmt, error))
      goto failed;
  }

  if ((kind != NULL && !reflect_store_unindex_text (self, kind, id, error)) ||
      !renumber (self, table, session_id, 0, 0, error) ||
      !reflect_store_commit (self, error))
    goto failed;

  reflect_store_emit_changed (self, session_id);
  return TRUE;

failed:
  reflect_store_rollback (self);
  return FALSE;
}

gboolean
reflect_store_delete_action (ReflectStore  *self,
                             gint64         action_id,
                             GError       **error)
{
  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);
  return delete_item (self, "actions", "action", action_id, error);
}

/**
 * reflect_store_list_actions:
 *
 * Returns: (transfer full) (element-type ReflectAction): in their order
 */
GPtrArray *
reflect_store_list_actions (ReflectStore  *self,
                            gint64         session_id,
                            GError       **error)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (
    (GDestroyNotify)reflect_action_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  stmt = reflect_store_prepare (self,
    "SELECT id, position, what, owner, due, done FROM actions"
    " WHERE session_id = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReflectAction *action = g_new0 (ReflectAction, 1);
      action->id = sqlite3_column_int64 (stmt, 0);
      action->position = (guint)MAX (0, sqlite3_column_int (stmt, 1));
      action->what = g_strdup (reflect_store_column_text (stmt, 2));
      action->owner = g_strdup (reflect_store_column_text (stmt, 3));
      action->due = g_strdup (reflect_store_column_text (stmt, 4));
      action->done = sqlite3_column_int (stmt, 5) != 0;
      g_ptr_array_add (actions, action);
    }

  if (rc != SQLITE_DONE)
    {
      reflect_store_set_error (self, error, _("Could not read the actions"));
      return NULL;
    }
  return g_steal_pointer (&actions);
}

/* Information-sharing decisions */

gint64
reflect_store_add_info_sharing (ReflectStore  *self,
                                gint64         session_id,
                                const char    *what,
                                const char    *with_whom,
                                gboolean       shared,
                                const char    *why,
                                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (REFLECT_IS_STORE (self), 0);

  stmt = reflect_store_prepare (self,
    "INSERT INTO info_sharing (session_id, position, what, with_whom, shared, why)"
    " VALUES (?1, (SELECT COALESCE (MAX (position) + 1, 0) FROM info_sharing"
    " WHERE session_id = ?1), ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, session_id);
  reflect_store_bind_text (stmt, 2, what);
  reflect_store_bind_text (stmt, 3, with_whom);
  sqlite3_bind_int (stmt, 4, shared ? 1 : 0);
  reflect_store_bind_text (stmt, 5, why);
  if (!reflect_store_step_done (self, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (reflect_store_get_db (self));

  reflect_store_emit_changed (self, session_id);
  return id;
}

gboolean
reflect_store_update_info_sharing (ReflectStore  *self,
                                   gint64         item_id,
                                   const char    *what,
                                   const char    *with_whom,
                                   gboolean       shared,
                                   const char    *why,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);

  stmt = reflect_store_prepare (self,
    "UPDATE info_sharing SET what = ?1, with_whom = ?2, shared = ?3, why = ?4 WHERE id = ?5",
    error);
  if (stmt == NULL)
    return FALSE;
  reflect_store_bind_text (stmt, 1, what);
  reflect_store_bind_text (stmt, 2, with_whom);
  sqlite3_bind_int (stmt, 3, shared ? 1 : 0);
  reflect_store_bind_text (stmt, 4, why);
  sqlite3_bind_int64 (stmt, 5, item_id);
  if (!reflect_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (reflect_store_get_db (self)) == 0)
    {
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_NOT_FOUND,
                   _("The item no longer exists."));
      return FALSE;
    }
  return TRUE;
}

gboolean
reflect_store_delete_info_sharing (ReflectStore  *self,
                                   gint64         item_id,
                                   GError       **error)
{
  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);
  return delete_item (self, "info_sharing", NULL, item_id, error);
}

/**
 * reflect_store_list_info_sharing:
 *
 * Returns: (transfer full) (element-type ReflectInfoSharing)
 */
GPtrArray *
reflect_store_list_info_sharing (ReflectStore  *self,
                                 gint64         session_id,
                                 GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (
    (GDestroyNotify)reflect_info_sharing_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  stmt = reflect_store_prepare (self,
    "SELECT id, position, what, with_whom, shared, why FROM info_sharing"
    " WHERE session_id = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReflectInfoSharing *item = g_new0 (ReflectInfoSharing, 1);
      item->id = sqlite3_column_int64 (stmt, 0);
      item->position = (guint)MAX (0, sqlite3_column_int (stmt, 1));
      item->what = g_strdup (reflect_store_column_text (stmt, 2));
      item->with_whom = g_strdup (reflect_store_column_text (stmt, 3));
      item->shared = sqlite3_column_int (stmt, 4) != 0;
      item->why = g_strdup (reflect_store_column_text (stmt, 5));
      g_ptr_array_add (items, item);
    }

  if (rc != SQLITE_DONE)
    {
      reflect_store_set_error (self, error, _("Could not read the information-sharing decisions"));
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* Attendees, as the record needs them (names to hide, agencies to show). */

/**
 * reflect_store_list_record_attendees:
 *
 * Returns: (transfer full) (element-type ReflectRecordAttendee): in the
 * order they were added
 */
GPtrArray *
reflect_store_list_record_attendees (ReflectStore  *self,
                                     gint64         session_id,
                                     GError       **error)
{
  g_autoptr(GPtrArray) attendees = g_ptr_array_new_with_free_func (
    (GDestroyNotify)reflect_record_attendee_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  stmt = reflect_store_prepare (self,
    "SELECT id, name, agency, job_title, present FROM attendees"
    " WHERE session_id = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReflectRecordAttendee *attendee = g_new0 (ReflectRecordAttendee, 1);
      attendee->id = sqlite3_column_int64 (stmt, 0);
      attendee->name = g_strdup (reflect_store_column_text (stmt, 1));
      attendee->agency = g_strdup (reflect_store_column_text (stmt, 2));
      attendee->job_title = g_strdup (reflect_store_column_text (stmt, 3));
      attendee->present = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (attendees, attendee);
    }

  if (rc != SQLITE_DONE)
    {
      reflect_store_set_error (self, error, _("Could not read the attendees"));
      return NULL;
    }
  return g_steal_pointer (&attendees);
}

/**
 * reflect_store_list_session_ids_between:
 * @from: the first moment included (Unix time)
 * @to: the last moment included (Unix time)
 *
 * Returns: (transfer full) (element-type gint64): the sessions that start
 * in the range, oldest first
 */
GArray *
reflect_store_list_session_ids_between (ReflectStore  *self,
                                        gint64         from,
                                        gint64         to,
                                        GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  stmt = reflect_store_prepare (self,
    "SELECT id FROM sessions WHERE starts_at BETWEEN ?1 AND ?2 ORDER BY starts_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      reflect_store_set_error (self, error, _("Could not read the list of sessions"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}
