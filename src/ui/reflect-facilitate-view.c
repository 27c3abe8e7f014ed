/* reflect-facilitate-view.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-facilitate-view"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-a11y.h"
#include "reflect-announce.h"
#include "reflect-application.h"
#include "reflect-facilitate-view.h"
#include "reflect-note-pad.h"
#include "reflect-presenter-window.h"
#include "reflect-schedule.h"
#include "reflect-store-people.h"
#include "reflect-suggested-questions.h"
#include "reflect-utils.h"
#include "reflect-view-shortcuts.h"

/* A facilitator forgets to start the clock more often than anything else. */
#define NUDGE_SECONDS 30

struct _ReflectFacilitateView
{
  GtkWidget          parent_instance;

  AdwToastOverlay   *toast_overlay;
  GtkLabel          *round_label;
  GtkLabel          *session_label;
  GtkProgressBar    *session_progress;
  GtkLabel          *schedule_label;
  GtkWidget         *shorten_button;
  AdwFlap           *flap;
  GtkListBox        *timeline;
  GtkWidget         *areas_box;
  GtkGrid           *areas_grid;
  GtkRevealer       *reminders_revealer;
  GtkWidget         *dismiss_button;
  GtkLabel          *reminders_heading;
  GtkBox            *reminders_list;
  GtkRevealer       *nudge_revealer;
  GtkStack          *card_stack;
  GtkLabel          *position_label;
  GtkLabel          *title_label;
  GtkLabel          *countdown_label;
  GtkLabel          *countdown_caption;
  GtkButton         *toggle_button;
  GtkMenuButton     *correct_button;
  GtkSpinButton     *elapsed_minutes;
  GtkSpinButton     *elapsed_seconds;
  GtkLabel          *speaks_label;
  GtkLabel          *listens_label;
  GtkLabel          *who_label;
  GtkLabel          *unassigned_label;
  GtkLabel          *prompt_label;
  GtkWidget         *summary_box;
  GtkLabel          *summary_label;
  AdwStatusPage     *ended_page;
  GtkBox            *suggestions_slot;
  GtkBox            *note_pad_slot;
  GtkWidget         *note_pad;
  GtkWidget         *suggestions;

  ReflectRun        *run;
  ReflectStageClock *clock;
  GSettings         *settings;
  GtkWindow         *presenter;
  AdwToast          *move_toast;
  GPtrArray         *rows;
  GPtrArray         *area_bars;
  GPtrArray         *area_values;

  gulong             clock_changed_id;
  gulong             run_clock_id;
  gulong             store_changed_id;
  guint              tick_id;
  guint              nudge_id;

  /* The stage the card last showed, so a change of stage is noticed
   * whatever caused it. */
  guint              shown_stage;
  guint              undo_stage;
  guint              can_undo : 1;
  /* Whether the time-up of the shown stage has been announced. */
  guint              time_up_done : 1;
  /* A time-up that moves on by itself is said with the stage it moves to. */
  char              *time_up_said;
};

G_DEFINE_FINAL_TYPE (ReflectFacilitateView, reflect_facilitate_view, GTK_TYPE_WIDGET)

static void refresh_time  (ReflectFacilitateView *self);
static void refresh_stage (ReflectFacilitateView *self);

/* Auxiliary functions */

static ReflectModel *
get_model (ReflectFacilitateView *self)
{
  return reflect_run_get_model (self->run);
}

static guint
get_current (ReflectFacilitateView *self)
{
  return reflect_stage_clock_get_current_stage (self->clock);
}

