/* test-stage-clock.c
 *
 * Copyright 2026 The Reflect authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <gio/gio.h>

#include "reflect-stage-clock.h"

#define SEC G_GINT64_CONSTANT (1000000)

/* 2026-01-01T00:00:00Z, so timestamps look like real ones. */
#define T0 (G_GINT64_CONSTANT (1767225600) * SEC)

/* The Space to Think session: 5 + 3 + 10 + 2 + 10 + 5 = 35 minutes. */
static const gint64 space_to_think[] = { 300, 180, 600, 120, 600, 300 };
#define N_SPACE_TO_THINK G_N_ELEMENTS (space_to_think)

typedef struct
{
  gint64 now;
} FakeTime;

static gint64
fake_time_now (gpointer user_data)
{
  FakeTime *fake = user_data;

  return fake->now;
}

static ReflectStageClock *
new_clock (FakeTime     *fake,
           const gint64 *planned,
           guint         n_stages)
{
  ReflectStageClock *clock = reflect_stage_clock_new (planned, n_stages);

  reflect_stage_clock_set_time_func (clock, fake_time_now, fake, NULL);

  return clock;
}

static void
count_notify_cb (GObject    *object G_GNUC_UNUSED,
                 GParamSpec *pspec G_GNUC_UNUSED,
                 guint      *count)
{
  (*count)++;
}

static void
count_changed_cb (ReflectStageClock *clock G_GNUC_UNUSED,
                  guint             *count)
{
  (*count)++;
}

/* What the whole session will take if the rest goes to plan. */
static gint64
projected_total_us (ReflectStageClock *clock)
{
  guint current = reflect_stage_clock_get_current_stage (clock);
  gint64 total = 0;

  for (guint i = 0; i < reflect_stage_clock_get_n_stages (clock); i++)
    {
      gint64 elapsed = reflect_stage_clock_get_elapsed_us (clock, i);

      if (i < current)
        total += elapsed;
      else
        total += MAX (elapsed, reflect_stage_clock_get_planned (clock, i) * SEC);
    }

  return total;
}

static void
test_initial_state (void)
{
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, space_to_think, N_SPACE_TO_THINK);
  gboolean running, finished;
  guint current;

  for (guint round = 0; round < 2; round++)
    {
      g_assert_cmpuint (reflect_stage_clock_get_n_stages (clock), ==, 6);
      g_assert_cmpuint (reflect_stage_clock_get_current_stage (clock), ==, 0);
      g_assert_false (reflect_stage_clock_is_running (clock));
      g_assert_false (reflect_stage_clock_is_finished (clock));
      g_assert_false (reflect_stage_clock_has_started (clock));

      for (guint i = 0; i < N_SPACE_TO_THINK; i++)
        {
          g_assert_cmpint (reflect_stage_clock_get_planned (clock, i), ==, space_to_think[i]);
          g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, i), ==, 0);
        }

      g_assert_cmpint (reflect_stage_clock_get_remaining_us (clock), ==, 300 * SEC);
      g_assert_cmpint (reflect_stage_clock_get_overrun_us (clock), ==, 0);
      g_assert_cmpint (reflect_stage_clock_get_total_planned (clock), ==, 35 * 60);
      g_assert_cmpint (reflect_stage_clock_get_total_elapsed_us (clock), ==, 0);
      g_assert_cmpint (reflect_stage_clock_get_schedule_delta_us (clock), ==, 0);
      g_assert_cmpint (reflect_stage_clock_get_us_to_next_second (clock), ==, -1);

      /* A clock nobody started ignores the passing of time. */
      fake.now += 3600 * SEC;
    }

  g_object_get (clock, "current-stage", &current, "running", &running, "finished", &finished, NULL);
  g_assert_cmpuint (current, ==, 0);
  g_assert_false (running);
  g_assert_false (finished);
}

static void
test_start_pause_resume (void)
{
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, space_to_think, N_SPACE_TO_THINK);

  reflect_stage_clock_start (clock);
  g_assert_true (reflect_stage_clock_is_running (clock));
  g_assert_true (reflect_stage_clock_has_started (clock));

  fake.now += 10 * SEC + 500000;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 10500000);
  g_assert_cmpint (reflect_stage_clock_get_remaining_us (clock), ==, 289500000);

  reflect_stage_clock_pause (clock);
  g_assert_false (reflect_stage_clock_is_running (clock));
  g_assert_true (reflect_stage_clock_has_started (clock));

  fake.now += 60 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 10500000);

  reflect_stage_clock_start (clock);
  fake.now += 2 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 12500000);

  /* Starting a running clock must not restart its running part. */
  fake.now += 1 * SEC;
  reflect_stage_clock_start (clock);
  fake.now += 1 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 14500000);

  reflect_stage_clock_toggle (clock);
  g_assert_false (reflect_stage_clock_is_running (clock));
  fake.now += 30 * SEC;
  reflect_stage_clock_toggle (clock);
  g_assert_true (reflect_stage_clock_is_running (clock));
  fake.now += 250000;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 14750000);
  g_assert_cmpint (reflect_stage_clock_get_total_elapsed_us (clock), ==, 14750000);
}

static void
test_extend (void)
{
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, space_to_think, N_SPACE_TO_THINK);

  reflect_stage_clock_start (clock);
  fake.now += 100 * SEC;

  reflect_stage_clock_extend (clock, 60);
  g_assert_cmpint (reflect_stage_clock_get_planned (clock, 0), ==, 360);
  g_assert_cmpint (reflect_stage_clock_get_remaining_us (clock), ==, 260 * SEC);
  g_assert_cmpint (reflect_stage_clock_get_total_planned (clock), ==, 2160);

  /* Only the current stage changes. */
  for (guint i = 1; i < N_SPACE_TO_THINK; i++)
    g_assert_cmpint (reflect_stage_clock_get_planned (clock, i), ==, space_to_think[i]);

  reflect_stage_clock_extend (clock, -60);
  g_assert_cmpint (reflect_stage_clock_get_planned (clock, 0), ==, 300);

  /* A stage can be cut to its end but its plan never goes below 1 s. */
  reflect_stage_clock_extend (clock, -1000);
  g_assert_cmpint (reflect_stage_clock_get_planned (clock, 0), ==, 1);
  g_assert_cmpint (reflect_stage_clock_get_remaining_us (clock), ==, -99 * SEC);
  reflect_stage_clock_extend (clock, -5);
  g_assert_cmpint (reflect_stage_clock_get_planned (clock, 0), ==, 1);

  /* Extremes neither overflow nor escape the range a restore accepts. */
  reflect_stage_clock_extend (clock, G_MAXINT64);
  g_assert_cmpint (reflect_stage_clock_get_planned (clock, 0), ==, 86400);
  reflect_stage_clock_extend (clock, G_MININT64);
  g_assert_cmpint (reflect_stage_clock_get_planned (clock, 0), ==, 1);

  /* Extending is not pausing: time kept running throughout. */
  g_assert_true (reflect_stage_clock_is_running (clock));
  fake.now += 5 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 105 * SEC);
}

