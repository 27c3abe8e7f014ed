/* reflect-announce.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-announce"

#include "config.h"

#include "reflect-announce.h"

/* Telling a screen reader user something they did not move the focus to,
 * such as a stage that changed by itself.
 *
 * GTK 4.14 has gtk_accessible_announce() for this.  GTK 4.8 has nothing,
 * and of what it sends over AT-SPI, watched with a listener while the
 * stages moved (issue 9), Orca speaks only one thing that is not about the
 * focused control: a change of the active window's name.  A label with the
 * alert role, a toast, or a label given new text send a name change, or a
 * children-changed from the parent, from a widget without the "showing"
 * state, and Orca leaves those unsaid unless that widget has the focus.
 * So on GTK 4.8 the window's accessible name (never its title, which the
 * window manager shows) carries the message, and gets the title back once
 * the window is no longer active, when Orca no longer listens to it. */

#if !GTK_CHECK_VERSION (4, 14, 0)

#define NAMED_KEY  "reflect-announce-named"
#define HOOKED_KEY "reflect-announce-hooked"

static void
restore_name (GtkWindow *window)
{
  const char *title = gtk_window_get_title (window);

  g_object_set_data (G_OBJECT (window), NAMED_KEY, NULL);
  if (title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (window), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (window), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
window_active_changed_cb (GtkWindow  *window,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  /* Restored now, the window's own name is not spoken over whatever the
   * person went to; and when they come back it is the title again, not a
   * time left that is no longer true. */
  if (!gtk_window_is_active (window) && g_object_get_data (G_OBJECT (window), NAMED_KEY) != NULL)
    restore_name (window);
}

#endif

/**
 * reflect_announce:
 * @widget: a widget in the window the message is about
 * @message: what to say
 *
 * Has screen readers say @message without moving the focus.  Nothing is
 * shown on screen: say it there too.
 */
void
reflect_announce (GtkWidget  *widget,
                  const char *message)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  root = gtk_widget_get_root (widget);
  if (!GTK_IS_WINDOW (root))
    return;

#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_accessible_announce (GTK_ACCESSIBLE (root), message,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#else
  /* Unheard in a window that is not active, and then read out as its name
   * on the way back, when it would be out of date. */
  if (!gtk_window_is_active (GTK_WINDOW (root)))
    return;

  if (g_object_get_data (G_OBJECT (root), HOOKED_KEY) == NULL)
    {
      g_signal_connect (root, "notify::is-active", G_CALLBACK (window_active_changed_cb), NULL);
      g_object_set_data (G_OBJECT (root), HOOKED_KEY, GINT_TO_POINTER (TRUE));
    }
  g_object_set_data (G_OBJECT (root), NAMED_KEY, GINT_TO_POINTER (TRUE));
  gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, message,
                                  -1);
#endif
}

/**
 * reflect_announce_withdraw:
 * @widget: the widget given to reflect_announce()
 *
 * Takes back what was announced, where it stays on after being said (the
 * window's name on GTK 4.8), once it stops being true: the session it was
 * about is closed.
 */
void
reflect_announce_withdraw (GtkWidget *widget)
{
#if !GTK_CHECK_VERSION (4, 14, 0)
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root) && g_object_get_data (G_OBJECT (root), NAMED_KEY) != NULL)
    restore_name (GTK_WINDOW (root));
#else
  g_return_if_fail (GTK_IS_WIDGET (widget));
#endif
}
