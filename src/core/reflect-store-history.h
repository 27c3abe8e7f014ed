/* reflect-store-history.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "reflect-store.h"

G_BEGIN_DECLS

/* What the Sessions place can narrow the list to.  Zero/NULL fields do not
 * filter. */
typedef struct
{
  const char *model_id;
  int         state;      /* a ReflectSessionState, or -1 for any */
  gint64      from;       /* unix time, inclusive; 0 for no lower bound */
  gint64      until;      /* unix time, exclusive; 0 for no upper bound */
  const char *case_ref;   /* the case reference starts with this */
  GHashTable *exclude_ids; /* gint64 ids left out, as deleted ones awaiting undo */
  guint       limit;      /* the newest so many (or a few more); 0 for all; not for a search */
} ReflectSessionFilter;

#define REFLECT_SESSION_FILTER_INIT { NULL, -1, 0, 0, NULL, NULL, 0 }

char       *reflect_store_build_match_query        (const char                 *text);
GListModel *reflect_store_search_sessions          (ReflectStore               *self,
                                                    const char                 *text,
                                                    const ReflectSessionFilter *filter,
                                                    guint                       limit,
                                                    GError                    **error);
GArray     *reflect_store_list_session_ids         (ReflectStore               *self,
                                                    const ReflectSessionFilter *filter,
                                                    GError                    **error);
GListModel *reflect_store_list_sessions_filtered   (ReflectStore               *self,
                                                    const ReflectSessionFilter *filter,
                                                    GError                    **error);
GListModel *reflect_store_list_case_chain          (ReflectStore               *self,
                                                    gint64                      session_id,
                                                    GError                    **error);
gint64      reflect_store_create_follow_up         (ReflectStore               *self,
                                                    gint64                      session_id,
                                                    gint64                      starts_at,
                                                    GError                    **error);
GArray     *reflect_store_list_expired_sessions    (ReflectStore               *self,
                                                    guint                       months,
                                                    gint64                      now,
                                                    GError                    **error);
guint       reflect_store_delete_expired_sessions  (ReflectStore               *self,
                                                    guint                       months,
                                                    gint64                      now,
                                                    GError                    **error);

G_END_DECLS
