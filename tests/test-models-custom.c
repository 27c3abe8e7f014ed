/* test-models-custom.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reflect-catalog.h"
#include "reflect-session.h"
#include "reflect-store-models.h"
#include "reflect-test-store.h"

typedef ReflectTestStore Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  reflect_test_store_open (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  reflect_test_store_close (f);
}

static ReflectModel *
copy_and_save (Fixture    *f,
               const char *source_id)
{
  g_autoptr(GError) error = NULL;
  ReflectModel *copy;

  copy = reflect_store_copy_model (f->store, f->catalog,
                                   reflect_catalog_find_model (f->catalog, source_id));
  g_assert_true (reflect_store_save_custom_model (f->store, copy, &error));
  g_assert_no_error (error);
  reflect_catalog_reload (f->catalog);
  return copy;
}

/* A draft as the editor builds it: the model's JSON, with the stages a
 * person may have changed. */
static JsonNode *
draft_of (ReflectModel *model)
{
  return reflect_model_to_json (model);
}

static JsonObject *
draft_stage (JsonNode *draft,
             guint     index)
{
  JsonArray *stages = json_object_get_array_member (json_node_get_object (draft), "stages");
  return json_array_get_object_element (stages, index);
}

static void
test_copy_edit_save_reload (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectModel) copy = NULL;
  g_autoptr(ReflectModel) edited = NULL;
  g_autoptr(JsonNode) draft = NULL;
  g_autoptr(GListModel) custom = NULL;
  ReflectModel *offered;
  ReflectModelProblem problem;
  guint n_shipped = g_list_model_get_n_items (reflect_catalog_get_models (f->catalog));
  guint n_stages;

  copy = reflect_store_copy_model (f->store, f->catalog,
                                   reflect_catalog_find_model (f->catalog, "space-to-think"));
  g_assert_cmpstr (reflect_model_get_id (copy), ==, "space-to-think-copy");
  g_assert_cmpstr (reflect_model_get_based_on (copy), ==, "space-to-think");
  g_assert_true (reflect_model_is_custom (copy));

  /* Change the title, a stage's title, duration, speakers and prompt, and
   * remove the last stage. */
  draft = draft_of (copy);
  json_object_set_string_member (json_node_get_object (draft), "title", "Space to Think, short");
  json_object_set_string_member (draft_stage (draft, 2), "title", "Exploring together");
  json_object_set_int_member (draft_stage (draft, 2), "minutes", 7);
  json_object_set_string_member (draft_stage (draft, 2), "prompt", "Ask open questions.");
  {
    JsonArray *speakers = json_array_new ();
    json_array_add_string_element (speakers, "consultant");
    json_object_set_array_member (draft_stage (draft, 2), "speakers", speakers);
  }
  n_stages = reflect_model_get_n_stages (copy);
  json_array_remove_element (json_object_get_array_member (json_node_get_object (draft), "stages"),
                             n_stages - 1);

  edited = reflect_custom_model_new_from_draft (draft, &problem, &error);
  g_assert_no_error (error);
  g_assert_nonnull (edited);
  g_assert_true (reflect_store_save_custom_model (f->store, edited, &error));
  g_assert_no_error (error);

  reflect_catalog_reload (f->catalog);
  g_assert_cmpuint (g_list_model_get_n_items (reflect_catalog_get_models (f->catalog)), ==,
                    n_shipped + 1);
  offered = reflect_catalog_find_model (f->catalog, "space-to-think-copy");
  g_assert_nonnull (offered);
  g_assert_cmpstr (reflect_model_get_title (offered), ==, "Space to Think, short");
  g_assert_cmpuint (reflect_model_get_n_stages (offered), ==, n_stages - 1);
  g_assert_cmpstr (reflect_model_stage_get_title (reflect_model_get_stage (offered, 2)), ==,
                   "Exploring together");
  g_assert_cmpuint (reflect_model_stage_get_minutes (reflect_model_get_stage (offered, 2)), ==, 7);
  g_assert_cmpstr (reflect_model_stage_get_prompt (reflect_model_get_stage (offered, 2)), ==,
                   "Ask open questions.");
  g_assert_cmpstrv (reflect_model_stage_get_speakers (reflect_model_get_stage (offered, 2)),
                    ((const char *[]) { "consultant", NULL }));

  /* The shipped model is untouched. */
  g_assert_cmpstr (reflect_model_stage_get_title (reflect_model_get_stage (
                     reflect_catalog_find_model (f->catalog, "space-to-think"), 2)), ==,
                   "Group exploration");

  custom = reflect_store_list_custom_models (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (custom), ==, 1);
}

