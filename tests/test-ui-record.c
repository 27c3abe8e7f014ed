/* test-ui-record.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reflect-export-dialog.h"
#include "reflect-note-pad.h"
#include "reflect-record-view.h"
#include "reflect-test-env.h"
#include "reflect-test-ui.h"
#include "reflect-test-record-fixture.h"

static char *home;

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

static void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
type_into (GtkWidget  *view,
           const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  /* As typing does: one user action per keystroke. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      char one[8] = { 0 };
      g_unichar_to_utf8 (g_utf8_get_char (p), one);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, one, -1, TRUE);
    }
}

typedef struct
{
  ReflectStore *store;
  ReflectRun   *run;
  gint64        id;
} Session;

static void
session_open (Session    *s,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (home, name, "reflect.db", NULL);
  g_autoptr(ReflectCatalog) catalog = reflect_catalog_new (NULL);
  g_autoptr(ReflectSession) session = NULL;

  s->store = reflect_store_open (path, &error);
  g_assert_no_error (error);
  s->id = record_fixture_create (s->store);
  session = reflect_store_load_session (s->store, s->id, &error);
  g_assert_no_error (error);
  s->run = reflect_run_new (s->store, catalog, session, &error);
  g_assert_no_error (error);
}

static void
session_close (Session *s)
{
  g_clear_object (&s->run);
  g_clear_object (&s->store);
}

static void
test_type_then_reload (void)
{
  Session s;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = g_object_new (REFLECT_TYPE_RECORD_VIEW, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autoptr(ReflectRecord) record = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  GtkWidget *field;

  session_open (&s, "type");
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  reflect_record_view_set_run (REFLECT_RECORD_VIEW (view), s.run);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  /* A note, flushed by hand. */
  field = find_named (view, "note:checking-facts");
  g_assert_nonnull (field);
  type_into (field, "Dilemma: who leads? Gŵyl ✓");
  g_assert_true (reflect_record_view_flush (REFLECT_RECORD_VIEW (view)));
  note = reflect_store_load_note (s.store, s.id, 1, "checking-facts", &error);
  g_assert_cmpstr (note, ==, "Dilemma: who leads? Gŵyl ✓");

  /* A record field, saved by the debounce alone. */
  field = find_named (view, "record:learning");
  g_assert_nonnull (field);
  type_into (field, " More.");
  wait_ms (900);
  record = reflect_store_load_record (s.store, s.id, &error);
  g_assert_true (g_str_has_suffix (record->fields[REFLECT_RECORD_LEARNING], "not later. More."));

  /* Undo works in the text fields. */
  g_assert_true (gtk_widget_activate_action (field, "text.undo", NULL));
  g_assert_true (reflect_record_view_flush (REFLECT_RECORD_VIEW (view)));

  /* A new action, typed and saved when the run is closed. */
  g_assert_true (gtk_widget_activate_action (view, "record.add-action", NULL));
  field = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (field);
  field = gtk_widget_get_ancestor (field, GTK_TYPE_ENTRY);
  g_assert_nonnull (field);
  g_assert_cmpstr (gtk_widget_get_name (field), ==, "action-what");
  gtk_editable_set_text (GTK_EDITABLE (field), "Book the family group conference");
  reflect_record_view_set_run (REFLECT_RECORD_VIEW (view), NULL);
  actions = reflect_store_list_actions (s.store, s.id, &error);
  g_assert_cmpuint (actions->len, ==, 4);
  g_assert_cmpstr (((ReflectAction *)g_ptr_array_index (actions, 3))->what, ==,
                   "Book the family group conference");

  gtk_window_destroy (GTK_WINDOW (window));
  session_close (&s);
}

