/* reflect-question-filter.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "reflect-question.h"

G_BEGIN_DECLS

char     **reflect_question_fold_query      (const char         *query);
gboolean   reflect_question_matches         (ReflectQuestion    *question,
                                             const char * const *folded_words);
gboolean   reflect_question_text_matches    (const char         *search_key,
                                             const char * const *folded_words);
char      *reflect_question_highlight       (const char         *text,
                                             const char * const *folded_words);

G_END_DECLS
