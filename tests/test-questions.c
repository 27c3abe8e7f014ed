/* test-questions.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reflect-catalog.h"
#include "reflect-question-filter.h"
#include "reflect-run.h"
#include "reflect-store-questions.h"
#include "reflect-test-env.h"

typedef struct
{
  char           *home;
  char           *path;
  ReflectStore   *store;
  ReflectCatalog *catalog;
} Fixture;

static void
fixture_open (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = reflect_store_open (f->path, &error);
  g_assert_no_error (error);
  f->catalog = reflect_catalog_new (f->store);
}

static void
fixture_close (Fixture *f)
{
  g_clear_object (&f->catalog);
  g_clear_object (&f->store);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  /* An explicit path: GLib caches XDG_DATA_HOME for the whole process. */
  f->home = g_dir_make_tmp ("reflect-questions-XXXXXX", NULL);
  g_assert_nonnull (f->home);
  f->path = g_build_filename (f->home, "reflect", "reflect.db", NULL);
  fixture_open (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fixture_close (f);
  reflect_test_remove_tree (f->home);
  g_free (f->home);
  g_free (f->path);
}

static void
reopen (Fixture *f)
{
  fixture_close (f);
  fixture_open (f);
}

static ReflectQuestion *
find (Fixture    *f,
      const char *bank_id,
      const char *question_id)
{
  ReflectQuestionBank *bank = reflect_catalog_find_bank (f->catalog, bank_id);

  g_assert_nonnull (bank);
  return reflect_question_bank_find_question (bank, question_id);
}

static guint
n_banks (Fixture *f)
{
  return g_list_model_get_n_items (reflect_catalog_get_banks (f->catalog));
}

