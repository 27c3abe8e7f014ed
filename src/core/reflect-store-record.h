/* reflect-store-record.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reflect-store.h"

G_BEGIN_DECLS

/* The structured parts of a session's record (table session_record). */
typedef enum
{
  REFLECT_RECORD_STRENGTHS,
  REFLECT_RECORD_HYPOTHESIS_BEFORE,
  REFLECT_RECORD_HYPOTHESIS_AFTER,
  REFLECT_RECORD_LEARNING,
  REFLECT_RECORD_THEMES,
  REFLECT_RECORD_FAMILY_UPDATE,
  REFLECT_RECORD_FEEDBACK,
  REFLECT_RECORD_N_FIELDS
} ReflectRecordField;

typedef struct
{
  char   *fields[REFLECT_RECORD_N_FIELDS];  /* never NULL once loaded */
  gint64  updated_at;
} ReflectRecord;

typedef struct
{
  gint64  id;
  guint   round;
  char   *stage_key;
  char   *body;
  gint64  updated_at;
} ReflectNote;

typedef struct
{
  gint64    id;
  guint     position;
  char     *what;
  char     *owner;  /* an agency, a role, or (with names) a person */
  char     *due;
  gboolean  done;
} ReflectAction;

typedef struct
{
  gint64    id;
  guint     position;
  char     *what;
  char     *with_whom;
  gboolean  shared;
  char     *why;
} ReflectInfoSharing;

typedef struct
{
  gint64    id;
  char     *name;
  char     *agency;
  char     *job_title;
  gboolean  present;
} ReflectRecordAttendee;

void                reflect_record_free                 (ReflectRecord       *record);
void                reflect_note_free                   (ReflectNote         *note);
void                reflect_action_free                 (ReflectAction       *action);
void                reflect_info_sharing_free           (ReflectInfoSharing  *item);
void                reflect_record_attendee_free        (ReflectRecordAttendee *attendee);
const char         *reflect_record_field_to_string      (ReflectRecordField   field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReflectRecord, reflect_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReflectNote, reflect_note_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReflectAction, reflect_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReflectInfoSharing, reflect_info_sharing_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReflectRecordAttendee, reflect_record_attendee_free)

gboolean            reflect_store_save_note             (ReflectStore        *self,
                                                         gint64               session_id,
                                                         guint                round,
                                                         const char          *stage_key,
                                                         const char          *body,
                                                         gboolean            *created,
                                                         GError             **error);
char               *reflect_store_load_note             (ReflectStore        *self,
                                                         gint64               session_id,
                                                         guint                round,
                                                         const char          *stage_key,
                                                         GError             **error);
GPtrArray          *reflect_store_list_notes            (ReflectStore        *self,
                                                         gint64               session_id,
                                                         GError             **error);

gboolean            reflect_store_save_record_field     (ReflectStore        *self,
                                                         gint64               session_id,
                                                         ReflectRecordField   field,
                                                         const char          *text,
                                                         GError             **error);
ReflectRecord      *reflect_store_load_record           (ReflectStore        *self,
                                                         gint64               session_id,
                                                         GError             **error);

gint64              reflect_store_add_action            (ReflectStore        *self,
                                                         gint64               session_id,
                                                         const char          *what,
                                                         const char          *owner,
                                                         const char          *due,
                                                         GError             **error);
gboolean            reflect_store_update_action         (ReflectStore        *self,
                                                         gint64               action_id,
                                                         const char          *what,
                                                         const char          *owner,
                                                         const char          *due,
                                                         gboolean             done,
                                                         GError             **error);
gboolean            reflect_store_move_action           (ReflectStore        *self,
                                                         gint64               action_id,
                                                         guint                position,
                                                         GError             **error);
gboolean            reflect_store_delete_action         (ReflectStore        *self,
                                                         gint64               action_id,
                                                         GError             **error);
GPtrArray          *reflect_store_list_actions          (ReflectStore        *self,
                                                         gint64               session_id,
                                                         GError             **error);

gint64              reflect_store_add_info_sharing      (ReflectStore        *self,
                                                         gint64               session_id,
                                                         const char          *what,
                                                         const char          *with_whom,
                                                         gboolean             shared,
                                                         const char          *why,
                                                         GError             **error);
gboolean            reflect_store_update_info_sharing   (ReflectStore        *self,
                                                         gint64               item_id,
                                                         const char          *what,
                                                         const char          *with_whom,
                                                         gboolean             shared,
                                                         const char          *why,
                                                         GError             **error);
gboolean            reflect_store_delete_info_sharing   (ReflectStore        *self,
                                                         gint64               item_id,
                                                         GError             **error);
GPtrArray          *reflect_store_list_info_sharing     (ReflectStore        *self,
                                                         gint64               session_id,
                                                         GError             **error);

GPtrArray          *reflect_store_list_record_attendees (ReflectStore        *self,
                                                         gint64               session_id,
                                                         GError             **error);
GArray             *reflect_store_list_session_ids_between (ReflectStore     *self,
                                                         gint64               from,
                                                         gint64               to,
                                                         GError             **error);

G_END_DECLS
