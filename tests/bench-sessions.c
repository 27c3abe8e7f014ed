/* bench-sessions.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sessions at scale (`meson test --benchmark sessions`): a generated store
 * of 10,000 sessions, 60 attendees' names reused, 100,000 notes.  Prints
 * each figure beside its target and exits non-zero when one is missed.
 *
 *   bench-sessions            generate the store, then measure everything
 *   bench-sessions --generate PATH   only make the store at PATH
 *   bench-sessions --store PATH      only time search and saving on it
 *   bench-sessions --scroll          only time scrolling the store in $XDG_DATA_HOME
 *
 * BENCH_SHOW_SLOW=1 also prints each search over 8 ms and each frame
 * over 16 ms.
 *   bench-sessions --child MODE
 *                             (internal) MODE "app" opens Reflect on the store, "bare"
 *                             shows a bare libadwaita window; each prints when drawn
 */

#include "config.h"

#include <sys/resource.h>
#include <unistd.h>

#include "reflect-application.h"
#include "reflect-sessions-page.h"
#include "reflect-store-history.h"
#include "reflect-store-private.h"
#include "reflect-store-record.h"
#include "reflect-test-env.h"

#define N_SESSIONS 10000
#define N_NOTES_PER_SESSION 10
#define N_NAMES 60
#define RUNS 11

static const char *words[] = {
  "housing", "tenancy", "school", "nurse", "visit", "attendance", "health", "mother", "father",
  "grandmother", "police", "referral", "assessment", "plan", "review", "strengths", "worry",
  "safety", "neglect", "support", "meeting", "agreed", "contact", "appointment", "missed",
  "progress", "routine", "sleep", "nursery", "speech", "language", "domestic", "abuse", "alcohol",
  "mental", "wellbeing", "budget", "benefits", "garden", "bedroom", "damp", "repairs",
};

static const char *stages[] = {
  "offload", "checking-facts", "group-exploration", "sharing-strengths",
  "purposeful-reflection", "summary-next-steps",
};

static char *
random_text (GRand *rand,
             guint  n_words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (text, "%s%s", i ? " " : "",
                            words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

static void
generate (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectStore) store = reflect_store_open (path, &error);
  g_autoptr(ReflectCatalog) catalog = reflect_catalog_new (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4471);
  GListModel *models = reflect_catalog_get_models (catalog);
  gint64 start = g_get_monotonic_time ();
  sqlite3 *db;

  g_assert_no_error (error);
  db = reflect_store_get_db (store);

  /* One transaction: generating is not what is measured. */
  g_assert_true (reflect_store_begin (store, &error));
  for (guint s = 0; s < N_SESSIONS; s++)
    {
      g_autoptr(ReflectModel) model = g_list_model_get_item (models, s % 4);
      g_autoptr(ReflectSession) session = reflect_session_new (model);
      g_autofree char *case_ref = g_strdup_printf ("C-%05u", 1000 + s);
      gint64 id;

      reflect_session_set_case_ref (session, case_ref);
      reflect_session_set_starts_at (session, 1600000000 + (gint64)s * 9000);
      reflect_session_set_state (session, REFLECT_SESSION_FINISHED);
      g_assert_true (reflect_store_create_session (store, session, &error));
      id = reflect_session_get_id (session);

      for (guint a = 0; a < 6; a++)
        {
          g_autofree char *sql = g_strdup_printf (
            "INSERT INTO attendees (session_id, name, agency, position) VALUES"
            " (%" G_GINT64_FORMAT ", 'Person %u', 'Agency %u', %u)",
            id, g_rand_int_range (rand, 0, N_NAMES), a % 4, a);
          g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
        }

      for (guint n = 0; n < N_NOTES_PER_SESSION; n++)
        {
          g_autofree char *body = random_text (rand, g_rand_int_range (rand, 20, 60));
          g_assert_true (reflect_store_save_note (store, id, 1 + n / 6, stages[n % 6], body,
                                                  NULL, &error));
        }
    }
  g_assert_true (reflect_store_commit (store, &error));
  g_assert_true (reflect_store_checkpoint (store, &error));
  g_print ("# generated %u sessions, %u notes in %.1f s\n", N_SESSIONS,
           N_SESSIONS * N_NOTES_PER_SESSION, (g_get_monotonic_time () - start) / 1e6);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint)(p * values->len)));
}

static gboolean failed;

static void
report (const char *what,
        double      value,
        const char *unit,
        const char *target,
        gboolean    met)
{
  g_print ("%-44s %10.2f %-4s target %-22s %s\n", what, value, unit, target,
           met ? "met" : "MISSED");
  if (!met)
    failed = TRUE;
}

