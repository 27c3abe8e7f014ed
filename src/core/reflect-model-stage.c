/* reflect-model-stage.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-model-stage"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-json.h"
#include "reflect-model-stage.h"
#include "reflect-utils.h"

#define MAX_TEXT 4000
#define MAX_MINUTES (24 * 60)

struct _ReflectModelStage
{
  GObject   parent_instance;

  char     *key;
  char     *title;
  guint     minutes;
  GStrv     speakers;
  GStrv     listeners;
  char     *who;
  char     *prompt;
  char     *record;
  char     *summary_prompt;
  char     *area;
  GStrv     question_sections;
};

G_DEFINE_FINAL_TYPE (ReflectModelStage, reflect_model_stage, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_TITLE,
  PROP_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const role_keys[] = { "facilitator", "presenter", "consultant", NULL };

static gboolean
read_roles (JsonObject  *object,
            const char  *member,
            GStrv       *out_roles,
            const char  *filename,
            const char  *path,
            GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  GError *local_error = NULL;

  array = reflect_json_get_array (object, member, FALSE, filename, path, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *role;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          reflect_json_set_error (error, filename, path, _("“%s”[%u] must be a role in quotes"),
                                  member, i);
          return FALSE;
        }

      role = json_node_get_string (node);
      if (!g_strv_contains (role_keys, role))
        {
          reflect_json_set_error (error, filename, path,
                                  _("“%s”[%u] is “%s”; a role is facilitator, presenter or consultant"),
                                  member, i, role);
          return FALSE;
        }
      g_strv_builder_add (builder, role);
    }

  *out_roles = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_optional_text (JsonObject  *object,
                    const char  *member,
                    char       **out_text,
                    const char  *filename,
                    const char  *path,
                    GError     **error)
{
  GError *local_error = NULL;
  const char *value;

  value = reflect_json_get_string (object, member, FALSE, MAX_TEXT, filename, path, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *out_text = g_strdup (value ? value : "");
  return TRUE;
}

static void
reflect_model_stage_finalize (GObject *object)
{
  ReflectModelStage *self = (ReflectModelStage *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->speakers, g_strfreev);
  g_clear_pointer (&self->listeners, g_strfreev);
  g_clear_pointer (&self->who, g_free);
  g_clear_pointer (&self->prompt, g_free);
  g_clear_pointer (&self->record, g_free);
  g_clear_pointer (&self->summary_prompt, g_free);
  g_clear_pointer (&self->area, g_free);
  g_clear_pointer (&self->question_sections, g_strfreev);

  G_OBJECT_CLASS (reflect_model_stage_parent_class)->finalize (object);
}

static void
reflect_model_stage_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ReflectModelStage *self = REFLECT_MODEL_STAGE (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MINUTES:
      g_value_set_uint (value, self->minutes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reflect_model_stage_class_init (ReflectModelStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reflect_model_stage_finalize;
  object_class->get_property = reflect_model_stage_get_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MINUTES] =
    g_param_spec_uint ("minutes", NULL, NULL, 1, MAX_MINUTES, 1,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reflect_model_stage_init (ReflectModelStage *self)
{
}

/**
 * reflect_model_stage_new_from_json:
 * @path: where the stage stands in its file, for messages (e.g. `$.stages[2]`)
 *
 * Returns: (transfer full) (nullable): the stage, or %NULL with @error naming
 * the field that is wrong.
 */
ReflectModelStage *
reflect_model_stage_new_from_json (JsonObject  *object,
                                   const char  *filename,
                                   const char  *path,
                                   GError     **error)
{
  g_autoptr(ReflectModelStage) self = g_object_new (REFLECT_TYPE_MODEL_STAGE, NULL);
  g_autoptr(GStrvBuilder) sections = g_strv_builder_new ();
  GError *local_error = NULL;
  const char *key;
  const char *title;
  JsonArray *array;
  gint64 minutes;

  key = reflect_json_get_string (object, "key", TRUE, 100, filename, path, error);
  if (key == NULL)
    return NULL;
  if (!reflect_json_is_identifier (key, FALSE))
    {
      reflect_json_set_error (error, filename, path,
                              _("“key” is “%s”; use lower-case letters, digits and hyphens"), key);
      return NULL;
    }

  title = reflect_json_get_string (object, "title", TRUE, 200, filename, path, error);
  if (title == NULL)
    return NULL;

  if (!reflect_json_get_int (object, "minutes", 1, MAX_MINUTES, &minutes, filename, path, error))
    return NULL;

  self->key = g_strdup (key);
  self->title = g_strdup (title);
  self->minutes = (guint)minutes;

  if (!read_roles (object, "speakers", &self->speakers, filename, path, error) ||
      !read_roles (object, "listeners", &self->listeners, filename, path, error) ||
      !read_optional_text (object, "who", &self->who, filename, path, error) ||
      !read_optional_text (object, "prompt", &self->prompt, filename, path, error) ||
      !read_optional_text (object, "record", &self->record, filename, path, error) ||
      !read_optional_text (object, "summary_prompt", &self->summary_prompt, filename, path, error) ||
      !read_optional_text (object, "area", &self->area, filename, path, error))
    return NULL;

  array = reflect_json_get_array (object, "question_sections", FALSE, filename, path, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          !reflect_json_is_identifier (json_node_get_string (node), TRUE))
        {
          reflect_json_set_error (error, filename, path,
                                  _("“question_sections”[%u] must be a section id such as “mcclure.reflective”"),
                                  i);
          return NULL;
        }
      g_strv_builder_add (sections, json_node_get_string (node));
    }
  self->question_sections = g_strv_builder_end (sections);

  return g_steal_pointer (&self);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *member,
          const char * const *strv)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i]; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

