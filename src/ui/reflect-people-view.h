/* reflect-people-view.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-run.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_PEOPLE_VIEW (reflect_people_view_get_type ())

G_DECLARE_FINAL_TYPE (ReflectPeopleView, reflect_people_view, REFLECT, PEOPLE_VIEW, GtkWidget)

void reflect_people_view_set_run (ReflectPeopleView *self,
                                  ReflectRun        *run);

G_END_DECLS
