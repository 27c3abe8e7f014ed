/* reflect-store-people.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-store-people"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-model.h"
#include "reflect-store-people.h"
#include "reflect-store-private.h"

/* Only facilitator and presenter are stored in round_roles: an attendee
 * with no row in a round is a consultant (member) in it, so a new round
 * starts with everyone a consultant and the roles of earlier rounds stay
 * on record untouched.
 *
 * Names are never put in the search index: deleting a person must remove
 * their name from the file, and FTS segments keep old tokens. */

#define AGENCIES_RESOURCE "/io/github/reflect_practice/Reflect/agencies.json"

G_DEFINE_QUARK (reflect-people-error-quark, reflect_people_error)

typedef struct
{
  gint64  session_id;
  guint   number;
  char   *model_json;
} RoundInfo;

static void
round_info_clear (RoundInfo *info)
{
  g_clear_pointer (&info->model_json, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RoundInfo, round_info_clear)

static char *
casefold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  return g_utf8_casefold (normal ? normal : text, -1);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = casefold (a);
  g_autofree char *fb = casefold (b);
  return g_strcmp0 (fa, fb) == 0;
}

/* Trims the ends and checks the length; never shortens what was typed. */
static char *
clean_text (const char  *text,
            const char  *field,
            gboolean     required,
            GError     **error)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    text = "";

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_OUT_OF_RANGE,
                   _("The %s contains characters that are not valid text."), field);
      return NULL;
    }

  copy = g_strstrip (g_strdup (text));
  if (required && copy[0] == '\0')
    {
      g_set_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_EMPTY_NAME,
                   _("Enter a name: the %s cannot be empty."), field);
      return NULL;
    }

  if (g_utf8_strlen (copy, -1) > REFLECT_PEOPLE_MAX_TEXT)
    {
      g_set_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_TOO_LONG,
                   _("The %s is %ld characters long; it can be at most %d. Please shorten it."),
                   field, g_utf8_strlen (copy, -1), REFLECT_PEOPLE_MAX_TEXT);
      return NULL;
    }

  return g_steal_pointer (&copy);
}

static GStrv
load_builtin_agencies (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *array;
  gsize size;
  const char *data;

  bytes = g_resources_lookup_data (AGENCIES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_warning ("Could not read the list of agencies: %s", error->message);
      return g_strv_builder_end (builder);
    }

  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, size, &error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_warning ("The list of agencies is not valid: %s",
                 error ? error->message : "not an object");
      return g_strv_builder_end (builder);
    }

  root = json_node_get_object (json_parser_get_root (parser));
  array = json_object_has_member (root, "agencies")
            ? json_object_get_array_member (root, "agencies") : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *name;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      /* In the user's language (po/reflect-data.pot, written by
       * build-aux/extract-data-strings.py, holds the names); an agency a
       * person typed is kept as typed. */
      name = json_node_get_string (node);
      g_strv_builder_add (builder, *name != '\0' ? g_dgettext (GETTEXT_PACKAGE, name) : name);
    }

  return g_strv_builder_end (builder);
}

/* The list's spelling wins over the typed one ("police" is "Police"), so
 * the record and the per-agency summaries group one agency under one name. */
static char *
canonical_agency (ReflectStore *self,
                  const char   *agency)
{
  g_auto(GStrv) known = NULL;

  if (agency[0] == '\0')
    return g_strdup (agency);

  known = reflect_store_list_agencies (self, NULL);
  for (guint i = 0; known != NULL && known[i] != NULL; i++)
    if (same_text (known[i], agency))
      return g_strdup (known[i]);
  return g_strdup (agency);
}

static gboolean
remember_agency (ReflectStore  *self,
                 const char    *agency,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (agency[0] == '\0')
    return TRUE;

  stmt = reflect_store_prepare (self,
    "INSERT INTO known_agencies (name, used_at) VALUES (?1, ?2)"
    " ON CONFLICT (name) DO UPDATE SET used_at = excluded.used_at", error);
  if (stmt == NULL)
    return FALSE;
  reflect_store_bind_text (stmt, 1, agency);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  return reflect_store_step_done (self, stmt, error);
}