static void
measure_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectStore) store = reflect_store_open (path, &error);
  g_autoptr(GArray) search = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  const char *queries[] = { "hous", "housing tenancy", "C-0447", "school nurse visit", "dam",
                            "appointment missed", "grandmother", "repairs damp bedroom",
                            "speech language", "alcohol", "\"NEAR(", "wellbeing budget" };

  g_assert_no_error (error);

  /* Search as typed: every prefix of every query. */
  for (guint round = 0; round < 5; round++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      for (gsize len = 1; len <= strlen (queries[q]); len++)
        {
          g_autofree char *typed = g_strndup (queries[q], len);
          gint64 t0 = g_get_monotonic_time ();
          g_autoptr(GListModel) hits = reflect_store_search_sessions (store, typed, NULL, 200,
                                                                      &error);
          double ms;

          /* And the sessions of a screenful of results, with their
           * snippets, as the list reads them for its first frame. */
          for (guint i = 0; hits != NULL && i < MIN (24, g_list_model_get_n_items (hits)); i++)
            g_object_unref (g_list_model_get_item (hits, i));
          ms = (g_get_monotonic_time () - t0) / 1000.0;

          g_assert_no_error (error);
          g_array_append_val (search, ms);
          if (g_getenv ("BENCH_SHOW_SLOW") && ms > 8)
            g_print ("# %.1f ms  %s\n", ms, typed);
        }
  report ("search, per keystroke, p95", percentile (search, 0.95), "ms", "< 10 ms",
          percentile (search, 0.95) < 10.0);

  /* Saving one edited note, as the note pad does after a pause in typing. */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *body = random_text (rand, 80);
      gint64 session = 1 + g_rand_int_range (rand, 0, N_SESSIONS);
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      g_assert_true (reflect_store_save_note (store, session, 1, "offload", body, NULL, &error));
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (save, ms);
    }
  report ("saving one edited note, median", percentile (save, 0.5), "ms", "< 2 ms (sync=FULL)",
          percentile (save, 0.5) < 2.0);
}

/* Child: show a window, print when drawn, then the resident memory after
 * a second of idling. */
static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  static gboolean printed;
  gint64 *start = user_data;

  if (printed)
    return;
  printed = TRUE;
  g_print ("drawn %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - *start);

  /* For profiling the launch alone (perf record … --child app). */
  if (g_getenv ("BENCH_EXIT_WHEN_DRAWN") != NULL)
    exit (0);
}

static gboolean
print_rss_and_quit (gpointer user_data)
{
  g_autofree char *status = NULL;
  const char *line;
  long kb = 0;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "VmRSS:")) != NULL)
    kb = strtol (line + 6, NULL, 10);
  g_print ("rss %ld\n", kb);
  exit (0);
  return G_SOURCE_REMOVE;
}

static void
bare_activate_cb (GtkApplication *app,
                  gint64         *start)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Sessions");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), start);
  g_timeout_add_seconds (1, print_rss_and_quit, NULL);
}

static void
app_activated_cb (GApplication *app,
                  gint64       *start)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), start);
  g_timeout_add_seconds (1, print_rss_and_quit, NULL);
}

static int
run_child (const char *mode,
           int         argc,
           char      **argv)
{
  static gint64 start;
  g_autoptr(GtkApplication) app = NULL;

  start = g_get_monotonic_time ();

  if (g_str_equal (mode, "bare"))
    {
      app = GTK_APPLICATION (adw_application_new ("io.github.reflect_practice.Bench",
                                                  G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), &start);
    }
  else
    {
      app = GTK_APPLICATION (reflect_application_new ());
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_signal_connect_after (app, "activate", G_CALLBACK (app_activated_cb), &start);
    }

  return g_application_run (G_APPLICATION (app), 1, argv);
}

typedef struct
{
  double launch_ms;
  double rss_kb;
} ChildResult;

static ChildResult
spawn_child (const char *self_path,
             const char *mode)
{
  const char *argv[] = { self_path, "--child", mode, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  ChildResult result = { 0, 0 };
  int status;
  const char *drawn, *rss;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);

  /* From exec to the first frame: the child prints its own time since
   * main(); the parent adds what came before main (loading, linking). */
  drawn = strstr (out, "drawn ");
  rss = strstr (out, "rss ");
  g_assert_nonnull (drawn);
  g_assert_nonnull (rss);
  result.launch_ms = g_ascii_strtod (drawn + 6, NULL) / 1000.0;
  result.rss_kb = g_ascii_strtod (rss + 4, NULL);
  return result;
}

