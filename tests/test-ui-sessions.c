/* test-ui-sessions.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "reflect-application.h"
#include "reflect-new-session-dialog.h"
#include "reflect-session-filters.h"
#include "reflect-sessions-page.h"
#include "reflect-store-people.h"
#include "reflect-store-private.h"
#include "reflect-test-env.h"
#include "reflect-test-ui.h"
#include "reflect-window.h"

static ReflectNewSessionDialog *
find_new_session_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (REFLECT_IS_NEW_SESSION_DIALOG (window))
        return REFLECT_NEW_SESSION_DIALOG (window);
    }
  return NULL;
}

#define find_sessions_page(w) REFLECT_SESSIONS_PAGE (reflect_test_find_descendant (w, REFLECT_TYPE_SESSIONS_PAGE))

static GtkWidget *find_with_property (GtkWidget  *widget,
                                      GType       type,
                                      const char *property,
                                      const char *value);

static char *home;
static ReflectApplication *the_app;

/* One application per process: GApplication registers only once. */
static ReflectApplication *
get_app (void)
{
  g_autoptr(GError) error = NULL;

  if (the_app == NULL)
    {
      the_app = reflect_application_new ();
      g_application_set_flags (G_APPLICATION (the_app), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (the_app), NULL, &error));
      g_assert_no_error (error);
    }
  g_application_activate (G_APPLICATION (the_app));
  return the_app;
}

/* Stores a session, @days_ahead days from now: the list is newest first. */
static gint64
add_session (const char          *case_ref,
             int                  days_ahead,
             ReflectSessionState  state)
{
  ReflectCatalog *catalog = reflect_application_get_catalog (the_app);
  g_autoptr(ReflectSession) session = reflect_session_new (reflect_catalog_find_model (catalog, "spr"));
  g_autoptr(GError) error = NULL;

  reflect_session_set_case_ref (session, case_ref);
  reflect_session_set_state (session, state);
  reflect_session_set_starts_at (session, g_get_real_time () / G_USEC_PER_SEC + days_ahead * 86400);
  g_assert_true (reflect_store_create_session (reflect_application_get_store (the_app), session,
                                               &error));
  g_assert_no_error (error);
  return reflect_session_get_id (session);
}

static void
test_create_session_survives_new_window (void)
{
  ReflectApplication *app = get_app ();
  g_autoptr(GError) error = NULL;
  ReflectNewSessionDialog *dialog;
  ReflectWindow *window;
  ReflectSessionsPage *page;
  g_autoptr(ReflectSession) listed = NULL;
  GtkWidget *places;

  window = REFLECT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  reflect_test_wait_until_drawn (GTK_WIDGET (window));

  page = find_sessions_page (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (reflect_sessions_page_get_sessions (page)), ==, 0);

  /* With nothing to list, the empty page (made when first shown) says
   * what Reflect is for, and offers a new session. */
  {
    GtkWidget *empty = find_with_property (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE, "title",
                                           "Space to Think Together");
    g_assert_nonnull (empty);
    g_assert_true (gtk_widget_get_mapped (empty));
  }

  /* New session, through the window's own action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-session", NULL));
  dialog = find_new_session_dialog ();
  g_assert_nonnull (dialog);
  reflect_test_wait_until_drawn (GTK_WIDGET (dialog));

  /* Times read with two digits: 07, not 7. */
  {
    GtkWidget *hour = reflect_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);

    gtk_spin_button_set_value (GTK_SPIN_BUTTON (hour), 7);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hour)), ==, "07");
  }

  /* An empty case reference is refused and the dialog stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  g_assert_true (find_new_session_dialog () == dialog);

  reflect_new_session_dialog_set_case_ref (dialog, "CASE-4471");
  reflect_new_session_dialog_set_model (dialog, "morrison");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.create", NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_new_session_dialog ());

  /* The workspace is showing the new session. */
  places = reflect_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_STACK);
  g_assert_true (GTK_IS_STACK (places));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (places)), ==, "workspace");

  /* Destroy the window and build a new one: the session is listed. */
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  window = reflect_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  reflect_test_wait_until_drawn (GTK_WIDGET (window));

  page = find_sessions_page (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (reflect_sessions_page_get_sessions (page)), ==, 1);
  listed = g_list_model_get_item (reflect_sessions_page_get_sessions (page), 0);
  g_assert_cmpstr (reflect_session_get_case_ref (listed), ==, "CASE-4471");
  g_assert_cmpstr (reflect_session_get_model_id (listed), ==, "morrison");

  /* Opening it returns to the workspace. */
  g_assert_true (reflect_window_open_session (window, reflect_session_get_id (listed)));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_match_markup (void)
{
  g_autofree char *markup = reflect_sessions_page_match_markup ("a <b> & \002Housing\003 said");

  g_assert_cmpstr (markup, ==, "a &lt;b&gt; &amp; <b>Housing</b> said");
}