static void
test_overrun (void)
{
  static const gint64 planned[] = { 60, 60 };
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, planned, G_N_ELEMENTS (planned));

  reflect_stage_clock_start (clock);

  fake.now += 59 * SEC + 500000;
  g_assert_cmpint (reflect_stage_clock_get_remaining_us (clock), ==, 500000);
  g_assert_cmpint (reflect_stage_clock_get_overrun_us (clock), ==, 0);

  fake.now += 500000;
  g_assert_cmpint (reflect_stage_clock_get_remaining_us (clock), ==, 0);
  g_assert_cmpint (reflect_stage_clock_get_overrun_us (clock), ==, 0);

  /* The stage does not end by itself: the facilitator decides. */
  fake.now += 15 * SEC + 250000;
  g_assert_cmpuint (reflect_stage_clock_get_current_stage (clock), ==, 0);
  g_assert_cmpint (reflect_stage_clock_get_remaining_us (clock), ==, -15250000);
  g_assert_cmpint (reflect_stage_clock_get_overrun_us (clock), ==, 15250000);

  g_assert_true (reflect_stage_clock_next (clock));
  g_assert_cmpint (reflect_stage_clock_get_remaining_us (clock), ==, 60 * SEC);
  g_assert_cmpint (reflect_stage_clock_get_overrun_us (clock), ==, 0);
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 75250000);
}

static void
test_next_previous_bounds (void)
{
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, space_to_think, N_SPACE_TO_THINK);

  g_assert_false (reflect_stage_clock_previous (clock));
  g_assert_cmpuint (reflect_stage_clock_get_current_stage (clock), ==, 0);

  for (guint i = 1; i < N_SPACE_TO_THINK; i++)
    {
      g_assert_true (reflect_stage_clock_next (clock));
      g_assert_cmpuint (reflect_stage_clock_get_current_stage (clock), ==, i);
    }

  g_assert_false (reflect_stage_clock_next (clock));
  g_assert_cmpuint (reflect_stage_clock_get_current_stage (clock), ==, 5);

  for (guint i = N_SPACE_TO_THINK - 1; i > 0; i--)
    g_assert_true (reflect_stage_clock_previous (clock));

  g_assert_false (reflect_stage_clock_previous (clock));
  g_assert_cmpuint (reflect_stage_clock_get_current_stage (clock), ==, 0);

  g_assert_false (reflect_stage_clock_jump (clock, 6));
  g_assert_false (reflect_stage_clock_jump (clock, G_MAXUINT));
  g_assert_cmpuint (reflect_stage_clock_get_current_stage (clock), ==, 0);

  g_assert_true (reflect_stage_clock_jump (clock, 3));
  g_assert_true (reflect_stage_clock_jump (clock, 3));
  g_assert_cmpuint (reflect_stage_clock_get_current_stage (clock), ==, 3);
  g_assert_cmpint (reflect_stage_clock_get_remaining_us (clock), ==, 120 * SEC);
}

static void
test_jump_keeps_running (void)
{
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, space_to_think, N_SPACE_TO_THINK);

  reflect_stage_clock_start (clock);
  fake.now += 30 * SEC;

  g_assert_true (reflect_stage_clock_jump (clock, 4));
  g_assert_true (reflect_stage_clock_is_running (clock));
  fake.now += 20 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 30 * SEC);
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 4), ==, 20 * SEC);

  g_assert_true (reflect_stage_clock_previous (clock));
  fake.now += 5 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 3), ==, 5 * SEC);
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 4), ==, 20 * SEC);

  /* Going back to a stage adds to what it already used. */
  g_assert_true (reflect_stage_clock_jump (clock, 0));
  fake.now += 1 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 31 * SEC);
  g_assert_cmpint (reflect_stage_clock_get_total_elapsed_us (clock), ==, 56 * SEC);

  /* And a paused clock stays paused when moving. */
  reflect_stage_clock_pause (clock);
  g_assert_true (reflect_stage_clock_next (clock));
  g_assert_false (reflect_stage_clock_is_running (clock));
  fake.now += 10 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 1), ==, 0);
}

static void
test_set_elapsed (void)
{
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, space_to_think, N_SPACE_TO_THINK);

  /* The room began two minutes before the facilitator pressed Start. */
  reflect_stage_clock_start (clock);
  fake.now += 10 * SEC;
  reflect_stage_clock_set_elapsed (clock, 120);
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 120 * SEC);
  g_assert_cmpint (reflect_stage_clock_get_remaining_us (clock), ==, 180 * SEC);
  g_assert_true (reflect_stage_clock_is_running (clock));

  fake.now += 1 * SEC + 500000;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 121500000);

  reflect_stage_clock_pause (clock);
  reflect_stage_clock_set_elapsed (clock, 30);
  g_assert_false (reflect_stage_clock_is_running (clock));
  fake.now += 100 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 30 * SEC);

  reflect_stage_clock_set_elapsed (clock, 0);
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 0);

  /* Only the current stage is corrected. */
  g_assert_true (reflect_stage_clock_next (clock));
  reflect_stage_clock_set_elapsed (clock, 45);
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 0);
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 1), ==, 45 * SEC);

  /* Absurd values are held in range rather than overflowing. */
  reflect_stage_clock_set_elapsed (clock, G_MAXINT64);
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 1), >, 0);
  g_assert_cmpint (reflect_stage_clock_get_remaining_us (clock), <, 0);
  g_assert_cmpint (reflect_stage_clock_get_overrun_us (clock), >, 0);
}

