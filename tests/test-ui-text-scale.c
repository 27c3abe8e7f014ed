/* test-ui-text-scale.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Large text (issue 9): with GNOME's text scaling at 200 %, every window
 * of Reflect must still fit a small 800 × 600 screen, and no label may be
 * squeezed until it breaks a word or shows nothing but "…".  GTK takes the
 * text scale from gtk-xft-dpi, so the test sets that, as gnome-settings-daemon
 * does for the Large Text switch.
 *
 * Shown to fail before the windows were changed for it: the workspace
 * needed 1174 px (the Questions view's bank button and sidebar beside the
 * questions, each person's roles in one row), the export window 1136 px,
 * the presenter 804 px of height, and the new session dialog broke "Date"
 * across lines and cut the model and purpose to "…". */

#include "config.h"

#include "reflect-application.h"
#include "reflect-export-dialog.h"
#include "reflect-facilitate-view.h"
#include "reflect-models-window.h"
#include "reflect-new-session-dialog.h"
#include "reflect-preferences-window.h"
#include "reflect-presenter-window.h"
#include "reflect-record-view.h"
#include "reflect-store-people.h"
#include "reflect-test-env.h"
#include "reflect-test-ui.h"
#include "reflect-window.h"

#define SCREEN_WIDTH  800
#define SCREEN_HEIGHT 600

/* An ellipsised label shows at least this many characters of its text. */
#define MIN_SHOWN_CHARS 6

/* Words longer than this (a web address in a source) may be broken. */
#define MAX_WORD_CHARS 24

static char *home;
static ReflectApplication *the_app;
static gint64 session_id;
static double text_scale;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

#define find_toplevel(type) GTK_WINDOW (reflect_test_find_shown_window (type))

static void
set_text_scale (double factor)
{
  text_scale = factor;
  reflect_test_set_text_scale (factor);
}

static int
min_width (GtkWidget *widget)
{
  int min;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

static void
describe (GString   *out,
          GtkWidget *widget)
{
  const char *name = gtk_widget_get_name (widget);

  g_string_append (out, G_OBJECT_TYPE_NAME (widget));
  if (name != NULL && g_strcmp0 (name, G_OBJECT_TYPE_NAME (widget)) != 0)
    g_string_append_printf (out, "#%s", name);
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, " “%s”", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (out, " “%s”", gtk_button_get_label (GTK_BUTTON (widget)));
}

/* The chain of widgets that makes @widget as wide as it is: each step goes
 * to the child with the largest minimum width. */
static char *
explain_width (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  while (widget != NULL)
    {
      GtkWidget *widest = NULL;
      int widest_min = -1;

      if (out->len > 0)
        g_string_append (out, "\n    > ");
      describe (out, widget);
      g_string_append_printf (out, " (min %d)", min_width (widget));

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
           child = gtk_widget_get_next_sibling (child))
        {
          int m;

          if (!gtk_widget_get_visible (child))
            continue;
          m = min_width (child);
          if (m > widest_min)
            {
              widest = child;
              widest_min = m;
            }
        }
      /* Side by side, the others count too: name them. */
      if (widest != NULL && gtk_widget_get_first_child (widget) != gtk_widget_get_last_child (widget))
        for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
             child = gtk_widget_get_next_sibling (child))
          if (child != widest && gtk_widget_get_visible (child) && min_width (child) > 0)
            {
              g_string_append (out, "\n      beside ");
              describe (out, child);
              g_string_append_printf (out, " (min %d)", min_width (child));
            }
      widget = widest;
    }
  return g_string_free (out, FALSE);
}

static void
check_fits_screen (GtkWidget  *window,
                   const char *what,
                   GString    *faults)
{
  int width;
  int height;

  width = min_width (window);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, MAX (width, SCREEN_WIDTH), &height, NULL,
                      NULL, NULL);
  if (width > SCREEN_WIDTH)
    {
      g_autofree char *why = explain_width (window);
      g_string_append_printf (faults, "%s needs %d px of width, more than %d:\n    %s\n", what,
                              width, SCREEN_WIDTH, why);
    }
  if (height > SCREEN_HEIGHT)
    g_string_append_printf (faults, "%s needs %d px of height, more than %d\n", what, height,
                            SCREEN_HEIGHT);
}

