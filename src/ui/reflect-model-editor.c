/* reflect-model-editor.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-model-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-model-editor.h"
#include "reflect-store-models.h"

/* Edits a custom model as a draft: nothing reaches the model or the
 * database until Save, where the whole draft is checked and a refusal
 * is shown next to the field at fault.  Fields the editor does not show
 * (what to record, question sections, area) travel with each stage. */

#define N_ROLES 3

static const char * const role_keys[N_ROLES] = { "facilitator", "presenter", "consultant" };

typedef struct
{
  ReflectModelEditor *editor;
  JsonObject         *base;
  char               *key;

  AdwExpanderRow     *row;
  GtkWidget          *error_row;
  GtkLabel           *error;
  AdwEntryRow        *title;
  AdwActionRow       *minutes_row;
  GtkSpinButton      *minutes;
  AdwActionRow       *speakers_row;
  GtkCheckButton     *speakers[N_ROLES];
  GtkCheckButton     *listeners[N_ROLES];
  AdwEntryRow        *who;
  GtkWidget          *prompt_row;
  GtkTextView        *prompt;
  GtkWidget          *up;
  GtkWidget          *down;
  GtkWidget          *remove;
} Stage;

struct _ReflectModelEditor
{
  AdwWindow       parent_instance;

  GtkButton      *save_button;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  AdwEntryRow    *title_row;
  GtkLabel       *title_error;
  GtkLabel       *based_on_label;
  GtkLabel       *total_label;
  GtkLabel       *stages_error;
  GtkButton      *add_button;
  GtkListBox     *stages_list;

  ReflectStore   *store;
  ReflectCatalog *catalog;
  ReflectModel   *model;
  GPtrArray      *stages;  /* of Stage, in order */
};

G_DEFINE_FINAL_TYPE (ReflectModelEditor, reflect_model_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
stage_free (gpointer data)
{
  Stage *stage = data;

  g_clear_pointer (&stage->base, json_object_unref);
  g_free (stage->key);
  g_free (stage);
}

static guint
stage_index (Stage *stage)
{
  guint index = 0;

  g_ptr_array_find (stage->editor->stages, stage, &index);
  return index;
}

static char *
stage_prompt_text (Stage *stage)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (stage->prompt);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void set_label (gpointer    widget,
                       const char *format,
                       ...) G_GNUC_PRINTF (2, 3);

static void
set_label (gpointer    widget,
           const char *format,
           ...)
{
  g_autofree char *label = NULL;
  va_list args;

  va_start (args, format);
  label = g_strdup_vprintf (format, args);
  va_end (args);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
clear_field_errors (ReflectModelEditor *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->title_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->stages_error), FALSE);

  for (guint i = 0; i < self->stages->len; i++)
    {
      Stage *stage = g_ptr_array_index (self->stages, i);

      gtk_widget_set_visible (stage->error_row, FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (stage->title), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (stage->minutes), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (stage->speakers_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (stage->who), "error");
      gtk_widget_remove_css_class (stage->prompt_row, "error");
    }
}

static void
update_total (ReflectModelEditor *self)
{
  guint minutes = 0;
  g_autofree char *stages = NULL;
  g_autofree char *total = NULL;

  for (guint i = 0; i < self->stages->len; i++)
    {
      Stage *stage = g_ptr_array_index (self->stages, i);
      minutes += (guint)gtk_spin_button_get_value_as_int (stage->minutes);
    }

  stages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u stage", "%u stages",
                                         self->stages->len), self->stages->len);
  /* Translators: “6 stages, 35 minutes in all” */
  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u minute in all",
                                        "%s, %u minutes in all", minutes), stages, minutes);
  gtk_label_set_text (self->total_label, total);
}

/* The row's heading says what the stage is at a glance, folded or not;
 * labels that name the stage by number follow it when stages move. */
