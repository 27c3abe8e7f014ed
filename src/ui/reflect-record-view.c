/* reflect-record-view.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-record-view"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-a11y.h"
#include "reflect-export-dialog.h"
#include "reflect-record-view.h"
#include "reflect-session-transfer.h"
#include "reflect-view-shortcuts.h"
#include "reflect-store-record.h"
#include "reflect-utils.h"

/* Everything that goes on record, edited in place.  There is no Save
 * button: each field is a binding to one row of the store, marked dirty
 * as it is typed and written by one debounced flush (and at once when the
 * view is hidden, the run changes or the view goes away). */

#define SAVE_DELAY_MS 400

typedef enum
{
  BINDING_NOTE,
  BINDING_RECORD,
  BINDING_ACTION,
  BINDING_INFO,
} BindingKind;

typedef struct
{
  ReflectRecordView *view;
  BindingKind     kind;
  gboolean        dirty;
  char           *stage_key;     /* BINDING_NOTE */
  ReflectRecordField field;      /* BINDING_RECORD */
  gint64          id;            /* BINDING_ACTION, BINDING_INFO */
  guint           position;
  GtkTextBuffer  *buffer;        /* BINDING_NOTE, BINDING_RECORD */
  GtkEditable    *what;          /* BINDING_ACTION, BINDING_INFO */
  GtkEditable    *owner;         /* who owns it, or with whom it was shared */
  GtkEditable    *due;           /* by when, or why */
  GtkCheckButton *check;         /* done, or shared */
  GPtrArray      *watched;       /* GWeakRef: what to disconnect from */
} Binding;

struct _ReflectRecordView
{
  GtkWidget   parent_instance;

  AdwToastOverlay   *toast_overlay;
  GtkScrolledWindow *scroller;
  GtkRevealer *error_revealer;
  GtkLabel    *error_label;
  GtkBox      *notes_box;
  GtkBox      *strengths_box;
  GtkListBox  *actions_list;
  GtkBox      *hypothesis_box;
  GtkListBox  *info_list;
  GtkBox      *learning_box;
  GtkBox      *family_box;
  GtkBox      *feedback_box;

  ReflectRun *run;
  GPtrArray  *bindings;
  GStrv       owner_choices;
  guint       save_source;
  gulong      clock_handler;

  /* The last action or decision deleted, for Undo. */
  gint64              deleted_session;
  ReflectAction      *deleted_action;
  guint               deleted_position;
  ReflectInfoSharing *deleted_info;
};

G_DEFINE_FINAL_TYPE (ReflectRecordView, reflect_record_view, GTK_TYPE_WIDGET)

static void rebuild (ReflectRecordView *self);

static void
binding_free (Binding *binding)
{
  /* A widget kept alive elsewhere (focus, a popover) must not call back
   * into a binding that is gone. */
  for (guint i = 0; binding->watched != NULL && i < binding->watched->len; i++)
    {
      GWeakRef *ref = g_ptr_array_index (binding->watched, i);
      g_autoptr(GObject) object = g_weak_ref_get (ref);

      if (object != NULL)
        g_signal_handlers_disconnect_by_data (object, binding);
      g_weak_ref_clear (ref);
      g_free (ref);
    }
  g_clear_pointer (&binding->watched, g_ptr_array_unref);
  g_free (binding->stage_key);
  g_free (binding);
}

