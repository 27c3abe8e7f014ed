/* reflect-question.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "reflect-types.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_QUESTION (reflect_question_get_type ())

G_DECLARE_FINAL_TYPE (ReflectQuestion, reflect_question, REFLECT, QUESTION, GObject)

ReflectQuestion *reflect_question_new                (const char      *id,
                                                      const char      *text,
                                                      const char      *bank_id,
                                                      const char      *bank_title,
                                                      const char      *section_id,
                                                      const char      *section_title,
                                                      gboolean         custom);
const char      *reflect_question_get_id             (ReflectQuestion *self);
const char      *reflect_question_get_text           (ReflectQuestion *self);
void             reflect_question_set_text           (ReflectQuestion *self,
                                                      const char      *text);
const char      *reflect_question_get_bank_id        (ReflectQuestion *self);
const char      *reflect_question_get_bank_title     (ReflectQuestion *self);
const char      *reflect_question_get_section_id     (ReflectQuestion *self);
const char      *reflect_question_get_section_title  (ReflectQuestion *self);
gboolean         reflect_question_is_custom          (ReflectQuestion *self);
gboolean         reflect_question_get_favourite      (ReflectQuestion *self);
void             reflect_question_set_favourite      (ReflectQuestion *self,
                                                      gboolean         favourite);
const char      *reflect_question_get_search_key     (ReflectQuestion *self);

G_END_DECLS
