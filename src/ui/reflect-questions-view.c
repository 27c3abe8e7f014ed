/* reflect-questions-view.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-questions-view"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-questions-view.h"

struct _ReflectQuestionsView
{
  GtkWidget   parent_instance;

  GtkListBox *list;

  ReflectRun *run;
};

G_DEFINE_FINAL_TYPE (ReflectQuestionsView, reflect_questions_view, GTK_TYPE_WIDGET)

static void
reflect_questions_view_dispose (GObject *object)
{
  ReflectQuestionsView *self = (ReflectQuestionsView *)object;

  g_clear_object (&self->run);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (reflect_questions_view_parent_class)->dispose (object);
}

static void
reflect_questions_view_class_init (ReflectQuestionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_questions_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-questions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectQuestionsView, list);
}

static void
reflect_questions_view_init (ReflectQuestionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * reflect_questions_view_set_run:
 * @run: (nullable): the session being run, or %NULL when it is closed
 */
void
reflect_questions_view_set_run (ReflectQuestionsView *self,
                                ReflectRun *run)
{
  g_return_if_fail (REFLECT_IS_QUESTIONS_VIEW (self));

  g_set_object (&self->run, run);
  for (GtkWidget *row; (row = gtk_widget_get_first_child (GTK_WIDGET (self->list)));)
    gtk_list_box_remove (self->list, row);
  if (run == NULL)
    return;
}