static void
show_error (ReflectRecordView *self,
            const char        *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
save_binding (ReflectRecordView  *self,
              Binding            *binding,
              GError            **error)
{
  ReflectStore *store = reflect_run_get_store (self->run);
  gint64 session_id = reflect_session_get_id (reflect_run_get_session (self->run));

  switch (binding->kind)
    {
    case BINDING_NOTE:
      {
        g_autofree char *text = buffer_text (binding->buffer);
        return reflect_store_save_note (store, session_id, reflect_run_get_round (self->run),
                                        binding->stage_key, text, NULL, error);
      }
    case BINDING_RECORD:
      {
        g_autofree char *text = buffer_text (binding->buffer);
        return reflect_store_save_record_field (store, session_id, binding->field, text, error);
      }
    case BINDING_ACTION:
      return reflect_store_update_action (store, binding->id,
                                          gtk_editable_get_text (binding->what),
                                          gtk_editable_get_text (binding->owner),
                                          gtk_editable_get_text (binding->due),
                                          gtk_check_button_get_active (binding->check), error);
    case BINDING_INFO:
      return reflect_store_update_info_sharing (store, binding->id,
                                                gtk_editable_get_text (binding->what),
                                                gtk_editable_get_text (binding->owner),
                                                gtk_check_button_get_active (binding->check),
                                                gtk_editable_get_text (binding->due), error);
    default:
      g_assert_not_reached ();
    }
}

/**
 * reflect_record_view_flush:
 *
 * Writes every pending edit now.  Returns: %FALSE if one could not be
 * saved (the text stays in the view and is tried again with the next edit)
 */
gboolean
reflect_record_view_flush (ReflectRecordView *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (REFLECT_IS_RECORD_VIEW (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->run == NULL)
    return TRUE;

  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);
      g_autoptr(GError) error = NULL;

      if (!binding->dirty)
        continue;
      if (!save_binding (self, binding, &error))
        {
          g_autofree char *message = g_strdup_printf (
            _("Not saved: %s. What you typed is still here and will be saved with your next "
              "change."), error->message);
          show_error (self, message);
          ok = FALSE;
          continue;
        }
      binding->dirty = FALSE;
    }

  if (ok)
    show_error (self, NULL);
  return ok;
}

static gboolean
save_timeout_cb (gpointer data)
{
  ReflectRecordView *self = data;

  self->save_source = 0;
  reflect_record_view_flush (self);
  return G_SOURCE_REMOVE;
}

static void
mark_dirty (ReflectRecordView *self,
            Binding           *binding)
{
  binding->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static Binding *
add_binding (ReflectRecordView *self,
             BindingKind        kind)
{
  Binding *binding = g_new0 (Binding, 1);

  binding->kind = kind;
  g_ptr_array_add (self->bindings, binding);
  return binding;
}

static void
binding_changed_cb (Binding *binding)
{
  mark_dirty (binding->view, binding);
}

static void
watch (ReflectRecordView *self,
       Binding           *binding,
       gpointer           object,
       const char        *signal)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  binding->view = self;
  if (binding->watched == NULL)
    binding->watched = g_ptr_array_new ();
  g_weak_ref_init (ref, object);
  g_ptr_array_add (binding->watched, ref);
  g_signal_connect_swapped (object, signal, G_CALLBACK (binding_changed_cb), binding);
}

/* A text area that saves itself: a card with a label above it. */
static GtkWidget *
text_field (ReflectRecordView *self,
            Binding           *binding,
            const char        *label,
            const char        *hint,
            const char        *accessible,
            const char        *text,
            const char        *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  if (label != NULL)
    {
      GtkWidget *title = gtk_label_new (label);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (box), title);
    }
  if (!reflect_string_is_blank (hint))
    {
      GtkWidget *subtitle = gtk_label_new (hint);
      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_box_append (GTK_BOX (box), subtitle);
    }

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_name (view, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  gtk_text_buffer_set_enable_undo (buffer, TRUE);
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  binding->buffer = buffer;
  watch (self, binding, buffer, "changed");

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 72);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_add_css_class (scroller, "reflect-text-card");
  gtk_box_append (GTK_BOX (box), scroller);

  return box;
}

static void
add_record_field (ReflectRecordView  *self,
                  GtkBox             *box,
                  ReflectRecord      *record,
                  ReflectRecordField  field,
                  const char         *label,
                  const char         *hint,
                  const char         *accessible)
{
  Binding *binding = add_binding (self, BINDING_RECORD);
  g_autofree char *name = g_strdup_printf ("record:%s", reflect_record_field_to_string (field));

  binding->field = field;
  gtk_box_append (box, text_field (self, binding, label, hint, accessible, record->fields[field],
                                  name));
}

static GtkWidget *
entry (const char *text,
       const char *placeholder,
       const char *accessible_label)
{
  GtkWidget *widget = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (widget), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return widget;
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  reflect_hide_button_icons (button);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
choice_clicked_cb (GtkButton *button,
                   GtkEditable *target)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  gtk_editable_set_text (target, gtk_button_get_label (button));
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_widget_grab_focus (GTK_WIDGET (target));
}

/* The agencies present and the model's roles, one click each; anything
 * else can be typed. */
