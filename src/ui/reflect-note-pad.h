/* reflect-note-pad.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-run.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_NOTE_PAD (reflect_note_pad_get_type ())

G_DECLARE_FINAL_TYPE (ReflectNotePad, reflect_note_pad, REFLECT, NOTE_PAD, GtkWidget)

GtkWidget *reflect_note_pad_new       (void);
void       reflect_note_pad_set_run   (ReflectNotePad *self,
                                       ReflectRun     *run);
void       reflect_note_pad_flush     (ReflectNotePad *self);

G_END_DECLS
