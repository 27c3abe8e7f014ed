/* test-schedule.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "reflect-catalog.h"
#include "reflect-model.h"
#include "reflect-schedule.h"
#include "reflect-stage-clock.h"
#include "reflect-store.h"
#include "reflect-test-env.h"

#define S(x) ((gint64)(x) * G_USEC_PER_SEC)

static void
test_countdown_rounds_up (void)
{
  g_autofree char *full = reflect_schedule_format_countdown (S (300));
  g_autofree char *first_second = reflect_schedule_format_countdown (S (300) - 1);
  g_autofree char *later = reflect_schedule_format_countdown (S (299) - 1);
  g_autofree char *last = reflect_schedule_format_countdown (1);
  g_autofree char *hour = reflect_schedule_format_countdown (S (3725));

  g_assert_cmpstr (full, ==, "5:00");
  g_assert_cmpstr (first_second, ==, "5:00");
  g_assert_cmpstr (later, ==, "4:59");
  g_assert_cmpstr (last, ==, "0:01");
  g_assert_cmpstr (hour, ==, "1:02:05");
}

static void
test_countdown_overrun (void)
{
  g_autofree char *up = reflect_schedule_format_countdown (0);
  g_autofree char *five = reflect_schedule_format_countdown (-S (5) - 1);
  g_autofree char *long_over = reflect_schedule_format_countdown (-S (61));

  g_assert_cmpstr (up, ==, "+0:00");
  g_assert_cmpstr (five, ==, "+0:05");
  g_assert_cmpstr (long_over, ==, "+1:01");
}

static void
test_countdown_state (void)
{
  g_assert_cmpint (reflect_schedule_countdown_state (S (61)), ==, REFLECT_COUNTDOWN_NORMAL);
  g_assert_cmpint (reflect_schedule_countdown_state (S (60)), ==, REFLECT_COUNTDOWN_CAUTION);
  g_assert_cmpint (reflect_schedule_countdown_state (1), ==, REFLECT_COUNTDOWN_CAUTION);
  g_assert_cmpint (reflect_schedule_countdown_state (0), ==, REFLECT_COUNTDOWN_OVERRUN);
  g_assert_cmpint (reflect_schedule_countdown_state (-S (9)), ==, REFLECT_COUNTDOWN_OVERRUN);
}

static void
test_delta_text (void)
{
  g_autofree char *on = reflect_schedule_describe_delta (S (59));
  g_autofree char *ahead_a_little = reflect_schedule_describe_delta (-S (59));
  g_autofree char *behind = reflect_schedule_describe_delta (S (185));
  g_autofree char *ahead = reflect_schedule_describe_delta (-S (120));

  g_assert_cmpstr (on, ==, "On plan");
  g_assert_cmpstr (ahead_a_little, ==, "On plan");
  g_assert_cmpstr (behind, ==, "3 min behind plan");
  g_assert_cmpstr (ahead, ==, "2 min ahead of plan");
  g_assert_false (reflect_schedule_is_behind (S (59)));
  g_assert_true (reflect_schedule_is_behind (S (60)));
  g_assert_false (reflect_schedule_is_behind (-S (600)));
}

static void
test_minutes_text (void)
{
  g_autofree char *whole = reflect_schedule_format_minutes (300);
  g_autofree char *part = reflect_schedule_format_minutes (330);

  g_assert_cmpstr (whole, ==, "5 min");
  g_assert_cmpstr (part, ==, "5:30");
}

static void
test_stage_announcement (void)
{
  g_autofree char *fresh = reflect_schedule_describe_stage (2, 6, "Checking of facts", S (180));
  g_autofree char *one = reflect_schedule_describe_stage (1, 6, "Offload", S (60));
  g_autofree char *part = reflect_schedule_describe_stage (1, 6, "Offload", S (297));
  g_autofree char *last = reflect_schedule_describe_stage (6, 6, "Summary", S (59));
  g_autofree char *over = reflect_schedule_describe_stage (3, 6, "Group exploration", -S (5));

  g_assert_cmpstr (fresh, ==, "Stage 2 of 6, Checking of facts: 3 minutes left");
  g_assert_cmpstr (one, ==, "Stage 1 of 6, Offload: 1 minute left");
  /* 4:57 on the countdown: never more than is there. */
  g_assert_cmpstr (part, ==, "Stage 1 of 6, Offload: 4 minutes left");
  g_assert_cmpstr (last, ==, "Stage 6 of 6, Summary: less than a minute left");
  g_assert_cmpstr (over, ==, "Stage 3 of 6, Group exploration: over time");
}

static gint64 fake_now;

static gint64
fake_time (gpointer user_data)
{
  return fake_now;
}

