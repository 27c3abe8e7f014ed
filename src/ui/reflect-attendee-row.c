/* reflect-attendee-row.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-attendee-row"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-a11y.h"
#include "reflect-attendee-row.h"

/* One attendee in the People view.  The row edits nothing itself: every
 * change goes to the view's people.* actions, which write to the store and
 * answer with the stored state or a message shown under the row. */
struct _ReflectAttendeeRow
{
  GtkListBoxRow    parent_instance;

  GtkEntry        *name_entry;
  GtkEntry        *agency_entry;
  GtkEntry        *job_entry;
  GtkCheckButton  *present_check;
  GtkBox          *role_box;
  GtkToggleButton *facilitator_toggle;
  GtkToggleButton *presenter_toggle;
  GtkToggleButton *consultant_toggle;
  GtkBox          *confidence_box;
  GtkDropDown     *confidence_dropdown;
  GtkButton       *delete_button;
  GtkBox          *message_box;
  GtkLabel        *message_label;
  GtkButton       *replace_button;

  ReflectModel    *model;
  ReflectAttendee *attendee;
  char            *replace_role;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (ReflectAttendeeRow, reflect_attendee_row, GTK_TYPE_LIST_BOX_ROW)

/* This row is one person: "Consultant", not the group's "Consultants". */
static const char *
role_title (ReflectAttendeeRow *self,
            const char         *role)
{
  const char *title = self->model ? reflect_model_get_role_member_title (self->model, role)
                                  : NULL;
  return title ? title : role;
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
save_fields (ReflectAttendeeRow *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  const char *agency = gtk_editable_get_text (GTK_EDITABLE (self->agency_entry));
  const char *job = gtk_editable_get_text (GTK_EDITABLE (self->job_entry));

  if (self->attendee == NULL || self->updating)
    return;

  if (g_strcmp0 (name, reflect_attendee_get_name (self->attendee)) == 0 &&
      g_strcmp0 (agency, reflect_attendee_get_agency (self->attendee)) == 0 &&
      g_strcmp0 (job, reflect_attendee_get_job_title (self->attendee)) == 0)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "people.update", "(xsss)",
                              reflect_attendee_get_id (self->attendee), name, agency, job);
}

static void
entry_activated_cb (ReflectAttendeeRow *self)
{
  save_fields (self);
}

static void
entry_focus_left_cb (ReflectAttendeeRow *self)
{
  /* Leaving a field saves it, so nothing typed is lost by clicking away. */
  save_fields (self);
}

static void
present_changed_cb (ReflectAttendeeRow *self)
{
  if (self->attendee == NULL || self->updating)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "people.set-present", "(xb)",
                              reflect_attendee_get_id (self->attendee),
                              gtk_check_button_get_active (self->present_check));
}

static void
confidence_changed_cb (ReflectAttendeeRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->confidence_dropdown);

  if (self->attendee == NULL || self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  /* Item 0 is "Not given"; items 1-6 are the scores 0-5. */
  gtk_widget_activate_action (GTK_WIDGET (self), "people.set-confidence", "(xi)",
                              reflect_attendee_get_id (self->attendee), (int)selected - 1);
}

static void
role_toggled_cb (ReflectAttendeeRow *self,
                 GtkToggleButton    *toggle)
{
  const char *role;

  if (self->attendee == NULL || self->updating || !gtk_toggle_button_get_active (toggle))
    return;

  if (toggle == self->facilitator_toggle)
    role = "facilitator";
  else if (toggle == self->presenter_toggle)
    role = "presenter";
  else
    role = "consultant";

  gtk_widget_activate_action (GTK_WIDGET (self), "people.set-role", "(xs)",
                              reflect_attendee_get_id (self->attendee), role);
}

static void
delete_clicked_cb (ReflectAttendeeRow *self)
{
  if (self->attendee != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "people.delete", "x",
                                reflect_attendee_get_id (self->attendee));
}

static void
replace_clicked_cb (ReflectAttendeeRow *self)
{
  if (self->attendee != NULL && self->replace_role != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "people.replace-role", "(xs)",
                                reflect_attendee_get_id (self->attendee), self->replace_role);
}

