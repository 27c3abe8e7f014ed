/* reflect-pdf.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Plain text laid out in pages with Pango: the same layout serves the
 * PDF file and the printer (GtkPrintOperation draws each page with it). */
typedef struct _ReflectTextPages ReflectTextPages;

ReflectTextPages *reflect_text_pages_new        (cairo_t           *cr,
                                                 const char        *text,
                                                 double             width,
                                                 double             height);
guint             reflect_text_pages_get_n_pages (ReflectTextPages *self);
void              reflect_text_pages_draw        (ReflectTextPages *self,
                                                  cairo_t          *cr,
                                                  guint             page);
void              reflect_text_pages_free        (ReflectTextPages *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReflectTextPages, reflect_text_pages_free)

gboolean          reflect_pdf_write_text         (const char       *text,
                                                  const char       *path,
                                                  GError          **error);

G_END_DECLS