static void
test_favourites_persist (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;

  g_assert_false (reflect_question_get_favourite (find (f, "mcclure", "mcclure.11")));
  g_assert_true (reflect_store_set_question_favourite (f->store, find (f, "mcclure", "mcclure.11"),
                                                       TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (reflect_question_get_favourite (find (f, "mcclure", "mcclure.11")));
  /* Starring twice is harmless. */
  g_assert_true (reflect_store_set_question_favourite (f->store, find (f, "mcclure", "mcclure.11"),
                                                       TRUE, &error));
  g_assert_true (reflect_store_set_question_favourite (f->store,
                                                       find (f, "spr", "spr.outcomes.02"),
                                                       TRUE, &error));

  reopen (f);
  g_assert_true (reflect_question_get_favourite (find (f, "mcclure", "mcclure.11")));
  g_assert_true (reflect_question_get_favourite (find (f, "spr", "spr.outcomes.02")));
  g_assert_false (reflect_question_get_favourite (find (f, "mcclure", "mcclure.10")));
  ids = reflect_store_list_favourite_questions (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);

  g_assert_true (reflect_store_set_question_favourite (f->store, find (f, "mcclure", "mcclure.11"),
                                                       FALSE, &error));
  reopen (f);
  g_assert_false (reflect_question_get_favourite (find (f, "mcclure", "mcclure.11")));
  g_assert_true (reflect_question_get_favourite (find (f, "spr", "spr.outcomes.02")));
}

static void
test_custom_questions (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ReflectQuestionBank *morrison = reflect_catalog_find_bank (f->catalog, "morrison");
  int analysis = reflect_question_bank_find_section (morrison, "morrison.analysis");
  GListModel *section = reflect_question_bank_get_section_questions (morrison, analysis);
  ReflectQuestion *added;
  ReflectQuestion *mine;
  g_autofree char *added_id = NULL;
  g_autofree char *mine_id = NULL;
  guint n_before = g_list_model_get_n_items (section);

  /* Into a section of a shipped bank, after its own questions. */
  added = reflect_store_add_custom_question (f->store, f->catalog, "morrison", "morrison.analysis",
                                             "  What has the family told us?  ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_true (reflect_question_is_custom (added));
  g_assert_cmpstr (reflect_question_get_text (added), ==, "What has the family told us?");
  g_assert_cmpuint (g_list_model_get_n_items (section), ==, n_before + 1);
  added_id = g_strdup (reflect_question_get_id (added));

  /* Into the person's own bank, made on demand. */
  g_assert_null (reflect_catalog_find_bank (f->catalog, REFLECT_MY_QUESTIONS_BANK_ID));
  mine = reflect_store_add_custom_question (f->store, f->catalog, NULL, NULL,
                                            "Whose voice is missing?", &error);
  g_assert_no_error (error);
  g_assert_nonnull (mine);
  g_assert_cmpstr (reflect_question_get_bank_id (mine), ==, REFLECT_MY_QUESTIONS_BANK_ID);
  mine_id = g_strdup (reflect_question_get_id (mine));

  /* Empty and unknown places are refused. */
  g_assert_null (reflect_store_add_custom_question (f->store, f->catalog, "morrison",
                                                    "morrison.analysis", "   ", &error));
  g_assert_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (reflect_store_add_custom_question (f->store, f->catalog, "morrison",
                                                    "morrison.nowhere", "Why?", &error));
  g_assert_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  reopen (f);
  morrison = reflect_catalog_find_bank (f->catalog, "morrison");
  section = reflect_question_bank_get_section_questions (morrison, analysis);
  g_assert_cmpuint (g_list_model_get_n_items (section), ==, n_before + 1);
  added = find (f, "morrison", added_id);
  g_assert_nonnull (added);
  g_assert_cmpstr (reflect_question_get_section_id (added), ==, "morrison.analysis");
  g_assert_nonnull (find (f, REFLECT_MY_QUESTIONS_BANK_ID, mine_id));

  /* Edit and delete. */
  g_assert_true (reflect_store_update_custom_question (f->store, f->catalog, added_id,
                                                       "What has the child told us?", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (reflect_question_get_text (find (f, "morrison", added_id)), ==,
                   "What has the child told us?");
  reopen (f);
  g_assert_cmpstr (reflect_question_get_text (find (f, "morrison", added_id)), ==,
                   "What has the child told us?");
  g_assert_true (reflect_store_delete_custom_question (f->store, f->catalog, added_id, &error));
  g_assert_no_error (error);
  g_assert_null (find (f, "morrison", added_id));
  reopen (f);
  g_assert_null (find (f, "morrison", added_id));

  /* The banks' own questions are read-only. */
  g_assert_false (reflect_store_update_custom_question (f->store, f->catalog, "mcclure.11",
                                                        "Changed?", &error));
  g_assert_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (reflect_store_delete_custom_question (f->store, f->catalog, "mcclure.11",
                                                        &error));
  g_assert_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpstr (reflect_question_get_text (find (f, "mcclure", "mcclure.11")), ==,
                   "What alternatives were there?");
}

static const char *good_bank =
  "{\"format\": 1, \"id\": \"northtown\", \"title\": \"Northtown questions\","
  " \"citation\": \"Northtown SCP (2025)\","
  " \"sections\": [{\"id\": \"northtown.child\", \"title\": \"The child's day\","
  "  \"questions\": [{\"id\": \"northtown.child.01\", \"text\": \"What is a day like?\"},"
  "                  {\"id\": \"northtown.child.02\", \"text\": \"Who does the child trust?\"}]}]}";

static void
test_import_valid (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ReflectQuestionBank *bank;
  guint before = n_banks (f);

  bank = reflect_store_import_question_bank (f->store, f->catalog, good_bank, -1, "north.json",
                                             FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);
  g_assert_false (reflect_question_bank_get_builtin (bank));
  g_assert_cmpuint (n_banks (f), ==, before + 1);

  reopen (f);
  bank = reflect_catalog_find_bank (f->catalog, "northtown");
  g_assert_nonnull (bank);
  g_assert_cmpstr (reflect_question_bank_get_citation (bank), ==, "Northtown SCP (2025)");
  g_assert_cmpuint (g_list_model_get_n_items (reflect_question_bank_get_questions (bank)), ==, 2);

  /* Removed, with nothing left behind. */
  g_assert_true (reflect_store_remove_question_bank (f->store, f->catalog, "northtown", &error));
  g_assert_no_error (error);
  g_assert_null (reflect_catalog_find_bank (f->catalog, "northtown"));
  reopen (f);
  g_assert_null (reflect_catalog_find_bank (f->catalog, "northtown"));
  g_assert_cmpuint (n_banks (f), ==, before);

  /* A shipped bank cannot be removed. */
  g_assert_false (reflect_store_remove_question_bank (f->store, f->catalog, "mcclure", &error));
  g_assert_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_READ_ONLY);
}

static char *
big_bank (guint n)
{
  GString *s = g_string_new ("{\"format\": 1, \"id\": \"huge\", \"title\": \"Huge\","
                             " \"sections\": [{\"id\": \"huge.s\", \"title\": \"S\","
                             " \"questions\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s{\"id\": \"huge.%u\", \"text\": \"Question %u?\"}",
                            i ? "," : "", i, i);
  g_string_append (s, "]}]}");
  return g_string_free (s, FALSE);
}

static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  struct {
    const char *name;
    const char *data;
    const char *says;   /* part of the message: the place or the fault */
  } cases[] = {
    { "not JSON", "{\"format\": 1, \"id\": \"x\",, }", "line 1" },
    { "wrong shape", "[1, 2, 3]", "expected an object" },
    { "sections not a list", "{\"format\": 1, \"id\": \"x\", \"title\": \"X\", \"sections\": 5}",
      "$" },
    { "empty text",
      "{\"format\": 1, \"id\": \"x\", \"title\": \"X\", \"sections\": [{\"id\": \"x.a\","
      " \"title\": \"A\", \"questions\": [{\"id\": \"x.a.1\", \"text\": \"\"}]}]}",
      "$.sections[0].questions[0]" },
    { "missing text",
      "{\"format\": 1, \"id\": \"x\", \"title\": \"X\", \"sections\": [{\"id\": \"x.a\","
      " \"title\": \"A\", \"questions\": [{\"id\": \"x.a.1\"}]}]}",
      "$.sections[0].questions[0]" },
    { "duplicate id",
      "{\"format\": 1, \"id\": \"x\", \"title\": \"X\", \"sections\": [{\"id\": \"x.a\","
      " \"title\": \"A\", \"questions\": [{\"id\": \"x.a.1\", \"text\": \"One?\"},"
      " {\"id\": \"x.a.1\", \"text\": \"Two?\"}]}]}",
      "used twice" },
    { "empty file", "", "empty" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *too_many = big_bank (REFLECT_QUESTION_BANK_MAX_QUESTIONS + 1);
  ReflectQuestionBank *first;
  guint before;

  first = reflect_store_import_question_bank (f->store, f->catalog, good_bank, -1, "north.json",
                                              FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  before = n_banks (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("refusing: %s", cases[i].name);
      g_assert_null (reflect_store_import_question_bank (f->store, f->catalog, cases[i].data, -1,
                                                         "north.json", TRUE, &error));
      g_assert_nonnull (error);
      g_test_message ("  says: %s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_clear_error (&error);
    }

  g_assert_null (reflect_store_import_question_bank (f->store, f->catalog, too_many, -1,
                                                     "huge.json", TRUE, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "$.sections[0].questions[10000]"));
  g_assert_nonnull (strstr (error->message, "10000"));
  g_clear_error (&error);

  /* Nothing was imported in part, and the first bank is as it was. */
  reopen (f);
  g_assert_cmpuint (n_banks (f), ==, before);
  g_assert_null (reflect_catalog_find_bank (f->catalog, "huge"));
  g_assert_null (reflect_catalog_find_bank (f->catalog, "x"));
  first = reflect_catalog_find_bank (f->catalog, "northtown");
  g_assert_nonnull (first);
  g_assert_cmpuint (g_list_model_get_n_items (reflect_question_bank_get_questions (first)), ==, 2);
  g_assert_cmpstr (reflect_question_bank_get_title (first), ==, "Northtown questions");
}

static void
test_import_replace (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *shipped = NULL;
  g_autofree char *mine = NULL;
  g_auto(GStrv) parts = NULL;
  ReflectQuestionBank *bank;

  g_assert_nonnull (reflect_store_import_question_bank (f->store, f->catalog, good_bank, -1,
                                                        "north.json", FALSE, &error));
  g_assert_no_error (error);

  /* The same id again: the caller is told, so it can ask. */
  newer = g_strdup (good_bank);
  memcpy (strstr (newer, "Northtown questions"), "Southtown", strlen ("Southtown"));
  g_assert_null (reflect_store_import_question_bank (f->store, f->catalog, newer, -1,
                                                     "north2.json", FALSE, &error));
  g_assert_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_BANK_EXISTS);
  g_clear_error (&error);
  g_assert_cmpstr (reflect_question_bank_get_title (reflect_catalog_find_bank (f->catalog,
                                                                               "northtown")),
                   ==, "Northtown questions");

  bank = reflect_store_import_question_bank (f->store, f->catalog, newer, -1, "north2.json",
                                             TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);
  g_assert_true (g_str_has_prefix (reflect_question_bank_get_title (bank), "Southtown"));
  reopen (f);
  g_assert_true (g_str_has_prefix (
    reflect_question_bank_get_title (reflect_catalog_find_bank (f->catalog, "northtown")),
    "Southtown"));

  /* A shipped bank's id is never replaced, asked or not. */
  shipped = reflect_question_bank_to_data (reflect_catalog_find_bank (f->catalog, "mcclure"));
  g_assert_null (reflect_store_import_question_bank (f->store, f->catalog, shipped, -1,
                                                     "mcclure.json", TRUE, &error));
  g_assert_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_BANK_SHIPPED);
  g_assert_true (reflect_question_bank_get_builtin (reflect_catalog_find_bank (f->catalog,
                                                                               "mcclure")));
  g_clear_error (&error);

  /* Nor is the id of the person's own questions, before or after they
   * have written one. */
  parts = g_strsplit (good_bank, "northtown", -1);
  mine = g_strjoinv ("my-questions", parts);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_null (reflect_store_import_question_bank (f->store, f->catalog, mine, -1,
                                                         "mine.json", TRUE, &error));
      g_assert_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_BANK_SHIPPED);
      g_assert_nonnull (strstr (error->message, "your own questions"));
      g_clear_error (&error);
      g_assert_nonnull (reflect_store_ensure_my_questions_bank (f->store, f->catalog, &error));
      g_assert_no_error (error);
    }
}

static void
test_export_roundtrip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  ReflectQuestionBank *bank;
  ReflectQuestion *custom;
  g_autofree char *custom_id = NULL;

  bank = reflect_store_import_question_bank (f->store, f->catalog, good_bank, -1, "north.json",
                                             FALSE, &error);
  g_assert_no_error (error);
  custom = reflect_store_add_custom_question (f->store, f->catalog, "northtown", "northtown.child",
                                              "What does the child say about school?", &error);
  g_assert_no_error (error);
  custom_id = g_strdup (reflect_question_get_id (custom));

  /* The export carries the custom question. */
  bank = reflect_catalog_find_bank (f->catalog, "northtown");
  exported = reflect_question_bank_to_data (bank);
  g_assert_nonnull (strstr (exported, "What does the child say about school?"));

  /* Import it back over itself: one copy of each question. */
  bank = reflect_store_import_question_bank (f->store, f->catalog, exported, -1, "export.json",
                                             TRUE, &error);
  g_assert_no_error (error);
  reopen (f);
  bank = reflect_catalog_find_bank (f->catalog, "northtown");
  g_assert_cmpuint (g_list_model_get_n_items (reflect_question_bank_get_questions (bank)), ==, 3);
  g_assert_nonnull (reflect_question_bank_find_question (bank, custom_id));
  again = reflect_question_bank_to_data (bank);
  g_assert_cmpstr (exported, ==, again);

  /* A shipped bank exports to a file that validates as a bank. */
  {
    g_autofree char *mcclure =
      reflect_question_bank_to_data (reflect_catalog_find_bank (f->catalog, "mcclure"));
    g_autoptr(ReflectQuestionBank) copy =
      reflect_question_bank_new_from_data (mcclure, -1, "mcclure.json", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (reflect_question_bank_get_questions (copy)), ==, 17);
  }
}

static void
test_asked_log (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectSession) session = NULL;
  g_autoptr(GListModel) log = NULL;
  g_autoptr(ReflectAskedQuestion) row = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  gint64 id1, id2;

  session = reflect_session_new (reflect_catalog_find_model (f->catalog, "space-to-think"));
  reflect_session_set_case_ref (session, "Q-1");
  g_assert_true (reflect_store_create_session (f->store, session, &error));
  g_assert_no_error (error);

  id1 = reflect_store_mark_question_asked (f->store, reflect_session_get_id (session), 1,
                                           "group-exploration", "mcclure.11",
                                           "What alternatives were there?", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id1, >, 0);
  id2 = reflect_store_mark_question_asked (f->store, reflect_session_get_id (session), 1,
                                           "purposeful-reflection", "mcclure.12",
                                           "How would you do it differently next time? Why?",
                                           &error);
  g_assert_no_error (error);

  g_assert_true (reflect_store_set_asked_question_response (f->store, id1,
                                                            "  Two other plans were weighed. ",
                                                            &error));
  g_assert_no_error (error);

  reopen (f);
  log = reflect_store_list_asked_questions (f->store, reflect_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 2);
  row = g_list_model_get_item (log, 0);
  g_assert_cmpint (reflect_asked_question_get_id (row), ==, id1);
  g_assert_cmpstr (reflect_asked_question_get_stage_key (row), ==, "group-exploration");
  g_assert_cmpstr (reflect_asked_question_get_question_id (row), ==, "mcclure.11");
  g_assert_cmpstr (reflect_asked_question_get_question_text (row), ==,
                   "What alternatives were there?");
  g_assert_cmpstr (reflect_asked_question_get_response (row), ==, "Two other plans were weighed.");
  g_assert_cmpuint (reflect_asked_question_get_round (row), ==, 1);
  g_assert_cmpint (reflect_asked_question_get_asked_at (row), >=, before);
  g_assert_cmpint (reflect_asked_question_get_asked_at (row), <=,
                   g_get_real_time () / G_USEC_PER_SEC);

  /* Unmark. */
  g_assert_true (reflect_store_unmark_question_asked (f->store, id2, &error));
  g_assert_no_error (error);
  g_clear_object (&log);
  log = reflect_store_list_asked_questions (f->store, reflect_session_get_id (session), &error);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);
  g_assert_false (reflect_store_unmark_question_asked (f->store, id2, &error));
  g_assert_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A response that is too long is refused, the old one kept. */
  {
    g_autofree char *longer = g_strnfill (REFLECT_ASKED_RESPONSE_MAX + 1, 'a');
    g_autoptr(ReflectAskedQuestion) kept = NULL;

    g_assert_false (reflect_store_set_asked_question_response (f->store, id1, longer, &error));
    g_assert_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_TOO_LONG);
    g_clear_error (&error);
    g_clear_object (&log);
    log = reflect_store_list_asked_questions (f->store, reflect_session_get_id (session), &error);
    kept = g_list_model_get_item (log, 0);
    g_assert_cmpstr (reflect_asked_question_get_response (kept), ==,
                     "Two other plans were weighed.");
  }

  /* A session that is not there. */
  g_assert_cmpint (reflect_store_mark_question_asked (f->store, 9999, 1, "offload", "mcclure.1",
                                                      "Why?", &error), ==, 0);
  g_assert_error (error, REFLECT_QUESTIONS_ERROR, REFLECT_QUESTIONS_ERROR_NOT_FOUND);
}

