/* reflect-question-bank.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "reflect-types.h"
#include "reflect-question.h"

G_BEGIN_DECLS

#define REFLECT_QUESTION_BANK_MAX_QUESTIONS 10000

#define REFLECT_TYPE_QUESTION_BANK (reflect_question_bank_get_type ())

G_DECLARE_FINAL_TYPE (ReflectQuestionBank, reflect_question_bank, REFLECT, QUESTION_BANK, GObject)

ReflectQuestionBank *reflect_question_bank_new_from_data            (const char          *data,
                                                                     gssize               length,
                                                                     const char          *filename,
                                                                     GError             **error);
ReflectQuestionBank *reflect_question_bank_new_from_node            (JsonNode            *node,
                                                                     const char          *filename,
                                                                     GError             **error);
JsonNode            *reflect_question_bank_to_json                  (ReflectQuestionBank *self);
char                *reflect_question_bank_to_data                  (ReflectQuestionBank *self);
const char          *reflect_question_bank_get_id                   (ReflectQuestionBank *self);
const char          *reflect_question_bank_get_title                (ReflectQuestionBank *self);
const char          *reflect_question_bank_get_citation             (ReflectQuestionBank *self);
const char          *reflect_question_bank_get_description          (ReflectQuestionBank *self);
gboolean             reflect_question_bank_get_builtin              (ReflectQuestionBank *self);
void                 reflect_question_bank_set_builtin              (ReflectQuestionBank *self,
                                                                     gboolean             builtin);
guint                reflect_question_bank_get_n_sections           (ReflectQuestionBank *self);
const char          *reflect_question_bank_get_section_id           (ReflectQuestionBank *self,
                                                                     guint                section);
const char          *reflect_question_bank_get_section_title        (ReflectQuestionBank *self,
                                                                     guint                section);
const char          *reflect_question_bank_get_section_description  (ReflectQuestionBank *self,
                                                                     guint                section);
const char          *reflect_question_bank_get_section_summary_prompt (ReflectQuestionBank *self,
                                                                     guint                section);
int                  reflect_question_bank_find_section             (ReflectQuestionBank *self,
                                                                     const char          *section_id);
GListModel          *reflect_question_bank_get_section_questions    (ReflectQuestionBank *self,
                                                                     guint                section);
GListModel          *reflect_question_bank_get_questions            (ReflectQuestionBank *self);
ReflectQuestion     *reflect_question_bank_find_question            (ReflectQuestionBank *self,
                                                                     const char          *question_id);
guint                reflect_question_bank_add_section              (ReflectQuestionBank *self,
                                                                     const char          *section_id,
                                                                     const char          *title);
void                 reflect_question_bank_add_question             (ReflectQuestionBank *self,
                                                                     guint                section,
                                                                     ReflectQuestion     *question);
gboolean             reflect_question_bank_remove_question          (ReflectQuestionBank *self,
                                                                     const char          *question_id);

G_END_DECLS