static gint64
get_budget_seconds (ReflectFacilitateView *self)
{
  gint64 budget = (gint64)reflect_model_get_total_minutes (get_model (self)) * 60;

  /* A custom model always has stages, but never divide by nothing. */
  return budget > 0 ? budget : MAX (1, reflect_stage_clock_get_total_planned (self->clock));
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
toast (ReflectFacilitateView *self,
       const char            *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
clear_move_toast (ReflectFacilitateView *self)
{
  if (self->move_toast != NULL)
    {
      /* Not dismissed: libadwaita 1.2 can crash when a toast is dismissed
       * during its animation, and its Undo is disabled from here on. */
      g_object_remove_weak_pointer (G_OBJECT (self->move_toast), (gpointer *)&self->move_toast);
      self->move_toast = NULL;
    }
}

/* Two presses of Next in a row must never skip a stage unseen: every move
 * says where it went, and offers the way back. */
static void
announce_move (ReflectFacilitateView *self,
               guint                  from)
{
  ReflectModelStage *stage = reflect_model_get_stage (get_model (self), get_current (self));
  g_autofree char *title = NULL;
  AdwToast *move_toast;

  self->undo_stage = from;
  self->can_undo = TRUE;

  /* Translators: shown after moving stage, with an Undo button */
  title = g_strdup_printf (_("Moved to %s"), reflect_model_stage_get_title (stage));

  /* A toast still showing says the new place, rather than queueing one
   * more behind it: the room needs to know where it is now. */
  if (self->move_toast != NULL)
    {
      adw_toast_set_title (self->move_toast, title);
      return;
    }

  move_toast = adw_toast_new (title);
  adw_toast_set_button_label (move_toast, _("_Undo"));
  adw_toast_set_action_name (move_toast, "facilitate.undo-move");
  adw_toast_set_timeout (move_toast, 8);
  self->move_toast = move_toast;
  g_object_add_weak_pointer (G_OBJECT (move_toast), (gpointer *)&self->move_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, move_toast);
}

static void
move_to_stage (ReflectFacilitateView *self,
               guint                  stage)
{
  guint from;

  if (self->clock == NULL || stage == get_current (self))
    return;

  from = get_current (self);
  if (reflect_stage_clock_jump (self->clock, stage))
    announce_move (self, from);
}

static char *
describe_roles (ReflectFacilitateView *self,
                const char * const    *roles)
{
  ReflectModel *model = get_model (self);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
    {
      const char *title = reflect_model_get_role_title (model, roles[i]);
      g_auto(GStrv) names = NULL;

      names = reflect_store_list_names_in_role (reflect_run_get_store (self->run),
                                                reflect_run_get_round_id (self->run),
                                                roles[i], NULL);
      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append (text, title != NULL ? title : roles[i]);

      if (names != NULL && names[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (_(", "), names);

          /* Translators: a role title followed by the people in it */
          g_string_append_printf (text, _(" (%s)"), joined);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
refresh_roles (ReflectFacilitateView *self)
{
  ReflectModel *model = get_model (self);
  ReflectModelStage *stage = reflect_model_get_stage (model, get_current (self));
  const char * const *speakers = reflect_model_stage_get_speakers (stage);
  const char * const *listeners = reflect_model_stage_get_listeners (stage);
  g_autofree char *speak = describe_roles (self, speakers);
  g_autofree char *listen = describe_roles (self, listeners);
  g_autofree char *speaks_text = NULL;
  g_autofree char *listens_text = NULL;
  g_auto(GStrv) facilitators = NULL;

  speaks_text = g_strdup_printf (_("Speaks: %s"), *speak ? speak : _("everyone"));
  if (*listen != '\0')
    listens_text = g_strdup_printf (_("Listens: %s"), listen);
  else
    listens_text = g_strdup (_("Listens: nobody only listens; everyone takes part"));
  gtk_label_set_label (self->speaks_label, speaks_text);
  gtk_label_set_label (self->listens_label, listens_text);

  gtk_label_set_label (self->who_label, reflect_model_stage_get_who (stage));
  gtk_widget_set_visible (GTK_WIDGET (self->who_label),
                          reflect_model_stage_get_who (stage) != NULL &&
                          *reflect_model_stage_get_who (stage) != '\0');

  if (reflect_model_has_role (model, "facilitator"))
    facilitators = reflect_store_list_names_in_role (reflect_run_get_store (self->run),
                                                     reflect_run_get_round_id (self->run),
                                                     "facilitator", NULL);
  if (reflect_model_has_role (model, "facilitator") &&
      (facilitators == NULL || facilitators[0] == NULL))
    {
      /* Translators: %s is the role, e.g. “Facilitator” or “Chair” */
      g_autofree char *text = g_strdup_printf (_("%s: not assigned yet — see People"),
                                               reflect_model_get_role_title (model,
                                                                             "facilitator"));
      gtk_label_set_label (self->unassigned_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->unassigned_label), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->unassigned_label), FALSE);
    }
}

static void
build_reminders (ReflectFacilitateView *self)
{
  ReflectModel *model = get_model (self);
  const char * const *principles = reflect_model_get_principles (model);

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->reminders_list)));)
    gtk_box_remove (self->reminders_list, child);

  if (principles != NULL && principles[0] != NULL)
    {
      GtkWidget *heading = gtk_label_new (_("Guiding Principles"));
      g_autoptr(GString) text = g_string_new (NULL);
      GtkWidget *body;

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (self->reminders_list, heading);

      for (guint i = 0; principles[i] != NULL; i++)
        g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", principles[i]);
      body = gtk_label_new (text->str);
      gtk_label_set_xalign (GTK_LABEL (body), 0);
      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_box_append (self->reminders_list, body);
    }

  for (guint i = 0; i < reflect_model_get_n_reminders (model); i++)
    {
      GtkWidget *heading = gtk_label_new (reflect_model_get_reminder_title (model, i));
      GtkWidget *body = gtk_label_new (reflect_model_get_reminder_body (model, i));

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_label_set_xalign (GTK_LABEL (body), 0);
      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_box_append (self->reminders_list, heading);
      gtk_box_append (self->reminders_list, body);
    }
}

static void
build_timeline (ReflectFacilitateView *self)
{
  ReflectModel *model = get_model (self);

  for (GtkWidget *row; (row = gtk_widget_get_first_child (GTK_WIDGET (self->timeline)));)
    gtk_list_box_remove (self->timeline, row);
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < reflect_model_get_n_stages (model); i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *icon = gtk_image_new ();
      GtkWidget *title = gtk_label_new (reflect_model_stage_get_title (reflect_model_get_stage (model, i)));
      GtkWidget *detail = gtk_label_new (NULL);

      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_widget_set_margin_start (box, 8);
      gtk_widget_set_margin_end (box, 8);
      gtk_widget_set_size_request (icon, 16, 16);
      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_xalign (GTK_LABEL (detail), 0);
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_widget_add_css_class (detail, "caption");
      gtk_widget_add_css_class (detail, "numeric");
      gtk_box_append (GTK_BOX (texts), title);
      gtk_box_append (GTK_BOX (texts), detail);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), texts);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

      g_object_set_data (G_OBJECT (row), "icon", icon);
      g_object_set_data (G_OBJECT (row), "title", title);
      g_object_set_data (G_OBJECT (row), "detail", detail);
      gtk_list_box_append (self->timeline, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
build_areas (ReflectFacilitateView *self)
{
  g_autoptr(GArray) times = reflect_schedule_area_times (get_model (self), self->clock);

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->areas_grid)));)
    gtk_grid_remove (self->areas_grid, child);
  g_ptr_array_set_size (self->area_bars, 0);
  g_ptr_array_set_size (self->area_values, 0);

  gtk_widget_set_visible (self->areas_box, times->len > 0);

  for (guint i = 0; i < times->len; i++)
    {
      ReflectAreaTime *time = &g_array_index (times, ReflectAreaTime, i);
      g_autofree char *title = reflect_schedule_area_title (time->area);
      GtkWidget *name = gtk_label_new (title);
      GtkWidget *bar = gtk_level_bar_new ();
      GtkWidget *value = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (bar, 60, -1);
      /* The offsets would colour a bar by its value: here a long bar is
       * neither good nor bad, only more attention. */
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_widget_add_css_class (value, "numeric");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (bar),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL,
                                      -1);
      gtk_grid_attach (self->areas_grid, name, 0, (int)i, 1, 1);
      gtk_grid_attach (self->areas_grid, bar, 1, (int)i, 1, 1);
      gtk_grid_attach (self->areas_grid, value, 2, (int)i, 1, 1);
      g_ptr_array_add (self->area_bars, bar);
      g_ptr_array_add (self->area_values, value);
    }
}

