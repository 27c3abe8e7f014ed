/* reflect-session-list.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reflect-store.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_SESSION_LIST (reflect_session_list_get_type ())

G_DECLARE_FINAL_TYPE (ReflectSessionList, reflect_session_list, REFLECT, SESSION_LIST, GObject)

ReflectSessionList *reflect_session_list_new    (ReflectStore       *store,
                                                 GArray             *ids);
ReflectSessionList *reflect_session_list_new_with_matches (ReflectStore *store,
                                                           GArray       *ids,
                                                           GArray       *doc_ids,
                                                           GPtrArray    *folded_words);
gint64              reflect_session_list_get_id (ReflectSessionList *self,
                                                 guint               position);
void                reflect_session_list_set_ids (ReflectSessionList *self,
                                                  GArray             *ids);

G_END_DECLS
