/* reflect-model.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-model"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-json.h"
#include "reflect-model.h"
#include "reflect-utils.h"

#define MAX_STAGES 50
#define MAX_TEXT 4000

typedef struct
{
  char *key;
  char *title;
  char *member_title;  /* one person in the role; "" when it is the title */
  char *description;
} Role;

typedef struct
{
  char *title;
  char *body;
} Reminder;

struct _ReflectModel
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *summary;
  char       *source;
  char       *description;
  char       *based_on;
  GArray     *roles;      /* of Role */
  GArray     *reminders;  /* of Reminder */
  GStrv       principles;
  GListStore *stages;     /* of ReflectModelStage */
};

G_DEFINE_FINAL_TYPE (ReflectModel, reflect_model, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
role_clear (gpointer data)
{
  Role *role = data;

  g_free (role->key);
  g_free (role->title);
  g_free (role->member_title);
  g_free (role->description);
}

static void
reminder_clear (gpointer data)
{
  Reminder *reminder = data;

  g_free (reminder->title);
  g_free (reminder->body);
}

static const Role *
find_role (ReflectModel *self,
           const char   *key)
{
  for (guint i = 0; i < self->roles->len; i++)
    {
      const Role *role = &g_array_index (self->roles, Role, i);
      if (g_strcmp0 (role->key, key) == 0)
        return role;
    }
  return NULL;
}

static gboolean
read_text (JsonObject  *object,
           const char  *member,
           gboolean     required,
           gsize        max_length,
           char       **out,
           const char  *filename,
           const char  *path,
           GError     **error)
{
  GError *local_error = NULL;
  const char *value;

  value = reflect_json_get_string (object, member, required, max_length, filename, path,
                                   &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *out = g_strdup (value ? value : "");
  return TRUE;
}

static gboolean
load_roles (ReflectModel *self,
            JsonObject   *root,
            const char   *filename,
            GError      **error)
{
  JsonArray *array = reflect_json_get_array (root, "roles", TRUE, filename, "$", error);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.roles[%u]", i);
      JsonObject *object = reflect_json_require_object (json_array_get_element (array, i),
                                                        filename, path, error);
      Role role = { NULL, NULL, NULL, NULL };

      if (object == NULL)
        return FALSE;

      if (!read_text (object, "key", TRUE, 20, &role.key, filename, path, error) ||
          !read_text (object, "title", TRUE, 100, &role.title, filename, path, error) ||
          !read_text (object, "member-title", FALSE, 100, &role.member_title, filename, path,
                      error) ||
          !read_text (object, "description", FALSE, MAX_TEXT, &role.description, filename, path,
                      error))
        {
          role_clear (&role);
          return FALSE;
        }

      if (!g_str_equal (role.key, "facilitator") && !g_str_equal (role.key, "presenter") &&
          !g_str_equal (role.key, "consultant"))
        {
          reflect_json_set_error (error, filename, path,
                                  _("“key” is “%s”; a role is facilitator, presenter or consultant"),
                                  role.key);
          role_clear (&role);
          return FALSE;
        }

      if (find_role (self, role.key) != NULL)
        {
          reflect_json_set_error (error, filename, path, _("the role “%s” is listed twice"),
                                  role.key);
          role_clear (&role);
          return FALSE;
        }

      g_array_append_val (self->roles, role);
    }

  if (find_role (self, "facilitator") == NULL)
    {
      reflect_json_set_error (error, filename, "$.roles",
                              _("every model needs a “facilitator” role (the facilitator or chair)"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_reminders (ReflectModel *self,
                JsonObject   *root,
                const char   *filename,
                GError      **error)
{
  g_autoptr(GStrvBuilder) principles = g_strv_builder_new ();
  GError *local_error = NULL;
  JsonArray *array;

  array = reflect_json_get_array (root, "reminders", FALSE, filename, "$", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.reminders[%u]", i);
      JsonObject *object = reflect_json_require_object (json_array_get_element (array, i),
                                                        filename, path, error);
      Reminder reminder = { NULL, NULL };

      if (object == NULL)
        return FALSE;

      if (!read_text (object, "title", TRUE, 200, &reminder.title, filename, path, error) ||
          !read_text (object, "body", TRUE, MAX_TEXT, &reminder.body, filename, path, error))
        {
          reminder_clear (&reminder);
          return FALSE;
        }
      g_array_append_val (self->reminders, reminder);
    }

  array = reflect_json_get_array (root, "principles", FALSE, filename, "$", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_autofree char *path = g_strdup_printf ("$.principles[%u]", i);
          reflect_json_set_error (error, filename, path, _("a principle must be text in quotes"));
          return FALSE;
        }
      g_strv_builder_add (principles, json_node_get_string (node));
    }
  self->principles = g_strv_builder_end (principles);

  return TRUE;
}

static gboolean
check_stage_roles (ReflectModel       *self,
                   ReflectModelStage  *stage,
                   const char         *filename,
                   const char         *path,
                   GError            **error)
{
  const char * const *lists[] = {
    reflect_model_stage_get_speakers (stage),
    reflect_model_stage_get_listeners (stage),
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && lists[l][i]; i++)
      if (find_role (self, lists[l][i]) == NULL)
        {
          reflect_json_set_error (error, filename, path,
                                  _("the stage names the role “%s”, which this model does not have"),
                                  lists[l][i]);
          return FALSE;
        }

  return TRUE;
}

static gboolean
load_stages (ReflectModel *self,
             JsonObject   *root,
             const char   *filename,
             GError      **error)
{
  JsonArray *array = reflect_json_get_array (root, "stages", TRUE, filename, "$", error);
  guint n;

  if (array == NULL)
    return FALSE;

  n = json_array_get_length (array);
  if (n == 0)
    {
      reflect_json_set_error (error, filename, "$.stages", _("a model needs at least one stage"));
      return FALSE;
    }
  if (n > MAX_STAGES)
    {
      reflect_json_set_error (error, filename, "$.stages",
                              _("a model can have at most %d stages"), MAX_STAGES);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("$.stages[%u]", i);
      g_autoptr(ReflectModelStage) stage = NULL;
      JsonObject *object;

      object = reflect_json_require_object (json_array_get_element (array, i), filename, path,
                                            error);
      if (object == NULL)
        return FALSE;

      stage = reflect_model_stage_new_from_json (object, filename, path, error);
      if (stage == NULL || !check_stage_roles (self, stage, filename, path, error))
        return FALSE;

      if (reflect_model_find_stage (self, reflect_model_stage_get_key (stage)) >= 0)
        {
          reflect_json_set_error (error, filename, path, _("the stage key “%s” is used twice"),
                                  reflect_model_stage_get_key (stage));
          return FALSE;
        }

      g_list_store_append (self->stages, stage);
    }

  return TRUE;
}

static void
reflect_model_finalize (GObject *object)
{
  ReflectModel *self = (ReflectModel *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->based_on, g_free);
  g_clear_pointer (&self->roles, g_array_unref);
  g_clear_pointer (&self->reminders, g_array_unref);
  g_clear_pointer (&self->principles, g_strfreev);
  g_clear_object (&self->stages);

  G_OBJECT_CLASS (reflect_model_parent_class)->finalize (object);
}

static void
reflect_model_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ReflectModel *self = REFLECT_MODEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reflect_model_class_init (ReflectModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reflect_model_finalize;
  object_class->get_property = reflect_model_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
reflect_model_init (ReflectModel *self)
{
  self->roles = g_array_new (FALSE, TRUE, sizeof (Role));
  g_array_set_clear_func (self->roles, role_clear);
  self->reminders = g_array_new (FALSE, TRUE, sizeof (Reminder));
  g_array_set_clear_func (self->reminders, reminder_clear);
  self->stages = g_list_store_new (REFLECT_TYPE_MODEL_STAGE);
}

/**
 * reflect_model_new_from_node:
 * @filename: (nullable): named in error messages
 *
 * Builds a model from the model file format (see `data/models/`), checking
 * every field.  Returns: (transfer full) (nullable): the model, or %NULL
 * with @error naming the file, the JSON path and the fault.
 */
ReflectModel *
reflect_model_new_from_node (JsonNode    *node,
                             const char  *filename,
                             GError     **error)
{
  g_autoptr(ReflectModel) self = g_object_new (REFLECT_TYPE_MODEL, NULL);
  JsonObject *root;
  gint64 format;

  root = reflect_json_require_object (node, filename, "$", error);
  if (root == NULL)
    return NULL;

  if (!reflect_json_get_int (root, "format", 1, 1, &format, filename, "$", error))
    return NULL;

  if (!read_text (root, "id", TRUE, 100, &self->id, filename, "$", error))
    return NULL;
  if (!reflect_json_is_identifier (self->id, FALSE))
    {
      reflect_json_set_error (error, filename, "$.id",
                              _("“%s” is not a valid id; use lower-case letters, digits and hyphens"),
                              self->id);
      return NULL;
    }

  if (!read_text (root, "title", TRUE, 200, &self->title, filename, "$", error) ||
      !read_text (root, "summary", FALSE, 400, &self->summary, filename, "$", error) ||
      !read_text (root, "source", FALSE, 1000, &self->source, filename, "$", error) ||
      !read_text (root, "description", FALSE, MAX_TEXT, &self->description, filename, "$", error) ||
      !read_text (root, "based_on", FALSE, 100, &self->based_on, filename, "$", error) ||
      !load_roles (self, root, filename, error) ||
      !load_reminders (self, root, filename, error) ||
      !load_stages (self, root, filename, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * reflect_model_new_from_data:
 *
 * Parses and validates a model file.  Returns: (transfer full) (nullable)
 */
ReflectModel *
reflect_model_new_from_data (const char  *data,
                             gssize       length,
                             const char  *filename,
                             GError     **error)
{
  g_autoptr(JsonNode) node = reflect_json_parse (data, length, filename, error);

  if (node == NULL)
    return NULL;

  return reflect_model_new_from_node (node, filename, error);
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
 * reflect_model_to_json:
 *
 * Returns: (transfer full): the model in its file format.  Sessions keep
 * this snapshot so that editing a model later never rewrites history.
 */
JsonNode *
reflect_model_to_json (ReflectModel *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_stages;

  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  add_text (builder, "id", self->id);
  add_text (builder, "title", self->title);
  add_text (builder, "summary", self->summary);
  add_text (builder, "source", self->source);
  add_text (builder, "description", self->description);
  add_text (builder, "based_on", self->based_on);

  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->roles->len; i++)
    {
      const Role *role = &g_array_index (self->roles, Role, i);
      json_builder_begin_object (builder);
      add_text (builder, "key", role->key);
      add_text (builder, "title", role->title);
      add_text (builder, "member-title", role->member_title);
      add_text (builder, "description", role->description);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reminders");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->reminders->len; i++)
    {
      const Reminder *reminder = &g_array_index (self->reminders, Reminder, i);
      json_builder_begin_object (builder);
      add_text (builder, "title", reminder->title);
      add_text (builder, "body", reminder->body);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "principles");
  json_builder_begin_array (builder);
  for (guint i = 0; self->principles != NULL && self->principles[i]; i++)
    json_builder_add_string_value (builder, self->principles[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  n_stages = g_list_model_get_n_items (G_LIST_MODEL (self->stages));
  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(ReflectModelStage) stage = g_list_model_get_item (G_LIST_MODEL (self->stages), i);
      json_builder_add_value (builder, reflect_model_stage_to_json (stage));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * reflect_model_to_data:
 *
 * Returns: (transfer full): the model as JSON text.
 */
char *
reflect_model_to_data (ReflectModel *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);

  node = reflect_model_to_json (self);
  return json_to_string (node, FALSE);
}

/**
 * reflect_model_copy_as:
 *
 * Returns: (transfer full): a deep copy with a new @id and @title that
 * remembers which model it was based on; used to make a custom model.
 */
ReflectModel *
reflect_model_copy_as (ReflectModel *self,
                       const char   *id,
                       const char   *title)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  ReflectModel *copy;

  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);
  g_return_val_if_fail (reflect_json_is_identifier (id, FALSE), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  node = reflect_model_to_json (self);
  copy = reflect_model_new_from_node (node, NULL, &error);
  g_assert_no_error (error);

  reflect_set_string (&copy->id, id);
  reflect_set_string (&copy->title, title);
  reflect_set_string (&copy->based_on, self->based_on && *self->based_on ? self->based_on : self->id);

  return copy;
}

/**
 * reflect_model_validate:
 *
 * Checks a model after it has been edited in the app, with the same rules
 * as a model file, so a custom model can never hold what a file could not.
 */
gboolean
reflect_model_validate (ReflectModel  *self,
                        GError       **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(ReflectModel) check = NULL;

  g_return_val_if_fail (REFLECT_IS_MODEL (self), FALSE);

  node = reflect_model_to_json (self);
  check = reflect_model_new_from_node (node, self->title, error);
  return check != NULL;
}

const char *
reflect_model_get_id (ReflectModel *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);
  return self->id;
}

const char *
reflect_model_get_title (ReflectModel *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);
  return self->title;
}

void
reflect_model_set_title (ReflectModel *self,
                         const char   *title)
{
  g_return_if_fail (REFLECT_IS_MODEL (self));
  g_return_if_fail (title != NULL);

  if (reflect_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
reflect_model_get_summary (ReflectModel *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);
  return self->summary;
}

const char *
reflect_model_get_source (ReflectModel *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);
  return self->source;
}

const char *
reflect_model_get_description (ReflectModel *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);
  return self->description;
}

const char *
reflect_model_get_based_on (ReflectModel *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);
  return self->based_on;
}

gboolean
reflect_model_is_custom (ReflectModel *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL (self), FALSE);
  return self->based_on != NULL && *self->based_on != '\0';
}

/**
 * reflect_model_get_stages:
 *
 * Returns: (transfer none): a #GListModel of #ReflectModelStage
 */
GListModel *
reflect_model_get_stages (ReflectModel *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);
  return G_LIST_MODEL (self->stages);
}

guint
reflect_model_get_n_stages (ReflectModel *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->stages));
}

/**
 * reflect_model_get_stage:
 *
 * Returns: (transfer none) (nullable): the stage at @index
 */
ReflectModelStage *
reflect_model_get_stage (ReflectModel *self,
                         guint         index)
{
  g_autoptr(ReflectModelStage) stage = NULL;

  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);

  /* The store keeps its own reference, so handing out a borrowed pointer is safe. */
  stage = g_list_model_get_item (G_LIST_MODEL (self->stages), index);
  return stage;
}

int
reflect_model_find_stage (ReflectModel *self,
                          const char   *key)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stages));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReflectModelStage) stage = g_list_model_get_item (G_LIST_MODEL (self->stages), i);
      if (g_strcmp0 (reflect_model_stage_get_key (stage), key) == 0)
        return (int)i;
    }
  return -1;
}

