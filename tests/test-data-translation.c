/* test-data-translation.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 9: the text of the data built into Reflect (models, question banks,
 * glossary, agencies) is shown in the user's language; what a person wrote
 * or imported is shown as written.
 *
 * The build writes a pseudo-translation of po/reflect-data.pot's strings
 * for a made-up language "xx" (build-aux/extract-data-strings.py --pseudo,
 * then msgfmt): every msgid becomes "⟦xx msgid⟧".  Each shown field of each
 * built-in file is compared with the file read untranslated, so a field
 * the script extracts but the loaders do not translate (or the other way
 * round) fails here. */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "reflect-catalog.h"
#include "reflect-glossary.h"
#include "reflect-json.h"
#include "reflect-schedule.h"
#include "reflect-session.h"
#include "reflect-store.h"
#include "reflect-store-models.h"
#include "reflect-store-people.h"
#include "reflect-store-questions.h"
#include "reflect-test-store.h"

#define LANG_CODE "xx"

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

/* @shown is the pseudo-translation of @original ("" stays ""). */
#define assert_translated(shown, original)                                          \
  G_STMT_START {                                                                    \
    const char *o_ = (original);                                                    \
    g_autofree char *expected_ = (o_ == NULL || *o_ == '\0')                         \
                                   ? g_strdup (o_)                                  \
                                   : g_strdup_printf ("⟦" LANG_CODE " %s⟧", o_);    \
    g_assert_cmpstr ((shown), ==, expected_);                                       \
  } G_STMT_END

/* A file of the resource: "glossary.json", "models/spr.json". */
static GBytes *
lookup_resource (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/", name, NULL);
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

/* The built-in files of a resource folder, by name. */
static GStrv
list_resources (const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/", folder, "/", NULL);
  GStrv names = g_resources_enumerate_children (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), >, 0);
  return names;
}

static ReflectModel *
load_original_model (const char *name)
{
  g_autoptr(GBytes) bytes = lookup_resource (name);
  g_autoptr(GError) error = NULL;
  ReflectModel *model = reflect_model_new_from_data (g_bytes_get_data (bytes, NULL),
                                                     g_bytes_get_size (bytes), name, &error);

  g_assert_no_error (error);
  return model;
}

static void
assert_model_translated (ReflectModel *shown,
                         ReflectModel *original)
{
  static const char * const roles[] = { "facilitator", "presenter", "consultant" };
  const char * const *shown_principles = reflect_model_get_principles (shown);
  const char * const *original_principles = reflect_model_get_principles (original);

  g_assert_cmpstr (reflect_model_get_id (shown), ==, reflect_model_get_id (original));
  assert_translated (reflect_model_get_title (shown), reflect_model_get_title (original));
  assert_translated (reflect_model_get_summary (shown), reflect_model_get_summary (original));
  assert_translated (reflect_model_get_source (shown), reflect_model_get_source (original));
  assert_translated (reflect_model_get_description (shown),
                     reflect_model_get_description (original));
  g_assert_cmpstr (reflect_model_get_based_on (shown), ==, reflect_model_get_based_on (original));

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_assert_cmpint (reflect_model_has_role (shown, roles[i]), ==,
                       reflect_model_has_role (original, roles[i]));
      assert_translated (reflect_model_get_role_title (shown, roles[i]),
                         reflect_model_get_role_title (original, roles[i]));
      assert_translated (reflect_model_get_role_description (shown, roles[i]),
                         reflect_model_get_role_description (original, roles[i]));
    }

  g_assert_cmpuint (reflect_model_get_n_reminders (shown), ==,
                    reflect_model_get_n_reminders (original));
  for (guint i = 0; i < reflect_model_get_n_reminders (original); i++)
    {
      assert_translated (reflect_model_get_reminder_title (shown, i),
                         reflect_model_get_reminder_title (original, i));
      assert_translated (reflect_model_get_reminder_body (shown, i),
                         reflect_model_get_reminder_body (original, i));
    }

  g_assert_cmpuint (g_strv_length ((GStrv)shown_principles), ==,
                    g_strv_length ((GStrv)original_principles));
  for (guint i = 0; original_principles[i] != NULL; i++)
    assert_translated (shown_principles[i], original_principles[i]);

  g_assert_cmpuint (reflect_model_get_n_stages (shown), ==, reflect_model_get_n_stages (original));
  for (guint i = 0; i < reflect_model_get_n_stages (original); i++)
    {
      ReflectModelStage *s = reflect_model_get_stage (shown, i);
      ReflectModelStage *o = reflect_model_get_stage (original, i);

      g_assert_cmpstr (reflect_model_stage_get_key (s), ==, reflect_model_stage_get_key (o));
      g_assert_cmpuint (reflect_model_stage_get_minutes (s), ==, reflect_model_stage_get_minutes (o));
      g_assert_cmpstrv (reflect_model_stage_get_speakers (s), reflect_model_stage_get_speakers (o));
      g_assert_cmpstrv (reflect_model_stage_get_listeners (s),
                        reflect_model_stage_get_listeners (o));
      g_assert_cmpstrv (reflect_model_stage_get_question_sections (s),
                        reflect_model_stage_get_question_sections (o));
      assert_translated (reflect_model_stage_get_title (s), reflect_model_stage_get_title (o));
      assert_translated (reflect_model_stage_get_who (s), reflect_model_stage_get_who (o));
      assert_translated (reflect_model_stage_get_prompt (s), reflect_model_stage_get_prompt (o));
      assert_translated (reflect_model_stage_get_record (s), reflect_model_stage_get_record (o));
      assert_translated (reflect_model_stage_get_summary_prompt (s),
                         reflect_model_stage_get_summary_prompt (o));
      assert_translated (reflect_model_stage_get_area (s), reflect_model_stage_get_area (o));
    }
}

