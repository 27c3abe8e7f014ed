/* reflect-store.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reflect-types.h"
#include "reflect-session.h"

G_BEGIN_DECLS

/* The schema version this build writes.  Every step up to it is a
 * numbered migration in reflect-store-migrations.c. */
#define REFLECT_STORE_SCHEMA_VERSION 5

#define REFLECT_STORE_ERROR (reflect_store_error_quark ())

typedef enum
{
  REFLECT_STORE_ERROR_FAILED,
  REFLECT_STORE_ERROR_NOT_A_DATABASE,
  REFLECT_STORE_ERROR_CORRUPT,
  REFLECT_STORE_ERROR_NEWER,
  REFLECT_STORE_ERROR_IO,
  REFLECT_STORE_ERROR_NOT_FOUND,
  REFLECT_STORE_ERROR_INVALID,
  REFLECT_STORE_ERROR_BUSY,
} ReflectStoreError;

#define REFLECT_TYPE_STORE (reflect_store_get_type ())

G_DECLARE_FINAL_TYPE (ReflectStore, reflect_store, REFLECT, STORE, GObject)

GQuark          reflect_store_error_quark          (void);
char           *reflect_store_default_path         (void);
ReflectStore   *reflect_store_open                 (const char     *path,
                                                    GError        **error);
ReflectStore   *reflect_store_open_at_version      (const char     *path,
                                                    int             version,
                                                    GError        **error);
gboolean        reflect_store_move_aside           (const char     *path,
                                                    char          **moved_to,
                                                    GError        **error);
gboolean        reflect_store_move_aside_as        (const char     *path,
                                                    const char     *reason,
                                                    char          **moved_to,
                                                    GError        **error);
const char     *reflect_store_get_path             (ReflectStore   *self);
int             reflect_store_get_schema_version   (ReflectStore   *self);
void            reflect_store_quick_check_async    (ReflectStore        *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean        reflect_store_quick_check_finish   (ReflectStore   *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);
gboolean        reflect_store_check_integrity      (ReflectStore   *self,
                                                    GError        **error);
gboolean        reflect_store_checkpoint           (ReflectStore   *self,
                                                    GError        **error);

gboolean        reflect_store_create_session       (ReflectStore   *self,
                                                    ReflectSession *session,
                                                    GError        **error);
gboolean        reflect_store_update_session       (ReflectStore   *self,
                                                    ReflectSession *session,
                                                    GError        **error);
ReflectSession *reflect_store_load_session         (ReflectStore   *self,
                                                    gint64          id,
                                                    GError        **error);
GListModel     *reflect_store_list_sessions        (ReflectStore   *self,
                                                    GError        **error);
gboolean        reflect_store_delete_session       (ReflectStore   *self,
                                                    gint64          id,
                                                    GError        **error);

G_END_DECLS
