/* reflect-help.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-help"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "reflect-help.h"

/* Help opens in a help viewer (Yelp) as help:reflect.  Where there is none,
 * opening it fails, and saying nothing would leave F1 looking broken: say
 * so, and offer the same guide as HTML in a web browser (help/meson.build
 * builds it with yelp-build and installs it as DATADIR/reflect/help-html;
 * build-aux/run.sh puts the build tree's copy on XDG_DATA_DIRS). */

#define README_URL "https://github.com/reflect-practice/reflect#using-reflect"

typedef struct
{
  GtkWindow *parent;
  char      *page;
} ShowHelp;

static void
show_help_free (ShowHelp *data)
{
  g_clear_weak_pointer (&data->parent);
  g_free (data->page);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShowHelp, show_help_free)

/* The HTML of @page, or of the guide's first page, from the first data
 * folder that has it. */
static char *
find_html (const char *page)
{
  const char * const *system_dirs = g_get_system_data_dirs ();
  g_autofree char *name = g_strconcat (page != NULL && *page != '\0' ? page : "index",
                                       ".html", NULL);
  g_autofree char *first = g_build_filename (g_get_user_data_dir (), "reflect", "help-html",
                                             name, NULL);

  if (g_file_test (first, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&first);

  for (guint i = 0; system_dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (system_dirs[i], "reflect", "help-html", name,
                                                NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }

  /* A page that is not there as HTML: the guide from its start. */
  return page != NULL && *page != '\0' ? find_html (NULL) : NULL;
}

static void
browser_shown_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autofree char *path = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_autofree char *folder = g_path_get_dirname (path);
      g_autofree char *body = NULL;
      AdwMessageDialog *dialog;

      g_message ("Could not open %s: %s", path, error->message);
      /* Translators: %s is a folder, e.g. /usr/share/reflect/help-html */
      body = g_strdup_printf (_("No web browser could open it either. The guide is in the "
                                "folder %s: open index.html there with any program that "
                                "shows web pages."),
                              folder);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (source),
                                                           _("Help Could Not Be Opened"),
                                                           body));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

#define HTML_KEY "reflect-help-html"

static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), HTML_KEY);
  g_autofree char *uri = NULL;

  if (g_strcmp0 (response, "browser") != 0 || path == NULL)
    return;

  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri != NULL)
    gtk_show_uri_full (gtk_window_get_transient_for (GTK_WINDOW (dialog)), uri,
                       GDK_CURRENT_TIME, NULL, browser_shown_cb, g_strdup (path));
}

static void
show_error (GtkWindow    *parent,
            const char   *page,
            const GError *error)
{
  AdwMessageDialog *dialog;
  g_autofree char *html = find_html (page);
  g_autoptr(GString) body = g_string_new (NULL);

  /* GIO says "not supported" when no installed program opens help:
   * links, which on a computer without a help viewer is the usual case. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    g_string_append (body, _("Reflect’s guide opens in a help viewer, and there is none on "
                             "this computer."));
  else
    g_string_append (body, _("The help viewer on this computer could not be started."));

  g_string_append (body, " ");
  if (html != NULL)
    g_string_append (body, _("You can read the same guide in your web browser."));
  else
    /* Translators: %s is the address of Reflect's web page */
    g_string_append_printf (body, _("Whoever looks after your computer can install one: "
                                    "GNOME’s Help app. A short guide to Reflect is also on "
                                    "its web page, %s."),
                            README_URL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Help Could Not Be Opened"),
                                                       body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (html != NULL)
    {
      adw_message_dialog_add_response (dialog, "browser", _("Open in _Web Browser"));
      adw_message_dialog_set_response_appearance (dialog, "browser", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "browser");
    }
  adw_message_dialog_set_close_response (dialog, "close");
  g_object_set_data_full (G_OBJECT (dialog), HTML_KEY, g_steal_pointer (&html), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (error_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
help_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ShowHelp) data = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    return;

  g_message ("Could not show help: %s", error->message);
  show_error (data->parent, data->page, error);
}

/**
 * reflect_help_show:
 * @parent: (nullable): the window help is asked from
 * @page: (nullable): a page of the guide, e.g. "privacy", or %NULL for its start
 *
 * Opens the guide in the help viewer, or says why it cannot and offers it
 * in a web browser.
 */
void
reflect_help_show (GtkWindow  *parent,
                   const char *page)
{
  ShowHelp *data;
  g_autofree char *uri = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  uri = page != NULL && *page != '\0' ? g_strdup_printf ("help:reflect/%s", page)
                                      : g_strdup ("help:reflect");
  data = g_new0 (ShowHelp, 1);
  g_set_weak_pointer (&data->parent, parent);
  data->page = g_strdup (page);
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, help_shown_cb, data);
}
