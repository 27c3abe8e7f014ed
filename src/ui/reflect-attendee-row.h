/* reflect-attendee-row.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "reflect-attendee.h"
#include "reflect-model.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_ATTENDEE_ROW (reflect_attendee_row_get_type ())

G_DECLARE_FINAL_TYPE (ReflectAttendeeRow, reflect_attendee_row, REFLECT, ATTENDEE_ROW,
                      GtkListBoxRow)

GtkWidget       *reflect_attendee_row_new            (ReflectModel       *model,
                                                      gboolean            show_confidence);
void             reflect_attendee_row_set_attendee   (ReflectAttendeeRow *self,
                                                      ReflectAttendee    *attendee,
                                                      gboolean            roles_editable);
ReflectAttendee *reflect_attendee_row_get_attendee   (ReflectAttendeeRow *self);
gint64           reflect_attendee_row_get_id         (ReflectAttendeeRow *self);
void             reflect_attendee_row_show_message   (ReflectAttendeeRow *self,
                                                      const char         *message,
                                                      const char         *replace_role);
void             reflect_attendee_row_clear_message  (ReflectAttendeeRow *self);
const char      *reflect_attendee_row_get_message    (ReflectAttendeeRow *self);
void             reflect_attendee_row_focus_name     (ReflectAttendeeRow *self);

G_END_DECLS