static int
text_width (GtkWidget  *label,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, text);
  PangoAttrList *attrs = gtk_label_get_attributes (GTK_LABEL (label));
  int width;

  if (attrs != NULL)
    pango_layout_set_attributes (layout, attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
check_label (GtkWidget  *label,
             const char *what,
             GString    *faults)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));
  int width = gtk_widget_get_width (label);

  if (text == NULL || *text == '\0')
    return;

  if (gtk_label_get_wrap (GTK_LABEL (label)))
    {
      g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);

      for (guint i = 0; words[i] != NULL; i++)
        {
          int w;

          if (*words[i] == '\0' || g_utf8_strlen (words[i], -1) > MAX_WORD_CHARS)
            continue;
          w = text_width (label, words[i]);
          if (w > width + 1)
            {
              g_string_append_printf (faults,
                                      "%s: label “%s” is %d px wide and breaks the word “%s” (%d px)\n",
                                      what, text, width, words[i], w);
              break;
            }
        }
    }
  else if (gtk_label_get_ellipsize (GTK_LABEL (label)) != PANGO_ELLIPSIZE_NONE)
    {
      glong n = g_utf8_strlen (text, -1);
      g_autofree char *shown = NULL;
      int natural;

      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      if (width >= natural || n <= MIN_SHOWN_CHARS)
        return;
      shown = g_strdup_printf ("%.*s…",
                               (int)(g_utf8_offset_to_pointer (text, MIN_SHOWN_CHARS) - text), text);
      if (text_width (label, shown) > width + 1)
        g_string_append_printf (faults,
                                "%s: label “%s” is %d px wide and shows fewer than %d characters\n",
                                what, text, width, MIN_SHOWN_CHARS);
    }
}

/* A widget placed past the bottom of its parent draws over whatever is
 * below: a row given the height of one line for a flow box that wrapped. */
static void
check_overflow (GtkWidget  *widget,
                const char *what,
                GString    *faults)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  graphene_rect_t bounds;

  /* What scrolls may well reach past the bottom. */
  if (parent == NULL || GTK_IS_SCROLLABLE (parent) || GTK_IS_SCROLLED_WINDOW (parent) ||
      GTK_IS_NATIVE (widget) || !gtk_widget_compute_bounds (widget, parent, &bounds))
    return;
  if (bounds.origin.y + bounds.size.height > gtk_widget_get_height (parent) + 1)
    {
      g_autoptr(GString) name = g_string_new (NULL);
      g_autoptr(GString) parent_name = g_string_new (NULL);

      describe (name, widget);
      describe (parent_name, parent);
      g_string_append_printf (faults, "%s: %s reaches %.0f px down %s, %d px high\n", what,
                              name->str, bounds.origin.y + bounds.size.height, parent_name->str,
                              gtk_widget_get_height (parent));
    }
}

static void
check_labels (GtkWidget  *widget,
              const char *what,
              GString    *faults)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    check_label (widget, what, faults);
  check_overflow (widget, what, faults);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    check_labels (child, what, faults);
}

/* Whether every revealer under @widget has finished opening or closing:
 * halfway, its child reaches past it (the view switcher bar that slides
 * in when the header bar has no room for the switcher). */
static gboolean
revealers_settled (GtkWidget *widget)
{
  if (GTK_IS_REVEALER (widget) &&
      gtk_revealer_get_reveal_child (GTK_REVEALER (widget)) !=
      gtk_revealer_get_child_revealed (GTK_REVEALER (widget)))
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    if (!revealers_settled (child))
      return FALSE;
  return TRUE;
}

/* Shows @window at the small screen's size (or its own minimum, if that is
 * larger: the fault is then reported), and checks it. */
static void
check_window (GtkWidget  *window,
              const char *what,
              GString    *faults)
{
  g_autofree char *shot = g_strdup_printf ("text-scale-%.0f-%s.png", text_scale * 100, what);

  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), SCREEN_WIDTH, SCREEN_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  reflect_test_wait_until_drawn (window);
  REFLECT_TEST_WAIT_FOR (revealers_settled (window));
  reflect_test_wait_until_drawn (window);
  check_fits_screen (window, what, faults);
  check_labels (window, what, faults);
  reflect_test_save_screenshot (window, shot);
}

static ReflectWindow *
get_window (void)
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
  iterate ();
  return REFLECT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (the_app)));
}

/* A session with what makes text long: a long case reference and people
 * with long agencies and job titles. */