static void
add_focus_saver (ReflectAttendeeRow *self,
                 GtkEntry           *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (entry_focus_left_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

static void
reflect_attendee_row_dispose (GObject *object)
{
  ReflectAttendeeRow *self = (ReflectAttendeeRow *)object;

  g_clear_object (&self->attendee);
  g_clear_object (&self->model);
  g_clear_pointer (&self->replace_role, g_free);

  G_OBJECT_CLASS (reflect_attendee_row_parent_class)->dispose (object);
}

static void
reflect_attendee_row_class_init (ReflectAttendeeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_attendee_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-attendee-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectAttendeeRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, ReflectAttendeeRow, agency_entry);
  gtk_widget_class_bind_template_child (widget_class, ReflectAttendeeRow, job_entry);
  gtk_widget_class_bind_template_child (widget_class, ReflectAttendeeRow, present_check);
  gtk_widget_class_bind_template_child (widget_class, ReflectAttendeeRow, role_box);
  gtk_widget_class_bind_template_child (widget_class, ReflectAttendeeRow, facilitator_toggle);
  gtk_widget_class_bind_template_child (widget_class, ReflectAttendeeRow, presenter_toggle);
  gtk_widget_class_bind_template_child (widget_class, ReflectAttendeeRow, consultant_toggle);
  gtk_widget_class_bind_template_child (widget_class, ReflectAttendeeRow, confidence_box);
  gtk_widget_class_bind_template_child (widget_class, ReflectAttendeeRow, confidence_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ReflectAttendeeRow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, ReflectAttendeeRow, message_box);
  gtk_widget_class_bind_template_child (widget_class, ReflectAttendeeRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectAttendeeRow, replace_button);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, present_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, confidence_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, replace_clicked_cb);
}

static void
reflect_attendee_row_init (ReflectAttendeeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  reflect_hide_button_icons (GTK_WIDGET (self));

  add_focus_saver (self, self->name_entry);
  add_focus_saver (self, self->agency_entry);
  add_focus_saver (self, self->job_entry);
}

/**
 * reflect_attendee_row_new:
 * @model: the session's model, for the role titles and which roles exist
 * @show_confidence: whether to offer the 0-5 confidence score (Morrison)
 */
GtkWidget *
reflect_attendee_row_new (ReflectModel *model,
                          gboolean      show_confidence)
{
  ReflectAttendeeRow *self = g_object_new (REFLECT_TYPE_ATTENDEE_ROW, NULL);
  const char *roles[] = { "facilitator", "presenter", "consultant" };
  GtkToggleButton *toggles[] = { self->facilitator_toggle, self->presenter_toggle,
                                 self->consultant_toggle };

  self->model = model ? g_object_ref (model) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      const char *description = model ? reflect_model_get_role_description (model, roles[i])
                                      : NULL;
      GtkWidget *label;

      gtk_button_set_label (GTK_BUTTON (toggles[i]), role_title (self, roles[i]));
      /* A long role ("Practitioner bringing the family") wraps rather than
       * widen every row past a small screen at large text sizes. */
      label = gtk_button_get_child (GTK_BUTTON (toggles[i]));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      if (description != NULL && description[0] != '\0')
        gtk_widget_set_tooltip_text (GTK_WIDGET (toggles[i]), description);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->presenter_toggle),
                          model != NULL && reflect_model_has_role (model, "presenter"));
  gtk_widget_set_visible (GTK_WIDGET (self->confidence_box), show_confidence);

  return GTK_WIDGET (self);
}

static void
set_entry_text (GtkEntry   *entry,
                const char *text)
{
  /* A field being typed in keeps what the user typed. */
  if (has_focus_within (GTK_WIDGET (entry)))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
label_controls (ReflectAttendeeRow *self,
                const char         *name)
{
  g_autofree char *name_label = g_strdup_printf (_("Name of %s"), name);
  g_autofree char *agency_label = g_strdup_printf (_("Agency of %s"), name);
  g_autofree char *job_label = g_strdup_printf (_("Job title of %s"), name);
  g_autofree char *present_label = g_strdup_printf (_("%s is present"), name);
  g_autofree char *role_label = g_strdup_printf (_("Role of %s"), name);
  g_autofree char *confidence_label =
    g_strdup_printf (_("Confidence of %s that the child is safeguarded, 0 to 5"), name);
  g_autofree char *delete_label = g_strdup_printf (_("Remove %s"), name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->agency_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, agency_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->job_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, job_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->present_check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, present_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->role_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, role_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->confidence_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, confidence_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->delete_button), delete_label);
}

