/* test-ui-people.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "reflect-attendee-row.h"
#include "reflect-people-view.h"
#include "reflect-store-people.h"
#include "reflect-test-env.h"
#include "reflect-test-ui.h"

static char *home;

typedef struct
{
  ReflectStore      *store;
  ReflectCatalog    *catalog;
  ReflectRun        *run;
  GtkWindow         *window;
  ReflectPeopleView *view;
} Harness;

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *into)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (into, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, into);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             GType       type,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (widget, type, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];
  return NULL;
}

static GPtrArray *
rows (Harness *h)
{
  GPtrArray *found = g_ptr_array_new ();
  collect (GTK_WIDGET (h->view), REFLECT_TYPE_ATTENDEE_ROW, found);
  return found;
}

static ReflectAttendeeRow *
row_named (Harness    *h,
           const char *name)
{
  g_autoptr(GPtrArray) all = rows (h);

  for (guint i = 0; i < all->len; i++)
    {
      ReflectAttendee *a = reflect_attendee_row_get_attendee (all->pdata[i]);
      if (g_strcmp0 (reflect_attendee_get_name (a), name) == 0)
        return all->pdata[i];
    }
  return NULL;
}

static void
harness_open_model (Harness    *h,
                    gint64      session_id,
                    const char *model_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (home, "reflect", "reflect.db", NULL);
  g_autoptr(ReflectSession) session = NULL;

  h->store = reflect_store_open (path, &error);
  g_assert_no_error (error);
  h->catalog = reflect_catalog_new (h->store);

  if (session_id == 0)
    {
      session = reflect_session_new (reflect_catalog_find_model (h->catalog, model_id));
      reflect_session_set_case_ref (session, "UI-PEOPLE");
      g_assert_true (reflect_store_create_session (h->store, session, &error));
    }
  else
    {
      session = reflect_store_load_session (h->store, session_id, &error);
    }
  g_assert_no_error (error);

  h->run = reflect_run_new (h->store, h->catalog, session, &error);
  g_assert_no_error (error);

  h->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (h->window, 1000, 700);
  h->view = g_object_new (REFLECT_TYPE_PEOPLE_VIEW, NULL);
  gtk_window_set_child (h->window, GTK_WIDGET (h->view));
  reflect_people_view_set_run (h->view, h->run);
  gtk_window_present (h->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (h->window));
  settle ();
}

static void
harness_open (Harness *h,
              gint64   session_id)
{
  harness_open_model (h, session_id, "space-to-think");
}

static void
harness_close (Harness *h)
{
  gtk_window_destroy (h->window);
  settle ();
  g_clear_object (&h->run);
  g_clear_object (&h->catalog);
  g_assert_finalize_object (h->store);
  h->store = NULL;
}

static void
type_and_enter (Harness    *h,
                const char *name,
                const char *agency,
                const char *job)
{
  GtkWidget *name_entry = find_named (GTK_WIDGET (h->view), "new-name");
  GtkWidget *agency_combo = find_named (GTK_WIDGET (h->view), "new-agency");
  GtkWidget *agency_entry = gtk_combo_box_get_child (GTK_COMBO_BOX (agency_combo));
  GtkWidget *job_entry = find_named (GTK_WIDGET (h->view), "new-job");
  GtkWidget *focus;

  gtk_editable_set_text (GTK_EDITABLE (name_entry), name);
  gtk_editable_set_text (GTK_EDITABLE (agency_entry), agency);
  gtk_editable_set_text (GTK_EDITABLE (job_entry), job);
  /* Enter in the job title field adds the person... */
  g_signal_emit_by_name (job_entry, "activate");
  settle ();

  /* ...and the name field is ready for the next one. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_entry)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (job_entry)), ==, "");
  focus = gtk_root_get_focus (GTK_ROOT (h->window));
  g_assert_true (focus == name_entry || gtk_widget_is_ancestor (focus, name_entry));
}

static void
click_role (ReflectAttendeeRow *row,
            const char         *title)
{
  GtkWidget *toggle = find_button (GTK_WIDGET (row), GTK_TYPE_TOGGLE_BUTTON, title);

  g_assert_nonnull (toggle);
  g_assert_true (gtk_widget_get_visible (toggle));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  settle ();
}

static gboolean
role_shown (ReflectAttendeeRow *row,
            const char         *title)
{
  GtkWidget *toggle = find_button (GTK_WIDGET (row), GTK_TYPE_TOGGLE_BUTTON, title);
  return toggle != NULL && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle));
}

static void
check_group (Harness *h)
{
  g_autoptr(GPtrArray) all = rows (h);
  static const char *agencies[] = { "Police", "Police", "GP", "Housing", "Housing", "CAMHS" };
  static const char *names[] = { "Ada Lovelace", "Ben Okafor", "Cleo Smith", "Dev Patel",
                                 "Eve Brown", "Fay Green" };

  g_assert_cmpuint (all->len, ==, 6);
  for (guint i = 0; i < all->len; i++)
    {
      ReflectAttendee *a = reflect_attendee_row_get_attendee (all->pdata[i]);
      g_assert_cmpstr (reflect_attendee_get_name (a), ==, names[i]);
      g_assert_cmpstr (reflect_attendee_get_agency (a), ==, agencies[i]);
    }

  g_assert_true (role_shown (row_named (h, "Ada Lovelace"), "Facilitator"));
  g_assert_true (role_shown (row_named (h, "Ben Okafor"), "Case Presenter"));
  g_assert_true (role_shown (row_named (h, "Cleo Smith"), "Consultant"));
  g_assert_cmpstr (reflect_attendee_get_job_title (
                     reflect_attendee_row_get_attendee (row_named (h, "Dev Patel"))), ==,
                   "Housing officer");
}

static void
test_people_view (void)
{
  Harness h = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *holder = NULL;
  ReflectAttendeeRow *cleo;
  GtkWidget *add_message;
  GtkWidget *replace;
  gint64 session_id;

  harness_open (&h, 0);
  session_id = reflect_session_get_id (reflect_run_get_session (h.run));

  /* Six people from four agencies, from the keyboard. */
  type_and_enter (&h, "Ada Lovelace", "Police", "Detective Sergeant");
  type_and_enter (&h, "Ben Okafor", "police", "PCSO");
  type_and_enter (&h, "Cleo Smith", "GP", "");
  type_and_enter (&h, "Dev Patel", "Housing", "Housing officer");
  type_and_enter (&h, "Eve Brown", "Housing", "");
  type_and_enter (&h, "Fay Green", "CAMHS", "Clinical psychologist");
  {
    g_autoptr(GPtrArray) all = rows (&h);
    g_assert_cmpuint (all->len, ==, 6);
  }

  /* An empty name is refused with a message; nothing is added. */
  {
    GtkWidget *name_entry = find_named (GTK_WIDGET (h.view), "new-name");
    g_autoptr(GPtrArray) all = NULL;

    gtk_editable_set_text (GTK_EDITABLE (name_entry), "  ");
    g_signal_emit_by_name (name_entry, "activate");
    settle ();
    add_message = NULL;
    for (GtkWidget *w = gtk_widget_get_parent (name_entry); w && !add_message;
         w = gtk_widget_get_parent (w))
      {
        g_autoptr(GPtrArray) labels = g_ptr_array_new ();
        collect (w, GTK_TYPE_LABEL, labels);
        for (guint i = 0; i < labels->len; i++)
          if (gtk_widget_has_css_class (labels->pdata[i], "error") &&
              gtk_widget_get_visible (labels->pdata[i]))
            add_message = labels->pdata[i];
      }
    g_assert_nonnull (add_message);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (add_message)), "name"));
    all = rows (&h);
    g_assert_cmpuint (all->len, ==, 6);

    /* A duplicate too. */
    gtk_editable_set_text (GTK_EDITABLE (name_entry), "ada lovelace");
    g_signal_emit_by_name (name_entry, "activate");
    settle ();
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (add_message)), "Ada Lovelace"));
    gtk_editable_set_text (GTK_EDITABLE (name_entry), "");
  }

  click_role (row_named (&h, "Ada Lovelace"), "Facilitator");
  click_role (row_named (&h, "Ben Okafor"), "Case Presenter");
  g_assert_cmpint (reflect_store_get_role_holder (h.store, reflect_run_get_round_id (h.run),
                                                  "facilitator", NULL, &error), ==,
                   reflect_attendee_get_id (reflect_attendee_row_get_attendee (
                     row_named (&h, "Ada Lovelace"))));

  /* A second facilitator: refused, explained, nothing changed. */
  cleo = row_named (&h, "Cleo Smith");
  click_role (cleo, "Facilitator");
  cleo = row_named (&h, "Cleo Smith");
  g_assert_nonnull (strstr (reflect_attendee_row_get_message (cleo), "Ada Lovelace"));
  g_assert_true (role_shown (cleo, "Consultant"));
  g_assert_false (role_shown (cleo, "Facilitator"));
  g_assert_true (role_shown (row_named (&h, "Ada Lovelace"), "Facilitator"));
  reflect_store_get_role_holder (h.store, reflect_run_get_round_id (h.run), "facilitator",
                                 &holder, &error);
  g_assert_cmpstr (holder, ==, "Ada Lovelace");

  /* The explicit way to move the role is offered. */
  replace = find_button (GTK_WIDGET (cleo), GTK_TYPE_BUTTON, "Make Cleo Smith Facilitator Instead");
  g_assert_nonnull (replace);
  g_assert_true (gtk_widget_get_visible (replace));

  /* A refusal on another row takes the place of the first: one message,
   * about what was just done. */
  click_role (row_named (&h, "Dev Patel"), "Facilitator");
  g_assert_nonnull (strstr (reflect_attendee_row_get_message (row_named (&h, "Dev Patel")),
                            "Ada Lovelace"));
  g_assert_cmpstr (reflect_attendee_row_get_message (row_named (&h, "Cleo Smith")), ==, "");

  /* Rebuilt from the store, everything is as it was. */
  harness_close (&h);
  harness_open (&h, session_id);
  check_group (&h);
  harness_close (&h);
}

