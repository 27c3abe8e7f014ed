/* reflect-window.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-window"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-backup.h"
#include "reflect-models-window.h"
#include "reflect-new-session-dialog.h"
#include "reflect-session-import.h"
#include "reflect-preferences-window.h"
#include "reflect-run.h"
#include "reflect-sessions-page.h"
#include "reflect-window.h"
#include "reflect-workspace.h"

struct _ReflectWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *places;
  ReflectSessionsPage  *sessions_page;
  ReflectWorkspace     *workspace;
};

G_DEFINE_FINAL_TYPE (ReflectWindow, reflect_window, ADW_TYPE_APPLICATION_WINDOW)

static ReflectApplication *
get_app (ReflectWindow *self)
{
  return REFLECT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static void
session_created_cb (ReflectWindow  *self,
                    ReflectSession *session)
{
  reflect_window_open_session (self, reflect_session_get_id (session));
}

static void
new_session_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ReflectWindow *self = REFLECT_WINDOW (widget);
  ReflectApplication *app = get_app (self);
  ReflectNewSessionDialog *dialog;

  dialog = reflect_new_session_dialog_new (reflect_application_get_store (app),
                                           reflect_application_get_catalog (app),
                                           reflect_application_get_settings (app));
  g_signal_connect_object (dialog, "created", G_CALLBACK (session_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_session_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  reflect_window_open_session (REFLECT_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
preferences_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ReflectApplication *app = get_app (REFLECT_WINDOW (widget));
  ReflectPreferencesWindow *window;

  window = reflect_preferences_window_new (reflect_application_get_settings (app),
                                           reflect_application_get_catalog (app));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (widget));
  gtk_window_present (GTK_WINDOW (window));
}

/* The shortcuts section for where the person is, so that what they can
 * press there is what they see first. */
static const char *
shortcuts_section_for (ReflectWindow *self)
{
  const char *view;

  if (self->workspace == NULL
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->places), "workspace") != 0)
    return "sessions";
  view = reflect_workspace_get_view (self->workspace);
  return g_strcmp0 (view, "facilitate") == 0 ? "facilitate" : "session";
}

/* Built when first asked for, rather than by GtkApplication with every
 * window: it holds more widgets than the whole Sessions place, and most
 * launches never open it.  Handing it to GtkApplicationWindow is what lets
 * its rows show the accelerators of the actions they name. */
static void
show_shortcuts_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (window);

  if (shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource ("/io/github/reflect_practice/Reflect/ui/reflect-shortcuts-window.ui");
      shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      gtk_application_window_set_help_overlay (window, shortcuts);
    }
  g_object_set (shortcuts, "section-name", shortcuts_section_for (REFLECT_WINDOW (widget)), NULL);
  gtk_widget_activate_action (widget, "win.show-help-overlay", NULL);
}

static void
manage_models_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ReflectApplication *app = get_app (REFLECT_WINDOW (widget));
  ReflectModelsWindow *window;

  window = reflect_models_window_new (reflect_application_get_store (app),
                                      reflect_application_get_catalog (app));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (widget));
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_sessions_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ReflectWindow *self = REFLECT_WINDOW (widget);

  if (self->workspace != NULL)
    reflect_workspace_set_run (self->workspace, NULL);
  gtk_stack_set_visible_child_name (self->places, "sessions");
  reflect_sessions_page_focus (self->sessions_page);
}

static void
backup_now_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ReflectWindow *self = REFLECT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  path = reflect_backup_make (reflect_application_get_store (get_app (self)), &error);
  if (path == NULL)
    message = g_strdup_printf (_("Could not back up: %s"), error->message);
  else
    /* Translators: %s is the folder that holds the backups */
    message = g_strdup_printf (_("Backed up to %s"), path);
  reflect_window_show_toast (self, message);
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ReflectWindow    *self)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "list");
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);
  g_autoptr(GError) error = NULL;
  const char *path;

  if (g_strcmp0 (response, "restore") != 0 || row == NULL)
    return;

  path = g_object_get_data (G_OBJECT (row), "path");
  if (!reflect_application_restore_backup (get_app (self), path, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Nothing was restored: %s"), error->message);
      reflect_window_show_toast (self, message);
      return;
    }
  reflect_window_show_toast (self, _("Backup restored. The database it replaced was kept beside it."));
}

