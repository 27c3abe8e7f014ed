/* reflect-models-window.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-catalog.h"
#include "reflect-store.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_MODELS_WINDOW (reflect_models_window_get_type ())

G_DECLARE_FINAL_TYPE (ReflectModelsWindow, reflect_models_window, REFLECT, MODELS_WINDOW,
                      AdwWindow)

ReflectModelsWindow *reflect_models_window_new (ReflectStore   *store,
                                                ReflectCatalog *catalog);

G_END_DECLS