static gboolean
check_duplicate (ReflectStore  *self,
                 gint64         session_id,
                 gint64         except_id,
                 const char    *name,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = reflect_store_prepare (self,
    "SELECT name FROM attendees WHERE session_id = ?1 AND id != ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, except_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *other = reflect_store_column_text (stmt, 0);
      if (same_text (other, name))
        {
          g_set_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_DUPLICATE,
                       _("%s is already in this session. Add a surname or initial to tell two people apart."),
                       other);
          return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      reflect_store_set_error (self, error, _("Could not read the attendees"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
lookup_attendee (ReflectStore  *self,
                 gint64         attendee_id,
                 gint64        *session_id,
                 char         **name,
                 gboolean      *present,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = reflect_store_prepare (self,
    "SELECT session_id, name, present FROM attendees WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attendee_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (session_id)
        *session_id = sqlite3_column_int64 (stmt, 0);
      if (name)
        *name = g_strdup (reflect_store_column_text (stmt, 1));
      if (present)
        *present = sqlite3_column_int (stmt, 2) != 0;
      return TRUE;
    }

  if (rc == SQLITE_DONE)
    g_set_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_NOT_FOUND,
                 _("That person is no longer in the session; the list has been refreshed."));
  else
    reflect_store_set_error (self, error, _("Could not read the attendee"));
  return FALSE;
}

static gboolean
lookup_round (ReflectStore  *self,
              gint64         round_id,
              RoundInfo     *info,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = reflect_store_prepare (self,
    "SELECT r.session_id, r.number, s.model_json FROM rounds r"
    "  JOIN sessions s ON s.id = r.session_id WHERE r.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, round_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      info->session_id = sqlite3_column_int64 (stmt, 0);
      info->number = sqlite3_column_int (stmt, 1);
      info->model_json = g_strdup (reflect_store_column_text (stmt, 2));
      return TRUE;
    }

  if (rc == SQLITE_DONE)
    g_set_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_NOT_FOUND,
                 _("The round could not be found."));
  else
    reflect_store_set_error (self, error, _("Could not read the round"));
  return FALSE;
}

/**
 * reflect_store_add_attendee:
 * @agency: (nullable): the agency; a new one is remembered for next time
 * @job_title: (nullable): the job title
 *
 * Adds a person to the end of the session's list, present and a consultant
 * in every round.  An empty name, a field over %REFLECT_PEOPLE_MAX_TEXT
 * characters and a name already in the session are refused with a message
 * for the user.
 *
 * Returns: the new attendee's id, or 0 with @error set
 */
gint64
reflect_store_add_attendee (ReflectStore  *self,
                            gint64         session_id,
                            const char    *name,
                            const char    *agency,
                            const char    *job_title,
                            GError       **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_agency = NULL;
  g_autofree char *clean_job = NULL;
  g_autofree char *typed_agency = NULL;
  gint64 id;

  g_return_val_if_fail (REFLECT_IS_STORE (self), 0);

  if (!(clean_name = clean_text (name, _("name"), TRUE, error)) ||
      !(typed_agency = clean_text (agency, _("agency"), FALSE, error)) ||
      !(clean_job = clean_text (job_title, _("job title"), FALSE, error)))
    return 0;
  clean_agency = canonical_agency (self, typed_agency);

  if (!reflect_store_begin (self, error))
    return 0;

  if (!check_duplicate (self, session_id, 0, clean_name, error))
    goto failed;

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
      "INSERT INTO attendees (session_id, name, agency, job_title, present, position)"
      " VALUES (?1, ?2, ?3, ?4, 1,"
      "  (SELECT coalesce (max (position), -1) + 1 FROM attendees WHERE session_id = ?1))",
      error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, session_id);
    reflect_store_bind_text (stmt, 2, clean_name);
    reflect_store_bind_text (stmt, 3, clean_agency);
    reflect_store_bind_text (stmt, 4, clean_job);
    if (!reflect_store_step_done (self, stmt, error))
      goto failed;
    id = sqlite3_last_insert_rowid (reflect_store_get_db (self));
  }

  if (!remember_agency (self, clean_agency, error) ||
      !reflect_store_commit (self, error))
    goto failed;

  reflect_store_emit_changed (self, session_id);
  return id;

failed:
  reflect_store_rollback (self);
  return 0;
}

/**
 * reflect_store_update_attendee:
 *
 * Changes a person's name, agency and job title, with the checks of
 * reflect_store_add_attendee().
 */