static void
test_finish_records_actual (void)
{
  static const gint64 used[] = { 290, 200, 605 };
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, space_to_think, N_SPACE_TO_THINK);
  guint changed = 0;
  guint notified = 0;

  reflect_stage_clock_start (clock);

  for (guint i = 0; i < G_N_ELEMENTS (used); i++)
    {
      fake.now += used[i] * SEC;
      if (i + 1 < G_N_ELEMENTS (used))
        g_assert_true (reflect_stage_clock_next (clock));
    }

  g_signal_connect (clock, "notify::finished", G_CALLBACK (count_notify_cb), &notified);
  reflect_stage_clock_finish (clock);
  g_assert_true (reflect_stage_clock_is_finished (clock));
  g_assert_false (reflect_stage_clock_is_running (clock));
  g_assert_cmpuint (notified, ==, 1);

  g_signal_connect (clock, "changed", G_CALLBACK (count_changed_cb), &changed);

  /* The record is final: time and every transition but reset leave it alone. */
  fake.now += 3600 * SEC;
  reflect_stage_clock_start (clock);
  reflect_stage_clock_toggle (clock);
  reflect_stage_clock_extend (clock, 60);
  reflect_stage_clock_set_elapsed (clock, 1);
  reflect_stage_clock_set_planned (clock, 0, 10);
  reflect_stage_clock_finish (clock);
  g_assert_false (reflect_stage_clock_next (clock));
  g_assert_false (reflect_stage_clock_previous (clock));
  g_assert_false (reflect_stage_clock_jump (clock, 0));
  g_assert_false (reflect_stage_clock_shorten_remaining (clock, 60));
  g_assert_cmpuint (changed, ==, 0);
  g_assert_false (reflect_stage_clock_is_running (clock));

  for (guint i = 0; i < N_SPACE_TO_THINK; i++)
    {
      gint64 expected = i < G_N_ELEMENTS (used) ? used[i] * SEC : 0;

      g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, i), ==, expected);
      g_assert_cmpint (reflect_stage_clock_get_planned (clock, i), ==, space_to_think[i]);
    }

  g_assert_cmpuint (reflect_stage_clock_get_current_stage (clock), ==, 2);
  g_assert_cmpint (reflect_stage_clock_get_total_elapsed_us (clock), ==, 1095 * SEC);
  g_assert_cmpint (reflect_stage_clock_get_us_to_next_second (clock), ==, -1);
}

static void
test_reset_second_round (void)
{
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, space_to_think, N_SPACE_TO_THINK);

  reflect_stage_clock_start (clock);
  fake.now += 100 * SEC;
  reflect_stage_clock_extend (clock, 120);
  g_assert_true (reflect_stage_clock_next (clock));
  fake.now += 50 * SEC;
  reflect_stage_clock_finish (clock);

  reflect_stage_clock_reset (clock);
  g_assert_cmpuint (reflect_stage_clock_get_current_stage (clock), ==, 0);
  g_assert_false (reflect_stage_clock_is_running (clock));
  g_assert_false (reflect_stage_clock_is_finished (clock));
  g_assert_false (reflect_stage_clock_has_started (clock));
  g_assert_cmpint (reflect_stage_clock_get_total_elapsed_us (clock), ==, 0);

  /* The plan, with the extension the group chose, carries over. */
  g_assert_cmpint (reflect_stage_clock_get_planned (clock, 0), ==, 420);
  g_assert_cmpint (reflect_stage_clock_get_remaining_us (clock), ==, 420 * SEC);

  for (guint i = 0; i < N_SPACE_TO_THINK; i++)
    g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, i), ==, 0);

  reflect_stage_clock_start (clock);
  fake.now += 7 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 7 * SEC);

  /* A reset of a running clock stops it too. */
  reflect_stage_clock_reset (clock);
  fake.now += 7 * SEC;
  g_assert_false (reflect_stage_clock_is_running (clock));
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 0);
}

static void
test_schedule_delta (void)
{
  static const gint64 planned[] = { 300, 180, 600 };
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, planned, G_N_ELEMENTS (planned));
  g_autoptr(ReflectStageClock) skipped = new_clock (&fake, planned, G_N_ELEMENTS (planned));

  reflect_stage_clock_start (clock);

  /* Within the current stage's plan the session is on time. */
  fake.now += 200 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_schedule_delta_us (clock), ==, 0);

  /* Overrunning it puts the session behind, second for second. */
  fake.now += 120 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_schedule_delta_us (clock), ==, 20 * SEC);

  g_assert_true (reflect_stage_clock_next (clock));
  g_assert_cmpint (reflect_stage_clock_get_schedule_delta_us (clock), ==, 20 * SEC);
  fake.now += 100 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_schedule_delta_us (clock), ==, 20 * SEC);

  /* Ending stage 1 after 100 of its 180 s wins back 80 s. */
  g_assert_true (reflect_stage_clock_next (clock));
  g_assert_cmpint (reflect_stage_clock_get_schedule_delta_us (clock), ==, -60 * SEC);

  fake.now += 650 * SEC + 1;
  g_assert_cmpint (reflect_stage_clock_get_schedule_delta_us (clock), ==, -10 * SEC + 1);

  reflect_stage_clock_pause (clock);
  fake.now += 1000 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_schedule_delta_us (clock), ==, -10 * SEC + 1);

  /* Later stages do not count. */
  g_assert_true (reflect_stage_clock_previous (clock));
  g_assert_cmpint (reflect_stage_clock_get_schedule_delta_us (clock), ==, 20 * SEC);

  /* A skipped stage is time the session did not spend. */
  g_assert_true (reflect_stage_clock_jump (skipped, 2));
  g_assert_cmpint (reflect_stage_clock_get_schedule_delta_us (skipped), ==, -480 * SEC);
}

