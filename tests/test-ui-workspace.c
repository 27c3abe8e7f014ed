/* test-ui-workspace.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The keyboard in an open session: the focus goes into the view shown, not
 * to the header bar's Back button, where a Space left the session and
 * typed names went nowhere. */

#include "config.h"

#include "reflect-application.h"
#include "reflect-facilitate-view.h"
#include "reflect-test-env.h"
#include "reflect-test-ui.h"
#include "reflect-window.h"
#include "reflect-workspace.h"

static char *home;
static ReflectApplication *app;

static ReflectWindow *
show_main_window (void)
{
  g_autoptr(GError) error = NULL;

  app = reflect_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  REFLECT_TEST_WAIT_FOR (reflect_test_find_shown_window (REFLECT_TYPE_WINDOW) != NULL);
  return reflect_test_find_shown_window (REFLECT_TYPE_WINDOW);
}

static gint64
add_session (const char *case_ref)
{
  ReflectCatalog *catalog = reflect_application_get_catalog (app);
  g_autoptr(ReflectSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = reflect_session_new (reflect_catalog_find_model (catalog, "space-to-think"));
  reflect_session_set_case_ref (session, case_ref);
  reflect_store_create_session (reflect_application_get_store (app), session, &error);
  g_assert_no_error (error);
  return reflect_session_get_id (session);
}

/* The name of the widget with the focus, or of the nearest named widget
 * around it (an entry's text, say). */
static const char *
focus_name (ReflectWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    {
      const char *name = gtk_widget_get_name (focus);

      /* Unnamed widgets are called after their type. */
      if (g_strcmp0 (name, G_OBJECT_TYPE_NAME (focus)) != 0)
        return name;
    }
  return NULL;
}

static void
test_focus_goes_into_the_view (void)
{
  ReflectWindow *window = show_main_window ();
  ReflectWorkspace *workspace;
  GtkWidget *focus;

  g_assert_true (reflect_window_open_session (window, add_session ("EH-2044")));
  reflect_test_wait_until_drawn (GTK_WIDGET (window));
  workspace = REFLECT_WORKSPACE (reflect_test_find_descendant (GTK_WIDGET (window),
                                                               REFLECT_TYPE_WORKSPACE));

  /* Facilitate: Before You Begin's Dismiss, at the top; once they are
   * dismissed, the clock's Start. */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_BUTTON (focus));
  g_assert_true (gtk_widget_get_ancestor (focus, GTK_TYPE_HEADER_BAR) == NULL);
  g_assert_true (gtk_widget_get_ancestor (focus, REFLECT_TYPE_FACILITATE_VIEW) != NULL);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==,
                   "facilitate.dismiss-reminders");
  g_assert_true (gtk_widget_activate_action (focus, "facilitate.dismiss-reminders", NULL));
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_ancestor (focus,
                                                                 REFLECT_TYPE_FACILITATE_VIEW)));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), ==,
                   "facilitate.toggle");

  /* People: the name of the next person to add. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.show-view", "s",
                                             "people"));
  reflect_test_wait_until_drawn (GTK_WIDGET (window));
  g_assert_cmpstr (focus_name (window), ==, "new-name");

  /* Questions: the search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.show-view", "s",
                                             "questions"));
  reflect_test_wait_until_drawn (GTK_WIDGET (window));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));

  /* Record: inside the view, not in the header bar. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (workspace), "workspace.show-view", "s",
                                             "record"));
  reflect_test_wait_until_drawn (GTK_WIDGET (window));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_ancestor (focus, GTK_TYPE_HEADER_BAR) == NULL);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (workspace)));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* F10 opens a main menu in a session too, with help and preferences. */
static void
test_main_menu_in_a_session (void)
{
  ReflectWindow *window = reflect_test_find_shown_window (REFLECT_TYPE_WINDOW);
  GtkWidget *workspace;
  GtkMenuButton *menu_button;
  GMenuModel *menu;
  gboolean has_help = FALSE;

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (app));
      REFLECT_TEST_WAIT_FOR (reflect_test_find_shown_window (REFLECT_TYPE_WINDOW) != NULL);
      window = reflect_test_find_shown_window (REFLECT_TYPE_WINDOW);
    }
  g_assert_true (reflect_window_open_session (window, add_session ("EH-2045")));
  reflect_test_wait_until_drawn (GTK_WIDGET (window));
  workspace = reflect_test_find_descendant (GTK_WIDGET (window), REFLECT_TYPE_WORKSPACE);
  menu_button = GTK_MENU_BUTTON (reflect_test_find_descendant (workspace, GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (menu_button);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (menu_button)));
  g_assert_true (gtk_menu_button_get_primary (menu_button));

  menu = gtk_menu_button_get_menu_model (menu_button);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
              g_strcmp0 (action, "app.help") == 0)
            has_help = TRUE;
        }
    }
  g_assert_true (has_help);

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

  g_test_add_func ("/ui/workspace/focus-goes-into-the-view", test_focus_goes_into_the_view);
  g_test_add_func ("/ui/workspace/main-menu-in-a-session", test_main_menu_in_a_session);

  status = g_test_run ();
  g_clear_object (&app);
  return reflect_test_ui_finish (status, home);
}