static void
test_models (Fixture       *f,
             gconstpointer  data)
{
  g_auto(GStrv) names = list_resources ("models");
  guint n_builtin = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat ("models/", names[i], NULL);
      g_autoptr(GBytes) bytes = lookup_resource (name);
      g_autoptr(GError) error = NULL;
      g_autoptr(ReflectModel) original = NULL;
      ReflectModel *shown;

      original = reflect_model_new_from_data (g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes), names[i], &error);
      g_assert_no_error (error);
      shown = reflect_catalog_find_model (f->catalog, reflect_model_get_id (original));
      g_assert_nonnull (shown);
      g_test_message ("model %s", reflect_model_get_id (original));
      assert_model_translated (shown, original);
      n_builtin++;
    }
  g_assert_cmpuint (n_builtin, ==, g_list_model_get_n_items (reflect_catalog_get_models (f->catalog)));
}

/* The areas of a translated model still group its stages as before (the
 * Facilitate view sums the time of each area), and their headings are
 * made from the translation. */
static void
test_areas (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ReflectModel) original = load_original_model ("models/spr.json");
  ReflectModel *spr = reflect_catalog_find_model (f->catalog, "spr");
  guint n = reflect_model_get_n_stages (original);

  g_assert_nonnull (spr);
  g_assert_true (reflect_model_has_areas (spr));
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        const char *a = reflect_model_stage_get_area (reflect_model_get_stage (spr, i));
        const char *b = reflect_model_stage_get_area (reflect_model_get_stage (spr, j));
        const char *oa = reflect_model_stage_get_area (reflect_model_get_stage (original, i));
        const char *ob = reflect_model_stage_get_area (reflect_model_get_stage (original, j));

        g_assert_cmpint (g_str_equal (a, b), ==, g_str_equal (oa, ob));
      }

  {
    const char *area = reflect_model_stage_get_area (reflect_model_get_stage (spr, 0));
    g_autofree char *title = reflect_schedule_area_title (area);

    g_assert_true (g_str_has_prefix (title, "⟦" LANG_CODE " "));
  }
}

