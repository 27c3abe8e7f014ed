/* reflect-new-session-dialog.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-new-session-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-new-session-dialog.h"
#include "reflect-session.h"

struct _ReflectNewSessionDialog
{
  AdwWindow       parent_instance;

  GtkButton      *create_button;
  AdwComboRow    *model_row;
  AdwEntryRow    *case_ref_row;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;
  AdwComboRow    *mode_row;
  AdwEntryRow    *venue_row;
  AdwComboRow    *purpose_row;
  AdwEntryRow    *purpose_other_row;
  GtkSwitch      *manager_switch;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;

  ReflectStore   *store;
  ReflectCatalog *catalog;
};

G_DEFINE_FINAL_TYPE (ReflectNewSessionDialog, reflect_new_session_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (ReflectNewSessionDialog *self,
            const char              *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
update_date_label (ReflectNewSessionDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  /* Translators: the session date on its button, see g_date_time_format() */
  g_autofree char *label = g_date_time_format (date, _("%a %-d %b %Y"));

  gtk_menu_button_set_label (self->date_button, label);
}

static void
date_selected_cb (ReflectNewSessionDialog *self)
{
  update_date_label (self);
  gtk_menu_button_popdown (self->date_button);
}

static void
field_changed_cb (ReflectNewSessionDialog *self)
{
  show_error (self, NULL);
}

static void
purpose_selected_cb (ReflectNewSessionDialog *self)
{
  guint n_purposes;
  const ReflectSessionPurpose *purposes = reflect_session_get_purposes (&n_purposes);
  guint selected = adw_combo_row_get_selected (self->purpose_row);

  if (selected < n_purposes)
    gtk_widget_set_visible (GTK_WIDGET (self->purpose_other_row),
                            g_str_equal (purposes[selected].key, "other"));
}

/* The model and purpose rows show their choice as the subtitle, where it
 * wraps: beside a description, at large text sizes the choice was cut to
 * "…".  The descriptions are in the list, under each choice. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (detail), 40);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  GObject *choice = gtk_list_item_get_item (item);

  if (REFLECT_IS_MODEL (choice))
    {
      gtk_label_set_label (GTK_LABEL (title), reflect_model_get_title (REFLECT_MODEL (choice)));
      gtk_label_set_label (GTK_LABEL (detail), reflect_model_get_summary (REFLECT_MODEL (choice)));
    }
  else
    {
      guint n_purposes;
      const ReflectSessionPurpose *purposes = reflect_session_get_purposes (&n_purposes);
      guint position = gtk_list_item_get_position (item);

      gtk_label_set_label (GTK_LABEL (title), gtk_string_object_get_string (GTK_STRING_OBJECT (choice)));
      gtk_label_set_label (GTK_LABEL (detail),
                           position < n_purposes ? _(purposes[position].detail) : "");
    }
  gtk_widget_set_visible (detail, *gtk_label_get_label (GTK_LABEL (detail)) != '\0');
}

static void
set_choice_list_factory (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  adw_combo_row_set_list_factory (row, factory);
}

static gint64
selected_start (ReflectNewSessionDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) start = NULL;

  start = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                 g_date_time_get_day_of_month (day),
                                 gtk_spin_button_get_value_as_int (self->hour_spin),
                                 gtk_spin_button_get_value_as_int (self->minute_spin), 0);
  return start ? g_date_time_to_unix (start) : g_get_real_time () / G_USEC_PER_SEC;
}

static void
create_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReflectNewSessionDialog *self = REFLECT_NEW_SESSION_DIALOG (widget);
  g_autoptr(ReflectSession) session = NULL;
  g_autoptr(GError) error = NULL;
  ReflectModel *model = adw_combo_row_get_selected_item (self->model_row);
  guint n_purposes;
  const ReflectSessionPurpose *purposes = reflect_session_get_purposes (&n_purposes);
  guint purpose = adw_combo_row_get_selected (self->purpose_row);

  session = reflect_session_new (model);
  reflect_session_set_case_ref (session, gtk_editable_get_text (GTK_EDITABLE (self->case_ref_row)));
  reflect_session_set_starts_at (session, selected_start (self));
  reflect_session_set_virtual (session, adw_combo_row_get_selected (self->mode_row) == 1);
  reflect_session_set_venue (session, gtk_editable_get_text (GTK_EDITABLE (self->venue_row)));
  reflect_session_set_purpose (session, purpose < n_purposes ? purposes[purpose].key : "");
  reflect_session_set_purpose_other (session,
                                     gtk_editable_get_text (GTK_EDITABLE (self->purpose_other_row)));
  reflect_session_set_manager_agreed (session, gtk_switch_get_active (self->manager_switch));

  if (!reflect_store_create_session (self->store, session, &error))
    {
      g_debug ("Session not created: %s", error->message);
      show_error (self, error->message);
      if (g_error_matches (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_INVALID))
        gtk_widget_grab_focus (GTK_WIDGET (self->case_ref_row));
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, session);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
reflect_new_session_dialog_dispose (GObject *object)
{
  ReflectNewSessionDialog *self = (ReflectNewSessionDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (reflect_new_session_dialog_parent_class)->dispose (object);
}

/* A time reads 09:05, not 9:5. */
static gboolean
two_digits_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
reflect_new_session_dialog_class_init (ReflectNewSessionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_new_session_dialog_dispose;

  /**
   * ReflectNewSessionDialog::created:
   * @session: the stored session
   */
  signals[CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, REFLECT_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-new-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectNewSessionDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, ReflectNewSessionDialog, model_row);
  gtk_widget_class_bind_template_child (widget_class, ReflectNewSessionDialog, case_ref_row);
  gtk_widget_class_bind_template_child (widget_class, ReflectNewSessionDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, ReflectNewSessionDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, ReflectNewSessionDialog, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, ReflectNewSessionDialog, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, ReflectNewSessionDialog, mode_row);
  gtk_widget_class_bind_template_child (widget_class, ReflectNewSessionDialog, venue_row);
  gtk_widget_class_bind_template_child (widget_class, ReflectNewSessionDialog, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, ReflectNewSessionDialog, purpose_other_row);
  gtk_widget_class_bind_template_child (widget_class, ReflectNewSessionDialog, manager_switch);
  gtk_widget_class_bind_template_child (widget_class, ReflectNewSessionDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ReflectNewSessionDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, purpose_selected_cb);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
reflect_new_session_dialog_init (ReflectNewSessionDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GtkStringList) purposes = gtk_string_list_new (NULL);
  guint n_purposes;
  const ReflectSessionPurpose *list = reflect_session_get_purposes (&n_purposes);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < n_purposes; i++)
    gtk_string_list_append (purposes, _(list[i].title));
  set_choice_list_factory (self->purpose_row);
  set_choice_list_factory (self->model_row);
  adw_combo_row_set_model (self->purpose_row, G_LIST_MODEL (purposes));
  purpose_selected_cb (self);

  gtk_calendar_select_day (self->calendar, now);
  update_date_label (self);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (now));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (now));

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->create_button));
}