static gint64
make_session (const char *model_id)
{
  ReflectStore *store = reflect_application_get_store (the_app);
  ReflectCatalog *catalog = reflect_application_get_catalog (the_app);
  g_autoptr(ReflectSession) session = NULL;
  g_autoptr(GError) error = NULL;
  static const char *people[][3] = {
    { "Alex Morgan", "Children’s Social Care", "Social worker" },
    { "Priya Shah", "Health visiting", "Health visitor" },
    { "Tom Reilly", "Education", "Designated safeguarding lead" },
  };

  session = reflect_session_new (reflect_catalog_find_model (catalog, model_id));
  reflect_session_set_case_ref (session, "EH-1187 sibling group");
  g_assert_true (reflect_store_create_session (store, session, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      reflect_store_add_attendee (store, reflect_session_get_id (session), people[i][0],
                                  people[i][1], people[i][2], &error);
      g_assert_no_error (error);
    }
  return reflect_session_get_id (session);
}

static void
close_window (GtkWindow *window)
{
  if (window != NULL)
    gtk_window_destroy (window);
  iterate ();
}

static void
assert_no_faults (GString *faults)
{
  if (faults->len == 0)
    return;
  g_test_message ("At %.0f %% text on an %d × %d screen:\n%s", text_scale * 100, SCREEN_WIDTH,
                  SCREEN_HEIGHT, faults->str);
  g_test_fail ();
}

static void
test_workspace_views (gconstpointer data)
{
  ReflectWindow *window = get_window ();
  g_autoptr(GString) faults = g_string_new (NULL);
  static const char *views[] = { "facilitate", "people", "questions", "record" };
  static const char *models[] = { "space-to-think", "spr", "morrison", "durham" };

  set_text_scale (*(const double *)data);
  check_window (GTK_WIDGET (window), "sessions", faults);

  /* Each model brings its own: SPR its balance of attention, Morrison a
   * confidence score for each person. */
  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    {
      gint64 id = make_session (models[m]);

      if (session_id == 0)
        session_id = id;
      g_assert_true (reflect_window_open_session (window, id));
      for (guint i = 0; i < G_N_ELEMENTS (views); i++)
        {
          g_autofree char *what = g_strdup_printf ("%s-%s", models[m], views[i]);

          g_assert_true (gtk_widget_activate_action (reflect_test_find_descendant (GTK_WIDGET (window),
                                                                      ADW_TYPE_VIEW_STACK),
                                                     "workspace.show-view", "s", views[i]));
          check_window (GTK_WIDGET (window), what, faults);
        }
    }
  assert_no_faults (faults);
}

static void
test_dialogs (void)
{
  ReflectWindow *window = get_window ();
  g_autoptr(GString) faults = g_string_new (NULL);
  GtkWidget *record;

  set_text_scale (2.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-session", NULL));
  check_window (GTK_WIDGET (find_toplevel (REFLECT_TYPE_NEW_SESSION_DIALOG)), "new-session",
                faults);
  close_window (find_toplevel (REFLECT_TYPE_NEW_SESSION_DIALOG));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  check_window (GTK_WIDGET (find_toplevel (REFLECT_TYPE_PREFERENCES_WINDOW)), "preferences", faults);
  close_window (find_toplevel (REFLECT_TYPE_PREFERENCES_WINDOW));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.manage-models", NULL));
  check_window (GTK_WIDGET (find_toplevel (REFLECT_TYPE_MODELS_WINDOW)), "models", faults);
  close_window (find_toplevel (REFLECT_TYPE_MODELS_WINDOW));

  if (session_id == 0)
    session_id = make_session ("space-to-think");
  g_assert_true (reflect_window_open_session (window, session_id));
  record = reflect_test_find_descendant (GTK_WIDGET (window), REFLECT_TYPE_RECORD_VIEW);
  g_assert_true (gtk_widget_activate_action (record, "record.export", "s", "child-record"));
  check_window (GTK_WIDGET (find_toplevel (REFLECT_TYPE_EXPORT_DIALOG)), "export", faults);
  close_window (find_toplevel (REFLECT_TYPE_EXPORT_DIALOG));

  g_assert_true (gtk_widget_activate_action (reflect_test_find_descendant (GTK_WIDGET (window),
                                                              REFLECT_TYPE_FACILITATE_VIEW),
                                             "facilitate.presenter", NULL));
  check_window (GTK_WIDGET (find_toplevel (REFLECT_TYPE_PRESENTER_WINDOW)), "presenter", faults);
  close_window (find_toplevel (REFLECT_TYPE_PRESENTER_WINDOW));

  assert_no_faults (faults);
}

/* GtkShortcutsWindow lays a section's groups out in columns side by side;
 * each section must fit a small screen on its own. */
static void
test_shortcuts_window (void)
{
  static const char * const sections[] = { "sessions", "session", "facilitate", "dialogs" };
  ReflectWindow *window = get_window ();
  g_autoptr(GString) faults = g_string_new (NULL);
  GtkWidget *shortcuts;

  set_text_scale (2.0);
  /* Else the stack would still be fading from one section to the next
   * when measured and drawn. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
  shortcuts = GTK_WIDGET (find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_nonnull (shortcuts);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *name = g_strdup_printf ("shortcuts-%s", sections[i]);
      g_autofree char *shown = NULL;

      g_object_set (shortcuts, "section-name", sections[i], NULL);
      g_object_get (shortcuts, "section-name", &shown, NULL);
      g_assert_cmpstr (shown, ==, sections[i]);
      check_window (shortcuts, name, faults);
    }
  gtk_widget_set_visible (shortcuts, FALSE);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  assert_no_faults (faults);
}

int
main (int   argc,
      char *argv[])
{
  static const double normal = 1.0;
  static const double large = 2.0;
  int status;

  home = reflect_test_make_data_home ();
  gtk_test_init (&argc, &argv, NULL);

  /* At the normal size too: what wraps at 200 % must not overlap at 100 %. */
  g_test_add_data_func ("/ui/text-scale/100/workspace-views", &normal, test_workspace_views);
  g_test_add_data_func ("/ui/text-scale/200/workspace-views", &large, test_workspace_views);
  g_test_add_func ("/ui/text-scale/dialogs", test_dialogs);
  g_test_add_func ("/ui/text-scale/shortcuts-window", test_shortcuts_window);

  status = g_test_run ();
  if (the_app != NULL)
    g_application_quit (G_APPLICATION (the_app));
  g_clear_object (&the_app);
  reflect_test_remove_tree (home);
  g_free (home);
  return status;
}
