/* reflect-attendee.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define REFLECT_TYPE_ATTENDEE (reflect_attendee_get_type ())

G_DECLARE_FINAL_TYPE (ReflectAttendee, reflect_attendee, REFLECT, ATTENDEE, GObject)

ReflectAttendee *reflect_attendee_new             (gint64           id,
                                                   gint64           session_id,
                                                   const char      *name,
                                                   const char      *agency,
                                                   const char      *job_title,
                                                   gboolean         present,
                                                   int              confidence,
                                                   const char      *role);
gint64           reflect_attendee_get_id          (ReflectAttendee *self);
gint64           reflect_attendee_get_session_id  (ReflectAttendee *self);
const char      *reflect_attendee_get_name        (ReflectAttendee *self);
const char      *reflect_attendee_get_agency      (ReflectAttendee *self);
const char      *reflect_attendee_get_job_title   (ReflectAttendee *self);
gboolean         reflect_attendee_get_present     (ReflectAttendee *self);
int              reflect_attendee_get_confidence  (ReflectAttendee *self);
const char      *reflect_attendee_get_role        (ReflectAttendee *self);

G_END_DECLS
