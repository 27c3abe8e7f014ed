/* reflect-application.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-catalog.h"
#include "reflect-store.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_APPLICATION (reflect_application_get_type ())

G_DECLARE_FINAL_TYPE (ReflectApplication, reflect_application, REFLECT, APPLICATION, AdwApplication)

ReflectApplication *reflect_application_new          (void);
ReflectStore       *reflect_application_get_store    (ReflectApplication *self);
ReflectCatalog     *reflect_application_get_catalog  (ReflectApplication *self);
GSettings          *reflect_application_get_settings (ReflectApplication *self);
gboolean            reflect_application_restore_backup (ReflectApplication  *self,
                                                        const char          *backup_path,
                                                        GError             **error);

G_END_DECLS
