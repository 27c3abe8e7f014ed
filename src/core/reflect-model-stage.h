/* reflect-model-stage.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "reflect-types.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_MODEL_STAGE (reflect_model_stage_get_type ())

G_DECLARE_FINAL_TYPE (ReflectModelStage, reflect_model_stage, REFLECT, MODEL_STAGE, GObject)

ReflectModelStage  *reflect_model_stage_new_from_json      (JsonObject         *object,
                                                            const char         *filename,
                                                            const char         *path,
                                                            GError            **error);
JsonNode           *reflect_model_stage_to_json            (ReflectModelStage  *self);
ReflectModelStage  *reflect_model_stage_copy               (ReflectModelStage  *self);
const char         *reflect_model_stage_get_key            (ReflectModelStage  *self);
const char         *reflect_model_stage_get_title          (ReflectModelStage  *self);
void                reflect_model_stage_set_title          (ReflectModelStage  *self,
                                                            const char         *title);
guint               reflect_model_stage_get_minutes        (ReflectModelStage  *self);
void                reflect_model_stage_set_minutes        (ReflectModelStage  *self,
                                                            guint               minutes);
const char * const *reflect_model_stage_get_speakers       (ReflectModelStage  *self);
void                reflect_model_stage_set_speakers       (ReflectModelStage  *self,
                                                            const char * const *roles);
const char * const *reflect_model_stage_get_listeners      (ReflectModelStage  *self);
void                reflect_model_stage_set_listeners      (ReflectModelStage  *self,
                                                            const char * const *roles);
const char         *reflect_model_stage_get_who            (ReflectModelStage  *self);
void                reflect_model_stage_set_who            (ReflectModelStage  *self,
                                                            const char         *who);
const char         *reflect_model_stage_get_prompt         (ReflectModelStage  *self);
void                reflect_model_stage_set_prompt         (ReflectModelStage  *self,
                                                            const char         *prompt);
const char         *reflect_model_stage_get_record         (ReflectModelStage  *self);
const char         *reflect_model_stage_get_summary_prompt (ReflectModelStage  *self);
const char         *reflect_model_stage_get_area           (ReflectModelStage  *self);
const char * const *reflect_model_stage_get_question_sections (ReflectModelStage *self);

G_END_DECLS