static GtkWidget *
find_label_starting (GtkWidget  *widget,
                     const char *start)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), start) &&
        gtk_widget_get_visible (labels->pdata[i]))
      return labels->pdata[i];
  return NULL;
}

static void
test_second_round (void)
{
  Harness h = { 0, };
  g_autoptr(GError) error = NULL;
  GtkWidget *round_dropdown;
  GtkWidget *copy;

  harness_open (&h, 0);
  type_and_enter (&h, "Ada Lovelace", "Police", "");
  type_and_enter (&h, "Ben Okafor", "GP", "");
  click_role (row_named (&h, "Ada Lovelace"), "Facilitator");
  click_role (row_named (&h, "Ben Okafor"), "Case Presenter");
  g_assert_nonnull (find_label_starting (GTK_WIDGET (h.view), "Round 1 roles"));

  g_assert_true (reflect_run_start_next_round (h.run, &error));
  g_assert_no_error (error);
  settle ();

  /* Round 2 starts open, and says nobody facilitates yet. */
  g_assert_nonnull (find_label_starting (GTK_WIDGET (h.view), "Round 2 roles"));
  g_assert_nonnull (find_label_starting (GTK_WIDGET (h.view), "Nobody is the Facilitator"));
  g_assert_true (role_shown (row_named (&h, "Ada Lovelace"), "Consultant"));
  copy = find_button (GTK_WIDGET (h.view), GTK_TYPE_BUTTON, "Copy Roles from Round 1");
  g_assert_nonnull (copy);
  g_assert_true (gtk_widget_get_visible (copy));

  /* Swapped for the repeat. */
  click_role (row_named (&h, "Ben Okafor"), "Facilitator");
  click_role (row_named (&h, "Ada Lovelace"), "Case Presenter");
  g_assert_true (role_shown (row_named (&h, "Ben Okafor"), "Facilitator"));
  g_assert_false (gtk_widget_get_visible (copy));

  /* Round 1 is on record, shown as it was and not editable. */
  {
    g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
    collect (GTK_WIDGET (h.view), GTK_TYPE_DROP_DOWN, dropdowns);
    round_dropdown = NULL;
    for (guint i = 0; i < dropdowns->len; i++)
      if (gtk_widget_is_visible (dropdowns->pdata[i]))
        round_dropdown = dropdowns->pdata[i];
  }
  g_assert_nonnull (round_dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (round_dropdown), 0);
  settle ();
  g_assert_nonnull (find_label_starting (GTK_WIDGET (h.view), "Round 1 roles"));
  g_assert_true (role_shown (row_named (&h, "Ada Lovelace"), "Facilitator"));
  g_assert_true (role_shown (row_named (&h, "Ben Okafor"), "Case Presenter"));
  g_assert_false (gtk_widget_is_sensitive (
    find_button (GTK_WIDGET (row_named (&h, "Ada Lovelace")), GTK_TYPE_TOGGLE_BUTTON,
                 "Consultant")));

  harness_close (&h);
}

