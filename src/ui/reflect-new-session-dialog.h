/* reflect-new-session-dialog.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-catalog.h"
#include "reflect-store.h"

G_BEGIN_DECLS

#define REFLECT_TYPE_NEW_SESSION_DIALOG (reflect_new_session_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ReflectNewSessionDialog, reflect_new_session_dialog, REFLECT, NEW_SESSION_DIALOG, AdwWindow)

ReflectNewSessionDialog *reflect_new_session_dialog_new          (ReflectStore            *store,
                                                                  ReflectCatalog          *catalog,
                                                                  GSettings               *settings);
void                     reflect_new_session_dialog_set_case_ref (ReflectNewSessionDialog *self,
                                                                  const char              *case_ref);
void                     reflect_new_session_dialog_set_model    (ReflectNewSessionDialog *self,
                                                                  const char              *model_id);

G_END_DECLS
