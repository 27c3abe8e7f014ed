/* reflect-store-migrations.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-store"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-store-private.h"

/* Each step takes the schema from version N-1 to N.  A step is never
 * edited once released: a change is a new step, tested from the one
 * before (tests/test-store.c, /store/migrate/...). */
static const char * const migrations[] = {
  /* 1: sessions and the people in them. */
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  model_id TEXT NOT NULL,"
  "  model_title TEXT NOT NULL,"
  "  model_json TEXT NOT NULL,"
  "  case_ref TEXT NOT NULL,"
  "  starts_at INTEGER NOT NULL,"
  "  mode TEXT NOT NULL CHECK (mode IN ('face-to-face', 'virtual')),"
  "  venue TEXT NOT NULL DEFAULT '',"
  "  purpose TEXT NOT NULL,"
  "  purpose_other TEXT NOT NULL DEFAULT '',"
  "  manager_agreed INTEGER NOT NULL DEFAULT 0,"
  "  state TEXT NOT NULL DEFAULT 'planned'"
  "    CHECK (state IN ('planned', 'in-progress', 'finished')),"
  "  follows_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX sessions_by_start ON sessions (starts_at DESC, id DESC);"
  "CREATE INDEX sessions_by_case ON sessions (case_ref);"
  "CREATE INDEX sessions_by_follows ON sessions (follows_id);"
  "CREATE TABLE attendees ("
  "  id INTEGER PRIMARY KEY,"
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  agency TEXT NOT NULL,"
  "  job_title TEXT NOT NULL DEFAULT '',"
  "  present INTEGER NOT NULL DEFAULT 1,"
  "  position INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX attendees_by_session ON attendees (session_id, position);",

  /* 2: rounds, roles in each round, the stored stage clock, confidence. */
  "ALTER TABLE sessions ADD COLUMN current_round INTEGER NOT NULL DEFAULT 1;"
  "CREATE TABLE rounds ("
  "  id INTEGER PRIMARY KEY,"
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL CHECK (number >= 1),"
  "  clock TEXT NOT NULL DEFAULT '',"
  "  started_at INTEGER,"
  "  ended_at INTEGER,"
  "  UNIQUE (session_id, number)"
  ");"
  "CREATE TABLE round_roles ("
  "  round_id INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,"
  "  attendee_id INTEGER NOT NULL REFERENCES attendees (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL CHECK (role IN ('facilitator', 'presenter', 'consultant')),"
  "  PRIMARY KEY (round_id, attendee_id)"
  ");"
  "CREATE UNIQUE INDEX round_roles_one_facilitator ON round_roles (round_id)"
  "  WHERE role = 'facilitator';"
  "CREATE UNIQUE INDEX round_roles_one_presenter ON round_roles (round_id)"
  "  WHERE role = 'presenter';"
  "CREATE INDEX round_roles_by_attendee ON round_roles (attendee_id);"
  "ALTER TABLE attendees ADD COLUMN confidence INTEGER"
  "  CHECK (confidence IS NULL OR confidence BETWEEN 0 AND 5);"
  "CREATE TABLE known_agencies ("
  "  name TEXT PRIMARY KEY COLLATE NOCASE,"
  "  used_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE custom_models ("
  "  id TEXT PRIMARY KEY,"
  "  json TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");",

  /* 3: questions: imported banks, custom questions, favourites, the asked log. */
  "CREATE TABLE question_banks ("
  "  id TEXT PRIMARY KEY,"
  "  json TEXT NOT NULL,"
  "  imported_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE custom_questions ("
  "  id TEXT PRIMARY KEY,"
  "  bank_id TEXT NOT NULL,"
  "  section_id TEXT NOT NULL,"
  "  text TEXT NOT NULL CHECK (length (text) > 0),"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE favourite_questions ("
  "  question_id TEXT PRIMARY KEY,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE asked_questions ("
  "  id INTEGER PRIMARY KEY,"
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  round_number INTEGER NOT NULL DEFAULT 1,"
  "  stage_key TEXT NOT NULL,"
  "  question_id TEXT NOT NULL,"
  "  question_text TEXT NOT NULL,"
  "  asked_at INTEGER NOT NULL,"
  "  response TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX asked_by_session ON asked_questions (session_id, asked_at);",

  /* 4: the record, and one full-text index over everything searchable.
   * search_docs holds one row per searchable text, the external content of
   * the FTS5 table.  They are kept in step by reflect_store_index_text(),
   * not by triggers: with trusted_schema=OFF a trigger may not write to a
   * virtual table. */
  "CREATE TABLE notes ("
  "  id INTEGER PRIMARY KEY,"
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  round_number INTEGER NOT NULL DEFAULT 1,"
  "  stage_key TEXT NOT NULL,"
  "  body TEXT NOT NULL DEFAULT '',"
  "  updated_at INTEGER NOT NULL,"
  "  UNIQUE (session_id, round_number, stage_key)"
  ");"
  "CREATE TABLE actions ("
  "  id INTEGER PRIMARY KEY,"
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  what TEXT NOT NULL,"
  "  owner TEXT NOT NULL DEFAULT '',"
  "  due TEXT NOT NULL DEFAULT '',"
  "  done INTEGER NOT NULL DEFAULT 0,"
  "  carried_from INTEGER REFERENCES actions (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX actions_by_session ON actions (session_id, position);"
  "CREATE TABLE info_sharing ("
  "  id INTEGER PRIMARY KEY,"
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  what TEXT NOT NULL DEFAULT '',"
  "  with_whom TEXT NOT NULL DEFAULT '',"
  "  shared INTEGER NOT NULL DEFAULT 0,"
  "  why TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX info_sharing_by_session ON info_sharing (session_id, position);"
  "CREATE TABLE session_record ("
  "  session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,"
  "  strengths TEXT NOT NULL DEFAULT '',"
  "  hypothesis_before TEXT NOT NULL DEFAULT '',"
  "  hypothesis_after TEXT NOT NULL DEFAULT '',"
  "  learning TEXT NOT NULL DEFAULT '',"
  "  themes TEXT NOT NULL DEFAULT '',"
  "  family_update TEXT NOT NULL DEFAULT '',"
  "  feedback TEXT NOT NULL DEFAULT '',"
  "  updated_at INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE search_docs ("
  "  id INTEGER PRIMARY KEY,"
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  source_id INTEGER NOT NULL,"
  "  body TEXT NOT NULL,"
  "  UNIQUE (kind, source_id)"
  ");"
  "CREATE INDEX search_docs_by_session ON search_docs (session_id);"
  "CREATE VIRTUAL TABLE search_fts USING fts5 ("
  "  body, content='search_docs', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');",

  /* 5: prefix indexes for the first one to six letters of every word.
   * Without one, FTS5 gathers every text holding a word that starts with
   * what was typed before it hands back the first, which for a word in
   * most notes is milliseconds a word per keystroke; with one, matches
   * stream newest first and the search stops when it has enough.  Costs
   * the index about 70% more room. */
  "DROP TABLE search_fts;"
  "CREATE VIRTUAL TABLE search_fts USING fts5 ("
  "  body, content='search_docs', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6');"
  "INSERT INTO search_fts (search_fts) VALUES ('rebuild');",
};

