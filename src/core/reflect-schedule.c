/* reflect-schedule.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-schedule"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-model.h"
#include "reflect-schedule.h"
#include "reflect-stage-clock.h"
#include "reflect-utils.h"

/* What the Facilitate view and the presenter window say about time, kept
 * here so both say the same and a test can check it without a display. */

#define CAUTION_US (G_GINT64_CONSTANT (60) * G_USEC_PER_SEC)

/**
 * reflect_schedule_format_countdown:
 * @remaining_us: what reflect_stage_clock_get_remaining_us() returned
 *
 * Rounds the way the clock's wake-ups are aligned: a 5 minute stage reads
 * 5:00 for its whole first second, and once the plan is used up the
 * overrun counts up from +0:00.
 *
 * Returns: (transfer full): "4:59", or "+0:05" for an overrun
 */
char *
reflect_schedule_format_countdown (gint64 remaining_us)
{
  g_autofree char *text = NULL;

  if (remaining_us > 0)
    return reflect_format_duration ((remaining_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  text = reflect_format_duration (-remaining_us / G_USEC_PER_SEC);
  return g_strconcat ("+", text, NULL);
}

ReflectCountdownState
reflect_schedule_countdown_state (gint64 remaining_us)
{
  if (remaining_us <= 0)
    return REFLECT_COUNTDOWN_OVERRUN;
  if (remaining_us <= CAUTION_US)
    return REFLECT_COUNTDOWN_CAUTION;
  return REFLECT_COUNTDOWN_NORMAL;
}

/**
 * reflect_schedule_is_behind:
 * @delta_us: what reflect_stage_clock_get_schedule_delta_us() returned
 *
 * A session less than a minute late is on plan: nobody shortens the rest
 * of a session over a few seconds.
 */
gboolean
reflect_schedule_is_behind (gint64 delta_us)
{
  return delta_us >= CAUTION_US;
}

/**
 * reflect_schedule_describe_delta:
 * @delta_us: what reflect_stage_clock_get_schedule_delta_us() returned
 *
 * Returns: (transfer full): "On plan", "3 min behind plan" or
 *   "2 min ahead of plan", in whole minutes
 */
char *
reflect_schedule_describe_delta (gint64 delta_us)
{
  gint64 minutes = ABS (delta_us) / CAUTION_US;

  if (minutes == 0)
    return g_strdup (_("On plan"));

  if (delta_us > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min behind plan",
                                         "%d min behind plan", (gulong)minutes),
                            (int)MIN (minutes, G_MAXINT));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min ahead of plan",
                                       "%d min ahead of plan", (gulong)minutes),
                          (int)MIN (minutes, G_MAXINT));
}

/**
 * reflect_schedule_format_minutes:
 * @seconds: a planned length
 *
 * Returns: (transfer full): "5 min", or "5:30" when it is not whole minutes
 *   (after +1 min or a shortening it seldom is)
 */
char *
reflect_schedule_format_minutes (gint64 seconds)
{
  if (seconds % 60 != 0)
    return reflect_format_duration (seconds);

  return g_strdup_printf (_("%d min"), (int)MIN (seconds / 60, G_MAXINT));
}

/**
 * reflect_schedule_describe_stage:
 * @position: the stage's place in the session, from 1
 * @n_stages: how many stages the session has
 * @title: the stage's title, as the model gives it
 * @remaining_us: what reflect_stage_clock_get_remaining_us() returned
 *
 * What a screen reader says when the session arrives in a stage.  The time
 * left is rounded down to whole minutes, like the countdown's minutes: a
 * facilitator told "4 minutes" at 4:57 never plans on time that is not
 * there.
 *
 * Returns: (transfer full): "Stage 2 of 6, Checking of facts: 3 minutes left"
 */
char *
reflect_schedule_describe_stage (guint       position,
                                 guint       n_stages,
                                 const char *title,
                                 gint64      remaining_us)
{
  gint64 seconds = (remaining_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  g_autofree char *left = NULL;

  g_return_val_if_fail (title != NULL, NULL);

  if (remaining_us <= 0)
    /* Translators: the time left in a stage whose planned time is used up */
    left = g_strdup (_("over time"));
  else if (seconds < 60)
    left = g_strdup (_("less than a minute left"));
  else
    left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute left", "%d minutes left",
                                         (gulong)(seconds / 60)),
                            (int)MIN (seconds / 60, G_MAXINT));

  /* Translators: said by a screen reader on arriving in a stage, e.g.
   * “Stage 2 of 6, Checking of facts: 3 minutes left”; the first %s is the
   * stage's title, the second the time left in it */
  return g_strdup_printf (_("Stage %u of %u, %s: %s"), position, n_stages, title, left);
}

static void
clear_area_time (gpointer data)
{
  ReflectAreaTime *time = data;

  g_free (time->area);
}

/**
 * reflect_schedule_area_times:
 *
 * Sums, for each area of @model in the order the areas first appear, the
 * whole seconds spent and planned in its stages, so the balance of
 * attention across areas can be shown.  Stages without an area count for
 * none.
 *
 * Returns: (transfer full) (element-type ReflectAreaTime): the areas;
 *   empty when the model has none
 */
GArray *
reflect_schedule_area_times (ReflectModel      *model,
                             ReflectStageClock *clock)
{
  GArray *times = g_array_new (FALSE, TRUE, sizeof (ReflectAreaTime));
  guint n;

  g_array_set_clear_func (times, clear_area_time);

  n = MIN (reflect_model_get_n_stages (model), reflect_stage_clock_get_n_stages (clock));
  for (guint i = 0; i < n; i++)
    {
      const char *area = reflect_model_stage_get_area (reflect_model_get_stage (model, i));
      ReflectAreaTime *time = NULL;

      if (reflect_string_is_blank (area))
        continue;

      for (guint j = 0; j < times->len && time == NULL; j++)
        if (g_strcmp0 (g_array_index (times, ReflectAreaTime, j).area, area) == 0)
          time = &g_array_index (times, ReflectAreaTime, j);

      if (time == NULL)
        {
          ReflectAreaTime added = { g_strdup (area), 0, 0 };

          g_array_append_val (times, added);
          time = &g_array_index (times, ReflectAreaTime, times->len - 1);
        }

      time->elapsed_s += reflect_stage_clock_get_elapsed_us (clock, i) / G_USEC_PER_SEC;
      time->planned_s += reflect_stage_clock_get_planned (clock, i);
    }

  return times;
}

/**
 * reflect_schedule_area_title:
 * @area: an area key from a model ("quality")
 *
 * Returns: (transfer full): the key as a heading ("Quality")
 */
char *
reflect_schedule_area_title (const char *area)
{
  g_autofree char *spaced = NULL;
  gunichar first;

  g_return_val_if_fail (area != NULL, NULL);

  if (*area == '\0')
    return g_strdup ("");

  spaced = g_strdelimit (g_strdup (area), "-_", ' ');
  first = g_unichar_totitle (g_utf8_get_char (spaced));
  {
    char buf[8] = { 0 };

    g_unichar_to_utf8 (first, buf);
    return g_strconcat (buf, g_utf8_next_char (spaced), NULL);
  }
}
