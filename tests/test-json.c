/* test-json.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reflect-json.h"

static void
test_parse_names_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = reflect_json_parse ("{\n  \"a\": 1,\n  \"b\": }\n", -1, "x.json",
                                                 &error);

  g_assert_null (node);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_true (g_str_has_prefix (error->message, "x.json: line 3"));
}

static void
test_parse_rejects_empty_and_binary (void)
{
  g_autoptr(GError) error = NULL;
  const char binary[] = { 'x', (char)0xff, (char)0xfe, 0 };

  g_assert_null (reflect_json_parse ("", -1, "empty.json", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  g_assert_null (reflect_json_parse (binary, 3, "bin.json", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

static void
test_get_int_range (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = reflect_json_parse ("{\"minutes\": 0, \"s\": \"x\"}", -1, "m", NULL);
  JsonObject *object = json_node_get_object (node);
  gint64 value = -1;

  g_assert_false (reflect_json_get_int (object, "minutes", 1, 1440, &value, "m.json",
                                        "$.stages[2]", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==,
                   "m.json: $.stages[2]: “minutes” is 0; it must be from 1 to 1440");
  g_clear_error (&error);

  g_assert_false (reflect_json_get_int (object, "s", 1, 2, &value, "m.json", "$", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpint (value, ==, -1);
}

static void
test_identifier (void)
{
  g_assert_true (reflect_json_is_identifier ("space-to-think", FALSE));
  g_assert_true (reflect_json_is_identifier ("spr.quality.child.03", TRUE));
  g_assert_false (reflect_json_is_identifier ("spr.quality", FALSE));
  g_assert_false (reflect_json_is_identifier ("Space", FALSE));
  g_assert_false (reflect_json_is_identifier ("", FALSE));
  g_assert_false (reflect_json_is_identifier ("a..b", TRUE));
  g_assert_false (reflect_json_is_identifier (".a", TRUE));
  g_assert_false (reflect_json_is_identifier ("../etc", TRUE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/parse/names-line", test_parse_names_line);
  g_test_add_func ("/json/parse/rejects-empty-and-binary", test_parse_rejects_empty_and_binary);
  g_test_add_func ("/json/get-int/range", test_get_int_range);
  g_test_add_func ("/json/identifier", test_identifier);

  return g_test_run ();
}
