/* reflect-store-people.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reflect-attendee.h"
#include "reflect-store.h"

G_BEGIN_DECLS

/* Longest name, agency or job title, in characters. */
#define REFLECT_PEOPLE_MAX_TEXT 200

#define REFLECT_PEOPLE_ERROR (reflect_people_error_quark ())

typedef enum
{
  REFLECT_PEOPLE_ERROR_EMPTY_NAME,
  REFLECT_PEOPLE_ERROR_TOO_LONG,
  REFLECT_PEOPLE_ERROR_DUPLICATE,
  REFLECT_PEOPLE_ERROR_ROLE_TAKEN,
  REFLECT_PEOPLE_ERROR_NO_SUCH_ROLE,
  REFLECT_PEOPLE_ERROR_ABSENT,
  REFLECT_PEOPLE_ERROR_OUT_OF_RANGE,
  REFLECT_PEOPLE_ERROR_NOT_FOUND,
} ReflectPeopleError;

/* How far a Morrison group's 0-5 confidence scores differ. */
typedef struct
{
  guint n_scored;   /* present members who gave a score */
  int   lowest;     /* -1 when n_scored is 0 */
  int   highest;    /* -1 when n_scored is 0 */
  guint count[6];   /* how many gave each score 0..5 */
} ReflectConfidenceSpread;

GQuark       reflect_people_error_quark           (void);

gint64       reflect_store_add_attendee           (ReflectStore            *self,
                                                   gint64                   session_id,
                                                   const char              *name,
                                                   const char              *agency,
                                                   const char              *job_title,
                                                   GError                 **error);
gboolean     reflect_store_update_attendee        (ReflectStore            *self,
                                                   gint64                   attendee_id,
                                                   const char              *name,
                                                   const char              *agency,
                                                   const char              *job_title,
                                                   GError                 **error);
gboolean     reflect_store_delete_attendee        (ReflectStore            *self,
                                                   gint64                   attendee_id,
                                                   GError                 **error);
gboolean     reflect_store_set_attendee_present   (ReflectStore            *self,
                                                   gint64                   attendee_id,
                                                   gboolean                 present,
                                                   GError                 **error);
gboolean     reflect_store_set_attendee_confidence (ReflectStore           *self,
                                                   gint64                   attendee_id,
                                                   int                      confidence,
                                                   GError                 **error);
GListModel  *reflect_store_list_attendees         (ReflectStore            *self,
                                                   gint64                   session_id,
                                                   gint64                   round_id,
                                                   GError                 **error);
ReflectAttendee *reflect_store_load_attendee      (ReflectStore            *self,
                                                   gint64                   attendee_id,
                                                   gint64                   round_id,
                                                   GError                 **error);

gint64       reflect_store_get_round_id           (ReflectStore            *self,
                                                   gint64                   session_id,
                                                   guint                    number,
                                                   GError                 **error);
gboolean     reflect_store_set_role               (ReflectStore            *self,
                                                   gint64                   round_id,
                                                   gint64                   attendee_id,
                                                   const char              *role,
                                                   GError                 **error);
gboolean     reflect_store_replace_role           (ReflectStore            *self,
                                                   gint64                   round_id,
                                                   gint64                   attendee_id,
                                                   const char              *role,
                                                   GError                 **error);
gint64       reflect_store_get_role_holder        (ReflectStore            *self,
                                                   gint64                   round_id,
                                                   const char              *role,
                                                   char                   **name,
                                                   GError                 **error);
gboolean     reflect_store_copy_roles             (ReflectStore            *self,
                                                   gint64                   from_round_id,
                                                   gint64                   to_round_id,
                                                   GError                 **error);
GStrv        reflect_store_list_names_in_role     (ReflectStore            *self,
                                                   gint64                   round_id,
                                                   const char              *role,
                                                   GError                 **error);

GStrv        reflect_store_list_agencies          (ReflectStore            *self,
                                                   GError                 **error);
GListModel  *reflect_store_suggest_people         (ReflectStore            *self,
                                                   const char              *prefix,
                                                   guint                    limit,
                                                   GError                 **error);
gboolean     reflect_store_get_confidence_spread  (ReflectStore            *self,
                                                   gint64                   session_id,
                                                   ReflectConfidenceSpread *spread,
                                                   GError                 **error);

G_END_DECLS
