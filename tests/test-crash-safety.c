/* test-crash-safety.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Promise: nothing typed is lost.  A child process writes a note and
 * drives a running stage clock through the app's own store code, telling
 * the parent over a pipe after each commit; the parent kills it with
 * SIGKILL at random moments.  Every restart must find every acknowledged
 * edit and a database that passes PRAGMA integrity_check.
 *
 * Shown to fail: with reflect_store_save_note() made write-behind (each
 * edit's transaction left open and committed at the start of the next
 * save), /crash-safety/note stops at "assertion failed (found >= acked):
 * (12684 >= 12685)": the last acknowledged edit was lost.  Making the
 * journal unsafe instead (journal_mode=OFF) did not make it fail: a
 * process kill, unlike a power cut, leaves the kernel's buffers to reach
 * the disk.
 */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "reflect-run.h"
#include "reflect-store-record.h"
#include "reflect-test-env.h"

#define KILLS 120

typedef struct
{
  char   *home;
  char   *path;
  gint64  session_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectStore) store = NULL;
  g_autoptr(ReflectCatalog) catalog = NULL;
  g_autoptr(ReflectSession) session = NULL;

  f->home = reflect_test_make_data_home ();
  f->path = g_build_filename (f->home, "reflect", "reflect.db", NULL);
  store = reflect_store_open (f->path, &error);
  g_assert_no_error (error);
  catalog = reflect_catalog_new (store);
  session = reflect_session_new (reflect_catalog_find_model (catalog, "space-to-think"));
  reflect_session_set_case_ref (session, "CRASH-1");
  g_assert_true (reflect_store_create_session (store, session, &error));
  f->session_id = reflect_session_get_id (session);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  reflect_test_remove_tree (f->home);
  g_free (f->home);
  g_free (f->path);
}

static void
write_ack (int    fd,
           gint64 value)
{
  if (write (fd, &value, sizeof value) != sizeof value)
    _exit (3);
}

/* The child: types into the note forever, one committed edit at a time. */
static G_GNUC_NORETURN void
type_note (const char *path,
           gint64      session_id,
           gint64      start,
           int         ack_fd)
{
  g_autoptr(ReflectStore) store = reflect_store_open (path, NULL);

  if (store == NULL)
    _exit (2);

  for (gint64 i = start;; i++)
    {
      g_autofree char *body = g_strdup_printf ("edit %" G_GINT64_FORMAT ": the family’s story, "
                                               "as typed so far …", i);
      if (!reflect_store_save_note (store, session_id, 1, "offload", body, NULL, NULL))
        _exit (4);
      write_ack (ack_fd, i);
    }
}

/* The child: moves the clock on, one stored transition at a time. */
static G_GNUC_NORETURN void
drive_clock (const char *path,
             gint64      session_id,
             int         ack_fd)
{
  g_autoptr(ReflectStore) store = reflect_store_open (path, NULL);
  g_autoptr(ReflectCatalog) catalog = NULL;
  g_autoptr(ReflectSession) session = NULL;
  g_autoptr(ReflectRun) run = NULL;
  ReflectStageClock *clock;

  if (store == NULL)
    _exit (2);
  catalog = reflect_catalog_new (store);
  session = reflect_store_load_session (store, session_id, NULL);
  run = reflect_run_new (store, catalog, session, NULL);
  if (run == NULL)
    _exit (2);
  clock = reflect_run_get_clock (run);

  for (;;)
    {
      /* Each transition is stored by the run before the call returns. */
      if (reflect_stage_clock_get_current_stage (clock) + 1 < reflect_stage_clock_get_n_stages (clock))
        reflect_stage_clock_next (clock);
      else
        reflect_stage_clock_jump (clock, 0);
      reflect_stage_clock_start (clock);
      write_ack (ack_fd, reflect_stage_clock_get_current_stage (clock));
    }
}

static gint64
run_and_kill (Fixture  *f,
              gboolean  clock,
              gint64    start,
              gint64   *acked)
{
  int fds[2];
  pid_t pid;
  gint64 value;
  int status;
  guint delay_ms = g_random_int_range (20, 120);

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      if (clock)
        drive_clock (f->path, f->session_id, fds[1]);
      else
        type_note (f->path, f->session_id, start, fds[1]);
    }
  close (fds[1]);

  g_usleep (delay_ms * 1000);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) || (WIFEXITED (status) && WEXITSTATUS (status) == 0));

  /* Everything the child said it committed before it died. */
  *acked = -1;
  while (read (fds[0], &value, sizeof value) == sizeof value)
    *acked = value;
  close (fds[0]);
  return *acked;
}

static void
check_integrity (ReflectStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (reflect_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

static void
test_note (Fixture       *f,
           gconstpointer  data)
{
  gint64 next = 0;
  guint acknowledged_kills = 0;

  for (guint kill_no = 0; kill_no < KILLS; kill_no++)
    {
      g_autoptr(ReflectStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *body = NULL;
      gint64 acked;
      gint64 found = -1;

      run_and_kill (f, FALSE, next, &acked);

      store = reflect_store_open (f->path, &error);
      g_assert_no_error (error);
      check_integrity (store);
      body = reflect_store_load_note (store, f->session_id, 1, "offload", &error);
      g_assert_no_error (error);
      if (body != NULL && *body != '\0')
        g_assert_true (sscanf (body, "edit %" G_GINT64_FORMAT ":", &found) == 1);

      if (acked >= 0)
        {
          acknowledged_kills++;
          /* The last acknowledged edit, or the one after it that committed
           * just before the kill: never older. */
          g_assert_cmpint (found, >=, acked);
          g_assert_cmpint (found, <=, acked + 1);
        }
      next = MAX (found, acked) + 1;
    }

  g_test_message ("%u kills, %u after at least one acknowledged edit", KILLS, acknowledged_kills);
  g_assert_cmpuint (acknowledged_kills, >, KILLS / 2);
}

static void
test_clock (Fixture       *f,
            gconstpointer  data)
{
  for (guint kill_no = 0; kill_no < KILLS; kill_no++)
    {
      g_autoptr(ReflectStore) store = NULL;
      g_autoptr(ReflectCatalog) catalog = NULL;
      g_autoptr(ReflectSession) session = NULL;
      g_autoptr(ReflectRun) run = NULL;
      g_autoptr(GError) error = NULL;
      ReflectStageClock *clock;
      gint64 acked;
      guint stage;

      run_and_kill (f, TRUE, 0, &acked);

      store = reflect_store_open (f->path, &error);
      g_assert_no_error (error);
      check_integrity (store);
      catalog = reflect_catalog_new (store);
      session = reflect_store_load_session (store, f->session_id, &error);
      g_assert_no_error (error);
      run = reflect_run_new (store, catalog, session, &error);
      g_assert_no_error (error);
      clock = reflect_run_get_clock (run);
      stage = reflect_stage_clock_get_current_stage (clock);

      if (acked >= 0)
        {
          guint n = reflect_stage_clock_get_n_stages (clock);
          /* The acknowledged stage, or the next transition after it. */
          g_assert_true (stage == (guint)acked || stage == ((guint)acked + 1) % n);
          g_assert_true (reflect_stage_clock_is_running (clock));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/crash-safety/note", Fixture, NULL, fixture_setup, test_note, fixture_teardown);
  g_test_add ("/crash-safety/clock", Fixture, NULL, fixture_setup, test_clock, fixture_teardown);

  return g_test_run ();
}
