/* test-ui-facilitate.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reflect-facilitate-view.h"
#include "reflect-presenter-window.h"
#include "reflect-store-people.h"
#include "reflect-test-env.h"
#include "reflect-test-ui.h"

#define S(x) ((gint64)(x) * G_USEC_PER_SEC)

#define PRESENTER_NAME   "Alexandra Quinton"
#define FACILITATOR_NAME "Bartholomew Finch"
#define CASE_REF         "CASE-SECRET-9"

typedef struct
{
  char           *home;
  ReflectStore   *store;
  ReflectCatalog *catalog;
  gint64          session_id;
  ReflectRun     *run;
  GtkWidget      *window;
  GtkWidget      *view;
} Fixture;

static gint64 fake_now;

static gint64
fake_time (gpointer user_data)
{
  return fake_now;
}

static void
advance (gint64 us)
{
  fake_now += us;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
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
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ReflectSession) session = NULL;
  const char *model_id = data != NULL ? data : "space-to-think";
  gint64 presenter;
  gint64 facilitator;

  f->home = g_dir_make_tmp ("reflect-facilitate-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->home, "reflect", "reflect.db", NULL);
  f->store = reflect_store_open (path, &error);
  g_assert_no_error (error);
  f->catalog = reflect_catalog_new (f->store);

  session = reflect_session_new (reflect_catalog_find_model (f->catalog, model_id));
  reflect_session_set_case_ref (session, CASE_REF);
  g_assert_true (reflect_store_create_session (f->store, session, &error));
  g_assert_no_error (error);
  f->session_id = reflect_session_get_id (session);

  f->run = open_run (f);
  presenter = reflect_store_add_attendee (f->store, f->session_id, PRESENTER_NAME,
                                          "Children's Social Care", "Social worker", &error);
  g_assert_no_error (error);
  facilitator = reflect_store_add_attendee (f->store, f->session_id, FACILITATOR_NAME,
                                            "Health", "School nurse", &error);
  g_assert_no_error (error);
  if (reflect_model_has_role (reflect_run_get_model (f->run), "presenter"))
    {
      reflect_store_set_role (f->store, reflect_run_get_round_id (f->run), presenter, "presenter",
                              &error);
      g_assert_no_error (error);
    }
  reflect_store_set_role (f->store, reflect_run_get_round_id (f->run), facilitator,
                          "facilitator", &error);
  g_assert_no_error (error);

  fake_now = S (1700000000);
  reflect_stage_clock_set_time_func (reflect_run_get_clock (f->run), fake_time, NULL, NULL);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  f->view = g_object_new (REFLECT_TYPE_FACILITATE_VIEW, NULL);
  gtk_window_set_child (GTK_WINDOW (f->window), f->view);
  reflect_facilitate_view_set_run (REFLECT_FACILITATE_VIEW (f->view), f->run);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
  iterate ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->run);
  g_clear_object (&f->catalog);
  g_clear_object (&f->store);
  reflect_test_remove_tree (f->home);
  g_free (f->home);
}

static GtkWidget *
find_widget (GtkWidget  *widget,
             gboolean  (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, data);
}

static gboolean
label_has_prefix (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  data)
{
  const char *text = GTK_IS_LABEL (widget) ? gtk_label_get_label (GTK_LABEL (widget)) : NULL;

  return text != NULL && gtk_widget_is_visible (widget) && strstr (text, data) != NULL;
}

/* Any text anywhere in a window: labels, buttons, the title. */
static gboolean
text_contains (GtkWidget     *widget,
               gconstpointer  data)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_label (GTK_LABEL (widget));
  else if (GTK_IS_WINDOW (widget))
    text = gtk_window_get_title (GTK_WINDOW (widget));
  else if (GTK_IS_EDITABLE (widget))
    text = gtk_editable_get_text (GTK_EDITABLE (widget));

  return text != NULL && strstr (text, data) != NULL;
}

static GtkLabel *
countdown (Fixture *f)
{
  GtkWidget *label = find_widget (f->view, has_class, "reflect-countdown");

  g_assert_nonnull (label);
  return GTK_LABEL (label);
}