static GtkWidget *
owner_chooser (ReflectRecordView *self,
               GtkEditable       *target)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  for (guint i = 0; self->owner_choices != NULL && self->owner_choices[i] != NULL; i++)
    {
      GtkWidget *choice = gtk_button_new_with_label (self->owner_choices[i]);
      gtk_widget_add_css_class (choice, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (choice))), 0);
      g_signal_connect_object (choice, "clicked", G_CALLBACK (choice_clicked_cb), target, 0);
      gtk_box_append (GTK_BOX (box), choice);
    }
  if (self->owner_choices == NULL || self->owner_choices[0] == NULL)
    {
      GtkWidget *empty = gtk_label_new (_("Add people and their agencies in People"));
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (GTK_BOX (box), empty);
    }

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "pan-down-symbolic");
  gtk_widget_set_tooltip_text (button, _("Choose an agency or role"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose an agency or role"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
add_action_row (ReflectRecordView *self,
                ReflectAction     *action,
                guint              index,
                guint              n)
{
  Binding *binding = add_binding (self, BINDING_ACTION);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *done = gtk_check_button_new ();
  GtkWidget *what = entry (action->what, _("What will be done"), _("Action"));
  GtkWidget *owner = entry (action->owner, _("Which agency or role"), _("Who will do it"));
  GtkWidget *due = entry (action->due, _("By when"), _("By when"));
  GtkWidget *up, *down;

  binding->id = action->id;
  binding->position = index;
  binding->what = GTK_EDITABLE (what);
  binding->owner = GTK_EDITABLE (owner);
  binding->due = GTK_EDITABLE (due);
  binding->check = GTK_CHECK_BUTTON (done);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (done), action->done);
  gtk_widget_set_tooltip_text (done, _("Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (done), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Done"), -1);
  gtk_widget_set_hexpand (what, TRUE);
  gtk_widget_set_name (what, "action-what");
  gtk_widget_set_hexpand (owner, TRUE);
  gtk_widget_set_hexpand (due, TRUE);

  watch (self, binding, done, "toggled");
  watch (self, binding, what, "changed");
  watch (self, binding, owner, "changed");
  watch (self, binding, due, "changed");

  up = icon_button ("go-up-symbolic", _("Move Up"), "record.move-action-up", action->id);
  down = icon_button ("go-down-symbolic", _("Move Down"), "record.move-action-down", action->id);
  gtk_widget_set_sensitive (up, index > 0);
  gtk_widget_set_sensitive (down, index + 1 < n);

  /* The buttons stand after all three fields, beside them: Tab goes what,
   * who, by when, as people write an action, and only then to Move and
   * Delete (which came straight after "what", so that a Space typed a Tab
   * too far deleted the action). */
  gtk_widget_set_valign (done, GTK_ALIGN_START);
  gtk_widget_set_margin_top (done, 6);
  gtk_box_append (GTK_BOX (fields), what);
  gtk_box_append (GTK_BOX (bottom), owner);
  gtk_box_append (GTK_BOX (bottom), owner_chooser (self, GTK_EDITABLE (owner)));
  gtk_box_append (GTK_BOX (bottom), due);
  gtk_box_append (GTK_BOX (fields), bottom);
  gtk_widget_set_hexpand (fields, TRUE);

  gtk_widget_set_valign (buttons, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (buttons), up);
  gtk_box_append (GTK_BOX (buttons), down);
  gtk_box_append (GTK_BOX (buttons), icon_button ("user-trash-symbolic", _("Delete Action"),
                                                  "record.delete-action", action->id));

  gtk_box_append (GTK_BOX (box), done);
  gtk_box_append (GTK_BOX (box), fields);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->actions_list, row);
}

static void
add_info_row (ReflectRecordView  *self,
              ReflectInfoSharing *item)
{
  Binding *binding = add_binding (self, BINDING_INFO);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *what = entry (item->what, _("What information"), _("What information"));
  GtkWidget *whom = entry (item->with_whom, _("With whom"), _("With whom"));
  GtkWidget *shared = gtk_check_button_new_with_mnemonic (_("_Shared"));
  GtkWidget *why = entry (item->why, _("Why it was shared, or why not"), _("Why"));

  binding->id = item->id;
  binding->what = GTK_EDITABLE (what);
  binding->owner = GTK_EDITABLE (whom);
  binding->due = GTK_EDITABLE (why);
  binding->check = GTK_CHECK_BUTTON (shared);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (shared), item->shared);
  gtk_widget_set_hexpand (what, TRUE);
  gtk_widget_set_hexpand (whom, TRUE);
  gtk_widget_set_hexpand (why, TRUE);
  watch (self, binding, what, "changed");
  watch (self, binding, whom, "changed");
  watch (self, binding, why, "changed");
  watch (self, binding, shared, "toggled");

  gtk_box_append (GTK_BOX (top), what);
  gtk_box_append (GTK_BOX (top), whom);
  gtk_box_append (GTK_BOX (top), shared);
  gtk_box_append (GTK_BOX (top), icon_button ("user-trash-symbolic", _("Delete Decision"),
                                              "record.delete-info", item->id));
  gtk_box_append (GTK_BOX (bottom), why);

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->info_list, row);
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_set_placeholder (list, label);
}

