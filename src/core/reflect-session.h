/* reflect-session.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "reflect-types.h"
#include "reflect-model.h"

G_BEGIN_DECLS

#define REFLECT_CASE_REF_MAX 60
#define REFLECT_VENUE_MAX 200

typedef enum
{
  REFLECT_SESSION_PLANNED,
  REFLECT_SESSION_IN_PROGRESS,
  REFLECT_SESSION_FINISHED,
} ReflectSessionState;

typedef struct
{
  const char *key;
  const char *title;   /* translatable, shown in lists */
  const char *detail;  /* translatable, the guidance's own words */
} ReflectSessionPurpose;

#define REFLECT_TYPE_SESSION (reflect_session_get_type ())

G_DECLARE_FINAL_TYPE (ReflectSession, reflect_session, REFLECT, SESSION, GObject)

ReflectSession              *reflect_session_new                 (ReflectModel    *model);
gint64                       reflect_session_get_id              (ReflectSession  *self);
void                         reflect_session_set_id              (ReflectSession  *self,
                                                                  gint64           id);
const char                  *reflect_session_get_uuid            (ReflectSession  *self);
void                         reflect_session_set_uuid            (ReflectSession  *self,
                                                                  const char      *uuid);
ReflectModel                *reflect_session_get_model           (ReflectSession  *self);
void                         reflect_session_set_model           (ReflectSession  *self,
                                                                  ReflectModel    *model);
const char                  *reflect_session_get_model_id        (ReflectSession  *self);
const char                  *reflect_session_get_model_title     (ReflectSession  *self);
void                         reflect_session_set_model_summary   (ReflectSession  *self,
                                                                  const char      *model_id,
                                                                  const char      *model_title);
const char                  *reflect_session_get_case_ref        (ReflectSession  *self);
void                         reflect_session_set_case_ref        (ReflectSession  *self,
                                                                  const char      *case_ref);
gint64                       reflect_session_get_starts_at       (ReflectSession  *self);
void                         reflect_session_set_starts_at       (ReflectSession  *self,
                                                                  gint64           unix_time);
gboolean                     reflect_session_get_virtual         (ReflectSession  *self);
void                         reflect_session_set_virtual         (ReflectSession  *self,
                                                                  gboolean         is_virtual);
const char                  *reflect_session_get_venue           (ReflectSession  *self);
void                         reflect_session_set_venue           (ReflectSession  *self,
                                                                  const char      *venue);
const char                  *reflect_session_get_purpose         (ReflectSession  *self);
void                         reflect_session_set_purpose         (ReflectSession  *self,
                                                                  const char      *purpose);
const char                  *reflect_session_get_purpose_other   (ReflectSession  *self);
void                         reflect_session_set_purpose_other   (ReflectSession  *self,
                                                                  const char      *text);
gboolean                     reflect_session_get_manager_agreed  (ReflectSession  *self);
void                         reflect_session_set_manager_agreed  (ReflectSession  *self,
                                                                  gboolean         agreed);
ReflectSessionState          reflect_session_get_state           (ReflectSession  *self);
void                         reflect_session_set_state           (ReflectSession  *self,
                                                                  ReflectSessionState state);
gint64                       reflect_session_get_follows_id      (ReflectSession  *self);
void                         reflect_session_set_follows_id      (ReflectSession  *self,
                                                                  gint64           id);
guint                        reflect_session_get_current_round   (ReflectSession  *self);
void                         reflect_session_set_current_round   (ReflectSession  *self,
                                                                  guint            round);
const char                  *reflect_session_get_match           (ReflectSession  *self);
void                         reflect_session_set_match           (ReflectSession  *self,
                                                                  const char      *match);
const char                  *reflect_session_get_agencies        (ReflectSession  *self);
void                         reflect_session_set_agencies        (ReflectSession  *self,
                                                                  const char      *agencies);
gboolean                     reflect_session_validate            (ReflectSession  *self,
                                                                  GError         **error);
char                        *reflect_session_format_date         (ReflectSession  *self);
const char                  *reflect_session_state_to_string     (ReflectSessionState state);
gboolean                     reflect_session_state_from_string   (const char      *text,
                                                                  ReflectSessionState *state);
const char                  *reflect_session_state_get_title     (ReflectSessionState state);
const ReflectSessionPurpose *reflect_session_get_purposes        (guint           *n_purposes);
const ReflectSessionPurpose *reflect_session_find_purpose        (const char      *key);

G_END_DECLS
