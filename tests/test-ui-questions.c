/* test-ui-questions.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reflect-application.h"
#include "reflect-questions-view.h"
#include "reflect-store-questions.h"
#include "reflect-suggested-questions.h"
#include "reflect-test-env.h"
#include "reflect-test-ui.h"
#include "reflect-window.h"
#include "reflect-workspace.h"

static char *home;

/* Lets timeouts (the search entry's typing delay) run. */
static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *into)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (into, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, into);
}

/* The first @type under @widget with the widget name @name. */
static GtkWidget *
find_named (GtkWidget  *widget,
            GType       type,
            const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, type, found);
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (found->pdata[i]), name) == 0)
      return found->pdata[i];
  return NULL;
}

/* The button of @key ("ask", "star") in the list row showing @question_id. */
static GtkWidget *
row_button (GtkWidget  *list,
            const char *question_id,
            const char *key)
{
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();

  collect (list, GTK_TYPE_BOX, boxes);
  for (guint i = 0; i < boxes->len; i++)
    {
      ReflectQuestion *q = g_object_get_data (boxes->pdata[i], "question");
      if (q != NULL && g_strcmp0 (reflect_question_get_id (q), question_id) == 0)
        return g_object_get_data (boxes->pdata[i], key);
    }
  return NULL;
}

static gboolean
has_label_containing (GtkWidget  *root,
                      const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        strstr (gtk_label_get_label (labels->pdata[i]), text) != NULL)
      return TRUE;
  return FALSE;
}

/* The view's stack of pages: the one with the asked log. */
static GtkStack *
pages_of (GtkWidget *view)
{
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

  collect (view, GTK_TYPE_STACK, stacks);
  for (guint i = 0; i < stacks->len; i++)
    if (gtk_stack_get_child_by_name (stacks->pdata[i], "asked") != NULL)
      return stacks->pdata[i];
  g_assert_not_reached ();
}