static void
restore_backup_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ReflectWindow *self = REFLECT_WINDOW (widget);
  ReflectStore *store = reflect_application_get_store (get_app (self));
  g_auto(GStrv) backups = reflect_backup_list (reflect_store_get_path (store));
  AdwMessageDialog *dialog;
  GtkWidget *list;

  if (backups[0] == NULL)
    {
      reflect_window_show_toast (self, _("There are no backups yet. Use Back Up Now to make one."));
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Restore from Backup?"),
                                                       _("Your sessions will be replaced by those in the backup you choose. The current database is kept beside it, not deleted.")));
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Backups, newest first"), -1);
  for (guint i = 0; backups[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (backups[i]);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                     G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(GDateTime) modified = info ? g_file_info_get_modification_date_time (info) : NULL;
      g_autoptr(GDateTime) local = modified ? g_date_time_to_local (modified) : NULL;
      /* Translators: when a backup was made, see g_date_time_format() */
      g_autofree char *when = local ? g_date_time_format (local, _("%A %-d %B %Y, %H:%M"))
                                    : g_path_get_basename (backups[i]);
      g_autofree char *size = info ? g_format_size (g_file_info_get_size (info)) : g_strdup ("");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (backups[i]), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_list_box_select_row (GTK_LIST_BOX (list),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  adw_message_dialog_set_extra_child (dialog, list);
  g_object_set_data (G_OBJECT (dialog), "list", list);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
session_imported_cb (gint64   session_id,
                     gpointer user_data)
{
  ReflectWindow *self = user_data;

  if (session_id > 0)
    reflect_window_open_session (self, session_id);
}

static void
import_session_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ReflectWindow *self = REFLECT_WINDOW (widget);

  reflect_session_import_dialog_run (GTK_WINDOW (self),
                                     reflect_application_get_store (get_app (self)),
                                     session_imported_cb, self);
}

static void
save_window_state (ReflectWindow *self)
{
  GSettings *settings = reflect_application_get_settings (get_app (self));
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
reflect_window_close_request (GtkWindow *window)
{
  ReflectWindow *self = REFLECT_WINDOW (window);

  /* Views flush pending edits when their run is taken away. */
  if (self->workspace != NULL)
    reflect_workspace_set_run (self->workspace, NULL);
  save_window_state (self);

  return GTK_WINDOW_CLASS (reflect_window_parent_class)->close_request (window);
}

/* The window's application is set after construction (it is not a
 * construct property), so this runs from reflect_window_new(). */
static void
setup_with_application (ReflectWindow *self)
{
  ReflectApplication *app = get_app (self);
  GSettings *settings = reflect_application_get_settings (app);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  reflect_sessions_page_set_catalog (self->sessions_page, reflect_application_get_catalog (app));
  reflect_sessions_page_set_store (self->sessions_page, reflect_application_get_store (app));
}

static void
reflect_window_class_init (ReflectWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  window_class->close_request = reflect_window_close_request;

  g_type_ensure (REFLECT_TYPE_SESSIONS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/reflect_practice/Reflect/ui/reflect-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ReflectWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ReflectWindow, places);
  gtk_widget_class_bind_template_child (widget_class, ReflectWindow, sessions_page);

  gtk_widget_class_install_action (widget_class, "win.new-session", NULL, new_session_activated);
  gtk_widget_class_install_action (widget_class, "win.manage-models", NULL,
                                   manage_models_activated);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_activated);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_activated);
  gtk_widget_class_install_action (widget_class, "win.backup-now", NULL, backup_now_activated);
  gtk_widget_class_install_action (widget_class, "win.import-session", NULL,
                                   import_session_activated);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL,
                                   restore_backup_activated);
  gtk_widget_class_install_action (widget_class, "win.open-session", "x", open_session_activated);
  gtk_widget_class_install_action (widget_class, "win.show-sessions", NULL,
                                   show_sessions_activated);
}

static void
reflect_window_init (ReflectWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ReflectWindow *
reflect_window_new (ReflectApplication *application)
{
  ReflectWindow *self = g_object_new (REFLECT_TYPE_WINDOW, "application", application, NULL);

  setup_with_application (self);
  return self;
}

/**
 * reflect_window_open_session:
 *
 * Opens the session's workspace.  Returns: %FALSE (and says why in a
 * toast) if it cannot be read
 */
gboolean
reflect_window_open_session (ReflectWindow *self,
                             gint64         session_id)
{
  ReflectApplication *app = get_app (self);
  g_autoptr(ReflectSession) session = NULL;
  g_autoptr(ReflectRun) run = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (REFLECT_IS_WINDOW (self), FALSE);

  session = reflect_store_load_session (reflect_application_get_store (app), session_id, &error);
  if (session != NULL)
    run = reflect_run_new (reflect_application_get_store (app),
                           reflect_application_get_catalog (app), session, &error);
  if (run == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the session: %s"),
                                                  error->message);
      g_warning ("%s", message);
      reflect_window_show_toast (self, message);
      return FALSE;
    }

  /* Made when first needed: its four views cost more to build than the
   * whole Sessions place, and many launches only look something up. */
  if (self->workspace == NULL)
    {
      self->workspace = g_object_new (REFLECT_TYPE_WORKSPACE, NULL);
      gtk_stack_add_titled (self->places, GTK_WIDGET (self->workspace), "workspace",
                            _("Session"));
    }
  reflect_workspace_set_run (self->workspace, run);
  gtk_stack_set_visible_child_name (self->places, "workspace");
  return TRUE;
}

/**
 * reflect_window_set_store:
 * @store: (nullable): the store to show, or %NULL while it is replaced
 *
 * Closes any open session and lists the sessions of @store.
 */
void
reflect_window_set_store (ReflectWindow  *self,
                          ReflectStore   *store,
                          ReflectCatalog *catalog)
{
  g_return_if_fail (REFLECT_IS_WINDOW (self));

  if (self->workspace != NULL)
    reflect_workspace_set_run (self->workspace, NULL);
  gtk_stack_set_visible_child_name (self->places, "sessions");
  if (catalog != NULL)
    reflect_sessions_page_set_catalog (self->sessions_page, catalog);
  reflect_sessions_page_set_store (self->sessions_page, store);
}

void
reflect_window_show_toast (ReflectWindow *self,
                           const char    *message)
{
  g_return_if_fail (REFLECT_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}