/**
 * reflect_new_session_dialog_new:
 *
 * Returns: (transfer full): a dialog that stores the session and emits
 * #ReflectNewSessionDialog::created when the user creates it
 */
ReflectNewSessionDialog *
reflect_new_session_dialog_new (ReflectStore   *store,
                                ReflectCatalog *catalog,
                                GSettings      *settings)
{
  ReflectNewSessionDialog *self;
  g_autoptr(GtkExpression) expression = NULL;

  g_return_val_if_fail (REFLECT_IS_STORE (store), NULL);
  g_return_val_if_fail (REFLECT_IS_CATALOG (catalog), NULL);

  self = g_object_new (REFLECT_TYPE_NEW_SESSION_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->catalog = g_object_ref (catalog);

  expression = gtk_property_expression_new (REFLECT_TYPE_MODEL, NULL, "title");
  adw_combo_row_set_expression (self->model_row, expression);
  adw_combo_row_set_model (self->model_row, reflect_catalog_get_models (catalog));

  if (settings != NULL)
    {
      g_autofree char *default_model = g_settings_get_string (settings, "default-model");
      reflect_new_session_dialog_set_model (self, default_model);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->case_ref_row));
  return self;
}

void
reflect_new_session_dialog_set_case_ref (ReflectNewSessionDialog *self,
                                         const char              *case_ref)
{
  g_return_if_fail (REFLECT_IS_NEW_SESSION_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->case_ref_row), case_ref);
}

/**
 * reflect_new_session_dialog_set_model:
 *
 * Selects the model with @model_id, if there is one.
 */
void
reflect_new_session_dialog_set_model (ReflectNewSessionDialog *self,
                                      const char              *model_id)
{
  GListModel *models;
  guint n;

  g_return_if_fail (REFLECT_IS_NEW_SESSION_DIALOG (self));

  models = reflect_catalog_get_models (self->catalog);
  n = g_list_model_get_n_items (models);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReflectModel) model = g_list_model_get_item (models, i);
      if (g_strcmp0 (reflect_model_get_id (model), model_id) == 0)
        {
          adw_combo_row_set_selected (self->model_row, i);
          return;
        }
    }
}