static void
test_search_and_delete_with_undo (void)
{
  ReflectApplication *app = get_app ();
  g_autoptr(GError) error = NULL;
  ReflectStore *store;
  ReflectCatalog *catalog;
  ReflectWindow *window;
  ReflectSessionsPage *page;
  GtkWidget *entry;
  g_autoptr(ReflectSession) first = NULL;
  g_autoptr(ReflectSession) second = NULL;
  g_autoptr(GListModel) all = NULL;

  window = REFLECT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  store = reflect_application_get_store (app);
  catalog = reflect_application_get_catalog (app);

  first = reflect_session_new (reflect_catalog_find_model (catalog, "spr"));
  reflect_session_set_case_ref (first, "FIND-ME-77");
  g_assert_true (reflect_store_create_session (store, first, &error));
  second = reflect_session_new (reflect_catalog_find_model (catalog, "durham"));
  reflect_session_set_case_ref (second, "OTHER-12");
  g_assert_true (reflect_store_create_session (store, second, &error));
  reflect_test_wait_until_drawn (GTK_WIDGET (window));

  page = find_sessions_page (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (reflect_sessions_page_get_sessions (page)), >=, 2);

  /* Ctrl+F's action, then typing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sessions.search", NULL));
  entry = reflect_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "find-me");
  reflect_sessions_page_reload (page);
  g_assert_cmpuint (g_list_model_get_n_items (reflect_sessions_page_get_sessions (page)), ==, 1);

  /* FTS syntax is plain text; finding nothing says so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "\"NEAR( -*");
  reflect_sessions_page_reload (page);
  reflect_test_wait_until_drawn (GTK_WIDGET (window));
  {
    GtkWidget *none = find_with_property (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE, "title",
                                          "No Sessions Found");
    g_assert_nonnull (none);
    g_assert_true (gtk_widget_get_mapped (none));
  }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  reflect_sessions_page_reload (page);

  /* Delete hides at once; Undo would bring it back; the data goes when
   * the page goes without an undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sessions.delete", "x",
                                             reflect_session_get_id (second)));
  for (guint i = 0; i < g_list_model_get_n_items (reflect_sessions_page_get_sessions (page)); i++)
    {
      g_autoptr(ReflectSession) shown = g_list_model_get_item (reflect_sessions_page_get_sessions (page), i);
      g_assert_cmpint (reflect_session_get_id (shown), !=, reflect_session_get_id (second));
    }
  all = reflect_store_list_sessions (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), >=, 2);
  g_clear_object (&all);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  all = reflect_store_list_sessions (store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(ReflectSession) left = g_list_model_get_item (all, i);
      g_assert_cmpint (reflect_session_get_id (left), !=, reflect_session_get_id (second));
    }
}

/* The filters are made when the search bar first opens, and then narrow
 * the list as before. */
static void
test_filters_made_on_first_search (void)
{
  ReflectApplication *app = get_app ();
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ReflectSessionsPage *page;
  GtkWidget *filters;
  GtkWidget *state_filter;
  GListModel *shown;

  add_session ("FILTER-PLANNED", 0, REFLECT_SESSION_PLANNED);
  add_session ("FILTER-FINISHED", 0, REFLECT_SESSION_FINISHED);
  reflect_test_wait_until_drawn (window);

  page = find_sessions_page (window);
  g_assert_null (reflect_test_find_descendant (GTK_WIDGET (page), REFLECT_TYPE_SESSION_FILTERS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sessions.search", NULL));
  filters = reflect_test_find_descendant (GTK_WIDGET (page), REFLECT_TYPE_SESSION_FILTERS);
  g_assert_nonnull (filters);

  /* Second drop-down: Any state, Planned, In progress, Finished. */
  state_filter = gtk_widget_get_next_sibling (gtk_widget_get_first_child (filters));
  g_assert_true (GTK_IS_DROP_DOWN (state_filter));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (state_filter), 3);
  shown = reflect_sessions_page_get_sessions (page);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(ReflectSession) session = g_list_model_get_item (shown, i);
      g_assert_cmpint (reflect_session_get_state (session), ==, REFLECT_SESSION_FINISHED);
    }

  gtk_drop_down_set_selected (GTK_DROP_DOWN (state_filter), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sessions.search", NULL));
}

/* The list reads a screenful of sessions first and the rest once that is
 * on screen: all of them must be there a few frames later. */
static void
test_list_reads_the_rest_after_first_frame (void)
{
  ReflectApplication *app = get_app ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ReflectSessionsPage *page = find_sessions_page (window);
  g_autoptr(GListModel) all = NULL;
  guint total;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *case_ref = g_strdup_printf ("MANY-%u", i);
      add_session (case_ref, 0, REFLECT_SESSION_PLANNED);
    }
  all = reflect_store_list_sessions (reflect_application_get_store (app), &error);
  total = g_list_model_get_n_items (all);

  reflect_sessions_page_reload (page);
  g_assert_cmpuint (g_list_model_get_n_items (reflect_sessions_page_get_sessions (page)), <, total);
  for (guint frame = 0; frame < 3; frame++)
    {
      gtk_widget_queue_draw (window);
      reflect_test_wait_until_drawn (window);
    }
  g_assert_cmpuint (g_list_model_get_n_items (reflect_sessions_page_get_sessions (page)), ==, total);
}

/* While a session is open its saves change the store; the hidden list is
 * read again when it is shown, not after every save.  Shown to fail with
 * the list read again on every change: "'…get_sessions (page) == before'
 * should be TRUE". */
static void
test_hidden_list_reads_again_when_shown (void)
{
  ReflectApplication *app = get_app ();
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ReflectSessionsPage *page = find_sessions_page (window);
  GListModel *before;

  /* No sliding between places: the list is hidden as soon as it goes. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_assert_true (gtk_widget_activate_action (window, "win.open-session", "x",
                                             add_session ("HIDDEN-OPEN", 0,
                                                          REFLECT_SESSION_PLANNED)));
  reflect_test_wait_until_drawn (window);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));

  before = reflect_sessions_page_get_sessions (page);
  /* Newer than any other in this test run, so it is listed first. */
  add_session ("HIDDEN-LATER", 800, REFLECT_SESSION_PLANNED);
  g_assert_true (reflect_sessions_page_get_sessions (page) == before);

  g_assert_true (gtk_widget_activate_action (window, "win.show-sessions", NULL));
  reflect_test_wait_until_drawn (window);
  g_assert_true (reflect_sessions_page_get_sessions (page) != before);
  {
    g_autoptr(ReflectSession) first = g_list_model_get_item (reflect_sessions_page_get_sessions (page), 0);
    g_assert_cmpstr (reflect_session_get_case_ref (first), ==, "HIDDEN-LATER");
  }
}

static GtkWidget *
find_with_property (GtkWidget  *widget,
                    GType       type,
                    const char *property,
                    const char *value)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      g_autofree char *shown = NULL;

      g_object_get (widget, property, &shown, NULL);
      if (g_strcmp0 (shown, value) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_property (child, type, property, value);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A row's menu is made when its button is pressed; its items must still
 * reach the page's actions, though the menu closes as they activate.
 * Shown to fail: with the menu taken off its button as soon as it closed,
 * the search stayed empty ("" == "MENU-CASE-5"). */
static void
test_row_menu_reaches_actions (void)
{
  ReflectApplication *app = get_app ();
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ReflectSessionsPage *page;
  GtkWidget *button, *popover, *item, *entry;

  add_session ("MENU-CASE-5", 365, REFLECT_SESSION_PLANNED);
  reflect_test_wait_until_drawn (window);

  /* Newest first: the session is the first row. */
  page = find_sessions_page (window);
  button = find_with_property (GTK_WIDGET (page), GTK_TYPE_BUTTON, "tooltip-text", "Session Actions");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  popover = reflect_test_find_descendant (button, GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  g_object_add_weak_pointer (G_OBJECT (popover), (gpointer *)&popover);
  reflect_test_wait_until_drawn (popover);

  item = find_with_property (popover, g_type_from_name ("GtkModelButton"), "text",
                             "Show Case History");
  g_assert_nonnull (item);
  g_signal_emit_by_name (item, "clicked");
  reflect_test_wait_until_drawn (window);

  entry = reflect_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "MENU-CASE-5");
  /* And the menu is gone, not kept for every row that was ever used. */
  g_assert_null (popover);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sessions.search", NULL));
}

static GtkWidget *
find_shortcut (GtkWidget  *widget,
               const char *title)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *shown = NULL;

      g_object_get (widget, "title", &shown, NULL);
      if (g_strcmp0 (shown, title) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shortcut (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The shortcuts window is built on first use, not with the window; it must
 * still show the accelerators of the actions its rows name. */
static void
test_shortcuts_window_shows_accelerators (void)
{
  ReflectApplication *app = get_app ();
  GtkApplicationWindow *window;
  GtkShortcutsWindow *shortcuts;
  GtkWidget *row;
  g_autofree char *accelerator = NULL;

  window = GTK_APPLICATION_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  reflect_test_wait_until_drawn (GTK_WIDGET (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
  shortcuts = gtk_application_window_get_help_overlay (window);
  g_assert_nonnull (shortcuts);
  reflect_test_wait_until_drawn (GTK_WIDGET (shortcuts));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  row = find_shortcut (GTK_WIDGET (shortcuts), "New session");
  g_assert_nonnull (row);
  g_object_get (row, "accelerator", &accelerator, NULL);
  g_assert_cmpstr (accelerator, ==, "<Control>n");

  /* A second time shows the same window rather than building another. */
  gtk_window_close (GTK_WINDOW (shortcuts));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
  g_assert_true (gtk_application_window_get_help_overlay (window) == shortcuts);
  gtk_window_close (GTK_WINDOW (shortcuts));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The list of sessions, not one in a filter's drop-down. */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "reflect-session-list"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The grid of the row that shows @case_ref, or NULL. */
static GtkWidget *
find_row (ReflectSessionsPage *page,
          const char          *case_ref)
{
  GtkWidget *title = find_with_property (GTK_WIDGET (page), GTK_TYPE_LABEL, "label", case_ref);

  return title != NULL ? gtk_widget_get_parent (title) : NULL;
}

/* As GNOME's text scaling does: GTK reads it from gtk-xft-dpi. */
/* Whether @subtitle shows all its text, not cut short by an ellipsis. */
static gboolean
shows_whole_text (GtkWidget *subtitle)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  if (GTK_IS_LABEL (subtitle))
    return !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (subtitle)));

  /* An inscription wraps its text into as many lines as its height holds,
   * and cuts the last one short. */
  layout = gtk_widget_create_pango_layout (subtitle,
                                           gtk_inscription_get_text (GTK_INSCRIPTION (subtitle)));
  pango_layout_set_width (layout, gtk_widget_get_width (subtitle) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height <= gtk_widget_get_height (subtitle);
}

static int
line_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Xy");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* At 200 % text a row's subtitle (date, model, agencies) is shown whole,
 * on as many lines as it needs; at 100 % it keeps to one line, so rows are
 * no taller.  Shown to fail with the subtitle a one-line GtkInscription:
 * "'shows_whole_text (subtitle)' should be TRUE". */
static void
test_subtitle_whole_at_large_text (void)
{
  ReflectApplication *app = get_app ();
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ReflectSessionsPage *page = find_sessions_page (window);
  ReflectStore *store = reflect_application_get_store (app);
  g_autoptr(GError) error = NULL;
  GtkWidget *subtitle;
  gint64 id;
  static const char *people[][2] = {
    { "Alex Morgan", "Children’s Social Care" }, { "Priya Shah", "Health visiting" },
    { "Tom Reilly", "Education" }, { "Dana Okafor", "Police" }, { "Lee Chen", "Housing" },
  };

  /* Newest of all, so it is the first row. */
  id = add_session ("LARGE-TEXT-1", 2000, REFLECT_SESSION_PLANNED);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      reflect_store_add_attendee (store, id, people[i][0], people[i][1], "Practitioner", &error);
      g_assert_no_error (error);
    }
  reflect_sessions_page_reload (page);

  reflect_test_set_text_scale (2.0);
  reflect_test_wait_until_drawn (window);
  subtitle = gtk_grid_get_child_at (GTK_GRID (find_row (page, "LARGE-TEXT-1")), 0, 1);
  g_assert_nonnull (subtitle);
  g_assert_true (shows_whole_text (subtitle));
  g_assert_cmpint (gtk_widget_get_height (subtitle), >=, 2 * line_height (subtitle));
  reflect_test_save_screenshot (window, "sessions-large-text.png");

  reflect_test_set_text_scale (1.0);
  reflect_test_wait_until_drawn (window);
  subtitle = gtk_grid_get_child_at (GTK_GRID (find_row (page, "LARGE-TEXT-1")), 0, 1);
  g_assert_cmpint (gtk_widget_get_height (subtitle), <, 2 * line_height (subtitle));
}

/* The list's background is the card: with one session found it ends under
 * that row, in light and in dark, rather than running on to the bottom of
 * the window.  Shown to fail with the list as tall as the page: "assertion
 * failed (gtk_widget_get_height (list) < 2 * gtk_widget_get_height (row)):
 * (679 < 148)". */
static void
test_card_ends_under_last_row (void)
{
  ReflectApplication *app = get_app ();
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ReflectSessionsPage *page = find_sessions_page (window);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *entry, *row, *list;

  add_session ("ONE-ROW-CARD", 0, REFLECT_SESSION_PLANNED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sessions.search", NULL));
  entry = reflect_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "ONE-ROW-CARD");
  reflect_sessions_page_reload (page);
  g_assert_cmpuint (g_list_model_get_n_items (reflect_sessions_page_get_sessions (page)), ==, 1);

  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      reflect_test_wait_until_drawn (window);
      list = find_list_view (GTK_WIDGET (page));
      row = gtk_widget_get_parent (find_row (page, "ONE-ROW-CARD"));
      g_assert_true (gtk_widget_get_parent (row) == list);
      /* The row, and its margin below, but not a second row's height. */
      g_assert_cmpint (gtk_widget_get_height (list), <, 2 * gtk_widget_get_height (row));
      reflect_test_save_screenshot (window, dark ? "sessions-one-row-dark.png"
                                                 : "sessions-one-row-light.png");
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sessions.search", NULL));
}

/* Whether the row showing @case_ref has focus, and is drawn inside what
 * the scrolled window shows. */
static gboolean
row_shown_with_focus (ReflectSessionsPage *page,
                      const char          *case_ref)
{
  GtkWidget *list = find_list_view (GTK_WIDGET (page));
  GtkWidget *scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *grid = find_row (page, case_ref);
  graphene_rect_t bounds;
  graphene_rect_t shown;

  if (grid == NULL || !gtk_widget_has_focus (gtk_widget_get_parent (grid)) ||
      !gtk_widget_compute_bounds (grid, scrolled, &bounds))
    return FALSE;
  graphene_rect_init (&shown, 0, 0, gtk_widget_get_width (scrolled),
                      gtk_widget_get_height (scrolled));
  return gtk_widget_get_child_visible (gtk_widget_get_parent (grid)) &&
         graphene_rect_contains_rect (&shown, &bounds);
}

static guint
sessions_listed (ReflectSessionsPage *page)
{
  return g_list_model_get_n_items (reflect_sessions_page_get_sessions (page));
}

static guint
items_in_view (GtkWidget *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))));
}