static void
refresh_areas (ReflectFacilitateView *self)
{
  g_autoptr(GArray) times = NULL;
  gint64 most = 60;

  if (self->area_bars->len == 0)
    return;

  times = reflect_schedule_area_times (get_model (self), self->clock);
  for (guint i = 0; i < times->len; i++)
    most = MAX (most, g_array_index (times, ReflectAreaTime, i).elapsed_s);

  for (guint i = 0; i < times->len && i < self->area_bars->len; i++)
    {
      ReflectAreaTime *time = &g_array_index (times, ReflectAreaTime, i);
      GtkLevelBar *bar = g_ptr_array_index (self->area_bars, i);
      g_autofree char *minutes = NULL;
      g_autofree char *description = NULL;
      g_autofree char *title = reflect_schedule_area_title (time->area);

      minutes = g_strdup_printf (_("%d min"), (int)(time->elapsed_s / 60));
      gtk_level_bar_set_max_value (bar, (double)most);
      gtk_level_bar_set_value (bar, (double)time->elapsed_s);
      gtk_label_set_label (g_ptr_array_index (self->area_values, i), minutes);

      /* Translators: text alternative of the balance chart, e.g.
       * “Quality: 12 min of 38 planned” */
      description = g_strdup_printf (_("%s: %d min of %d planned"), title,
                                     (int)(time->elapsed_s / 60), (int)(time->planned_s / 60));
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, minutes,
                                      -1);
    }
}

static void
refresh_row (ReflectFacilitateView *self,
             guint                  i)
{
  GtkWidget *row = g_ptr_array_index (self->rows, i);
  GtkImage *icon = g_object_get_data (G_OBJECT (row), "icon");
  GtkLabel *title = g_object_get_data (G_OBJECT (row), "title");
  GtkLabel *detail = g_object_get_data (G_OBJECT (row), "detail");
  gboolean finished = reflect_stage_clock_is_finished (self->clock);
  guint current = get_current (self);
  gint64 planned = reflect_stage_clock_get_planned (self->clock, i);
  gint64 elapsed_s = reflect_stage_clock_get_elapsed_us (self->clock, i) / G_USEC_PER_SEC;
  g_autofree char *planned_text = reflect_schedule_format_minutes (planned);
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  const char *state;

  if (elapsed_s > 0 || (i == current && reflect_stage_clock_has_started (self->clock)))
    {
      g_autofree char *took = reflect_format_duration (elapsed_s);

      /* Translators: planned length · time actually spent, e.g. “5 min · 4:32” */
      text = g_strdup_printf (_("%s · took %s"), planned_text, took);
    }
  else
    {
      text = g_strdup (planned_text);
    }
  gtk_label_set_label (detail, text);

  if (i == current && !finished)
    {
      gtk_image_set_from_icon_name (icon, "media-playback-start-symbolic");
      state = _("current stage");
    }
  else if (i < current || finished)
    {
      gtk_image_set_from_icon_name (icon, "object-select-symbolic");
      state = _("done");
    }
  else
    {
      gtk_image_clear (icon);
      state = "";
    }
  set_css_class (row, "reflect-current-stage", i == current && !finished);
  set_css_class (GTK_WIDGET (title), "heading", i == current && !finished);

  /* Translators: accessible name of a timeline row:
   * stage title, planned and spent time, state */
  accessible = g_strdup_printf (_("%s, %s, %s"), gtk_label_get_label (title), text, state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
refresh_session_bar (ReflectFacilitateView *self)
{
  gint64 budget = get_budget_seconds (self);
  gint64 used_s = reflect_stage_clock_get_total_elapsed_us (self->clock) / G_USEC_PER_SEC;
  gint64 delta = reflect_stage_clock_get_schedule_delta_us (self->clock);
  gboolean finished = reflect_stage_clock_is_finished (self->clock);
  g_autofree char *used_text = reflect_format_duration (used_s);
  g_autofree char *budget_text = reflect_format_duration (budget);
  g_autofree char *session_text = NULL;
  g_autofree char *delta_text = reflect_schedule_describe_delta (delta);
  gboolean behind = reflect_schedule_is_behind (delta) && !finished;

  /* Translators: time used of the session's budget, e.g. “Session 12:30 of 35:00” */
  session_text = g_strdup_printf (_("Session %s of %s"), used_text, budget_text);
  gtk_label_set_label (self->session_label, session_text);
  gtk_progress_bar_set_fraction (self->session_progress,
                                 CLAMP ((double)used_s / (double)budget, 0.0, 1.0));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->session_progress),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, session_text,
                                  -1);
  set_css_class (GTK_WIDGET (self->session_progress), "reflect-over-budget", used_s > budget);

  gtk_label_set_label (self->schedule_label, finished ? "" : delta_text);
  set_css_class (GTK_WIDGET (self->schedule_label), "warning", behind);
  set_css_class (GTK_WIDGET (self->schedule_label), "success",
                 !finished && delta <= -60 * G_USEC_PER_SEC);
  gtk_widget_set_visible (self->shorten_button, behind);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "facilitate.shorten", behind);
}

static void
refresh_presenter (ReflectFacilitateView *self)
{
  if (self->presenter != NULL)
    reflect_presenter_window_refresh (REFLECT_PRESENTER_WINDOW (self->presenter));
}

static char *
describe_time_up (ReflectFacilitateView *self)
{
  ReflectModelStage *stage = reflect_model_get_stage (get_model (self), get_current (self));

  /* Translators: desktop notification, and what a screen reader says, when
   * a stage's planned time is used up */
  return g_strdup_printf (_("Time is up: %s"), reflect_model_stage_get_title (stage));
}

/* Said on arriving in a stage, whatever moved the session there, so that
 * someone who cannot see the card hears where the session is and how long
 * is left; never on the clock's own ticks. */
static void
announce_stage (ReflectFacilitateView *self)
{
  ReflectModel *model = get_model (self);
  guint current = get_current (self);
  g_autofree char *where = NULL;
  g_autofree char *time_up = g_steal_pointer (&self->time_up_said);

  where = reflect_schedule_describe_stage (current + 1, reflect_model_get_n_stages (model),
                                           reflect_model_stage_get_title (
                                             reflect_model_get_stage (model, current)),
                                           reflect_stage_clock_get_remaining_us (self->clock));
  if (time_up != NULL)
    {
      /* Translators: two things a screen reader says at once, e.g.
       * “Time is up: Offload. Stage 2 of 6, Checking of facts: 3 minutes left” */
      g_autofree char *both = g_strdup_printf (_("%s. %s"), time_up, where);

      reflect_announce (GTK_WIDGET (self), both);
    }
  else
    {
      reflect_announce (GTK_WIDGET (self), where);
    }
}

