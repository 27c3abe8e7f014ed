/* reflect-stage-clock.h
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

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define REFLECT_TYPE_STAGE_CLOCK (reflect_stage_clock_get_type ())

G_DECLARE_FINAL_TYPE (ReflectStageClock, reflect_stage_clock, REFLECT, STAGE_CLOCK, GObject)

/**
 * ReflectTimeFunc:
 * @user_data: the data given to reflect_stage_clock_set_time_func()
 *
 * A source of wall-clock time, so that tests and restores can control
 * what "now" is.
 *
 * Returns: wall-clock time in microseconds, like g_get_real_time()
 */
typedef gint64 (*ReflectTimeFunc) (gpointer user_data);

ReflectStageClock *reflect_stage_clock_new                   (const gint64       *planned_seconds,
                                                              guint               n_stages);
void               reflect_stage_clock_set_time_func         (ReflectStageClock  *self,
                                                              ReflectTimeFunc     func,
                                                              gpointer            user_data,
                                                              GDestroyNotify      destroy);

guint              reflect_stage_clock_get_n_stages          (ReflectStageClock  *self);
guint              reflect_stage_clock_get_current_stage     (ReflectStageClock  *self);
gboolean           reflect_stage_clock_is_running            (ReflectStageClock  *self);
gboolean           reflect_stage_clock_is_finished           (ReflectStageClock  *self);
gboolean           reflect_stage_clock_has_started           (ReflectStageClock  *self);

void               reflect_stage_clock_start                 (ReflectStageClock  *self);
void               reflect_stage_clock_pause                 (ReflectStageClock  *self);
void               reflect_stage_clock_toggle                (ReflectStageClock  *self);
void               reflect_stage_clock_extend                (ReflectStageClock  *self,
                                                              gint64              seconds);
void               reflect_stage_clock_set_elapsed           (ReflectStageClock  *self,
                                                              gint64              seconds);
gboolean           reflect_stage_clock_next                  (ReflectStageClock  *self);
gboolean           reflect_stage_clock_previous              (ReflectStageClock  *self);
gboolean           reflect_stage_clock_jump                  (ReflectStageClock  *self,
                                                              guint               stage);
void               reflect_stage_clock_finish                (ReflectStageClock  *self);
void               reflect_stage_clock_reset                 (ReflectStageClock  *self);

gint64             reflect_stage_clock_get_planned           (ReflectStageClock  *self,
                                                              guint               stage);
void               reflect_stage_clock_set_planned           (ReflectStageClock  *self,
                                                              guint               stage,
                                                              gint64              seconds);
gint64             reflect_stage_clock_get_elapsed_us        (ReflectStageClock  *self,
                                                              guint               stage);
gint64             reflect_stage_clock_get_remaining_us      (ReflectStageClock  *self);
gint64             reflect_stage_clock_get_overrun_us        (ReflectStageClock  *self);
gint64             reflect_stage_clock_get_total_planned     (ReflectStageClock  *self);
gint64             reflect_stage_clock_get_total_elapsed_us  (ReflectStageClock  *self);
gint64             reflect_stage_clock_get_schedule_delta_us (ReflectStageClock  *self);
gboolean           reflect_stage_clock_shorten_remaining     (ReflectStageClock  *self,
                                                              gint64              budget_seconds);
gint64             reflect_stage_clock_get_us_to_next_second (ReflectStageClock  *self);

char              *reflect_stage_clock_serialize             (ReflectStageClock  *self);
ReflectStageClock *reflect_stage_clock_deserialize           (const char         *data,
                                                              GError            **error);

G_END_DECLS
