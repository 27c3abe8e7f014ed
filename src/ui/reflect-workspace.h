/* reflect-workspace.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-run.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_WORKSPACE (reflect_workspace_get_type ())

G_DECLARE_FINAL_TYPE (ReflectWorkspace, reflect_workspace, REFLECT, WORKSPACE, GtkWidget)

void        reflect_workspace_set_run (ReflectWorkspace *self,
                                       ReflectRun       *run);
ReflectRun *reflect_workspace_get_run (ReflectWorkspace *self);
void        reflect_workspace_show    (ReflectWorkspace *self,
                                       const char       *view_name);
const char *reflect_workspace_get_view (ReflectWorkspace *self);

G_END_DECLS
