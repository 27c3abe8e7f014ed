/* test-run.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reflect-run.h"
#include "reflect-test-env.h"

typedef struct
{
  char           *home;
  ReflectStore   *store;
  ReflectCatalog *catalog;
  gint64          session_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ReflectSession) session = NULL;

  f->home = reflect_test_make_data_home ();
  path = g_build_filename (f->home, "reflect", "reflect.db", NULL);
  f->store = reflect_store_open (path, &error);
  g_assert_no_error (error);
  f->catalog = reflect_catalog_new (f->store);

  session = reflect_session_new (reflect_catalog_find_model (f->catalog, "space-to-think"));
  reflect_session_set_case_ref (session, "RUN-1");
  g_assert_true (reflect_store_create_session (f->store, session, &error));
  f->session_id = reflect_session_get_id (session);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->catalog);
  g_clear_object (&f->store);
  reflect_test_remove_tree (f->home);
  g_free (f->home);
}

static ReflectRun *
open_run (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectSession) session = reflect_store_load_session (f->store, f->session_id, &error);
  ReflectRun *run;

  g_assert_no_error (error);
  run = reflect_run_new (f->store, f->catalog, session, &error);
  g_assert_no_error (error);
  return run;
}

static void
test_clock_restored (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ReflectRun) run = open_run (f);
  g_autoptr(ReflectSession) reloaded = NULL;
  ReflectStageClock *clock = reflect_run_get_clock (run);

  g_assert_cmpuint (reflect_stage_clock_get_n_stages (clock), ==, 6);
  reflect_stage_clock_start (clock);
  reflect_stage_clock_next (clock);
  reflect_stage_clock_next (clock);
  g_clear_object (&run);

  /* As after a quit or a crash: the clock comes back where it was, running. */
  run = open_run (f);
  clock = reflect_run_get_clock (run);
  g_assert_cmpuint (reflect_stage_clock_get_current_stage (clock), ==, 2);
  g_assert_true (reflect_stage_clock_is_running (clock));
  g_assert_cmpstr (reflect_model_stage_get_title (reflect_run_get_current_stage (run)), ==,
                   "Group exploration");

  reloaded = reflect_store_load_session (f->store, f->session_id, NULL);
  g_assert_cmpint (reflect_session_get_state (reloaded), ==, REFLECT_SESSION_IN_PROGRESS);
}

static void
test_second_round (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ReflectRun) run = open_run (f);
  g_autoptr(GError) error = NULL;
  ReflectStageClock *clock = reflect_run_get_clock (run);

  reflect_stage_clock_start (clock);
  reflect_stage_clock_jump (clock, 5);
  g_assert_true (reflect_run_start_next_round (run, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reflect_run_get_round (run), ==, 2);

  clock = reflect_run_get_clock (run);
  g_assert_cmpuint (reflect_stage_clock_get_current_stage (clock), ==, 0);
  g_assert_false (reflect_stage_clock_has_started (clock));
  g_clear_object (&run);

  run = open_run (f);
  g_assert_cmpuint (reflect_run_get_round (run), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/run/clock-restored", Fixture, NULL, fixture_setup, test_clock_restored,
              fixture_teardown);
  g_test_add ("/run/second-round", Fixture, NULL, fixture_setup, test_second_round,
              fixture_teardown);

  return g_test_run ();
}
