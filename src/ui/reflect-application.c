/* reflect-application.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-application"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-application.h"
#include "reflect-backup.h"
#include "reflect-help.h"
#include "reflect-store-history.h"
#include "reflect-window.h"

struct _ReflectApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  ReflectStore   *store;
  ReflectCatalog *catalog;
  guint           housekeeping_id;
};

G_DEFINE_FINAL_TYPE (ReflectApplication, reflect_application, ADW_TYPE_APPLICATION)

static void open_store      (ReflectApplication *self);
static void apply_retention (ReflectApplication *self);

static void
present_main_window (ReflectApplication *self)
{
  GtkWindow *window = NULL;

  /* Not the active window: that may be the dialog about a damaged store,
   * still on screen while its answer is handled. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (REFLECT_IS_WINDOW (l->data))
      {
        window = l->data;
        break;
      }

  if (window == NULL)
    window = GTK_WINDOW (reflect_window_new (self));

  gtk_window_present (window);
}

static void
store_error_response_cb (AdwMessageDialog   *dialog,
                         const char         *response,
                         ReflectApplication *self)
{
  g_autofree char *path = reflect_store_default_path ();
  g_autofree char *moved_to = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "restore") == 0)
    {
      g_auto(GStrv) backups = reflect_backup_list (path);

      /* reflect_backup_restore() checks the backup first and moves the
       * damaged file aside; it never deletes it. */
      if (backups[0] == NULL || !reflect_backup_restore (backups[0], path, &moved_to, &error))
        {
          g_warning ("Could not restore the latest backup: %s",
                     error ? error->message : "no backup");
          g_application_release (G_APPLICATION (self));
          return;
        }
      g_message ("Restored %s; the unreadable database was moved to %s", backups[0], moved_to);
    }
  else if (g_strcmp0 (response, "new") == 0)
    {
      /* Never delete: the damaged file is renamed so nothing in it is lost. */
      if (!reflect_store_move_aside (path, &moved_to, &error))
        g_warning ("%s", error->message);
      else
        g_message ("The unreadable database was moved to %s", moved_to);
    }
  else
    {
      g_application_release (G_APPLICATION (self));
      return;
    }

  open_store (self);
  if (self->store != NULL)
    present_main_window (self);
  g_application_release (G_APPLICATION (self));
}

static void
show_store_error (ReflectApplication *self,
                  const GError       *error)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;
  g_autofree char *path = reflect_store_default_path ();
  g_auto(GStrv) backups = reflect_backup_list (path);

  g_warning ("%s", error->message);

  if (backups[0] != NULL)
    body = g_strdup_printf (_("%s\n\nReflect can restore the latest backup, or start with a new empty database. Either way this file is moved aside, untouched."),
                            error->message);
  else
    body = g_strdup_printf (_("%s\n\nReflect can move this file aside, keeping it untouched, and start with a new empty database."),
                            error->message);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Your Sessions Could Not Be Opened"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "quit", _("_Quit"),
                                    "new", _("_Move Aside and Start Afresh"),
                                    NULL);
  if (backups[0] != NULL)
    {
      adw_message_dialog_add_response (dialog, "restore", _("_Restore Latest Backup"));
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
    }
  else
    adw_message_dialog_set_response_appearance (dialog, "new", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "quit");
  adw_message_dialog_set_close_response (dialog, "quit");

  /* A newer database belongs to a newer Reflect: do not offer to set it aside. */
  if (g_error_matches (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_NEWER))
    {
      adw_message_dialog_set_response_enabled (dialog, "new", FALSE);
      if (backups[0] != NULL)
        adw_message_dialog_set_response_enabled (dialog, "restore", FALSE);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (store_error_response_cb), self);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The whole file has been read.  Sound: make the daily backup and apply
 * the retention policy.  Damaged in a way opening did not reveal: close
 * what shows the store, and say so as if it had been found at once. */
