/* test-store.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* memmem */

#include "config.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "reflect-catalog.h"
#include "reflect-store.h"
#include "reflect-test-env.h"

typedef struct
{
  char           *home;
  char           *path;
  ReflectCatalog *catalog;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->home = reflect_test_make_data_home ();
  /* Not reflect_store_default_path(): GLib caches XDG_DATA_HOME per process. */
  f->path = g_build_filename (f->home, "reflect", "reflect.db", NULL);
  f->catalog = reflect_catalog_new (NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->catalog);
  reflect_test_remove_tree (f->home);
  g_free (f->home);
  g_free (f->path);
}

static ReflectSession *
make_session (Fixture    *f,
              const char *case_ref,
              gint64      starts_at)
{
  ReflectSession *session = reflect_session_new (reflect_catalog_find_model (f->catalog,
                                                                             "space-to-think"));
  reflect_session_set_case_ref (session, case_ref);
  reflect_session_set_starts_at (session, starts_at);
  reflect_session_set_venue (session, "Room 2");
  reflect_session_set_purpose (session, "stuck");
  reflect_session_set_manager_agreed (session, TRUE);
  return session;
}

static void
test_create_reopen_persist (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectStore) store = reflect_store_open (f->path, &error);
  g_autoptr(ReflectSession) older = make_session (f, "C-1001", 1700000000);
  g_autoptr(ReflectSession) newer = make_session (f, "Łucja ☂ 4471", 1800000000);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(ReflectSession) first = NULL;
  g_autoptr(ReflectSession) loaded = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (reflect_store_get_schema_version (store), ==, REFLECT_STORE_SCHEMA_VERSION);
  g_assert_true (reflect_store_create_session (store, older, &error));
  g_assert_no_error (error);
  g_assert_true (reflect_store_create_session (store, newer, &error));
  g_assert_cmpint (reflect_session_get_id (newer), >, 0);
  g_clear_object (&store);

  store = reflect_store_open (f->path, &error);
  g_assert_no_error (error);
  list = reflect_store_list_sessions (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  /* Newest first. */
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (reflect_session_get_case_ref (first), ==, "Łucja ☂ 4471");
  g_assert_cmpstr (reflect_session_get_model_title (first), ==, "Space to Think");

  loaded = reflect_store_load_session (store, reflect_session_get_id (older), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reflect_session_get_venue (loaded), ==, "Room 2");
  g_assert_cmpstr (reflect_session_get_purpose (loaded), ==, "stuck");
  g_assert_true (reflect_session_get_manager_agreed (loaded));
  g_assert_cmpint (reflect_session_get_starts_at (loaded), ==, 1700000000);
  g_assert_cmpuint (reflect_model_get_n_stages (reflect_session_get_model (loaded)), ==, 6);
}

/* Shown to fail: with the folder made 0755 and the file 0644 in
 * prepare_files(), "assertion failed (st.st_mode & 0777 == 0700)". */
static void
test_modes (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectStore) store = reflect_store_open (f->path, &error);
  g_autoptr(ReflectSession) session = make_session (f, "C-1", 1700000000);
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  struct stat st;

  g_assert_no_error (error);
  g_assert_true (reflect_store_create_session (store, session, &error));

  g_assert_cmpint (stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (stat (shm, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectStore) store = reflect_store_open (f->path, &error);
  g_autoptr(ReflectSession) session = make_session (f, "   ", 1700000000);
  g_autoptr(GListModel) list = NULL;

  g_assert_false (reflect_store_create_session (store, session, &error));
  g_assert_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "case reference"));
  g_clear_error (&error);

  reflect_session_set_case_ref (session, "C-2");
  reflect_session_set_purpose (session, "other");
  g_assert_false (reflect_store_create_session (store, session, &error));
  g_assert_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = reflect_store_list_sessions (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

/* Shown to fail: with secure_delete OFF, "memmem (bytes, length,
 * "SECRETCASEREF", ...) should be NULL": the deleted text stayed in the
 * file's free pages. */
static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectStore) store = reflect_store_open (f->path, &error);
  g_autoptr(ReflectSession) session = make_session (f, "SECRETCASEREF", 1700000000);
  g_autoptr(GListModel) list = NULL;
  g_autofree char *bytes = NULL;
  gsize length;

  g_assert_true (reflect_store_create_session (store, session, &error));
  g_assert_true (reflect_store_delete_session (store, reflect_session_get_id (session), &error));
  g_assert_no_error (error);
  list = reflect_store_list_sessions (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  /* Nothing of the deleted session stays in the file's bytes. */
  g_assert_true (reflect_store_checkpoint (store, &error));
  g_assert_true (g_file_get_contents (f->path, &bytes, &length, &error));
  g_assert_null (memmem (bytes, length, "SECRETCASEREF", strlen ("SECRETCASEREF")));
}