gboolean
reflect_store_update_attendee (ReflectStore  *self,
                               gint64         attendee_id,
                               const char    *name,
                               const char    *agency,
                               const char    *job_title,
                               GError       **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_agency = NULL;
  g_autofree char *clean_job = NULL;
  g_autofree char *typed_agency = NULL;
  gint64 session_id = 0;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);

  if (!(clean_name = clean_text (name, _("name"), TRUE, error)) ||
      !(typed_agency = clean_text (agency, _("agency"), FALSE, error)) ||
      !(clean_job = clean_text (job_title, _("job title"), FALSE, error)))
    return FALSE;
  clean_agency = canonical_agency (self, typed_agency);

  if (!reflect_store_begin (self, error))
    return FALSE;

  if (!lookup_attendee (self, attendee_id, &session_id, NULL, NULL, error) ||
      !check_duplicate (self, session_id, attendee_id, clean_name, error))
    goto failed;

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
      "UPDATE attendees SET name = ?2, agency = ?3, job_title = ?4 WHERE id = ?1", error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, attendee_id);
    reflect_store_bind_text (stmt, 2, clean_name);
    reflect_store_bind_text (stmt, 3, clean_agency);
    reflect_store_bind_text (stmt, 4, clean_job);
    if (!reflect_store_step_done (self, stmt, error))
      goto failed;
  }

  if (!remember_agency (self, clean_agency, error) ||
      !reflect_store_commit (self, error))
    goto failed;

  reflect_store_emit_changed (self, session_id);
  return TRUE;

failed:
  reflect_store_rollback (self);
  return FALSE;
}

/**
 * reflect_store_delete_attendee:
 *
 * Deletes the person and their roles in every round.  The row is deleted,
 * not hidden, and the store runs with secure_delete, so the name leaves the
 * file (once the write-ahead log is checkpointed).  A role they held is left
 * empty; the caller asks the user first.
 */
gboolean
reflect_store_delete_attendee (ReflectStore  *self,
                               gint64         attendee_id,
                               GError       **error)
{
  gint64 session_id = 0;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);

  if (!reflect_store_begin (self, error))
    return FALSE;

  if (!lookup_attendee (self, attendee_id, &session_id, NULL, NULL, error))
    goto failed;

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
      "DELETE FROM attendees WHERE id = ?1", error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, attendee_id);
    if (!reflect_store_step_done (self, stmt, error) ||
        !reflect_store_commit (self, error))
      goto failed;
  }

  reflect_store_emit_changed (self, session_id);
  return TRUE;

failed:
  reflect_store_rollback (self);
  return FALSE;
}

static gboolean
update_one_column (ReflectStore  *self,
                   const char    *sql,
                   gint64         attendee_id,
                   int            value,
                   gboolean       null_value,
                   GError       **error)
{
  gint64 session_id = 0;

  if (!reflect_store_begin (self, error))
    return FALSE;

  if (!lookup_attendee (self, attendee_id, &session_id, NULL, NULL, error))
    goto failed;

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self, sql, error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, attendee_id);
    if (null_value)
      sqlite3_bind_null (stmt, 2);
    else
      sqlite3_bind_int (stmt, 2, value);
    if (!reflect_store_step_done (self, stmt, error) ||
        !reflect_store_commit (self, error))
      goto failed;
  }

  reflect_store_emit_changed (self, session_id);
  return TRUE;

failed:
  reflect_store_rollback (self);
  return FALSE;
}

/**
 * reflect_store_set_attendee_present:
 *
 * Marks a person present or absent.  An absent person keeps any role they
 * hold on record but is left out of reflect_store_list_names_in_role().
 */
gboolean
reflect_store_set_attendee_present (ReflectStore  *self,
                                    gint64         attendee_id,
                                    gboolean       present,
                                    GError       **error)
{
  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);

  return update_one_column (self, "UPDATE attendees SET present = ?2 WHERE id = ?1",
                            attendee_id, !!present, FALSE, error);
}

/**
 * reflect_store_set_attendee_confidence:
 * @confidence: 0 to 5, or -1 to clear the score
 *
 * Records a Morrison member's confidence that the child is safeguarded.
 */
gboolean
reflect_store_set_attendee_confidence (ReflectStore  *self,
                                       gint64         attendee_id,
                                       int            confidence,
                                       GError       **error)
{
  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);

  if (confidence < -1 || confidence > 5)
    {
      g_set_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_OUT_OF_RANGE,
                   _("Confidence is a score from 0 to 5 (or left blank); %d is not on the scale."),
                   confidence);
      return FALSE;
    }

  return update_one_column (self, "UPDATE attendees SET confidence = ?2 WHERE id = ?1",
                            attendee_id, confidence, confidence < 0, error);
}

