/* reflect-catalog.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reflect-types.h"
#include "reflect-model.h"
#include "reflect-question-bank.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_CATALOG (reflect_catalog_get_type ())

G_DECLARE_FINAL_TYPE (ReflectCatalog, reflect_catalog, REFLECT, CATALOG, GObject)

ReflectCatalog      *reflect_catalog_new          (ReflectStore   *store);
void                 reflect_catalog_reload       (ReflectCatalog *self);
GListModel          *reflect_catalog_get_models   (ReflectCatalog *self);
ReflectModel        *reflect_catalog_find_model   (ReflectCatalog *self,
                                                   const char     *id);
GListModel          *reflect_catalog_get_banks    (ReflectCatalog *self);
ReflectQuestionBank *reflect_catalog_find_bank    (ReflectCatalog *self,
                                                   const char     *id);
const char * const  *reflect_catalog_get_errors   (ReflectCatalog *self);

G_END_DECLS
