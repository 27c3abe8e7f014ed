/* reflect-preferences-window.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-catalog.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_PREFERENCES_WINDOW (reflect_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ReflectPreferencesWindow, reflect_preferences_window, REFLECT,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

ReflectPreferencesWindow *reflect_preferences_window_new (GSettings      *settings,
                                                          ReflectCatalog *catalog);

G_END_DECLS
