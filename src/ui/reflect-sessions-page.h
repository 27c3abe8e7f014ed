/* reflect-sessions-page.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-catalog.h"
#include "reflect-store.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_SESSIONS_PAGE (reflect_sessions_page_get_type ())

G_DECLARE_FINAL_TYPE (ReflectSessionsPage, reflect_sessions_page, REFLECT, SESSIONS_PAGE, GtkWidget)

void        reflect_sessions_page_set_store    (ReflectSessionsPage *self,
                                                ReflectStore        *store);
void        reflect_sessions_page_set_catalog  (ReflectSessionsPage *self,
                                                ReflectCatalog      *catalog);
char       *reflect_sessions_page_match_markup (const char          *match);
void        reflect_sessions_page_reload       (ReflectSessionsPage *self);
void        reflect_sessions_page_focus        (ReflectSessionsPage *self);
GListModel *reflect_sessions_page_get_sessions (ReflectSessionsPage *self);

G_END_DECLS
