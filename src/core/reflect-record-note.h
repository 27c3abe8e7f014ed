/* reflect-record-note.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reflect-types.h"
#include "reflect-store.h"

G_BEGIN_DECLS

typedef enum
{
  REFLECT_NOTE_FORMAT_TEXT,
  REFLECT_NOTE_FORMAT_MARKDOWN,
  REFLECT_NOTE_FORMAT_CSV,  /* the partnership learning only */
} ReflectNoteFormat;

#define REFLECT_TYPE_RECORD_NOTE (reflect_record_note_get_type ())

G_DECLARE_FINAL_TYPE (ReflectRecordNote, reflect_record_note, REFLECT, RECORD_NOTE, GObject)

ReflectRecordNote *reflect_record_note_new                    (ReflectStore       *store,
                                                               gint64              session_id,
                                                               GError            **error);
void               reflect_record_note_set_organisation       (ReflectRecordNote  *self,
                                                               const char         *name);
void               reflect_record_note_set_include_names      (ReflectRecordNote  *self,
                                                               gboolean            include);
gboolean           reflect_record_note_get_include_names      (ReflectRecordNote  *self);
void               reflect_record_note_set_catalog            (ReflectRecordNote  *self,
                                                               ReflectCatalog     *catalog);
ReflectSession    *reflect_record_note_get_session            (ReflectRecordNote  *self);
GStrv              reflect_record_note_get_agencies           (ReflectRecordNote  *self);
GStrv              reflect_record_note_get_names              (ReflectRecordNote  *self);
char              *reflect_record_note_anonymise              (ReflectRecordNote  *self,
                                                               const char         *text);
char              *reflect_record_note_render_child_record    (ReflectRecordNote  *self,
                                                               ReflectNoteFormat   format);
char              *reflect_record_note_render_agency_summary  (ReflectRecordNote  *self,
                                                               const char         *agency,
                                                               ReflectNoteFormat   format);
char              *reflect_record_note_render_invitation_pack (ReflectRecordNote  *self,
                                                               ReflectNoteFormat   format);
char              *reflect_record_note_render_learning        (ReflectStore       *store,
                                                               gint64              from,
                                                               gint64              to,
                                                               const char         *organisation,
                                                               ReflectNoteFormat   format,
                                                               GError            **error);

G_END_DECLS
