/* reflect-preferences-window.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-preferences-window.h"

/* Every control is bound to its GSettings key, so a change takes effect
 * at once and there is nothing to save or cancel. */
struct _ReflectPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *default_model_row;
  GtkSwitch            *chime_switch;
  GtkSwitch            *auto_advance_switch;
  AdwEntryRow          *organisation_row;
  GtkSwitch            *include_names_switch;
  GtkImage             *include_names_warning;
  AdwActionRow         *retention_row;
  GtkSpinButton        *retention_spin;
  AdwComboRow          *colour_scheme_row;
  GtkSpinButton        *text_scale_spin;

  GSettings            *settings;
  ReflectCatalog       *catalog;
  gboolean              syncing_model;
};

G_DEFINE_FINAL_TYPE (ReflectPreferencesWindow, reflect_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* In the order of the rows in the Style combo. */
static const char * const colour_schemes[] = { "system", "light", "dark" };

static gboolean
colour_scheme_get_mapping (GValue   *value,
                           GVariant *variant,
                           gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (colour_schemes); i++)
    if (g_str_equal (nick, colour_schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
colour_scheme_set_mapping (const GValue       *value,
                           const GVariantType *expected_type,
                           gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  if (index >= G_N_ELEMENTS (colour_schemes))
    return NULL;
  return g_variant_new_string (colour_schemes[index]);
}

static void
select_default_model (ReflectPreferencesWindow *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "default-model");
  GListModel *models = reflect_catalog_get_models (self->catalog);
  guint n = g_list_model_get_n_items (models);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReflectModel) model = g_list_model_get_item (models, i);
      if (g_strcmp0 (reflect_model_get_id (model), id) == 0)
        position = i;
    }

  /* Selecting must not write back: a model that is missing for now (a
   * custom model being reloaded) stays the default. */
  self->syncing_model = TRUE;
  adw_combo_row_set_selected (self->default_model_row, position);
  self->syncing_model = FALSE;
}

static void
models_changing_cb (ReflectPreferencesWindow *self)
{
  /* The combo follows the list first and may select another model on
   * the way; select_default_model(), run after it, ends this. */
  self->syncing_model = TRUE;
}

static void
default_model_selected_cb (ReflectPreferencesWindow *self)
{
  ReflectModel *model;

  if (self->syncing_model || self->settings == NULL)
    return;

  model = adw_combo_row_get_selected_item (self->default_model_row);
  if (model != NULL)
    g_settings_set_string (self->settings, "default-model", reflect_model_get_id (model));
}

static void
update_retention (ReflectPreferencesWindow *self)
{
  int months = gtk_spin_button_get_value_as_int (self->retention_spin);
  g_autofree char *subtitle = NULL;

  if (months == 0)
    subtitle = g_strdup (_("0 keeps every session. Set the period your organisation’s retention policy gives."));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Finished sessions are deleted for good %d month after they took place.",
                                             "Finished sessions are deleted for good %d months after they took place.",
                                             months),
                                months);
  adw_action_row_set_subtitle (self->retention_row, subtitle);
}

static void
reflect_preferences_window_dispose (GObject *object)
{
  ReflectPreferencesWindow *self = (ReflectPreferencesWindow *)object;

  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (reflect_catalog_get_models (self->catalog), self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (reflect_preferences_window_parent_class)->dispose (object);
}

static void
reflect_preferences_window_class_init (ReflectPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectPreferencesWindow, default_model_row);
  gtk_widget_class_bind_template_child (widget_class, ReflectPreferencesWindow, chime_switch);
  gtk_widget_class_bind_template_child (widget_class, ReflectPreferencesWindow,
                                        auto_advance_switch);
  gtk_widget_class_bind_template_child (widget_class, ReflectPreferencesWindow, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, ReflectPreferencesWindow,
                                        include_names_switch);
  gtk_widget_class_bind_template_child (widget_class, ReflectPreferencesWindow,
                                        include_names_warning);
  gtk_widget_class_bind_template_child (widget_class, ReflectPreferencesWindow, retention_row);
  gtk_widget_class_bind_template_child (widget_class, ReflectPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, ReflectPreferencesWindow,
                                        colour_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, ReflectPreferencesWindow, text_scale_spin);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
reflect_preferences_window_init (ReflectPreferencesWindow *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  expression = gtk_property_expression_new (REFLECT_TYPE_MODEL, NULL, "title");
  adw_combo_row_set_expression (self->default_model_row, expression);

  /* The warning shows only while names would go into records. */
  g_object_bind_property (self->include_names_switch, "active",
                          self->include_names_warning, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->retention_spin, "value-changed",
                           G_CALLBACK (update_retention), self, G_CONNECT_SWAPPED);
  update_retention (self);
}

/**
 * reflect_preferences_window_new:
 * @settings: the application's settings, changed as the user edits
 * @catalog: offers the models to choose the default from
 *
 * Returns: (transfer full): the window
 */
ReflectPreferencesWindow *
reflect_preferences_window_new (GSettings      *settings,
                                ReflectCatalog *catalog)
{
  ReflectPreferencesWindow *self;
  GListModel *models;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (REFLECT_IS_CATALOG (catalog), NULL);

  self = g_object_new (REFLECT_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);
  self->catalog = g_object_ref (catalog);

  g_settings_bind (settings, "chime", self->chime_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "auto-advance", self->auto_advance_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "organisation-name", self->organisation_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "include-names", self->include_names_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "retention-months", self->retention_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "presenter-text-scale", self->text_scale_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "colour-scheme", self->colour_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, colour_scheme_get_mapping,
                                colour_scheme_set_mapping, NULL, NULL);

  models = reflect_catalog_get_models (catalog);
  g_signal_connect_object (models, "items-changed",
                           G_CALLBACK (models_changing_cb), self, G_CONNECT_SWAPPED);
  self->syncing_model = TRUE;
  adw_combo_row_set_model (self->default_model_row, models);
  self->syncing_model = FALSE;
  select_default_model (self);
  g_signal_connect_object (self->default_model_row, "notify::selected",
                           G_CALLBACK (default_model_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::default-model",
                           G_CALLBACK (select_default_model), self, G_CONNECT_SWAPPED);
  /* After the catalog reloads, point at the default again. */
  g_signal_connect_object (models, "items-changed",
                           G_CALLBACK (select_default_model), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  return self;
}
