/* reflect-test-ui.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-test-env.h"

/* What the widget tests share: waiting for GTK to draw, and finding the
 * widgets and windows a person would see. */

/* Starts GTK and libadwaita for a test program, after pointing
 * XDG_DATA_HOME at a fresh folder (GLib reads it once per process).
 * Returns the folder, for reflect_test_ui_finish(). */
static inline char *
reflect_test_ui_init (int    *argc,
                      char ***argv)
{
  char *home = reflect_test_make_data_home ();

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return home;
}

/* Removes and frees @home; returns @status. */
static inline int
reflect_test_ui_finish (int   status,
                        char *home)
{
  reflect_test_remove_tree (home);
  g_free (home);
  return status;
}

/* Returns once @widget has been drawn and nothing else is pending. */
static inline void
reflect_test_wait_until_drawn (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* GNOME's text size: 1.0 normal, 1.25 Large Text, 2.0 for the 200 % the
 * checks ask for.  GTK reads it from gtk-xft-dpi. */
static inline void
reflect_test_set_text_scale (double factor)
{
  g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", (int)(factor * 96 * 1024), NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* GTK offers no way to send a key press: this runs what one of @widget's
 * own shortcuts for @keyval with @modifiers would, and returns whether one
 * took it. */
static inline gboolean
reflect_test_press_key (GtkWidget       *widget,
                        guint            keyval,
                        GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* The first of @widget and its descendants, depth first, of @type. */
static inline GtkWidget *
reflect_test_find_descendant (GtkWidget *widget,
                              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = reflect_test_find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A toplevel window of @type that is shown, or NULL. */
static inline gpointer
reflect_test_find_shown_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* With REFLECT_SHOT_DIR set, saves what @window shows there as @name
 * (a PNG), for a person to look at; otherwise does nothing. */
static inline void
reflect_test_save_screenshot (GtkWidget  *window,
                              const char *name)
{
  const char *dir = g_getenv ("REFLECT_SHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  reflect_test_wait_until_drawn (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window),
                          gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static inline gboolean
reflect_test_timed_out_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates until @condition holds, for at most ten seconds. */
#define REFLECT_TEST_WAIT_FOR(condition)                                      \
  G_STMT_START {                                                              \
    gboolean timed_out = FALSE;                                               \
    guint timeout = g_timeout_add_seconds (10, reflect_test_timed_out_cb,     \
                                           &timed_out);                       \
    while (!(condition) && !timed_out)                                        \
      g_main_context_iteration (NULL, TRUE);                                  \
    if (!timed_out)                                                           \
      g_source_remove (timeout);                                              \
  } G_STMT_END