static void
send_time_up_notification (ReflectFacilitateView *self)
{
  GApplication *app = g_application_get_default ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ReflectModel *model = get_model (self);
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;

  if (app == NULL || (GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root))))
    return;

  title = describe_time_up (self);
  notification = g_notification_new (title);
  if (get_current (self) + 1 < reflect_model_get_n_stages (model))
    {
      g_autofree char *body = g_strdup_printf (_("Next: %s"),
                                               reflect_model_stage_get_title (
                                                 reflect_model_get_stage (model,
                                                                          get_current (self) + 1)));
      g_notification_set_body (notification, body);
    }
  g_application_send_notification (app, "stage-time-up", notification);
}

static void
announce_time_up (ReflectFacilitateView *self)
{
  if (g_settings_get_boolean (self->settings, "chime"))
    gtk_widget_error_bell (GTK_WIDGET (self));

  send_time_up_notification (self);

  if (g_settings_get_boolean (self->settings, "auto-advance") &&
      get_current (self) + 1 < reflect_stage_clock_get_n_stages (self->clock))
    {
      g_free (self->time_up_said);
      self->time_up_said = describe_time_up (self);
      move_to_stage (self, get_current (self) + 1);
      g_clear_pointer (&self->time_up_said, g_free);
    }
  else
    {
      g_autofree char *time_up = describe_time_up (self);

      reflect_announce (GTK_WIDGET (self), time_up);
    }
}

static gboolean
tick_cb (gpointer data)
{
  ReflectFacilitateView *self = data;

  self->tick_id = 0;
  refresh_time (self);
  return G_SOURCE_REMOVE;
}

/* One wake-up per displayed second, aligned to the moment the countdown
 * changes; nothing is counted, everything is read back from the clock. */
static void
schedule_tick (ReflectFacilitateView *self)
{
  gint64 us;

  g_clear_handle_id (&self->tick_id, g_source_remove);

  if (self->clock == NULL)
    return;

  us = reflect_stage_clock_get_us_to_next_second (self->clock);
  if (us < 0)
    return;

  /* Rounding up lands just after the boundary, never just before it. */
  self->tick_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint)((us + 999) / 1000),
                                      tick_cb, self, NULL);
  g_source_set_name_by_id (self->tick_id, "[reflect] facilitate tick");
}

static void
refresh_time (ReflectFacilitateView *self)
{
  gint64 remaining;
  guint current;
  gboolean running;
  gboolean finished;
  ReflectCountdownState state;
  g_autofree char *countdown = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *caption = NULL;

  if (self->clock == NULL)
    return;

  current = get_current (self);
  running = reflect_stage_clock_is_running (self->clock);
  finished = reflect_stage_clock_is_finished (self->clock);
  remaining = reflect_stage_clock_get_remaining_us (self->clock);
  state = reflect_schedule_countdown_state (remaining);
  countdown = reflect_schedule_format_countdown (remaining);
  planned = reflect_schedule_format_minutes (reflect_stage_clock_get_planned (self->clock,
                                                                               current));

  gtk_label_set_label (self->countdown_label, countdown);
  set_css_class (GTK_WIDGET (self->countdown_label), "reflect-caution",
                 state == REFLECT_COUNTDOWN_CAUTION);
  set_css_class (GTK_WIDGET (self->countdown_label), "warning",
                 state == REFLECT_COUNTDOWN_OVERRUN);
  set_css_class (GTK_WIDGET (self->countdown_label), "reflect-overrun",
                 state == REFLECT_COUNTDOWN_OVERRUN);
  set_css_class (GTK_WIDGET (self->countdown_label), "reflect-paused", !running);

  if (state == REFLECT_COUNTDOWN_OVERRUN)
    /* Translators: under the countdown once a stage overruns; %s is e.g. “5 min” */
    caption = g_strdup_printf (_("Over time · planned %s"), planned);
  else if (!reflect_stage_clock_has_started (self->clock))
    caption = g_strdup_printf (_("Not started · %s planned"), planned);
  else if (!running)
    caption = g_strdup_printf (_("Paused · %s planned"), planned);
  else
    caption = g_strdup_printf (_("Remaining of %s"), planned);
  gtk_label_set_label (self->countdown_caption, caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->countdown_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, caption,
                                  -1);

  gtk_button_set_label (self->toggle_button,
                        running ? _("Pause")
                        : reflect_stage_clock_get_elapsed_us (self->clock, current) > 0
                          ? _("Resume") : _("Start"));
  set_css_class (GTK_WIDGET (self->toggle_button), "suggested-action", !running);

  if (current < self->rows->len)
    refresh_row (self, current);
  refresh_session_bar (self);
  refresh_areas (self);
  refresh_presenter (self);

  if (running && !finished && state == REFLECT_COUNTDOWN_OVERRUN)
    {
      if (!self->time_up_done)
        {
          self->time_up_done = TRUE;
          announce_time_up (self);
        }
    }
  else if (state != REFLECT_COUNTDOWN_OVERRUN)
    {
      self->time_up_done = FALSE;
    }

  schedule_tick (self);
}

static gboolean
nudge_cb (gpointer data)
{
  ReflectFacilitateView *self = data;

  self->nudge_id = 0;
  gtk_revealer_set_reveal_child (self->nudge_revealer, TRUE);
  return G_SOURCE_REMOVE;
}

/* The reminder to start the clock is armed only while a stage sits
 * untouched: pausing on purpose is not forgetting. */
static void
update_nudge (ReflectFacilitateView *self)
{
  gboolean untouched;

  untouched = self->clock != NULL &&
              !reflect_stage_clock_is_running (self->clock) &&
              !reflect_stage_clock_is_finished (self->clock) &&
              reflect_stage_clock_get_elapsed_us (self->clock, get_current (self)) == 0;

  if (!untouched)
    {
      g_clear_handle_id (&self->nudge_id, g_source_remove);
      gtk_revealer_set_reveal_child (self->nudge_revealer, FALSE);
    }
  else if (self->nudge_id == 0 && !gtk_revealer_get_reveal_child (self->nudge_revealer))
    {
      self->nudge_id = g_timeout_add_seconds (NUDGE_SECONDS, nudge_cb, self);
      g_source_set_name_by_id (self->nudge_id, "[reflect] start-clock reminder");
    }
}

