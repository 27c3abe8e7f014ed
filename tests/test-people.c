/* test-people.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "reflect-run.h"
#include "reflect-store-people.h"
#include "reflect-test-env.h"

typedef struct
{
  char           *home;
  char           *path;
  ReflectStore   *store;
  ReflectCatalog *catalog;
  gint64          session_id;
  ReflectRun     *run;
  gint64          round_id;
} Fixture;

static gint64
make_session (Fixture    *f,
              const char *model_id,
              const char *case_ref,
              gint64      starts_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectSession) session = NULL;

  session = reflect_session_new (reflect_catalog_find_model (f->catalog, model_id));
  reflect_session_set_case_ref (session, case_ref);
  if (starts_at > 0)
    reflect_session_set_starts_at (session, starts_at);
  g_assert_true (reflect_store_create_session (f->store, session, &error));
  g_assert_no_error (error);
  return reflect_session_get_id (session);
}

static ReflectRun *
open_run (Fixture *f,
          gint64   session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectSession) session = reflect_store_load_session (f->store, session_id, &error);
  ReflectRun *run;

  g_assert_no_error (error);
  run = reflect_run_new (f->store, f->catalog, session, &error);
  g_assert_no_error (error);
  return run;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *model_id = data ? data : "space-to-think";

  f->home = reflect_test_make_data_home ();
  f->path = g_build_filename (f->home, "reflect", "reflect.db", NULL);
  f->store = reflect_store_open (f->path, &error);
  g_assert_no_error (error);
  f->catalog = reflect_catalog_new (f->store);
  f->session_id = make_session (f, model_id, "PEOPLE-1", 0);
  f->run = open_run (f, f->session_id);
  f->round_id = reflect_run_get_round_id (f->run);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->run);
  g_clear_object (&f->catalog);
  g_clear_object (&f->store);
  reflect_test_remove_tree (f->home);
  g_free (f->home);
  g_free (f->path);
}

static gint64
add (Fixture    *f,
     const char *name,
     const char *agency)
{
  g_autoptr(GError) error = NULL;
  gint64 id = reflect_store_add_attendee (f->store, f->session_id, name, agency, "", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static ReflectAttendee *
load (Fixture *f,
      gint64   id,
      gint64   round_id)
{
  g_autoptr(GError) error = NULL;
  ReflectAttendee *attendee = reflect_store_load_attendee (f->store, id, round_id, &error);

  g_assert_no_error (error);
  return attendee;
}

static const char *
role_of (Fixture *f,
         gint64   id,
         gint64   round_id)
{
  g_autoptr(ReflectAttendee) attendee = load (f, id, round_id);
  /* Interned so the caller need not free it. */
  return g_intern_string (reflect_attendee_get_role (attendee));
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      return TRUE;
  return FALSE;
}

static void
count_changed_cb (ReflectStore *store,
                  gint64        session_id,
                  gpointer      user_data)
{
  gint64 *last = user_data;
  *last = session_id;
}

