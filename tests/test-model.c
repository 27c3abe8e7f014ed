/* test-model.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reflect-catalog.h"
#include "reflect-model.h"

static ReflectModel *
load_shipped (const char *id)
{
  g_autoptr(ReflectCatalog) catalog = reflect_catalog_new (NULL);
  ReflectModel *model = reflect_catalog_find_model (catalog, id);

  g_assert_nonnull (model);
  return g_object_ref (model);
}

static void
test_shipped_all_valid (void)
{
  g_autoptr(ReflectCatalog) catalog = reflect_catalog_new (NULL);
  const char * const *errors = reflect_catalog_get_errors (catalog);

  g_assert_cmpstr (errors[0], ==, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (reflect_catalog_get_models (catalog)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (reflect_catalog_get_banks (catalog)), ==, 3);
  g_assert_nonnull (reflect_catalog_find_model (catalog, "morrison"));
  g_assert_nonnull (reflect_catalog_find_model (catalog, "spr"));
  g_assert_nonnull (reflect_catalog_find_model (catalog, "durham"));
}

static void
test_space_to_think_stages (void)
{
  g_autoptr(ReflectModel) model = load_shipped ("space-to-think");
  const char *titles[] = { "Offload", "Checking of facts", "Group exploration",
                           "Sharing of strengths", "Purposeful reflection",
                           "Summary and next steps" };
  const guint minutes[] = { 5, 3, 10, 2, 10, 5 };

  g_assert_cmpuint (reflect_model_get_n_stages (model), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      ReflectModelStage *stage = reflect_model_get_stage (model, i);
      g_assert_cmpstr (reflect_model_stage_get_title (stage), ==, titles[i]);
      g_assert_cmpuint (reflect_model_stage_get_minutes (stage), ==, minutes[i]);
    }
  g_assert_cmpuint (reflect_model_get_total_minutes (model), ==, 35);

  /* Offload: only the Case Presenter speaks. */
  g_assert_cmpstrv (reflect_model_stage_get_speakers (reflect_model_get_stage (model, 0)),
                    ((const char *[]) { "presenter", NULL }));
  /* Purposeful reflection: the Case Presenter listens. */
  g_assert_true (g_strv_contains (reflect_model_stage_get_listeners (reflect_model_get_stage (model, 4)),
                                  "presenter"));
  g_assert_cmpstr (reflect_model_get_role_title (model, "presenter"), ==, "Case Presenter");
  g_assert_cmpuint (reflect_model_get_n_reminders (model), >=, 2);

  /* The group is the Consultants; one person in it is a Consultant.  A
   * role a single person holds has no other name. */
  g_assert_cmpstr (reflect_model_get_role_title (model, "consultant"), ==, "Consultants");
  g_assert_cmpstr (reflect_model_get_role_member_title (model, "consultant"), ==, "Consultant");
  g_assert_cmpstr (reflect_model_get_role_member_title (model, "presenter"), ==,
                   "Case Presenter");
  g_assert_null (reflect_model_get_role_member_title (model, "nobody"));
}

static void
test_morrison_has_chair_and_no_presenter (void)
{
  g_autoptr(ReflectModel) model = load_shipped ("morrison");

  g_assert_cmpstr (reflect_model_get_role_title (model, "facilitator"), ==, "Chair");
  g_assert_false (reflect_model_has_role (model, "presenter"));
  g_assert_cmpuint (reflect_model_get_n_stages (model), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (reflect_model_stage_get_summary_prompt (reflect_model_get_stage (model, i)),
                     !=, "");
}

static void
test_roundtrip (void)
{
  g_autoptr(ReflectModel) model = load_shipped ("spr");
  g_autofree char *data = reflect_model_to_data (model);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectModel) again = reflect_model_new_from_data (data, -1, "again", &error);
  g_autofree char *data_again = NULL;

  g_assert_no_error (error);
  data_again = reflect_model_to_data (again);
  g_assert_cmpstr (data, ==, data_again);
  g_assert_true (reflect_model_has_areas (again));
}

