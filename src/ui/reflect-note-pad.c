/* reflect-note-pad.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-note-pad"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-note-pad.h"
#include "reflect-store-record.h"
#include "reflect-utils.h"

/* The note of the stage in front of the room.  It follows the run's clock
 * (stage changes and new rounds) and saves as it is typed: the last edit
 * is on disk within half a second, and is written at once when the stage
 * changes or the pad goes away. */

#define SAVE_DELAY_MS 400

struct _ReflectNotePad
{
  GtkWidget          parent_instance;

  GtkLabel          *title_label;
  GtkLabel          *hint_label;
  GtkTextView       *text_view;
  GtkButton         *actions_button;
  GtkLabel          *status_label;

  ReflectRun        *run;
  ReflectStageClock *clock;
  gulong             stage_handler;
  gulong             clock_handler;
  gulong             changed_handler;
  guint              save_source;

  /* Which note the buffer holds: saved there even after the clock moved on. */
  gint64             session_id;
  guint              round;
  char              *stage_key;
  gboolean           dirty;
};

G_DEFINE_FINAL_TYPE (ReflectNotePad, reflect_note_pad, GTK_TYPE_WIDGET)

static void load_current (ReflectNotePad *self);

/* The stage where the Case Presenter listens and makes notes (Space to
 * Think's Purposeful reflection), found from who speaks and who listens
 * so that custom models get the same pad. */
static gboolean
presenter_listens (ReflectModelStage *stage)
{
  const char * const *listeners = reflect_model_stage_get_listeners (stage);
  const char * const *speakers = reflect_model_stage_get_speakers (stage);

  return listeners != NULL && g_strv_contains (listeners, "presenter") &&
         (speakers == NULL || !g_strv_contains (speakers, "presenter"));
}

static void
set_status (ReflectNotePad *self,
            const char     *text,
            gboolean        error)
{
  gtk_label_set_label (self->status_label, text ? text : "");
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * reflect_note_pad_flush:
 *
 * Writes a pending edit now.
 */
void
reflect_note_pad_flush (ReflectNotePad *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (REFLECT_IS_NOTE_PAD (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty || self->run == NULL || self->stage_key == NULL)
    return;

  text = buffer_text (self->text_view);
  if (!reflect_store_save_note (reflect_run_get_store (self->run), self->session_id, self->round,
                                self->stage_key, text, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s. Your text is still here; "
                                                    "it will be saved with your next change."),
                                                  error->message);
      set_status (self, message, TRUE);
      return;
    }

  self->dirty = FALSE;
  set_status (self, NULL, FALSE);
}

static gboolean
save_timeout_cb (gpointer data)
{
  ReflectNotePad *self = data;

  self->save_source = 0;
  reflect_note_pad_flush (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (ReflectNotePad *self,
                   GtkTextBuffer  *buffer)
{
  self->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
set_text_silently (ReflectNotePad *self,
                   const char     *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  g_signal_handler_block (buffer, self->changed_handler);
  /* A different note: its undo history must not reach into this one. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  g_signal_handler_unblock (buffer, self->changed_handler);
}

static void
stage_changed_cb (ReflectNotePad *self)
{
  reflect_note_pad_flush (self);
  load_current (self);
}

static void
disconnect_clock (ReflectNotePad *self)
{
  if (self->clock != NULL)
    g_clear_signal_handler (&self->stage_handler, self->clock);
  g_clear_object (&self->clock);
}

static void
clock_replaced_cb (ReflectNotePad *self)
{
  reflect_note_pad_flush (self);
  disconnect_clock (self);
  if (self->run != NULL)
    {
      self->clock = g_object_ref (reflect_run_get_clock (self->run));
      self->stage_handler = g_signal_connect_object (self->clock, "notify::current-stage",
                                                     G_CALLBACK (stage_changed_cb), self,
                                                     G_CONNECT_SWAPPED);
    }
  load_current (self);
}

static void
load_current (ReflectNotePad *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ReflectModelStage *stage;
  gboolean listening;

  g_clear_pointer (&self->stage_key, g_free);
  self->dirty = FALSE;
  set_status (self, NULL, FALSE);

  if (self->run == NULL)
    {
      set_text_silently (self, "");
      gtk_label_set_label (self->title_label, _("Notes"));
      gtk_label_set_label (self->hint_label, "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->actions_button), FALSE);
      return;
    }

  stage = reflect_run_get_current_stage (self->run);
  self->session_id = reflect_session_get_id (reflect_run_get_session (self->run));
  self->round = reflect_run_get_round (self->run);
  self->stage_key = g_strdup (reflect_model_stage_get_key (stage));

  listening = presenter_listens (stage);
  if (listening)
    gtk_label_set_label (self->title_label, _("Your notes while the group reflects"));
  else
    {
      /* Translators: %s is a stage, such as “Offload” */
      g_autofree char *title = g_strdup_printf (_("Notes: %s"), reflect_model_stage_get_title (stage));
      gtk_label_set_label (self->title_label, title);
    }
  gtk_label_set_label (self->hint_label, reflect_model_stage_get_record (stage));
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label),
                          !reflect_string_is_blank (reflect_model_stage_get_record (stage)));
  gtk_widget_set_visible (GTK_WIDGET (self->actions_button), listening);
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), TRUE);

  text = reflect_store_load_note (reflect_run_get_store (self->run), self->session_id, self->round,
                                  self->stage_key, &error);
  if (text == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the note: %s"),
                                                  error->message);
      set_status (self, message, TRUE);
      /* Never let an empty pad overwrite a note that could not be read. */
      g_clear_pointer (&self->stage_key, g_free);
      gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), FALSE);
    }
  set_text_silently (self, text);
}

