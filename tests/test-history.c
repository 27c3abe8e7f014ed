/* test-history.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* memmem */

#include "config.h"

#include "reflect-catalog.h"
#include "reflect-session-list.h"
#include "reflect-store-people.h"
#include "reflect-store-history.h"
#include "reflect-store-private.h"
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

static gint64
add_session (Fixture             *f,
             const char          *model_id,
             const char          *case_ref,
             gint64               starts_at,
             ReflectSessionState  state)
{
  g_autoptr(ReflectSession) session =
    reflect_session_new (reflect_catalog_find_model (f->catalog, model_id));
  g_autoptr(GError) error = NULL;

  reflect_session_set_case_ref (session, case_ref);
  reflect_session_set_starts_at (session, starts_at);
  reflect_session_set_state (session, state);
  g_assert_true (reflect_store_create_session (f->store, session, &error));
  g_assert_no_error (error);
  return reflect_session_get_id (session);
}

/* Notes and actions are written the way their own store functions write
 * them: the row and its search text in one transaction. */
static void
add_text (Fixture    *f,
          gint64      session_id,
          const char *kind,
          const char *body,
          gboolean    done)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *action_text = g_strconcat (body, " Housing", NULL);
  sqlite3 *db = reflect_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;
  const char *sql = g_str_equal (kind, "note")
    ? "INSERT INTO notes (session_id, stage_key, body, updated_at) VALUES (?1, 'offload', ?2, 0)"
    : "INSERT INTO actions (session_id, what, owner, done) VALUES (?1, ?2, 'Housing', ?3)";

  g_assert_true (reflect_store_begin (f->store, &error));
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_text (stmt, 2, body, -1, SQLITE_TRANSIENT);
  if (!g_str_equal (kind, "note"))
    sqlite3_bind_int (stmt, 3, done);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_true (reflect_store_index_text (f->store, session_id, kind,
                                           sqlite3_last_insert_rowid (db),
                                           g_str_equal (kind, "note") ? body : action_text,
                                           &error));
  g_assert_true (reflect_store_commit (f->store, &error));
}

