/* test-ui-preferences.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reflect-catalog.h"
#include "reflect-preferences-window.h"
#include "reflect-test-env.h"
#include "reflect-test-ui.h"

static char *home;

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

static GtkWidget *
get_control (GtkWidget  *window,
             const char *id)
{
  GtkWidget *control = find_by_id (window, id);

  g_assert_nonnull (control);
  /* Every control can be found by a screen reader. */
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (control),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  return control;
}

static void
test_controls_change_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(ReflectCatalog) catalog = reflect_catalog_new (NULL);
  ReflectPreferencesWindow *window;
  GtkWidget *chime, *auto_advance, *include_names, *warning, *retention, *scale;
  GtkWidget *organisation, *colour, *model;
  g_autofree char *scheme = NULL;
  g_autofree char *default_model = NULL;

  window = reflect_preferences_window_new (settings, catalog);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  reflect_test_wait_until_drawn (GTK_WIDGET (window));

  chime = get_control (GTK_WIDGET (window), "chime_switch");
  auto_advance = get_control (GTK_WIDGET (window), "auto_advance_switch");
  include_names = get_control (GTK_WIDGET (window), "include_names_switch");
  retention = get_control (GTK_WIDGET (window), "retention_spin");
  scale = get_control (GTK_WIDGET (window), "text_scale_spin");
  organisation = get_control (GTK_WIDGET (window), "organisation_row");
  colour = get_control (GTK_WIDGET (window), "colour_scheme_row");
  model = get_control (GTK_WIDGET (window), "default_model_row");
  warning = find_by_id (GTK_WIDGET (window), "include_names_warning");

  /* The controls start from the settings. */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (chime)));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (include_names)));
  g_assert_false (gtk_widget_get_visible (warning));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (scale)), ==, 1.5);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (colour)), ==, 0);
  g_assert_cmpstr (reflect_model_get_id (adw_combo_row_get_selected_item (ADW_COMBO_ROW (model))),
                   ==, "space-to-think");

  /* Toggling a switch changes the setting at once. */
  gtk_switch_set_active (GTK_SWITCH (chime), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "chime"));
  gtk_switch_set_active (GTK_SWITCH (auto_advance), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "auto-advance"));

  /* Names in records come with a warning. */
  gtk_switch_set_active (GTK_SWITCH (include_names), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "include-names"));
  g_assert_true (gtk_widget_get_visible (warning));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (retention), 18);
  g_assert_cmpuint (g_settings_get_uint (settings, "retention-months"), ==, 18);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (scale), 2.25);
  g_assert_cmpfloat (g_settings_get_double (settings, "presenter-text-scale"), ==, 2.25);

  gtk_editable_set_text (GTK_EDITABLE (organisation), "Salford Partnership");
  g_assert_cmpstr (g_settings_get_string (settings, "organisation-name"), ==, "Salford Partnership");

  adw_combo_row_set_selected (ADW_COMBO_ROW (colour), 2);
  scheme = g_settings_get_string (settings, "colour-scheme");
  g_assert_cmpstr (scheme, ==, "dark");

  /* The default model, both ways, and kept when the catalog reloads. */
  g_settings_set_string (settings, "default-model", "morrison");
  g_assert_cmpstr (reflect_model_get_id (adw_combo_row_get_selected_item (ADW_COMBO_ROW (model))),
                   ==, "morrison");
  adw_combo_row_set_selected (ADW_COMBO_ROW (model), 0);
  default_model = g_settings_get_string (settings, "default-model");
  g_assert_cmpstr (default_model, ==,
                   reflect_model_get_id (adw_combo_row_get_selected_item (ADW_COMBO_ROW (model))));
  g_settings_set_string (settings, "default-model", "spr");
  reflect_catalog_reload (catalog);
  g_clear_pointer (&default_model, g_free);
  default_model = g_settings_get_string (settings, "default-model");
  g_assert_cmpstr (default_model, ==, "spr");
  g_assert_cmpstr (reflect_model_get_id (adw_combo_row_get_selected_item (ADW_COMBO_ROW (model))),
                   ==, "spr");

  /* A change made elsewhere shows in the window. */
  g_settings_set_boolean (settings, "chime", TRUE);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (chime)));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);

  /* With the window gone, settings changes reach nothing stale. */
  g_settings_set_string (settings, "default-model", "durham");
  reflect_catalog_reload (catalog);
  g_settings_reset (settings, "default-model");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  home = reflect_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/preferences/controls-change-settings", test_controls_change_settings);

  status = g_test_run ();
  return reflect_test_ui_finish (status, home);
}
