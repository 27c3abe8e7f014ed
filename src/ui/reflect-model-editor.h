/* reflect-model-editor.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-catalog.h"
#include "reflect-store.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_MODEL_EDITOR (reflect_model_editor_get_type ())

G_DECLARE_FINAL_TYPE (ReflectModelEditor, reflect_model_editor, REFLECT, MODEL_EDITOR, AdwWindow)

ReflectModelEditor *reflect_model_editor_new (ReflectStore   *store,
                                              ReflectCatalog *catalog,
                                              ReflectModel   *model);

G_END_DECLS