static void
test_morrison (void)
{
  Harness h = { 0, };
  GtkWidget *confidence;

  harness_open_model (&h, 0, "morrison");
  type_and_enter (&h, "Ada Lovelace", "Children's social care", "Team Manager");
  type_and_enter (&h, "Ben Okafor", "GP", "");
  type_and_enter (&h, "Cleo Smith", "School nursing", "");

  /* A Chair and members; no case presenter to choose. */
  click_role (row_named (&h, "Ada Lovelace"), "Chair");
  g_assert_true (role_shown (row_named (&h, "Ada Lovelace"), "Chair"));
  {
    g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
    guint shown = 0;

    collect (GTK_WIDGET (row_named (&h, "Ben Okafor")), GTK_TYPE_TOGGLE_BUTTON, toggles);
    for (guint i = 0; i < toggles->len; i++)
      /* (The confidence drop-down's own toggle has no label.) */
      if (gtk_widget_is_visible (toggles->pdata[i]) &&
          gtk_button_get_label (toggles->pdata[i]) != NULL)
        {
          const char *label = gtk_button_get_label (toggles->pdata[i]);
          g_assert_true (g_str_equal (label, "Chair") || g_str_equal (label, "Member"));
          shown++;
        }
    g_assert_cmpuint (shown, ==, 2);
  }

  /* Scores 1 and 4, one left blank: the spread says so. */
  {
    g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
    collect (GTK_WIDGET (row_named (&h, "Ben Okafor")), GTK_TYPE_DROP_DOWN, dropdowns);
    g_assert_cmpuint (dropdowns->len, ==, 1);
    confidence = dropdowns->pdata[0];
    gtk_drop_down_set_selected (GTK_DROP_DOWN (confidence), 1 + 1);
    settle ();
    g_ptr_array_set_size (dropdowns, 0);
    collect (GTK_WIDGET (row_named (&h, "Cleo Smith")), GTK_TYPE_DROP_DOWN, dropdowns);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdowns->pdata[0]), 4 + 1);
    settle ();
  }
  g_assert_nonnull (find_label_starting (GTK_WIDGET (h.view),
                                         "2 of 3 present members scored: lowest 1, highest 4"));

  harness_close (&h);
}