static ReflectModel *
load_model (ReflectCatalog **catalog_out,
            ReflectStore   **store_out,
            char           **home_out,
            const char      *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  *home_out = reflect_test_make_data_home ();
  path = g_build_filename (*home_out, "reflect", "reflect.db", NULL);
  *store_out = reflect_store_open (path, &error);
  g_assert_no_error (error);
  *catalog_out = reflect_catalog_new (*store_out);
  return reflect_catalog_find_model (*catalog_out, id);
}

static void
test_area_times_spr (void)
{
  g_autoptr(ReflectCatalog) catalog = NULL;
  g_autoptr(ReflectStore) store = NULL;
  g_autoptr(ReflectStageClock) clock = NULL;
  g_autoptr(GArray) times = NULL;
  g_autofree gint64 *planned = NULL;
  g_autofree char *home = NULL;
  ReflectModel *model = load_model (&catalog, &store, &home, "spr");
  guint n;

  g_assert_nonnull (model);
  g_assert_true (reflect_model_has_areas (model));

  n = reflect_model_get_n_stages (model);
  planned = g_new0 (gint64, n);
  for (guint i = 0; i < n; i++)
    planned[i] = reflect_model_stage_get_minutes (reflect_model_get_stage (model, i)) * 60;
  clock = reflect_stage_clock_new (planned, n);
  fake_now = S (1000);
  reflect_stage_clock_set_time_func (clock, fake_time, NULL, NULL);

  /* Quantity 2 min, then two of the four Quality stages 3 and 4 min. */
  reflect_stage_clock_start (clock);
  fake_now += S (120);
  reflect_stage_clock_next (clock);
  fake_now += S (180);
  reflect_stage_clock_next (clock);
  fake_now += S (240) + G_USEC_PER_SEC / 2;

  times = reflect_schedule_area_times (model, clock);
  g_assert_cmpuint (times->len, ==, 4);
  g_assert_cmpstr (g_array_index (times, ReflectAreaTime, 0).area, ==, "quantity");
  g_assert_cmpint (g_array_index (times, ReflectAreaTime, 0).elapsed_s, ==, 120);
  g_assert_cmpint (g_array_index (times, ReflectAreaTime, 0).planned_s, ==, 300);
  g_assert_cmpstr (g_array_index (times, ReflectAreaTime, 1).area, ==, "quality");
  g_assert_cmpint (g_array_index (times, ReflectAreaTime, 1).elapsed_s, ==, 420);
  g_assert_cmpint (g_array_index (times, ReflectAreaTime, 1).planned_s, ==, (10 + 10 + 10 + 8) * 60);
  g_assert_cmpint (g_array_index (times, ReflectAreaTime, 2).elapsed_s, ==, 0);

  g_clear_object (&catalog);
  g_clear_object (&store);
  reflect_test_remove_tree (home);
}

static void
test_area_times_none (void)
{
  g_autoptr(ReflectCatalog) catalog = NULL;
  g_autoptr(ReflectStore) store = NULL;
  g_autoptr(ReflectStageClock) clock = NULL;
  g_autoptr(GArray) times = NULL;
  g_autofree char *home = NULL;
  ReflectModel *model = load_model (&catalog, &store, &home, "space-to-think");
  gint64 planned[6] = { 300, 180, 600, 120, 600, 300 };

  clock = reflect_stage_clock_new (planned, 6);
  times = reflect_schedule_area_times (model, clock);
  g_assert_cmpuint (times->len, ==, 0);

  g_clear_object (&catalog);
  g_clear_object (&store);
  reflect_test_remove_tree (home);
}

static void
test_area_title (void)
{
  g_autofree char *quality = reflect_schedule_area_title ("quality");
  g_autofree char *two = reflect_schedule_area_title ("partnership-working");
  g_autofree char *empty = reflect_schedule_area_title ("");

  g_assert_cmpstr (quality, ==, "Quality");
  g_assert_cmpstr (two, ==, "Partnership working");
  g_assert_cmpstr (empty, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schedule/countdown/rounds-up", test_countdown_rounds_up);
  g_test_add_func ("/schedule/countdown/overrun", test_countdown_overrun);
  g_test_add_func ("/schedule/countdown/state", test_countdown_state);
  g_test_add_func ("/schedule/delta/text", test_delta_text);
  g_test_add_func ("/schedule/minutes/text", test_minutes_text);
  g_test_add_func ("/schedule/stage/announcement", test_stage_announcement);
  g_test_add_func ("/schedule/areas/spr", test_area_times_spr);
  g_test_add_func ("/schedule/areas/none", test_area_times_none);
  g_test_add_func ("/schedule/areas/title", test_area_title);

  return g_test_run ();
}
