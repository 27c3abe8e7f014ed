/* test-ui-help.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* F1 on a computer with no help viewer: Reflect says so, in words for the
 * person at the keyboard, instead of nothing happening; and where the guide
 * was built as HTML it offers a web browser.  The tests run with data
 * folders that hold no program at all, so nothing can open help:reflect,
 * nor a web page. */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "reflect-application.h"
#include "reflect-workspace.h"
#include "reflect-test-env.h"
#include "reflect-test-ui.h"
#include "reflect-window.h"

static char *home;
/* One for the whole program: a second could not register beside it. */
static ReflectApplication *app;

#define find_message_dialog() ((AdwMessageDialog *)reflect_test_find_shown_window (ADW_TYPE_MESSAGE_DIALOG))
#define find_main_window() ((ReflectWindow *)reflect_test_find_shown_window (REFLECT_TYPE_WINDOW))

static void
show_main_window (void)
{
  g_autoptr(GError) error = NULL;

  if (app == NULL)
    {
      app = reflect_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
    }
  g_application_activate (G_APPLICATION (app));
  REFLECT_TEST_WAIT_FOR (find_main_window () != NULL);
  g_assert_nonnull (find_main_window ());
}

static void
close_all (void)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (find_main_window ()));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” does not say “%s”", text, part);
}

static void
remove_html (void)
{
  g_autofree char *html = g_build_filename (home, "reflect", "help-html", NULL);

  reflect_test_remove_tree (html);
}

/* Shown to fail (in a scratch worktree) against help_activated() as it was,
 * on gtk_show_uri(), which reports nothing: "'dialog' should not be NULL"
 * after ten seconds. */
static void
test_no_viewer_says_why (void)
{
  AdwMessageDialog *dialog;

  remove_html ();
  show_main_window ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  REFLECT_TEST_WAIT_FOR (find_message_dialog () != NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Help Could Not Be Opened");
  assert_contains (adw_message_dialog_get_body (dialog), "opens in a help viewer, and there is "
                                                         "none on this computer");
  /* Without the guide as HTML: what to ask for, and where a short guide is. */
  assert_contains (adw_message_dialog_get_body (dialog), "GNOME’s Help app");
  assert_contains (adw_message_dialog_get_body (dialog),
                   "https://github.com/reflect-practice/reflect#using-reflect");
  g_assert_false (adw_message_dialog_has_response (dialog, "browser"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) ==
                 GTK_WINDOW (find_main_window ()));

  close_all ();
}

/* Shown to fail (in a scratch worktree) with find_html() not looking in
 * the user's data folder: "… does not say “You can read the same guide in
 * your web browser”". */
static void
test_offers_the_guide_in_a_browser (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (home, "reflect", "help-html", NULL);
  g_autofree char *page = g_build_filename (folder, "privacy.html", NULL);
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (page, "<html><body>Your data</body></html>", -1, &error));
  g_assert_no_error (error);
  show_main_window ();

  /* A page of the guide, as the "?" buttons ask for one. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "help-page",
                                  g_variant_new_string ("privacy"));
  REFLECT_TEST_WAIT_FOR (find_message_dialog () != NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  assert_contains (adw_message_dialog_get_body (dialog), "there is none on this computer");
  assert_contains (adw_message_dialog_get_body (dialog),
                   "You can read the same guide in your web browser");
  g_assert_true (adw_message_dialog_has_response (dialog, "browser"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "browser");

  /* No browser either: the folder the guide is in, rather than nothing. */
  adw_message_dialog_response (dialog, "browser");
  gtk_window_destroy (GTK_WINDOW (dialog));
  REFLECT_TEST_WAIT_FOR (find_message_dialog () != NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  assert_contains (adw_message_dialog_get_body (dialog), "No web browser could open it either");
  assert_contains (adw_message_dialog_get_body (dialog), folder);

  close_all ();
  remove_html ();
}

/* Ctrl+? opens the shortcuts at the section for the place the person is
 * in: the keys they can press there come first. */
static void
test_shortcuts_open_where_you_are (void)
{
  ReflectWindow *window;
  GtkShortcutsWindow *shortcuts;
  g_autoptr(ReflectSession) session = NULL;
  g_autoptr(GError) error = NULL;
  struct { const char *view; const char *section; } places[] = {
    { NULL, "sessions" },
    { "facilitate", "facilitate" },
    { "people", "session" },
    { "record", "session" },
  };

  show_main_window ();
  window = find_main_window ();
  session = reflect_session_new (reflect_catalog_find_model (reflect_application_get_catalog (app),
                                                             "space-to-think"));
  reflect_session_set_case_ref (session, "EH-1187");
  reflect_store_create_session (reflect_application_get_store (app), session, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autofree char *section = NULL;

      if (places[i].view != NULL)
        {
          g_assert_true (reflect_window_open_session (window, reflect_session_get_id (session)));
          reflect_workspace_show (REFLECT_WORKSPACE (reflect_test_find_descendant (GTK_WIDGET (window),
                                                                                   REFLECT_TYPE_WORKSPACE)),
                                  places[i].view);
        }
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
      shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
      g_assert_nonnull (shortcuts);
      reflect_test_wait_until_drawn (GTK_WIDGET (shortcuts));
      g_object_get (shortcuts, "section-name", &section, NULL);
      g_assert_cmpstr (section, ==, places[i].section);
      gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);
    }
  close_all ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *empty = NULL;
  int status;

  /* Before GTK and GIO read them: data and settings folders in which no
   * program is installed, and no portal in between.  The MIME database
   * stays: without it no icon loads. */
  home = reflect_test_make_data_home ();
  empty = g_build_filename (home, "no-programs", NULL);
  g_assert_cmpint (g_mkdir_with_parents (empty, 0700), ==, 0);
  {
    const char *dirs = g_getenv ("XDG_DATA_DIRS");
    g_auto(GStrv) system = g_strsplit (dirs != NULL && *dirs != '\0' ? dirs
                                       : "/usr/local/share:/usr/share", ":", -1);
    g_autofree char *link = g_build_filename (empty, "mime", NULL);

    for (guint i = 0; system[i] != NULL; i++)
      {
        g_autofree char *mime = g_build_filename (system[i], "mime", NULL);

        if (g_file_test (mime, G_FILE_TEST_IS_DIR))
          {
            g_assert_cmpint (symlink (mime, link), ==, 0);
            break;
          }
      }
  }
  g_setenv ("XDG_DATA_DIRS", empty, TRUE);
  g_setenv ("XDG_CONFIG_HOME", empty, TRUE);
  g_setenv ("GTK_USE_PORTAL", "0", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/help/no-viewer-says-why", test_no_viewer_says_why);
  g_test_add_func ("/ui/help/offers-the-guide-in-a-browser", test_offers_the_guide_in_a_browser);
  g_test_add_func ("/ui/help/shortcuts-open-where-you-are", test_shortcuts_open_where_you_are);

  status = g_test_run ();
  g_clear_object (&app);
  reflect_test_remove_tree (home);
  g_free (home);
  return status;
}