static void
clear_box (GtkWidget *box)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (box));)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static GStrv
collect_owner_choices (ReflectRecordView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) attendees = NULL;
  ReflectModel *model = reflect_run_get_model (self->run);
  const char *roles[] = { "facilitator", "presenter", "consultant" };

  attendees = reflect_store_list_record_attendees (reflect_run_get_store (self->run),
                                                   reflect_session_get_id (
                                                     reflect_run_get_session (self->run)),
                                                   NULL);
  for (guint i = 0; attendees != NULL && i < attendees->len; i++)
    {
      ReflectRecordAttendee *attendee = g_ptr_array_index (attendees, i);
      if (attendee->present && !reflect_string_is_blank (attendee->agency) &&
          g_hash_table_add (seen, g_utf8_casefold (attendee->agency, -1)))
        g_strv_builder_add (builder, attendee->agency);
    }
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (reflect_model_has_role (model, roles[i]))
      g_strv_builder_add (builder, reflect_model_get_role_title (model, roles[i]));

  return g_strv_builder_end (builder);
}

static void
rebuild (ReflectRecordView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(ReflectRecord) record = NULL;
  ReflectStore *store;
  ReflectModel *model;
  gint64 session_id;
  guint round;

  reflect_record_view_flush (self);
  clear_box (GTK_WIDGET (self->notes_box));
  clear_box (GTK_WIDGET (self->strengths_box));
  clear_box (GTK_WIDGET (self->actions_list));
  clear_box (GTK_WIDGET (self->hypothesis_box));
  clear_box (GTK_WIDGET (self->info_list));
  clear_box (GTK_WIDGET (self->learning_box));
  clear_box (GTK_WIDGET (self->family_box));
  clear_box (GTK_WIDGET (self->feedback_box));
  g_clear_pointer (&self->owner_choices, g_strfreev);
  g_ptr_array_set_size (self->bindings, 0);

  gtk_widget_set_sensitive (GTK_WIDGET (self), self->run != NULL);
  if (self->run == NULL)
    return;

  store = reflect_run_get_store (self->run);
  model = reflect_run_get_model (self->run);
  session_id = reflect_session_get_id (reflect_run_get_session (self->run));
  round = reflect_run_get_round (self->run);

  notes = reflect_store_list_notes (store, session_id, &error);
  if (notes != NULL)
    record = reflect_store_load_record (store, session_id, &error);
  if (record != NULL)
    actions = reflect_store_list_actions (store, session_id, &error);
  if (actions != NULL)
    items = reflect_store_list_info_sharing (store, session_id, &error);
  if (items == NULL)
    {
      /* Nothing is shown rather than empty fields that would overwrite. */
      g_autofree char *message = g_strdup_printf (_("Could not read the record: %s"),
                                                  error->message);
      show_error (self, message);
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return;
    }

  self->owner_choices = collect_owner_choices (self);

  for (guint s = 0; s < reflect_model_get_n_stages (model); s++)
    {
      ReflectModelStage *stage = reflect_model_get_stage (model, s);
      const char *key = reflect_model_stage_get_key (stage);
      const char *text = "";
      Binding *binding = add_binding (self, BINDING_NOTE);
      g_autofree char *name = g_strdup_printf ("note:%s", key);
      g_autofree char *title = NULL;

      for (guint n = 0; n < notes->len; n++)
        {
          ReflectNote *note = g_ptr_array_index (notes, n);
          if (note->round == round && g_str_equal (note->stage_key, key))
            text = note->body;
        }

      if (round > 1)
        /* Translators: a stage title and the round number */
        title = g_strdup_printf (_("%s (round %u)"), reflect_model_stage_get_title (stage), round);
      else
        title = g_strdup (reflect_model_stage_get_title (stage));

      binding->stage_key = g_strdup (key);
      gtk_box_append (self->notes_box,
                      text_field (self, binding, title, reflect_model_stage_get_record (stage),
                                  title, text, name));
    }

  add_record_field (self, self->strengths_box, record, REFLECT_RECORD_STRENGTHS, NULL, NULL,
                    _("Strengths shared"));

  for (guint i = 0; i < actions->len; i++)
    add_action_row (self, g_ptr_array_index (actions, i), i, actions->len);
  add_placeholder (self->actions_list, _("No actions yet"));

  add_record_field (self, self->hypothesis_box, record, REFLECT_RECORD_HYPOTHESIS_BEFORE,
                    _("Before"), _("What the professionals thought was happening"),
                    _("Hypothesis before"));
  add_record_field (self, self->hypothesis_box, record, REFLECT_RECORD_HYPOTHESIS_AFTER,
                    _("After"), _("What they think now"), _("Hypothesis after"));

  for (guint i = 0; i < items->len; i++)
    add_info_row (self, g_ptr_array_index (items, i));
  add_placeholder (self->info_list, _("No decisions yet"));

  add_record_field (self, self->learning_box, record, REFLECT_RECORD_LEARNING, _("Learning"),
                    NULL, _("Learning"));
  add_record_field (self, self->learning_box, record, REFLECT_RECORD_THEMES, _("Themes"), NULL,
                    _("Themes"));
  add_record_field (self, self->family_box, record, REFLECT_RECORD_FAMILY_UPDATE, NULL, NULL,
                    _("How and when the family will be told"));
  add_record_field (self, self->feedback_box, record, REFLECT_RECORD_FEEDBACK, NULL, NULL,
                    _("Feedback on how the model worked"));
}

