/* reflect-record-view.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-run.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_RECORD_VIEW (reflect_record_view_get_type ())

G_DECLARE_FINAL_TYPE (ReflectRecordView, reflect_record_view, REFLECT, RECORD_VIEW, GtkWidget)

void     reflect_record_view_set_run (ReflectRecordView *self,
                                      ReflectRun        *run);
gboolean reflect_record_view_flush   (ReflectRecordView *self);

G_END_DECLS
