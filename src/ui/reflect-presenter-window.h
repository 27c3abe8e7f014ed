/* reflect-presenter-window.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-run.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_PRESENTER_WINDOW (reflect_presenter_window_get_type ())

G_DECLARE_FINAL_TYPE (ReflectPresenterWindow, reflect_presenter_window, REFLECT, PRESENTER_WINDOW, AdwWindow)

ReflectPresenterWindow *reflect_presenter_window_new     (void);
void                    reflect_presenter_window_set_run (ReflectPresenterWindow *self,
                                                          ReflectRun             *run);
void                    reflect_presenter_window_refresh (ReflectPresenterWindow *self);

G_END_DECLS