/* Name, Tab, agency, Tab, job title: the agency list's arrow is no stop on
 * the way (it took the job title, and Return there opened the list). */
static void
test_tab_order_of_add_row (void)
{
  Harness h = { 0, };
  GtkWidget *name_entry;
  GtkWidget *agency_entry;
  GtkWidget *job_entry;
  GtkWidget *focus;

  harness_open (&h, 0);
  name_entry = find_named (GTK_WIDGET (h.view), "new-name");
  agency_entry = gtk_combo_box_get_child (GTK_COMBO_BOX (find_named (GTK_WIDGET (h.view),
                                                                     "new-agency")));
  job_entry = find_named (GTK_WIDGET (h.view), "new-job");

  g_assert_true (gtk_widget_grab_focus (name_entry));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (h.window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (h.window));
  g_assert_true (focus == agency_entry || gtk_widget_is_ancestor (focus, agency_entry));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (h.window), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (h.window));
  g_assert_true (focus == job_entry || gtk_widget_is_ancestor (focus, job_entry));

  harness_close (&h);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  home = reflect_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/people/add-assign-refuse-reload", test_people_view);
  g_test_add_func ("/ui/people/second-round-roles", test_second_round);
  g_test_add_func ("/ui/people/morrison-confidence", test_morrison);
  g_test_add_func ("/ui/people/tab-order-of-add-row", test_tab_order_of_add_row);

  status = g_test_run ();
  return reflect_test_ui_finish (status, home);
}
