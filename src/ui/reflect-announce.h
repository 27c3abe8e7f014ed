/* reflect-announce.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void reflect_announce          (GtkWidget  *widget,
                                const char *message);
void reflect_announce_withdraw (GtkWidget  *widget);

G_END_DECLS