static void
test_copy_as_custom (void)
{
  g_autoptr(ReflectModel) model = load_shipped ("space-to-think");
  g_autoptr(ReflectModel) copy = reflect_model_copy_as (model, "my-model", "My model");

  g_assert_cmpstr (reflect_model_get_id (copy), ==, "my-model");
  g_assert_cmpstr (reflect_model_get_based_on (copy), ==, "space-to-think");
  g_assert_true (reflect_model_is_custom (copy));
  g_assert_false (reflect_model_is_custom (model));

  /* A copy keeps what one person in a role is called. */
  g_assert_cmpstr (reflect_model_get_role_member_title (copy, "consultant"), ==, "Consultant");

  reflect_model_stage_set_minutes (reflect_model_get_stage (copy, 0), 7);
  g_assert_cmpuint (reflect_model_stage_get_minutes (reflect_model_get_stage (model, 0)), ==, 5);
  g_assert_true (reflect_model_validate (copy, NULL));
}

typedef struct
{
  const char *json;
  const char *expected;  /* a part of the message that names the place */
} BadModel;

#define HEAD "{\"format\":1,\"id\":\"m\",\"title\":\"M\",\"roles\":[{\"key\":\"facilitator\",\"title\":\"F\"}],"

static void
test_rejects_bad_files (void)
{
  const BadModel cases[] = {
    { "[]", "bad.json: $: expected an object" },
    { "{\"format\":2}", "“format” is 2" },
    { HEAD "\"stages\":[]}", "$.stages: a model needs at least one stage" },
    { HEAD "\"stages\":[{\"key\":\"a\",\"title\":\"A\",\"minutes\":0}]}",
      "$.stages[0]: “minutes” is 0" },
    { HEAD "\"stages\":[{\"key\":\"a\",\"title\":\"A\",\"minutes\":-5}]}",
      "$.stages[0]: “minutes” is -5" },
    { HEAD "\"stages\":[{\"key\":\"a\",\"title\":\"A\",\"minutes\":1441}]}",
      "$.stages[0]: “minutes” is 1441" },
    { HEAD "\"stages\":[{\"key\":\"a\",\"title\":\"A\",\"minutes\":\"5\"}]}",
      "$.stages[0]: “minutes” must be a whole number" },
    { HEAD "\"stages\":[{\"key\":\"a\",\"title\":\"\",\"minutes\":5}]}",
      "$.stages[0]: “title” is empty" },
    { HEAD "\"stages\":[{\"key\":\"a\",\"title\":\"A\",\"minutes\":5},"
      "{\"key\":\"a\",\"title\":\"B\",\"minutes\":5}]}",
      "$.stages[1]: the stage key “a” is used twice" },
    { HEAD "\"stages\":[{\"key\":\"a\",\"title\":\"A\",\"minutes\":5,\"speakers\":[\"presenter\"]}]}",
      "$.stages[0]: the stage names the role “presenter”" },
    { HEAD "\"stages\":[{\"key\":\"a\",\"title\":\"A\",\"minutes\":5,\"speakers\":[\"boss\"]}]}",
      "“speakers”[0] is “boss”" },
    { "{\"format\":1,\"id\":\"m\",\"title\":\"M\",\"roles\":[],\"stages\":[]}",
      "$.roles: every model needs a “facilitator” role" },
    { "{\"format\":1,\"id\":\"Bad Id\",\"title\":\"M\"}", "$.id: “Bad Id” is not a valid id" },
    { "{\"format\":1,\"id\":\"m\",\"title\":\"M\",\"roles\":[{\"key\":\"facilitator\",\"title\":\"F\"}]}",
      "$: “stages” is missing" },
    { "{\"format\":1,", "bad.json: line" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ReflectModel) model = reflect_model_new_from_data (cases[i].json, -1, "bad.json",
                                                                   &error);

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_null (model);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[i].expected) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].expected);
      g_assert_true (g_str_has_prefix (error->message, "bad.json: "));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/shipped/all-valid", test_shipped_all_valid);
  g_test_add_func ("/model/shipped/space-to-think", test_space_to_think_stages);
  g_test_add_func ("/model/shipped/morrison", test_morrison_has_chair_and_no_presenter);
  g_test_add_func ("/model/roundtrip", test_roundtrip);
  g_test_add_func ("/model/copy-as-custom", test_copy_as_custom);
  g_test_add_func ("/model/rejects-bad-files", test_rejects_bad_files);

  return g_test_run ();
}
