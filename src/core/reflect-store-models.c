/* reflect-store-models.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-store-models"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-store-models.h"
#include "reflect-store-private.h"
#include "reflect-utils.h"

/* Custom models are edited by people, not written as files, so their
 * faults are told as a person would fix them ("Stage 3 (Offload): the
 * duration must be from 1 to 1440 minutes") rather than as JSON paths.
 * The model file loader still has the last word: a custom model can never
 * hold what a shipped file could not.
 *
 * A session stores a snapshot of its model, so editing or deleting a
 * custom model never changes a session that has used it. */

#define MAX_TITLE 200
#define MAX_TEXT 4000
#define MAX_STAGES 50
#define MAX_MINUTES (24 * 60)
#define MAX_BASE_ID 80

static gboolean
fail (ReflectModelProblem  *problem,
      ReflectModelField     field,
      int                   stage,
      GError              **error,
      const char           *message)
{
  if (problem != NULL)
    {
      problem->field = field;
      problem->stage = stage;
    }
  g_set_error_literal (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_INVALID, message);
  return FALSE;
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
too_long (const char *text,
          glong       max)
{
  return text != NULL && g_utf8_strlen (text, -1) > max;
}

static gboolean
check_stage (JsonObject           *stage,
             guint                 index,
             ReflectModelProblem  *problem,
             GError              **error)
{
  const char *title = member_string (stage, "title");
  g_autofree char *where = NULL;
  g_autofree char *message = NULL;
  JsonNode *minutes = json_object_get_member (stage, "minutes");
  JsonArray *speakers = NULL;

  if (reflect_string_is_blank (title))
    {
      /* Translators: %u is the stage's position, counting from 1 */
      message = g_strdup_printf (_("Stage %u: give the stage a title."), index + 1);
      return fail (problem, REFLECT_MODEL_FIELD_STAGE_TITLE, index, error, message);
    }

  /* Translators: how a stage is named in a message: its position and title */
  where = g_strdup_printf (_("Stage %u (%s)"), index + 1, title);

  if (too_long (title, MAX_TITLE))
    {
      /* Translators: %s is a stage, e.g. “Stage 3 (Group exploration)” */
      message = g_strdup_printf (_("%s: the title is longer than %d characters."), where,
                                 MAX_TITLE);
      return fail (problem, REFLECT_MODEL_FIELD_STAGE_TITLE, index, error, message);
    }

  if (minutes == NULL || !JSON_NODE_HOLDS_VALUE (minutes) ||
      json_node_get_value_type (minutes) != G_TYPE_INT64 ||
      json_node_get_int (minutes) < 1 || json_node_get_int (minutes) > MAX_MINUTES)
    {
      /* Translators: %s is a stage, e.g. “Stage 3 (Group exploration)” */
      message = g_strdup_printf (_("%s: the duration must be from 1 to %d minutes."), where,
                                 MAX_MINUTES);
      return fail (problem, REFLECT_MODEL_FIELD_STAGE_MINUTES, index, error, message);
    }

  if (json_object_has_member (stage, "speakers") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (stage, "speakers")))
    speakers = json_object_get_array_member (stage, "speakers");
  if (speakers == NULL || json_array_get_length (speakers) == 0)
    {
      /* Translators: %s is a stage, e.g. “Stage 3 (Group exploration)” */
      message = g_strdup_printf (_("%s: choose who speaks."), where);
      return fail (problem, REFLECT_MODEL_FIELD_STAGE_SPEAKERS, index, error, message);
    }

  if (too_long (member_string (stage, "who"), MAX_TEXT))
    {
      /* Translators: %s is a stage, e.g. “Stage 3 (Group exploration)” */
      message = g_strdup_printf (_("%s: “who speaks, in words” is longer than %d characters."),
                                 where, MAX_TEXT);
      return fail (problem, REFLECT_MODEL_FIELD_STAGE_WHO, index, error, message);
    }

  if (too_long (member_string (stage, "prompt"), MAX_TEXT))
    {
      /* Translators: %s is a stage, e.g. “Stage 3 (Group exploration)” */
      message = g_strdup_printf (_("%s: the facilitator’s prompt is longer than %d characters."),
                                 where, MAX_TEXT);
      return fail (problem, REFLECT_MODEL_FIELD_STAGE_PROMPT, index, error, message);
    }

  return TRUE;
}