static void
update_actions (ReflectFacilitateView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have = self->clock != NULL;
  gboolean finished = have && reflect_stage_clock_is_finished (self->clock);
  gboolean open = have && !finished;
  guint current = have ? get_current (self) : 0;
  guint n = have ? reflect_stage_clock_get_n_stages (self->clock) : 0;

  gtk_widget_action_set_enabled (widget, "facilitate.toggle", open);
  gtk_widget_action_set_enabled (widget, "facilitate.next", open && current + 1 < n);
  gtk_widget_action_set_enabled (widget, "facilitate.previous", open && current > 0);
  gtk_widget_action_set_enabled (widget, "facilitate.add-minute", open);
  gtk_widget_action_set_enabled (widget, "facilitate.set-elapsed", open);
  gtk_widget_action_set_enabled (widget, "facilitate.end", open);
  gtk_widget_action_set_enabled (widget, "facilitate.undo-move", open && self->can_undo);
  gtk_widget_action_set_enabled (widget, "facilitate.next-round", finished);
  gtk_widget_action_set_enabled (widget, "facilitate.presenter", have);
  gtk_widget_set_sensitive (GTK_WIDGET (self->correct_button), open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->timeline), open);
}

static void
refresh_stage (ReflectFacilitateView *self)
{
  ReflectModel *model;
  ReflectModelStage *stage;
  guint current;
  guint n;
  g_autofree char *position = NULL;
  const char *summary;

  if (self->clock == NULL)
    return;

  model = get_model (self);
  current = get_current (self);
  n = reflect_model_get_n_stages (model);
  stage = reflect_model_get_stage (model, current);

  if (current != self->shown_stage)
    {
      self->shown_stage = current;
      /* Arriving in a stage that is already over its time (going back to
       * one) is not a new time-up. */
      self->time_up_done = reflect_stage_clock_get_remaining_us (self->clock) <= 0;
      gtk_popover_popdown (gtk_menu_button_get_popover (self->correct_button));
      announce_stage (self);
    }

  /* Translators: position in the session, e.g. “Stage 3 of 6” */
  position = g_strdup_printf (_("Stage %u of %u"), current + 1, n);
  gtk_label_set_label (self->position_label, position);
  gtk_label_set_label (self->title_label, reflect_model_stage_get_title (stage));
  gtk_label_set_label (self->prompt_label, reflect_model_stage_get_prompt (stage));
  summary = reflect_model_stage_get_summary_prompt (stage);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (self->summary_box, summary != NULL && *summary != '\0');
  refresh_roles (self);

  for (guint i = 0; i < self->rows->len; i++)
    refresh_row (self, i);

  if (reflect_run_get_round (self->run) > 1)
    {
      /* Translators: the round of a session run again after a break */
      g_autofree char *round = g_strdup_printf (_("Round %u"), reflect_run_get_round (self->run));
      gtk_label_set_label (self->round_label, round);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->round_label), reflect_run_get_round (self->run) > 1);

  if (reflect_stage_clock_is_finished (self->clock))
    {
      gint64 used = reflect_stage_clock_get_total_elapsed_us (self->clock) / G_USEC_PER_SEC;
      g_autofree char *used_text = reflect_format_duration (used);
      g_autofree char *budget_text = reflect_format_duration (get_budget_seconds (self));
      /* Translators: when a session has ended, e.g. “It took 36:10 against a plan of 35:00.” */
      g_autofree char *description = g_strdup_printf (_("It took %s against a plan of %s. "
                                                        "The time of every stage is kept."),
                                                      used_text, budget_text);

      adw_status_page_set_description (self->ended_page, description);
      gtk_stack_set_visible_child_name (self->card_stack, "ended");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->card_stack, "stage");
    }

  update_actions (self);
  update_nudge (self);
  refresh_time (self);
}

/* Signal callbacks */

static void
clock_changed_cb (ReflectFacilitateView *self,
                  ReflectStageClock     *clock)
{
  refresh_stage (self);
}

static void
store_changed_cb (ReflectFacilitateView *self,
                  gint64                 session_id,
                  ReflectStore          *store)
{
  if (self->run == NULL || self->clock == NULL)
    return;

  if (session_id == 0 || session_id == reflect_session_get_id (reflect_run_get_session (self->run)))
    refresh_roles (self);
}

static void
bind_clock (ReflectFacilitateView *self)
{
  ReflectStageClock *clock = self->run != NULL ? reflect_run_get_clock (self->run) : NULL;

  if (self->clock != NULL)
    g_clear_signal_handler (&self->clock_changed_id, self->clock);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->nudge_id, g_source_remove);
  g_set_object (&self->clock, clock);
  self->can_undo = FALSE;
  clear_move_toast (self);

  if (clock == NULL)
    {
      reflect_announce_withdraw (GTK_WIDGET (self));
      update_actions (self);
      return;
    }

  self->clock_changed_id = g_signal_connect_object (clock, "changed",
                                                    G_CALLBACK (clock_changed_cb), self,
                                                    G_CONNECT_SWAPPED);
  self->shown_stage = get_current (self);
  self->time_up_done = reflect_stage_clock_get_remaining_us (clock) <= 0;
  gtk_revealer_set_reveal_child (self->nudge_revealer, FALSE);

  build_areas (self);
  refresh_stage (self);
}

static void
run_clock_changed_cb (ReflectFacilitateView *self,
                      GParamSpec            *pspec,
                      ReflectRun            *run)
{
  bind_clock (self);
}

static void
timeline_row_activated_cb (ReflectFacilitateView *self,
                           GtkListBoxRow         *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && self->clock != NULL && !reflect_stage_clock_is_finished (self->clock))
    move_to_stage (self, (guint)index);
}

static void
correct_popover_show_cb (ReflectFacilitateView *self)
{
  gint64 elapsed;

  if (self->clock == NULL)
    return;

  elapsed = reflect_stage_clock_get_elapsed_us (self->clock, get_current (self)) / G_USEC_PER_SEC;
  gtk_spin_button_set_value (self->elapsed_minutes, (double)(elapsed / 60));
  gtk_spin_button_set_value (self->elapsed_seconds, (double)(elapsed % 60));
}

