/* reflect-utils.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-utils"

#include "config.h"

#include "reflect-utils.h"

/**
 * reflect_set_string:
 *
 * Replaces *@target with a copy of @value.  GLib 2.74 (our baseline) has no
 * g_set_str().  Returns: %TRUE if the value changed, so callers notify only
 * on a real change.
 */
gboolean
reflect_set_string (char       **target,
                    const char  *value)
{
  char *copy;

  if (g_strcmp0 (*target, value) == 0)
    return FALSE;

  copy = g_strdup (value);
  g_free (*target);
  *target = copy;
  return TRUE;
}

gboolean
reflect_string_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * reflect_format_duration:
 *
 * Formats a number of seconds as m:ss, or h:mm:ss past an hour; a negative
 * value keeps its sign so an overrun reads “-1:05”.
 */
char *
reflect_format_duration (gint64 seconds)
{
  const char *sign = seconds < 0 ? "-" : "";
  guint64 s = (guint64)(seconds < 0 ? -seconds : seconds);

  if (s >= 3600)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT ":%02u:%02u", sign, s / 3600,
                            (guint)((s / 60) % 60), (guint)(s % 60));
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ":%02u", sign, s / 60, (guint)(s % 60));
}
