/* reflect-questions-view.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-run.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_QUESTIONS_VIEW (reflect_questions_view_get_type ())

G_DECLARE_FINAL_TYPE (ReflectQuestionsView, reflect_questions_view, REFLECT, QUESTIONS_VIEW, GtkWidget)

void reflect_questions_view_set_run (ReflectQuestionsView *self,
                                     ReflectRun           *run);

G_END_DECLS
