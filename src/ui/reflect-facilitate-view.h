/* reflect-facilitate-view.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-run.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_FACILITATE_VIEW (reflect_facilitate_view_get_type ())

G_DECLARE_FINAL_TYPE (ReflectFacilitateView, reflect_facilitate_view, REFLECT, FACILITATE_VIEW, GtkWidget)

void       reflect_facilitate_view_set_run       (ReflectFacilitateView *self,
                                                  ReflectRun            *run);
GtkWindow *reflect_facilitate_view_get_presenter (ReflectFacilitateView *self);

G_END_DECLS