static void
test_add_edit_remove (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(ReflectAttendee) first = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  gint64 changed = 0;
  gint64 ada, zeb;

  g_signal_connect (f->store, "changed", G_CALLBACK (count_changed_cb), &changed);

  ada = reflect_store_add_attendee (f->store, f->session_id, "  Ada Lovelace ", "Police",
                                    "Detective Sergeant", &error);
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, f->session_id);
  zeb = add (f, "Zebedee Quillfeather", "Housing");

  list = reflect_store_list_attendees (f->store, f->session_id, f->round_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpint (reflect_attendee_get_id (first), ==, ada);
  g_assert_cmpint (reflect_attendee_get_session_id (first), ==, f->session_id);
  /* The ends are trimmed; nothing else is touched. */
  g_assert_cmpstr (reflect_attendee_get_name (first), ==, "Ada Lovelace");
  g_assert_cmpstr (reflect_attendee_get_agency (first), ==, "Police");
  g_assert_cmpstr (reflect_attendee_get_job_title (first), ==, "Detective Sergeant");
  g_assert_true (reflect_attendee_get_present (first));
  g_assert_cmpint (reflect_attendee_get_confidence (first), ==, -1);
  g_assert_cmpstr (reflect_attendee_get_role (first), ==, "consultant");
  g_clear_object (&first);

  changed = 0;
  g_assert_true (reflect_store_update_attendee (f->store, ada, "Ada King", "Early help",
                                                "Family worker", &error));
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, f->session_id);
  first = load (f, ada, 0);
  g_assert_cmpstr (reflect_attendee_get_name (first), ==, "Ada King");
  g_assert_cmpstr (reflect_attendee_get_agency (first), ==, "Early help");
  g_assert_cmpstr (reflect_attendee_get_job_title (first), ==, "Family worker");
  g_assert_cmpstr (reflect_attendee_get_role (first), ==, "");

  g_assert_true (reflect_store_set_attendee_present (f->store, ada, FALSE, &error));
  g_assert_no_error (error);
  g_clear_object (&first);
  first = load (f, ada, 0);
  g_assert_false (reflect_attendee_get_present (first));

  /* Deleting removes the name from the file, not just from the list. */
  g_assert_true (reflect_store_set_role (f->store, f->round_id, zeb, "facilitator", &error));
  g_assert_no_error (error);
  g_assert_true (reflect_store_checkpoint (f->store, &error));
  g_assert_true (file_contains (f->path, "Quillfeather"));
  changed = 0;
  g_assert_true (reflect_store_delete_attendee (f->store, zeb, &error));
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, f->session_id);
  g_assert_true (reflect_store_checkpoint (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (file_contains (f->path, "Quillfeather"));
  g_assert_false (file_contains (wal, "Quillfeather"));
  g_assert_cmpint (reflect_store_get_role_holder (f->store, f->round_id, "facilitator", NULL,
                                                  &error), ==, 0);
  g_assert_no_error (error);

  g_assert_null (reflect_store_load_attendee (f->store, zeb, 0, &error));
  g_assert_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (reflect_store_delete_attendee (f->store, zeb, &error));
  g_assert_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_NOT_FOUND);

  g_signal_handlers_disconnect_by_data (f->store, &changed);
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *exactly = NULL;
  gint64 id;

  g_assert_cmpint (reflect_store_add_attendee (f->store, f->session_id, "   ", "Police", "",
                                               &error), ==, 0);
  g_assert_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_EMPTY_NAME);
  g_assert_nonnull (strstr (error->message, "name"));
  g_clear_error (&error);

  /* Counted in characters, not bytes: 200 accented letters are fine. */
  for (guint i = 0; i < 200; i++)
    g_string_append (long_text, "é");
  exactly = g_strdup (long_text->str);
  id = reflect_store_add_attendee (f->store, f->session_id, exactly, "", "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  g_string_append (long_text, "x");
  g_assert_cmpint (reflect_store_add_attendee (f->store, f->session_id, long_text->str, "", "",
                                               &error), ==, 0);
  g_assert_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "name"));
  g_assert_nonnull (strstr (error->message, "200"));
  g_clear_error (&error);

  g_assert_cmpint (reflect_store_add_attendee (f->store, f->session_id, "Ben", long_text->str, "",
                                               &error), ==, 0);
  g_assert_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "agency"));
  g_clear_error (&error);

  g_assert_cmpint (reflect_store_add_attendee (f->store, f->session_id, "Ben", "", long_text->str,
                                               &error), ==, 0);
  g_assert_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "job title"));
  g_clear_error (&error);

  /* Nothing was cut and stored. */
  g_assert_false (reflect_store_update_attendee (f->store, id, long_text->str, "", "", &error));
  g_assert_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_TOO_LONG);
  g_clear_error (&error);

  add (f, "Cleo Jones", "GP");
  g_assert_cmpint (reflect_store_add_attendee (f->store, f->session_id, "cleo JONES", "", "",
                                               &error), ==, 0);
  g_assert_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "Cleo Jones"));
  g_clear_error (&error);
  g_assert_false (reflect_store_update_attendee (f->store, id, "Cleo Jones", "", "", &error));
  g_assert_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_DUPLICATE);
  g_clear_error (&error);

  list = reflect_store_list_attendees (f->store, f->session_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  /* The same person may come to another session. */
  {
    gint64 other = make_session (f, "space-to-think", "PEOPLE-2", 0);
    g_assert_cmpint (reflect_store_add_attendee (f->store, other, "Cleo Jones", "GP", "",
                                                 &error), >, 0);
    g_assert_no_error (error);
  }
}