static void
assert_stage (Fixture *f,
              guint    stage)
{
  g_autofree char *position = g_strdup_printf ("Stage %u of 6", stage + 1);

  g_assert_cmpuint (reflect_stage_clock_get_current_stage (reflect_run_get_clock (f->run)), ==,
                    stage);
  g_assert_nonnull (find_widget (f->view, label_has_prefix, position));
}

static void
act (Fixture    *f,
     const char *action)
{
  g_assert_true (gtk_widget_activate_action (f->view, action, NULL));
  iterate ();
}

/* The tick fires on the real main loop but reads the fake clock; waits
 * (at most a couple of real seconds) for it to show @text. */
static void
wait_for_countdown (Fixture    *f,
                    const char *text)
{
  gint64 deadline = g_get_monotonic_time () + S (3);

  while (g_strcmp0 (gtk_label_get_label (countdown (f)), text) != 0 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (gtk_label_get_label (countdown (f)), ==, text);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
respond (const char *response)
{
  AdwMessageDialog *dialog = find_dialog ();

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
}

static void
test_full_session (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ReflectRun) reloaded = NULL;
  ReflectStageClock *clock;
  const gint64 expected[6] = { 200, 180, 600, 120, 600, 305 };

  assert_stage (f, 0);
  g_assert_cmpstr (gtk_label_get_label (countdown (f)), ==, "5:00");
  reflect_test_save_screenshot (f->window, "facilitate-start-1280.png");

  /* Start, pause, resume: paused time is not stage time. */
  act (f, "facilitate.toggle");
  advance (S (100));
  act (f, "facilitate.toggle");
  g_assert_false (reflect_stage_clock_is_running (reflect_run_get_clock (f->run)));
  g_assert_cmpstr (gtk_label_get_label (countdown (f)), ==, "3:20");
  advance (S (50));
  act (f, "facilitate.toggle");
  g_assert_cmpstr (gtk_label_get_label (countdown (f)), ==, "3:20");
  advance (S (100));

  /* +1 min on the first stage. */
  act (f, "facilitate.add-minute");
  g_assert_cmpint (reflect_stage_clock_get_planned (reflect_run_get_clock (f->run), 0), ==, 360);
  g_assert_cmpstr (gtk_label_get_label (countdown (f)), ==, "2:40");

  act (f, "facilitate.next");
  assert_stage (f, 1);
  g_assert_nonnull (find_widget (f->view, label_contains, PRESENTER_NAME));

  /* A second Next straight after is shown and undone. */
  act (f, "facilitate.next");
  assert_stage (f, 2);
  act (f, "facilitate.undo-move");
  assert_stage (f, 1);

  advance (S (180));
  act (f, "facilitate.next");
  advance (S (600));
  act (f, "facilitate.next");
  advance (S (120));
  act (f, "facilitate.next");
  advance (S (600));
  act (f, "facilitate.next");
  assert_stage (f, 5);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (countdown (f)), "warning"));
  reflect_test_save_screenshot (f->window, "facilitate-running-1280.png");

  /* The last stage overruns by five seconds. */
  advance (S (305) + G_USEC_PER_SEC / 2);
  wait_for_countdown (f, "+0:05");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (countdown (f)), "warning"));
  reflect_test_save_screenshot (f->window, "facilitate-overrun-1280.png");

  /* Back undoes Next, and Next returns. */
  act (f, "facilitate.previous");
  assert_stage (f, 4);
  act (f, "facilitate.next");
  assert_stage (f, 5);

  /* Ending asks first. */
  act (f, "facilitate.end");
  respond ("cancel");
  g_assert_false (reflect_stage_clock_is_finished (reflect_run_get_clock (f->run)));
  act (f, "facilitate.end");
  respond ("end");
  g_assert_true (reflect_stage_clock_is_finished (reflect_run_get_clock (f->run)));
  g_assert_nonnull (find_widget (f->view, label_contains, "It took"));

  /* What was stored is what happened, to the second. */
  reloaded = open_run (f);
  clock = reflect_run_get_clock (reloaded);
  g_assert_true (reflect_stage_clock_is_finished (clock));
  for (guint i = 0; i < 6; i++)
    g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, i) / G_USEC_PER_SEC, ==,
                     expected[i]);
  g_assert_cmpint (reflect_stage_clock_get_planned (clock, 0), ==, 360);
}