static void
measure_launch (const char *self_path)
{
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_rss = g_array_new (FALSE, FALSE, sizeof (double));
  double b, a;

  /* Interleaved, so the machine's load falls on both alike. */
  for (guint i = 0; i < RUNS; i++)
    {
      ChildResult bare = spawn_child (self_path, "bare");
      ChildResult app = spawn_child (self_path, "app");

      g_array_append_val (bare_ms, bare.launch_ms);
      g_array_append_val (app_ms, app.launch_ms);
      g_array_append_val (bare_rss, bare.rss_kb);
      g_array_append_val (app_rss, app.rss_kb);
    }

  b = percentile (bare_ms, 0.5);
  a = percentile (app_ms, 0.5);
  g_print ("# launch to first frame, median of %u: bare window %.1f ms, Reflect %.1f ms\n",
           RUNS, b, a);
  report ("launch to Sessions list drawn / bare window", a / b, "x", "<= 1.15", a / b <= 1.15);

  b = percentile (bare_rss, 0.5);
  a = percentile (app_rss, 0.5);
  g_print ("# resident memory at idle: bare window %.0f kB, Reflect %.0f kB\n", b, a);
  report ("resident memory at idle / bare window", a / b, "x", "<= 1.3", a / b <= 1.3);
}

/* A frame's own work, from the frame clock's first phase to the end of
 * painting: waiting for the next vertical blank is not counted. */
typedef struct
{
  gint64  frame_start;
  GArray *frames;
  double  scrolled_to;
} FrameTimes;

static void
frame_start_cb (GdkFrameClock *clock,
                FrameTimes    *times)
{
  times->frame_start = g_get_monotonic_time ();
}

static void
frame_end_cb (GdkFrameClock *clock,
              FrameTimes    *times)
{
  double ms;

  if (times->frame_start == 0)
    return;
  ms = (g_get_monotonic_time () - times->frame_start) / 1000.0;
  times->frame_start = 0;
  g_array_append_val (times->frames, ms);
  if (g_getenv ("BENCH_SHOW_SLOW") && ms > 16)
    g_print ("# frame %u at %.0f px: %.1f ms\n", times->frames->len, times->scrolled_to, ms);
}

static GtkWidget *
find_mapped_scrolled_window (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_scrolled_window (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
measure_scrolling (void)
{
  g_autoptr(ReflectApplication) app = reflect_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) appearing = g_array_new (FALSE, FALSE, sizeof (double));
  FrameTimes times = { 0, frames, 0 };
  GdkFrameClock *clock;
  GtkWindow *window;
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  double upper;
  guint pages = 0;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (frame_start_cb), &times);
  g_signal_connect (clock, "after-paint", G_CALLBACK (frame_end_cb), &times);

  /* The frames after the first, while the rest of the list appears. */
  times.frames = appearing;
  for (guint i = 0; i < 60; i++)
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  report ("frames while the list appears, slowest", percentile (appearing, 1.0), "ms",
          "(shown)", TRUE);
  times.frames = frames;

  scrolled = find_mapped_scrolled_window (GTK_WIDGET (window));
  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  upper = gtk_adjustment_get_upper (adjustment);

  /* A page at a time from top to bottom, as fast as frames come. */
  for (double value = 0; value < upper; value += gtk_adjustment_get_page_size (adjustment))
    {
      times.scrolled_to = value;
      gtk_adjustment_set_value (adjustment, value);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      upper = gtk_adjustment_get_upper (adjustment);
      if (++pages > 20000)
        break;
    }
  g_signal_handlers_disconnect_by_data (clock, &times);

  g_print ("# scrolled %u pages over %.0f px in %u frames\n", pages, upper, frames->len);
  g_assert_cmpuint (frames->len, >, 0);
  report ("scrolling the whole list, slowest frame", percentile (frames, 1.0), "ms", "<= 16 ms",
          percentile (frames, 1.0) <= 16.0);
  report ("scrolling the whole list, p95 frame", percentile (frames, 0.95), "ms", "(shown)", TRUE);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autofree char *path = NULL;

  if (argc >= 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argc, argv);

  /* For looking closer: make a store once, then time its queries alone. */
  if (argc >= 3 && g_str_equal (argv[1], "--generate"))
    {
      generate (argv[2]);
      return 0;
    }
  if (argc >= 2 && g_str_equal (argv[1], "--scroll"))
    {
      gtk_init ();
      adw_init ();
      measure_scrolling ();
      return failed ? 1 : 0;
    }
  if (argc >= 3 && g_str_equal (argv[1], "--store"))
    {
      measure_store (argv[2]);
      return failed ? 1 : 0;
    }

  home = reflect_test_make_data_home ();
  path = reflect_store_default_path ();
  gtk_init ();
  adw_init ();

  generate (path);
  measure_store (path);
  measure_launch (argv[0]);
  measure_scrolling ();

  reflect_test_remove_tree (home);
  return failed ? 1 : 0;
}
