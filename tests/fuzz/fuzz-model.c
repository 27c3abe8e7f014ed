/* fuzz-model.c
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
  g_autoptr(ReflectModel) model = reflect_model_new_from_data ((const char *)data, size,
                                                               "fuzz.json", &error);

  g_assert ((model == NULL) == (error != NULL));
  if (model != NULL)
    {
      /* What loads must save and load again the same. */
      g_autofree char *saved = reflect_model_to_data (model);
      g_autoptr(ReflectModel) again = reflect_model_new_from_data (saved, -1, "again", NULL);
      g_assert (again != NULL);
    }
  return 0;
}