static void
test_shorten_remaining (void)
{
  static const gint64 small_middle[] = { 600, 40, 600 };
  static const gint64 nearly_done[] = { 300, 600 };
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, space_to_think, N_SPACE_TO_THINK);
  g_autoptr(ReflectStageClock) tight = new_clock (&fake, space_to_think, N_SPACE_TO_THINK);
  g_autoptr(ReflectStageClock) small = new_clock (&fake, small_middle, G_N_ELEMENTS (small_middle));
  g_autoptr(ReflectStageClock) near = new_clock (&fake, nearly_done, G_N_ELEMENTS (nearly_done));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 old_remaining[N_SPACE_TO_THINK] = { 0 };
  double factor;
  guint changed = 0;

  /* The offload overran by 100 s and checking of facts is 60.5 s in. */
  reflect_stage_clock_start (clock);
  reflect_stage_clock_start (tight);
  fake.now += 400 * SEC;
  g_assert_true (reflect_stage_clock_next (clock));
  g_assert_true (reflect_stage_clock_next (tight));
  fake.now += 60 * SEC + 500000;
  g_assert_cmpint (projected_total_us (clock), ==, 2200 * SEC);

  g_signal_connect (clock, "changed", G_CALLBACK (count_changed_cb), &changed);

  /* Not needed: the projection already fits. */
  before = reflect_stage_clock_serialize (clock);
  g_assert_false (reflect_stage_clock_shorten_remaining (clock, 2200));
  g_assert_false (reflect_stage_clock_shorten_remaining (clock, 3000));
  g_assert_false (reflect_stage_clock_shorten_remaining (clock, G_MAXINT64));
  /* Impossible: less than what has already been used. */
  g_assert_false (reflect_stage_clock_shorten_remaining (clock, 300));
  g_assert_false (reflect_stage_clock_shorten_remaining (clock, 0));
  g_assert_false (reflect_stage_clock_shorten_remaining (clock, -5));
  g_assert_cmpuint (changed, ==, 0);
  after = reflect_stage_clock_serialize (clock);
  g_assert_cmpstr (before, ==, after);

  for (guint i = 1; i < N_SPACE_TO_THINK; i++)
    old_remaining[i] = space_to_think[i] * SEC - reflect_stage_clock_get_elapsed_us (clock, i);

  g_assert_true (reflect_stage_clock_shorten_remaining (clock, 2100));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (projected_total_us (clock), ==, 2100 * SEC);
  g_assert_true (reflect_stage_clock_is_running (clock));

  /* The finished stage is history, and every remaining part shrank by the
   * same factor (give or take the rounding to whole seconds). */
  g_assert_cmpint (reflect_stage_clock_get_planned (clock, 0), ==, 300);
  factor = (1700.0 - 60.5) / (1700.0 - 60.5 + 100.0);

  for (guint i = 1; i < N_SPACE_TO_THINK; i++)
    {
      gint64 remaining = reflect_stage_clock_get_planned (clock, i) * SEC
                         - reflect_stage_clock_get_elapsed_us (clock, i);

      g_assert_cmpfloat (ABS ((double) remaining - factor * (double) old_remaining[i]), <, SEC);
      g_assert_cmpint (reflect_stage_clock_get_planned (clock, i), <, space_to_think[i]);
      g_assert_cmpint (remaining, >=, 30 * SEC);
    }

  /* Each stage keeps 30 s to run: 400 used + 60.5 + 30 in this stage
   * (91 s planned) + 4 × 30 s = 611 s is the least possible. */
  g_assert_false (reflect_stage_clock_shorten_remaining (tight, 610));
  g_assert_true (reflect_stage_clock_shorten_remaining (tight, 611));
  g_assert_cmpint (projected_total_us (tight), ==, 611 * SEC);
  g_assert_cmpint (reflect_stage_clock_get_planned (tight, 1), ==, 91);
  for (guint i = 2; i < N_SPACE_TO_THINK; i++)
    g_assert_cmpint (reflect_stage_clock_get_planned (tight, i), ==, 30);

  /* A short stage held at its floor leaves the others to give more. */
  g_assert_true (reflect_stage_clock_shorten_remaining (small, 700));
  g_assert_cmpint (reflect_stage_clock_get_planned (small, 0), ==, 335);
  g_assert_cmpint (reflect_stage_clock_get_planned (small, 1), ==, 30);
  g_assert_cmpint (reflect_stage_clock_get_planned (small, 2), ==, 335);

  /* A stage with 10 s left keeps them; a fraction of a second in the
   * elapsed time makes the total land within the last second. */
  reflect_stage_clock_start (near);
  fake.now += 290 * SEC + 250000;
  g_assert_true (reflect_stage_clock_shorten_remaining (near, 700));
  g_assert_cmpint (reflect_stage_clock_get_planned (near, 0), ==, 300);
  g_assert_cmpint (reflect_stage_clock_get_planned (near, 1), ==, 400);
  g_assert_cmpint (projected_total_us (near), <=, 700 * SEC);
  g_assert_cmpint (projected_total_us (near), >, 699 * SEC);
}

static void
test_us_to_next_second (void)
{
  static const gint64 planned[] = { 5, 60 };
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, planned, G_N_ELEMENTS (planned));
  gint64 shown;

  g_assert_cmpint (reflect_stage_clock_get_us_to_next_second (clock), ==, -1);

  /* At 5.000000 s the display reads 5; it turns to 4 a full second later. */
  reflect_stage_clock_start (clock);
  g_assert_cmpint (reflect_stage_clock_get_us_to_next_second (clock), ==, SEC);
  fake.now += 1;
  g_assert_cmpint (reflect_stage_clock_get_us_to_next_second (clock), ==, 999999);
  fake.now += 300000;
  g_assert_cmpint (reflect_stage_clock_get_us_to_next_second (clock), ==, 699999);
  fake.now += 699999;
  g_assert_cmpint (reflect_stage_clock_get_us_to_next_second (clock), ==, SEC);

  /* A UI that sleeps for what it is told, waking 3 ms late each time,
   * still lands on every second and never skips or repeats one, right
   * through into the overrun. */
  reflect_stage_clock_set_elapsed (clock, 0);
  fake.now += 123456;
  shown = 5;

  for (guint tick = 0; tick < 20; tick++)
    {
      gint64 wait = reflect_stage_clock_get_us_to_next_second (clock);
      gint64 remaining;

      g_assert_cmpint (wait, >=, 1);
      g_assert_cmpint (wait, <=, SEC);

      fake.now += wait;
      remaining = reflect_stage_clock_get_remaining_us (clock);
      g_assert_cmpint (remaining % SEC, ==, 0);
      g_assert_cmpint (remaining / SEC, ==, shown - 1);
      shown = remaining / SEC;

      fake.now += 3000;
      g_assert_cmpint (reflect_stage_clock_get_us_to_next_second (clock), ==, SEC - 3000);
    }

  g_assert_cmpint (shown, ==, -15);
  g_assert_cmpint (reflect_stage_clock_get_overrun_us (clock), ==, 15 * SEC + 3000);

  reflect_stage_clock_pause (clock);
  g_assert_cmpint (reflect_stage_clock_get_us_to_next_second (clock), ==, -1);
}