static void
test_match_query (Fixture       *f,
                  gconstpointer  data)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "housing", "\"housin\"*" },
    { "  housing agreed ", "\"housin\"* \"agreed\"*" },
    { "\"quoted", "\"quoted\"*" },
    { "a*b", "\"a\"* \"b\"*" },
    { "-x NEAR (y", "\"x\"* \"NEAR\"* \"y\"*" },
    { "Łódź 4471", "\"Łódź\"* \"4471\"*" },
    { "***", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = reflect_store_build_match_query (cases[i].in);
      g_assert_cmpstr (query, ==, cases[i].out);
    }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  gint64 a = add_session (f, "space-to-think", "C-4471", 1700000000, REFLECT_SESSION_FINISHED);
  gint64 b = add_session (f, "morrison", "C-9000", 1710000000, REFLECT_SESSION_PLANNED);
  const char *hostile[] = { "\"", "(", "NEAR(", "*", "-", "a OR", "\"unbalanced", "x AND (y",
                            "NOT", "^", ":", "col:val", "'", "\\", "…", "😀" };
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(ReflectSession) first = NULL;
  g_autoptr(GError) error = NULL;

  add_text (f, a, "note", "Housing agreed to look again at the tenancy.", FALSE);
  add_text (f, b, "note", "The school nurse will visit.", FALSE);
  add_text (f, b, "action", "Review the housing application", FALSE);

  /* A prefix finds both; the case reference finds one. */
  hits = reflect_store_search_sessions (f->store, "hous", NULL, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  g_clear_object (&hits);

  hits = reflect_store_search_sessions (f->store, "4471", NULL, 50, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_clear_object (&hits);

  hits = reflect_store_search_sessions (f->store, "housing tenancy", NULL, 50, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  first = g_list_model_get_item (hits, 0);
  g_assert_cmpint (reflect_session_get_id (first), ==, a);
  g_assert_nonnull (strstr (reflect_session_get_match (first), "\002Housing\003"));
  g_clear_object (&hits);

  /* A word longer than the index's prefixes is found by its whole
   * length: its first six letters alone are not enough. */
  hits = reflect_store_search_sessions (f->store, "applicat", NULL, 50, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_clear_object (&hits);
  hits = reflect_store_search_sessions (f->store, "applicaxion", NULL, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  g_clear_object (&hits);

  /* Ranked: the session whose case reference matches comes before one
   * that only mentions the words in a note. */
  add_text (f, a, "action", "Write to the school about C-9000", FALSE);
  hits = reflect_store_search_sessions (f->store, "C-9000", NULL, 50, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  g_clear_object (&first);
  first = g_list_model_get_item (hits, 0);
  g_assert_cmpint (reflect_session_get_id (first), ==, b);
  g_clear_object (&hits);

  /* The Sessions filters narrow a search without reading sessions. */
  {
    ReflectSessionFilter filter = REFLECT_SESSION_FILTER_INIT;
    g_autoptr(GHashTable) deleted = g_hash_table_new (g_int64_hash, g_int64_equal);

    filter.model_id = "morrison";
    hits = reflect_store_search_sessions (f->store, "housing", &filter, 50, &error);
    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
    g_assert_cmpint (reflect_session_list_get_id (REFLECT_SESSION_LIST (hits), 0), ==, b);
    g_clear_object (&hits);

    filter.model_id = NULL;
    g_hash_table_add (deleted, &b);
    filter.exclude_ids = deleted;
    hits = reflect_store_search_sessions (f->store, "housing", &filter, 50, &error);
    g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
    g_assert_cmpint (reflect_session_list_get_id (REFLECT_SESSION_LIST (hits), 0), ==, a);
    g_clear_object (&hits);
  }

  /* FTS syntax typed by a person is never an error. */
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      hits = reflect_store_search_sessions (f->store, hostile[i], NULL, 50, &error);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
      g_clear_object (&hits);
    }
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  ReflectSessionFilter filter = REFLECT_SESSION_FILTER_INIT;
  g_autoptr(GListModel) list = NULL;

  add_session (f, "space-to-think", "C-100", 1700000000, REFLECT_SESSION_FINISHED);
  add_session (f, "morrison", "C-200", 1710000000, REFLECT_SESSION_PLANNED);
  add_session (f, "morrison", "D_1%", 1720000000, REFLECT_SESSION_FINISHED);

  list = reflect_store_list_sessions_filtered (f->store, &filter, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_clear_object (&list);

  filter.model_id = "morrison";
  list = reflect_store_list_sessions_filtered (f->store, &filter, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_clear_object (&list);

  filter.state = REFLECT_SESSION_FINISHED;
  list = reflect_store_list_sessions_filtered (f->store, &filter, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);

  filter = (ReflectSessionFilter) REFLECT_SESSION_FILTER_INIT;
  filter.from = 1705000000;
  filter.until = 1715000000;
  list = reflect_store_list_sessions_filtered (f->store, &filter, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);

  /* LIKE wildcards in a case reference are literal. */
  filter = (ReflectSessionFilter) REFLECT_SESSION_FILTER_INIT;
  filter.case_ref = "D_1%";
  list = reflect_store_list_sessions_filtered (f->store, &filter, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);
  filter.case_ref = "C_";
  list = reflect_store_list_sessions_filtered (f->store, &filter, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

static void
count_changes_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *changes)
{
  changes[0] = position;
  changes[1] = removed;
  changes[2] = added;
}

/* The Sessions list reads the newest few first and the rest after the
 * first frame: the second read keeps what the first gave. */
static void
test_newest_first_then_the_rest (Fixture       *f,
                                 gconstpointer  data)
{
  ReflectSessionFilter filter = REFLECT_SESSION_FILTER_INIT;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GHashTable) pending = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(ReflectSession) third = NULL;
  guint changes[3] = { G_MAXUINT, G_MAXUINT, G_MAXUINT };
  gint64 newest = 0;

  for (guint i = 0; i < 10; i++)
    newest = add_session (f, "space-to-think", "C-1", 1700000000 + i * 86400,
                          REFLECT_SESSION_FINISHED);

  filter.limit = 3;
  list = reflect_store_list_sessions_filtered (f->store, &filter, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpint (reflect_session_list_get_id (REFLECT_SESSION_LIST (list), 0), ==, newest);
  third = g_list_model_get_item (list, 2);

  filter.limit = 0;
  all = reflect_store_list_session_ids (f->store, &filter, NULL);
  g_assert_cmpuint (all->len, ==, 10);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes_cb), changes);
  reflect_session_list_set_ids (REFLECT_SESSION_LIST (list), all);
  g_assert_cmpuint (changes[0], ==, 3);
  g_assert_cmpuint (changes[1], ==, 0);
  g_assert_cmpuint (changes[2], ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 10);
  {
    g_autoptr(ReflectSession) again = g_list_model_get_item (list, 2);
    g_assert_true (again == third);
  }

  /* One awaiting deletion is left out, and the limit still gives three. */
  g_hash_table_add (pending, g_memdup2 (&newest, sizeof newest));
  filter.exclude_ids = pending;
  filter.limit = 3;
  g_clear_object (&list);
  list = reflect_store_list_sessions_filtered (f->store, &filter, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_cmpint (reflect_session_list_get_id (REFLECT_SESSION_LIST (list), 0), !=, newest);
}

static void
test_follow_up (Fixture       *f,
                gconstpointer  data)
{
  gint64 first = add_session (f, "space-to-think", "C-4471", 1700000000, REFLECT_SESSION_FINISHED);
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectSession) loaded = NULL;
  g_autoptr(GListModel) chain = NULL;
  g_autoptr(GListModel) hits = NULL;
  sqlite3 *db = reflect_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;
  gint64 second, third;

  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO attendees (session_id, name, agency) VALUES (1, 'Ann Smith', 'Health visiting'),"
    " (1, 'Bilal Khan', 'Police')", NULL, NULL, NULL), ==, SQLITE_OK);
  add_text (f, first, "action", "Call the GP", TRUE);
  add_text (f, first, "action", "Book the tenancy review", FALSE);

  second = reflect_store_create_follow_up (f->store, first, 1710000000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, first);

  loaded = reflect_store_load_session (f->store, second, &error);
  g_assert_cmpstr (reflect_session_get_case_ref (loaded), ==, "C-4471");
  g_assert_cmpint (reflect_session_get_follows_id (loaded), ==, first);
  g_assert_cmpint (reflect_session_get_state (loaded), ==, REFLECT_SESSION_PLANNED);

  /* Attendees carried over; only the outstanding action, linked to its origin. */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT (SELECT count(*) FROM attendees WHERE session_id = ?1),"
    " (SELECT group_concat (what) FROM actions WHERE session_id = ?1),"
    " (SELECT count(*) FROM actions WHERE session_id = ?1 AND carried_from IS NOT NULL)",
    -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, second);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 1), ==, "Book the tenancy review");
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
  sqlite3_finalize (stmt);

  /* The carried action is searchable in the follow-up too. */
  hits = reflect_store_search_sessions (f->store, "tenancy", NULL, 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);

  third = reflect_store_create_follow_up (f->store, second, 1720000000, &error);
  chain = reflect_store_list_case_chain (f->store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (chain), ==, 3);
  {
    g_autoptr(ReflectSession) last = g_list_model_get_item (chain, 2);
    g_assert_cmpint (reflect_session_get_id (last), ==, third);
  }
}

