/* reflect-a11y.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void reflect_hide_button_icons (GtkWidget *root);

G_END_DECLS
