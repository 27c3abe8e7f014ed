/* reflect-view-shortcuts.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void reflect_view_add_shortcut (GtkWidget       *view,
                                guint            keyval,
                                GdkModifierType  modifiers,
                                const char      *action_name,
                                const char      *string_target);

G_END_DECLS
