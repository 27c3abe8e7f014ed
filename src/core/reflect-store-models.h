/* reflect-store-models.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "reflect-catalog.h"
#include "reflect-model.h"
#include "reflect-store.h"

G_BEGIN_DECLS

/* Custom session models: copies of a shipped model that a person has
 * edited, kept in the custom_models table and offered by the catalog. */

/**
 * ReflectModelField:
 *
 * The field a person must correct, so the editor can show its message
 * next to that field.
 */
typedef enum
{
  REFLECT_MODEL_FIELD_NONE,
  REFLECT_MODEL_FIELD_TITLE,
  REFLECT_MODEL_FIELD_STAGES,
  REFLECT_MODEL_FIELD_STAGE_TITLE,
  REFLECT_MODEL_FIELD_STAGE_MINUTES,
  REFLECT_MODEL_FIELD_STAGE_SPEAKERS,
  REFLECT_MODEL_FIELD_STAGE_WHO,
  REFLECT_MODEL_FIELD_STAGE_PROMPT,
} ReflectModelField;

typedef struct
{
  ReflectModelField field;
  int               stage;  /* index of the stage at fault, or -1 */
} ReflectModelProblem;

ReflectModel *reflect_custom_model_new_from_draft (JsonNode             *draft,
                                                   ReflectModelProblem  *problem,
                                                   GError              **error);

char         *reflect_store_make_custom_model_id  (ReflectStore         *self,
                                                   ReflectCatalog       *catalog,
                                                   ReflectModel         *source);
ReflectModel *reflect_store_copy_model            (ReflectStore         *self,
                                                   ReflectCatalog       *catalog,
                                                   ReflectModel         *source);
gboolean      reflect_store_save_custom_model     (ReflectStore         *self,
                                                   ReflectModel         *model,
                                                   GError              **error);
GListModel   *reflect_store_list_custom_models    (ReflectStore         *self,
                                                   GError              **error);
gboolean      reflect_store_delete_custom_model   (ReflectStore         *self,
                                                   const char           *id,
                                                   GError              **error);

G_END_DECLS