/* In a list longer than the rows GTK builds ahead (200), End shows the
 * last session with focus on it, and Home the first, not an empty card.
 * Shown to fail with the list in an AdwClamp, which the scrolled window
 * wraps in a viewport, so the list view never learns what is scrolled
 * into sight: "'row_shown_with_focus (page, "END-OLDEST")' should be
 * TRUE". */
static void
test_home_and_end_show_a_row (void)
{
  ReflectApplication *app = get_app ();
  GtkWidget *window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  ReflectSessionsPage *page = find_sessions_page (window);
  ReflectStore *store = reflect_application_get_store (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectSession) first = NULL;
  GtkWidget *list;
  guint total;

  g_assert_true (reflect_store_begin (store, &error));
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *case_ref = g_strdup_printf ("END-%u", i);
      add_session (case_ref, -1000 - (int)i, REFLECT_SESSION_FINISHED);
    }
  /* Older than any other in this test run, so it is listed last. */
  add_session ("END-OLDEST", -5000, REFLECT_SESSION_FINISHED);
  g_assert_true (reflect_store_commit (store, &error));
  g_assert_no_error (error);

  reflect_sessions_page_reload (page);
  list = find_list_view (GTK_WIDGET (page));
  /* A screenful first, then the rest, then rows a few a frame. */
  REFLECT_TEST_WAIT_FOR ((total = sessions_listed (page)) > 300 && items_in_view (list) == total);
  g_assert_cmpuint (total, >, 300);
  reflect_test_wait_until_drawn (window);

  reflect_sessions_page_focus (page);
  g_assert_true (reflect_test_press_key (list, GDK_KEY_End, 0));
  reflect_test_wait_until_drawn (window);
  reflect_test_save_screenshot (window, "sessions-end.png");
  g_assert_true (row_shown_with_focus (page, "END-OLDEST"));

  g_assert_true (reflect_test_press_key (list, GDK_KEY_Home, 0));
  reflect_test_wait_until_drawn (window);
  reflect_test_save_screenshot (window, "sessions-home.png");
  first = g_list_model_get_item (reflect_sessions_page_get_sessions (page), 0);
  g_assert_true (row_shown_with_focus (page, reflect_session_get_case_ref (first)));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  home = reflect_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/sessions/create-survives-new-window",
                   test_create_session_survives_new_window);
  g_test_add_func ("/ui/sessions/match-markup", test_match_markup);
  g_test_add_func ("/ui/sessions/filters-made-on-first-search",
                   test_filters_made_on_first_search);
  g_test_add_func ("/ui/sessions/row-menu-reaches-actions", test_row_menu_reaches_actions);
  g_test_add_func ("/ui/sessions/hidden-list-reads-again-when-shown",
                   test_hidden_list_reads_again_when_shown);
  g_test_add_func ("/ui/sessions/list-reads-the-rest-after-first-frame",
                   test_list_reads_the_rest_after_first_frame);
  g_test_add_func ("/ui/sessions/shortcuts-window-shows-accelerators",
                   test_shortcuts_window_shows_accelerators);
  g_test_add_func ("/ui/sessions/subtitle-whole-at-large-text",
                   test_subtitle_whole_at_large_text);
  g_test_add_func ("/ui/sessions/card-ends-under-last-row", test_card_ends_under_last_row);
  g_test_add_func ("/ui/sessions/home-and-end-show-a-row", test_home_and_end_show_a_row);
  g_test_add_func ("/ui/sessions/search-and-delete-with-undo", test_search_and_delete_with_undo);

  status = g_test_run ();
  g_clear_object (&the_app);
  return reflect_test_ui_finish (status, home);
}