static void
add_text (JsonBuilder *builder,
          const char  *member,
          const char  *text)
{
  if (text == NULL || *text == '\0')
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

/**
 * reflect_model_stage_to_json:
 *
 * Returns: (transfer full): the stage in the model file format, so that a
 * session keeps the stages it was run with even if the model changes later.
 */
JsonNode *
reflect_model_stage_to_json (ReflectModelStage *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (REFLECT_IS_MODEL_STAGE (self), NULL);

  json_builder_begin_object (builder);
  add_text (builder, "key", self->key);
  add_text (builder, "title", self->title);
  json_builder_set_member_name (builder, "minutes");
  json_builder_add_int_value (builder, self->minutes);
  add_strv (builder, "speakers", (const char * const *)self->speakers);
  add_strv (builder, "listeners", (const char * const *)self->listeners);
  add_text (builder, "who", self->who);
  add_text (builder, "prompt", self->prompt);
  add_text (builder, "record", self->record);
  add_text (builder, "summary_prompt", self->summary_prompt);
  add_text (builder, "area", self->area);
  add_strv (builder, "question_sections", (const char * const *)self->question_sections);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

ReflectModelStage *
reflect_model_stage_copy (ReflectModelStage *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (REFLECT_IS_MODEL_STAGE (self), NULL);

  node = reflect_model_stage_to_json (self);
  return reflect_model_stage_new_from_json (json_node_get_object (node), NULL, NULL, NULL);
}

const char *
reflect_model_stage_get_key (ReflectModelStage *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL_STAGE (self), NULL);
  return self->key;
}

const char *
reflect_model_stage_get_title (ReflectModelStage *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL_STAGE (self), NULL);
  return self->title;
}

void
reflect_model_stage_set_title (ReflectModelStage *self,
                               const char        *title)
{
  g_return_if_fail (REFLECT_IS_MODEL_STAGE (self));
  g_return_if_fail (title != NULL);

  if (reflect_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

guint
reflect_model_stage_get_minutes (ReflectModelStage *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL_STAGE (self), 0);
  return self->minutes;
}

void
reflect_model_stage_set_minutes (ReflectModelStage *self,
                                 guint              minutes)
{
  g_return_if_fail (REFLECT_IS_MODEL_STAGE (self));
  g_return_if_fail (minutes >= 1 && minutes <= MAX_MINUTES);

  if (self->minutes != minutes)
    {
      self->minutes = minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINUTES]);
    }
}

const char * const *
reflect_model_stage_get_speakers (ReflectModelStage *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL_STAGE (self), NULL);
  return (const char * const *)self->speakers;
}

void
reflect_model_stage_set_speakers (ReflectModelStage  *self,
                                  const char * const *roles)
{
  g_return_if_fail (REFLECT_IS_MODEL_STAGE (self));
  g_strfreev (self->speakers);
  self->speakers = g_strdupv ((char **)roles);
}

const char * const *
reflect_model_stage_get_listeners (ReflectModelStage *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL_STAGE (self), NULL);
  return (const char * const *)self->listeners;
}

void
reflect_model_stage_set_listeners (ReflectModelStage  *self,
                                   const char * const *roles)
{
  g_return_if_fail (REFLECT_IS_MODEL_STAGE (self));
  g_strfreev (self->listeners);
  self->listeners = g_strdupv ((char **)roles);
}

const char *
reflect_model_stage_get_who (ReflectModelStage *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL_STAGE (self), NULL);
  return self->who;
}

void
reflect_model_stage_set_who (ReflectModelStage *self,
                             const char        *who)
{
  g_return_if_fail (REFLECT_IS_MODEL_STAGE (self));
  reflect_set_string (&self->who, who ? who : "");
}

const char *
reflect_model_stage_get_prompt (ReflectModelStage *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL_STAGE (self), NULL);
  return self->prompt;
}

void
reflect_model_stage_set_prompt (ReflectModelStage *self,
                                const char        *prompt)
{
  g_return_if_fail (REFLECT_IS_MODEL_STAGE (self));
  reflect_set_string (&self->prompt, prompt ? prompt : "");
}

const char *
reflect_model_stage_get_record (ReflectModelStage *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL_STAGE (self), NULL);
  return self->record;
}

const char *
reflect_model_stage_get_summary_prompt (ReflectModelStage *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL_STAGE (self), NULL);
  return self->summary_prompt;
}

const char *
reflect_model_stage_get_area (ReflectModelStage *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL_STAGE (self), NULL);
  return self->area;
}

const char * const *
reflect_model_stage_get_question_sections (ReflectModelStage *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL_STAGE (self), NULL);
  return (const char * const *)self->question_sections;
}