static void
assert_bank_translated (ReflectQuestionBank *shown,
                        ReflectQuestionBank *original)
{
  g_assert_true (reflect_question_bank_get_builtin (shown));
  g_assert_cmpstr (reflect_question_bank_get_id (shown), ==, reflect_question_bank_get_id (original));
  assert_translated (reflect_question_bank_get_title (shown),
                     reflect_question_bank_get_title (original));
  assert_translated (reflect_question_bank_get_citation (shown),
                     reflect_question_bank_get_citation (original));
  assert_translated (reflect_question_bank_get_description (shown),
                     reflect_question_bank_get_description (original));

  g_assert_cmpuint (reflect_question_bank_get_n_sections (shown), ==,
                    reflect_question_bank_get_n_sections (original));
  for (guint s = 0; s < reflect_question_bank_get_n_sections (original); s++)
    {
      GListModel *shown_questions = reflect_question_bank_get_section_questions (shown, s);
      GListModel *original_questions = reflect_question_bank_get_section_questions (original, s);

      g_assert_cmpstr (reflect_question_bank_get_section_id (shown, s), ==,
                       reflect_question_bank_get_section_id (original, s));
      assert_translated (reflect_question_bank_get_section_title (shown, s),
                         reflect_question_bank_get_section_title (original, s));
      assert_translated (reflect_question_bank_get_section_description (shown, s),
                         reflect_question_bank_get_section_description (original, s));
      assert_translated (reflect_question_bank_get_section_summary_prompt (shown, s),
                         reflect_question_bank_get_section_summary_prompt (original, s));

      g_assert_cmpuint (g_list_model_get_n_items (shown_questions), ==,
                        g_list_model_get_n_items (original_questions));
      for (guint q = 0; q < g_list_model_get_n_items (original_questions); q++)
        {
          g_autoptr(ReflectQuestion) sq = g_list_model_get_item (shown_questions, q);
          g_autoptr(ReflectQuestion) oq = g_list_model_get_item (original_questions, q);

          g_assert_cmpstr (reflect_question_get_id (sq), ==, reflect_question_get_id (oq));
          assert_translated (reflect_question_get_text (sq), reflect_question_get_text (oq));
          /* Each question carries its bank's and section's titles. */
          assert_translated (reflect_question_get_bank_title (sq),
                             reflect_question_get_bank_title (oq));
          assert_translated (reflect_question_get_section_title (sq),
                             reflect_question_get_section_title (oq));
        }
    }
}

static void
test_banks (Fixture       *f,
            gconstpointer  data)
{
  g_auto(GStrv) names = list_resources ("question-banks");

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat ("question-banks/", names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ReflectQuestionBank) original = NULL;
      ReflectQuestionBank *shown;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;

      bytes = lookup_resource (name);
      original = reflect_question_bank_new_from_data (g_bytes_get_data (bytes, NULL),
                                                      g_bytes_get_size (bytes), names[i], &error);
      g_assert_no_error (error);
      shown = reflect_catalog_find_bank (f->catalog, reflect_question_bank_get_id (original));
      g_assert_nonnull (shown);
      g_test_message ("bank %s", reflect_question_bank_get_id (original));
      assert_bank_translated (shown, original);
    }
}

static JsonNode *
parse_resource (const char *name)
{
  g_autoptr(GBytes) bytes = lookup_resource (name);
  g_autoptr(GError) error = NULL;
  JsonNode *node = reflect_json_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       name, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_glossary (void)
{
  g_autoptr(JsonNode) node = parse_resource ("glossary.json");
  JsonArray *terms = json_object_get_array_member (json_node_get_object (node), "terms");
  ReflectGlossary *glossary = reflect_glossary_get_default ();

  g_assert_cmpuint (json_array_get_length (terms), >, 0);
  g_assert_cmpuint (reflect_glossary_get_n_terms (glossary), ==, json_array_get_length (terms));
  for (guint i = 0; i < json_array_get_length (terms); i++)
    {
      JsonObject *entry = json_array_get_object_element (terms, i);
      const char *term = json_object_get_string_member (entry, "term");

      /* The acronym is what people type: kept.  Its plain form is shown. */
      assert_translated (reflect_glossary_lookup (glossary, term),
                         json_object_get_string_member (entry, "plain"));
    }
}

static void
test_agencies (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonNode) node = parse_resource ("agencies.json");
  JsonArray *builtin = json_object_get_array_member (json_node_get_object (node), "agencies");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) shown = reflect_store_list_agencies (f->store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (builtin), >, 0);
  g_assert_cmpuint (g_strv_length (shown), ==, json_array_get_length (builtin));
  for (guint i = 0; i < json_array_get_length (builtin); i++)
    assert_translated (shown[i], json_array_get_string_element (builtin, i));
}

/* A custom model is the person's own text: never translated, even where
 * it says exactly what a built-in model says. */
