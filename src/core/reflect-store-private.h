/* reflect-store-private.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "reflect-store.h"

G_BEGIN_DECLS

/* Shared by the files that split ReflectStore by concern
 * (reflect-store-*.c).  Nothing outside src/core/ sees sqlite3. */

/* A cached statement is reset, not finalised, when it goes out of scope:
 *   g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self, SQL, error); */
static inline void
reflect_store_release_statement (sqlite3_stmt *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, reflect_store_release_statement)

#define REFLECT_STORE_SESSION_COLUMNS \
  "id, uuid, model_id, model_title, case_ref, starts_at, mode, venue, purpose," \
  " purpose_other, manager_agreed, state, follows_id, current_round"

ReflectSession *reflect_store_session_from_row     (sqlite3_stmt *stmt);
ReflectSession *reflect_store_read_session_summary (ReflectStore *self,
                                                    gint64        id);
char           *reflect_store_read_search_text     (ReflectStore *self,
                                                    gint64        doc_id);

sqlite3      *reflect_store_get_db           (ReflectStore  *self);
sqlite3_stmt *reflect_store_prepare          (ReflectStore  *self,
                                              const char    *sql,
                                              GError       **error);
gboolean      reflect_store_exec             (ReflectStore  *self,
                                              const char    *sql,
                                              GError       **error);
gboolean      reflect_store_step_done        (ReflectStore  *self,
                                              sqlite3_stmt  *stmt,
                                              GError       **error);
void          reflect_store_set_error        (ReflectStore  *self,
                                              GError       **error,
                                              const char    *what);
gboolean      reflect_store_begin            (ReflectStore  *self,
                                              GError       **error);
gboolean      reflect_store_commit           (ReflectStore  *self,
                                              GError       **error);
void          reflect_store_rollback         (ReflectStore  *self);
void          reflect_store_bind_text        (sqlite3_stmt  *stmt,
                                              int            index,
                                              const char    *text);
const char   *reflect_store_column_text      (sqlite3_stmt  *stmt,
                                              int            column);
void          reflect_store_emit_changed     (ReflectStore  *self,
                                              gint64         session_id);

gboolean      reflect_store_index_text       (ReflectStore  *self,
                                              gint64         session_id,
                                              const char    *kind,
                                              gint64         source_id,
                                              const char    *body,
                                              GError       **error);
gboolean      reflect_store_unindex_text     (ReflectStore  *self,
                                              const char    *kind,
                                              gint64         source_id,
                                              GError       **error);

/* reflect-store-migrations.c */
int           reflect_store_migrations_count (void);
gboolean      reflect_store_migrate          (sqlite3       *db,
                                              int            target,
                                              GError       **error);

G_END_DECLS