guint
reflect_model_get_total_minutes (ReflectModel *self)
{
  guint n = reflect_model_get_n_stages (self);
  guint total = 0;

  for (guint i = 0; i < n; i++)
    total += reflect_model_stage_get_minutes (reflect_model_get_stage (self, i));
  return total;
}

gboolean
reflect_model_has_role (ReflectModel *self,
                        const char   *role)
{
  g_return_val_if_fail (REFLECT_IS_MODEL (self), FALSE);
  return find_role (self, role) != NULL;
}

const char *
reflect_model_get_role_title (ReflectModel *self,
                              const char   *role)
{
  const Role *found;

  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);
  found = find_role (self, role);
  return found ? found->title : NULL;
}

/**
 * reflect_model_get_role_member_title:
 *
 * What one person in @role is called, where the role is a group's:
 * "Consultant" of the "Consultants".
 *
 * Returns: (nullable): the name, or the role's title where the model gives
 *   none
 */
const char *
reflect_model_get_role_member_title (ReflectModel *self,
                                     const char   *role)
{
  const Role *found;

  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);
  found = find_role (self, role);
  if (found == NULL)
    return NULL;
  return found->member_title[0] != '\0' ? found->member_title : found->title;
}

const char *
reflect_model_get_role_description (ReflectModel *self,
                                    const char   *role)
{
  const Role *found;

  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);
  found = find_role (self, role);
  return found ? found->description : NULL;
}