static void
presenter_destroyed_cb (ReflectFacilitateView *self)
{
  self->presenter = NULL;
}

static void
end_response_cb (ReflectFacilitateView *self,
                 const char            *response,
                 AdwMessageDialog      *dialog)
{
  if (g_strcmp0 (response, "end") != 0 || self->clock == NULL)
    return;

  clear_move_toast (self);
  self->can_undo = FALSE;
  reflect_stage_clock_finish (self->clock);
}

static void
shorten_response_cb (ReflectFacilitateView *self,
                     const char            *response,
                     AdwMessageDialog      *dialog)
{
  if (g_strcmp0 (response, "shorten") != 0 || self->clock == NULL)
    return;

  if (reflect_stage_clock_shorten_remaining (self->clock, get_budget_seconds (self)))
    toast (self, _("The remaining stages were shortened to end on time"));
  else
    toast (self, _("The remaining stages are already too short to make up the time"));
}

static AdwMessageDialog *
new_dialog (ReflectFacilitateView *self,
            const char            *heading,
            const char            *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                          : NULL,
                                                     heading, body));
}

/* Actions */

static gboolean
have_open_clock (ReflectFacilitateView *self)
{
  return self->clock != NULL && !reflect_stage_clock_is_finished (self->clock);
}

static void
toggle_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ReflectFacilitateView *self = REFLECT_FACILITATE_VIEW (widget);

  if (have_open_clock (self))
    {
      reflect_stage_clock_toggle (self->clock);
      if (reflect_stage_clock_is_running (self->clock))
        gtk_revealer_set_reveal_child (self->reminders_revealer, FALSE);
    }
}

/* Tab from the stage to the note pad passes every suggested question on
 * the way: one key takes a person taking notes straight there. */
static void
write_note_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ReflectFacilitateView *self = REFLECT_FACILITATE_VIEW (widget);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_grab_focus (self->note_pad);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ReflectFacilitateView *self = REFLECT_FACILITATE_VIEW (widget);

  if (have_open_clock (self) && get_current (self) + 1 < reflect_stage_clock_get_n_stages (self->clock))
    move_to_stage (self, get_current (self) + 1);
}

static void
previous_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ReflectFacilitateView *self = REFLECT_FACILITATE_VIEW (widget);

  if (have_open_clock (self) && get_current (self) > 0)
    move_to_stage (self, get_current (self) - 1);
}

static void
undo_move_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ReflectFacilitateView *self = REFLECT_FACILITATE_VIEW (widget);

  if (have_open_clock (self) && self->can_undo)
    move_to_stage (self, self->undo_stage);
}

static void
add_minute_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ReflectFacilitateView *self = REFLECT_FACILITATE_VIEW (widget);

  if (have_open_clock (self))
    reflect_stage_clock_extend (self->clock, 60);
}

static void
set_elapsed_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ReflectFacilitateView *self = REFLECT_FACILITATE_VIEW (widget);
  gint64 seconds;

  if (!have_open_clock (self))
    return;

  seconds = (gint64)gtk_spin_button_get_value_as_int (self->elapsed_minutes) * 60
            + gtk_spin_button_get_value_as_int (self->elapsed_seconds);
  reflect_stage_clock_set_elapsed (self->clock, seconds);
  gtk_popover_popdown (gtk_menu_button_get_popover (self->correct_button));
}

static void
end_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ReflectFacilitateView *self = REFLECT_FACILITATE_VIEW (widget);
  AdwMessageDialog *dialog;

  if (!have_open_clock (self))
    return;

  dialog = new_dialog (self, _("End the Session?"),
                       _("The time spent in each stage is kept as the record of this round. "
                         "The clock cannot be restarted afterwards, but a second round can "
                         "be started."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "end", _("_End Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "end", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (end_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
shorten_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ReflectFacilitateView *self = REFLECT_FACILITATE_VIEW (widget);
  g_autofree char *budget = NULL;
  g_autofree char *delta = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (!have_open_clock (self))
    return;

  budget = reflect_format_duration (get_budget_seconds (self));
  delta = reflect_schedule_describe_delta (reflect_stage_clock_get_schedule_delta_us (self->clock));
  /* Translators: %s are e.g. “3 min behind plan” and “35:00” */
  body = g_strdup_printf (_("The session is %s. The stages still to come will each be shortened "
                            "in proportion so the session ends within its %s. Every stage keeps "
                            "at least half a minute."),
                          delta, budget);
  dialog = new_dialog (self, _("Shorten the Remaining Stages?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "shorten", _("_Shorten"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "shorten", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "shorten");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (shorten_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
next_round_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ReflectFacilitateView *self = REFLECT_FACILITATE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->run == NULL)
    return;

  if (!reflect_run_start_next_round (self->run, &error))
    {
      /* Translators: %s is the reason */
      message = g_strdup_printf (_("Could not start a new round: %s"), error->message);
      toast (self, message);
      return;
    }

  /* Translators: %u is the new round's number */
  message = g_strdup_printf (_("Round %u started: reassign roles in People if needed"),
                             reflect_run_get_round (self->run));
  toast (self, message);
}

static void add_managed_shortcut (GtkShortcutController *controller,
                                  guint                  key,
                                  GdkModifierType        modifiers,
                                  GtkShortcutFunc        func,
                                  const char            *action_name);

#define PRESENTER_VIEW_KEY "reflect-facilitate-view"

static gboolean
presenter_key_cb (GtkWidget *presenter,
                  GVariant  *args,
                  gpointer   user_data)
{
  GtkWidget *view = g_object_get_data (G_OBJECT (presenter), PRESENTER_VIEW_KEY);

  return view != NULL && gtk_widget_activate_action (view, user_data, NULL);
}

/* The presenter window takes the focus when it opens, and a facilitator
 * may click it on the projector's screen: the keys that run the session
 * work there too.  Captured, so that its focused full-screen button does
 * not take Space for itself. */
static void
add_presenter_shortcuts (ReflectFacilitateView *self)
{
  static const struct
  {
    guint            key;
    GdkModifierType  modifiers;
    const char      *action;
  } keys[] = {
    { GDK_KEY_space, 0, "facilitate.toggle" },
    { GDK_KEY_KP_Space, 0, "facilitate.toggle" },
    { GDK_KEY_Right, GDK_CONTROL_MASK, "facilitate.next" },
    { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "facilitate.next" },
    { GDK_KEY_Left, GDK_CONTROL_MASK, "facilitate.previous" },
    { GDK_KEY_Page_Up, GDK_CONTROL_MASK, "facilitate.previous" },
    { GDK_KEY_plus, GDK_CONTROL_MASK, "facilitate.add-minute" },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "facilitate.add-minute" },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "facilitate.add-minute" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    add_managed_shortcut (GTK_SHORTCUT_CONTROLLER (controller), keys[i].key, keys[i].modifiers,
                          presenter_key_cb, keys[i].action);
  /* Not a reference: the view destroys its presenter window before it
   * goes. */
  g_object_set_data (G_OBJECT (self->presenter), PRESENTER_VIEW_KEY, self);
  gtk_widget_add_controller (GTK_WIDGET (self->presenter), controller);
}

static void
presenter_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ReflectFacilitateView *self = REFLECT_FACILITATE_VIEW (widget);
  GtkRoot *root;

  if (self->run == NULL)
    return;

  if (self->presenter == NULL)
    {
      root = gtk_widget_get_root (widget);
      self->presenter = GTK_WINDOW (reflect_presenter_window_new ());
      if (GTK_IS_WINDOW (root) && gtk_window_get_application (GTK_WINDOW (root)) != NULL)
        gtk_window_set_application (self->presenter,
                                    gtk_window_get_application (GTK_WINDOW (root)));
      g_signal_connect_object (self->presenter, "destroy",
                               G_CALLBACK (presenter_destroyed_cb), self, G_CONNECT_SWAPPED);
      reflect_presenter_window_set_run (REFLECT_PRESENTER_WINDOW (self->presenter), self->run);
      add_presenter_shortcuts (self);
    }

  gtk_window_present (self->presenter);
}

static void
dismiss_reminders_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ReflectFacilitateView *self = REFLECT_FACILITATE_VIEW (widget);

  gtk_revealer_set_reveal_child (self->reminders_revealer, FALSE);
}

/* Space belongs to whatever text field has the focus (the note pad sits
 * beside this view), and to the clock everywhere else; Ctrl+arrows move a
 * word in text (Ctrl+Page Up and Down move the stage there), and are the
 * stage's elsewhere, taken before GtkWindow moves the focus with them (it
 * did, from the view switcher). */
static gboolean
unless_typing_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return FALSE;

  return gtk_widget_activate_action (widget, user_data, NULL);
}

