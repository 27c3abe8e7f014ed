/* reflect-test-record-fixture.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "reflect-catalog.h"
#include "reflect-store-private.h"
#include "reflect-store-record.h"

/* The session the record tests share: six people from four agencies,
 * notes that name them, three actions, a change of hypothesis and an
 * information-sharing decision. */

static const struct
{
  const char *name;
  const char *agency;
  const char *role;
} record_fixture_people[] = {
  { "Amina Khan", "Children's Social Care", "facilitator" },
  { "Gwenllian Pritchard", "Health Visiting", "presenter" },
  { "Łukasz Nowak", "School", "consultant" },
  { "Tom Baker", "Police", "consultant" },
  { "Siobhan O'Neill", "Children's Social Care", "consultant" },
  { "Priya Shah", "Health Visiting", "consultant" },
};

#define RECORD_FIXTURE_STARTS_AT 1764322200  /* Fri 28 Nov 2025, 09:30 UTC */

static inline void
record_fixture_exec (ReflectStore *store,
                     const char   *sql)
{
  g_autoptr(GError) error = NULL;
  g_assert_true (reflect_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static inline gint64
record_fixture_create (ReflectStore *store)
{
  g_autoptr(ReflectCatalog) catalog = reflect_catalog_new (NULL);
  g_autoptr(ReflectSession) session =
    reflect_session_new (reflect_catalog_find_model (catalog, "space-to-think"));
  g_autoptr(GError) error = NULL;
  gint64 id;
  gint64 round_id = 0;

  reflect_session_set_case_ref (session, "CASE-4471");
  reflect_session_set_starts_at (session, RECORD_FIXTURE_STARTS_AT);
  reflect_session_set_venue (session, "Room 2, Civic Centre");
  reflect_session_set_purpose (session, "stuck");
  reflect_session_set_manager_agreed (session, TRUE);
  g_assert_true (reflect_store_create_session (store, session, &error));
  g_assert_no_error (error);
  id = reflect_session_get_id (session);

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (store,
      "SELECT id FROM rounds WHERE session_id = ?1 AND number = 1", &error);
    g_assert_no_error (error);
    sqlite3_bind_int64 (stmt, 1, id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    round_id = sqlite3_column_int64 (stmt, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (record_fixture_people); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (store,
        "INSERT INTO attendees (session_id, name, agency, position) VALUES (?1, ?2, ?3, ?4)",
        &error);
      g_autoptr(sqlite3_stmt) role = NULL;
      gint64 attendee_id;

      g_assert_no_error (error);
      sqlite3_bind_int64 (stmt, 1, id);
      reflect_store_bind_text (stmt, 2, record_fixture_people[i].name);
      reflect_store_bind_text (stmt, 3, record_fixture_people[i].agency);
      sqlite3_bind_int (stmt, 4, (int)i);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      attendee_id = sqlite3_last_insert_rowid (reflect_store_get_db (store));
      g_clear_pointer (&stmt, reflect_store_release_statement);

      role = reflect_store_prepare (store,
        "INSERT INTO round_roles (round_id, attendee_id, role) VALUES (?1, ?2, ?3)", &error);
      g_assert_no_error (error);
      sqlite3_bind_int64 (role, 1, round_id);
      sqlite3_bind_int64 (role, 2, attendee_id);
      reflect_store_bind_text (role, 3, record_fixture_people[i].role);
      g_assert_cmpint (sqlite3_step (role), ==, SQLITE_DONE);
    }

  g_assert_true (reflect_store_save_note (store, id, 1, "offload",
                                          "Gwenllian is worried: mum missed three visits.\n"
                                          "Tom said the police were called twice.", NULL, &error));
  g_assert_true (reflect_store_save_note (store, id, 1, "group-exploration",
                                          "Łukasz asked about attendance; Priya Shah and "
                                          "siobhan o'neill shared what they know.",
                                          NULL, &error));
  g_assert_true (reflect_store_save_note (store, id, 1, "purposeful-reflection",
                                          "Amina suggested a TAF. Priya will check the GP "
                                          "records.", NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (reflect_store_add_action (store, id, "Arrange a TAF meeting with the family",
                                             "Amina Khan", "Fri 5 Dec 2025", &error), >, 0);
  g_assert_cmpint (reflect_store_add_action (store, id,
                                             "Share attendance figures with Gwenllian",
                                             "School", "next week", &error), >, 0);
  g_assert_cmpint (reflect_store_add_action (store, id,
                                             "Visit mum at home with Priya to talk about "
                                             "practical help",
                                             "Health Visiting", "within 2 weeks", &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (reflect_store_save_record_field (store, id, REFLECT_RECORD_HYPOTHESIS_BEFORE,
                                                  "Mum is not engaging with CIN support.",
                                                  &error));
  g_assert_true (reflect_store_save_record_field (store, id, REFLECT_RECORD_HYPOTHESIS_AFTER,
                                                  "Mum is overwhelmed; as Łukasz put it, she "
                                                  "needs practical help before anything else.",
                                                  &error));
  g_assert_true (reflect_store_save_record_field (store, id, REFLECT_RECORD_STRENGTHS,
                                                  "Gwenllian knows the family well.", &error));
  g_assert_true (reflect_store_save_record_field (store, id, REFLECT_RECORD_FAMILY_UPDATE,
                                                  "Amina will phone mum on Monday to explain the "
                                                  "session and the actions.", &error));
  g_assert_true (reflect_store_save_record_field (store, id, REFLECT_RECORD_THEMES,
                                                  "Attendance, practical help", &error));
  g_assert_true (reflect_store_save_record_field (store, id, REFLECT_RECORD_LEARNING,
                                                  "Tom said: \"we, all, need\" to meet earlier,\n"
                                                  "not later.", &error));
  g_assert_true (reflect_store_save_record_field (store, id, REFLECT_RECORD_FEEDBACK,
                                                  "The timings worked well 👍", &error));
  g_assert_no_error (error);

  g_assert_cmpint (reflect_store_add_info_sharing (store, id, "The school attendance record",
                                                   "Tom Baker", TRUE,
                                                   "To understand the pattern of absences",
                                                   &error), >, 0);
  g_assert_no_error (error);

  return id;
}

/* Every whole name, and every part of three letters or more. */
static inline void
record_fixture_assert_no_names (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (record_fixture_people); i++)
    {
      g_auto(GStrv) parts = g_strsplit_set (record_fixture_people[i].name, " '", -1);
      g_autofree char *folded_text = g_utf8_casefold (text, -1);
      g_autofree char *folded_name = g_utf8_casefold (record_fixture_people[i].name, -1);

      if (strstr (folded_text, folded_name) != NULL)
        g_error ("“%s” appears in:\n%s", record_fixture_people[i].name, text);
      for (guint p = 0; parts[p] != NULL; p++)
        {
          g_autofree char *folded_part = g_utf8_casefold (parts[p], -1);
          if (g_utf8_strlen (parts[p], -1) >= 3 && strstr (folded_text, folded_part) != NULL)
            g_error ("“%s” appears in:\n%s", parts[p], text);
        }
    }
}
