/* reflect-session-transfer.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-session-transfer"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-json.h"
#include "reflect-model.h"
#include "reflect-session-transfer.h"
#include "reflect-store-private.h"
#include "reflect-store-record.h"
#include "reflect-utils.h"

/* A whole session as one JSON document, to move it between a
 * facilitator's machines.  Attendees get a key local to the file
 * ("a1", "a2"…), and roles and actions refer to them by it, so an import
 * can check that every reference resolves.  An import is checked in full
 * before anything is written, then written in one transaction: it is
 * all there or not at all. */

G_DEFINE_QUARK (reflect-session-transfer-error-quark, reflect_session_transfer_error)

static const char * const record_keys[REFLECT_RECORD_N_FIELDS] = {
  "strengths", "hypothesis_before", "hypothesis_after", "learning", "themes",
  "family_update", "feedback",
};

/* Export */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value ? value : "");
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_column_int_or_null (JsonBuilder  *builder,
                        const char   *member,
                        sqlite3_stmt *stmt,
                        int           column)
{
  json_builder_set_member_name (builder, member);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, column));
}

static gboolean
step_failed (ReflectStore  *store,
             int            rc,
             GError       **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;
  reflect_store_set_error (store, error, _("Could not read the session"));
  return TRUE;
}

static char *
fold_name (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *normal = g_utf8_normalize (stripped, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  return g_utf8_casefold (normal ? normal : "", -1);
}

/**
 * reflect_session_export_json:
 *
 * Returns: (transfer full) (nullable): the whole session as JSON
 */
char *
reflect_session_export_json (ReflectStore  *store,
                             gint64         session_id,
                             GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (store), NULL);

  json_builder_begin_object (builder);
  add_int (builder, "format", REFLECT_SESSION_TRANSFER_FORMAT);
  add_string (builder, "kind", "reflect-session");

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (store,
      "SELECT uuid, model_id, model_title, model_json, case_ref, starts_at, mode, venue,"
      " purpose, purpose_other, manager_agreed, state, current_round, created_at, updated_at"
      " FROM sessions WHERE id = ?1", error);
    g_autoptr(JsonNode) model = NULL;

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, session_id);
    rc = sqlite3_step (stmt);
    if (rc != SQLITE_ROW)
      {
        if (rc == SQLITE_DONE)
          g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_NOT_FOUND,
                       _("The session no longer exists."));
        else
          reflect_store_set_error (store, error, _("Could not read the session"));
        return NULL;
      }

    model = json_from_string (reflect_store_column_text (stmt, 3), error);
    if (model == NULL)
      return NULL;

    json_builder_set_member_name (builder, "session");
    json_builder_begin_object (builder);
    add_string (builder, "uuid", reflect_store_column_text (stmt, 0));
    add_string (builder, "model_id", reflect_store_column_text (stmt, 1));
    add_string (builder, "model_title", reflect_store_column_text (stmt, 2));
    json_builder_set_member_name (builder, "model");
    json_builder_add_value (builder, g_steal_pointer (&model));
    add_string (builder, "case_ref", reflect_store_column_text (stmt, 4));
    add_int (builder, "starts_at", sqlite3_column_int64 (stmt, 5));
    add_string (builder, "mode", reflect_store_column_text (stmt, 6));
    add_string (builder, "venue", reflect_store_column_text (stmt, 7));
    add_string (builder, "purpose", reflect_store_column_text (stmt, 8));
    add_string (builder, "purpose_other", reflect_store_column_text (stmt, 9));
    json_builder_set_member_name (builder, "manager_agreed");
    json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 10) != 0);
    add_string (builder, "state", reflect_store_column_text (stmt, 11));
    add_int (builder, "current_round", sqlite3_column_int64 (stmt, 12));
    add_int (builder, "created_at", sqlite3_column_int64 (stmt, 13));
    add_int (builder, "updated_at", sqlite3_column_int64 (stmt, 14));
    json_builder_end_object (builder);
  }

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (store,
      "SELECT id, name, agency, job_title, present, confidence FROM attendees"
      " WHERE session_id = ?1 ORDER BY position, id", error);
    guint n = 0;

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, session_id);
    json_builder_set_member_name (builder, "attendees");
    json_builder_begin_array (builder);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        char *key = g_strdup_printf ("a%u", ++n);
        gint64 *id = g_new (gint64, 1);

        *id = sqlite3_column_int64 (stmt, 0);
        g_hash_table_insert (keys, id, key);
        g_hash_table_insert (names, fold_name (reflect_store_column_text (stmt, 1)),
                             g_strdup (key));

        json_builder_begin_object (builder);
        add_string (builder, "key", key);
        add_string (builder, "name", reflect_store_column_text (stmt, 1));
        add_string (builder, "agency", reflect_store_column_text (stmt, 2));
        add_string (builder, "job_title", reflect_store_column_text (stmt, 3));
        json_builder_set_member_name (builder, "present");
        json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 4) != 0);
        add_column_int_or_null (builder, "confidence", stmt, 5);
        json_builder_end_object (builder);
      }
    json_builder_end_array (builder);
    if (step_failed (store, rc, error))
      return NULL;
  }

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (store,
      "SELECT id, number, clock, started_at, ended_at FROM rounds"
      " WHERE session_id = ?1 ORDER BY number", error);

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, session_id);
    json_builder_set_member_name (builder, "rounds");
    json_builder_begin_array (builder);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 round_id = sqlite3_column_int64 (stmt, 0);
        sqlite3 *db = reflect_store_get_db (store);
        sqlite3_stmt *raw = NULL;

        json_builder_begin_object (builder);
        add_int (builder, "number", sqlite3_column_int64 (stmt, 1));
        add_string (builder, "clock", reflect_store_column_text (stmt, 2));
        add_column_int_or_null (builder, "started_at", stmt, 3);
        add_column_int_or_null (builder, "ended_at", stmt, 4);

        /* A nested query: not the cached statement, which may be in use. */
        json_builder_set_member_name (builder, "roles");
        json_builder_begin_array (builder);
        if (sqlite3_prepare_v2 (db,
                                "SELECT round_roles.attendee_id, round_roles.role"
                                " FROM round_roles JOIN attendees"
                                " ON attendees.id = round_roles.attendee_id"
                                " WHERE round_id = ?1 ORDER BY attendees.position, attendees.id",
                                -1, &raw, NULL) != SQLITE_OK)
          {
            reflect_store_set_error (store, error, _("Could not read the session"));
            sqlite3_finalize (raw);
            return NULL;
          }
        sqlite3_bind_int64 (raw, 1, round_id);
        while (sqlite3_step (raw) == SQLITE_ROW)
          {
            gint64 attendee_id = sqlite3_column_int64 (raw, 0);
            const char *key = g_hash_table_lookup (keys, &attendee_id);

            if (key == NULL)
              continue;
            json_builder_begin_object (builder);
            add_string (builder, "attendee", key);
            add_string (builder, "role", (const char *)sqlite3_column_text (raw, 1));
            json_builder_end_object (builder);
          }
        sqlite3_finalize (raw);
        json_builder_end_array (builder);
        json_builder_end_object (builder);
      }
    json_builder_end_array (builder);
    if (step_failed (store, rc, error))
      return NULL;
  }

  {
    g_autoptr(GPtrArray) notes = reflect_store_list_notes (store, session_id, error);

    if (notes == NULL)
      return NULL;
    json_builder_set_member_name (builder, "notes");
    json_builder_begin_array (builder);
    for (guint i = 0; i < notes->len; i++)
      {
        ReflectNote *note = g_ptr_array_index (notes, i);
        json_builder_begin_object (builder);
        add_int (builder, "round", note->round);
        add_string (builder, "stage", note->stage_key);
        add_string (builder, "body", note->body);
        add_int (builder, "updated_at", note->updated_at);
        json_builder_end_object (builder);
      }
    json_builder_end_array (builder);
  }

  {
    g_autoptr(GPtrArray) actions = reflect_store_list_actions (store, session_id, error);

    if (actions == NULL)
      return NULL;
    json_builder_set_member_name (builder, "actions");
    json_builder_begin_array (builder);
    for (guint i = 0; i < actions->len; i++)
      {
        ReflectAction *action = g_ptr_array_index (actions, i);
        g_autofree char *folded = fold_name (action->owner);
        const char *owner_key = *folded ? g_hash_table_lookup (names, folded) : NULL;

        json_builder_begin_object (builder);
        add_string (builder, "what", action->what);
        add_string (builder, "owner", action->owner);
        if (owner_key != NULL)
          add_string (builder, "owner_attendee", owner_key);
        add_string (builder, "due", action->due);
        json_builder_set_member_name (builder, "done");
        json_builder_add_boolean_value (builder, action->done);
        json_builder_end_object (builder);
      }
    json_builder_end_array (builder);
  }

  {
    g_autoptr(GPtrArray) items = reflect_store_list_info_sharing (store, session_id, error);

    if (items == NULL)
      return NULL;
    json_builder_set_member_name (builder, "info_sharing");
    json_builder_begin_array (builder);
    for (guint i = 0; i < items->len; i++)
      {
        ReflectInfoSharing *item = g_ptr_array_index (items, i);
        json_builder_begin_object (builder);
        add_string (builder, "what", item->what);
        add_string (builder, "with_whom", item->with_whom);
        json_builder_set_member_name (builder, "shared");
        json_builder_add_boolean_value (builder, item->shared);
        add_string (builder, "why", item->why);
        json_builder_end_object (builder);
      }
    json_builder_end_array (builder);
  }

  {
    g_autoptr(ReflectRecord) record = reflect_store_load_record (store, session_id, error);

    if (record == NULL)
      return NULL;
    json_builder_set_member_name (builder, "record");
    json_builder_begin_object (builder);
    for (guint i = 0; i < REFLECT_RECORD_N_FIELDS; i++)
      add_string (builder, record_keys[i], record->fields[i]);
    add_int (builder, "updated_at", record->updated_at);
    json_builder_end_object (builder);
  }

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (store,
      "SELECT round_number, stage_key, question_id, question_text, asked_at, response"
      " FROM asked_questions WHERE session_id = ?1 ORDER BY asked_at, id", error);

    if (stmt == NULL)
      return NULL;
    sqlite3_bind_int64 (stmt, 1, session_id);
    json_builder_set_member_name (builder, "asked_questions");
    json_builder_begin_array (builder);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        json_builder_begin_object (builder);
        add_int (builder, "round", sqlite3_column_int64 (stmt, 0));
        add_string (builder, "stage", reflect_store_column_text (stmt, 1));
        add_string (builder, "question_id", reflect_store_column_text (stmt, 2));
        add_string (builder, "question_text", reflect_store_column_text (stmt, 3));
        add_int (builder, "asked_at", sqlite3_column_int64 (stmt, 4));
        add_string (builder, "response", reflect_store_column_text (stmt, 5));
        json_builder_end_object (builder);
      }
    json_builder_end_array (builder);
    if (step_failed (store, rc, error))
      return NULL;
  }

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Import: checking */