static void
test_copy_ids_are_unique (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ReflectModel) first = copy_and_save (f, "morrison");
  g_autoptr(ReflectModel) second = copy_and_save (f, "morrison");
  g_autoptr(ReflectModel) of_copy = copy_and_save (f, "morrison-copy");

  g_assert_cmpstr (reflect_model_get_id (first), ==, "morrison-copy");
  g_assert_cmpstr (reflect_model_get_id (second), ==, "morrison-copy-2");
  /* A copy of a copy is still based on the shipped model. */
  g_assert_cmpstr (reflect_model_get_id (of_copy), ==, "morrison-copy-3");
  g_assert_cmpstr (reflect_model_get_based_on (of_copy), ==, "morrison");
  g_assert_nonnull (reflect_catalog_find_model (f->catalog, "morrison-copy-3"));
}

static void
test_shipped_model_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ReflectModel *shipped = reflect_catalog_find_model (f->catalog, "durham");

  g_assert_false (reflect_store_save_custom_model (f->store, shipped, &error));
  g_assert_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Copy it"));
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectModel) copy = copy_and_save (f, "spr");

  g_assert_nonnull (reflect_catalog_find_model (f->catalog, "spr-copy"));
  g_assert_true (reflect_store_delete_custom_model (f->store, "spr-copy", &error));
  g_assert_no_error (error);
  reflect_catalog_reload (f->catalog);
  g_assert_null (reflect_catalog_find_model (f->catalog, "spr-copy"));

  g_assert_false (reflect_store_delete_custom_model (f->store, "spr-copy", &error));
  g_assert_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_NOT_FOUND);
}

static void
assert_refused (JsonNode          *draft,
                ReflectModelField  field,
                int                stage,
                const char        *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectModel) model = NULL;
  ReflectModelProblem problem = { REFLECT_MODEL_FIELD_NONE, -2 };

  model = reflect_custom_model_new_from_draft (draft, &problem, &error);
  g_assert_null (model);
  g_assert_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpint (problem.field, ==, field);
  g_assert_cmpint (problem.stage, ==, stage);
}

static void
test_refusals_name_the_field (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(ReflectModel) copy = NULL;

  copy = reflect_store_copy_model (f->store, f->catalog,
                                   reflect_catalog_find_model (f->catalog, "space-to-think"));

  {
    g_autoptr(JsonNode) draft = draft_of (copy);
    json_object_set_int_member (draft_stage (draft, 2), "minutes", 0);
    assert_refused (draft, REFLECT_MODEL_FIELD_STAGE_MINUTES, 2,
                    "Stage 3 (Group exploration): the duration must be from 1 to 1440 minutes.");
  }
  {
    g_autoptr(JsonNode) draft = draft_of (copy);
    json_object_set_int_member (draft_stage (draft, 0), "minutes", -5);
    assert_refused (draft, REFLECT_MODEL_FIELD_STAGE_MINUTES, 0,
                    "Stage 1 (Offload): the duration must be from 1 to 1440 minutes.");
  }
  {
    g_autoptr(JsonNode) draft = draft_of (copy);
    json_object_set_int_member (draft_stage (draft, 5), "minutes", 24 * 60 + 1);
    assert_refused (draft, REFLECT_MODEL_FIELD_STAGE_MINUTES, 5,
                    "Stage 6 (Summary and next steps): the duration must be from 1 to 1440 minutes.");
  }
  {
    g_autoptr(JsonNode) draft = draft_of (copy);
    json_object_set_string_member (draft_stage (draft, 1), "minutes", "three");
    assert_refused (draft, REFLECT_MODEL_FIELD_STAGE_MINUTES, 1,
                    "Stage 2 (Checking of facts): the duration must be from 1 to 1440 minutes.");
  }
  {
    g_autoptr(JsonNode) draft = draft_of (copy);
    json_object_set_array_member (json_node_get_object (draft), "stages", json_array_new ());
    assert_refused (draft, REFLECT_MODEL_FIELD_STAGES, -1,
                    "A model needs at least one stage. Add a stage.");
  }
  {
    g_autoptr(JsonNode) draft = draft_of (copy);
    json_object_set_string_member (json_node_get_object (draft), "title", "   ");
    assert_refused (draft, REFLECT_MODEL_FIELD_TITLE, -1, "Give the model a title.");
  }
  {
    g_autoptr(JsonNode) draft = draft_of (copy);
    json_object_set_string_member (draft_stage (draft, 3), "title", "");
    assert_refused (draft, REFLECT_MODEL_FIELD_STAGE_TITLE, 3,
                    "Stage 4: give the stage a title.");
  }
  {
    g_autoptr(JsonNode) draft = draft_of (copy);
    json_object_set_array_member (draft_stage (draft, 4), "speakers", json_array_new ());
    assert_refused (draft, REFLECT_MODEL_FIELD_STAGE_SPEAKERS, 4,
                    "Stage 5 (Purposeful reflection): choose who speaks.");
  }
  {
    g_autoptr(JsonNode) draft = draft_of (copy);
    g_autofree char *prompt = g_strnfill (4001, 'a');
    json_object_set_string_member (draft_stage (draft, 0), "prompt", prompt);
    assert_refused (draft, REFLECT_MODEL_FIELD_STAGE_PROMPT, 0,
                    "Stage 1 (Offload): the facilitator’s prompt is longer than 4000 characters.");
  }
  {
    /* What the editor does not check, the model loader still does. */
    g_autoptr(JsonNode) draft = draft_of (copy);
    json_object_set_string_member (draft_stage (draft, 1), "key", "offload");
    assert_refused (draft, REFLECT_MODEL_FIELD_NONE, -1,
                    "The model could not be saved: Space to Think (copy): $.stages[1]: "
                    "the stage key “offload” is used twice");
  }
}