static Binding *
find_binding (ReflectRecordView *self,
              BindingKind        kind,
              gint64             id)
{
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);
      if (binding->kind == kind && binding->id == id)
        return binding;
    }
  return NULL;
}

static void
focus_last_action (ReflectRecordView *self)
{
  for (guint i = self->bindings->len; i > 0; i--)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i - 1);
      if (binding->kind == BINDING_ACTION)
        {
          gtk_widget_grab_focus (GTK_WIDGET (binding->what));
          return;
        }
    }
}

static void
report (ReflectRecordView *self,
        GError            *error)
{
  if (error != NULL)
    show_error (self, error->message);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReflectRecordView *self = REFLECT_RECORD_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->run == NULL)
    return;
  reflect_record_view_flush (self);
  if (reflect_store_add_action (reflect_run_get_store (self->run),
                                reflect_session_get_id (reflect_run_get_session (self->run)),
                                "", "", "", &error) == 0)
    {
      report (self, error);
      return;
    }
  rebuild (self);
  focus_last_action (self);
}

static void
move_action (ReflectRecordView *self,
             gint64             id,
             int                delta)
{
  g_autoptr(GError) error = NULL;
  Binding *binding = find_binding (self, BINDING_ACTION, id);

  if (binding == NULL || (delta < 0 && binding->position == 0))
    return;
  reflect_record_view_flush (self);
  if (!reflect_store_move_action (reflect_run_get_store (self->run), id,
                                  binding->position + delta, &error))
    report (self, error);
  rebuild (self);

  binding = find_binding (self, BINDING_ACTION, id);
  if (binding != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (binding->what));
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_action (REFLECT_RECORD_VIEW (widget), g_variant_get_int64 (parameter),
               g_str_has_suffix (action_name, "-up") ? -1 : 1);
}

static void
forget_deleted (ReflectRecordView *self)
{
  g_clear_pointer (&self->deleted_action, reflect_action_free);
  g_clear_pointer (&self->deleted_info, reflect_info_sharing_free);
}