/* The same keys when the focus is outside the view (on the view switcher,
 * say), as long as the view is on screen. */
static gboolean
managed_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  return gtk_widget_activate_action (widget, user_data, NULL);
}

static void
add_managed_shortcut (GtkShortcutController *controller,
                      guint                  key,
                      GdkModifierType        modifiers,
                      GtkShortcutFunc        func,
                      const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                                                          gtk_callback_action_new (func,
                                                                                   (gpointer)action_name,
                                                                                   NULL)));
}

static void
setup_shortcuts (ReflectFacilitateView *self)
{
  GtkEventController *capture = gtk_shortcut_controller_new ();

  /* Captured, so a focused button does not take Space for itself: after a
   * click on Next, Space must still pause the clock, not press Next again. */
  gtk_event_controller_set_propagation_phase (capture, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (capture), GTK_SHORTCUT_SCOPE_MANAGED);
  add_managed_shortcut (GTK_SHORTCUT_CONTROLLER (capture), GDK_KEY_space, 0, unless_typing_cb,
                        "facilitate.toggle");
  add_managed_shortcut (GTK_SHORTCUT_CONTROLLER (capture), GDK_KEY_KP_Space, 0, unless_typing_cb,
                        "facilitate.toggle");
  /* In the note pad Ctrl+arrows move by a word, so a person taking notes
   * moves on with Ctrl+Page Down, as GNOME apps move to the next page or
   * tab while text has the focus; captured, before the text view takes
   * the key for itself. */
  add_managed_shortcut (GTK_SHORTCUT_CONTROLLER (capture), GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                        managed_shortcut_cb, "facilitate.next");
  add_managed_shortcut (GTK_SHORTCUT_CONTROLLER (capture), GDK_KEY_KP_Page_Down, GDK_CONTROL_MASK,
                        managed_shortcut_cb, "facilitate.next");
  add_managed_shortcut (GTK_SHORTCUT_CONTROLLER (capture), GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                        managed_shortcut_cb, "facilitate.previous");
  add_managed_shortcut (GTK_SHORTCUT_CONTROLLER (capture), GDK_KEY_KP_Page_Up, GDK_CONTROL_MASK,
                        managed_shortcut_cb, "facilitate.previous");
  add_managed_shortcut (GTK_SHORTCUT_CONTROLLER (capture), GDK_KEY_Right, GDK_CONTROL_MASK,
                        unless_typing_cb, "facilitate.next");
  add_managed_shortcut (GTK_SHORTCUT_CONTROLLER (capture), GDK_KEY_Left, GDK_CONTROL_MASK,
                        unless_typing_cb, "facilitate.previous");
  gtk_widget_add_controller (GTK_WIDGET (self), capture);

  reflect_view_add_shortcut (GTK_WIDGET (self), GDK_KEY_plus, GDK_CONTROL_MASK,
                             "facilitate.add-minute", NULL);
  reflect_view_add_shortcut (GTK_WIDGET (self), GDK_KEY_equal, GDK_CONTROL_MASK,
                             "facilitate.add-minute", NULL);
  reflect_view_add_shortcut (GTK_WIDGET (self), GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                             "facilitate.add-minute", NULL);
  reflect_view_add_shortcut (GTK_WIDGET (self), GDK_KEY_F5, 0, "facilitate.presenter", NULL);
  reflect_view_add_shortcut (GTK_WIDGET (self), GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                             "facilitate.write-note", NULL);
}

/* Overrides */

static void
reflect_facilitate_view_dispose (GObject *object)
{
  ReflectFacilitateView *self = (ReflectFacilitateView *)object;

  reflect_facilitate_view_set_run (self, NULL);
  if (self->presenter != NULL)
    gtk_window_destroy (self->presenter);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->area_bars, g_ptr_array_unref);
  g_clear_pointer (&self->area_values, g_ptr_array_unref);
  g_clear_pointer (&self->time_up_said, g_free);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (reflect_facilitate_view_parent_class)->dispose (object);
}