static void
update_stage (Stage *stage)
{
  ReflectModelEditor *self = stage->editor;
  guint index = stage_index (stage);
  guint n = index + 1;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (stage->title));
  int minutes = gtk_spin_button_get_value_as_int (stage->minutes);
  g_autoptr(GString) speakers = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *subtitle = NULL;

  for (guint r = 0; r < N_ROLES; r++)
    if (stage->speakers[r] != NULL && gtk_check_button_get_active (stage->speakers[r]))
      {
        if (speakers->len > 0)
          g_string_append (speakers, ", ");
        g_string_append (speakers, reflect_model_get_role_title (self->model, role_keys[r]));
      }

  /* Translators: a stage's heading: its position and title */
  heading = g_strdup_printf (_("%u. %s"), n, *title ? title : _("(no title)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (stage->row), heading);
  if (speakers->len > 0)
    /* Translators: “5 min · speaks: Case Presenter” */
    subtitle = g_strdup_printf (_("%d min · speaks: %s"), minutes, speakers->str);
  else
    subtitle = g_strdup_printf (_("%d min · nobody chosen to speak"), minutes);
  adw_expander_row_set_subtitle (stage->row, subtitle);

  set_label (stage->title, _("Title of stage %u"), n);
  set_label (stage->minutes, _("Duration of stage %u, in minutes"), n);
  set_label (stage->who, _("Who speaks in stage %u, in words"), n);
  set_label (stage->prompt, _("Facilitator’s prompt for stage %u"), n);
  set_label (stage->up, _("Move stage %u up"), n);
  set_label (stage->down, _("Move stage %u down"), n);
  set_label (stage->remove, _("Remove stage %u"), n);

  for (guint r = 0; r < N_ROLES; r++)
    {
      const char *role = reflect_model_get_role_title (self->model, role_keys[r]);

      if (stage->speakers[r] == NULL)
        continue;
      /* Translators: “Stage 3: Case Presenter speaks” */
      set_label (stage->speakers[r], _("Stage %u: %s speaks"), n, role);
      /* Translators: “Stage 3: Consultants listen” */
      set_label (stage->listeners[r], _("Stage %u: %s listens"), n, role);
    }

  gtk_widget_set_sensitive (stage->up, index > 0);
  gtk_widget_set_sensitive (stage->down, index + 1 < self->stages->len);
}

static void
update_all (ReflectModelEditor *self)
{
  for (guint i = 0; i < self->stages->len; i++)
    update_stage (g_ptr_array_index (self->stages, i));
  update_total (self);
}

static void
stage_changed_cb (Stage *stage)
{
  update_stage (stage);
  update_total (stage->editor);
}

static void
title_changed_cb (ReflectModelEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->title_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
}

static void
move_stage (Stage *stage,
            int    delta)
{
  ReflectModelEditor *self = stage->editor;
  guint index = stage_index (stage);
  guint target = index + delta;
  GtkWidget *focus;

  if ((delta < 0 && index == 0) || target >= self->stages->len)
    return;

  focus = delta < 0 ? stage->up : stage->down;
  g_object_ref (stage->row);
  gtk_list_box_remove (self->stages_list, GTK_WIDGET (stage->row));
  gtk_list_box_insert (self->stages_list, GTK_WIDGET (stage->row), (int)target);
  g_object_unref (stage->row);

  g_ptr_array_steal_index (self->stages, index);
  g_ptr_array_insert (self->stages, (int)target, stage);
  update_all (self);

  /* Keep the keyboard where it was; at either end, on the other arrow. */
  if (!gtk_widget_get_sensitive (focus))
    focus = delta < 0 ? stage->down : stage->up;
  gtk_widget_grab_focus (focus);
}

static void
up_clicked_cb (GtkButton *button,
               Stage     *stage)
{
  move_stage (stage, -1);
}

static void
down_clicked_cb (GtkButton *button,
                 Stage     *stage)
{
  move_stage (stage, 1);
}

static void
remove_clicked_cb (GtkButton *button,
                   Stage     *stage)
{
  ReflectModelEditor *self = stage->editor;
  guint index = stage_index (stage);

  gtk_list_box_remove (self->stages_list, GTK_WIDGET (stage->row));
  g_ptr_array_remove_index (self->stages, index);
  update_all (self);

  if (self->stages->len > 0)
    {
      Stage *next = g_ptr_array_index (self->stages, MIN (index, self->stages->len - 1));
      gtk_widget_grab_focus (next->remove);
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static GtkWidget *
stage_button (GtkWidget  *box,
              const char *icon,
              const char *label,
              GCallback   callback,
              Stage      *stage)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  g_signal_connect (button, "clicked", callback, stage);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

static AdwActionRow *
roles_row (Stage           *stage,
           const char      *title,
           const char      *member,
           GtkCheckButton **checks)
{
  ReflectModelEditor *self = stage->editor;
  JsonNode *node = json_object_get_member (stage->base, member);
  JsonArray *chosen = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node)
                                                                   : NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  for (guint r = 0; r < N_ROLES; r++)
    {
      gboolean active = FALSE;

      if (!reflect_model_has_role (self->model, role_keys[r]))
        continue;

      for (guint i = 0; chosen != NULL && i < json_array_get_length (chosen); i++)
        if (g_strcmp0 (json_array_get_string_element (chosen, i), role_keys[r]) == 0)
          active = TRUE;

      checks[r] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (
        reflect_model_get_role_title (self->model, role_keys[r])));
      gtk_check_button_set_active (checks[r], active);
      g_signal_connect_swapped (checks[r], "toggled", G_CALLBACK (stage_changed_cb), stage);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (checks[r]));
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return ADW_ACTION_ROW (row);
}

static Stage *
stage_new (ReflectModelEditor *self,
           JsonObject         *base)
{
  Stage *stage = g_new0 (Stage, 1);
  GtkWidget *box, *label, *frame, *actions_row;
  AdwActionRow *listeners_row;

  stage->editor = self;
  stage->base = json_object_ref (base);
  stage->key = g_strdup (json_object_get_string_member_with_default (base, "key", ""));

  stage->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (stage->row), FALSE);

  /* The refusal is shown first in the stage, above the field at fault. */
  stage->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (stage->error, TRUE);
  gtk_label_set_xalign (stage->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (stage->error), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (stage->error), 9);
  gtk_widget_set_margin_bottom (GTK_WIDGET (stage->error), 9);
  gtk_widget_set_margin_start (GTK_WIDGET (stage->error), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (stage->error), 12);
  stage->error_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (stage->error_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (stage->error_row), GTK_WIDGET (stage->error));
  gtk_widget_set_visible (stage->error_row, FALSE);
  adw_expander_row_add_row (stage->row, stage->error_row);

  stage->title = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (stage->title), _("Stage title"));
  gtk_editable_set_text (GTK_EDITABLE (stage->title),
                         json_object_get_string_member_with_default (base, "title", ""));
  g_signal_connect_swapped (stage->title, "changed", G_CALLBACK (stage_changed_cb), stage);
  adw_expander_row_add_row (stage->row, GTK_WIDGET (stage->title));

  stage->minutes_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (stage->minutes_row), _("Duration"));
  adw_action_row_set_subtitle (stage->minutes_row, _("Minutes, from 1 to 1440"));
  stage->minutes = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 24 * 60, 1));
  gtk_spin_button_set_numeric (stage->minutes, TRUE);
  gtk_spin_button_set_value (stage->minutes,
                             json_object_get_int_member_with_default (base, "minutes", 5));
  gtk_widget_set_valign (GTK_WIDGET (stage->minutes), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (stage->minutes, "value-changed", G_CALLBACK (stage_changed_cb), stage);
  adw_action_row_add_suffix (stage->minutes_row, GTK_WIDGET (stage->minutes));
  adw_action_row_set_activatable_widget (stage->minutes_row, GTK_WIDGET (stage->minutes));
  adw_expander_row_add_row (stage->row, GTK_WIDGET (stage->minutes_row));

  stage->speakers_row = roles_row (stage, _("Who speaks"), "speakers", stage->speakers);
  adw_expander_row_add_row (stage->row, GTK_WIDGET (stage->speakers_row));
  listeners_row = roles_row (stage, _("Who listens"), "listeners", stage->listeners);
  adw_expander_row_add_row (stage->row, GTK_WIDGET (listeners_row));

  stage->who = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (stage->who),
                                 _("Who speaks, in words, as the facilitator reads it"));
  gtk_editable_set_text (GTK_EDITABLE (stage->who),
                         json_object_get_string_member_with_default (base, "who", ""));
  adw_expander_row_add_row (stage->row, GTK_WIDGET (stage->who));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  label = gtk_label_new (_("Facilitator’s prompt"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);
  stage->prompt = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (stage->prompt, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (stage->prompt, FALSE);
  gtk_text_view_set_top_margin (stage->prompt, 6);
  gtk_text_view_set_bottom_margin (stage->prompt, 6);
  gtk_text_view_set_left_margin (stage->prompt, 6);
  gtk_text_view_set_right_margin (stage->prompt, 6);
  gtk_widget_set_size_request (GTK_WIDGET (stage->prompt), -1, 90);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (stage->prompt),
                            json_object_get_string_member_with_default (base, "prompt", ""), -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (stage->prompt));
  gtk_box_append (GTK_BOX (box), frame);
  stage->prompt_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (stage->prompt_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (stage->prompt_row), box);
  adw_expander_row_add_row (stage->row, stage->prompt_row);

  /* Labelled buttons, not arrows in the heading: there they would look
   * like the row's own expander arrow. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  stage->up = stage_button (box, "go-up-symbolic", _("Move _Up"), G_CALLBACK (up_clicked_cb), stage);
  stage->down = stage_button (box, "go-down-symbolic", _("Move _Down"),
                              G_CALLBACK (down_clicked_cb), stage);
  stage->remove = stage_button (box, "user-trash-symbolic", _("_Remove Stage"),
                                G_CALLBACK (remove_clicked_cb), stage);
  gtk_widget_set_hexpand (stage->remove, TRUE);
  gtk_widget_set_halign (stage->remove, GTK_ALIGN_END);
  gtk_widget_add_css_class (stage->remove, "destructive-action");
  actions_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (actions_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (actions_row), box);
  adw_expander_row_add_row (stage->row, actions_row);

  return stage;
}

static Stage *
append_stage (ReflectModelEditor *self,
              JsonObject         *base)
{
  Stage *stage = stage_new (self, base);

  g_ptr_array_add (self->stages, stage);
  gtk_list_box_append (self->stages_list, GTK_WIDGET (stage->row));
  return stage;
}

static char *
unused_stage_key (ReflectModelEditor *self)
{
  for (guint n = self->stages->len + 1; ; n++)
    {
      g_autofree char *key = g_strdup_printf ("stage-%u", n);
      gboolean used = FALSE;

      for (guint i = 0; i < self->stages->len && !used; i++)
        used = g_str_equal (((Stage *)g_ptr_array_index (self->stages, i))->key, key);
      if (!used)
        return g_steal_pointer (&key);
    }
}

static void
add_stage_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ReflectModelEditor *self = REFLECT_MODEL_EDITOR (widget);
  g_autoptr(JsonObject) base = json_object_new ();
  g_autofree char *key = unused_stage_key (self);
  JsonArray *speakers = json_array_new ();
  JsonArray *listeners = json_array_new ();
  Stage *stage;

  /* A new stage starts as the facilitator speaking to the room, which a
   * person then changes; it is never saved with nobody speaking. */
  json_array_add_string_element (speakers, "facilitator");
  for (guint r = 1; r < N_ROLES; r++)
    if (reflect_model_has_role (self->model, role_keys[r]))
      json_array_add_string_element (listeners, role_keys[r]);

  json_object_set_string_member (base, "key", key);
  json_object_set_string_member (base, "title", _("New stage"));
  json_object_set_int_member (base, "minutes", 5);
  json_object_set_array_member (base, "speakers", speakers);
  json_object_set_array_member (base, "listeners", listeners);

  stage = append_stage (self, base);
  gtk_widget_set_visible (GTK_WIDGET (self->stages_error), FALSE);
  update_all (self);
  adw_expander_row_set_expanded (stage->row, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (stage->title));
}