static void
write_file (const char *path,
            const char *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, data, length, &error));
}

static void
test_refuses_not_a_database (Fixture       *f,
                             gconstpointer  data)
{
  const char text[] = "These are my notes, not a database.";
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectStore) store = NULL;
  g_autofree char *after = NULL;
  g_autofree char *moved = NULL;
  gsize length;

  write_file (f->path, text, sizeof text);
  store = reflect_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, f->path));

  /* Left exactly as it was. */
  g_assert_true (g_file_get_contents (f->path, &after, &length, NULL));
  g_assert_cmpmem (after, length, text, sizeof text);

  /* Moved aside, never deleted; a new store then opens. */
  g_assert_true (reflect_store_move_aside (f->path, &moved, &error));
  g_assert_true (g_file_test (moved, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  store = reflect_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

static void
test_refuses_corrupt (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectStore) store = NULL;
  g_autofree char *garbage = g_malloc (8192);
  g_autofree char *after = NULL;
  gsize length;

  /* A valid header followed by garbage. */
  memset (garbage, 0xa5, 8192);
  memcpy (garbage, "SQLite format 3", 16);
  write_file (f->path, garbage, 8192);

  store = reflect_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_true (g_file_get_contents (f->path, &after, &length, NULL));
  g_assert_cmpmem (after, length, garbage, 8192);
}

static void
test_refuses_newer (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectStore) store = reflect_store_open (f->path, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (f->path, &before, &before_length, NULL));
  store = reflect_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_true (g_file_get_contents (f->path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
}

/* Builds a database as version @from left it, with a session in it, then
 * opens it with this build: the data must come through every later step. */
static void
test_migrate_from (Fixture       *f,
                   gconstpointer  data)
{
  int from = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectStore) store = reflect_store_open_at_version (f->path, from, &error);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(ReflectSession) session = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (reflect_store_get_schema_version (store), ==, from);
  g_clear_object (&store);

  /* Insert with plain SQL valid at every version since 1. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  {
    g_autoptr(ReflectModel) model = g_object_ref (reflect_catalog_find_model (f->catalog,
                                                                              "space-to-think"));
    g_autofree char *json = reflect_model_to_data (model);
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db,
      "INSERT INTO sessions (uuid, model_id, model_title, model_json, case_ref, starts_at, mode,"
      " purpose, created_at, updated_at)"
      " VALUES ('u-1', 'space-to-think', 'Space to Think', ?1, 'OLD-7', 1600000000,"
      " 'virtual', 'debrief', 1, 1)", -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO attendees (session_id, name, agency)"
                                       " VALUES (1, 'A. Person', 'Health visiting')",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);

  store = reflect_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reflect_store_get_schema_version (store), ==, REFLECT_STORE_SCHEMA_VERSION);

  list = reflect_store_list_sessions (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  session = g_list_model_get_item (list, 0);
  g_assert_cmpstr (reflect_session_get_case_ref (session), ==, "OLD-7");
  g_assert_true (reflect_session_get_virtual (session));
  g_assert_true (reflect_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

/* Shown to fail: with the BEGIN IMMEDIATE / COMMIT around each step
 * removed from reflect_store_migrate(), the half-done step's first
 * statement stays ("SELECT current_round FROM sessions" prepares). */
static void
test_migrate_failure_keeps_version (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectStore) store = reflect_store_open_at_version (f->path, 1, &error);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_clear_object (&store);

  /* A table in the way makes step 2 fail midway through its script. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE round_roles (x)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  store = reflect_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  /* Nothing of the failed step stayed: its first statement was undone too. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT current_round FROM sessions", -1, &stmt, NULL),
                   !=, SQLITE_OK);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Ways a database file gets hurt: a copy cut short, a disk that returned
 * zeros, bits flipped in the middle, something else saved over it. */
typedef enum
{
  DAMAGE_TRUNCATED_HALF,
  DAMAGE_TRUNCATED_TO_HEADER,
  DAMAGE_ZERO_FILLED,
  DAMAGE_FIRST_PAGE_ZEROED,
  DAMAGE_BITS_FLIPPED,
  DAMAGE_NOT_SQLITE,
  DAMAGE_DEEP_BITS_FLIPPED,
} Damage;

static void
quick_check_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (reflect_store_quick_check_finish (REFLECT_STORE (source), result, error));
  g_assert_nonnull (*error);
}

static void
sound_check_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (reflect_store_quick_check_finish (REFLECT_STORE (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *)user_data = TRUE;
}

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  Damage damage = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectStore) store = reflect_store_open (f->path, &error);
  g_autofree char *bytes = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length, before_length, after_length;
  guint page_size = 4096;

  /* A store with enough in it to span many pages. */
  g_assert_no_error (error);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *case_ref = g_strdup_printf ("C-%04u", i);
      g_autoptr(ReflectSession) session = make_session (f, case_ref, 1700000000 + i);
      g_assert_true (reflect_store_create_session (store, session, &error));
    }
  g_assert_true (reflect_store_checkpoint (store, &error));
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (f->path, &bytes, &length, &error));
  g_assert_cmpuint (length, >, 8 * page_size);
  switch (damage)
    {
    case DAMAGE_TRUNCATED_HALF:
      length /= 2;
      break;
    case DAMAGE_TRUNCATED_TO_HEADER:
      length = 100;
      break;
    case DAMAGE_ZERO_FILLED:
      memset (bytes, 0, length);
      break;
    case DAMAGE_FIRST_PAGE_ZEROED:
      memset (bytes, 0, page_size);
      break;
    case DAMAGE_BITS_FLIPPED:
      /* The header of every b-tree page past the schema: its type byte
       * and the first cell pointers. */
      for (gsize page = 1; (page + 1) * page_size <= length; page++)
        for (gsize i = 0; i < 12; i++)
          bytes[page * page_size + i] ^= 0x5a;
      break;
    case DAMAGE_NOT_SQLITE:
      memcpy (bytes, "%PDF-1.5\n", 9);
      break;
    case DAMAGE_DEEP_BITS_FLIPPED:
      /* Only the last pages, which opening never reads: the quick check
       * after the window is up has to find this one. */
      for (gsize page = length / page_size - 3; page < length / page_size; page++)
        for (gsize i = 0; i < 12; i++)
          bytes[page * page_size + i] ^= 0x5a;
      break;
    }
  write_file (f->path, bytes, length);
  g_assert_true (g_file_get_contents (f->path, &before, &before_length, NULL));

  /* Opening refuses it, or the check that follows the window finds it. */
  store = reflect_store_open (f->path, &error);
  if (store == NULL)
    {
      g_assert_nonnull (error);
      g_test_message ("refused on opening: %s", error->message);
    }
  else
    {
      reflect_store_quick_check_async (store, NULL, quick_check_done_cb, &error);
      while (error == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_test_message ("found by the quick check: %s", error->message);
      g_assert_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_CORRUPT);
      g_clear_object (&store);
    }
  g_assert_nonnull (strstr (error->message, f->path));

  /* Never written to: the bytes are exactly the damaged ones. */
  g_assert_true (g_file_get_contents (f->path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, before, before_length);
}

