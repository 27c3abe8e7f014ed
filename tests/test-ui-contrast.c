/* test-ui-contrast.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Contrast (issue 9): text Reflect shows must stand out from what is behind
 * it by WCAG's 4.5:1 (3:1 for the large countdown), in the light and the
 * dark style.  The test does not trust a table of colours: it renders each
 * kind of text on its background with libadwaita's style and ours, reads
 * the pixels, and measures.  Glyphs are drawn four times the normal size,
 * so their strokes have pixels of the text's own colour, not only the
 * blended pixels of their edges.
 *
 * Shown to fail before style.css raised them: dimmed text measured 3.2:1
 * on a light window, warning text 4.3:1, the Finished pill 4.1:1 and an
 * absent person's name 3.6:1. */

#include "config.h"

#include <math.h>

#include "reflect-application.h"
#include "reflect-test-env.h"

typedef struct
{
  const char *what;
  const char *surface;     /* the style class of what is behind the text */
  const char *classes;     /* the text's style classes, space-separated */
  const char *button;      /* if not NULL, the text is in a button of these classes */
  double      need;
} Case;

static const Case cases[] = {
  { "body text on the window", "background", "", NULL, 4.5 },
  { "body text on a card", "card", "", NULL, 4.5 },
  { "dimmed text on the window", "background", "dim-label", NULL, 4.5 },
  { "dimmed text on a card", "card", "dim-label", NULL, 4.5 },
  { "dimmed text in a list", "view", "dim-label", NULL, 4.5 },
  { "dimmed text in the current stage", "card reflect-current-stage", "dim-label", NULL, 4.5 },
  { "warning text on the window", "background", "warning", NULL, 4.5 },
  { "warning text on a card", "card", "warning", NULL, 4.5 },
  { "success text on the window", "background", "success", NULL, 4.5 },
  { "error text on the window", "background", "error", NULL, 4.5 },
  { "error text on a card", "card", "error", NULL, 4.5 },
  { "accent text on the window", "background", "accent", NULL, 4.5 },
  { "a state pill", "view", "reflect-state", NULL, 4.5 },
  { "the Finished pill", "view", "reflect-state success", NULL, 4.5 },
  { "the In progress pill", "view", "reflect-state accent", NULL, 4.5 },
  { "the countdown, paused", "card", "reflect-countdown reflect-paused", NULL, 3.0 },
  { "the countdown, nearly out of time", "card", "reflect-countdown reflect-caution", NULL, 3.0 },
  { "the countdown, over time", "card", "reflect-countdown warning reflect-overrun", NULL, 3.0 },
  { "a nudge", "card reflect-nudge", "", NULL, 4.5 },
  { "a suggested button (Create, Add, Copy)", "background", "", "suggested-action", 4.5 },
  { "a destructive button (Remove, Delete)", "card", "", "destructive-action", 4.5 },
};

static char *home;
static ReflectApplication *app;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static double
channel (guint8 value)
{
  double c = value / 255.0;

  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG 2's relative luminance of a pixel of GDK_MEMORY_DEFAULT (BGRA,
 * premultiplied; these are all opaque). */
static double
luminance (const guint8 *bgra)
{
  return 0.2126 * channel (bgra[2]) + 0.7152 * channel (bgra[1]) + 0.0722 * channel (bgra[0]);
}

static double
ratio (double a,
       double b)
{
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

static void
add_classes (GtkWidget  *widget,
             const char *classes)
{
  g_auto(GStrv) names = g_strsplit (classes, " ", -1);

  for (guint i = 0; names[i] != NULL; i++)
    if (*names[i] != '\0')
      gtk_widget_add_css_class (widget, names[i]);
}

/* Renders @c and returns the contrast between the label's background and
 * the pixel of its text that differs from it most. */
static double
measure (const Case *c)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *surface = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Mwm 4:58");
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint8 *pixels = NULL;
  graphene_rect_t bounds;
  int width, height, stride;
  int x0, y0, x1, y1;
  const guint8 *background;
  double bg_luminance;
  double best = 1.0;

  pango_attr_list_insert (attrs, pango_attr_scale_new (4.0));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  add_classes (label, c->classes);
  gtk_widget_set_margin_top (label, 24);
  gtk_widget_set_margin_bottom (label, 24);
  gtk_widget_set_margin_start (label, 24);
  gtk_widget_set_margin_end (label, 24);
  gtk_widget_set_halign (label, GTK_ALIGN_CENTER);
  add_classes (surface, c->surface);
  gtk_widget_set_margin_top (surface, 12);
  gtk_widget_set_margin_bottom (surface, 12);
  gtk_widget_set_margin_start (surface, 12);
  gtk_widget_set_margin_end (surface, 12);
  if (c->button != NULL)
    {
      GtkWidget *button = gtk_button_new ();

      add_classes (button, c->button);
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_box_append (GTK_BOX (surface), button);
    }
  else
    gtk_box_append (GTK_BOX (surface), label);
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_child (GTK_WINDOW (window), surface);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  iterate ();

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  stride = width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);

  g_assert_true (gtk_widget_compute_bounds (label, window, &bounds));
  x0 = MAX (0, (int)bounds.origin.x);
  y0 = MAX (0, (int)bounds.origin.y);
  x1 = MIN (width, (int)(bounds.origin.x + bounds.size.width));
  y1 = MIN (height, (int)(bounds.origin.y + bounds.size.height));

  /* Behind the text: the label's own background (a pill's tint) at the
   * middle of its top edge, where no glyph reaches. */
  background = pixels + (y0 + 1) * stride + ((x0 + x1) / 2) * 4;
  bg_luminance = luminance (background);

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      best = MAX (best, ratio (luminance (pixels + y * stride + x * 4), bg_luminance));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  return best;
}

static void
test_contrast (gconstpointer data)
{
  AdwColorScheme scheme = GPOINTER_TO_INT (data);
  g_autoptr(GString) faults = g_string_new (NULL);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  iterate ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double measured = measure (&cases[i]);

      g_test_message ("%5.2f:1  %s", measured, cases[i].what);
      if (measured < cases[i].need)
        g_string_append_printf (faults, "%s: %.2f:1, under %.1f:1\n", cases[i].what, measured,
                                cases[i].need);
    }
  if (faults->len > 0)
    {
      g_test_message ("Too little contrast:\n%s", faults->str);
      g_test_fail ();
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  home = reflect_test_make_data_home ();
  gtk_test_init (&argc, &argv, NULL);

  /* The application loads libadwaita's style and then ours, as it does
   * when Reflect runs. */
  app = reflect_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_data_func ("/ui/contrast/light", GINT_TO_POINTER (ADW_COLOR_SCHEME_FORCE_LIGHT),
                        test_contrast);
  g_test_add_data_func ("/ui/contrast/dark", GINT_TO_POINTER (ADW_COLOR_SCHEME_FORCE_DARK),
                        test_contrast);

  status = g_test_run ();
  g_clear_object (&app);
  reflect_test_remove_tree (home);
  g_free (home);
  return status;
}