guint
reflect_model_get_n_reminders (ReflectModel *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL (self), 0);
  return self->reminders->len;
}

const char *
reflect_model_get_reminder_title (ReflectModel *self,
                                  guint         index)
{
  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);
  g_return_val_if_fail (index < self->reminders->len, NULL);
  return g_array_index (self->reminders, Reminder, index).title;
}

const char *
reflect_model_get_reminder_body (ReflectModel *self,
                                 guint         index)
{
  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);
  g_return_val_if_fail (index < self->reminders->len, NULL);
  return g_array_index (self->reminders, Reminder, index).body;
}

const char * const *
reflect_model_get_principles (ReflectModel *self)
{
  g_return_val_if_fail (REFLECT_IS_MODEL (self), NULL);
  return (const char * const *)self->principles;
}

/**
 * reflect_model_has_areas:
 *
 * Whether the stages are grouped into areas (SPR), in which case the
 * Facilitate view charts the balance of attention between them.
 */
gboolean
reflect_model_has_areas (ReflectModel *self)
{
  guint n = reflect_model_get_n_stages (self);

  for (guint i = 0; i < n; i++)
    {
      const char *area = reflect_model_stage_get_area (reflect_model_get_stage (self, i));
      if (area != NULL && *area != '\0')
        return TRUE;
    }
  return FALSE;
}
