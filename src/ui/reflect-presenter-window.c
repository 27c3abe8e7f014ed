/* reflect-presenter-window.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-presenter-window"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-a11y.h"
#include "reflect-application.h"
#include "reflect-presenter-window.h"
#include "reflect-schedule.h"

/* What the room sees on a projector or second screen.  It shows only the
 * stage, the countdown, the roles that speak and listen (by title, never
 * by name) and the question in the air: nothing that identifies anyone. */
struct _ReflectPresenterWindow
{
  AdwWindow          parent_instance;

  GtkWidget         *header_bar;
  GtkLabel          *position_label;
  GtkLabel          *title_label;
  GtkLabel          *countdown_label;
  GtkLabel          *speaks_label;
  GtkLabel          *listens_label;
  GtkLabel          *question_label;

  ReflectRun        *run;
  ReflectStageClock *clock;
  GSettings         *settings;
  gulong             clock_changed_id;
};

G_DEFINE_FINAL_TYPE (ReflectPresenterWindow, reflect_presenter_window, ADW_TYPE_WINDOW)

static void
scale_label (GtkLabel   *label,
             double      factor,
             gboolean    tabular)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (factor));
  if (tabular)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  gtk_label_set_attributes (label, attrs);
}

static void
apply_text_scale (ReflectPresenterWindow *self)
{
  double scale = g_settings_get_double (self->settings, "presenter-text-scale");

  scale_label (self->position_label, scale, TRUE);
  scale_label (self->title_label, scale * 2.0, FALSE);
  scale_label (self->countdown_label, scale * 6.0, TRUE);
  scale_label (self->speaks_label, scale * 1.3, FALSE);
  scale_label (self->listens_label, scale * 1.3, FALSE);
  scale_label (self->question_label, scale * 1.6, FALSE);
}

static char *
role_titles (ReflectModel       *model,
             const char * const *roles)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) titles = NULL;

  for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
    {
      const char *title = reflect_model_get_role_title (model, roles[i]);

      g_strv_builder_add (builder, title != NULL ? title : roles[i]);
    }
  titles = g_strv_builder_end (builder);

  return g_strjoinv (_(", "), titles);
}

static void
refresh_stage_text (ReflectPresenterWindow *self)
{
  ReflectModel *model = reflect_run_get_model (self->run);
  guint current = reflect_stage_clock_get_current_stage (self->clock);
  ReflectModelStage *stage = reflect_model_get_stage (model, current);
  g_autofree char *position = NULL;
  g_autofree char *speak = role_titles (model, reflect_model_stage_get_speakers (stage));
  g_autofree char *listen = role_titles (model, reflect_model_stage_get_listeners (stage));
  g_autofree char *speaks_text = NULL;
  g_autofree char *listens_text = NULL;

  position = g_strdup_printf (_("Stage %u of %u"), current + 1,
                              reflect_model_get_n_stages (model));
  gtk_label_set_label (self->position_label, position);
  gtk_label_set_label (self->title_label, reflect_model_stage_get_title (stage));

  speaks_text = g_strdup_printf (_("Speaks: %s"), *speak ? speak : _("everyone"));
  if (*listen != '\0')
    listens_text = g_strdup_printf (_("Listens: %s"), listen);
  gtk_label_set_label (self->speaks_label, speaks_text);
  gtk_label_set_label (self->listens_label, listens_text);
  gtk_widget_set_visible (GTK_WIDGET (self->listens_label), listens_text != NULL);
}

static void
refresh_question (ReflectPresenterWindow *self)
{
  const char *question = self->run != NULL ? reflect_run_get_current_question (self->run) : NULL;

  gtk_label_set_label (self->question_label, question);
  gtk_widget_set_visible (GTK_WIDGET (self->question_label), question != NULL && *question);
}

static void
clock_changed_cb (ReflectPresenterWindow *self)
{
  reflect_presenter_window_refresh (self);
}

static void
bind_clock (ReflectPresenterWindow *self)
{
  ReflectStageClock *clock = self->run != NULL ? reflect_run_get_clock (self->run) : NULL;

  if (self->clock != NULL)
    g_clear_signal_handler (&self->clock_changed_id, self->clock);
  g_set_object (&self->clock, clock);
  if (self->clock != NULL)
    self->clock_changed_id = g_signal_connect_object (self->clock, "changed",
                                                      G_CALLBACK (clock_changed_cb), self,
                                                      G_CONNECT_SWAPPED);
  reflect_presenter_window_refresh (self);
}