static JsonArray *
checked_roles (GtkCheckButton **checks)
{
  JsonArray *array = json_array_new ();

  for (guint r = 0; r < N_ROLES; r++)
    if (checks[r] != NULL && gtk_check_button_get_active (checks[r]))
      json_array_add_string_element (array, role_keys[r]);
  return array;
}

static JsonObject *
stage_to_json (Stage *stage)
{
  JsonObject *object = json_object_new ();
  g_autofree char *prompt = stage_prompt_text (stage);
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, stage->base);
  while (json_object_iter_next (&iter, &member, &node))
    json_object_set_member (object, member, json_node_copy (node));

  /* What was typed is checked as typed: a spin button clamps only when
   * it loses focus, and Save may be pressed before. */
  gtk_spin_button_update (stage->minutes);

  json_object_set_string_member (object, "key", stage->key);
  json_object_set_string_member (object, "title",
                                 gtk_editable_get_text (GTK_EDITABLE (stage->title)));
  json_object_set_int_member (object, "minutes", gtk_spin_button_get_value_as_int (stage->minutes));
  json_object_set_array_member (object, "speakers", checked_roles (stage->speakers));
  json_object_set_array_member (object, "listeners", checked_roles (stage->listeners));
  json_object_set_string_member (object, "who", gtk_editable_get_text (GTK_EDITABLE (stage->who)));
  json_object_set_string_member (object, "prompt", prompt);
  return object;
}