static void
test_second_round (Fixture       *f,
                   gconstpointer  data)
{
  act (f, "facilitate.toggle");
  advance (S (30));
  act (f, "facilitate.end");
  respond ("end");
  g_assert_true (reflect_stage_clock_is_finished (reflect_run_get_clock (f->run)));

  act (f, "facilitate.next-round");
  g_assert_cmpuint (reflect_run_get_round (f->run), ==, 2);
  g_assert_false (reflect_stage_clock_is_finished (reflect_run_get_clock (f->run)));
  assert_stage (f, 0);
  g_assert_cmpstr (gtk_label_get_label (countdown (f)), ==, "5:00");
  g_assert_nonnull (find_widget (f->view, label_has_prefix, "Round 2"));

  /* The new round's clock drives the view. */
  reflect_stage_clock_set_time_func (reflect_run_get_clock (f->run), fake_time, NULL, NULL);
  act (f, "facilitate.toggle");
  g_assert_true (reflect_stage_clock_is_running (reflect_run_get_clock (f->run)));
}

static void
test_behind_plan_offers_shortening (Fixture       *f,
                                    gconstpointer  data)
{
  ReflectStageClock *clock = reflect_run_get_clock (f->run);

  act (f, "facilitate.toggle");
  advance (S (300 + 240));
  act (f, "facilitate.next");
  g_assert_true (gtk_widget_is_visible (find_widget (f->view, label_contains, "4 min behind plan")));

  act (f, "facilitate.shorten");
  respond ("shorten");
  g_assert_cmpint (reflect_stage_clock_get_total_planned (clock) - 300
                   + reflect_stage_clock_get_elapsed_us (clock, 0) / G_USEC_PER_SEC, <=, 35 * 60);
}

static void
test_unassigned_facilitator (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;

  g_assert_null (find_widget (f->view, label_contains, "not assigned yet"));

  /* Marking the facilitator absent empties the role; the view follows. */
  people = reflect_store_list_attendees (f->store, f->session_id,
                                         reflect_run_get_round_id (f->run), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(ReflectAttendee) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (reflect_attendee_get_name (person), FACILITATOR_NAME) == 0)
        reflect_store_set_attendee_present (f->store, reflect_attendee_get_id (person), FALSE,
                                            &error);
      g_assert_no_error (error);
    }
  iterate ();
  g_assert_nonnull (find_widget (f->view, label_contains,
                                 "Facilitator: not assigned yet — see People"));
}

static void
test_spr_balance (Fixture       *f,
                  gconstpointer  data)
{
  act (f, "facilitate.toggle");
  advance (S (120));
  act (f, "facilitate.next");
  advance (S (180));
  act (f, "facilitate.toggle");
  g_assert_nonnull (find_widget (f->view, label_has_prefix, "Quantity"));
  g_assert_nonnull (find_widget (f->view, label_has_prefix, "Quality"));
  g_assert_nonnull (find_widget (f->view, label_has_prefix, "3 min"));
  reflect_test_save_screenshot (f->window, "facilitate-spr-1280.png");
}

static void
test_small_window (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  gtk_window_unmaximize (GTK_WINDOW (f->window));
  act (f, "facilitate.toggle");
  advance (S (250));
  act (f, "facilitate.toggle");
  gtk_test_widget_wait_for_draw (f->window);
  reflect_test_save_screenshot (f->window, "facilitate-800.png");
  g_assert_cmpstr (gtk_label_get_label (countdown (f)), ==, "0:50");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (countdown (f)), "reflect-caution"));
}