/**
 * reflect_attendee_row_set_attendee:
 * @roles_editable: %FALSE for a round that is on record
 *
 * Shows the stored state of @attendee.  Fields with the keyboard focus
 * keep what is being typed in them.
 */
void
reflect_attendee_row_set_attendee (ReflectAttendeeRow *self,
                                   ReflectAttendee    *attendee,
                                   gboolean            roles_editable)
{
  const char *role;
  int confidence;

  g_return_if_fail (REFLECT_IS_ATTENDEE_ROW (self));
  g_return_if_fail (REFLECT_IS_ATTENDEE (attendee));

  g_set_object (&self->attendee, attendee);
  self->updating = TRUE;

  set_entry_text (self->name_entry, reflect_attendee_get_name (attendee));
  set_entry_text (self->agency_entry, reflect_attendee_get_agency (attendee));
  set_entry_text (self->job_entry, reflect_attendee_get_job_title (attendee));
  gtk_check_button_set_active (self->present_check, reflect_attendee_get_present (attendee));

  role = reflect_attendee_get_role (attendee);
  if (g_strcmp0 (role, "facilitator") == 0)
    gtk_toggle_button_set_active (self->facilitator_toggle, TRUE);
  else if (g_strcmp0 (role, "presenter") == 0)
    gtk_toggle_button_set_active (self->presenter_toggle, TRUE);
  else
    gtk_toggle_button_set_active (self->consultant_toggle, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->role_box), roles_editable);

  confidence = reflect_attendee_get_confidence (attendee);
  gtk_drop_down_set_selected (self->confidence_dropdown, (guint)(confidence + 1));

  if (!reflect_attendee_get_present (attendee))
    gtk_widget_add_css_class (GTK_WIDGET (self), "reflect-absent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "reflect-absent");

  label_controls (self, reflect_attendee_get_name (attendee));
  self->updating = FALSE;
}

/**
 * reflect_attendee_row_get_attendee:
 *
 * Returns: (transfer none) (nullable): the attendee as last stored
 */
ReflectAttendee *
reflect_attendee_row_get_attendee (ReflectAttendeeRow *self)
{
  g_return_val_if_fail (REFLECT_IS_ATTENDEE_ROW (self), NULL);
  return self->attendee;
}

gint64
reflect_attendee_row_get_id (ReflectAttendeeRow *self)
{
  g_return_val_if_fail (REFLECT_IS_ATTENDEE_ROW (self), 0);
  return self->attendee ? reflect_attendee_get_id (self->attendee) : 0;
}

/**
 * reflect_attendee_row_show_message:
 * @message: what was wrong, for the user
 * @replace_role: (nullable): a role the user may take over explicitly;
 *   offers "Make NAME ROLE instead"
 *
 * Explains under the row why a change was refused.
 */
void
reflect_attendee_row_show_message (ReflectAttendeeRow *self,
                                   const char         *message,
                                   const char         *replace_role)
{
  g_return_if_fail (REFLECT_IS_ATTENDEE_ROW (self));

  gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_box), TRUE);

  g_free (self->replace_role);
  self->replace_role = g_strdup (replace_role);
  if (replace_role != NULL && self->attendee != NULL)
    {
      /* Translators: a button: "Make Ben Facilitator instead" */
      g_autofree char *label = g_strdup_printf (_("Make %s %s Instead"),
                                                reflect_attendee_get_name (self->attendee),
                                                role_title (self, replace_role));
      gtk_button_set_label (self->replace_button, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->replace_button), replace_role != NULL);

  /* GTK 4.8 cannot announce; the row's description carries the message. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
}

void
reflect_attendee_row_clear_message (ReflectAttendeeRow *self)
{
  g_return_if_fail (REFLECT_IS_ATTENDEE_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->message_box), FALSE);
  gtk_label_set_text (self->message_label, "");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_clear_pointer (&self->replace_role, g_free);
}

/**
 * reflect_attendee_row_get_message:
 *
 * Returns: the message shown under the row, or "" when there is none
 */
const char *
reflect_attendee_row_get_message (ReflectAttendeeRow *self)
{
  g_return_val_if_fail (REFLECT_IS_ATTENDEE_ROW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->message_box))
           ? gtk_label_get_text (self->message_label) : "";
}

void
reflect_attendee_row_focus_name (ReflectAttendeeRow *self)
{
  g_return_if_fail (REFLECT_IS_ATTENDEE_ROW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}
