/* reflect-session-import.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-session-import"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-session-import.h"
#include "reflect-session-transfer.h"

/* Import a session file: choose it, import it, and if the session is
 * already here ask before replacing it.  A refused file is explained
 * (the fault and its place in the file); nothing is half-imported. */

typedef struct
{
  GtkWindow                  *parent;
  ReflectStore               *store;
  ReflectSessionImportedFunc  callback;
  gpointer                    user_data;
  char                       *data;
  gsize                       length;
  char                       *name;
} Import;

static void
import_free (Import *import)
{
  g_clear_object (&import->parent);
  g_clear_object (&import->store);
  g_free (import->data);
  g_free (import->name);
  g_free (import);
}

static void
tell (Import     *import,
      const char *heading,
      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (import->parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_now (Import   *import,
            gboolean  replace);

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Import           *import)
{
  if (g_str_equal (response, "replace"))
    import_now (import, TRUE);
  else
    import_free (import);
}

static void
import_now (Import   *import,
            gboolean  replace)
{
  g_autoptr(GError) error = NULL;
  gint64 id = reflect_session_import_json (import->store, import->data, import->length,
                                           import->name, replace, &error);

  if (id == 0 && g_error_matches (error, REFLECT_SESSION_TRANSFER_ERROR,
                                  REFLECT_SESSION_TRANSFER_ERROR_EXISTS))
    {
      GtkWidget *dialog = adw_message_dialog_new (import->parent, _("Replace the Session?"),
                                                  error->message);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "replace", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (replace_response_cb), import);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (id == 0)
    tell (import, _("The Session Was Not Imported"), error->message);
  else if (import->callback != NULL)
    import->callback (id, import->user_data);

  import_free (import);
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  Import          *import)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      import->name = g_file_get_basename (file);
      if (!g_file_load_contents (file, NULL, &import->data, &import->length, NULL, &error))
        {
          tell (import, _("The Session Was Not Imported"), error->message);
          import_free (import);
        }
      else
        import_now (import, FALSE);
    }
  else
    import_free (import);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * reflect_session_import_dialog_run:
 * @callback: (nullable): told the new session's id when it is imported
 *
 * Asks for a session file (as exported from the Record view) and imports it.
 */
void
reflect_session_import_dialog_run (GtkWindow                  *parent,
                                   ReflectStore               *store,
                                   ReflectSessionImportedFunc  callback,
                                   gpointer                    user_data)
{
  Import *import = g_new0 (Import, 1);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (REFLECT_IS_STORE (store));

  import->parent = parent ? g_object_ref (parent) : NULL;
  import->store = g_object_ref (store);
  import->callback = callback;
  import->user_data = user_data;

  chooser = gtk_file_chooser_native_new (_("Import Session"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_filter_set_name (filter, _("Session files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), import);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
