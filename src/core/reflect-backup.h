/* reflect-backup.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "reflect-store.h"

G_BEGIN_DECLS

#define REFLECT_BACKUPS_KEPT 7

char     *reflect_backup_get_folder    (const char    *database_path);
gboolean  reflect_backup_write         (ReflectStore  *store,
                                        const char    *destination,
                                        GError       **error);
char     *reflect_backup_make          (ReflectStore  *store,
                                        GError       **error);
char     *reflect_backup_make_daily    (ReflectStore  *store,
                                        gint64         now,
                                        GError       **error);
GStrv     reflect_backup_list          (const char    *database_path);
void      reflect_backup_prune         (const char    *database_path,
                                        guint          keep);
gboolean  reflect_backup_check         (const char    *backup_path,
                                        GError       **error);
gboolean  reflect_backup_restore       (const char    *backup_path,
                                        const char    *database_path,
                                        char         **kept_aside,
                                        GError       **error);

G_END_DECLS