static void
test_custom_model_as_written (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(ReflectModel) original = load_original_model ("models/space-to-think.json");
  g_autoptr(ReflectModel) copy = NULL;
  g_autoptr(GError) error = NULL;
  const char *title = reflect_model_get_title (original);
  const char *stage_title = reflect_model_stage_get_title (reflect_model_get_stage (original, 0));
  ReflectModel *offered;

  copy = reflect_store_copy_model (f->store, f->catalog,
                                   reflect_catalog_find_model (f->catalog, "space-to-think"));
  reflect_model_set_title (copy, title);
  reflect_model_stage_set_title (reflect_model_get_stage (copy, 0), stage_title);
  g_assert_true (reflect_store_save_custom_model (f->store, copy, &error));
  g_assert_no_error (error);
  reflect_catalog_reload (f->catalog);

  offered = reflect_catalog_find_model (f->catalog, reflect_model_get_id (copy));
  g_assert_nonnull (offered);
  g_assert_true (reflect_model_is_custom (offered));
  g_assert_cmpstr (reflect_model_get_title (offered), ==, title);
  g_assert_cmpstr (reflect_model_stage_get_title (reflect_model_get_stage (offered, 0)), ==,
                   stage_title);
  /* What it took from the built-in model is in the language it was copied
   * in, and is not translated again. */
  assert_translated (reflect_model_get_summary (offered), reflect_model_get_summary (original));

  /* The built-in model beside it is still translated. */
  assert_translated (reflect_model_get_title (reflect_catalog_find_model (f->catalog,
                                                                          "space-to-think")),
                     title);
}

/* An imported bank is shown as written, even where its text is a built-in
 * bank's. */
static void
test_imported_bank_as_written (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GBytes) bytes = lookup_resource ("question-banks/mcclure.json");
  g_autoptr(ReflectQuestionBank) original = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ReflectQuestion) first = NULL;
  g_autoptr(ReflectQuestion) imported_first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  ReflectQuestionBank *imported;

  original = reflect_question_bank_new_from_data (g_bytes_get_data (bytes, NULL),
                                                  g_bytes_get_size (bytes), "mcclure.json",
                                                  &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (reflect_question_bank_get_questions (original), 0);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "northtown");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, reflect_question_bank_get_title (original));
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "northtown.a");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, reflect_question_bank_get_section_title (original, 0));
  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "northtown.a.01");
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, reflect_question_get_text (first));
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);

  imported = reflect_store_import_question_bank (f->store, f->catalog, json, -1, "northtown.json",
                                                 FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  imported = reflect_catalog_find_bank (f->catalog, "northtown");
  g_assert_nonnull (imported);
  g_assert_false (reflect_question_bank_get_builtin (imported));
  g_assert_cmpstr (reflect_question_bank_get_title (imported), ==,
                   reflect_question_bank_get_title (original));
  g_assert_cmpstr (reflect_question_bank_get_section_title (imported, 0), ==,
                   reflect_question_bank_get_section_title (original, 0));
  imported_first = g_list_model_get_item (reflect_question_bank_get_questions (imported), 0);
  g_assert_cmpstr (reflect_question_get_text (imported_first), ==,
                   reflect_question_get_text (first));

  assert_translated (reflect_question_bank_get_title (reflect_catalog_find_bank (f->catalog,
                                                                                 "mcclure")),
                     reflect_question_bank_get_title (original));
}

/* A session keeps the snapshot of its model as it was when the session
 * was made: in the language it was run in. */
static void
test_session_keeps_its_language (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(ReflectModel) original = load_original_model ("models/spr.json");
  g_autoptr(ReflectSession) session = NULL;
  g_autoptr(ReflectSession) loaded = NULL;
  g_autoptr(GError) error = NULL;
  ReflectModel *model;

  session = reflect_session_new (reflect_catalog_find_model (f->catalog, "spr"));
  reflect_session_set_case_ref (session, "C-1");
  reflect_session_set_starts_at (session, 1700000000);
  reflect_session_set_venue (session, "Room 2");
  reflect_session_set_purpose (session, "stuck");
  reflect_session_set_manager_agreed (session, TRUE);
  g_assert_true (reflect_store_create_session (f->store, session, &error));
  g_assert_no_error (error);

  loaded = reflect_store_load_session (f->store, reflect_session_get_id (session), &error);
  g_assert_no_error (error);
  model = reflect_session_get_model (loaded);
  assert_translated (reflect_model_get_title (model), reflect_model_get_title (original));
  assert_translated (reflect_model_stage_get_prompt (reflect_model_get_stage (model, 0)),
                     reflect_model_stage_get_prompt (reflect_model_get_stage (original, 0)));
}

/* reflect_json_translate() on its own: only the listed members, in their
 * context; ids and empty strings are kept. */
