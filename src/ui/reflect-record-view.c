/* reflect-record-view.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-record-view"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-record-view.h"

struct _ReflectRecordView
{
  GtkWidget   parent_instance;

  GtkListBox *list;

  ReflectRun *run;
};

G_DEFINE_FINAL_TYPE (ReflectRecordView, reflect_record_view, GTK_TYPE_WIDGET)

static void
reflect_record_view_dispose (GObject *object)
{
  ReflectRecordView *self = (ReflectRecordView *)object;

  g_clear_object (&self->run);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (reflect_record_view_parent_class)->dispose (object);
}

static void
reflect_record_view_class_init (ReflectRecordViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_record_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-record-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectRecordView, list);
}

static void
reflect_record_view_init (ReflectRecordView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * reflect_record_view_set_run:
 * @run: (nullable): the session being run, or %NULL when it is closed
 */
void
reflect_record_view_set_run (ReflectRecordView *self,
                                ReflectRun *run)
{
  g_return_if_fail (REFLECT_IS_RECORD_VIEW (self));

  g_set_object (&self->run, run);
  for (GtkWidget *row; (row = gtk_widget_get_first_child (GTK_WIDGET (self->list)));)
    gtk_list_box_remove (self->list, row);
  if (run == NULL)
    return;
}