/* Focusing the view is to run the session: the clock's Start and Pause,
 * or first, while they show, the reminders' Dismiss (at the top, in the
 * order they are read, and not scrolling the reminders away to a Start
 * below them). */
static gboolean
reflect_facilitate_view_grab_focus (GtkWidget *widget)
{
  ReflectFacilitateView *self = REFLECT_FACILITATE_VIEW (widget);

  if (gtk_revealer_get_reveal_child (self->reminders_revealer) &&
      gtk_widget_grab_focus (self->dismiss_button))
    return TRUE;
  if (gtk_widget_grab_focus (GTK_WIDGET (self->toggle_button)))
    return TRUE;
  return gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
reflect_facilitate_view_class_init (ReflectFacilitateViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_facilitate_view_dispose;
  widget_class->grab_focus = reflect_facilitate_view_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-facilitate-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, round_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, session_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, session_progress);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, schedule_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, shorten_button);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, flap);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, timeline);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, areas_box);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, areas_grid);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, reminders_revealer);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, reminders_heading);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, reminders_list);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, nudge_revealer);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, card_stack);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, position_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, title_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, countdown_caption);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, toggle_button);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, correct_button);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, elapsed_minutes);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, elapsed_seconds);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, speaks_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, listens_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, who_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, unassigned_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, summary_box);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, ended_page);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, suggestions_slot);
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, note_pad_slot);
  gtk_widget_class_bind_template_callback (widget_class, timeline_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, correct_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "facilitate.toggle", NULL, toggle_activated);
  gtk_widget_class_install_action (widget_class, "facilitate.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "facilitate.write-note", NULL,
                                   write_note_activated);
  gtk_widget_class_install_action (widget_class, "facilitate.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "facilitate.undo-move", NULL,
                                   undo_move_activated);
  gtk_widget_class_install_action (widget_class, "facilitate.add-minute", NULL,
                                   add_minute_activated);
  gtk_widget_class_install_action (widget_class, "facilitate.set-elapsed", NULL,
                                   set_elapsed_activated);
  gtk_widget_class_install_action (widget_class, "facilitate.shorten", NULL, shorten_activated);
  gtk_widget_class_install_action (widget_class, "facilitate.end", NULL, end_activated);
  gtk_widget_class_install_action (widget_class, "facilitate.next-round", NULL,
                                   next_round_activated);
  gtk_widget_class_install_action (widget_class, "facilitate.presenter", NULL,
                                   presenter_activated);
  gtk_widget_class_install_action (widget_class, "facilitate.dismiss-reminders", NULL,
                                   dismiss_reminders_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK,
                                       "facilitate.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK,
                                       "facilitate.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "facilitate.add-minute", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "facilitate.add-minute", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "facilitate.add-minute", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0,
                                       "facilitate.presenter", NULL);
}

static void
reflect_facilitate_view_init (ReflectFacilitateView *self)
{
  GApplication *app = g_application_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  reflect_hide_button_icons (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->area_bars = g_ptr_array_new ();
  self->area_values = g_ptr_array_new ();

  if (REFLECT_IS_APPLICATION (app) && reflect_application_get_settings (REFLECT_APPLICATION (app)))
    self->settings = g_object_ref (reflect_application_get_settings (REFLECT_APPLICATION (app)));
  else
    self->settings = g_settings_new (APP_ID);

  self->suggestions = reflect_suggested_questions_new ();
  gtk_box_append (self->suggestions_slot, self->suggestions);

  /* The note pad sits in the pane that folds away on narrow windows. */
  self->note_pad = reflect_note_pad_new ();
  gtk_widget_set_vexpand (self->note_pad, TRUE);
  gtk_box_append (self->note_pad_slot, self->note_pad);

  setup_shortcuts (self);
  update_actions (self);
}

/* Public API */

/**
 * reflect_facilitate_view_set_run:
 * @run: (nullable): the session being run, or %NULL when it is closed
 */
void
reflect_facilitate_view_set_run (ReflectFacilitateView *self,
                                 ReflectRun            *run)
{
  g_return_if_fail (REFLECT_IS_FACILITATE_VIEW (self));

  if (self->run == run)
    return;

  if (self->run != NULL)
    {
      g_clear_signal_handler (&self->run_clock_id, self->run);
      g_clear_signal_handler (&self->store_changed_id, reflect_run_get_store (self->run));
    }
  if (self->presenter != NULL)
    gtk_window_destroy (self->presenter);

  g_set_object (&self->run, run);
  reflect_note_pad_set_run (REFLECT_NOTE_PAD (self->note_pad), run);
  reflect_suggested_questions_set_run (REFLECT_SUGGESTED_QUESTIONS (self->suggestions), run);

  if (run != NULL)
    {
      ReflectModel *model = get_model (self);
      g_autofree char *heading = NULL;

      self->run_clock_id = g_signal_connect_object (run, "notify::clock",
                                                    G_CALLBACK (run_clock_changed_cb), self,
                                                    G_CONNECT_SWAPPED);
      self->store_changed_id = g_signal_connect_object (reflect_run_get_store (run), "changed",
                                                        G_CALLBACK (store_changed_cb), self,
                                                        G_CONNECT_SWAPPED);
      build_timeline (self);
      build_reminders (self);
      /* Translators: heading of the reminders card; %s is the model, e.g. “Space to Think” */
      heading = g_strdup_printf (_("Before You Begin: %s"), reflect_model_get_title (model));
      gtk_label_set_label (self->reminders_heading, heading);
    }

  bind_clock (self);

  /* The reminders open a session once; after that they are a click away. */
  gtk_revealer_set_reveal_child (self->reminders_revealer,
                                 self->clock != NULL && !reflect_stage_clock_has_started (self->clock));
}

/**
 * reflect_facilitate_view_get_presenter:
 *
 * Returns: (transfer none) (nullable): the presenter window, if open
 */
GtkWindow *
reflect_facilitate_view_get_presenter (ReflectFacilitateView *self)
{
  g_return_val_if_fail (REFLECT_IS_FACILITATE_VIEW (self), NULL);
  return self->presenter;
}