static void
test_quick_check_sound (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectStore) store = reflect_store_open (f->path, &error);
  g_autoptr(ReflectSession) session = make_session (f, "C-1", 1700000000);
  gboolean done = FALSE;

  g_assert_true (reflect_store_create_session (store, session, &error));
  reflect_store_quick_check_async (store, NULL, sound_check_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/create-reopen-persist", Fixture, NULL, fixture_setup,
              test_create_reopen_persist, fixture_teardown);
  g_test_add ("/store/file-modes", Fixture, NULL, fixture_setup, test_modes, fixture_teardown);
  g_test_add ("/store/validation", Fixture, NULL, fixture_setup, test_validation, fixture_teardown);
  g_test_add ("/store/delete-leaves-no-text", Fixture, NULL, fixture_setup, test_delete,
              fixture_teardown);
  g_test_add ("/store/refuses/not-a-database", Fixture, NULL, fixture_setup,
              test_refuses_not_a_database, fixture_teardown);
  g_test_add ("/store/refuses/corrupt", Fixture, NULL, fixture_setup, test_refuses_corrupt,
              fixture_teardown);
  g_test_add ("/store/refuses/newer", Fixture, NULL, fixture_setup, test_refuses_newer,
              fixture_teardown);
  {
    const char *damages[] = { "truncated-half", "truncated-to-header", "zero-filled",
                              "first-page-zeroed", "bits-flipped", "not-sqlite",
                              "deep-bits-flipped" };
    for (guint d = 0; d < G_N_ELEMENTS (damages); d++)
      {
        g_autofree char *path = g_strdup_printf ("/store/damaged/%s", damages[d]);
        g_test_add (path, Fixture, GINT_TO_POINTER (d), fixture_setup, test_damaged,
                    fixture_teardown);
      }
  }
  g_test_add ("/store/quick-check-sound", Fixture, NULL, fixture_setup, test_quick_check_sound,
              fixture_teardown);
  for (int v = 1; v < REFLECT_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *path = g_strdup_printf ("/store/migrate/from-v%d", v);
      g_test_add (path, Fixture, GINT_TO_POINTER (v), fixture_setup, test_migrate_from,
                  fixture_teardown);
    }
  g_test_add ("/store/migrate/failure-keeps-version", Fixture, NULL, fixture_setup,
              test_migrate_failure_keeps_version, fixture_teardown);

  return g_test_run ();
}