static void
assert_same_clock (ReflectStageClock *a,
                   ReflectStageClock *b)
{
  g_assert_cmpuint (reflect_stage_clock_get_n_stages (a), ==, reflect_stage_clock_get_n_stages (b));
  g_assert_cmpuint (reflect_stage_clock_get_current_stage (a), ==,
                    reflect_stage_clock_get_current_stage (b));
  g_assert_cmpint (reflect_stage_clock_is_running (a), ==, reflect_stage_clock_is_running (b));
  g_assert_cmpint (reflect_stage_clock_is_finished (a), ==, reflect_stage_clock_is_finished (b));
  g_assert_cmpint (reflect_stage_clock_has_started (a), ==, reflect_stage_clock_has_started (b));
  g_assert_cmpint (reflect_stage_clock_get_remaining_us (a), ==,
                   reflect_stage_clock_get_remaining_us (b));

  for (guint i = 0; i < reflect_stage_clock_get_n_stages (a); i++)
    {
      g_assert_cmpint (reflect_stage_clock_get_planned (a, i), ==,
                       reflect_stage_clock_get_planned (b, i));
      g_assert_cmpint (reflect_stage_clock_get_elapsed_us (a, i), ==,
                       reflect_stage_clock_get_elapsed_us (b, i));
    }
}

static ReflectStageClock *
roundtrip (ReflectStageClock *clock,
           FakeTime          *fake)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = reflect_stage_clock_serialize (clock);
  g_autofree char *again = NULL;
  ReflectStageClock *copy;

  copy = reflect_stage_clock_deserialize (data, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  reflect_stage_clock_set_time_func (copy, fake_time_now, fake, NULL);

  again = reflect_stage_clock_serialize (copy);
  g_assert_cmpstr (data, ==, again);
  assert_same_clock (clock, copy);

  return copy;
}

static void
test_serialize_roundtrip (void)
{
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, space_to_think, N_SPACE_TO_THINK);
  g_autoptr(ReflectStageClock) fresh = NULL;
  g_autoptr(ReflectStageClock) paused = NULL;
  g_autoptr(ReflectStageClock) running = NULL;
  g_autoptr(ReflectStageClock) finished = NULL;
  g_autofree char *data = NULL;

  fresh = roundtrip (clock, &fake);

  data = reflect_stage_clock_serialize (clock);
  g_assert_cmpstr (data, ==,
                   "{\"version\":1,\"current\":0,\"running\":false,\"finished\":false,"
                   "\"started\":false,\"running_since\":0,\"stages\":["
                   "{\"planned\":300,\"elapsed_us\":0},{\"planned\":180,\"elapsed_us\":0},"
                   "{\"planned\":600,\"elapsed_us\":0},{\"planned\":120,\"elapsed_us\":0},"
                   "{\"planned\":600,\"elapsed_us\":0},{\"planned\":300,\"elapsed_us\":0}]}");

  reflect_stage_clock_extend (clock, 60);
  reflect_stage_clock_start (clock);
  fake.now += 100 * SEC + 250000;
  g_assert_true (reflect_stage_clock_next (clock));
  fake.now += 7 * SEC;
  reflect_stage_clock_pause (clock);
  g_assert_true (reflect_stage_clock_jump (clock, 3));
  paused = roundtrip (clock, &fake);

  reflect_stage_clock_start (clock);
  fake.now += 3 * SEC + 1;
  running = roundtrip (clock, &fake);
  fake.now += 10 * SEC;
  assert_same_clock (clock, running);

  reflect_stage_clock_finish (clock);
  finished = roundtrip (clock, &fake);
  g_assert_true (reflect_stage_clock_is_finished (finished));
}

static void
test_restore_counts_time_while_closed (void)
{
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, space_to_think, N_SPACE_TO_THINK);
  g_autoptr(ReflectStageClock) restored = NULL;
  g_autoptr(ReflectStageClock) restored_paused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *paused_data = NULL;
  gint64 remaining;

  reflect_stage_clock_start (clock);
  fake.now += 30 * SEC;
  g_assert_true (reflect_stage_clock_next (clock));
  fake.now += 30 * SEC;
  remaining = reflect_stage_clock_get_remaining_us (clock);
  g_assert_cmpint (remaining, ==, 150 * SEC);
  data = reflect_stage_clock_serialize (clock);

  /* The app was closed (or crashed) for a minute and a half. */
  fake.now += 90 * SEC;

  restored = reflect_stage_clock_deserialize (data, &error);
  g_assert_no_error (error);
  reflect_stage_clock_set_time_func (restored, fake_time_now, &fake, NULL);
  g_assert_true (reflect_stage_clock_is_running (restored));
  g_assert_cmpuint (reflect_stage_clock_get_current_stage (restored), ==, 1);
  g_assert_cmpint (reflect_stage_clock_get_remaining_us (restored), ==, remaining - 90 * SEC);
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (restored, 0), ==, 30 * SEC);
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (restored, 1), ==, 120 * SEC);

  /* A paused clock, on the other hand, was not counting. */
  reflect_stage_clock_pause (restored);
  paused_data = reflect_stage_clock_serialize (restored);
  fake.now += 3600 * SEC;
  restored_paused = reflect_stage_clock_deserialize (paused_data, &error);
  g_assert_no_error (error);
  reflect_stage_clock_set_time_func (restored_paused, fake_time_now, &fake, NULL);
  g_assert_cmpint (reflect_stage_clock_get_remaining_us (restored_paused), ==,
                   remaining - 90 * SEC);
}

static void
assert_rejected (const char *data,
                 const char *field)
{
  g_autoptr(ReflectStageClock) clock = NULL;
  g_autoptr(GError) error = NULL;

  clock = reflect_stage_clock_deserialize (data, &error);
  g_assert_null (clock);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  if (field != NULL && strstr (error->message, field) == NULL)
    g_error ("“%s” does not name “%s”", error->message, field);
}

#define STATE(current, running, finished, started, since, stages) \
  "{\"version\":1,\"current\":" current ",\"running\":" running ",\"finished\":" finished \
  ",\"started\":" started ",\"running_since\":" since ",\"stages\":" stages "}"
#define TWO_STAGES "[{\"planned\":300,\"elapsed_us\":0},{\"planned\":180,\"elapsed_us\":5}]"
#define VALID STATE ("1", "false", "false", "true", "0", TWO_STAGES)
#define WITH_STAGES(stages) STATE ("0", "false", "false", "false", "0", stages)
#define ONE_STAGE(planned, elapsed) \
  WITH_STAGES ("[{\"planned\":" planned ",\"elapsed_us\":" elapsed "}]")