static void
fault (GError     **error,
       const char  *filename,
       const char  *path,
       const char  *message)
{
  g_set_error (error, REFLECT_SESSION_TRANSFER_ERROR, REFLECT_SESSION_TRANSFER_ERROR_INVALID,
               "%s: %s: %s", filename, path, message);
}

/* reflect_json_* report G_IO_ERROR; ours are all in one domain. */
static void
retag (GError **error)
{
  if (error != NULL && *error != NULL && (*error)->domain != REFLECT_SESSION_TRANSFER_ERROR)
    {
      (*error)->domain = REFLECT_SESSION_TRANSFER_ERROR;
      (*error)->code = REFLECT_SESSION_TRANSFER_ERROR_INVALID;
    }
}

/* An optional text member: missing or null is "", anything but text is a fault. */
static gboolean
optional_string (JsonObject  *object,
                 const char  *member,
                 gsize        max_length,
                 const char  *filename,
                 const char  *path,
                 const char **out,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *value = reflect_json_get_string (object, member, FALSE, max_length, filename, path,
                                               &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *out = value ? value : "";
  return TRUE;
}

static gboolean
optional_int (JsonObject  *object,
              const char  *member,
              gint64       min,
              gint64       max,
              gboolean    *present,
              gint64      *out,
              const char  *filename,
              const char  *path,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *present = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  *present = TRUE;
  return reflect_json_get_int (object, member, min, max, out, filename, path, error);
}

static JsonArray *
optional_array (JsonObject  *object,
                const char  *member,
                const char  *filename,
                const char  *path,
                GError     **error)
{
  static JsonArray *empty;
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (g_once_init_enter (&empty))
        g_once_init_leave (&empty, json_array_new ());
      return empty;
    }
  return reflect_json_get_array (object, member, TRUE, filename, path, error);
}

