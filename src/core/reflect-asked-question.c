/* reflect-asked-question.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-asked-question"

#include "config.h"

#include "reflect-asked-question.h"

/* One row of a session's asked log: a snapshot, so that the log still
 * reads right after the question is edited or its bank removed. */
struct _ReflectAskedQuestion
{
  GObject  parent_instance;

  gint64   id;
  guint    round;
  char    *stage_key;
  char    *question_id;
  char    *question_text;
  gint64   asked_at;
  char    *response;
};

G_DEFINE_FINAL_TYPE (ReflectAskedQuestion, reflect_asked_question, G_TYPE_OBJECT)

static void
reflect_asked_question_finalize (GObject *object)
{
  ReflectAskedQuestion *self = (ReflectAskedQuestion *)object;

  g_clear_pointer (&self->stage_key, g_free);
  g_clear_pointer (&self->question_id, g_free);
  g_clear_pointer (&self->question_text, g_free);
  g_clear_pointer (&self->response, g_free);

  G_OBJECT_CLASS (reflect_asked_question_parent_class)->finalize (object);
}

static void
reflect_asked_question_class_init (ReflectAskedQuestionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reflect_asked_question_finalize;
}

static void
reflect_asked_question_init (ReflectAskedQuestion *self)
{
}

/**
 * reflect_asked_question_new:
 * @asked_at: when it was asked, in seconds since the Unix epoch
 *
 * Returns: (transfer full)
 */
ReflectAskedQuestion *
reflect_asked_question_new (gint64      id,
                            guint       round,
                            const char *stage_key,
                            const char *question_id,
                            const char *question_text,
                            gint64      asked_at,
                            const char *response)
{
  ReflectAskedQuestion *self = g_object_new (REFLECT_TYPE_ASKED_QUESTION, NULL);

  self->id = id;
  self->round = round;
  self->stage_key = g_strdup (stage_key ? stage_key : "");
  self->question_id = g_strdup (question_id ? question_id : "");
  self->question_text = g_strdup (question_text ? question_text : "");
  self->asked_at = asked_at;
  self->response = g_strdup (response ? response : "");
  return self;
}

gint64
reflect_asked_question_get_id (ReflectAskedQuestion *self)
{
  g_return_val_if_fail (REFLECT_IS_ASKED_QUESTION (self), 0);
  return self->id;
}

guint
reflect_asked_question_get_round (ReflectAskedQuestion *self)
{
  g_return_val_if_fail (REFLECT_IS_ASKED_QUESTION (self), 1);
  return self->round;
}

const char *
reflect_asked_question_get_stage_key (ReflectAskedQuestion *self)
{
  g_return_val_if_fail (REFLECT_IS_ASKED_QUESTION (self), NULL);
  return self->stage_key;
}

const char *
reflect_asked_question_get_question_id (ReflectAskedQuestion *self)
{
  g_return_val_if_fail (REFLECT_IS_ASKED_QUESTION (self), NULL);
  return self->question_id;
}

const char *
reflect_asked_question_get_question_text (ReflectAskedQuestion *self)
{
  g_return_val_if_fail (REFLECT_IS_ASKED_QUESTION (self), NULL);
  return self->question_text;
}

gint64
reflect_asked_question_get_asked_at (ReflectAskedQuestion *self)
{
  g_return_val_if_fail (REFLECT_IS_ASKED_QUESTION (self), 0);
  return self->asked_at;
}

const char *
reflect_asked_question_get_response (ReflectAskedQuestion *self)
{
  g_return_val_if_fail (REFLECT_IS_ASKED_QUESTION (self), NULL);
  return self->response;
}
