/* reflect-session-filters.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-catalog.h"
#include "reflect-store-history.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_SESSION_FILTERS (reflect_session_filters_get_type ())

G_DECLARE_FINAL_TYPE (ReflectSessionFilters, reflect_session_filters, REFLECT, SESSION_FILTERS, GtkWidget)

ReflectSessionFilters *reflect_session_filters_new         (void);
void                   reflect_session_filters_set_catalog (ReflectSessionFilters *self,
                                                            ReflectCatalog        *catalog);
void                   reflect_session_filters_read        (ReflectSessionFilters *self,
                                                            ReflectSessionFilter  *filter);

G_END_DECLS
