/* reflect-view-shortcuts.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reflect-view-shortcuts.h"

/* A view's keys work wherever the focus is in the window (on the view
 * switcher after Alt+2, say), not only inside the view: so they are
 * managed by the window.  Every view of the workspace is in the window at
 * once, so only the one on screen takes them. */

#define CONTROLLER_KEY "reflect-view-shortcuts"

typedef struct
{
  char *action_name;
  char *string_target;
} ViewShortcut;

static void
view_shortcut_free (gpointer data)
{
  ViewShortcut *shortcut = data;

  g_free (shortcut->action_name);
  g_free (shortcut->string_target);
  g_free (shortcut);
}

static gboolean
view_shortcut_cb (GtkWidget *view,
                  GVariant  *args,
                  gpointer   user_data)
{
  ViewShortcut *shortcut = user_data;

  if (!gtk_widget_get_mapped (view))
    return FALSE;
  if (shortcut->string_target != NULL)
    return gtk_widget_activate_action (view, shortcut->action_name, "s",
                                       shortcut->string_target);
  return gtk_widget_activate_action (view, shortcut->action_name, NULL);
}

/**
 * reflect_view_add_shortcut:
 * @view: a view of the session workspace
 * @string_target: (nullable): the action's string parameter, if it has one
 *
 * Has @keyval with @modifiers activate @action_name on @view while @view is
 * on screen, wherever the focus is in its window.
 */
void
reflect_view_add_shortcut (GtkWidget       *view,
                           guint            keyval,
                           GdkModifierType  modifiers,
                           const char      *action_name,
                           const char      *string_target)
{
  GtkShortcutController *controller;
  ViewShortcut *shortcut;

  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (action_name != NULL);

  controller = g_object_get_data (G_OBJECT (view), CONTROLLER_KEY);
  if (controller == NULL)
    {
      controller = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
      gtk_shortcut_controller_set_scope (controller, GTK_SHORTCUT_SCOPE_MANAGED);
      gtk_widget_add_controller (view, GTK_EVENT_CONTROLLER (controller));
      g_object_set_data (G_OBJECT (view), CONTROLLER_KEY, controller);
    }

  shortcut = g_new0 (ViewShortcut, 1);
  shortcut->action_name = g_strdup (action_name);
  shortcut->string_target = g_strdup (string_target);
  gtk_shortcut_controller_add_shortcut (controller,
    gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                      gtk_callback_action_new (view_shortcut_cb, shortcut,
                                               view_shortcut_free)));
}
