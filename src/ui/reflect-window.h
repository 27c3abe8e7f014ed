/* reflect-window.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-application.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_WINDOW (reflect_window_get_type ())

G_DECLARE_FINAL_TYPE (ReflectWindow, reflect_window, REFLECT, WINDOW, AdwApplicationWindow)

ReflectWindow *reflect_window_new          (ReflectApplication *application);
gboolean       reflect_window_open_session (ReflectWindow      *self,
                                            gint64              session_id);
void           reflect_window_set_store    (ReflectWindow      *self,
                                            ReflectStore       *store,
                                            ReflectCatalog     *catalog);
void           reflect_window_show_toast   (ReflectWindow      *self,
                                            const char         *message);

G_END_DECLS