static void
test_retention (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 22, 12, 0, 0);
  g_autoptr(GDateTime) old = g_date_time_add_months (now, -13);
  g_autoptr(GDateTime) recent = g_date_time_add_months (now, -11);
  g_autoptr(GArray) expired = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) left = NULL;

  add_session (f, "spr", "OLD-FINISHED", g_date_time_to_unix (old), REFLECT_SESSION_FINISHED);
  add_session (f, "spr", "OLD-PLANNED", g_date_time_to_unix (old), REFLECT_SESSION_PLANNED);
  add_session (f, "spr", "RECENT", g_date_time_to_unix (recent), REFLECT_SESSION_FINISHED);

  expired = reflect_store_list_expired_sessions (f->store, 0, g_date_time_to_unix (now), &error);
  g_assert_cmpuint (expired->len, ==, 0);
  g_clear_pointer (&expired, g_array_unref);

  expired = reflect_store_list_expired_sessions (f->store, 12, g_date_time_to_unix (now), &error);
  g_assert_cmpuint (expired->len, ==, 1);

  g_assert_cmpuint (reflect_store_delete_expired_sessions (f->store, 12, g_date_time_to_unix (now),
                                                          &error), ==, 1);
  left = reflect_store_list_sessions (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, 2);
}

/* Shown to fail: with secure_delete OFF, a fragment of the deleted
 * note's words is still found in the raw file. */
