/* reflect-schedule.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "reflect-types.h"

G_BEGIN_DECLS

/* How a countdown should look: the last minute is a caution, and from the
 * moment the plan is used up the stage overruns. */
typedef enum
{
  REFLECT_COUNTDOWN_NORMAL,
  REFLECT_COUNTDOWN_CAUTION,
  REFLECT_COUNTDOWN_OVERRUN,
} ReflectCountdownState;

/* Time spent in one area of a model whose stages have areas (SPR). */
typedef struct
{
  char   *area;
  gint64  elapsed_s;
  gint64  planned_s;
} ReflectAreaTime;

char                  *reflect_schedule_format_countdown (gint64             remaining_us);
ReflectCountdownState  reflect_schedule_countdown_state  (gint64             remaining_us);
char                  *reflect_schedule_describe_delta   (gint64             delta_us);
gboolean               reflect_schedule_is_behind        (gint64             delta_us);
char                  *reflect_schedule_format_minutes   (gint64             seconds);
char                  *reflect_schedule_describe_stage   (guint              position,
                                                          guint              n_stages,
                                                          const char        *title,
                                                          gint64             remaining_us);
GArray                *reflect_schedule_area_times       (ReflectModel      *model,
                                                          ReflectStageClock *clock);
char                  *reflect_schedule_area_title       (const char        *area);

G_END_DECLS