static void
test_session_keeps_its_stages (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectModel) copy = copy_and_save (f, "space-to-think");
  g_autoptr(ReflectSession) session = NULL;
  g_autoptr(ReflectSession) loaded = NULL;
  g_autoptr(ReflectModel) edited = NULL;
  g_autoptr(JsonNode) draft = NULL;
  ReflectModel *snapshot;

  session = reflect_session_new (reflect_catalog_find_model (f->catalog, "space-to-think-copy"));
  reflect_session_set_case_ref (session, "CUSTOM-1");
  g_assert_true (reflect_store_create_session (f->store, session, &error));
  g_assert_no_error (error);

  /* Edit the custom model afterwards: fewer, longer stages. */
  draft = draft_of (reflect_catalog_find_model (f->catalog, "space-to-think-copy"));
  json_object_set_int_member (draft_stage (draft, 0), "minutes", 60);
  json_array_remove_element (json_object_get_array_member (json_node_get_object (draft), "stages"),
                             1);
  edited = reflect_custom_model_new_from_draft (draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (reflect_store_save_custom_model (f->store, edited, &error));
  g_assert_no_error (error);
  reflect_catalog_reload (f->catalog);
  g_assert_cmpuint (reflect_model_get_n_stages (
                      reflect_catalog_find_model (f->catalog, "space-to-think-copy")), ==, 5);

  loaded = reflect_store_load_session (f->store, reflect_session_get_id (session), &error);
  g_assert_no_error (error);
  snapshot = reflect_session_get_model (loaded);
  g_assert_nonnull (snapshot);
  g_assert_cmpuint (reflect_model_get_n_stages (snapshot), ==, 6);
  g_assert_cmpuint (reflect_model_stage_get_minutes (reflect_model_get_stage (snapshot, 0)), ==, 5);
  g_assert_cmpuint (reflect_model_get_total_minutes (snapshot), ==, 35);

  /* Deleting the model leaves the session as it was. */
  g_assert_true (reflect_store_delete_custom_model (f->store, "space-to-think-copy", &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = reflect_store_load_session (f->store, reflect_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reflect_model_get_n_stages (reflect_session_get_model (loaded)), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/models/custom/copy-edit-save-reload", test_copy_edit_save_reload);
  ADD ("/models/custom/copy-ids-are-unique", test_copy_ids_are_unique);
  ADD ("/models/custom/shipped-model-refused", test_shipped_model_refused);
  ADD ("/models/custom/delete", test_delete);
  ADD ("/models/custom/refusals-name-the-field", test_refusals_name_the_field);
  ADD ("/models/custom/session-keeps-its-stages", test_session_keeps_its_stages);

  return g_test_run ();
}
