/* reflect-sessions-page.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-sessions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-sessions-page.h"

/* The history of sessions, newest first.  The list is a GtkListView, so a
 * row exists only for the sessions on screen, however many there are. */
struct _ReflectSessionsPage
{
  GtkWidget     parent_instance;

  GtkStack     *content_stack;
  GtkListView  *list_view;
  GtkButton    *empty_new_button;

  ReflectStore *store;
  GListModel   *sessions;
  gulong        changed_id;
};

G_DEFINE_FINAL_TYPE (ReflectSessionsPage, reflect_sessions_page, GTK_TYPE_WIDGET)

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *state = gtk_label_new (NULL);

  gtk_widget_add_css_class (grid, "reflect-session-row");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_widget_set_margin_top (grid, 9);
  gtk_widget_set_margin_bottom (grid, 9);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");

  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");

  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (state, "reflect-state");

  gtk_grid_attach (GTK_GRID (grid), title, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), subtitle, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), state, 1, 0, 1, 2);

  gtk_list_item_set_child (item, grid);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  ReflectSession *session = gtk_list_item_get_item (item);
  GtkWidget *grid = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_grid_get_child_at (GTK_GRID (grid), 0, 0);
  GtkWidget *subtitle = gtk_grid_get_child_at (GTK_GRID (grid), 0, 1);
  GtkWidget *state = gtk_grid_get_child_at (GTK_GRID (grid), 1, 0);
  g_autofree char *date = reflect_session_format_date (session);
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;
  ReflectSessionState session_state = reflect_session_get_state (session);

  /* Translators: session list subtitle: date · model */
  details = g_strdup_printf (_("%s · %s"), date, reflect_session_get_model_title (session));

  gtk_label_set_text (GTK_LABEL (title), reflect_session_get_case_ref (session));
  gtk_label_set_text (GTK_LABEL (subtitle), details);
  gtk_label_set_text (GTK_LABEL (state), reflect_session_state_get_title (session_state));

  gtk_widget_remove_css_class (state, "accent");
  gtk_widget_remove_css_class (state, "success");
  if (session_state == REFLECT_SESSION_IN_PROGRESS)
    gtk_widget_add_css_class (state, "accent");
  else if (session_state == REFLECT_SESSION_FINISHED)
    gtk_widget_add_css_class (state, "success");

  /* Translators: read by screen readers for a session row: case, date · model, state */
  accessible = g_strdup_printf (_("Case %s, %s, %s"), reflect_session_get_case_ref (session),
                                details, reflect_session_state_get_title (session_state));
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
list_activate_cb (ReflectSessionsPage *self,
                  guint                position)
{
  g_autoptr(ReflectSession) session = g_list_model_get_item (self->sessions, position);

  if (session != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-session", "x",
                                reflect_session_get_id (session));
}

static void
store_changed_cb (ReflectSessionsPage *self,
                  gint64               session_id)
{
  reflect_sessions_page_reload (self);
}

static void
reflect_sessions_page_dispose (GObject *object)
{
  ReflectSessionsPage *self = (ReflectSessionsPage *)object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->sessions);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self)));)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (reflect_sessions_page_parent_class)->dispose (object);
}

static void
reflect_sessions_page_class_init (ReflectSessionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = reflect_sessions_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-sessions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectSessionsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ReflectSessionsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, ReflectSessionsPage, empty_new_button);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
reflect_sessions_page_init (ReflectSessionsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

void
reflect_sessions_page_set_store (ReflectSessionsPage *self,
                                 ReflectStore        *store)
{
  g_return_if_fail (REFLECT_IS_SESSIONS_PAGE (self));

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                                                self, G_CONNECT_SWAPPED);
  reflect_sessions_page_reload (self);
}

/**
 * reflect_sessions_page_reload:
 *
 * Reads the list again from the store.
 */
void
reflect_sessions_page_reload (ReflectSessionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkSelectionModel) selection = NULL;

  g_return_if_fail (REFLECT_IS_SESSIONS_PAGE (self));

  g_clear_object (&self->sessions);
  if (self->store != NULL)
    self->sessions = reflect_store_list_sessions (self->store, &error);
  if (error != NULL)
    g_warning ("%s", error->message);
  if (self->sessions == NULL)
    self->sessions = G_LIST_MODEL (g_list_store_new (REFLECT_TYPE_SESSION));

  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (self->sessions)));
  gtk_list_view_set_model (self->list_view, selection);

  gtk_stack_set_visible_child_name (self->content_stack,
                                    g_list_model_get_n_items (self->sessions) > 0 ? "list"
                                                                                  : "empty");
}

void
reflect_sessions_page_focus (ReflectSessionsPage *self)
{
  g_return_if_fail (REFLECT_IS_SESSIONS_PAGE (self));

  if (g_list_model_get_n_items (self->sessions) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->empty_new_button));
}

/**
 * reflect_sessions_page_get_sessions:
 *
 * Returns: (transfer none): the sessions shown
 */
GListModel *
reflect_sessions_page_get_sessions (ReflectSessionsPage *self)
{
  g_return_val_if_fail (REFLECT_IS_SESSIONS_PAGE (self), NULL);
  return self->sessions;
}