/**
 * reflect_custom_model_new_from_draft:
 * @draft: a model in the model file format, as an editor built it
 * @problem: (out caller-allocates) (optional): which field is at fault
 *
 * Checks what a person edited and builds the model.  The message in
 * @error names the stage and the field, in words.
 *
 * Returns: (transfer full) (nullable): the model, or %NULL with @error
 */
ReflectModel *
reflect_custom_model_new_from_draft (JsonNode             *draft,
                                     ReflectModelProblem  *problem,
                                     GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  ReflectModel *model;
  JsonObject *root;
  JsonNode *stages;
  const char *title;
  guint n_stages;

  g_return_val_if_fail (draft != NULL, NULL);

  if (problem != NULL)
    {
      problem->field = REFLECT_MODEL_FIELD_NONE;
      problem->stage = -1;
    }

  if (!JSON_NODE_HOLDS_OBJECT (draft))
    {
      fail (problem, REFLECT_MODEL_FIELD_NONE, -1, error, _("The model is not a model."));
      return NULL;
    }
  root = json_node_get_object (draft);

  title = member_string (root, "title");
  if (reflect_string_is_blank (title))
    {
      fail (problem, REFLECT_MODEL_FIELD_TITLE, -1, error, _("Give the model a title."));
      return NULL;
    }
  if (too_long (title, MAX_TITLE))
    {
      g_autofree char *message = g_strdup_printf (_("The model’s title is longer than %d characters."),
                                                  MAX_TITLE);
      fail (problem, REFLECT_MODEL_FIELD_TITLE, -1, error, message);
      return NULL;
    }

  stages = json_object_get_member (root, "stages");
  n_stages = stages != NULL && JSON_NODE_HOLDS_ARRAY (stages)
             ? json_array_get_length (json_node_get_array (stages)) : 0;
  if (n_stages == 0)
    {
      fail (problem, REFLECT_MODEL_FIELD_STAGES, -1, error,
            _("A model needs at least one stage. Add a stage."));
      return NULL;
    }
  if (n_stages > MAX_STAGES)
    {
      g_autofree char *message = g_strdup_printf (_("A model can have at most %d stages."),
                                                  MAX_STAGES);
      fail (problem, REFLECT_MODEL_FIELD_STAGES, -1, error, message);
      return NULL;
    }

  for (guint i = 0; i < n_stages; i++)
    {
      JsonNode *stage = json_array_get_element (json_node_get_array (stages), i);

      if (!JSON_NODE_HOLDS_OBJECT (stage))
        break; /* the loader below names it */
      if (!check_stage (json_node_get_object (stage), i, problem, error))
        return NULL;
    }

  model = reflect_model_new_from_node (draft, title, &local_error);
  if (model == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The model could not be saved: %s"),
                                                  local_error->message);
      fail (problem, REFLECT_MODEL_FIELD_NONE, -1, error, message);
      return NULL;
    }

  return model;
}

