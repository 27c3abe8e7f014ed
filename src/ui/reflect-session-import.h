/* reflect-session-import.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-store.h"

G_BEGIN_DECLS

/* Called with the id of the session imported (never 0). */
typedef void (*ReflectSessionImportedFunc) (gint64   session_id,
                                            gpointer user_data);

void reflect_session_import_dialog_run (GtkWindow                  *parent,
                                        ReflectStore               *store,
                                        ReflectSessionImportedFunc  callback,
                                        gpointer                    user_data);

G_END_DECLS
