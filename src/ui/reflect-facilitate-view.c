/* reflect-facilitate-view.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-facilitate-view"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-facilitate-view.h"

struct _ReflectFacilitateView
{
  GtkWidget   parent_instance;

  GtkListBox *list;

  ReflectRun *run;
};

G_DEFINE_FINAL_TYPE (ReflectFacilitateView, reflect_facilitate_view, GTK_TYPE_WIDGET)

static void
reflect_facilitate_view_dispose (GObject *object)
{
  ReflectFacilitateView *self = (ReflectFacilitateView *)object;

  g_clear_object (&self->run);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (reflect_facilitate_view_parent_class)->dispose (object);
}

static void
reflect_facilitate_view_class_init (ReflectFacilitateViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_facilitate_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-facilitate-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectFacilitateView, list);
}

static void
reflect_facilitate_view_init (ReflectFacilitateView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * reflect_facilitate_view_set_run:
 * @run: (nullable): the session being run, or %NULL when it is closed
 */
void
reflect_facilitate_view_set_run (ReflectFacilitateView *self,
                                ReflectRun *run)
{
  g_return_if_fail (REFLECT_IS_FACILITATE_VIEW (self));

  g_set_object (&self->run, run);
  for (GtkWidget *row; (row = gtk_widget_get_first_child (GTK_WIDGET (self->list)));)
    gtk_list_box_remove (self->list, row);
  if (run == NULL)
    return;

  {
    ReflectModel *model = reflect_run_get_model (run);
    guint n = reflect_model_get_n_stages (model);

    for (guint i = 0; i < n; i++)
      {
        ReflectModelStage *stage = reflect_model_get_stage (model, i);
        GtkWidget *row = adw_action_row_new ();
        g_autofree char *minutes = NULL;

        minutes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes",
                                                reflect_model_stage_get_minutes (stage)),
                                   reflect_model_stage_get_minutes (stage));
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                       reflect_model_stage_get_title (stage));
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), minutes);
        gtk_list_box_append (self->list, row);
      }
  }
}