static gboolean
matches (const char *text,
         const char *query)
{
  g_autoptr(ReflectQuestion) q = reflect_question_new ("t.1", text, "t", "T", "t.s", "S", FALSE);
  g_auto(GStrv) words = reflect_question_fold_query (query);

  return reflect_question_matches (q, (const char * const *)words);
}

static void
test_search_matcher (void)
{
  g_autofree char *markup = NULL;
  g_auto(GStrv) words = NULL;

  g_assert_true (matches ("What alternatives were there?", "alternatives"));
  g_assert_true (matches ("What alternatives were there?", "ALTERNATIVES"));
  g_assert_true (matches ("What alternatives were there?", "altern"));
  g_assert_true (matches ("What alternatives were there?", "natives"));
  g_assert_true (matches ("What alternatives were there?", ""));
  g_assert_true (matches ("What alternatives were there?", "   "));
  g_assert_false (matches ("What alternatives were there?", "alternative plans"));

  /* Every word must match, in any order. */
  g_assert_true (matches ("What alternatives were there?", "there what"));
  g_assert_true (matches ("What alternatives were there?", "  were   ALT "));
  g_assert_false (matches ("What alternatives were there?", "what child"));

  /* Accents: composed or not, typed or not. */
  g_assert_true (matches ("Quelle est la réflexion ?", "réflexion"));
  g_assert_true (matches ("Quelle est la re\xcc\x81" "flexion ?", "RÉFLEXION"));
  g_assert_true (matches ("Quelle est la réflexion ?", "reflexion"));
  g_assert_true (matches ("Naïve question", "naive"));
  g_assert_false (matches ("Quelle est la réflexion ?", "reflexions"));

  /* Typographic apostrophes match straight ones. */
  g_assert_true (matches ("What's the child's experience?", "child\xe2\x80\x99s"));

  /* Highlighting: bold where the words are, escaped elsewhere. */
  words = reflect_question_fold_query ("ALTERN there");
  markup = reflect_question_highlight ("What alternatives were there? <b>&", (const char * const *)words);
  g_assert_cmpstr (markup, ==,
                   "What <b>altern</b>atives were <b>there</b>? &lt;b&gt;&amp;");
  g_clear_pointer (&words, g_strfreev);
  g_clear_pointer (&markup, g_free);

  words = reflect_question_fold_query ("reflexion");
  markup = reflect_question_highlight ("La réflexion", (const char * const *)words);
  g_assert_cmpstr (markup, ==, "La <b>réflexion</b>");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/questions/favourites/persist-across-reopen", test_favourites_persist);
  ADD ("/questions/custom/add-edit-delete-shipped-read-only", test_custom_questions);
  ADD ("/questions/import/valid-bank-then-remove", test_import_valid);
  ADD ("/questions/import/refused-whole-first-bank-untouched", test_import_refused);
  ADD ("/questions/import/same-id-asks-then-replaces", test_import_replace);
  ADD ("/questions/export/roundtrip-with-custom-questions", test_export_roundtrip);
  ADD ("/questions/asked/mark-respond-unmark", test_asked_log);
  g_test_add_func ("/questions/search/case-accents-and-all-words", test_search_matcher);

  return g_test_run ();
}
