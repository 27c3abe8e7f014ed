/* fuzz-bank.c
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
  g_autoptr(ReflectQuestionBank) bank =
    reflect_question_bank_new_from_data ((const char *)data, size, "fuzz.json", &error);

  g_assert ((bank == NULL) == (error != NULL));
  if (bank != NULL)
    {
      g_autofree char *saved = reflect_question_bank_to_data (bank);
      g_autoptr(ReflectQuestionBank) again =
        reflect_question_bank_new_from_data (saved, -1, "again", NULL);
      g_assert (again != NULL);
    }
  return 0;
}