static void
test_preview_hides_names (void)
{
  Session s;
  GtkWindow *dialog;
  g_autofree char *text = NULL;
  g_autofree char *named = NULL;
  g_autofree char *plain = NULL;

  session_open (&s, "preview");
  dialog = reflect_export_dialog_new (NULL, s.run, REFLECT_EXPORT_CHILD_RECORD);
  gtk_window_present (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  text = reflect_export_dialog_get_text (REFLECT_EXPORT_DIALOG (dialog));
  g_assert_nonnull (strstr (text, "Agencies present: Children's Social Care, Health Visiting, "
                                  "School, Police"));
  record_fixture_assert_no_names (text);
  g_assert_nonnull (strstr (text, "CIN support"));

  reflect_export_dialog_expand_term (REFLECT_EXPORT_DIALOG (dialog), "CIN");
  plain = reflect_export_dialog_get_text (REFLECT_EXPORT_DIALOG (dialog));
  g_assert_nonnull (strstr (plain, "Child in Need support"));

  reflect_export_dialog_set_include_names (REFLECT_EXPORT_DIALOG (dialog), TRUE);
  named = reflect_export_dialog_get_text (REFLECT_EXPORT_DIALOG (dialog));
  g_assert_nonnull (strstr (named, "Amina Khan"));

  gtk_window_destroy (dialog);
  session_close (&s);
}

static void
test_note_pad_follows_stage (void)
{
  Session s;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pad = reflect_note_pad_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  GtkWidget *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  session_open (&s, "pad");
  gtk_window_set_child (GTK_WINDOW (window), pad);
  reflect_note_pad_set_run (REFLECT_NOTE_PAD (pad), s.run);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  view = find_named (pad, "GtkTextView");
  g_assert_true (GTK_IS_TEXT_VIEW (view));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_assert_cmpstr (gtk_text_buffer_get_text (buffer, &start, &end, FALSE), ==,
                   "Gwenllian is worried: mum missed three visits.\n"
                   "Tom said the police were called twice.");
  g_assert_false (gtk_widget_is_visible (find_named (pad, "GtkButton")));

  /* Purposeful reflection: the presenter's pad, and lines become actions. */
  g_assert_true (reflect_stage_clock_jump (reflect_run_get_clock (s.run), 4));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_assert_cmpstr (gtk_text_buffer_get_text (buffer, &start, &end, FALSE), ==,
                   "Amina suggested a TAF. Priya will check the GP records.");
  g_assert_true (gtk_widget_is_visible (find_named (pad, "GtkButton")));
  gtk_text_buffer_set_text (buffer, "- Ring the school nurse\n\n• Ask about the housing move", -1);
  g_assert_true (gtk_widget_activate_action (pad, "note-pad.lines-to-actions", NULL));
  actions = reflect_store_list_actions (s.store, s.id, &error);
  g_assert_cmpuint (actions->len, ==, 5);
  g_assert_cmpstr (((ReflectAction *)g_ptr_array_index (actions, 4))->what, ==,
                   "Ask about the housing move");

  /* Moving on saves the note at once. */
  g_assert_true (reflect_stage_clock_next (reflect_run_get_clock (s.run)));
  note = reflect_store_load_note (s.store, s.id, 1, "purposeful-reflection", &error);
  g_assert_cmpstr (note, ==, "- Ring the school nurse\n\n• Ask about the housing move");

  gtk_window_destroy (GTK_WINDOW (window));
  session_close (&s);
}

/* Tab from what will be done goes to who will do it, not to Move and
 * Delete; and a deleted action comes back with Undo, where it was, done
 * or not. */
static void
test_action_tab_order_and_undo (void)
{
  Session s;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = g_object_new (REFLECT_TYPE_RECORD_VIEW, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  ReflectAction *second;
  GtkWidget *focus;

  session_open (&s, "undo");
  before = reflect_store_list_actions (s.store, s.id, &error);
  g_assert_cmpuint (before->len, ==, 3);
  second = g_ptr_array_index (before, 1);
  g_assert_true (reflect_store_update_action (s.store, second->id, second->what, second->owner,
                                              second->due, TRUE, &error));
  g_assert_no_error (error);

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  reflect_record_view_set_run (REFLECT_RECORD_VIEW (view), s.run);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  g_assert_true (gtk_widget_grab_focus (find_named (view, "action-what")));
  g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD));
  focus = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_ENTRY);
  g_assert_nonnull (focus);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==,
                   ((ReflectAction *)g_ptr_array_index (before, 0))->owner);
  if (g_getenv ("REFLECT_SHOT_DIR") != NULL)
    {
      GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (focus,
                                                                                GTK_TYPE_SCROLLED_WINDOW));
      GtkWidget *content = gtk_scrolled_window_get_child (scroller);
      graphene_point_t at;

      /* The actions, below the notes. */
      g_assert_true (gtk_widget_compute_point (focus, content, &GRAPHENE_POINT_INIT (0, 0), &at));
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), at.y - 200);
      reflect_test_wait_until_drawn (window);
      reflect_test_save_screenshot (window, "record-actions.png");
    }

  g_assert_true (gtk_widget_activate_action (view, "record.delete-action", "x", second->id));
  after = reflect_store_list_actions (s.store, s.id, &error);
  g_assert_cmpuint (after->len, ==, 2);
  g_clear_pointer (&after, g_ptr_array_unref);

  g_assert_true (gtk_widget_activate_action (view, "record.undo-delete", NULL));
  after = reflect_store_list_actions (s.store, s.id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      ReflectAction *was = g_ptr_array_index (before, i);
      ReflectAction *is = g_ptr_array_index (after, i);

      g_assert_cmpstr (is->what, ==, was->what);
      g_assert_cmpstr (is->owner, ==, was->owner);
      g_assert_cmpstr (is->due, ==, was->due);
      g_assert_cmpint (is->done, ==, i == 1);
    }

  /* Once only: a second Undo brings nothing more back. */
  g_assert_true (gtk_widget_activate_action (view, "record.undo-delete", NULL));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = reflect_store_list_actions (s.store, s.id, &error);
  g_assert_cmpuint (after->len, ==, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  session_close (&s);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("TZ", "UTC", TRUE);
  home = reflect_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/record/type-then-reload", test_type_then_reload);
  g_test_add_func ("/ui/record/preview-hides-names", test_preview_hides_names);
  g_test_add_func ("/ui/record/note-pad-follows-stage", test_note_pad_follows_stage);
  g_test_add_func ("/ui/record/action-tab-order-and-undo", test_action_tab_order_and_undo);

  status = g_test_run ();
  return reflect_test_ui_finish (status, home);
}