static void
test_deserialize_rejects (void)
{
  static const struct {
    const char *data;
    const char *field;
  } bad[] = {
    { "", NULL },
    { "   ", NULL },
    { "null", NULL },
    { "[]", NULL },
    { "42", NULL },
    { "\"clock\"", NULL },
    { "{", NULL },
    { "\x01\x02\x03", NULL },
    { "{\"version\":1\xff}", NULL },
    { VALID " trailing", NULL },
    { VALID VALID, NULL },
    /* json-glib leaks when a value precedes the object. */
    { "8" VALID, NULL },
    { "[" VALID "]", NULL },
    { "{}", "version" },
    { "{\"version\":2}", "version" },
    { "{\"version\":\"1\"}", "version" },
    { "{\"version\":1.0}", "version" },
    { "{\"version\":null}", "version" },
    { "{\"version\":1}", "stages" },
    { WITH_STAGES ("[]"), "stages" },
    { WITH_STAGES ("{}"), "stages" },
    { WITH_STAGES ("null"), "stages" },
    { WITH_STAGES ("[[300,0]]"), "stages[0]" },
    { WITH_STAGES ("[1]"), "stages[0]" },
    { WITH_STAGES ("[{\"planned\":300}]"), "stages[0].elapsed_us" },
    { WITH_STAGES ("[{\"elapsed_us\":0}]"), "stages[0].planned" },
    { WITH_STAGES ("[{\"planned\":300,\"elapsed_us\":0},{\"planned\":0,\"elapsed_us\":0}]"),
      "stages[1].planned" },
    { ONE_STAGE ("-5", "0"), "stages[0].planned" },
    { ONE_STAGE ("86401", "0"), "stages[0].planned" },
    { ONE_STAGE ("1.5", "0"), "stages[0].planned" },
    { ONE_STAGE ("\"300\"", "0"), "stages[0].planned" },
    { ONE_STAGE ("true", "0"), "stages[0].planned" },
    { ONE_STAGE ("300", "-1"), "stages[0].elapsed_us" },
    { ONE_STAGE ("300", "1e3"), "stages[0].elapsed_us" },
    { ONE_STAGE ("300", "9223372036854775807"), "elapsed_us" },
    { ONE_STAGE ("300", "99999999999999999999"), "elapsed_us" },
    { ONE_STAGE ("300", "1e400"), "elapsed_us" },
    /* json-glib would read this as 1, a valid index. */
    { STATE ("-99999999999999999999", "false", "false", "false", "0", TWO_STAGES), "current" },
    { STATE ("2", "false", "false", "false", "0", TWO_STAGES), "current" },
    { STATE ("-1", "false", "false", "false", "0", TWO_STAGES), "current" },
    { STATE ("4294967296", "false", "false", "false", "0", TWO_STAGES), "current" },
    { STATE ("0.0", "false", "false", "false", "0", TWO_STAGES), "current" },
    { STATE ("\"0\"", "false", "false", "false", "0", TWO_STAGES), "current" },
    { STATE ("0", "\"yes\"", "false", "false", "0", TWO_STAGES), "running" },
    { STATE ("0", "1", "false", "false", "0", TWO_STAGES), "running" },
    { STATE ("0", "false", "null", "false", "0", TWO_STAGES), "finished" },
    { STATE ("0", "false", "false", "[]", "0", TWO_STAGES), "started" },
    { STATE ("0", "false", "false", "false", "-1", TWO_STAGES), "running_since" },
    { STATE ("0", "false", "false", "false", "\"now\"", TWO_STAGES), "running_since" },
    { STATE ("0", "true", "true", "true", "0", TWO_STAGES), "running" },
    { STATE ("0", "true", "false", "false", "0", TWO_STAGES), "running" },
    { "{\"version\":1,\"current\":0,\"running\":false,\"finished\":false,\"running_since\":0,"
      "\"stages\":" TWO_STAGES "}", "started" },
  };
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) long_key = g_string_new ("{\"");
  g_autoptr(ReflectStageClock) valid = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *truncated = NULL;
  g_autoptr(GError) error = NULL;

  /* The template itself is fine, so each failure is the fault listed. */
  valid = reflect_stage_clock_deserialize (VALID, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (valid, 1), ==, 5);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("bad input %u", i);
      assert_rejected (bad[i].data, bad[i].field);
    }

  assert_rejected (NULL, NULL);

  for (gsize len = 0; len < strlen (VALID); len++)
    {
      g_clear_pointer (&truncated, g_free);
      truncated = g_strndup (VALID, len);
      assert_rejected (truncated, NULL);
    }

  g_string_append (many, "{\"version\":1,\"current\":0,\"running\":false,\"finished\":false,"
                         "\"started\":false,\"running_since\":0,\"stages\":[");
  for (guint i = 0; i < 201; i++)
    g_string_append_printf (many, "%s{\"planned\":60,\"elapsed_us\":0}", i > 0 ? "," : "");
  g_string_append (many, "]}");
  assert_rejected (many->str, "stages");

  /* Would overflow the parser's stack if it ever saw it. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '[');
  assert_rejected (deep->str, NULL);

  huge = g_strnfill (1024 * 1024, ' ');
  assert_rejected (huge, NULL);

  /* A number too large under a key not worth quoting is still refused. */
  for (guint i = 0; i < 100; i++)
    g_string_append_c (long_key, 'k');
  g_string_append (long_key, "\":123456789012345678901234567890}");
  assert_rejected (long_key->str, NULL);
}

static void
check_restored_clock (ReflectStageClock *clock)
{
  g_autoptr(ReflectStageClock) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  guint n = reflect_stage_clock_get_n_stages (clock);

  /* Whatever was accepted must behave and survive another round trip. */
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <=, 200);
  g_assert_cmpuint (reflect_stage_clock_get_current_stage (clock), <, n);
  g_assert_cmpint (reflect_stage_clock_get_total_elapsed_us (clock), >=, 0);
  reflect_stage_clock_get_schedule_delta_us (clock);
  reflect_stage_clock_get_us_to_next_second (clock);
  reflect_stage_clock_extend (clock, 60);
  reflect_stage_clock_toggle (clock);
  reflect_stage_clock_next (clock);
  reflect_stage_clock_shorten_remaining (clock, 100);

  data = reflect_stage_clock_serialize (clock);
  again = reflect_stage_clock_deserialize (data, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

static void
test_deserialize_mutations (void)
{
  static const char alphabet[] = "{}[]\":,.-+eE0123456789 truefalsnul\\/\x7f\xc3\xa9";
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, space_to_think, N_SPACE_TO_THINK);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autofree char *seed = NULL;
  guint accepted = 0;

  reflect_stage_clock_start (clock);
  fake.now += 400 * SEC + 17;
  reflect_stage_clock_next (clock);
  fake.now += 33 * SEC;
  seed = reflect_stage_clock_serialize (clock);

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) input = g_string_new (seed);
      g_autoptr(ReflectStageClock) restored = NULL;
      g_autoptr(GError) error = NULL;
      guint n_mutations = g_rand_int_range (rand, 1, 5);

      for (guint m = 0; m < n_mutations && input->len > 0; m++)
        {
          gsize pos = (gsize) g_rand_int_range (rand, 0, input->len);
          gsize span = (gsize) g_rand_int_range (rand, 1, 12);

          span = MIN (span, input->len - pos);

          switch (g_rand_int_range (rand, 0, 5))
            {
            case 0:
              input->str[pos] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
              break;

            case 1:
              g_string_erase (input, pos, span);
              break;

            case 2:
              {
                g_autofree char *copy = g_strndup (input->str + pos, span);
                g_string_insert (input, g_rand_int_range (rand, 0, input->len + 1), copy);
              }
              break;

            case 3:
              g_string_insert_c (input, pos,
                                 alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]);
              break;

            default:
              input->str[pos] = (char) g_rand_int_range (rand, 1, 256);
              break;
            }
        }

      restored = reflect_stage_clock_deserialize (input->str, &error);

      if (restored == NULL)
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
        }
      else
        {
          g_assert_no_error (error);
          reflect_stage_clock_set_time_func (restored, fake_time_now, &fake, NULL);
          check_restored_clock (restored);
          accepted++;
        }
    }

  /* Some mutations (a digit changed) are valid states; make sure they
   * were exercised too. */
  g_test_message ("%u of 20000 mutated states were valid", accepted);
  g_assert_cmpuint (accepted, >, 0);
}

