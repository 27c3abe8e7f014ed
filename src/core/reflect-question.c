/* reflect-question.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-question"

#include "config.h"

#include "reflect-question.h"
#include "reflect-utils.h"

struct _ReflectQuestion
{
  GObject   parent_instance;

  char     *id;
  char     *text;
  char     *bank_id;
  char     *bank_title;
  char     *section_id;
  char     *section_title;
  char     *search_key;
  guint     custom : 1;
  guint     favourite : 1;
};

G_DEFINE_FINAL_TYPE (ReflectQuestion, reflect_question, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_BANK_TITLE,
  PROP_SECTION_TITLE,
  PROP_CUSTOM,
  PROP_FAVOURITE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reflect_question_finalize (GObject *object)
{
  ReflectQuestion *self = (ReflectQuestion *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->bank_id, g_free);
  g_clear_pointer (&self->bank_title, g_free);
  g_clear_pointer (&self->section_id, g_free);
  g_clear_pointer (&self->section_title, g_free);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (reflect_question_parent_class)->finalize (object);
}

static void
reflect_question_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ReflectQuestion *self = REFLECT_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_BANK_TITLE:
      g_value_set_string (value, self->bank_title);
      break;
    case PROP_SECTION_TITLE:
      g_value_set_string (value, self->section_title);
      break;
    case PROP_CUSTOM:
      g_value_set_boolean (value, self->custom);
      break;
    case PROP_FAVOURITE:
      g_value_set_boolean (value, self->favourite);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reflect_question_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ReflectQuestion *self = REFLECT_QUESTION (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      reflect_question_set_text (self, g_value_get_string (value));
      break;
    case PROP_FAVOURITE:
      reflect_question_set_favourite (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reflect_question_class_init (ReflectQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reflect_question_finalize;
  object_class->get_property = reflect_question_get_property;
  object_class->set_property = reflect_question_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BANK_TITLE] =
    g_param_spec_string ("bank-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION_TITLE] =
    g_param_spec_string ("section-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOM] =
    g_param_spec_boolean ("custom", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAVOURITE] =
    g_param_spec_boolean ("favourite", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reflect_question_init (ReflectQuestion *self)
{
}

ReflectQuestion *
reflect_question_new (const char *id,
                      const char *text,
                      const char *bank_id,
                      const char *bank_title,
                      const char *section_id,
                      const char *section_title,
                      gboolean    custom)
{
  ReflectQuestion *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (REFLECT_TYPE_QUESTION, NULL);
  self->id = g_strdup (id);
  self->bank_id = g_strdup (bank_id);
  self->bank_title = g_strdup (bank_title);
  self->section_id = g_strdup (section_id);
  self->section_title = g_strdup (section_title);
  self->custom = !!custom;
  reflect_question_set_text (self, text);

  return self;
}

const char *
reflect_question_get_id (ReflectQuestion *self)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION (self), NULL);
  return self->id;
}

const char *
reflect_question_get_text (ReflectQuestion *self)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION (self), NULL);
  return self->text;
}

void
reflect_question_set_text (ReflectQuestion *self,
                           const char      *text)
{
  g_return_if_fail (REFLECT_IS_QUESTION (self));
  g_return_if_fail (text != NULL);

  if (!reflect_set_string (&self->text, text))
    return;

  /* Folded once here so that filtering thousands of questions on every
   * keystroke compares plain bytes instead of folding each time. */
  g_clear_pointer (&self->search_key, g_free);
  {
    g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
    self->search_key = g_utf8_casefold (normalized ? normalized : text, -1);
  }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
reflect_question_get_bank_id (ReflectQuestion *self)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION (self), NULL);
  return self->bank_id;
}

const char *
reflect_question_get_bank_title (ReflectQuestion *self)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION (self), NULL);
  return self->bank_title;
}

const char *
reflect_question_get_section_id (ReflectQuestion *self)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION (self), NULL);
  return self->section_id;
}

const char *
reflect_question_get_section_title (ReflectQuestion *self)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION (self), NULL);
  return self->section_title;
}

gboolean
reflect_question_is_custom (ReflectQuestion *self)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION (self), FALSE);
  return self->custom;
}

gboolean
reflect_question_get_favourite (ReflectQuestion *self)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION (self), FALSE);
  return self->favourite;
}

void
reflect_question_set_favourite (ReflectQuestion *self,
                                gboolean         favourite)
{
  g_return_if_fail (REFLECT_IS_QUESTION (self));

  favourite = !!favourite;
  if (self->favourite != favourite)
    {
      self->favourite = favourite;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAVOURITE]);
    }
}

/**
 * reflect_question_get_search_key:
 *
 * Returns: the question text normalised and case-folded, for matching
 * against a search string folded the same way.
 */
const char *
reflect_question_get_search_key (ReflectQuestion *self)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION (self), NULL);
  return self->search_key;
}