static void
quick_check_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ReflectApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) windows = NULL;

  if (REFLECT_STORE (source) != self->store)
    return;

  if (reflect_store_quick_check_finish (REFLECT_STORE (source), result, &error))
    {
      g_autofree char *backup = reflect_backup_make_daily (self->store,
                                                           g_get_real_time () / G_USEC_PER_SEC,
                                                           &error);
      if (error != NULL)
        g_warning ("Daily backup failed: %s", error->message);
      else if (backup != NULL)
        g_debug ("Backed up to %s", backup);

      apply_retention (self);
      return;
    }

  /* The dialog holds the application, so closing the windows does not
   * quit it. */
  show_store_error (self, error);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (REFLECT_IS_WINDOW (l->data))
      {
        reflect_window_set_store (l->data, NULL, NULL);
        gtk_window_destroy (l->data);
      }
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
}

static void
open_store (ReflectApplication *self)
{
  g_autofree char *path = reflect_store_default_path ();
  g_autoptr(GError) error = NULL;

  self->store = reflect_store_open (path, &error);
  if (self->store == NULL)
    {
      show_store_error (self, error);
      return;
    }

  self->catalog = reflect_catalog_new (self->store);

}

static void
retention_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       ReflectApplication *self)
{
  g_autoptr(GError) error = NULL;
  guint months = g_settings_get_uint (self->settings, "retention-months");

  if (g_strcmp0 (response, "delete") != 0 || self->store == NULL)
    return;

  g_settings_set_boolean (self->settings, "retention-confirmed", TRUE);
  if (reflect_store_delete_expired_sessions (self->store, months,
                                             g_get_real_time () / G_USEC_PER_SEC, &error) == 0 &&
      error != NULL)
    g_warning ("Retention: %s", error->message);
}

/* Deletes finished sessions past the retention period.  The first time,
 * it says what it is about to delete and asks. */
