/* test-ui-models.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reflect-catalog.h"
#include "reflect-model-editor.h"
#include "reflect-models-window.h"
#include "reflect-store-models.h"
#include "reflect-test-env.h"
#include "reflect-test-ui.h"

static char *home;

/* Finds a control as a screen reader would: by its accessible name. */
static GtkWidget *
find_labelled (GtkWidget  *widget,
               const char *label)
{
  g_autofree char *mismatch = NULL;

  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  if (mismatch == NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

static void
saved_cb (ReflectModelEditor *editor,
          ReflectModel       *model,
          gpointer            user_data)
{
  *(char **)user_data = g_strdup (reflect_model_get_id (model));
}

static void
test_copy_edit_and_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (home, "models", "reflect.db", NULL);
  g_autoptr(ReflectStore) store = reflect_store_open (path, &error);
  g_autoptr(ReflectCatalog) catalog = NULL;
  g_autoptr(ReflectModel) copy = NULL;
  g_autofree char *saved_id = NULL;
  ReflectModelEditor *editor;
  ReflectModelsWindow *window;
  GtkWidget *title, *stage_error;
  ReflectModel *offered;

  g_assert_no_error (error);
  catalog = reflect_catalog_new (store);
  copy = reflect_store_copy_model (store, catalog,
                                   reflect_catalog_find_model (catalog, "space-to-think"));

  editor = reflect_model_editor_new (store, catalog, copy);
  g_object_ref (editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved_id);
  gtk_window_present (GTK_WINDOW (editor));
  reflect_test_wait_until_drawn (GTK_WIDGET (editor));

  /* Each stage's controls can be reached by name. */
  g_assert_nonnull (find_labelled (GTK_WIDGET (editor), "Duration of stage 6, in minutes"));
  g_assert_nonnull (find_labelled (GTK_WIDGET (editor), "Stage 1: Case Presenter speaks"));
  g_assert_nonnull (find_labelled (GTK_WIDGET (editor), "Facilitator’s prompt for stage 3"));

  /* A stage with no title is refused, and the editor says which. */
  title = find_labelled (GTK_WIDGET (editor), "Title of stage 2");
  g_assert_nonnull (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "  ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_null (saved_id);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_true (gtk_widget_has_css_class (title, "error"));
  stage_error = gtk_widget_get_prev_sibling (title);
  g_assert_true (GTK_IS_LIST_BOX_ROW (stage_error));
  g_assert_true (gtk_widget_get_visible (stage_error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (
                     GTK_LIST_BOX_ROW (stage_error)))), ==, "Stage 2: give the stage a title.");
  g_assert_null (reflect_catalog_find_model (catalog, "space-to-think-copy"));

  /* Corrected, it is saved and offered. */
  gtk_editable_set_text (GTK_EDITABLE (title), "Checking together");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_cmpstr (saved_id, ==, "space-to-think-copy");
  offered = reflect_catalog_find_model (catalog, "space-to-think-copy");
  g_assert_nonnull (offered);
  g_assert_cmpstr (reflect_model_stage_get_title (reflect_model_get_stage (offered, 1)), ==,
                   "Checking together");

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (editor);

  /* The models window lists it as the person's own. */
  window = reflect_models_window_new (store, catalog);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  reflect_test_wait_until_drawn (GTK_WIDGET (window));
  g_assert_cmpuint (count_rows (find_by_id (GTK_WIDGET (window), "custom_list")), ==, 1);
  g_assert_cmpuint (count_rows (find_by_id (GTK_WIDGET (window), "shipped_list")), ==, 4);
  g_assert_nonnull (find_labelled (GTK_WIDGET (window), "Edit “Space to Think (copy)”"));
  g_assert_nonnull (find_labelled (GTK_WIDGET (window), "Copy “Professional reflective meeting (Morrison cycle)”"));

  /* Deleted elsewhere, it leaves the list. */
  g_assert_true (reflect_store_delete_custom_model (store, "space-to-think-copy", &error));
  g_assert_no_error (error);
  reflect_catalog_reload (catalog);
  g_assert_cmpuint (count_rows (find_by_id (GTK_WIDGET (window), "custom_list")), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  home = reflect_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/models/copy-edit-and-save", test_copy_edit_and_save);

  status = g_test_run ();
  return reflect_test_ui_finish (status, home);
}