static ReflectAttendee *
attendee_from_row (sqlite3_stmt *stmt,
                   gboolean      with_role)
{
  return reflect_attendee_new (sqlite3_column_int64 (stmt, 0),
                               sqlite3_column_int64 (stmt, 1),
                               reflect_store_column_text (stmt, 2),
                               reflect_store_column_text (stmt, 3),
                               reflect_store_column_text (stmt, 4),
                               sqlite3_column_int (stmt, 5) != 0,
                               sqlite3_column_type (stmt, 6) == SQLITE_NULL
                                 ? -1 : sqlite3_column_int (stmt, 6),
                               with_role ? reflect_store_column_text (stmt, 7) : "");
}

#define ATTENDEE_COLUMNS \
  "SELECT a.id, a.session_id, a.name, a.agency, a.job_title, a.present, a.confidence," \
  "  coalesce (rr.role, 'consultant') FROM attendees a" \
  "  LEFT JOIN round_roles rr ON rr.round_id = ?2 AND rr.attendee_id = a.id"

/**
 * reflect_store_list_attendees:
 * @round_id: the round whose roles to read, or 0 for none
 *
 * Returns: (transfer full) (nullable): a list of #ReflectAttendee in the
 *   order they were added, each with its role in @round_id
 */
GListModel *
reflect_store_list_attendees (ReflectStore  *self,
                              gint64         session_id,
                              gint64         round_id,
                              GError       **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  stmt = reflect_store_prepare (self,
    ATTENDEE_COLUMNS " WHERE a.session_id = ?1 ORDER BY a.position, a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, round_id);

  list = g_list_store_new (REFLECT_TYPE_ATTENDEE);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ReflectAttendee) attendee = attendee_from_row (stmt, round_id > 0);
      g_list_store_append (list, attendee);
    }

  if (rc != SQLITE_DONE)
    {
      reflect_store_set_error (self, error, _("Could not read the attendees"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * reflect_store_load_attendee:
 * @round_id: the round whose role to read, or 0 for none
 *
 * Returns: (transfer full) (nullable): the attendee, or %NULL with @error set
 */
ReflectAttendee *
reflect_store_load_attendee (ReflectStore  *self,
                             gint64         attendee_id,
                             gint64         round_id,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  stmt = reflect_store_prepare (self, ATTENDEE_COLUMNS " WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attendee_id);
  sqlite3_bind_int64 (stmt, 2, round_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return attendee_from_row (stmt, round_id > 0);

  if (rc == SQLITE_DONE)
    g_set_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_NOT_FOUND,
                 _("That person is no longer in the session; the list has been refreshed."));
  else
    reflect_store_set_error (self, error, _("Could not read the attendee"));
  return NULL;
}

/**
 * reflect_store_get_round_id:
 * @number: the round number, from 1
 *
 * Returns: the id of the session's round @number, or 0 when it has not been
 *   started (@error is set only when the database could not be read)
 */
gint64
reflect_store_get_round_id (ReflectStore  *self,
                            gint64         session_id,
                            guint          number,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), 0);

  stmt = reflect_store_prepare (self,
    "SELECT id FROM rounds WHERE session_id = ?1 AND number = ?2", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int (stmt, 2, (int)number);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    reflect_store_set_error (self, error, _("Could not read the rounds"));
  return 0;
}

/**
 * reflect_store_get_role_holder:
 * @role: "facilitator" or "presenter"
 * @name: (out) (optional) (transfer full): the holder's name
 *
 * Returns: the attendee holding @role in the round, or 0 when nobody does
 */
gint64
reflect_store_get_role_holder (ReflectStore  *self,
                               gint64         round_id,
                               const char    *role,
                               char         **name,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), 0);

  if (name)
    *name = NULL;

  stmt = reflect_store_prepare (self,
    "SELECT a.id, a.name FROM round_roles rr JOIN attendees a ON a.id = rr.attendee_id"
    " WHERE rr.round_id = ?1 AND rr.role = ?2", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, round_id);
  reflect_store_bind_text (stmt, 2, role);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (name)
        *name = g_strdup (reflect_store_column_text (stmt, 1));
      return sqlite3_column_int64 (stmt, 0);
    }
  if (rc != SQLITE_DONE)
    reflect_store_set_error (self, error, _("Could not read the roles"));
  return 0;
}