static void
test_one_facilitator (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *holder_name = NULL;
  gint64 ada = add (f, "Ada", "Police");
  gint64 ben = add (f, "Ben", "GP");
  gint64 changed = 0;

  g_assert_true (reflect_store_set_role (f->store, f->round_id, ada, "facilitator", &error));
  g_assert_no_error (error);

  g_signal_connect (f->store, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_assert_false (reflect_store_set_role (f->store, f->round_id, ben, "facilitator", &error));
  g_assert_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_ROLE_TAKEN);
  g_assert_nonnull (strstr (error->message, "Ada"));
  g_assert_nonnull (strstr (error->message, "Facilitator"));
  g_clear_error (&error);
  g_assert_cmpint (changed, ==, 0);
  g_assert_cmpstr (role_of (f, ada, f->round_id), ==, "facilitator");
  g_assert_cmpstr (role_of (f, ben, f->round_id), ==, "consultant");

  /* Moving the role is an explicit, separate request. */
  g_assert_true (reflect_store_replace_role (f->store, f->round_id, ben, "facilitator", &error));
  g_assert_no_error (error);
  g_assert_cmpint (changed, ==, f->session_id);
  g_assert_cmpstr (role_of (f, ada, f->round_id), ==, "consultant");
  g_assert_cmpstr (role_of (f, ben, f->round_id), ==, "facilitator");
  g_assert_cmpint (reflect_store_get_role_holder (f->store, f->round_id, "facilitator",
                                                  &holder_name, &error), ==, ben);
  g_assert_cmpstr (holder_name, ==, "Ben");

  /* Asking again for what is already so is not an error. */
  g_assert_true (reflect_store_set_role (f->store, f->round_id, ben, "facilitator", &error));
  g_assert_no_error (error);

  g_assert_false (reflect_store_set_role (f->store, f->round_id, ben, "chair", &error));
  g_assert_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_NO_SUCH_ROLE);

  g_signal_handlers_disconnect_by_data (f->store, &changed);
}

static void
test_one_presenter (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ada = add (f, "Ada", "Police");
  gint64 ben = add (f, "Ben", "GP");

  g_assert_true (reflect_store_set_role (f->store, f->round_id, ada, "presenter", &error));
  g_assert_no_error (error);
  g_assert_false (reflect_store_set_role (f->store, f->round_id, ben, "presenter", &error));
  g_assert_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_ROLE_TAKEN);
  g_assert_nonnull (strstr (error->message, "Case Presenter"));
  g_assert_cmpstr (role_of (f, ben, f->round_id), ==, "consultant");
}