static void
apply_retention (ReflectApplication *self)
{
  guint months = g_settings_get_uint (self->settings, "retention-months");
  g_autoptr(GArray) expired = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (months == 0)
    return;

  expired = reflect_store_list_expired_sessions (self->store, months,
                                                 g_get_real_time () / G_USEC_PER_SEC, &error);
  if (expired == NULL || expired->len == 0)
    return;

  if (g_settings_get_boolean (self->settings, "retention-confirmed"))
    {
      retention_response_cb (NULL, "delete", self);
      return;
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u finished session is older than your retention period of %u months. It will be deleted for good, with everything recorded in it.",
                                       "%u finished sessions are older than your retention period of %u months. They will be deleted for good, with everything recorded in them.",
                                       expired->len),
                          expired->len, months);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Delete Old Sessions?"), body));
  adw_message_dialog_add_responses (dialog, "later", _("_Not Now"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "later");
  adw_message_dialog_set_close_response (dialog, "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (retention_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Runs once the first window is on screen, so it never delays it: the
 * whole file is checked first, and only a sound database is backed up, so
 * the daily backup never rotates a good copy out for a damaged one. */
static gboolean
housekeeping_cb (gpointer user_data)
{
  ReflectApplication *self = user_data;

  self->housekeeping_id = 0;
  if (self->store != NULL)
    reflect_store_quick_check_async (self->store, NULL, quick_check_cb, g_object_ref (self));

  /* Said here rather than at launch, which does not read the catalog. */
  for (const char * const *e = self->catalog ? reflect_catalog_get_errors (self->catalog) : NULL;
       e != NULL && *e != NULL; e++)
    g_warning ("Left out: %s", *e);
  return G_SOURCE_REMOVE;
}

static void
reflect_application_activate (GApplication *app)
{
  ReflectApplication *self = REFLECT_APPLICATION (app);

  if (self->store == NULL)
    {
      /* The error dialog is already up from startup, or shows now. */
      if (gtk_application_get_active_window (GTK_APPLICATION (self)) == NULL)
        open_store (self);
      if (self->store == NULL)
        return;
    }

  present_main_window (self);

  if (self->housekeeping_id == 0)
    self->housekeeping_id = g_timeout_add_seconds_full (G_PRIORITY_LOW, 2, housekeeping_cb,
                                                        self, NULL);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  ReflectApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing each window lets it save what is pending before the app exits. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  ReflectApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwAboutWindow *about;
  const char *developers[] = { _("The Reflect developers"), NULL };

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Reflect"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Reflect developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (about, _("Facilitate multi-agency reflective practice sessions"));
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_add_acknowledgement_section (about, _("Practice guidance"),
    (const char *[]) {
      _("Salford Safeguarding Children Partnership: Space to Think, Reflective Practice Guidance"),
      _("Reflective questions adapted from McClure (2002)"),
      _("Model for multi-agency professional reflective discussions, after Morrison (2005) Staff Supervision in Social Care"),
      _("Gloucestershire Safeguarding Children Board: Safeguarding Practice Reflection areas"),
      _("Durham Safeguarding Children Partnership: Multi-Agency Reflective Supervision Guidance (April 2025)"),
      NULL,
    });
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  ReflectApplication *self = user_data;

  reflect_help_show (gtk_application_get_active_window (GTK_APPLICATION (self)),
                     parameter != NULL ? g_variant_get_string (parameter, NULL) : NULL);
}

static void
update_colour_scheme (ReflectApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint value = (guint)g_settings_get_enum (self->settings, "colour-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (value, G_N_ELEMENTS (schemes) - 1)]);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "help", help_activated },
  { "help-page", help_activated, "s" },
};

static void
reflect_application_startup (GApplication *app)
{
  ReflectApplication *self = REFLECT_APPLICATION (app);
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  G_APPLICATION_CLASS (reflect_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  gtk_application_set_accels_for_action (gtk_app, "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.help", (const char *[]) { "F1", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.new-session",
                                         (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-shortcuts",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.preferences",
                                         (const char *[]) { "<Control>comma", NULL });

  g_signal_connect_object (self->settings, "changed::colour-scheme",
                           G_CALLBACK (update_colour_scheme), self, G_CONNECT_SWAPPED);
  update_colour_scheme (self);
}

static void
reflect_application_finalize (GObject *object)
{
  ReflectApplication *self = (ReflectApplication *)object;

  g_clear_handle_id (&self->housekeeping_id, g_source_remove);
  g_clear_object (&self->catalog);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (reflect_application_parent_class)->finalize (object);
}

static void
reflect_application_class_init (ReflectApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = reflect_application_finalize;
  app_class->activate = reflect_application_activate;
  app_class->startup = reflect_application_startup;
}

static void
reflect_application_init (ReflectApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

ReflectApplication *
reflect_application_new (void)
{
  return g_object_new (REFLECT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/reflect_practice/Reflect",
                       NULL);
}

/**
 * reflect_application_get_store:
 *
 * Returns: (transfer none): the one store of the app
 */
ReflectStore *
reflect_application_get_store (ReflectApplication *self)
{
  g_return_val_if_fail (REFLECT_IS_APPLICATION (self), NULL);
  return self->store;
}

ReflectCatalog *
reflect_application_get_catalog (ReflectApplication *self)
{
  g_return_val_if_fail (REFLECT_IS_APPLICATION (self), NULL);
  return self->catalog;
}

/**
 * reflect_application_restore_backup:
 *
 * Replaces the database with @backup_path: closes what every window shows,
 * closes the store, restores (which checks the backup first and keeps the
 * current database aside), and opens the store again.
 */
gboolean
reflect_application_restore_backup (ReflectApplication  *self,
                                    const char          *backup_path,
                                    GError             **error)
{
  g_autofree char *path = reflect_store_default_path ();
  g_autofree char *aside = NULL;
  GList *windows;
  gboolean restored;

  g_return_val_if_fail (REFLECT_IS_APPLICATION (self), FALSE);

  /* Refuse a bad backup before closing anything. */
  if (!reflect_backup_check (backup_path, error))
    return FALSE;

  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  for (GList *l = windows; l != NULL; l = l->next)
    if (REFLECT_IS_WINDOW (l->data))
      reflect_window_set_store (l->data, NULL, NULL);

  g_clear_object (&self->catalog);
  g_clear_object (&self->store);

  restored = reflect_backup_restore (backup_path, path, &aside, error);
  if (restored)
    g_message ("Restored %s; the previous database was kept as %s", backup_path, aside);

  self->store = reflect_store_open (path, restored ? error : NULL);
  if (self->store == NULL)
    return FALSE;
  self->catalog = reflect_catalog_new (self->store);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (REFLECT_IS_WINDOW (l->data))
      reflect_window_set_store (l->data, self->store, self->catalog);

  return restored;
}

GSettings *
reflect_application_get_settings (ReflectApplication *self)
{
  g_return_val_if_fail (REFLECT_IS_APPLICATION (self), NULL);
  return self->settings;
}
