/* reflect-help.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void reflect_help_show (GtkWindow  *parent,
                        const char *page);

G_END_DECLS