static void
test_one_role_per_person (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ada = add (f, "Ada", "Police");

  g_assert_true (reflect_store_set_role (f->store, f->round_id, ada, "presenter", &error));
  g_assert_true (reflect_store_set_role (f->store, f->round_id, ada, "facilitator", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (role_of (f, ada, f->round_id), ==, "facilitator");
  g_assert_cmpint (reflect_store_get_role_holder (f->store, f->round_id, "presenter", NULL,
                                                  &error), ==, 0);

  g_assert_true (reflect_store_set_role (f->store, f->round_id, ada, "consultant", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (role_of (f, ada, f->round_id), ==, "consultant");
  g_assert_cmpint (reflect_store_get_role_holder (f->store, f->round_id, "facilitator", NULL,
                                                  &error), ==, 0);
}

static void
test_presenter_needs_model (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ada = add (f, "Ada", "Children's social care");
  gint64 ben = add (f, "Ben", "GP");

  /* Morrison: a Chair and members, no case presenter. */
  g_assert_false (reflect_store_set_role (f->store, f->round_id, ben, "presenter", &error));
  g_assert_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_NO_SUCH_ROLE);
  g_assert_nonnull (strstr (error->message, "Chair"));
  g_clear_error (&error);
  g_assert_cmpstr (role_of (f, ben, f->round_id), ==, "consultant");

  g_assert_true (reflect_store_set_role (f->store, f->round_id, ada, "facilitator", &error));
  g_assert_no_error (error);
  g_assert_false (reflect_store_set_role (f->store, f->round_id, ben, "facilitator", &error));
  g_assert_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_ROLE_TAKEN);
  g_assert_nonnull (strstr (error->message, "Chair"));
}

static void
test_absent_has_no_role (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ada = add (f, "Ada", "Police");

  g_assert_true (reflect_store_set_attendee_present (f->store, ada, FALSE, &error));
  g_assert_false (reflect_store_set_role (f->store, f->round_id, ada, "facilitator", &error));
  g_assert_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_ABSENT);
  g_assert_nonnull (strstr (error->message, "absent"));
}

static void
test_roles_per_round (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ada = add (f, "Ada", "Police");
  gint64 ben = add (f, "Ben", "GP");
  gint64 round1 = f->round_id;
  gint64 round2;
  g_auto(GStrv) names = NULL;

  g_assert_true (reflect_store_set_role (f->store, round1, ada, "facilitator", &error));
  g_assert_true (reflect_store_set_role (f->store, round1, ben, "presenter", &error));
  g_assert_no_error (error);

  g_assert_true (reflect_run_start_next_round (f->run, &error));
  g_assert_no_error (error);
  round2 = reflect_run_get_round_id (f->run);
  g_assert_cmpint (round2, !=, round1);
  g_assert_cmpint (reflect_store_get_round_id (f->store, f->session_id, 2, &error), ==, round2);
  g_assert_cmpint (reflect_store_get_round_id (f->store, f->session_id, 1, &error), ==, round1);
  g_assert_cmpint (reflect_store_get_round_id (f->store, f->session_id, 3, &error), ==, 0);
  g_assert_no_error (error);

  /* A new round starts with the roles open. */
  g_assert_cmpstr (role_of (f, ada, round2), ==, "consultant");
  g_assert_cmpstr (role_of (f, ben, round2), ==, "consultant");

  /* Swapped for the repeat; round 1 stays on record. */
  g_assert_true (reflect_store_set_role (f->store, round2, ben, "facilitator", &error));
  g_assert_true (reflect_store_set_role (f->store, round2, ada, "presenter", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (role_of (f, ada, round1), ==, "facilitator");
  g_assert_cmpstr (role_of (f, ben, round1), ==, "presenter");
  g_assert_cmpstr (role_of (f, ada, round2), ==, "presenter");
  g_assert_cmpstr (role_of (f, ben, round2), ==, "facilitator");

  names = reflect_store_list_names_in_role (f->store, round2, "facilitator", &error);
  g_assert_cmpstrv (names, ((const char * const[]) { "Ben", NULL }));

  /* Or the roles of round 1 are copied over. */
  g_assert_true (reflect_store_copy_roles (f->store, round1, round2, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (role_of (f, ada, round2), ==, "facilitator");
  g_assert_cmpstr (role_of (f, ben, round2), ==, "presenter");
}

static void
test_names_in_role (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) facilitators = NULL;
  g_auto(GStrv) presenters = NULL;
  g_auto(GStrv) consultants = NULL;
  gint64 ada = add (f, "Ada", "Police");
  gint64 cleo;

  add (f, "Ben", "GP");
  cleo = add (f, "Cleo", "Housing");
  add (f, "Dev", "CAMHS");
  g_assert_true (reflect_store_set_role (f->store, f->round_id, ada, "presenter", &error));
  g_assert_true (reflect_store_set_attendee_present (f->store, cleo, FALSE, &error));
  g_assert_no_error (error);

  /* Nobody facilitates yet: an empty list, not an error. */
  facilitators = reflect_store_list_names_in_role (f->store, f->round_id, "facilitator", &error);
  g_assert_no_error (error);
  g_assert_nonnull (facilitators);
  g_assert_cmpuint (g_strv_length (facilitators), ==, 0);

  presenters = reflect_store_list_names_in_role (f->store, f->round_id, "presenter", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (presenters, ((const char * const[]) { "Ada", NULL }));

  /* Absent people are left out; everyone without a role is a consultant. */
  consultants = reflect_store_list_names_in_role (f->store, f->round_id, "consultant", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (consultants, ((const char * const[]) { "Ben", "Dev", NULL }));
}

static void
test_suggestions (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(ReflectAttendee) first = NULL;
  g_autoptr(ReflectAttendee) second = NULL;
  gint64 older = make_session (f, "space-to-think", "OLD", 1000000000);
  gint64 newer = make_session (f, "space-to-think", "NEW", 1600000000);

  g_assert_cmpint (reflect_store_add_attendee (f->store, older, "Sam Jones", "Police", "PC",
                                               &error), >, 0);
  g_assert_cmpint (reflect_store_add_attendee (f->store, newer, "Josie Bloggs", "GP", "GP",
                                               &error), >, 0);
  g_assert_cmpint (reflect_store_add_attendee (f->store, newer, "Sam Jones", "Police", "PC",
                                               &error), >, 0);
  g_assert_cmpint (reflect_store_add_attendee (f->store, older, "Ruth 100%", "Housing", "",
                                               &error), >, 0);
  g_assert_no_error (error);

  /* "jo" starts "Josie" and "Jones"; Sam is listed once. */
  found = reflect_store_suggest_people (f->store, "jo", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
  first = g_list_model_get_item (found, 0);
  second = g_list_model_get_item (found, 1);
  g_assert_cmpstr (reflect_attendee_get_agency (first), !=, "");
  g_assert_cmpstr (reflect_attendee_get_job_title (second), !=, "");
  g_clear_object (&found);

  found = reflect_store_suggest_people (f->store, "Ruth 100", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);
  found = reflect_store_suggest_people (f->store, "%", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  g_clear_object (&found);
  found = reflect_store_suggest_people (f->store, "", 2, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
  g_clear_object (&found);

  /* Most recently seen first: Ruth was only at the old session. */
  found = reflect_store_suggest_people (f->store, "", 10, &error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 3);
  g_clear_object (&first);
  first = g_list_model_get_item (found, 2);
  g_assert_cmpstr (reflect_attendee_get_name (first), ==, "Ruth 100%");
}

static void
test_confidence (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectAttendee) ada_read = NULL;
  ReflectConfidenceSpread spread;
  gint64 ada = add (f, "Ada", "Children's social care");
  gint64 ben = add (f, "Ben", "GP");
  gint64 cleo = add (f, "Cleo", "Police");
  gint64 dev = add (f, "Dev", "School nursing");

  g_assert_true (reflect_store_get_confidence_spread (f->store, f->session_id, &spread, &error));
  g_assert_cmpuint (spread.n_scored, ==, 0);
  g_assert_cmpint (spread.lowest, ==, -1);
  g_assert_cmpint (spread.highest, ==, -1);

  g_assert_true (reflect_store_set_attendee_confidence (f->store, ada, 4, &error));
  g_assert_true (reflect_store_set_attendee_confidence (f->store, ben, 1, &error));
  g_assert_true (reflect_store_set_attendee_confidence (f->store, cleo, 4, &error));
  g_assert_true (reflect_store_set_attendee_confidence (f->store, dev, 0, &error));
  g_assert_no_error (error);

  g_assert_false (reflect_store_set_attendee_confidence (f->store, ada, 6, &error));
  g_assert_error (error, REFLECT_PEOPLE_ERROR, REFLECT_PEOPLE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  ada_read = load (f, ada, 0);
  g_assert_cmpint (reflect_attendee_get_confidence (ada_read), ==, 4);

  /* Absent members and blank scores are not counted. */
  g_assert_true (reflect_store_set_attendee_present (f->store, dev, FALSE, &error));
  g_assert_true (reflect_store_set_attendee_confidence (f->store, ben, -1, &error));
  g_assert_true (reflect_store_set_attendee_confidence (f->store, ben, 2, &error));
  g_assert_no_error (error);

  g_assert_true (reflect_store_get_confidence_spread (f->store, f->session_id, &spread, &error));
  g_assert_cmpuint (spread.n_scored, ==, 3);
  g_assert_cmpint (spread.lowest, ==, 2);
  g_assert_cmpint (spread.highest, ==, 4);
  g_assert_cmpuint (spread.count[0], ==, 0);
  g_assert_cmpuint (spread.count[2], ==, 1);
  g_assert_cmpuint (spread.count[4], ==, 2);

  g_assert_true (reflect_store_set_attendee_confidence (f->store, ben, -1, &error));
  g_clear_object (&ada_read);
  ada_read = load (f, ben, 0);
  g_assert_cmpint (reflect_attendee_get_confidence (ada_read), ==, -1);
}

static void
test_agencies (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = reflect_store_list_agencies (f->store, &error);
  g_auto(GStrv) after = NULL;
  g_autoptr(ReflectAttendee) ben = NULL;
  guint n;

  g_assert_no_error (error);
  n = g_strv_length (before);
  g_assert_cmpuint (n, ==, 16);
  g_assert_cmpstr (before[0], ==, "Children's social care");
  g_assert_true (g_strv_contains ((const char * const *)before, "CAMHS"));

  add (f, "Ada", "Family Hub");
  /* Typed in another case, a listed agency keeps its listed spelling. */
  ben = load (f, add (f, "Ben", "police"), 0);
  g_assert_cmpstr (reflect_attendee_get_agency (ben), ==, "Police");
  add (f, "Cleo", "family hub");

  after = reflect_store_list_agencies (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (after), ==, n + 1);
  g_assert_cmpstr (after[n], ==, "Family Hub");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, model) \
  g_test_add (path, Fixture, model, fixture_setup, func, fixture_teardown)

  ADD ("/people/add-edit-remove", test_add_edit_remove, NULL);
  ADD ("/people/validation", test_validation, NULL);
  ADD ("/people/roles/one-facilitator", test_one_facilitator, NULL);
  ADD ("/people/roles/one-presenter", test_one_presenter, NULL);
  ADD ("/people/roles/one-role-per-person", test_one_role_per_person, NULL);
  ADD ("/people/roles/no-presenter-in-morrison", test_presenter_needs_model, "morrison");
  ADD ("/people/roles/absent-has-no-role", test_absent_has_no_role, NULL);
  ADD ("/people/roles/per-round", test_roles_per_round, NULL);
  ADD ("/people/names-in-role", test_names_in_role, NULL);
  ADD ("/people/suggestions", test_suggestions, NULL);
  ADD ("/people/confidence", test_confidence, "morrison");
  ADD ("/people/agencies", test_agencies, NULL);

#undef ADD

  return g_test_run ();
}