int
reflect_store_migrations_count (void)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == REFLECT_STORE_SCHEMA_VERSION);
  return G_N_ELEMENTS (migrations);
}

static int
read_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
exec_or_error (sqlite3     *db,
               const char  *sql,
               int          step,
               GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;

  g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_FAILED,
               _("Could not upgrade the database to version %d: %s"), step,
               message ? message : sqlite3_errmsg (db));
  sqlite3_free (message);
  return FALSE;
}

/**
 * reflect_store_migrate:
 * @target: the version to reach (tests stop early to build old fixtures)
 *
 * Steps the schema up one version at a time, each step in its own
 * `BEGIN IMMEDIATE` transaction, so a failure leaves the database at the
 * last complete version.  The version is read again inside the
 * transaction because another process may have migrated meanwhile.
 */
gboolean
reflect_store_migrate (sqlite3  *db,
                       int       target,
                       GError  **error)
{
  g_return_val_if_fail (target >= 0 && target <= REFLECT_STORE_SCHEMA_VERSION, FALSE);

  for (;;)
    {
      g_autofree char *set_version = NULL;
      int version;

      if (!exec_or_error (db, "BEGIN IMMEDIATE", 0, error))
        return FALSE;

      version = read_user_version (db);
      if (version < 0)
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_CORRUPT,
                       _("Could not read the database version: %s"), sqlite3_errmsg (db));
          return FALSE;
        }

      if (version > REFLECT_STORE_SCHEMA_VERSION)
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_NEWER,
                       _("The database was written by a newer version of Reflect (schema %d; this version knows up to %d). It has not been changed."),
                       version, REFLECT_STORE_SCHEMA_VERSION);
          return FALSE;
        }

      if (version >= target)
        return exec_or_error (db, "COMMIT", version, error);

      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!exec_or_error (db, migrations[version], version + 1, error) ||
          !exec_or_error (db, set_version, version + 1, error) ||
          !exec_or_error (db, "COMMIT", version + 1, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      g_debug ("Database upgraded to schema version %d", version + 1);
    }
}
