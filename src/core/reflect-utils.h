/* reflect-utils.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  reflect_set_string        (char       **target,
                                     const char  *value);
gboolean  reflect_string_is_blank   (const char  *text);
char     *reflect_format_duration   (gint64       seconds);

G_END_DECLS
