/* reflect-pdf.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "reflect-pdf.h"

/* A4 in points, with 2 cm margins. */
#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.89
#define MARGIN       56.69

struct _ReflectTextPages
{
  PangoLayout *layout;
  GArray      *page_starts;  /* the index of the first line of each page */
  GArray      *page_tops;    /* the layout's y (Pango units) at that line */
  double       height;
};

/**
 * reflect_text_pages_new:
 * @cr: a context of the surface to draw on (for font metrics)
 * @width: (in points) of the text area
 * @height: (in points) of the text area
 *
 * Lays @text out in 11 pt Sans and breaks it into pages between lines.
 */
ReflectTextPages *
reflect_text_pages_new (cairo_t    *cr,
                        const char *text,
                        double      width,
                        double      height)
{
  ReflectTextPages *self = g_new0 (ReflectTextPages, 1);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  PangoLayoutIter *iter;
  int line = 0;
  int page_top = 0;

  self->layout = pango_cairo_create_layout (cr);
  self->height = height;
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (int));
  self->page_tops = g_array_new (FALSE, FALSE, sizeof (int));

  pango_layout_set_font_description (self->layout, font);
  pango_layout_set_width (self->layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (self->layout, text ? text : "", -1);

  g_array_append_val (self->page_starts, line);
  g_array_append_val (self->page_tops, page_top);

  iter = pango_layout_get_iter (self->layout);
  do
    {
      PangoRectangle extents;

      pango_layout_iter_get_line_extents (iter, NULL, &extents);
      if (extents.y + extents.height - page_top > height * PANGO_SCALE && line > 0 &&
          g_array_index (self->page_starts, int, self->page_starts->len - 1) != line)
        {
          page_top = extents.y;
          g_array_append_val (self->page_starts, line);
          g_array_append_val (self->page_tops, page_top);
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return self;
}

guint
reflect_text_pages_get_n_pages (ReflectTextPages *self)
{
  return self->page_starts->len;
}

/**
 * reflect_text_pages_draw:
 *
 * Draws one page's lines at the current point's origin (0, 0) of @cr.
 */
void
reflect_text_pages_draw (ReflectTextPages *self,
                         cairo_t          *cr,
                         guint             page)
{
  int first, last, top;
  PangoLayoutIter *iter;
  int line = 0;

  g_return_if_fail (page < self->page_starts->len);

  first = g_array_index (self->page_starts, int, page);
  last = page + 1 < self->page_starts->len ? g_array_index (self->page_starts, int, page + 1)
                                           : G_MAXINT;
  top = g_array_index (self->page_tops, int, page);

  iter = pango_layout_get_iter (self->layout);
  do
    {
      if (line >= first && line < last)
        {
          PangoLayoutLine *layout_line = pango_layout_iter_get_line_readonly (iter);
          PangoRectangle logical;
          int baseline = pango_layout_iter_get_baseline (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, (double)logical.x / PANGO_SCALE,
                         (double)(baseline - top) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, layout_line);
        }
      line++;
    }
  while (line < last && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
reflect_text_pages_free (ReflectTextPages *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->layout);
  g_array_unref (self->page_starts);
  g_array_unref (self->page_tops);
  g_free (self);
}

/**
 * reflect_pdf_write_text:
 *
 * Writes @text to an A4 PDF at @path.  Works without a display.  A file
 * that cannot be written is reported, and nothing half-written is left
 * under @path: the PDF is written beside it and renamed into place.
 */
gboolean
reflect_pdf_write_text (const char  *text,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (path, ".part", NULL);
  g_autoptr(ReflectTextPages) pages = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (tmp_path, PAGE_WIDTH, PAGE_HEIGHT);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  pages = reflect_text_pages_new (cr, text, PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT - 2 * MARGIN);
  for (guint i = 0; i < reflect_text_pages_get_n_pages (pages); i++)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN, MARGIN);
      cairo_set_source_rgb (cr, 0, 0, 0);
      reflect_text_pages_draw (pages, cr, i);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_remove (tmp_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;
      g_remove (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
