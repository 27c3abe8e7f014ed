/* test-people.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reflect-run.h"
#include "reflect-store-people.h"
#include "reflect-store-private.h"
#include "reflect-test-env.h"

typedef struct
{
  char           *home;
  char           *path;
  ReflectStore   *store;
  ReflectCatalog *catalog;
  gint64          session_id;
  ReflectRun     *run;
} Fixture;

static gint64
make_session (Fixture    *f,
              const char *model_id,
              const char *case_ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectSession) session = NULL;

  session = reflect_session_new (reflect_catalog_find_model (f->catalog, model_id));
  reflect_session_set_case_ref (session, case_ref);
  g_assert_true (reflect_store_create_session (f->store, session, &error));
  g_assert_no_error (error);
  return reflect_session_get_id (session);
}

static ReflectRun *
open_run (Fixture *f,
          gint64   session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectSession) session = reflect_store_load_session (f->store, session_id, &error);
  ReflectRun *run;

  g_assert_no_error (error);
  run = reflect_run_new (f->store, f->catalog, session, &error);
  g_assert_no_error (error);
  return run;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *model_id = data ? data : "space-to-think";

  f->home = reflect_test_make_data_home ();
  f->path = g_build_filename (f->home, "reflect", "reflect.db", NULL);
  f->store = reflect_store_open (f->path, &error);
  g_assert_no_error (error);
  f->catalog = reflect_catalog_new (f->store);
  f->session_id = make_session (f, model_id, "PEOPLE-1");
  f->run = open_run (f, f->session_id);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->run);
  g_clear_object (&f->catalog);
  g_clear_object (&f->store);
  reflect_test_remove_tree (f->home);
  g_free (f->home);
  g_free (f->path);
}

static gint64
raw_add (Fixture    *f,
         const char *name,
         gboolean    present,
         const char *role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  stmt = reflect_store_prepare (f->store,
    "INSERT INTO attendees (session_id, name, agency, present, position)"
    " VALUES (?1, ?2, 'Police', ?3, (SELECT count (*) FROM attendees))", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, f->session_id);
  reflect_store_bind_text (stmt, 2, name);
  sqlite3_bind_int (stmt, 3, present);
  g_assert_true (reflect_store_step_done (f->store, stmt, &error));
  id = sqlite3_last_insert_rowid (reflect_store_get_db (f->store));

  if (role != NULL)
    {
      g_autoptr(sqlite3_stmt) insert = reflect_store_prepare (f->store,
        "INSERT INTO round_roles (round_id, attendee_id, role) VALUES (?1, ?2, ?3)", &error);
      g_assert_no_error (error);
      sqlite3_bind_int64 (insert, 1, reflect_run_get_round_id (f->run));
      sqlite3_bind_int64 (insert, 2, id);
      reflect_store_bind_text (insert, 3, role);
      g_assert_true (reflect_store_step_done (f->store, insert, &error));
    }
  return id;
}

static void
test_names_in_role (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 round_id = reflect_run_get_round_id (f->run);
  g_auto(GStrv) facilitators = NULL;
  g_auto(GStrv) presenters = NULL;
  g_auto(GStrv) consultants = NULL;

  raw_add (f, "Ada", TRUE, "presenter");
  raw_add (f, "Ben", TRUE, NULL);
  raw_add (f, "Cleo", FALSE, NULL);
  raw_add (f, "Dev", TRUE, "consultant");

  /* Nobody facilitates yet: an empty list, not an error. */
  facilitators = reflect_store_list_names_in_role (f->store, round_id, "facilitator", &error);
  g_assert_no_error (error);
  g_assert_nonnull (facilitators);
  g_assert_cmpuint (g_strv_length (facilitators), ==, 0);

  presenters = reflect_store_list_names_in_role (f->store, round_id, "presenter", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (presenters, ((const char * const[]) { "Ada", NULL }));

  /* Absent people are left out; no role row means consultant. */
  consultants = reflect_store_list_names_in_role (f->store, round_id, "consultant", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (consultants, ((const char * const[]) { "Ben", "Dev", NULL }));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/people/names-in-role", Fixture, NULL,
              fixture_setup, test_names_in_role, fixture_teardown);

  return g_test_run ();
}
