/* reflect-session-transfer.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reflect-store.h"

G_BEGIN_DECLS

/* The version of the session file this build writes and reads. */
#define REFLECT_SESSION_TRANSFER_FORMAT 1

#define REFLECT_SESSION_TRANSFER_ERROR (reflect_session_transfer_error_quark ())

typedef enum
{
  REFLECT_SESSION_TRANSFER_ERROR_INVALID,  /* malformed, or references that do not match */
  REFLECT_SESSION_TRANSFER_ERROR_VERSION,  /* a format this build does not know */
  REFLECT_SESSION_TRANSFER_ERROR_EXISTS,   /* the session is already here: ask, then replace */
} ReflectSessionTransferError;

GQuark  reflect_session_transfer_error_quark (void);
char   *reflect_session_export_json          (ReflectStore  *store,
                                              gint64         session_id,
                                              GError       **error);
gint64  reflect_session_import_json          (ReflectStore  *store,
                                              const char    *data,
                                              gssize         length,
                                              const char    *filename,
                                              gboolean       replace,
                                              GError       **error);

G_END_DECLS