static void
fullscreened_cb (ReflectPresenterWindow *self)
{
  gtk_widget_set_visible (self->header_bar, !gtk_window_is_fullscreen (GTK_WINDOW (self)));
}

static void
toggle_fullscreen_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

static void
leave_fullscreen_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  gtk_window_unfullscreen (GTK_WINDOW (widget));
}

static void
reflect_presenter_window_dispose (GObject *object)
{
  ReflectPresenterWindow *self = (ReflectPresenterWindow *)object;

  reflect_presenter_window_set_run (self, NULL);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (reflect_presenter_window_parent_class)->dispose (object);
}

static void
reflect_presenter_window_class_init (ReflectPresenterWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_presenter_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-presenter-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectPresenterWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ReflectPresenterWindow, position_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectPresenterWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectPresenterWindow, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectPresenterWindow, speaks_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectPresenterWindow, listens_label);
  gtk_widget_class_bind_template_child (widget_class, ReflectPresenterWindow, question_label);

  gtk_widget_class_install_action (widget_class, "presenter.toggle-fullscreen", NULL,
                                   toggle_fullscreen_activated);
  gtk_widget_class_install_action (widget_class, "presenter.leave-fullscreen", NULL,
                                   leave_fullscreen_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0,
                                       "presenter.toggle-fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "presenter.leave-fullscreen", NULL);
}

static void
reflect_presenter_window_init (ReflectPresenterWindow *self)
{
  GApplication *app = g_application_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  reflect_hide_button_icons (GTK_WIDGET (self));

  if (REFLECT_IS_APPLICATION (app) && reflect_application_get_settings (REFLECT_APPLICATION (app)))
    self->settings = g_object_ref (reflect_application_get_settings (REFLECT_APPLICATION (app)));
  else
    self->settings = g_settings_new (APP_ID);

  g_signal_connect_object (self->settings, "changed::presenter-text-scale",
                           G_CALLBACK (apply_text_scale), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (fullscreened_cb), NULL);
  apply_text_scale (self);
}

ReflectPresenterWindow *
reflect_presenter_window_new (void)
{
  return g_object_new (REFLECT_TYPE_PRESENTER_WINDOW, NULL);
}

/**
 * reflect_presenter_window_set_run:
 * @run: (nullable): the session to show
 */
void
reflect_presenter_window_set_run (ReflectPresenterWindow *self,
                                  ReflectRun             *run)
{
  g_return_if_fail (REFLECT_IS_PRESENTER_WINDOW (self));

  if (self->run == run)
    return;

  if (self->run != NULL)
    g_signal_handlers_disconnect_by_data (self->run, self);
  g_set_object (&self->run, run);

  if (run != NULL)
    {
      g_signal_connect_object (run, "notify::current-question",
                               G_CALLBACK (refresh_question), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (run, "notify::clock",
                               G_CALLBACK (bind_clock), self, G_CONNECT_SWAPPED);
    }

  bind_clock (self);
  refresh_question (self);
}

/**
 * reflect_presenter_window_refresh:
 *
 * Reads the clock again.  The Facilitate view calls this on each of its
 * ticks, so the two screens change in the same instant and the app wakes
 * once a second, not twice.
 */
void
reflect_presenter_window_refresh (ReflectPresenterWindow *self)
{
  gint64 remaining;
  g_autofree char *countdown = NULL;
  ReflectCountdownState state;

  g_return_if_fail (REFLECT_IS_PRESENTER_WINDOW (self));

  if (self->clock == NULL)
    return;

  remaining = reflect_stage_clock_get_remaining_us (self->clock);
  countdown = reflect_schedule_format_countdown (remaining);
  state = reflect_schedule_countdown_state (remaining);
  gtk_label_set_label (self->countdown_label, countdown);
  if (state == REFLECT_COUNTDOWN_CAUTION)
    gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "reflect-caution");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_label), "reflect-caution");
  if (state == REFLECT_COUNTDOWN_OVERRUN)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->countdown_label), "reflect-overrun");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_label), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->countdown_label), "reflect-overrun");
    }

  refresh_stage_text (self);
}