static void
test_delete_clears_index (Fixture       *f,
                          gconstpointer  data)
{
  gint64 id = add_session (f, "space-to-think", "GONE-1", 1700000000, REFLECT_SESSION_FINISHED);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *wal = NULL;
  gsize length;

  add_text (f, id, "note", "Zebracrossingword should vanish.", FALSE);
  add_text (f, id, "action", "Telephone zebracrossingword", FALSE);
  g_assert_true (reflect_store_delete_session (f->store, id, &error));

  hits = reflect_store_search_sessions (f->store, "zebracrossingword", NULL, 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);

  g_assert_true (reflect_store_checkpoint (f->store, &error));
  g_assert_true (g_file_get_contents (reflect_store_get_path (f->store), &bytes, &length, NULL));
  g_assert_null (memmem (bytes, length, "ebracrossingwor", strlen ("ebracrossingwor")));
  g_assert_null (memmem (bytes, length, "GONE-1", strlen ("GONE-1")));
}

/* The Sessions list reads ids up front and sessions as rows ask. */
static void
test_session_list (Fixture       *f,
                   gconstpointer  data)
{
  ReflectSessionFilter filter = REFLECT_SESSION_FILTER_INIT;
  gint64 old = add_session (f, "space-to-think", "C-OLD", 1700000000, REFLECT_SESSION_FINISHED);
  gint64 new = add_session (f, "morrison", "C-NEW", 1710000000, REFLECT_SESSION_PLANNED);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(ReflectSessionList) list = NULL;
  g_autoptr(ReflectSession) first = NULL;
  g_autoptr(ReflectSession) again = NULL;
  g_autoptr(ReflectSession) gone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 missing = 9999;

  g_assert_cmpint (reflect_store_add_attendee (f->store, new, "Sam Example", "Housing", "", &error),
                   >, 0);
  g_assert_cmpint (reflect_store_add_attendee (f->store, new, "Kim Example", "School nursing", "",
                                               &error), >, 0);
  g_assert_cmpint (reflect_store_add_attendee (f->store, new, "Lee Example", "Housing", "", &error),
                   >, 0);

  ids = reflect_store_list_session_ids (f->store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, new);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, old);

  /* A session deleted after the ids were read shows blank, not a crash. */
  g_array_append_val (ids, missing);
  list = reflect_session_list_new (f->store, ids);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == REFLECT_TYPE_SESSION);
  g_assert_cmpint (reflect_session_list_get_id (list, 1), ==, old);
  g_assert_cmpint (reflect_session_list_get_id (list, 3), ==, 0);

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (reflect_session_get_case_ref (first), ==, "C-NEW");
  /* Each agency once, in the order people were added. */
  g_assert_cmpstr (reflect_session_get_agencies (first), ==, "Housing, School nursing");
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (again == first);

  gone = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_cmpint (reflect_session_get_id (gone), ==, missing);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/history/match-query", test_match_query);
  ADD ("/history/search", test_search);
  ADD ("/history/filters", test_filters);
  ADD ("/history/session-list", test_session_list);
  ADD ("/history/newest-first-then-the-rest", test_newest_first_then_the_rest);
  ADD ("/history/follow-up", test_follow_up);
  ADD ("/history/retention", test_retention);
  ADD ("/history/delete-clears-index", test_delete_clears_index);
#undef ADD

  return g_test_run ();
}
