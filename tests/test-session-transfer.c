/* test-session-transfer.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reflect-record-note.h"
#include "reflect-session-transfer.h"
#include "reflect-test-env.h"
#include "reflect-test-record-fixture.h"

typedef struct
{
  char         *home;
  ReflectStore *source;
  ReflectStore *target;
  gint64        id;
  char         *json;
} Fixture;

static ReflectStore *
open_store (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->home, name, "reflect.db", NULL);
  ReflectStore *store = reflect_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->home = reflect_test_make_data_home ();
  f->source = open_store (f, "source");
  f->target = open_store (f, "target");
  f->id = record_fixture_create (f->source);
  f->json = reflect_session_export_json (f->source, f->id, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->source);
  g_clear_object (&f->target);
  reflect_test_remove_tree (f->home);
  g_free (f->home);
  g_free (f->json);
}

static char *
render (ReflectStore *store,
        gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectRecordNote) note = reflect_record_note_new (store, id, &error);

  g_assert_no_error (error);
  reflect_record_note_set_organisation (note, "Cyngor Sir Ynys Môn");
  return reflect_record_note_render_child_record (note, REFLECT_NOTE_FORMAT_MARKDOWN);
}

/* Everything the target holds, as one text: a refused import must leave
 * it exactly as it was. */
static char *
dump (ReflectStore *store)
{
  const char *tables[] = { "sessions", "attendees", "rounds", "round_roles", "notes", "actions",
                           "info_sharing", "session_record", "asked_questions", "search_docs" };
  GString *out = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (reflect_store_get_db (store), sql, -1, &stmt, NULL),
                       ==, SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", (const char *)sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (out, FALSE);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = render (f->source, f->id);
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  gint64 imported;

  imported = reflect_session_import_json (f->target, f->json, -1, "s.json", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported, >, 0);

  after = render (f->target, imported);
  g_assert_cmpstr (after, ==, before);

  /* Exporting the import gives the same document. */
  again = reflect_session_export_json (f->target, imported, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, f->json);
}

static void
test_unicode_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *note = NULL;
  g_autofree char *body = NULL;
  const char *text = "Llŷr a Siân; Zażółć gęślą jaźń; عائشہ نے کہا 🙂👍🏽";
  gint64 imported;

  g_assert_true (reflect_store_save_note (f->source, f->id, 1, "offload", text, NULL, &error));
  g_assert_true (reflect_store_save_record_field (f->source, f->id, REFLECT_RECORD_FAMILY_UPDATE,
                                                  text, &error));
  g_assert_no_error (error);
  json = reflect_session_export_json (f->source, f->id, &error);
  g_assert_no_error (error);

  imported = reflect_session_import_json (f->target, json, -1, "s.json", FALSE, &error);
  g_assert_no_error (error);
  body = reflect_store_load_note (f->target, imported, 1, "offload", &error);
  g_assert_cmpstr (body, ==, text);
  note = render (f->target, imported);
  g_assert_nonnull (strstr (note, text));
  g_assert_nonnull (strstr (note, "Cyngor Sir Ynys Môn"));
}

static void
assert_refused (Fixture    *f,
                const char *json,
                int         code,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (f->target);
  g_autofree char *after = NULL;
  gint64 id;

  id = reflect_session_import_json (f->target, json, -1, "s.json", FALSE, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, REFLECT_SESSION_TRANSFER_ERROR, code);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, expected);

  after = dump (f->target);
  g_assert_cmpstr (after, ==, before);
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int)(at - text), text, to, at + strlen (from));
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *truncated = g_strndup (f->json, strlen (f->json) / 2);
  g_autofree char *version = replace_once (f->json, "\"format\" : 1", "\"format\" : 7");
  g_autofree char *owner = replace_once (f->json, "\"owner_attendee\" : \"a1\"",
                                         "\"owner_attendee\" : \"a9\"");
  g_autofree char *role = replace_once (f->json, "\"attendee\" : \"a2\"", "\"attendee\" : \"zz\"");
  g_autofree char *stage = replace_once (f->json, "\"stage\" : \"offload\"",
                                         "\"stage\" : \"nowhere\"");
  g_autofree char *type = replace_once (f->json, "\"done\" : false", "\"done\" : \"no\"");

  assert_refused (f, truncated, REFLECT_SESSION_TRANSFER_ERROR_INVALID, "s.json: line");
  assert_refused (f, "[1, 2]", REFLECT_SESSION_TRANSFER_ERROR_INVALID, "$");
  assert_refused (f, "{}", REFLECT_SESSION_TRANSFER_ERROR_INVALID, "format");
  assert_refused (f, version, REFLECT_SESSION_TRANSFER_ERROR_VERSION, "format 7");
  assert_refused (f, owner, REFLECT_SESSION_TRANSFER_ERROR_INVALID,
                  "$.actions[0].owner_attendee: there is no attendee “a9”");
  assert_refused (f, role, REFLECT_SESSION_TRANSFER_ERROR_INVALID,
                  "$.rounds[0].roles[1].attendee");
  assert_refused (f, stage, REFLECT_SESSION_TRANSFER_ERROR_INVALID, "$.notes[0].stage");
  assert_refused (f, type, REFLECT_SESSION_TRANSFER_ERROR_INVALID, "$.actions[0]");

  /* Already here: refused unless replacing; replacing leaves one copy. */
  g_assert_cmpint (reflect_session_import_json (f->target, f->json, -1, "s.json", FALSE, &error),
                   >, 0);
  g_assert_no_error (error);
  assert_refused (f, f->json, REFLECT_SESSION_TRANSFER_ERROR_EXISTS, "CASE-4471");
  g_assert_cmpint (reflect_session_import_json (f->target, f->json, -1, "s.json", TRUE, &error),
                   >, 0);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) sessions = reflect_store_list_sessions (f->target, &error);
    g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/session-transfer/round-trip-renders-same-note", test_round_trip);
  ADD ("/session-transfer/unicode-survives", test_unicode_round_trip);
  ADD ("/session-transfer/refusals-leave-database-unchanged", test_refusals);

  return g_test_run ();
}
