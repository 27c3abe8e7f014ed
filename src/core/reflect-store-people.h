/* reflect-store-people.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "reflect-store.h"

G_BEGIN_DECLS

GStrv        reflect_store_list_names_in_role     (ReflectStore  *self,
                                                   gint64         round_id,
                                                   const char    *role,
                                                   GError       **error);

G_END_DECLS
