/* reflect-workspace.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-workspace"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-a11y.h"
#include "reflect-facilitate-view.h"
#include "reflect-people-view.h"
#include "reflect-questions-view.h"
#include "reflect-record-view.h"
#include "reflect-workspace.h"

/* One open session: its four views, named as in a facilitator's head. */
struct _ReflectWorkspace
{
  GtkWidget              parent_instance;

  AdwViewSwitcherTitle  *switcher_title;
  AdwViewStack          *stack;
  ReflectFacilitateView *facilitate_view;
  ReflectPeopleView     *people_view;
  ReflectQuestionsView  *questions_view;
  ReflectRecordView     *record_view;

  ReflectRun            *run;
  guint                  focus_source;
};

G_DEFINE_FINAL_TYPE (ReflectWorkspace, reflect_workspace, GTK_TYPE_WIDGET)

static void
show_view_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  reflect_workspace_show (REFLECT_WORKSPACE (widget), g_variant_get_string (parameter, NULL));
}

/* Into the view shown, so that keys go where the person is looking: left
 * on the Back button, the focus took a Space for "back to all sessions",
 * and names typed after Alt+2 went nowhere.  On an idle: a GtkStack that
 * held the focus moves it a step into the child it shows after mapping
 * it, which would move it on from ours. */
static gboolean
focus_view_cb (gpointer user_data)
{
  ReflectWorkspace *self = user_data;
  GtkWidget *view = adw_view_stack_get_visible_child (self->stack);

  self->focus_source = 0;
  /* Each view knows where its work starts (its grab_focus); one that does
   * not takes the first control in reading order. */
  if (view != NULL && gtk_widget_get_mapped (view) && !gtk_widget_grab_focus (view))
    gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
  return G_SOURCE_REMOVE;
}

static void
focus_view (ReflectWorkspace *self)
{
  if (self->focus_source == 0)
    self->focus_source = g_idle_add (focus_view_cb, self);
}

static void
visible_view_changed_cb (ReflectWorkspace *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_view (self);
}

static void
reflect_workspace_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (reflect_workspace_parent_class)->map (widget);
  focus_view (REFLECT_WORKSPACE (widget));
}

static void
reflect_workspace_dispose (GObject *object)
{
  ReflectWorkspace *self = (ReflectWorkspace *)object;

  g_clear_handle_id (&self->focus_source, g_source_remove);
  g_clear_object (&self->run);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (reflect_workspace_parent_class)->dispose (object);
}

static void
reflect_workspace_class_init (ReflectWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_workspace_dispose;
  widget_class->map = reflect_workspace_map;

  g_type_ensure (REFLECT_TYPE_FACILITATE_VIEW);
  g_type_ensure (REFLECT_TYPE_PEOPLE_VIEW);
  g_type_ensure (REFLECT_TYPE_QUESTIONS_VIEW);
  g_type_ensure (REFLECT_TYPE_RECORD_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-workspace.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectWorkspace, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ReflectWorkspace, stack);
  gtk_widget_class_bind_template_child (widget_class, ReflectWorkspace, facilitate_view);
  gtk_widget_class_bind_template_child (widget_class, ReflectWorkspace, people_view);
  gtk_widget_class_bind_template_child (widget_class, ReflectWorkspace, questions_view);
  gtk_widget_class_bind_template_child (widget_class, ReflectWorkspace, record_view);

  gtk_widget_class_install_action (widget_class, "workspace.show-view", "s", show_view_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.show-sessions", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "workspace.show-view", "s", "facilitate");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "workspace.show-view", "s", "people");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "workspace.show-view", "s", "questions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "workspace.show-view", "s", "record");
}

static void
reflect_workspace_init (ReflectWorkspace *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->stack, "notify::visible-child",
                            G_CALLBACK (visible_view_changed_cb), self);
  reflect_hide_button_icons (GTK_WIDGET (self));
}

/**
 * reflect_workspace_set_run:
 * @run: (nullable): the session to show, or %NULL to close it
 */
void
reflect_workspace_set_run (ReflectWorkspace *self,
                           ReflectRun       *run)
{
  g_return_if_fail (REFLECT_IS_WORKSPACE (self));

  if (!g_set_object (&self->run, run))
    return;

  reflect_facilitate_view_set_run (self->facilitate_view, run);
  reflect_people_view_set_run (self->people_view, run);
  reflect_questions_view_set_run (self->questions_view, run);
  reflect_record_view_set_run (self->record_view, run);

  if (run != NULL)
    {
      ReflectSession *session = reflect_run_get_session (run);
      g_autofree char *date = reflect_session_format_date (session);
      /* Translators: the workspace subtitle: case reference · date */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"),
                                                   reflect_session_get_case_ref (session), date);

      adw_view_switcher_title_set_title (self->switcher_title,
                                         reflect_session_get_model_title (session));
      adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
      adw_view_stack_set_visible_child_name (self->stack, "facilitate");
    }
}

/**
 * reflect_workspace_get_run:
 *
 * Returns: (transfer none) (nullable)
 */
ReflectRun *
reflect_workspace_get_run (ReflectWorkspace *self)
{
  g_return_val_if_fail (REFLECT_IS_WORKSPACE (self), NULL);
  return self->run;
}

void
reflect_workspace_show (ReflectWorkspace *self,
                        const char       *view_name)
{
  g_return_if_fail (REFLECT_IS_WORKSPACE (self));
  adw_view_stack_set_visible_child_name (self->stack, view_name);
}

/**
 * reflect_workspace_get_view:
 *
 * Returns: (transfer none) (nullable): the name of the view shown, as given
 *   to reflect_workspace_show()
 */
const char *
reflect_workspace_get_view (ReflectWorkspace *self)
{
  g_return_val_if_fail (REFLECT_IS_WORKSPACE (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}
