/* reflect-store-questions.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reflect-asked-question.h"
#include "reflect-catalog.h"
#include "reflect-question-bank.h"
#include "reflect-run.h"
#include "reflect-store.h"

G_BEGIN_DECLS

/* The bank a person's own questions go in when they choose no other. */
#define REFLECT_MY_QUESTIONS_BANK_ID "my-questions"

/* Longest custom question, and longest response note, in characters. */
#define REFLECT_QUESTION_MAX_TEXT 4000
#define REFLECT_ASKED_RESPONSE_MAX 2000

#define REFLECT_QUESTIONS_ERROR (reflect_questions_error_quark ())

typedef enum
{
  REFLECT_QUESTIONS_ERROR_EMPTY,
  REFLECT_QUESTIONS_ERROR_TOO_LONG,
  REFLECT_QUESTIONS_ERROR_NOT_FOUND,
  REFLECT_QUESTIONS_ERROR_READ_ONLY,
  REFLECT_QUESTIONS_ERROR_BANK_EXISTS,
  REFLECT_QUESTIONS_ERROR_BANK_SHIPPED,
  REFLECT_QUESTIONS_ERROR_BANK_FULL,
} ReflectQuestionsError;

GQuark               reflect_questions_error_quark             (void);

void                 reflect_store_customise_question_bank     (ReflectStore         *self,
                                                                ReflectQuestionBank  *bank);

gboolean             reflect_store_set_question_favourite      (ReflectStore         *self,
                                                                ReflectQuestion      *question,
                                                                gboolean              favourite,
                                                                GError              **error);
char               **reflect_store_list_favourite_questions    (ReflectStore         *self,
                                                                GError              **error);

ReflectQuestionBank *reflect_store_ensure_my_questions_bank    (ReflectStore         *self,
                                                                ReflectCatalog       *catalog,
                                                                GError              **error);
ReflectQuestion     *reflect_store_add_custom_question         (ReflectStore         *self,
                                                                ReflectCatalog       *catalog,
                                                                const char           *bank_id,
                                                                const char           *section_id,
                                                                const char           *text,
                                                                GError              **error);
gboolean             reflect_store_update_custom_question      (ReflectStore         *self,
                                                                ReflectCatalog       *catalog,
                                                                const char           *question_id,
                                                                const char           *text,
                                                                GError              **error);
gboolean             reflect_store_delete_custom_question      (ReflectStore         *self,
                                                                ReflectCatalog       *catalog,
                                                                const char           *question_id,
                                                                GError              **error);

ReflectQuestionBank *reflect_store_import_question_bank        (ReflectStore         *self,
                                                                ReflectCatalog       *catalog,
                                                                const char           *data,
                                                                gssize                length,
                                                                const char           *filename,
                                                                gboolean              replace,
                                                                GError              **error);
gboolean             reflect_store_remove_question_bank        (ReflectStore         *self,
                                                                ReflectCatalog       *catalog,
                                                                const char           *bank_id,
                                                                GError              **error);

gint64               reflect_store_mark_question_asked         (ReflectStore         *self,
                                                                gint64                session_id,
                                                                guint                 round,
                                                                const char           *stage_key,
                                                                const char           *question_id,
                                                                const char           *question_text,
                                                                GError              **error);
gboolean             reflect_store_unmark_question_asked       (ReflectStore         *self,
                                                                gint64                asked_id,
                                                                GError              **error);
gboolean             reflect_store_set_asked_question_response (ReflectStore         *self,
                                                                gint64                asked_id,
                                                                const char           *response,
                                                                GError              **error);
GListModel          *reflect_store_list_asked_questions        (ReflectStore         *self,
                                                                gint64                session_id,
                                                                GError              **error);

gint64               reflect_questions_ask                     (ReflectRun           *run,
                                                                const char           *question_id,
                                                                const char           *text,
                                                                GError              **error);
ReflectQuestionBank *reflect_questions_find_section            (ReflectCatalog       *catalog,
                                                                const char           *section_id,
                                                                guint                *section);

G_END_DECLS