static char *
strip_bullet (const char *line)
{
  g_autofree char *text = g_strstrip (g_strdup (line));
  const char *bullets[] = { "- ", "* ", "• ", "– " };

  for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
    if (g_str_has_prefix (text, bullets[i]))
      return g_strstrip (g_strdup (text + strlen (bullets[i])));
  return g_steal_pointer (&text);
}

static void
lines_to_actions_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ReflectNotePad *self = REFLECT_NOTE_PAD (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GtkTextIter start, end;
  guint added = 0;

  if (self->run == NULL)
    return;

  /* Whole lines of the selection, or every line. */
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      gtk_text_iter_set_line_offset (&start, 0);
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
    }
  else
    gtk_text_buffer_get_bounds (buffer, &start, &end);

  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *what = strip_bullet (lines[i]);

      if (*what == '\0')
        continue;
      if (reflect_store_add_action (reflect_run_get_store (self->run), self->session_id, what, "",
                                    "", &error) == 0)
        {
          g_autofree char *message = g_strdup_printf (_("Could not add the action: %s"),
                                                      error->message);
          set_status (self, message, TRUE);
          return;
        }
      added++;
    }

  if (added == 0)
    set_status (self, _("Write one action per line first."), FALSE);
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u action added to the Record.",
                                                               "%u actions added to the Record.",
                                                               added), added);
      set_status (self, message, FALSE);
    }
}

static void
reflect_note_pad_dispose (GObject *object)
{
  ReflectNotePad *self = (ReflectNotePad *)object;

  reflect_note_pad_flush (self);
  disconnect_clock (self);
  if (self->run != NULL)
    g_clear_signal_handler (&self->clock_handler, self->run);
  g_clear_object (&self->run);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (reflect_note_pad_parent_class)->dispose (object);
}

static void
reflect_note_pad_finalize (GObject *object)
{
  ReflectNotePad *self = (ReflectNotePad *)object;

  g_clear_pointer (&self->stage_key, g_free);

  G_OBJECT_CLASS (reflect_note_pad_parent_class)->finalize (object);
}

static void
reflect_note_pad_unmap (GtkWidget *widget)
{
  reflect_note_pad_flush (REFLECT_NOTE_PAD (widget));
  GTK_WIDGET_CLASS (reflect_note_pad_parent_class)->unmap (widget);
}

/* Focusing the pad is to write in it: the cursor goes to the end of the
 * stage's notes, where the next line will be. */
static gboolean
reflect_note_pad_grab_focus (GtkWidget *widget)
{
  ReflectNotePad *self = REFLECT_NOTE_PAD (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter end;

  if (!gtk_widget_grab_focus (GTK_WIDGET (self->text_view)))
    return FALSE;
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_view_scroll_mark_onscreen (self->text_view, gtk_text_buffer_get_insert (buffer));
  return TRUE;
}

static void
reflect_note_pad_class_init (ReflectNotePadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_note_pad_dispose;
  object_class->finalize = reflect_note_pad_finalize;
  widget_class->unmap = reflect_note_pad_unmap;
  widget_class->grab_focus = reflect_note_pad_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-note-pad.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectNotePad, title_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectNotePad, hint_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectNotePad, text_view);
  gtk_widget_class_bind_template_child (widget_class, ReflectNotePad, actions_button);
  gtk_widget_class_bind_template_child (widget_class, ReflectNotePad, status_label);

  gtk_widget_class_install_action (widget_class, "note-pad.lines-to-actions", NULL,
                                   lines_to_actions_cb);
}

static void
reflect_note_pad_init (ReflectNotePad *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_enable_undo (buffer, TRUE);
  self->changed_handler = g_signal_connect_object (buffer, "changed",
                                                   G_CALLBACK (buffer_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  load_current (self);
}

GtkWidget *
reflect_note_pad_new (void)
{
  return g_object_new (REFLECT_TYPE_NOTE_PAD, NULL);
}

/**
 * reflect_note_pad_set_run:
 * @run: (nullable): the session being run; the pad shows the note of its
 *   current stage and round
 */
void
reflect_note_pad_set_run (ReflectNotePad *self,
                          ReflectRun     *run)
{
  g_return_if_fail (REFLECT_IS_NOTE_PAD (self));

  if (run == self->run)
    return;

  reflect_note_pad_flush (self);
  disconnect_clock (self);
  if (self->run != NULL)
    g_clear_signal_handler (&self->clock_handler, self->run);
  g_set_object (&self->run, run);

  if (run != NULL)
    {
      /* A new round replaces the clock. */
      self->clock_handler = g_signal_connect_object (run, "notify::clock",
                                                     G_CALLBACK (clock_replaced_cb), self,
                                                     G_CONNECT_SWAPPED);
      clock_replaced_cb (self);
    }
  else
    load_current (self);
}