static void
test_changed_signal (void)
{
  static const gint64 planned[] = { 300, 180, 600 };
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, planned, G_N_ELEMENTS (planned));
  g_autofree char *data = NULL;
  guint changed = 0;
  guint running = 0;
  guint current = 0;
  guint finished = 0;

  g_signal_connect (clock, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_signal_connect (clock, "notify::running", G_CALLBACK (count_notify_cb), &running);
  g_signal_connect (clock, "notify::current-stage", G_CALLBACK (count_notify_cb), &current);
  g_signal_connect (clock, "notify::finished", G_CALLBACK (count_notify_cb), &finished);

#define CHECK(n_changed, n_running, n_current, n_finished) \
  G_STMT_START { \
    g_assert_cmpuint (changed, ==, n_changed); \
    g_assert_cmpuint (running, ==, n_running); \
    g_assert_cmpuint (current, ==, n_current); \
    g_assert_cmpuint (finished, ==, n_finished); \
  } G_STMT_END

  reflect_stage_clock_start (clock);                          CHECK (1, 1, 0, 0);
  reflect_stage_clock_start (clock);                          CHECK (1, 1, 0, 0);

  /* Looking at the clock, however often, is not a transition. */
  for (guint i = 0; i < 100; i++)
    {
      fake.now += 1234567;
      reflect_stage_clock_get_remaining_us (clock);
      reflect_stage_clock_get_overrun_us (clock);
      reflect_stage_clock_get_elapsed_us (clock, 0);
      reflect_stage_clock_get_total_elapsed_us (clock);
      reflect_stage_clock_get_schedule_delta_us (clock);
      reflect_stage_clock_get_us_to_next_second (clock);
      reflect_stage_clock_get_total_planned (clock);
      reflect_stage_clock_is_running (clock);
      g_clear_pointer (&data, g_free);
      data = reflect_stage_clock_serialize (clock);
    }
  CHECK (1, 1, 0, 0);

  reflect_stage_clock_pause (clock);                          CHECK (2, 2, 0, 0);
  reflect_stage_clock_pause (clock);                          CHECK (2, 2, 0, 0);
  reflect_stage_clock_toggle (clock);                         CHECK (3, 3, 0, 0);
  reflect_stage_clock_extend (clock, 60);                     CHECK (4, 3, 0, 0);
  reflect_stage_clock_extend (clock, 0);                      CHECK (4, 3, 0, 0);
  reflect_stage_clock_set_elapsed (clock, 10);                CHECK (5, 3, 0, 0);
  g_assert_true (reflect_stage_clock_next (clock));           CHECK (6, 3, 1, 0);
  g_assert_true (reflect_stage_clock_previous (clock));       CHECK (7, 3, 2, 0);
  g_assert_false (reflect_stage_clock_previous (clock));      CHECK (7, 3, 2, 0);
  g_assert_true (reflect_stage_clock_jump (clock, 2));        CHECK (8, 3, 3, 0);
  g_assert_true (reflect_stage_clock_jump (clock, 2));        CHECK (8, 3, 3, 0);
  g_assert_false (reflect_stage_clock_next (clock));          CHECK (8, 3, 3, 0);
  reflect_stage_clock_set_planned (clock, 0, 100);            CHECK (9, 3, 3, 0);
  reflect_stage_clock_set_planned (clock, 0, 100);            CHECK (9, 3, 3, 0);
  g_assert_true (reflect_stage_clock_shorten_remaining (clock, 400)); CHECK (10, 3, 3, 0);
  g_assert_false (reflect_stage_clock_shorten_remaining (clock, 9000)); CHECK (10, 3, 3, 0);
  reflect_stage_clock_finish (clock);                         CHECK (11, 4, 3, 1);
  reflect_stage_clock_finish (clock);                         CHECK (11, 4, 3, 1);
  reflect_stage_clock_start (clock);                          CHECK (11, 4, 3, 1);
  reflect_stage_clock_reset (clock);                          CHECK (12, 4, 4, 2);
  reflect_stage_clock_reset (clock);                          CHECK (12, 4, 4, 2);

#undef CHECK
}

static void
test_time_goes_backwards (void)
{
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, space_to_think, N_SPACE_TO_THINK);
  g_autoptr(ReflectStageClock) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  reflect_stage_clock_start (clock);
  fake.now += 10 * SEC;
  reflect_stage_clock_pause (clock);
  reflect_stage_clock_start (clock);
  fake.now += 5 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 15 * SEC);

  /* The system clock is corrected an hour back. The running part cannot
   * be measured any more and counts as nothing; what the stage had banked
   * at its last transition stays, and nothing goes negative. */
  fake.now -= 3600 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 10 * SEC);
  g_assert_cmpint (reflect_stage_clock_get_remaining_us (clock), ==, 290 * SEC);
  g_assert_cmpint (reflect_stage_clock_get_total_elapsed_us (clock), ==, 10 * SEC);

  /* The next transition counts on from the corrected time. */
  g_assert_true (reflect_stage_clock_next (clock));
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 0), ==, 10 * SEC);
  fake.now += 4 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 1), ==, 4 * SEC);

  /* Readings before the epoch, or at the ends of the range, neither
   * overflow nor produce a state a restore would refuse. */
  reflect_stage_clock_pause (clock);
  fake.now = -5 * SEC;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 1), ==, 4 * SEC);
  reflect_stage_clock_start (clock);
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 1), ==, 4 * SEC);
  fake.now = G_MININT64;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 1), ==, 4 * SEC);
  fake.now = G_MAXINT64;
  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, 1), >, 4 * SEC);
  g_assert_cmpint (reflect_stage_clock_get_remaining_us (clock), <, 0);
  g_assert_cmpint (reflect_stage_clock_get_schedule_delta_us (clock), >, 0);
  g_assert_cmpint (reflect_stage_clock_get_us_to_next_second (clock), >, 0);

  g_assert_true (reflect_stage_clock_next (clock));
  data = reflect_stage_clock_serialize (clock);
  restored = reflect_stage_clock_deserialize (data, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
}