/* What is about to be deleted, kept for Undo. */
static void
keep_deleted (ReflectRecordView *self,
              gboolean           info,
              gint64             id)
{
  ReflectStore *store = reflect_run_get_store (self->run);
  gint64 session_id = reflect_session_get_id (reflect_run_get_session (self->run));
  g_autoptr(GPtrArray) list = NULL;

  forget_deleted (self);
  self->deleted_session = session_id;
  list = info ? reflect_store_list_info_sharing (store, session_id, NULL)
              : reflect_store_list_actions (store, session_id, NULL);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      if (info && ((ReflectInfoSharing *)g_ptr_array_index (list, i))->id == id)
        {
          self->deleted_info = g_ptr_array_steal_index (list, i);
          break;
        }
      if (!info && ((ReflectAction *)g_ptr_array_index (list, i))->id == id)
        {
          self->deleted_action = g_ptr_array_steal_index (list, i);
          self->deleted_position = i;
          break;
        }
    }
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReflectRecordView *self = REFLECT_RECORD_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gboolean info = g_str_equal (action_name, "record.delete-info");
  gint64 id = g_variant_get_int64 (parameter);
  AdwToast *toast;

  if (self->run == NULL)
    return;
  reflect_record_view_flush (self);
  keep_deleted (self, info, id);
  if (info ? !reflect_store_delete_info_sharing (reflect_run_get_store (self->run), id, &error)
           : !reflect_store_delete_action (reflect_run_get_store (self->run), id, &error))
    {
      forget_deleted (self);
      report (self, error);
      rebuild (self);
      return;
    }
  rebuild (self);

  /* A Space or a click a little off deletes at once: what was agreed
   * comes back with one press. */
  toast = adw_toast_new (info ? _("Decision deleted") : _("Action deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "record.undo-delete");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_delete_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ReflectRecordView *self = REFLECT_RECORD_VIEW (widget);
  g_autoptr(ReflectAction) action = g_steal_pointer (&self->deleted_action);
  g_autoptr(ReflectInfoSharing) item = g_steal_pointer (&self->deleted_info);
  g_autoptr(GError) error = NULL;
  ReflectStore *store;
  gint64 session_id;
  gint64 id;

  if (self->run == NULL)
    return;
  store = reflect_run_get_store (self->run);
  session_id = reflect_session_get_id (reflect_run_get_session (self->run));
  if (session_id != self->deleted_session)
    return;

  reflect_record_view_flush (self);
  /* Written again as new rows: they were deleted, not hidden. */
  if (action != NULL)
    {
      id = reflect_store_add_action (store, session_id, action->what, action->owner, action->due,
                                     &error);
      if (id == 0 ||
          (action->done && !reflect_store_update_action (store, id, action->what, action->owner,
                                                         action->due, TRUE, &error)) ||
          !reflect_store_move_action (store, id, self->deleted_position, &error))
        report (self, error);
    }
  else if (item != NULL)
    {
      if (reflect_store_add_info_sharing (store, session_id, item->what, item->with_whom,
                                          item->shared, item->why, &error) == 0)
        report (self, error);
    }
  rebuild (self);
}

static void
add_info_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ReflectRecordView *self = REFLECT_RECORD_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->run == NULL)
    return;
  reflect_record_view_flush (self);
  if (reflect_store_add_info_sharing (reflect_run_get_store (self->run),
                                      reflect_session_get_id (reflect_run_get_session (self->run)),
                                      "", "", FALSE, "", &error) == 0)
    {
      report (self, error);
      return;
    }
  rebuild (self);
  for (guint i = self->bindings->len; i > 0; i--)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i - 1);
      if (binding->kind == BINDING_INFO)
        {
          gtk_widget_grab_focus (GTK_WIDGET (binding->what));
          break;
        }
    }
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ReflectRecordView *self = REFLECT_RECORD_VIEW (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  ReflectExportKind export_kind = REFLECT_EXPORT_CHILD_RECORD;
  GtkWindow *dialog;

  if (self->run == NULL)
    return;
  reflect_record_view_flush (self);

  if (g_str_equal (kind, "agency-summary"))
    export_kind = REFLECT_EXPORT_AGENCY_SUMMARY;
  else if (g_str_equal (kind, "learning"))
    export_kind = REFLECT_EXPORT_LEARNING;
  else if (g_str_equal (kind, "invitation"))
    export_kind = REFLECT_EXPORT_INVITATION;

  dialog = reflect_export_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->run, export_kind);
  gtk_window_present (dialog);
}

