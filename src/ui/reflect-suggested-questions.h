/* reflect-suggested-questions.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-run.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_SUGGESTED_QUESTIONS (reflect_suggested_questions_get_type ())

G_DECLARE_FINAL_TYPE (ReflectSuggestedQuestions, reflect_suggested_questions, REFLECT,
                      SUGGESTED_QUESTIONS, GtkWidget)

GtkWidget  *reflect_suggested_questions_new         (void);
void        reflect_suggested_questions_set_run     (ReflectSuggestedQuestions *self,
                                                     ReflectRun                *run);
GListModel *reflect_suggested_questions_get_questions (ReflectSuggestedQuestions *self);

G_END_DECLS