static gboolean
custom_id_is_taken (ReflectStore *self,
                    const char   *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = reflect_store_prepare (self, "SELECT 1 FROM custom_models WHERE id = ?1", &error);
  if (stmt == NULL)
    {
      /* Taking the id as used only means the next one is tried. */
      g_warning ("%s", error->message);
      return TRUE;
    }
  reflect_store_bind_text (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * reflect_store_make_custom_model_id:
 * @catalog: (nullable): the models on offer, whose ids are also taken
 * @source: the model being copied
 *
 * Returns: (transfer full): an id no model has: the id of the model that
 * @source is based on, then “-copy”, “-copy-2”, and so on.
 */
char *
reflect_store_make_custom_model_id (ReflectStore   *self,
                                    ReflectCatalog *catalog,
                                    ReflectModel   *source)
{
  const char *based_on;
  g_autofree char *base = NULL;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);
  g_return_val_if_fail (REFLECT_IS_MODEL (source), NULL);

  based_on = reflect_model_get_based_on (source);
  if (reflect_string_is_blank (based_on))
    based_on = reflect_model_get_id (source);

  /* Room for “-copy-NNNN” within the 100 characters an id may have. */
  base = g_strndup (based_on, MAX_BASE_ID);

  for (guint n = 1; ; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup_printf ("%s-copy", base)
                                   : g_strdup_printf ("%s-copy-%u", base, n);

      if ((catalog == NULL || reflect_catalog_find_model (catalog, id) == NULL) &&
          !custom_id_is_taken (self, id))
        return g_steal_pointer (&id);
    }
}

/**
 * reflect_store_copy_model:
 *
 * Makes an unsaved copy of @source with a new id and a title that says
 * it is a copy, ready to be edited and saved.
 *
 * Returns: (transfer full): the copy
 */
ReflectModel *
reflect_store_copy_model (ReflectStore   *self,
                          ReflectCatalog *catalog,
                          ReflectModel   *source)
{
  g_autofree char *id = NULL;
  g_autofree char *short_title = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);
  g_return_val_if_fail (REFLECT_IS_MODEL (source), NULL);

  id = reflect_store_make_custom_model_id (self, catalog, source);
  /* GLib 2.74's g_utf8_substring() reads past the end if asked for more
   * characters than there are, so clamp first. */
  short_title = g_utf8_substring (reflect_model_get_title (source), 0,
                                  MIN (g_utf8_strlen (reflect_model_get_title (source), -1),
                                       MAX_TITLE - 20));
  /* Translators: the title of a copy of a session model */
  title = g_strdup_printf (_("%s (copy)"), short_title);

  return reflect_model_copy_as (source, id, title);
}

/**
 * reflect_store_save_custom_model:
 *
 * Stores a custom model, replacing the one with the same id.  Reload the
 * catalog afterwards to offer it.  A shipped model is refused: copy it.
 */
gboolean
reflect_store_save_custom_model (ReflectStore  *self,
                                 ReflectModel  *model,
                                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);
  g_return_val_if_fail (REFLECT_IS_MODEL (model), FALSE);

  if (!reflect_model_is_custom (model) ||
      g_strcmp0 (reflect_model_get_id (model), reflect_model_get_based_on (model)) == 0)
    {
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_INVALID,
                   _("“%s” is a model that comes with Reflect and cannot be changed. Copy it and edit the copy."),
                   reflect_model_get_title (model));
      return FALSE;
    }

  if (!reflect_model_validate (model, error))
    return FALSE;

  json = reflect_model_to_data (model);
  stmt = reflect_store_prepare (self,
    "INSERT INTO custom_models (id, json, updated_at) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at",
    error);
  if (stmt == NULL)
    return FALSE;

  reflect_store_bind_text (stmt, 1, reflect_model_get_id (model));
  reflect_store_bind_text (stmt, 2, json);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  return reflect_store_step_done (self, stmt, error);
}

/**
 * reflect_store_list_custom_models:
 *
 * Returns: (transfer full) (nullable): the stored custom models
 * (#ReflectModel), by id; a row that no longer loads is left out with a
 * warning
 */
GListModel *
reflect_store_list_custom_models (ReflectStore  *self,
                                  GError       **error)
{
  g_autoptr(GListStore) models = g_list_store_new (REFLECT_TYPE_MODEL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  stmt = reflect_store_prepare (self, "SELECT id, json FROM custom_models ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(ReflectModel) model = NULL;

      model = reflect_model_new_from_data (reflect_store_column_text (stmt, 1), -1,
                                           reflect_store_column_text (stmt, 0), &local_error);
      if (model == NULL)
        g_warning ("%s", local_error->message);
      else
        g_list_store_append (models, model);
    }

  if (rc != SQLITE_DONE)
    {
      reflect_store_set_error (self, error, _("Could not read the custom models"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&models));
}

/**
 * reflect_store_delete_custom_model:
 *
 * Deletes a custom model.  Sessions that used it keep their own copy.
 */
gboolean
reflect_store_delete_custom_model (ReflectStore  *self,
                                   const char    *id,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = reflect_store_prepare (self, "DELETE FROM custom_models WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  reflect_store_bind_text (stmt, 1, id);
  if (!reflect_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (reflect_store_get_db (self)) == 0)
    {
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_NOT_FOUND,
                   _("There is no custom model “%s”; it may have been deleted already."), id);
      return FALSE;
    }
  return TRUE;
}