static const char *
role_title (ReflectModel *model,
            const char   *role)
{
  const char *title = model ? reflect_model_get_role_title (model, role) : NULL;

  if (title != NULL && title[0] != '\0')
    return title;
  if (g_str_equal (role, "facilitator"))
    return _("Facilitator");
  if (g_str_equal (role, "presenter"))
    return _("Case Presenter");
  return _("Consultant");
}

static gboolean
set_role (ReflectStore  *self,
          gint64         round_id,
          gint64         attendee_id,
          const char    *role,
          gboolean       replace,
          GError       **error)
{
  g_auto(RoundInfo) round = { 0, };
  g_autoptr(ReflectModel) model = NULL;
  g_autoptr(GError) model_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *holder_name = NULL;
  gint64 attendee_session = 0;
  gint64 holder = 0;
  gboolean present = TRUE;
  gboolean single;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  if (!g_str_equal (role, "facilitator") && !g_str_equal (role, "presenter") &&
      !g_str_equal (role, "consultant"))
    {
      g_set_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_NO_SUCH_ROLE,
                   _("“%s” is not a role; a person is the facilitator, the case presenter or a consultant."),
                   role);
      return FALSE;
    }
  single = !g_str_equal (role, "consultant");

  if (!reflect_store_begin (self, error))
    return FALSE;

  if (!lookup_round (self, round_id, &round, error) ||
      !lookup_attendee (self, attendee_id, &attendee_session, &name, &present, error))
    goto failed;

  if (attendee_session != round.session_id)
    {
      g_set_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_NOT_FOUND,
                   _("%s is not in this session."), name);
      goto failed;
    }

  /* A session keeps a snapshot of its model: the rules are the ones it
   * was planned with, even if the model was edited since. */
  model = reflect_model_new_from_data (round.model_json, -1, "session", &model_error);
  if (model == NULL)
    g_warning ("The model of session %" G_GINT64_FORMAT " could not be read: %s",
               round.session_id, model_error->message);

  if (single && model != NULL && !reflect_model_has_role (model, role))
    {
      g_set_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_NO_SUCH_ROLE,
                   _("The “%s” model has no case presenter: everyone other than the %s takes part as one of the %s."),
                   reflect_model_get_title (model), role_title (model, "facilitator"),
                   role_title (model, "consultant"));
      goto failed;
    }

  if (single && !present)
    {
      g_set_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_ABSENT,
                   _("%s is marked absent. Mark them present before making them the %s."),
                   name, role_title (model, role));
      goto failed;
    }

  if (single)
    {
      holder = reflect_store_get_role_holder (self, round_id, role, &holder_name, error);
      if (holder == 0 && error != NULL && *error != NULL)
        goto failed;

      if (holder == attendee_id)
        {
          reflect_store_rollback (self);
          return TRUE;
        }

      if (holder != 0 && !replace)
        {
          g_set_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_ROLE_TAKEN,
                       _("%s is already the %s for round %u; there can be only one. Nothing was changed."),
                       holder_name, role_title (model, role), round.number);
          goto failed;
        }
    }

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
      "DELETE FROM round_roles WHERE round_id = ?1 AND (attendee_id = ?2 OR"
      " (?3 != 'consultant' AND role = ?3))", error);
    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, round_id);
    sqlite3_bind_int64 (stmt, 2, attendee_id);
    reflect_store_bind_text (stmt, 3, role);
    if (!reflect_store_step_done (self, stmt, error))
      goto failed;
  }

  if (single)
    {
      g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
        "INSERT INTO round_roles (round_id, attendee_id, role) VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, round_id);
      sqlite3_bind_int64 (stmt, 2, attendee_id);
      reflect_store_bind_text (stmt, 3, role);
      if (!reflect_store_step_done (self, stmt, error))
        goto failed;
    }

  if (!reflect_store_commit (self, error))
    goto failed;

  reflect_store_emit_changed (self, round.session_id);
  return TRUE;

failed:
  reflect_store_rollback (self);
  return FALSE;
}

