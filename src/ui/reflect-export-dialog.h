/* reflect-export-dialog.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "reflect-run.h"

G_BEGIN_DECLS

typedef enum
{
  REFLECT_EXPORT_CHILD_RECORD,
  REFLECT_EXPORT_AGENCY_SUMMARY,
  REFLECT_EXPORT_LEARNING,
  REFLECT_EXPORT_INVITATION,
} ReflectExportKind;

#define REFLECT_TYPE_EXPORT_DIALOG (reflect_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ReflectExportDialog, reflect_export_dialog, REFLECT, EXPORT_DIALOG, AdwWindow)

GtkWindow  *reflect_export_dialog_new               (GtkWindow           *parent,
                                                     ReflectRun          *run,
                                                     ReflectExportKind    kind);
char       *reflect_export_dialog_get_text          (ReflectExportDialog *self);
void        reflect_export_dialog_set_include_names (ReflectExportDialog *self,
                                                     gboolean             include);
void        reflect_export_dialog_expand_term       (ReflectExportDialog *self,
                                                     const char          *term);

G_END_DECLS