static JsonNode *
build_draft (ReflectModelEditor *self)
{
  JsonNode *draft = reflect_model_to_json (self->model);
  JsonObject *root = json_node_get_object (draft);
  JsonArray *stages = json_array_new ();

  json_object_set_string_member (root, "title",
                                 gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  for (guint i = 0; i < self->stages->len; i++)
    json_array_add_object_element (stages, stage_to_json (g_ptr_array_index (self->stages, i)));
  json_object_set_array_member (root, "stages", stages);
  return draft;
}

static void
show_problem (ReflectModelEditor        *self,
              const ReflectModelProblem *problem,
              const char                *message)
{
  Stage *stage = NULL;
  GtkWidget *field = NULL;

  if (problem->stage >= 0 && (guint)problem->stage < self->stages->len)
    stage = g_ptr_array_index (self->stages, problem->stage);

  switch (problem->field)
    {
    case REFLECT_MODEL_FIELD_TITLE:
      gtk_label_set_text (self->title_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->title_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
      return;

    case REFLECT_MODEL_FIELD_STAGES:
      gtk_label_set_text (self->stages_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->stages_error), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
      return;

    case REFLECT_MODEL_FIELD_STAGE_TITLE:
      field = stage ? GTK_WIDGET (stage->title) : NULL;
      break;
    case REFLECT_MODEL_FIELD_STAGE_MINUTES:
      field = stage ? GTK_WIDGET (stage->minutes) : NULL;
      break;
    case REFLECT_MODEL_FIELD_STAGE_SPEAKERS:
      field = stage ? GTK_WIDGET (stage->speakers_row) : NULL;
      break;
    case REFLECT_MODEL_FIELD_STAGE_WHO:
      field = stage ? GTK_WIDGET (stage->who) : NULL;
      break;
    case REFLECT_MODEL_FIELD_STAGE_PROMPT:
      field = stage ? stage->prompt_row : NULL;
      break;
    case REFLECT_MODEL_FIELD_NONE:
    default:
      break;
    }

  if (stage == NULL || field == NULL)
    {
      gtk_label_set_text (self->error_label, message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  gtk_label_set_text (stage->error, message);
  gtk_widget_set_visible (stage->error_row, TRUE);
  gtk_widget_add_css_class (field, "error");
  adw_expander_row_set_expanded (stage->row, TRUE);

  if (problem->field == REFLECT_MODEL_FIELD_STAGE_SPEAKERS)
    {
      for (guint r = 0; r < N_ROLES; r++)
        if (stage->speakers[r] != NULL)
          {
            gtk_widget_grab_focus (GTK_WIDGET (stage->speakers[r]));
            break;
          }
    }
  else if (problem->field == REFLECT_MODEL_FIELD_STAGE_PROMPT)
    gtk_widget_grab_focus (GTK_WIDGET (stage->prompt));
  else
    gtk_widget_grab_focus (field);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ReflectModelEditor *self = REFLECT_MODEL_EDITOR (widget);
  g_autoptr(JsonNode) draft = NULL;
  g_autoptr(ReflectModel) model = NULL;
  g_autoptr(GError) error = NULL;
  ReflectModelProblem problem;

  clear_field_errors (self);

  draft = build_draft (self);
  model = reflect_custom_model_new_from_draft (draft, &problem, &error);
  if (model == NULL)
    {
      g_debug ("Model not saved: %s", error->message);
      show_problem (self, &problem, error->message);
      return;
    }

  if (!reflect_store_save_custom_model (self->store, model, &error))
    {
      ReflectModelProblem none = { REFLECT_MODEL_FIELD_NONE, -1 };
      g_autofree char *message = g_strdup_printf (_("The model was not saved: %s"),
                                                  error->message);
      show_problem (self, &none, message);
      return;
    }

  /* New Session offers what the catalog holds. */
  reflect_catalog_reload (self->catalog);
  g_signal_emit (self, signals[SAVED], 0, model);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
reflect_model_editor_dispose (GObject *object)
{
  ReflectModelEditor *self = (ReflectModelEditor *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (reflect_model_editor_parent_class)->dispose (object);
}

static void
reflect_model_editor_finalize (GObject *object)
{
  ReflectModelEditor *self = (ReflectModelEditor *)object;

  /* The stages' widgets are gone with the window; their records go last. */
  g_clear_pointer (&self->stages, g_ptr_array_unref);

  G_OBJECT_CLASS (reflect_model_editor_parent_class)->finalize (object);
}

static void
reflect_model_editor_class_init (ReflectModelEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_model_editor_dispose;
  object_class->finalize = reflect_model_editor_finalize;

  /**
   * ReflectModelEditor::saved:
   * @model: the model as stored
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, REFLECT_TYPE_MODEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-model-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectModelEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ReflectModelEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ReflectModelEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectModelEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, ReflectModelEditor, title_error);
  gtk_widget_class_bind_template_child (widget_class, ReflectModelEditor, based_on_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectModelEditor, total_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectModelEditor, stages_error);
  gtk_widget_class_bind_template_child (widget_class, ReflectModelEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, ReflectModelEditor, stages_list);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-stage", NULL, add_stage_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
reflect_model_editor_init (ReflectModelEditor *self)
{
  self->stages = g_ptr_array_new_with_free_func (stage_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * reflect_model_editor_new:
 * @model: a custom model, or an unsaved copy from reflect_store_copy_model();
 *   it is not changed: Save stores a new model with its id
 *
 * Returns: (transfer full): the editor; #ReflectModelEditor::saved is
 * emitted after the model is stored and the catalog reloaded
 */
ReflectModelEditor *
reflect_model_editor_new (ReflectStore   *store,
                          ReflectCatalog *catalog,
                          ReflectModel   *model)
{
  ReflectModelEditor *self;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *stages;
  ReflectModel *based_on;
  g_autofree char *based_on_text = NULL;

  g_return_val_if_fail (REFLECT_IS_STORE (store), NULL);
  g_return_val_if_fail (REFLECT_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (REFLECT_IS_MODEL (model), NULL);
  g_return_val_if_fail (reflect_model_is_custom (model), NULL);

  self = g_object_new (REFLECT_TYPE_MODEL_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->catalog = g_object_ref (catalog);
  self->model = g_object_ref (model);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), reflect_model_get_title (model));

  based_on = reflect_catalog_find_model (catalog, reflect_model_get_based_on (model));
  /* Translators: %s is the title of the model a custom model was copied from */
  based_on_text = g_strdup_printf (_("Based on “%s”. Sessions already run keep the stages they had."),
                                   based_on ? reflect_model_get_title (based_on)
                                            : reflect_model_get_based_on (model));
  gtk_label_set_text (self->based_on_label, based_on_text);

  node = reflect_model_to_json (model);
  stages = json_object_get_array_member (json_node_get_object (node), "stages");
  for (guint i = 0; i < json_array_get_length (stages); i++)
    append_stage (self, json_array_get_object_element (stages, i));
  update_all (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}
