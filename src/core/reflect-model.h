/* reflect-model.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "reflect-types.h"
#include "reflect-model-stage.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_MODEL (reflect_model_get_type ())

G_DECLARE_FINAL_TYPE (ReflectModel, reflect_model, REFLECT, MODEL, GObject)

ReflectModel       *reflect_model_new_from_data          (const char    *data,
                                                          gssize         length,
                                                          const char    *filename,
                                                          GError       **error);
ReflectModel       *reflect_model_new_from_node          (JsonNode      *node,
                                                          const char    *filename,
                                                          GError       **error);
JsonNode           *reflect_model_to_json                (ReflectModel  *self);
char               *reflect_model_to_data                (ReflectModel  *self);
ReflectModel       *reflect_model_copy_as                (ReflectModel  *self,
                                                          const char    *id,
                                                          const char    *title);
gboolean            reflect_model_validate               (ReflectModel  *self,
                                                          GError       **error);
const char         *reflect_model_get_id                 (ReflectModel  *self);
const char         *reflect_model_get_title              (ReflectModel  *self);
void                reflect_model_set_title              (ReflectModel  *self,
                                                          const char    *title);
const char         *reflect_model_get_summary            (ReflectModel  *self);
const char         *reflect_model_get_source             (ReflectModel  *self);
const char         *reflect_model_get_description        (ReflectModel  *self);
const char         *reflect_model_get_based_on           (ReflectModel  *self);
gboolean            reflect_model_is_custom              (ReflectModel  *self);
GListModel         *reflect_model_get_stages             (ReflectModel  *self);
guint               reflect_model_get_n_stages           (ReflectModel  *self);
ReflectModelStage  *reflect_model_get_stage              (ReflectModel  *self,
                                                          guint          index);
int                 reflect_model_find_stage             (ReflectModel  *self,
                                                          const char    *key);
guint               reflect_model_get_total_minutes      (ReflectModel  *self);
gboolean            reflect_model_has_role               (ReflectModel  *self,
                                                          const char    *role);
const char         *reflect_model_get_role_title         (ReflectModel  *self,
                                                          const char    *role);
const char         *reflect_model_get_role_member_title  (ReflectModel  *self,
                                                          const char    *role);
const char         *reflect_model_get_role_description   (ReflectModel  *self,
                                                          const char    *role);
guint               reflect_model_get_n_reminders        (ReflectModel  *self);
const char         *reflect_model_get_reminder_title     (ReflectModel  *self,
                                                          guint          index);
const char         *reflect_model_get_reminder_body      (ReflectModel  *self,
                                                          guint          index);
const char * const *reflect_model_get_principles         (ReflectModel  *self);
gboolean            reflect_model_has_areas              (ReflectModel  *self);

G_END_DECLS
