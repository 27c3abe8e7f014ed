/* test-question-bank.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reflect-catalog.h"
#include "reflect-question-bank.h"

static void
test_shipped_banks (void)
{
  g_autoptr(ReflectCatalog) catalog = reflect_catalog_new (NULL);
  ReflectQuestionBank *mcclure = reflect_catalog_find_bank (catalog, "mcclure");
  ReflectQuestionBank *morrison = reflect_catalog_find_bank (catalog, "morrison");
  ReflectQuestionBank *spr = reflect_catalog_find_bank (catalog, "spr");
  ReflectQuestion *question;
  int analysis;

  g_assert_nonnull (mcclure);
  g_assert_nonnull (morrison);
  g_assert_nonnull (spr);
  g_assert_true (reflect_question_bank_get_builtin (mcclure));

  g_assert_cmpuint (g_list_model_get_n_items (reflect_question_bank_get_questions (mcclure)), ==, 17);
  question = reflect_question_bank_find_question (mcclure, "mcclure.11");
  g_assert_nonnull (question);
  g_assert_cmpstr (reflect_question_get_text (question), ==, "What alternatives were there?");

  /* The source lists one Analysis question twice; the bank keeps one. */
  analysis = reflect_question_bank_find_section (morrison, "morrison.analysis");
  g_assert_cmpint (analysis, >=, 0);
  g_assert_cmpuint (g_list_model_get_n_items (reflect_question_bank_get_section_questions (morrison, analysis)),
                    ==, 12);

  g_assert_cmpint (reflect_question_bank_find_section (spr, "spr.quality.child"), >=, 0);
  g_assert_nonnull (reflect_question_bank_find_question (spr, "spr.quality.child.03"));
}

static void
test_roundtrip (void)
{
  g_autoptr(ReflectCatalog) catalog = reflect_catalog_new (NULL);
  ReflectQuestionBank *bank = reflect_catalog_find_bank (catalog, "spr");
  g_autofree char *data = reflect_question_bank_to_data (bank);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectQuestionBank) again = reflect_question_bank_new_from_data (data, -1, "x", &error);
  g_autofree char *data_again = NULL;

  g_assert_no_error (error);
  data_again = reflect_question_bank_to_data (again);
  g_assert_cmpstr (data, ==, data_again);
}

static void
test_add_remove_custom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectQuestionBank) bank = reflect_question_bank_new_from_data (
    "{\"format\":1,\"id\":\"b\",\"title\":\"B\",\"sections\":["
    "{\"id\":\"b.one\",\"title\":\"One\",\"questions\":[{\"id\":\"b.one.01\",\"text\":\"Q1\"}]},"
    "{\"id\":\"b.two\",\"title\":\"Two\",\"questions\":[{\"id\":\"b.two.01\",\"text\":\"Q2\"}]}]}",
    -1, "b.json", &error);
  g_autoptr(ReflectQuestion) custom = reflect_question_new ("custom.1", "Mine", "b", "B", "b.one",
                                                            "One", TRUE);
  g_autoptr(ReflectQuestion) second = NULL;

  g_assert_no_error (error);
  reflect_question_bank_add_question (bank, 0, custom);
  second = g_list_model_get_item (reflect_question_bank_get_questions (bank), 1);
  g_assert_true (second == custom);
  g_assert_true (reflect_question_bank_remove_question (bank, "custom.1"));
  g_assert_null (reflect_question_bank_find_question (bank, "custom.1"));
  g_assert_cmpuint (g_list_model_get_n_items (reflect_question_bank_get_questions (bank)), ==, 2);
}

static void
test_rejects_bad_files (void)
{
  const struct { const char *json; const char *expected; } cases[] = {
    { "nonsense", "bank.json: line" },
    { "{\"format\":1,\"id\":\"b\",\"title\":\"B\",\"sections\":[]}", "$.sections: a bank needs" },
    { "{\"format\":1,\"id\":\"b\",\"title\":\"B\",\"sections\":[{\"id\":\"s\",\"title\":\"S\","
      "\"questions\":[{\"id\":\"q\",\"text\":\"\"}]}]}",
      "$.sections[0].questions[0]: “text” is empty" },
    { "{\"format\":1,\"id\":\"b\",\"title\":\"B\",\"sections\":[{\"id\":\"s\",\"title\":\"S\","
      "\"questions\":[{\"id\":\"q\"}]}]}",
      "$.sections[0].questions[0]: “text” is missing" },
    { "{\"format\":1,\"id\":\"b\",\"title\":\"B\",\"sections\":[{\"id\":\"s\",\"title\":\"S\","
      "\"questions\":[{\"id\":\"q\",\"text\":\"A\"},{\"id\":\"q\",\"text\":\"B\"}]}]}",
      "$.sections[0].questions[1]: the question id “q” is used twice" },
    { "{\"format\":1,\"id\":\"b\",\"title\":\"B\",\"sections\":[{\"id\":\"s\",\"title\":\"S\"},"
      "{\"id\":\"s\",\"title\":\"T\"}]}",
      "$.sections[1]: the section id “s” is used twice" },
    { "{\"format\":1,\"id\":\"b\",\"title\":\"B\",\"sections\":[{\"id\":\"s\",\"title\":\"S\","
      "\"questions\":{}}]}",
      "$.sections[0]: “questions” must be a list" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ReflectQuestionBank) bank =
        reflect_question_bank_new_from_data (cases[i].json, -1, "bank.json", &error);

      g_assert_null (bank);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[i].expected) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, cases[i].expected);
    }
}

static void
test_rejects_too_many (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\":1,\"id\":\"b\",\"title\":\"B\","
                                          "\"sections\":[{\"id\":\"s\",\"title\":\"S\",\"questions\":[");
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectQuestionBank) bank = NULL;

  for (guint i = 0; i <= REFLECT_QUESTION_BANK_MAX_QUESTIONS; i++)
    g_string_append_printf (json, "%s{\"id\":\"q%u\",\"text\":\"Q\"}", i ? "," : "", i);
  g_string_append (json, "]}]}");

  bank = reflect_question_bank_new_from_data (json->str, json->len, "big.json", &error);
  g_assert_null (bank);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "at most 10000 questions"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/question-bank/shipped", test_shipped_banks);
  g_test_add_func ("/question-bank/roundtrip", test_roundtrip);
  g_test_add_func ("/question-bank/add-remove-custom", test_add_remove_custom);
  g_test_add_func ("/question-bank/rejects-bad-files", test_rejects_bad_files);
  g_test_add_func ("/question-bank/rejects-too-many", test_rejects_too_many);

  return g_test_run ();
}
