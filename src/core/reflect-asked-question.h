/* reflect-asked-question.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define REFLECT_TYPE_ASKED_QUESTION (reflect_asked_question_get_type ())

G_DECLARE_FINAL_TYPE (ReflectAskedQuestion, reflect_asked_question, REFLECT, ASKED_QUESTION,
                      GObject)

ReflectAskedQuestion *reflect_asked_question_new               (gint64                id,
                                                                guint                 round,
                                                                const char           *stage_key,
                                                                const char           *question_id,
                                                                const char           *question_text,
                                                                gint64                asked_at,
                                                                const char           *response);
gint64                reflect_asked_question_get_id            (ReflectAskedQuestion *self);
guint                 reflect_asked_question_get_round         (ReflectAskedQuestion *self);
const char           *reflect_asked_question_get_stage_key     (ReflectAskedQuestion *self);
const char           *reflect_asked_question_get_question_id   (ReflectAskedQuestion *self);
const char           *reflect_asked_question_get_question_text (ReflectAskedQuestion *self);
gint64                reflect_asked_question_get_asked_at      (ReflectAskedQuestion *self);
const char           *reflect_asked_question_get_response      (ReflectAskedQuestion *self);

G_END_DECLS
