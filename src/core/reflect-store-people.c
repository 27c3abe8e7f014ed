/* reflect-store-people.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-store-people"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-store-people.h"
#include "reflect-store-private.h"

/* Only facilitator and presenter are stored in round_roles: an attendee
 * with no row in a round is a consultant (member) in it, so a new round
 * starts with everyone a consultant and nothing to copy. */

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
