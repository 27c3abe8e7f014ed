/* test-backup.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include "reflect-backup.h"
#include "reflect-catalog.h"
#include "reflect-test-env.h"

typedef struct
{
  char           *home;
  char           *path;
  ReflectStore   *store;
  ReflectCatalog *catalog;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->home = reflect_test_make_data_home ();
  f->path = g_build_filename (f->home, "reflect", "reflect.db", NULL);
  f->store = reflect_store_open (f->path, &error);
  g_assert_no_error (error);
  f->catalog = reflect_catalog_new (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->catalog);
  g_clear_object (&f->store);
  reflect_test_remove_tree (f->home);
  g_free (f->home);
  g_free (f->path);
}

static gint64
add_session (Fixture    *f,
             const char *case_ref)
{
  g_autoptr(ReflectSession) session =
    reflect_session_new (reflect_catalog_find_model (f->catalog, "space-to-think"));

  reflect_session_set_case_ref (session, case_ref);
  g_assert_true (reflect_store_create_session (f->store, session, NULL));
  return reflect_session_get_id (session);
}

static guint
count_sessions (ReflectStore *store)
{
  g_autoptr(GListModel) list = reflect_store_list_sessions (store, NULL);
  return g_list_model_get_n_items (list);
}

static void
test_make_and_restore (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *folder = reflect_backup_get_folder (f->path);
  struct stat st;
  gint64 id;

  add_session (f, "KEEP-1");
  id = add_session (f, "DELETED-BY-MISTAKE");

  backup = reflect_backup_make (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (reflect_backup_check (backup, &error));

  g_assert_true (reflect_store_delete_session (f->store, id, &error));
  g_assert_cmpuint (count_sessions (f->store), ==, 1);

  /* Restore: close, replace, reopen. */
  g_clear_object (&f->store);
  g_assert_true (reflect_backup_restore (backup, f->path, &aside, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  f->store = reflect_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_sessions (f->store), ==, 2);
  g_assert_cmpint (stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_daily_and_prune (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *first = reflect_backup_make_daily (f->store, now, &error);
  g_autofree char *again = NULL;
  g_auto(GStrv) list = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (first);

  /* Not due again within the day. */
  again = reflect_backup_make_daily (f->store, now + 3600, &error);
  g_assert_no_error (error);
  g_assert_null (again);

  for (guint i = 0; i < 10; i++)
    g_free (reflect_backup_make (f->store, &error));
  list = reflect_backup_list (f->path);
  g_assert_cmpuint (g_strv_length (list), ==, REFLECT_BACKUPS_KEPT);
}

static void
test_check_refuses (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_build_filename (f->home, "notes.db", NULL);
  g_autofree char *damaged = g_build_filename (f->home, "damaged.db", NULL);
  g_autofree char *backup = reflect_backup_make (f->store, &error);
  g_autofree char *contents = NULL;
  g_autofree char *aside = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (text, "not a database at all", -1, NULL));
  g_assert_false (reflect_backup_check (text, &error));
  g_assert_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);

  /* A backup with its pages overwritten in the middle. */
  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  memset (contents + 4096, 0x5a, length - 4096);
  g_assert_true (g_file_set_contents (damaged, contents, length, NULL));
  g_assert_false (reflect_backup_check (damaged, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A refused restore replaces nothing. */
  add_session (f, "STILL-HERE");
  g_clear_object (&f->store);
  g_assert_false (reflect_backup_restore (damaged, f->path, &aside, &error));
  g_assert_null (aside);
  f->store = reflect_store_open (f->path, &error);
  g_assert_cmpuint (count_sessions (f->store), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/backup/make-and-restore", test_make_and_restore);
  ADD ("/backup/daily-and-prune", test_daily_and_prune);
  ADD ("/backup/check-refuses", test_check_refuses);
#undef ADD

  return g_test_run ();
}
