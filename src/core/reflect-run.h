/* reflect-run.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reflect-types.h"
#include "reflect-catalog.h"
#include "reflect-session.h"
#include "reflect-stage-clock.h"
#include "reflect-store.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_RUN (reflect_run_get_type ())

G_DECLARE_FINAL_TYPE (ReflectRun, reflect_run, REFLECT, RUN, GObject)

ReflectRun        *reflect_run_new                   (ReflectStore    *store,
                                                      ReflectCatalog  *catalog,
                                                      ReflectSession  *session,
                                                      GError         **error);
ReflectStore      *reflect_run_get_store             (ReflectRun      *self);
ReflectCatalog    *reflect_run_get_catalog           (ReflectRun      *self);
ReflectSession    *reflect_run_get_session           (ReflectRun      *self);
ReflectModel      *reflect_run_get_model             (ReflectRun      *self);
ReflectStageClock *reflect_run_get_clock             (ReflectRun      *self);
guint              reflect_run_get_round             (ReflectRun      *self);
gint64             reflect_run_get_round_id          (ReflectRun      *self);
ReflectModelStage *reflect_run_get_current_stage     (ReflectRun      *self);
const char        *reflect_run_get_current_question  (ReflectRun      *self);
void               reflect_run_set_current_question  (ReflectRun      *self,
                                                      const char      *text);
gboolean           reflect_run_start_next_round      (ReflectRun      *self,
                                                      GError         **error);
gboolean           reflect_run_save_clock            (ReflectRun      *self,
                                                      GError         **error);

G_END_DECLS