static void
test_json_translate (void)
{
  static const ReflectJsonText texts[] = {
    { "$.title", NULL },
    { "$.stages[].title", NULL },
    { "$.stages[].area", "stage area" },
    { "$.empty", NULL },
  };
  g_autoptr(ReflectModel) spr = load_original_model ("models/spr.json");
  ReflectModelStage *stage = reflect_model_get_stage (spr, 0);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) built = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) translated = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonObject *first;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, reflect_model_get_title (spr));
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, reflect_model_get_title (spr));
  json_builder_set_member_name (builder, "empty");
  json_builder_add_string_value (builder, "");
  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, reflect_model_stage_get_title (stage));
  json_builder_set_member_name (builder, "area");
  json_builder_add_string_value (builder, reflect_model_stage_get_area (stage));
  json_builder_set_member_name (builder, "minutes");
  json_builder_add_int_value (builder, 5);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  /* Parsed, so that the nodes are immutable as the loaders' are. */
  built = json_builder_get_root (builder);
  text = json_to_string (built, FALSE);
  node = reflect_json_parse (text, -1, "test", &error);
  g_assert_no_error (error);
  translated = reflect_json_translate (node, texts, G_N_ELEMENTS (texts), GETTEXT_PACKAGE);

  root = json_node_get_object (translated);
  assert_translated (json_object_get_string_member (root, "title"), reflect_model_get_title (spr));
  g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, reflect_model_get_title (spr));
  g_assert_cmpstr (json_object_get_string_member (root, "empty"), ==, "");
  first = json_array_get_object_element (json_object_get_array_member (root, "stages"), 0);
  assert_translated (json_object_get_string_member (first, "title"),
                     reflect_model_stage_get_title (stage));
  assert_translated (json_object_get_string_member (first, "area"),
                     reflect_model_stage_get_area (stage));
  g_assert_cmpint (json_object_get_int_member (first, "minutes"), ==, 5);

  /* The area is translated in its context only. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, reflect_model_stage_get_area (stage)), ==,
                   reflect_model_stage_get_area (stage));

  /* The parsed original is left as it was. */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "title"), ==,
                   reflect_model_get_title (spr));
}

/* Puts the pseudo-translation built by tests/meson.build where gettext
 * looks for it: DIR/xx/LC_MESSAGES/reflect.mo.  Returns DIR. */
static char *
make_locale_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mo = g_test_build_filename (G_TEST_BUILT, "reflect-data-" LANG_CODE ".mo",
                                               NULL);
  g_autofree char *contents = NULL;
  g_autofree char *messages = NULL;
  g_autofree char *target = NULL;
  char *dir;
  gsize length;

  g_file_get_contents (mo, &contents, &length, &error);
  g_assert_no_error (error);

  dir = g_dir_make_tmp ("reflect-locale-XXXXXX", &error);
  g_assert_no_error (error);
  messages = g_build_filename (dir, LANG_CODE, "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  target = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);
  return dir;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *locale_dir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* gettext ignores LANGUAGE in the "C" locale.  C.UTF-8 is built into
   * glibc (2.35 and later, so Debian 12 and Fedora need no locale package)
   * and honours it.  Set before anything is translated: GLib decides once
   * whether g_dgettext() translates. */
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    {
      g_printerr ("The C.UTF-8 locale is missing: this test needs a glibc of 2.35 or later\n");
      return 1;
    }
  g_setenv ("LANGUAGE", LANG_CODE, TRUE);
  locale_dir = make_locale_dir ();
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/data-translation/json-translate", test_json_translate);
  g_test_add ("/data-translation/models", Fixture, NULL, fixture_setup, test_models,
              fixture_teardown);
  g_test_add ("/data-translation/areas", Fixture, NULL, fixture_setup, test_areas,
              fixture_teardown);
  g_test_add ("/data-translation/banks", Fixture, NULL, fixture_setup, test_banks,
              fixture_teardown);
  g_test_add_func ("/data-translation/glossary", test_glossary);
  g_test_add ("/data-translation/agencies", Fixture, NULL, fixture_setup, test_agencies,
              fixture_teardown);
  g_test_add ("/data-translation/custom-model-as-written", Fixture, NULL, fixture_setup,
              test_custom_model_as_written, fixture_teardown);
  g_test_add ("/data-translation/imported-bank-as-written", Fixture, NULL, fixture_setup,
              test_imported_bank_as_written, fixture_teardown);
  g_test_add ("/data-translation/session-keeps-its-language", Fixture, NULL, fixture_setup,
              test_session_keeps_its_language, fixture_teardown);

  status = g_test_run ();
  reflect_test_remove_tree (locale_dir);
  return status;
}