static void
session_saved_cb (GtkNativeDialog   *chooser,
                  int                response,
                  ReflectRecordView *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->run != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;
      g_autofree char *json = reflect_session_export_json (
        reflect_run_get_store (self->run),
        reflect_session_get_id (reflect_run_get_session (self->run)), &error);

      if (json == NULL ||
          !g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                    G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                    NULL, NULL, &error))
        {
          g_autofree char *message = g_strdup_printf (_("The session was not exported: %s"),
                                                      error->message);
          show_error (self, message);
        }
      else
        show_error (self, NULL);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_session_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ReflectRecordView *self = REFLECT_RECORD_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->run == NULL)
    return;
  reflect_record_view_flush (self);

  chooser = gtk_file_chooser_native_new (_("Export Session"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  name = g_strdup_printf ("%s.reflect-session.json",
                          reflect_session_get_case_ref (reflect_run_get_session (self->run)));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (session_saved_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
clock_replaced_cb (ReflectRecordView *self)
{
  /* A new round: its notes are other notes. */
  rebuild (self);
}

static void
reflect_record_view_map (GtkWidget *widget)
{
  ReflectRecordView *self = REFLECT_RECORD_VIEW (widget);

  /* The note pad and the People view write while this view is hidden. */
  rebuild (self);
  GTK_WIDGET_CLASS (reflect_record_view_parent_class)->map (widget);
}

static void
reflect_record_view_unmap (GtkWidget *widget)
{
  reflect_record_view_flush (REFLECT_RECORD_VIEW (widget));
  GTK_WIDGET_CLASS (reflect_record_view_parent_class)->unmap (widget);
}

static void
reflect_record_view_dispose (GObject *object)
{
  ReflectRecordView *self = (ReflectRecordView *)object;

  reflect_record_view_flush (self);
  if (self->run != NULL)
    g_clear_signal_handler (&self->clock_handler, self->run);
  g_clear_object (&self->run);
  g_clear_pointer (&self->owner_choices, g_strfreev);
  forget_deleted (self);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (reflect_record_view_parent_class)->dispose (object);
}

static void
reflect_record_view_class_init (ReflectRecordViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_record_view_dispose;
  widget_class->map = reflect_record_view_map;
  widget_class->unmap = reflect_record_view_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-record-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectRecordView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReflectRecordView, scroller);
  gtk_widget_class_bind_template_child (widget_class, ReflectRecordView, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ReflectRecordView, error_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectRecordView, notes_box);
  gtk_widget_class_bind_template_child (widget_class, ReflectRecordView, strengths_box);
  gtk_widget_class_bind_template_child (widget_class, ReflectRecordView, actions_list);
  gtk_widget_class_bind_template_child (widget_class, ReflectRecordView, hypothesis_box);
  gtk_widget_class_bind_template_child (widget_class, ReflectRecordView, info_list);
  gtk_widget_class_bind_template_child (widget_class, ReflectRecordView, learning_box);
  gtk_widget_class_bind_template_child (widget_class, ReflectRecordView, family_box);
  gtk_widget_class_bind_template_child (widget_class, ReflectRecordView, feedback_box);

  gtk_widget_class_install_action (widget_class, "record.add-action", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "record.move-action-up", "x", move_action_cb);
  gtk_widget_class_install_action (widget_class, "record.move-action-down", "x", move_action_cb);
  gtk_widget_class_install_action (widget_class, "record.delete-action", "x", delete_action_cb);
  gtk_widget_class_install_action (widget_class, "record.add-info", NULL, add_info_cb);
  gtk_widget_class_install_action (widget_class, "record.delete-info", "x", delete_action_cb);
  gtk_widget_class_install_action (widget_class, "record.undo-delete", NULL, undo_delete_cb);
  gtk_widget_class_install_action (widget_class, "record.export", "s", export_cb);
  gtk_widget_class_install_action (widget_class, "record.export-session", NULL,
                                   export_session_cb);
}

static void
reflect_record_view_init (ReflectRecordView *self)
{
  self->bindings = g_ptr_array_new_with_free_func ((GDestroyNotify)binding_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  reflect_view_add_shortcut (GTK_WIDGET (self), GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                             "record.export", "child-record");
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

/**
 * reflect_record_view_set_run:
 * @run: (nullable): the session being run, or %NULL when it is closed
 *
 * Pending edits of the previous session are written first.
 */
void
reflect_record_view_set_run (ReflectRecordView *self,
                             ReflectRun        *run)
{
  g_return_if_fail (REFLECT_IS_RECORD_VIEW (self));

  if (run == self->run)
    return;

  reflect_record_view_flush (self);
  if (self->run != NULL)
    g_clear_signal_handler (&self->clock_handler, self->run);
  g_set_object (&self->run, run);
  if (run != NULL)
    self->clock_handler = g_signal_connect_object (run, "notify::clock",
                                                   G_CALLBACK (clock_replaced_cb), self,
                                                   G_CONNECT_SWAPPED);
  rebuild (self);
}