#define LONG_TEXT 100000

typedef struct
{
  JsonObject     *root;
  JsonObject     *session;
  ReflectModel   *model;
  ReflectSession *parsed;
  GHashTable     *attendee_keys;  /* key → index */
} Document;

static void
document_clear (Document *doc)
{
  g_clear_object (&doc->model);
  g_clear_object (&doc->parsed);
  g_clear_pointer (&doc->attendee_keys, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Document, document_clear)

static gboolean
check_session (Document    *doc,
               const char  *filename,
               GError     **error)
{
  const char *path = "$.session";
  JsonObject *object = reflect_json_get_object (doc->root, "session", TRUE, filename, "$", error);
  JsonNode *model_node;
  const char *uuid, *model_title, *case_ref, *mode, *venue, *purpose, *purpose_other, *state;
  gint64 starts_at, current_round = 1, unused;
  gboolean manager_agreed, present;
  ReflectSessionState state_value = REFLECT_SESSION_PLANNED;
  g_autoptr(GError) local_error = NULL;

  if (object == NULL)
    return FALSE;
  doc->session = object;

  uuid = reflect_json_get_string (object, "uuid", TRUE, 100, filename, path, error);
  if (uuid == NULL)
    return FALSE;

  model_node = json_object_get_member (object, "model");
  if (model_node == NULL || !JSON_NODE_HOLDS_OBJECT (model_node))
    {
      fault (error, filename, "$.session.model", _("the session model is missing"));
      return FALSE;
    }
  doc->model = reflect_model_new_from_node (model_node, filename, &local_error);
  if (doc->model == NULL)
    {
      g_set_error (error, REFLECT_SESSION_TRANSFER_ERROR, REFLECT_SESSION_TRANSFER_ERROR_INVALID,
                   "%s (%s)", local_error->message, "$.session.model");
      return FALSE;
    }

  if (!optional_string (object, "model_title", 200, filename, path, &model_title, error) ||
      (case_ref = reflect_json_get_string (object, "case_ref", TRUE, REFLECT_CASE_REF_MAX,
                                           filename, path, error)) == NULL ||
      !reflect_json_get_int (object, "starts_at", 0, G_MAXINT64 / G_USEC_PER_SEC, &starts_at,
                             filename, path, error) ||
      !optional_string (object, "mode", 20, filename, path, &mode, error) ||
      !optional_string (object, "venue", REFLECT_VENUE_MAX, filename, path, &venue, error) ||
      (purpose = reflect_json_get_string (object, "purpose", TRUE, 100, filename, path,
                                          error)) == NULL ||
      !optional_string (object, "purpose_other", 1000, filename, path, &purpose_other, error) ||
      !reflect_json_get_bool (object, "manager_agreed", FALSE, &manager_agreed, filename, path,
                              error) ||
      !optional_string (object, "state", 20, filename, path, &state, error) ||
      !optional_int (object, "current_round", 1, 1000, &present, &current_round, filename, path,
                     error) ||
      !optional_int (object, "created_at", 0, G_MAXINT64, &present, &unused, filename, path,
                     error) ||
      !optional_int (object, "updated_at", 0, G_MAXINT64, &present, &unused, filename, path,
                     error))
    return FALSE;

  if (*mode != '\0' && !g_str_equal (mode, "face-to-face") && !g_str_equal (mode, "virtual"))
    {
      fault (error, filename, "$.session.mode", _("“mode” must be “face-to-face” or “virtual”"));
      return FALSE;
    }
  if (*state != '\0' && !reflect_session_state_from_string (state, &state_value))
    {
      fault (error, filename, "$.session.state",
             _("“state” must be “planned”, “in-progress” or “finished”"));
      return FALSE;
    }

  doc->parsed = reflect_session_new (doc->model);
  reflect_session_set_uuid (doc->parsed, uuid);
  reflect_session_set_model_summary (doc->parsed, reflect_model_get_id (doc->model),
                                     *model_title ? model_title
                                                  : reflect_model_get_title (doc->model));
  reflect_session_set_case_ref (doc->parsed, case_ref);
  reflect_session_set_starts_at (doc->parsed, starts_at);
  reflect_session_set_virtual (doc->parsed, g_str_equal (mode, "virtual"));
  reflect_session_set_venue (doc->parsed, venue);
  reflect_session_set_purpose (doc->parsed, purpose);
  reflect_session_set_purpose_other (doc->parsed, purpose_other);
  reflect_session_set_manager_agreed (doc->parsed, manager_agreed);
  reflect_session_set_state (doc->parsed, state_value);
  reflect_session_set_current_round (doc->parsed, (guint)current_round);

  if (!reflect_session_validate (doc->parsed, &local_error))
    {
      fault (error, filename, path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_attendees (Document    *doc,
                 const char  *filename,
                 GError     **error)
{
  JsonArray *array = optional_array (doc->root, "attendees", filename, "$", error);

  if (array == NULL)
    return FALSE;

  doc->attendee_keys = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.attendees[%u]", i);
      JsonObject *object = reflect_json_require_object (json_array_get_element (array, i),
                                                        filename, path, error);
      const char *key, *name, *agency, *job_title;
      gboolean present, has_confidence;
      gint64 confidence;

      if (object == NULL ||
          (key = reflect_json_get_string (object, "key", TRUE, 40, filename, path, error)) == NULL ||
          !optional_string (object, "name", 200, filename, path, &name, error) ||
          !optional_string (object, "agency", 200, filename, path, &agency, error) ||
          !optional_string (object, "job_title", 200, filename, path, &job_title, error) ||
          !reflect_json_get_bool (object, "present", TRUE, &present, filename, path, error) ||
          !optional_int (object, "confidence", 0, 5, &has_confidence, &confidence, filename, path,
                         error))
        return FALSE;

      if (!g_hash_table_insert (doc->attendee_keys, (gpointer)key, GUINT_TO_POINTER (i)))
        {
          g_autofree char *message = g_strdup_printf (_("the key “%s” is used twice"), key);
          fault (error, filename, path, message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_attendee_ref (Document    *doc,
                    JsonObject  *object,
                    const char  *member,
                    gboolean     required,
                    const char  *filename,
                    const char  *path,
                    GError     **error)
{
  const char *key;
  g_autofree char *member_path = g_strdup_printf ("%s.%s", path, member);

  if (!json_object_has_member (object, member) && !required)
    return TRUE;
  key = reflect_json_get_string (object, member, TRUE, 40, filename, path, error);
  if (key == NULL)
    return FALSE;
  if (!g_hash_table_contains (doc->attendee_keys, key))
    {
      g_autofree char *message = g_strdup_printf (_("there is no attendee “%s”"), key);
      fault (error, filename, member_path, message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_rounds (Document    *doc,
              const char  *filename,
              GError     **error)
{
  JsonArray *array = optional_array (doc->root, "rounds", filename, "$", error);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) values = NULL;

  if (array == NULL)
    return FALSE;

  values = g_array_sized_new (FALSE, FALSE, sizeof (gint64), json_array_get_length (array));
  g_array_set_size (values, json_array_get_length (array));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.rounds[%u]", i);
      JsonObject *object = reflect_json_require_object (json_array_get_element (array, i),
                                                        filename, path, error);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      JsonArray *roles;
      const char *clock;
      gboolean present;
      gint64 when;
      gboolean has_facilitator = FALSE, has_presenter = FALSE;

      if (object == NULL ||
          !reflect_json_get_int (object, "number", 1, 1000, &g_array_index (values, gint64, i),
                                 filename, path, error) ||
          !optional_string (object, "clock", LONG_TEXT, filename, path, &clock, error) ||
          !optional_int (object, "started_at", 0, G_MAXINT64, &present, &when, filename, path,
                         error) ||
          !optional_int (object, "ended_at", 0, G_MAXINT64, &present, &when, filename, path,
                         error))
        return FALSE;

      if (!g_hash_table_add (numbers, &g_array_index (values, gint64, i)))
        {
          fault (error, filename, path, _("this round number is used twice"));
          return FALSE;
        }

      roles = optional_array (object, "roles", filename, path, error);
      if (roles == NULL)
        return FALSE;
      for (guint r = 0; r < json_array_get_length (roles); r++)
        {
          g_autofree char *role_path = g_strdup_printf ("%s.roles[%u]", path, r);
          JsonObject *role_object = reflect_json_require_object (json_array_get_element (roles, r),
                                                                 filename, role_path, error);
          const char *role;

          if (role_object == NULL ||
              !check_attendee_ref (doc, role_object, "attendee", TRUE, filename, role_path, error) ||
              (role = reflect_json_get_string (role_object, "role", TRUE, 20, filename, role_path,
                                               error)) == NULL)
            return FALSE;

          if (!g_str_equal (role, "facilitator") && !g_str_equal (role, "presenter") &&
              !g_str_equal (role, "consultant"))
            {
              fault (error, filename, role_path,
                     _("“role” must be “facilitator”, “presenter” or “consultant”"));
              return FALSE;
            }
          if ((g_str_equal (role, "facilitator") && has_facilitator) ||
              (g_str_equal (role, "presenter") && has_presenter))
            {
              fault (error, filename, role_path, _("a round has only one person in this role"));
              return FALSE;
            }
          has_facilitator |= g_str_equal (role, "facilitator");
          has_presenter |= g_str_equal (role, "presenter");

          if (!g_hash_table_add (seen, (gpointer)json_object_get_string_member (role_object,
                                                                               "attendee")))
            {
              fault (error, filename, role_path, _("this attendee has two roles in one round"));
              return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
check_notes (Document    *doc,
             const char  *filename,
             GError     **error)
{
  JsonArray *array = optional_array (doc->root, "notes", filename, "$", error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.notes[%u]", i);
      JsonObject *object = reflect_json_require_object (json_array_get_element (array, i),
                                                        filename, path, error);
      const char *stage, *body;
      gint64 round, when;
      gboolean present;

      if (object == NULL ||
          !reflect_json_get_int (object, "round", 1, 1000, &round, filename, path, error) ||
          (stage = reflect_json_get_string (object, "stage", TRUE, 100, filename, path,
                                            error)) == NULL ||
          !optional_string (object, "body", LONG_TEXT, filename, path, &body, error) ||
          !optional_int (object, "updated_at", 0, G_MAXINT64, &present, &when, filename, path,
                         error))
        return FALSE;

      if (reflect_model_find_stage (doc->model, stage) < 0)
        {
          g_autofree char *message = g_strdup_printf (
            _("the session’s model has no stage “%s”"), stage);
          g_autofree char *stage_path = g_strdup_printf ("%s.stage", path);
          fault (error, filename, stage_path, message);
          return FALSE;
        }
      if (!g_hash_table_add (seen, g_strdup_printf ("%" G_GINT64_FORMAT "/%s", round, stage)))
        {
          fault (error, filename, path, _("there are two notes for this stage and round"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_rest (Document    *doc,
            const char  *filename,
            GError     **error)
{
  JsonArray *actions = optional_array (doc->root, "actions", filename, "$", error);
  JsonArray *items;
  JsonArray *asked;
  JsonObject *record;
  const char *text;
  gboolean flag, present;
  gint64 number;

  if (actions == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.actions[%u]", i);
      JsonObject *object = reflect_json_require_object (json_array_get_element (actions, i),
                                                        filename, path, error);

      if (object == NULL ||
          !optional_string (object, "what", LONG_TEXT, filename, path, &text, error) ||
          !optional_string (object, "owner", 1000, filename, path, &text, error) ||
          !optional_string (object, "due", 1000, filename, path, &text, error) ||
          !reflect_json_get_bool (object, "done", FALSE, &flag, filename, path, error) ||
          !check_attendee_ref (doc, object, "owner_attendee", FALSE, filename, path, error))
        return FALSE;
    }

  items = optional_array (doc->root, "info_sharing", filename, "$", error);
  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.info_sharing[%u]", i);
      JsonObject *object = reflect_json_require_object (json_array_get_element (items, i),
                                                        filename, path, error);

      if (object == NULL ||
          !optional_string (object, "what", LONG_TEXT, filename, path, &text, error) ||
          !optional_string (object, "with_whom", 1000, filename, path, &text, error) ||
          !reflect_json_get_bool (object, "shared", FALSE, &flag, filename, path, error) ||
          !optional_string (object, "why", LONG_TEXT, filename, path, &text, error))
        return FALSE;
    }

  if (json_object_has_member (doc->root, "record") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (doc->root, "record")))
    {
      record = reflect_json_get_object (doc->root, "record", TRUE, filename, "$", error);
      if (record == NULL)
        return FALSE;
      for (guint i = 0; i < REFLECT_RECORD_N_FIELDS; i++)
        if (!optional_string (record, record_keys[i], LONG_TEXT, filename, "$.record", &text,
                              error))
          return FALSE;
      if (!optional_int (record, "updated_at", 0, G_MAXINT64, &present, &number, filename,
                         "$.record", error))
        return FALSE;
    }

  asked = optional_array (doc->root, "asked_questions", filename, "$", error);
  if (asked == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (asked); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.asked_questions[%u]", i);
      JsonObject *object = reflect_json_require_object (json_array_get_element (asked, i),
                                                        filename, path, error);

      if (object == NULL ||
          !reflect_json_get_int (object, "round", 1, 1000, &number, filename, path, error) ||
          reflect_json_get_string (object, "stage", TRUE, 100, filename, path, error) == NULL ||
          reflect_json_get_string (object, "question_id", TRUE, 200, filename, path,
                                   error) == NULL ||
          reflect_json_get_string (object, "question_text", TRUE, LONG_TEXT, filename, path,
                                   error) == NULL ||
          !reflect_json_get_int (object, "asked_at", 0, G_MAXINT64, &number, filename, path,
                                 error) ||
          !optional_string (object, "response", LONG_TEXT, filename, path, &text, error))
        return FALSE;
    }

  return TRUE;
}

/* Import: writing.  Everything was checked; members are read plainly. */

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  return node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : "";
}

static gint64
member_int (JsonObject *object,
            const char *member,
            gint64      fallback)
{
  JsonNode *node = json_object_get_member (object, member);
  return node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : fallback;
}

static gboolean
member_bool (JsonObject *object,
             const char *member,
             gboolean    fallback)
{
  JsonNode *node = json_object_get_member (object, member);
  return node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_boolean (node) : fallback;
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  JsonObject   *object,
                  const char   *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node && JSON_NODE_HOLDS_VALUE (node))
    sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
run (ReflectStore  *store,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  return stmt != NULL && reflect_store_step_done (store, stmt, error);
}

static gint64
write_document (ReflectStore  *store,
                Document      *doc,
                GError       **error)
{
  sqlite3 *db = reflect_store_get_db (store);
  JsonObject *s = doc->session;
  g_autofree char *model_json = reflect_model_to_data (doc->model);
  g_autofree gint64 *attendee_ids = NULL;
  JsonArray *array;
  gint64 session_id;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (store,
      "INSERT INTO sessions (uuid, model_id, model_title, model_json, case_ref, starts_at, mode,"
      " venue, purpose, purpose_other, manager_agreed, state, current_round, created_at,"
      " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
      error);
    if (stmt == NULL)
      return 0;
    reflect_store_bind_text (stmt, 1, reflect_session_get_uuid (doc->parsed));
    reflect_store_bind_text (stmt, 2, reflect_session_get_model_id (doc->parsed));
    reflect_store_bind_text (stmt, 3, reflect_session_get_model_title (doc->parsed));
    reflect_store_bind_text (stmt, 4, model_json);
    reflect_store_bind_text (stmt, 5, reflect_session_get_case_ref (doc->parsed));
    sqlite3_bind_int64 (stmt, 6, reflect_session_get_starts_at (doc->parsed));
    reflect_store_bind_text (stmt, 7, reflect_session_get_virtual (doc->parsed) ? "virtual"
                                                                                : "face-to-face");
    reflect_store_bind_text (stmt, 8, reflect_session_get_venue (doc->parsed));
    reflect_store_bind_text (stmt, 9, reflect_session_get_purpose (doc->parsed));
    reflect_store_bind_text (stmt, 10, reflect_session_get_purpose_other (doc->parsed));
    sqlite3_bind_int (stmt, 11, reflect_session_get_manager_agreed (doc->parsed));
    reflect_store_bind_text (stmt, 12, reflect_session_state_to_string (
                               reflect_session_get_state (doc->parsed)));
    sqlite3_bind_int (stmt, 13, (int)reflect_session_get_current_round (doc->parsed));
    sqlite3_bind_int64 (stmt, 14, member_int (s, "created_at", now));
    sqlite3_bind_int64 (stmt, 15, member_int (s, "updated_at", now));
    if (!run (store, stmt, error))
      return 0;
    session_id = sqlite3_last_insert_rowid (db);
  }

  if (!reflect_store_index_text (store, session_id, "case", session_id,
                                 reflect_session_get_case_ref (doc->parsed), error))
    return 0;

  array = json_object_get_array_member (doc->root, "attendees");
  attendee_ids = g_new0 (gint64, array ? json_array_get_length (array) + 1 : 1);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *a = json_array_get_object_element (array, i);
      g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (store,
        "INSERT INTO attendees (session_id, name, agency, job_title, present, position,"
        " confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, session_id);
      reflect_store_bind_text (stmt, 2, member_string (a, "name"));
      reflect_store_bind_text (stmt, 3, member_string (a, "agency"));
      reflect_store_bind_text (stmt, 4, member_string (a, "job_title"));
      sqlite3_bind_int (stmt, 5, member_bool (a, "present", TRUE));
      sqlite3_bind_int (stmt, 6, (int)i);
      bind_int_or_null (stmt, 7, a, "confidence");
      if (!run (store, stmt, error))
        return 0;
      attendee_ids[i] = sqlite3_last_insert_rowid (db);
    }

  array = json_object_get_array_member (doc->root, "rounds");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *r = json_array_get_object_element (array, i);
      JsonArray *roles = json_object_get_array_member (r, "roles");
      gint64 round_id;
      g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (store,
        "INSERT INTO rounds (session_id, number, clock, started_at, ended_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int64 (stmt, 2, member_int (r, "number", 1));
      reflect_store_bind_text (stmt, 3, member_string (r, "clock"));
      bind_int_or_null (stmt, 4, r, "started_at");
      bind_int_or_null (stmt, 5, r, "ended_at");
      if (!run (store, stmt, error))
        return 0;
      round_id = sqlite3_last_insert_rowid (db);

      for (guint k = 0; roles != NULL && k < json_array_get_length (roles); k++)
        {
          JsonObject *role = json_array_get_object_element (roles, k);
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (doc->attendee_keys,
                                                               member_string (role, "attendee")));
          g_autoptr(sqlite3_stmt) insert = reflect_store_prepare (store,
            "INSERT INTO round_roles (round_id, attendee_id, role) VALUES (?1, ?2, ?3)", error);
          if (insert == NULL)
            return 0;
          sqlite3_bind_int64 (insert, 1, round_id);
          sqlite3_bind_int64 (insert, 2, attendee_ids[index]);
          reflect_store_bind_text (insert, 3, member_string (role, "role"));
          if (!run (store, insert, error))
            return 0;
        }
    }

  array = json_object_get_array_member (doc->root, "notes");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *n = json_array_get_object_element (array, i);
      g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (store,
        "INSERT INTO notes (session_id, round_number, stage_key, body, updated_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int64 (stmt, 2, member_int (n, "round", 1));
      reflect_store_bind_text (stmt, 3, member_string (n, "stage"));
      reflect_store_bind_text (stmt, 4, member_string (n, "body"));
      sqlite3_bind_int64 (stmt, 5, member_int (n, "updated_at", now));
      if (!run (store, stmt, error) ||
          !reflect_store_index_text (store, session_id, "note", sqlite3_last_insert_rowid (db),
                                     member_string (n, "body"), error))
        return 0;
    }

  array = json_object_get_array_member (doc->root, "actions");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *a = json_array_get_object_element (array, i);
      g_autofree char *search_text = g_strjoin ("\n", member_string (a, "what"),
                                                member_string (a, "owner"),
                                                member_string (a, "due"), NULL);
      g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (store,
        "INSERT INTO actions (session_id, position, what, owner, due, done)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int (stmt, 2, (int)i);
      reflect_store_bind_text (stmt, 3, member_string (a, "what"));
      reflect_store_bind_text (stmt, 4, member_string (a, "owner"));
      reflect_store_bind_text (stmt, 5, member_string (a, "due"));
      sqlite3_bind_int (stmt, 6, member_bool (a, "done", FALSE));
      if (!run (store, stmt, error) ||
          !reflect_store_index_text (store, session_id, "action", sqlite3_last_insert_rowid (db),
                                     search_text, error))
        return 0;
    }

  array = json_object_get_array_member (doc->root, "info_sharing");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (store,
        "INSERT INTO info_sharing (session_id, position, what, with_whom, shared, why)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int (stmt, 2, (int)i);
      reflect_store_bind_text (stmt, 3, member_string (item, "what"));
      reflect_store_bind_text (stmt, 4, member_string (item, "with_whom"));
      sqlite3_bind_int (stmt, 5, member_bool (item, "shared", FALSE));
      reflect_store_bind_text (stmt, 6, member_string (item, "why"));
      if (!run (store, stmt, error))
        return 0;
    }

  if (json_object_has_member (doc->root, "record") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (doc->root, "record")))
    {
      JsonObject *r = json_object_get_object_member (doc->root, "record");
      GString *search_text = g_string_new (NULL);
      g_autofree char *search = NULL;
      g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (store,
        "INSERT INTO session_record (session_id, strengths, hypothesis_before, hypothesis_after,"
        " learning, themes, family_update, feedback, updated_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);

      if (stmt == NULL)
        {
          g_string_free (search_text, TRUE);
          return 0;
        }
      sqlite3_bind_int64 (stmt, 1, session_id);
      for (guint i = 0; i < REFLECT_RECORD_N_FIELDS; i++)
        {
          const char *value = member_string (r, record_keys[i]);
          reflect_store_bind_text (stmt, 2 + i, value);
          if (*value != '\0')
            {
              if (search_text->len > 0)
                g_string_append_c (search_text, '\n');
              g_string_append (search_text, value);
            }
        }
      sqlite3_bind_int64 (stmt, 9, member_int (r, "updated_at", now));
      search = g_string_free (search_text, FALSE);
      if (!run (store, stmt, error) ||
          !reflect_store_index_text (store, session_id, "record", session_id, search, error))
        return 0;
    }

  array = json_object_get_array_member (doc->root, "asked_questions");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *q = json_array_get_object_element (array, i);
      g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (store,
        "INSERT INTO asked_questions (session_id, round_number, stage_key, question_id,"
        " question_text, asked_at, response) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int64 (stmt, 2, member_int (q, "round", 1));
      reflect_store_bind_text (stmt, 3, member_string (q, "stage"));
      reflect_store_bind_text (stmt, 4, member_string (q, "question_id"));
      reflect_store_bind_text (stmt, 5, member_string (q, "question_text"));
      sqlite3_bind_int64 (stmt, 6, member_int (q, "asked_at", now));
      reflect_store_bind_text (stmt, 7, member_string (q, "response"));
      if (!run (store, stmt, error))
        return 0;
    }

  return session_id;
}

/**
 * reflect_session_import_json:
 * @filename: (nullable): named in error messages
 * @replace: whether a session with the same uuid may be replaced
 *
 * Checks the whole document, then writes it in one transaction.  A
 * document that is malformed, of an unknown format, or whose references
 * do not match is refused with a message naming the fault and its JSON
 * path, and nothing is written.  A session that is already in the store
 * is refused with %REFLECT_SESSION_TRANSFER_ERROR_EXISTS unless @replace.
 *
 * Returns: the imported session's id, or 0 on error
 */
gint64
reflect_session_import_json (ReflectStore  *store,
                             const char    *data,
                             gssize         length,
                             const char    *filename,
                             gboolean       replace,
                             GError       **error)
{
  g_auto(Document) doc = { NULL, };
  g_autoptr(JsonNode) root = NULL;
  gint64 format;
  gint64 existing = 0;
  gint64 session_id;

  g_return_val_if_fail (REFLECT_IS_STORE (store), 0);

  if (filename == NULL)
    filename = _("the session file");

  root = reflect_json_parse (data, length, filename, error);
  if (root == NULL)
    goto invalid;
  doc.root = reflect_json_require_object (root, filename, "$", error);
  if (doc.root == NULL)
    goto invalid;

  if (!json_object_has_member (doc.root, "format"))
    {
      fault (error, filename, "$", _("this is not a Reflect session file (“format” is missing)"));
      return 0;
    }
  if (!reflect_json_get_int (doc.root, "format", G_MININT64, G_MAXINT64, &format, filename, "$",
                             error))
    goto invalid;
  if (format != REFLECT_SESSION_TRANSFER_FORMAT)
    {
      g_set_error (error, REFLECT_SESSION_TRANSFER_ERROR, REFLECT_SESSION_TRANSFER_ERROR_VERSION,
                   _("%s: $.format: the file is in format %" G_GINT64_FORMAT
                     ", which this version of Reflect cannot read (it reads format %d)"),
                   filename, format, REFLECT_SESSION_TRANSFER_FORMAT);
      return 0;
    }

  if (!check_session (&doc, filename, error) ||
      !check_attendees (&doc, filename, error) ||
      !check_rounds (&doc, filename, error) ||
      !check_notes (&doc, filename, error) ||
      !check_rest (&doc, filename, error))
    goto invalid;

  if (!reflect_store_begin (store, error))
    return 0;

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (store,
      "SELECT id FROM sessions WHERE uuid = ?1", error);
    if (stmt == NULL)
      goto failed;
    reflect_store_bind_text (stmt, 1, reflect_session_get_uuid (doc.parsed));
    if (sqlite3_step (stmt) == SQLITE_ROW)
      existing = sqlite3_column_int64 (stmt, 0);
  }

  if (existing > 0 && !replace)
    {
      reflect_store_rollback (store);
      g_set_error (error, REFLECT_SESSION_TRANSFER_ERROR, REFLECT_SESSION_TRANSFER_ERROR_EXISTS,
                   _("The session “%s” is already here. Importing it again replaces it, with "
                     "everything recorded in it."),
                   reflect_session_get_case_ref (doc.parsed));
      return 0;
    }

  if (existing > 0)
    {
      g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (store,
        "DELETE FROM sessions WHERE id = ?1", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, existing);
      if (!reflect_store_step_done (store, stmt, error))
        goto failed;
    }

  session_id = write_document (store, &doc, error);
  if (session_id == 0)
    goto failed;

  /* Rows deleted with the old session leave the index stale. */
  if (existing > 0 &&
      !reflect_store_exec (store, "INSERT INTO search_fts (search_fts) VALUES ('rebuild')", error))
    goto failed;

  if (!reflect_store_commit (store, error))
    goto failed;

  reflect_store_emit_changed (store, 0);
  return session_id;

failed:
  reflect_store_rollback (store);
  return 0;

invalid:
  retag (error);
  return 0;
}
