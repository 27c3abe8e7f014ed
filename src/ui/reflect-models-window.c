/* reflect-models-window.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-models-window"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-a11y.h"
#include "reflect-model-editor.h"
#include "reflect-models-window.h"
#include "reflect-store-models.h"

/* Lists the catalog's models: those that come with Reflect can only be
 * copied; a person's own can be edited, copied and deleted.  The lists
 * follow the catalog, so they change as soon as an edit is saved. */
struct _ReflectModelsWindow
{
  AdwWindow           parent_instance;

  AdwToastOverlay    *toast_overlay;
  GtkListBox         *custom_list;
  GtkListBox         *shipped_list;

  ReflectStore       *store;
  ReflectCatalog     *catalog;
};

G_DEFINE_FINAL_TYPE (ReflectModelsWindow, reflect_models_window, ADW_TYPE_WINDOW)

#define MODEL_ID_KEY "reflect-model-id"

static ReflectModel *
button_model (ReflectModelsWindow *self,
              GtkWidget           *button)
{
  return reflect_catalog_find_model (self->catalog, g_object_get_data (G_OBJECT (button),
                                                                       MODEL_ID_KEY));
}

static void
toast (ReflectModelsWindow *self,
       const char          *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
saved_cb (ReflectModelsWindow *self,
          ReflectModel        *model)
{
  /* Translators: %s is a session model's title */
  g_autofree char *message = g_strdup_printf (_("“%s” saved. New Session offers it."),
                                              reflect_model_get_title (model));
  toast (self, message);
}

static void
open_editor (ReflectModelsWindow *self,
             ReflectModel        *model)
{
  ReflectModelEditor *editor = reflect_model_editor_new (self->store, self->catalog, model);

  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
copy_clicked_cb (GtkButton           *button,
                 ReflectModelsWindow *self)
{
  ReflectModel *source = button_model (self, GTK_WIDGET (button));
  g_autoptr(ReflectModel) copy = NULL;

  if (source == NULL)
    return;

  /* The copy is stored only when the person saves it. */
  copy = reflect_store_copy_model (self->store, self->catalog, source);
  open_editor (self, copy);
}

static void
edit_clicked_cb (GtkButton           *button,
                 ReflectModelsWindow *self)
{
  ReflectModel *model = button_model (self, GTK_WIDGET (button));

  if (model != NULL)
    open_editor (self, model);
}

static void
delete_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    ReflectModelsWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), MODEL_ID_KEY);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!reflect_store_delete_custom_model (self->store, id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The model was not deleted: %s"),
                                                  error->message);
      toast (self, message);
      return;
    }

  reflect_catalog_reload (self->catalog);
  toast (self, _("Model deleted. Sessions that used it keep their stages."));
}

static void
delete_clicked_cb (GtkButton           *button,
                   ReflectModelsWindow *self)
{
  ReflectModel *model = button_model (self, GTK_WIDGET (button));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (model == NULL)
    return;

  /* Translators: %s is a session model's title */
  heading = g_strdup_printf (_("Delete “%s”?"), reflect_model_get_title (model));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("New sessions will no longer offer it. Sessions that used it keep their stages."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), MODEL_ID_KEY,
                          g_strdup (reflect_model_get_id (model)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Takes @label, the button's accessible name, which names the model. */
static GtkWidget *
row_button (ReflectModelsWindow *self,
            GtkWidget           *row,
            ReflectModel        *model,
            const char          *icon,
            const char          *text,
            const char          *tooltip,
            char                *label,
            GCallback            callback)
{
  GtkWidget *button;

  if (icon != NULL)
    {
      button = gtk_button_new_from_icon_name (icon);
      reflect_hide_button_icons (button);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tooltip);
    }
  else
    button = gtk_button_new_with_mnemonic (text);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_free (label);
  g_object_set_data_full (G_OBJECT (button), MODEL_ID_KEY, g_strdup (reflect_model_get_id (model)),
                          g_free);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ReflectModelsWindow *self = user_data;
  ReflectModel *model = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  guint n_stages = reflect_model_get_n_stages (model);
  guint minutes = reflect_model_get_total_minutes (model);
  const char *title = reflect_model_get_title (model);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  if (reflect_model_is_custom (model))
    {
      ReflectModel *based_on = reflect_catalog_find_model (self->catalog,
                                                           reflect_model_get_based_on (model));
      g_autofree char *stages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u stage",
                                                              "%u stages", n_stages), n_stages);

      /* Translators: “6 stages, 35 minutes; based on Space to Think” */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u minute; based on %s",
                                               "%s, %u minutes; based on %s", minutes),
                                  stages, minutes,
                                  based_on ? reflect_model_get_title (based_on)
                                           : reflect_model_get_based_on (model));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      /* Translators: accessible names of buttons; %s is a model's title */
      row_button (self, row, model, "document-edit-symbolic", NULL, _("Edit"),
                  g_strdup_printf (_("Edit “%s”"), title), G_CALLBACK (edit_clicked_cb));
      row_button (self, row, model, "edit-copy-symbolic", NULL, _("Copy"),
                  g_strdup_printf (_("Copy “%s”"), title), G_CALLBACK (copy_clicked_cb));
      row_button (self, row, model, "user-trash-symbolic", NULL, _("Delete"),
                  g_strdup_printf (_("Delete “%s”"), title), G_CALLBACK (delete_clicked_cb));
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reflect_model_get_summary (model));
      row_button (self, row, model, NULL, _("_Copy"), NULL,
                  g_strdup_printf (_("Copy “%s”"), title), G_CALLBACK (copy_clicked_cb));
    }

  return row;
}

static gboolean
is_custom (gpointer item,
           gpointer user_data)
{
  return reflect_model_is_custom (item) == GPOINTER_TO_INT (user_data);
}

static void
bind_list (ReflectModelsWindow *self,
           GtkListBox          *list,
           gboolean             custom)
{
  GtkCustomFilter *filter = gtk_custom_filter_new (is_custom, GINT_TO_POINTER (custom), NULL);
  g_autoptr(GtkFilterListModel) models = NULL;

  models = gtk_filter_list_model_new (g_object_ref (reflect_catalog_get_models (self->catalog)),
                                      GTK_FILTER (filter));
  gtk_list_box_bind_model (list, G_LIST_MODEL (models), create_row, self, NULL);
}

static void
reflect_models_window_dispose (GObject *object)
{
  ReflectModelsWindow *self = (ReflectModelsWindow *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (reflect_models_window_parent_class)->dispose (object);
}

static void
reflect_models_window_class_init (ReflectModelsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_models_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-models-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectModelsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReflectModelsWindow, custom_list);
  gtk_widget_class_bind_template_child (widget_class, ReflectModelsWindow, shipped_list);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
reflect_models_window_init (ReflectModelsWindow *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No models of your own yet. Copy one of the models below to change its stages."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->custom_list, placeholder);
}

/**
 * reflect_models_window_new:
 *
 * Returns: (transfer full): a window listing the catalog's models
 */
ReflectModelsWindow *
reflect_models_window_new (ReflectStore   *store,
                           ReflectCatalog *catalog)
{
  ReflectModelsWindow *self;

  g_return_val_if_fail (REFLECT_IS_STORE (store), NULL);
  g_return_val_if_fail (REFLECT_IS_CATALOG (catalog), NULL);

  self = g_object_new (REFLECT_TYPE_MODELS_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->catalog = g_object_ref (catalog);

  bind_list (self, self->custom_list, TRUE);
  bind_list (self, self->shipped_list, FALSE);

  return self;
}