static gboolean
model_has (GListModel *model,
           const char *question_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ReflectQuestion) q = g_list_model_get_item (model, i);
      if (g_strcmp0 (reflect_question_get_id (q), question_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* For looking at it: REFLECT_TEST_SHOTS=/some/dir saves each step. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("REFLECT_TEST_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;

  if (dir == NULL)
    return;

  reflect_test_wait_until_drawn (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

static gint64
new_session (ReflectApplication *app,
             const char         *case_ref)
{
  g_autoptr(GError) error = NULL;
  ReflectCatalog *catalog = reflect_application_get_catalog (app);
  g_autoptr(ReflectSession) session =
    reflect_session_new (reflect_catalog_find_model (catalog, "space-to-think"));

  reflect_session_set_case_ref (session, case_ref);
  g_assert_true (reflect_store_create_session (reflect_application_get_store (app), session,
                                               &error));
  g_assert_no_error (error);
  return reflect_session_get_id (session);
}

static void
test_find_ask_star (void)
{
  g_autoptr(ReflectApplication) app = reflect_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) log = NULL;
  g_autoptr(ReflectAskedQuestion) asked = NULL;
  ReflectWindow *window;
  ReflectWorkspace *workspace;
  ReflectRun *run;
  GtkWidget *view;
  GtkWidget *entry;
  GtkWidget *list = NULL;
  GtkWidget *button;
  GtkWidget *favourites;
  GListModel *shown;
  gint64 first, second;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_activate (G_APPLICATION (app));
  window = REFLECT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  reflect_test_wait_until_drawn (GTK_WIDGET (window));

  first = new_session (app, "QUESTIONS-1");
  g_assert_true (reflect_window_open_session (window, first));
  workspace = REFLECT_WORKSPACE (reflect_test_find_descendant (GTK_WIDGET (window), REFLECT_TYPE_WORKSPACE));
  run = reflect_workspace_get_run (workspace);
  g_assert_nonnull (run);
  reflect_workspace_show (workspace, "questions");
  view = reflect_test_find_descendant (GTK_WIDGET (workspace), REFLECT_TYPE_QUESTIONS_VIEW);
  reflect_test_wait_until_drawn (GTK_WIDGET (window));
  screenshot (GTK_WIDGET (window), "1-browse");

  /* Ctrl+F reaches the search, and typing finds the question. */
  entry = reflect_test_find_descendant (view, GTK_TYPE_SEARCH_ENTRY);
  {
    g_autoptr(GPtrArray) lists = g_ptr_array_new ();

    /* The bank drop-down has a list view of its own. */
    collect (view, GTK_TYPE_LIST_VIEW, lists);
    for (guint i = 0; i < lists->len; i++)
      if (gtk_widget_has_css_class (lists->pdata[i], "reflect-question-list"))
        list = lists->pdata[i];
  }
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_activate_action (view, "questions.focus-search", NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (gtk_widget_has_focus (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "alternatives");
  wait_ms (400);
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_true (model_has (shown, "mcclure.11"));
  g_assert_true (model_has (shown, "morrison.action.12"));
  g_assert_false (model_has (shown, "mcclure.10"));
  reflect_test_wait_until_drawn (GTK_WIDGET (window));
  g_assert_true (has_label_containing (list, "What <b>alternatives</b> were there?"));
  /* Results say where each comes from. */
  g_assert_true (has_label_containing (list, "Reflective questions (McClure, 2002)"));
  screenshot (GTK_WIDGET (window), "2-search");

  /* Ask it during Group exploration. */
  g_assert_true (reflect_stage_clock_jump (reflect_run_get_clock (run), 2));
  g_assert_cmpstr (reflect_model_stage_get_key (reflect_run_get_current_stage (run)), ==,
                   "group-exploration");
  button = row_button (list, "mcclure.11", "ask");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpstr (reflect_run_get_current_question (run), ==, "What alternatives were there?");
  log = reflect_store_list_asked_questions (reflect_run_get_store (run), first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);
  asked = g_list_model_get_item (log, 0);
  g_assert_cmpstr (reflect_asked_question_get_stage_key (asked), ==, "group-exploration");
  g_assert_cmpstr (reflect_asked_question_get_question_id (asked), ==, "mcclure.11");
  g_assert_cmpint (reflect_asked_question_get_asked_at (asked), >, 0);

  /* The asked log shows it with its stage. */
  gtk_stack_set_visible_child_name (pages_of (view), "asked");
  reflect_test_wait_until_drawn (GTK_WIDGET (window));
  g_assert_true (has_label_containing (view, "Group exploration"));
  g_assert_true (has_label_containing (view, "What alternatives were there?"));
  screenshot (GTK_WIDGET (window), "3-asked");
  gtk_stack_set_visible_child_name (pages_of (view), "browse");
  reflect_test_wait_until_drawn (GTK_WIDGET (window));

  /* Star it. */
  button = row_button (list, "mcclure.11", "star");
  g_assert_nonnull (button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* The suggestions for the stage offer McClure, and know it was asked. */
  {
    GtkWidget *suggested = g_object_ref_sink (reflect_suggested_questions_new ());

    reflect_suggested_questions_set_run (REFLECT_SUGGESTED_QUESTIONS (suggested), run);
    g_assert_true (model_has (reflect_suggested_questions_get_questions (REFLECT_SUGGESTED_QUESTIONS (suggested)),
                              "mcclure.11"));
    g_assert_cmpuint (g_list_model_get_n_items (reflect_suggested_questions_get_questions (REFLECT_SUGGESTED_QUESTIONS (suggested))),
                      ==, 17);
    g_assert_true (gtk_widget_get_visible (row_button (suggested, "mcclure.11", "asked")));
    g_assert_false (gtk_widget_get_visible (row_button (suggested, "mcclure.10", "asked")));
    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (row_button (suggested,
                                                                                "mcclure.11",
                                                                                "star"))));
    /* Offload has none; it follows the clock. */
    g_assert_true (reflect_stage_clock_jump (reflect_run_get_clock (run), 0));
    g_assert_cmpuint (g_list_model_get_n_items (reflect_suggested_questions_get_questions (REFLECT_SUGGESTED_QUESTIONS (suggested))),
                      ==, 0);
    reflect_suggested_questions_set_run (REFLECT_SUGGESTED_QUESTIONS (suggested), NULL);
    g_assert_finalize_object (suggested);
  }

  /* A new session: it is still starred, and the Favourites filter finds it. */
  second = new_session (app, "QUESTIONS-2");
  g_assert_true (reflect_window_open_session (window, second));
  reflect_workspace_show (workspace, "questions");
  reflect_test_wait_until_drawn (GTK_WIDGET (window));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  favourites = find_named (view, GTK_TYPE_TOGGLE_BUTTON, "favourites");
  g_assert_nonnull (favourites);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (favourites), TRUE);
  wait_ms (300);
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (model_has (shown, "mcclure.11"));
  reflect_test_wait_until_drawn (GTK_WIDGET (window));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (row_button (list, "mcclure.11",
                                                                              "star"))));
  /* Nothing asked yet in the new session. */
  g_assert_false (gtk_widget_get_visible (row_button (list, "mcclure.11", "asked")));
  screenshot (GTK_WIDGET (window), "4-favourites");

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  home = reflect_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/questions/find-ask-in-stage-star-across-sessions", test_find_ask_star);

  status = g_test_run ();
  return reflect_test_ui_finish (status, home);
}
