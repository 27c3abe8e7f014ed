/* fuzz-clock.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target: whatever bytes arrive, loading never crashes, never
 * leaks, and either succeeds or says why. */

#include "config.h"

#include "reflect-model.h"
#include "reflect-question-bank.h"
#include "reflect-stage-clock.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autoptr(ReflectStageClock) clock = reflect_stage_clock_deserialize (text, &error);

  g_assert ((clock == NULL) == (error != NULL));
  if (clock != NULL)
    {
      reflect_stage_clock_start (clock);
      reflect_stage_clock_next (clock);
      (void)reflect_stage_clock_get_remaining_us (clock);
      (void)reflect_stage_clock_get_schedule_delta_us (clock);
      reflect_stage_clock_shorten_remaining (clock, 60);
    }
  return 0;
}
