/* reflect-a11y.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-a11y"

#include "config.h"

#include "reflect-a11y.h"

/* GTK 4.8 makes the image that gtk_button_set_icon_name() puts in a
 * button the button's label (labelled-by), and gives it the image role.
 * Unnamed, that image goes over AT-SPI by its type name, and Orca reads
 * a label before the name: "GtkImage Show the stages push button", for a
 * button whose accessible name is all there is to say.  GTK's own code
 * now makes that image presentational and no label; this does the same.
 * The role can be changed only while it is still the image role (so not
 * where GTK already did it) and before the image's AT context is realized,
 * once it is on screen and a screen reader has asked about it. */
static void
hide_icon (GtkWidget *widget)
{
  GtkWidget *image;

  if (!GTK_IS_BUTTON (widget) || gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL)
    return;

  image = gtk_button_get_child (GTK_BUTTON (widget));
  if (!GTK_IS_IMAGE (image))
    return;

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (image)) == GTK_ACCESSIBLE_ROLE_IMG)
    g_object_set (image, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
}

/**
 * reflect_hide_button_icons:
 * @root: a widget
 *
 * Hides from screen readers the icon of every button made with an icon
 * name in @root and below it, so that such a button is announced by its
 * accessible name alone.  The icon stays on screen.  Call it before @root
 * is shown, straight after gtk_widget_init_template() or after making a
 * button, and again after changing the icon of a button on screen, which
 * labels the button by its image anew.
 */
void
reflect_hide_button_icons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  hide_icon (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    reflect_hide_button_icons (child);
}