static void
wait_for_stage (Fixture *f,
                guint    stage)
{
  gint64 deadline = g_get_monotonic_time () + S (3);

  while (reflect_stage_clock_get_current_stage (reflect_run_get_clock (f->run)) != stage &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  assert_stage (f, stage);
}

/* What a screen reader was last told.  Built against GTK 4.8 that is the
 * active window's accessible name (src/ui/reflect-announce.c); the e2e test
 * hears the same over AT-SPI. */
static void
assert_announced (Fixture    *f,
                  const char *text)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->window), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       text);
}

/* Shown to fail, in a scratch worktree built against GTK 4.8: with
 * announce_stage() returning early, "assertion failed: (… LABEL) == text):
 * value = 'Reflect'" on arriving in stage 2; with announce_stage() also
 * called from refresh_time(), on every tick, value = 'Stage 2 of 6,
 * Checking of facts: 2 minutes left' where "(quiet)" was expected; with
 * the time-up said apart, before the auto-advance, value = 'Stage 4 of 6,
 * Sharing of strengths: 2 minutes left'. */
static void
test_announces_stage_and_time_up (Fixture       *f,
                                  gconstpointer  data)
{
#if GTK_CHECK_VERSION (4, 14, 0)
  g_test_skip ("GTK 4.14 announces through gtk_accessible_announce(), which leaves nothing a "
               "test can read; the e2e test listens for it");
#else
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  gint64 deadline = g_get_monotonic_time () + S (3);

  gtk_window_set_title (GTK_WINDOW (f->window), "Reflect");
  while (!gtk_window_is_active (GTK_WINDOW (f->window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_window_is_active (GTK_WINDOW (f->window)));

  act (f, "facilitate.toggle");
  advance (S (10));
  act (f, "facilitate.next");
  assert_stage (f, 1);
  assert_announced (f, "Stage 2 of 6, Checking of facts: 3 minutes left");

  /* The clock's ticks are not news. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (f->window), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  "(quiet)", -1);
  advance (S (1));
  wait_for_countdown (f, "2:59");
  advance (S (1));
  wait_for_countdown (f, "2:58");
  assert_announced (f, "(quiet)");

  /* Time up, staying put. */
  advance (S (178) + G_USEC_PER_SEC / 2);
  wait_for_countdown (f, "+0:00");
  assert_stage (f, 1);
  assert_announced (f, "Time is up: Checking of facts");

  /* Time up, moving on: said once, with where the session went. */
  g_settings_set_boolean (settings, "auto-advance", TRUE);
  act (f, "facilitate.next");
  assert_announced (f, "Stage 3 of 6, Group exploration: 10 minutes left");
  advance (S (600) + G_USEC_PER_SEC / 2);
  wait_for_stage (f, 3);
  assert_announced (f, "Time is up: Group exploration. "
                       "Stage 4 of 6, Sharing of strengths: 2 minutes left");
  g_settings_reset (settings, "auto-advance");

  /* Closing the session takes back what stays on after being said. */
  reflect_facilitate_view_set_run (REFLECT_FACILITATE_VIEW (f->view), NULL);
  assert_announced (f, "Reflect");
#endif
}

/* Shown to fail: with the presenter's "Stage 1 of 6" line prefixed by the
 * session's case reference, "'find_widget (presenter, text_contains,
 * CASE_REF)' should be NULL". */
static void
test_presenter_shows_no_names (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *presenter;

  /* The facilitator sees the names... */
  g_assert_nonnull (find_widget (f->view, label_contains, PRESENTER_NAME));

  act (f, "facilitate.presenter");
  presenter = GTK_WIDGET (reflect_facilitate_view_get_presenter (REFLECT_FACILITATE_VIEW (f->view)));
  g_assert_true (REFLECT_IS_PRESENTER_WINDOW (presenter));
  gtk_test_widget_wait_for_draw (presenter);
  iterate ();

  /* ...the room never does. */
  g_assert_nonnull (find_widget (presenter, label_contains, "Offload"));
  g_assert_nonnull (find_widget (presenter, label_contains, "Case Presenter"));
  g_assert_null (find_widget (presenter, text_contains, PRESENTER_NAME));
  g_assert_null (find_widget (presenter, text_contains, FACILITATOR_NAME));
  g_assert_null (find_widget (presenter, text_contains, "Quinton"));
  g_assert_null (find_widget (presenter, text_contains, CASE_REF));

  g_assert_null (find_widget (presenter, label_contains, "this child"));
  reflect_run_set_current_question (f->run, "What is it like to be this child?");
  iterate ();
  g_assert_nonnull (find_widget (presenter, label_contains, "What is it like to be this child?"));

  /* The countdown follows the clock. */
  act (f, "facilitate.toggle");
  advance (S (61));
  act (f, "facilitate.toggle");
  g_assert_nonnull (find_widget (presenter, label_contains, "3:59"));
  reflect_test_save_screenshot (presenter, "presenter.png");

  g_assert_null (find_widget (presenter, text_contains, PRESENTER_NAME));
  gtk_window_destroy (GTK_WINDOW (presenter));
  iterate ();
  g_assert_null (reflect_facilitate_view_get_presenter (REFLECT_FACILITATE_VIEW (f->view)));
}

/* The presenter window has the focus once it opens: Space and Ctrl+Right
 * there still run the clock and the stages. */
static void
test_presenter_takes_the_keys (Fixture       *f,
                               gconstpointer  data)
{
  ReflectStageClock *clock = reflect_run_get_clock (f->run);
  GtkWidget *presenter;

  act (f, "facilitate.presenter");
  presenter = GTK_WIDGET (reflect_facilitate_view_get_presenter (REFLECT_FACILITATE_VIEW (f->view)));
  gtk_test_widget_wait_for_draw (presenter);

  g_assert_false (reflect_stage_clock_is_running (clock));
  g_assert_true (reflect_test_press_key (presenter, GDK_KEY_space, 0));
  g_assert_true (reflect_stage_clock_is_running (clock));
  g_assert_true (reflect_test_press_key (presenter, GDK_KEY_Right, GDK_CONTROL_MASK));
  iterate ();
  g_assert_cmpuint (reflect_stage_clock_get_current_stage (clock), ==, 1);
  g_assert_true (reflect_test_press_key (presenter, GDK_KEY_Page_Up, GDK_CONTROL_MASK));
  iterate ();
  g_assert_cmpuint (reflect_stage_clock_get_current_stage (clock), ==, 0);
  g_assert_true (reflect_test_press_key (presenter, GDK_KEY_space, 0));
  g_assert_false (reflect_stage_clock_is_running (clock));

  gtk_window_destroy (GTK_WINDOW (presenter));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  int status;
  char *home;

  home = reflect_test_ui_init (&argc, &argv);

  /* What ReflectApplication would load: the countdown's size and colours. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/reflect_practice/Reflect/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add ("/ui/facilitate/full-session", Fixture, NULL,
              fixture_setup, test_full_session, fixture_teardown);
  g_test_add ("/ui/facilitate/second-round", Fixture, NULL,
              fixture_setup, test_second_round, fixture_teardown);
  g_test_add ("/ui/facilitate/behind-plan-offers-shortening", Fixture, NULL,
              fixture_setup, test_behind_plan_offers_shortening, fixture_teardown);
  g_test_add ("/ui/facilitate/unassigned-facilitator", Fixture, NULL,
              fixture_setup, test_unassigned_facilitator, fixture_teardown);
  g_test_add ("/ui/facilitate/spr-balance-of-attention", Fixture, "spr",
              fixture_setup, test_spr_balance, fixture_teardown);
  g_test_add ("/ui/facilitate/small-window", Fixture, NULL,
              fixture_setup, test_small_window, fixture_teardown);
  g_test_add ("/ui/facilitate/announces-stage-and-time-up", Fixture, NULL,
              fixture_setup, test_announces_stage_and_time_up, fixture_teardown);
  g_test_add ("/ui/presenter/shows-no-names", Fixture, NULL,
              fixture_setup, test_presenter_shows_no_names, fixture_teardown);
  g_test_add ("/ui/presenter/takes-the-keys", Fixture, NULL,
              fixture_setup, test_presenter_takes_the_keys, fixture_teardown);

  status = g_test_run ();
  return reflect_test_ui_finish (status, home);
}