/**
 * reflect_store_set_role:
 * @role: "facilitator", "presenter" or "consultant"
 *
 * Gives a person a role in a round.  A person holds one role per round, so
 * this replaces their previous one.  If someone else already holds the
 * facilitator or presenter role this is refused with
 * %REFLECT_PEOPLE_ERROR_ROLE_TAKEN and nothing changes: moving a role is
 * reflect_store_replace_role(), which the user asks for explicitly.  A
 * presenter is refused when the session's model has none, and any role but
 * consultant when the person is marked absent.
 */
gboolean
reflect_store_set_role (ReflectStore  *self,
                        gint64         round_id,
                        gint64         attendee_id,
                        const char    *role,
                        GError       **error)
{
  return set_role (self, round_id, attendee_id, role, FALSE, error);
}

/**
 * reflect_store_replace_role:
 *
 * As reflect_store_set_role(), but the person who held the role becomes a
 * consultant.
 */
gboolean
reflect_store_replace_role (ReflectStore  *self,
                            gint64         round_id,
                            gint64         attendee_id,
                            const char    *role,
                            GError       **error)
{
  return set_role (self, round_id, attendee_id, role, TRUE, error);
}

/**
 * reflect_store_copy_roles:
 *
 * Gives the people in @to_round_id the roles they held in @from_round_id,
 * in place of any roles given there so far.  Both rounds must belong to
 * the same session.
 */
gboolean
reflect_store_copy_roles (ReflectStore  *self,
                          gint64         from_round_id,
                          gint64         to_round_id,
                          GError       **error)
{
  g_auto(RoundInfo) from = { 0, };
  g_auto(RoundInfo) to = { 0, };

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);

  if (!reflect_store_begin (self, error))
    return FALSE;

  if (!lookup_round (self, from_round_id, &from, error) ||
      !lookup_round (self, to_round_id, &to, error))
    goto failed;

  if (from.session_id != to.session_id)
    {
      g_set_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_NOT_FOUND,
                   _("Roles can only be copied between rounds of the same session."));
      goto failed;
    }

  {
    g_autoptr(sqlite3_stmt) clear = reflect_store_prepare (self,
      "DELETE FROM round_roles WHERE round_id = ?1", error);
    if (clear == NULL)
      goto failed;
    sqlite3_bind_int64 (clear, 1, to_round_id);
    if (!reflect_store_step_done (self, clear, error))
      goto failed;
  }

  {
    g_autoptr(sqlite3_stmt) copy = reflect_store_prepare (self,
      "INSERT INTO round_roles (round_id, attendee_id, role)"
      " SELECT ?2, attendee_id, role FROM round_roles WHERE round_id = ?1", error);
    if (copy == NULL)
      goto failed;
    sqlite3_bind_int64 (copy, 1, from_round_id);
    sqlite3_bind_int64 (copy, 2, to_round_id);
    if (!reflect_store_step_done (self, copy, error) ||
        !reflect_store_commit (self, error))
      goto failed;
  }

  reflect_store_emit_changed (self, to.session_id);
  return TRUE;

failed:
  reflect_store_rollback (self);
  return FALSE;
}

/**
 * reflect_store_list_names_in_role:
 * @round_id: the round, as reflect_run_get_round_id() gives it
 * @role: "facilitator", "presenter" or "consultant"
 *
 * The names of the attendees who are present and hold @role in the round,
 * in the order they were added.  Meant for the Facilitate view, which shows
 * who speaks and who listens.
 *
 * Returns: (transfer full) (nullable): the names (an empty array when nobody
 *   holds the role), or %NULL with @error set
 */