static void
test_simulated_session_zero_drift (void)
{
  /* Irregular steps, as a main loop under load would wake. */
  static const gint64 steps[] = { 1370000, 999999, 2500001, 17, 640000, 1370000, 3 };
  /* How long the room actually spends in each stage, at least. */
  static const gint64 targets[] = {
    312 * SEC, 175 * SEC, 630 * SEC, 119500000, 600 * SEC, 301 * SEC
  };
  static const gint64 pause_after = 240 * SEC;
  static const gint64 pause_length = 120 * SEC;
  FakeTime fake = { T0 };
  g_autoptr(ReflectStageClock) clock = new_clock (&fake, space_to_think, N_SPACE_TO_THINK);
  gint64 expected[N_SPACE_TO_THINK] = { 0 };
  gint64 behind_before = 0;
  gint64 done_before = 0;
  gboolean paused_once = FALSE;
  guint k = 0;

  reflect_stage_clock_start (clock);

  for (guint i = 0; i < N_SPACE_TO_THINK; i++)
    {
      gint64 planned_us = space_to_think[i] * SEC;

      while (expected[i] < targets[i])
        {
          gint64 step = steps[k++ % G_N_ELEMENTS (steps)];
          gint64 remaining;
          gint64 into;

          /* Two minutes' interruption in Group exploration. */
          if (i == 2 && !paused_once && expected[i] >= pause_after)
            {
              gint64 resume_at = fake.now + pause_length;

              reflect_stage_clock_pause (clock);

              while (fake.now < resume_at)
                {
                  fake.now += MIN (step, resume_at - fake.now);
                  g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, i), ==, expected[i]);
                  g_assert_cmpint (reflect_stage_clock_get_remaining_us (clock), ==,
                                   planned_us - expected[i]);
                  g_assert_cmpint (reflect_stage_clock_get_us_to_next_second (clock), ==, -1);
                }

              reflect_stage_clock_start (clock);
              paused_once = TRUE;
            }

          fake.now += step;
          expected[i] += step;

          remaining = planned_us - expected[i];
          into = ((remaining % SEC) + SEC) % SEC;

          g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, i), ==, expected[i]);
          g_assert_cmpint (reflect_stage_clock_get_remaining_us (clock), ==, remaining);
          g_assert_cmpint (reflect_stage_clock_get_overrun_us (clock), ==, MAX (0, -remaining));
          g_assert_cmpint (reflect_stage_clock_get_total_elapsed_us (clock), ==,
                           done_before + expected[i]);
          g_assert_cmpint (reflect_stage_clock_get_schedule_delta_us (clock), ==,
                           behind_before + MAX (0, -remaining));
          g_assert_cmpint (reflect_stage_clock_get_us_to_next_second (clock), ==,
                           into == 0 ? SEC : into);
        }

      done_before += expected[i];
      behind_before += expected[i] - planned_us;

      if (i + 1 < N_SPACE_TO_THINK)
        g_assert_true (reflect_stage_clock_next (clock));
      else
        reflect_stage_clock_finish (clock);
    }

  g_assert_true (paused_once);
  g_assert_true (reflect_stage_clock_is_finished (clock));

  /* Every microsecond of wall time is accounted for, exactly once. */
  g_assert_cmpint (done_before, ==, fake.now - T0 - pause_length);

  fake.now += 3600 * SEC;

  for (guint i = 0; i < N_SPACE_TO_THINK; i++)
    g_assert_cmpint (reflect_stage_clock_get_elapsed_us (clock, i), ==, expected[i]);

  g_assert_cmpint (reflect_stage_clock_get_total_elapsed_us (clock), ==, done_before);

  /* The exact figures, summed from the step cycle outside this program,
   * so the test does not only agree with itself. */
  g_assert_cmpint (expected[0], ==, 314470900);
  g_assert_cmpint (expected[1], ==, 175380520);
  g_assert_cmpint (expected[2], ==, 630221837);
  g_assert_cmpint (expected[3], ==, 119700343);
  g_assert_cmpint (expected[4], ==, 602061740);
  g_assert_cmpint (expected[5], ==, 302720880);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/initial-state", test_initial_state);
  g_test_add_func ("/clock/start-pause-resume", test_start_pause_resume);
  g_test_add_func ("/clock/extend", test_extend);
  g_test_add_func ("/clock/overrun", test_overrun);
  g_test_add_func ("/clock/next-previous-bounds", test_next_previous_bounds);
  g_test_add_func ("/clock/jump-keeps-running", test_jump_keeps_running);
  g_test_add_func ("/clock/set-elapsed", test_set_elapsed);
  g_test_add_func ("/clock/finish-records-actual", test_finish_records_actual);
  g_test_add_func ("/clock/reset-second-round", test_reset_second_round);
  g_test_add_func ("/clock/schedule-delta", test_schedule_delta);
  g_test_add_func ("/clock/shorten-remaining", test_shorten_remaining);
  g_test_add_func ("/clock/us-to-next-second", test_us_to_next_second);
  g_test_add_func ("/clock/serialize-roundtrip", test_serialize_roundtrip);
  g_test_add_func ("/clock/restore-counts-time-while-closed",
                   test_restore_counts_time_while_closed);
  g_test_add_func ("/clock/deserialize-rejects", test_deserialize_rejects);
  g_test_add_func ("/clock/deserialize-mutations", test_deserialize_mutations);
  g_test_add_func ("/clock/changed-signal", test_changed_signal);
  g_test_add_func ("/clock/time-goes-backwards", test_time_goes_backwards);
  g_test_add_func ("/clock/simulated-session-zero-drift", test_simulated_session_zero_drift);

  return g_test_run ();
}