GStrv
reflect_store_list_names_in_role (ReflectStore  *self,
                                  gint64         round_id,
                                  const char    *role,
                                  GError       **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);
  g_return_val_if_fail (role != NULL, NULL);

  stmt = reflect_store_prepare (self,
    "SELECT a.name FROM attendees a"
    "  JOIN rounds r ON r.session_id = a.session_id AND r.id = ?1"
    "  LEFT JOIN round_roles rr ON rr.round_id = r.id AND rr.attendee_id = a.id"
    " WHERE a.present = 1 AND coalesce (rr.role, 'consultant') = ?2"
    " ORDER BY a.position, a.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, round_id);
  reflect_store_bind_text (stmt, 2, role);

  builder = g_strv_builder_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, reflect_store_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      reflect_store_set_error (self, error, _("Could not read the people in a role"));
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/**
 * reflect_store_list_agencies:
 *
 * The agencies to offer: the usual safeguarding partners
 * (data/agencies.json), then those the user has typed, A to Z.
 *
 * Returns: (transfer full): the agency names
 */
GStrv
reflect_store_list_agencies (ReflectStore  *self,
                             GError       **error)
{
  g_auto(GStrv) builtin = load_builtin_agencies ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  g_strv_builder_addv (builder, (const char **)builtin);

  stmt = reflect_store_prepare (self,
    "SELECT name FROM known_agencies ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    return g_strv_builder_end (builder);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = reflect_store_column_text (stmt, 0);
      gboolean listed = FALSE;

      for (guint i = 0; builtin[i] != NULL && !listed; i++)
        listed = same_text (builtin[i], name);
      if (!listed && name[0] != '\0')
        g_strv_builder_add (builder, name);
    }
  if (rc != SQLITE_DONE)
    reflect_store_set_error (self, error, _("Could not read the agencies"));

  return g_strv_builder_end (builder);
}

static char *
escape_like (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/**
 * reflect_store_suggest_people:
 * @prefix: the start of a name, or of any word in it ("jo" finds
 *   "Jo Bloggs" and "Sam Jones")
 * @limit: at most this many
 *
 * People from earlier sessions, so a regular group is assembled in
 * seconds: each distinct name, agency and job title once, the most
 * recently seen first.
 *
 * Returns: (transfer full) (nullable): a list of #ReflectAttendee with
 *   id 0, or %NULL with @error set
 */
GListModel *
reflect_store_suggest_people (ReflectStore  *self,
                              const char    *prefix,
                              guint          limit,
                              GError       **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *word = NULL;
  g_autofree char *trimmed = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  trimmed = g_strstrip (g_strdup (prefix ? prefix : ""));
  escaped = escape_like (trimmed);
  starts = g_strconcat (escaped, "%", NULL);
  word = g_strconcat ("% ", escaped, "%", NULL);

  stmt = reflect_store_prepare (self,
    "SELECT a.name, a.agency, a.job_title, max (s.starts_at) AS seen, max (a.id) AS latest"
    "  FROM attendees a JOIN sessions s ON s.id = a.session_id"
    " WHERE a.name LIKE ?1 ESCAPE '\\' OR a.name LIKE ?2 ESCAPE '\\'"
    " GROUP BY a.name, a.agency, a.job_title"
    " ORDER BY seen DESC, latest DESC LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  reflect_store_bind_text (stmt, 1, starts);
  reflect_store_bind_text (stmt, 2, word);
  sqlite3_bind_int (stmt, 3, (int)MIN (limit, G_MAXINT));

  list = g_list_store_new (REFLECT_TYPE_ATTENDEE);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ReflectAttendee) person =
        reflect_attendee_new (0, 0, reflect_store_column_text (stmt, 0),
                              reflect_store_column_text (stmt, 1),
                              reflect_store_column_text (stmt, 2), TRUE, -1, NULL);
      g_list_store_append (list, person);
    }

  if (rc != SQLITE_DONE)
    {
      reflect_store_set_error (self, error, _("Could not read earlier attendees"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * reflect_store_get_confidence_spread:
 * @spread: (out caller-allocates): where to put the spread
 *
 * Counts the confidence scores of the present attendees who gave one.
 * The spread, not the average, is what a Morrison meeting discusses.
 */
gboolean
reflect_store_get_confidence_spread (ReflectStore             *self,
                                     gint64                    session_id,
                                     ReflectConfidenceSpread  *spread,
                                     GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);
  g_return_val_if_fail (spread != NULL, FALSE);

  *spread = (ReflectConfidenceSpread) { 0, -1, -1, { 0, } };

  stmt = reflect_store_prepare (self,
    "SELECT confidence, count (*) FROM attendees"
    " WHERE session_id = ?1 AND present = 1 AND confidence BETWEEN 0 AND 5"
    " GROUP BY confidence ORDER BY confidence", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int value = sqlite3_column_int (stmt, 0);
      guint count = sqlite3_column_int (stmt, 1);

      spread->count[value] = count;
      spread->n_scored += count;
      if (spread->lowest < 0)
        spread->lowest = value;
      spread->highest = value;
    }

  if (rc != SQLITE_DONE)
    {
      reflect_store_set_error (self, error, _("Could not read the confidence scores"));
      return FALSE;
    }
  return TRUE;
}
