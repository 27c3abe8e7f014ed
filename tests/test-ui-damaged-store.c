/* test-ui-damaged-store.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A database damaged where opening does not look: Reflect starts, shows
 * its window, finds the damage just after, explains, offers yesterday's
 * backup, and never writes to the damaged file.  Restoring brings the
 * sessions back and keeps the damaged file aside.
 *
 * Shown to fail: with the quick check not started in housekeeping_cb()
 * (reflect-application.c), no dialog appears and the test stops at
 * "'dialog' should not be NULL". */

#include "config.h"

#include <string.h>

#include "reflect-application.h"
#include "reflect-backup.h"
#include "reflect-catalog.h"
#include "reflect-test-env.h"
#include "reflect-test-ui.h"
#include "reflect-window.h"

#define find_message_dialog() ((AdwMessageDialog *)reflect_test_find_shown_window (ADW_TYPE_MESSAGE_DIALOG))
#define find_main_window() ((ReflectWindow *)reflect_test_find_shown_window (REFLECT_TYPE_WINDOW))

static void
make_damaged_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ReflectStore) store = reflect_store_open (path, &error);
  g_autoptr(ReflectCatalog) catalog = reflect_catalog_new (NULL);
  g_autofree char *backup = NULL;
  g_autofree char *bytes = NULL;
  gsize length;
  const gsize page_size = 4096;

  g_assert_no_error (error);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *case_ref = g_strdup_printf ("C-%04u", i);
      g_autoptr(ReflectSession) session =
        reflect_session_new (reflect_catalog_find_model (catalog, "space-to-think"));

      reflect_session_set_case_ref (session, case_ref);
      reflect_session_set_starts_at (session, 1700000000 + i * 3600);
      g_assert_true (reflect_store_create_session (store, session, &error));
    }
  backup = reflect_backup_make (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_true (reflect_store_checkpoint (store, &error));
  g_clear_object (&store);

  /* The last pages, which opening never reads. */
  g_assert_true (g_file_get_contents (path, &bytes, &length, &error));
  for (gsize page = length / page_size - 3; page < length / page_size; page++)
    for (gsize i = 0; i < 12; i++)
      bytes[page * page_size + i] ^= 0x5a;
  g_assert_true (g_file_set_contents (path, bytes, length, &error));
}

static char *home;

static void
test_damaged_store (void)
{
  g_autofree char *path = reflect_store_default_path ();
  g_autofree char *damaged = NULL;
  g_autofree char *after = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(ReflectApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  AdwMessageDialog *dialog;
  ReflectWindow *window;
  gsize damaged_length, after_length;
  const char *name;
  gboolean kept_aside = FALSE;

  make_damaged_store (path);
  g_assert_true (g_file_get_contents (path, &damaged, &damaged_length, &error));

  app = reflect_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  /* SQLite's words for the damage go to the log; the dialog's words are
   * for a person. */
  g_test_expect_message ("reflect-store", G_LOG_LEVEL_MESSAGE, "Damage found in*btreeInitPage*");
  g_test_expect_message ("reflect-application", G_LOG_LEVEL_WARNING, "*is damaged*");
  g_application_activate (G_APPLICATION (app));

  /* A dialog explains, names the file and offers the backup. */
  REFLECT_TEST_WAIT_FOR (find_message_dialog () != NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "btree"));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "restore"));
  g_assert_null (find_main_window ());
  g_test_assert_expected_messages ();

  /* No daily backup was made of the damaged file: yesterday's good one
   * is still the only one, not rotated out. */
  {
    g_auto(GStrv) backups = reflect_backup_list (path);
    g_assert_cmpuint (g_strv_length (backups), ==, 1);
  }

  /* Nothing was written to the damaged file. */
  g_assert_true (g_file_get_contents (path, &after, &after_length, &error));
  g_assert_cmpmem (after, after_length, damaged, damaged_length);

  adw_message_dialog_response (dialog, "restore");
  REFLECT_TEST_WAIT_FOR (find_main_window () != NULL);
  window = find_main_window ();
  g_assert_nonnull (window);

  /* The sessions are back, and the damaged file is kept beside them. */
  {
    g_autoptr(ReflectStore) store = reflect_store_open (path, &error);
    g_autoptr(GListModel) sessions = NULL;

    g_assert_no_error (error);
    sessions = reflect_store_list_sessions (store, &error);
    g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 60);
  }
  folder = g_path_get_dirname (path);
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "reflect.db.") && !g_str_has_suffix (name, "-wal") &&
        !g_str_has_suffix (name, "-shm"))
      {
        g_autofree char *aside = g_build_filename (folder, name, NULL);
        g_autofree char *kept = NULL;
        gsize kept_length;

        g_assert_true (g_file_get_contents (aside, &kept, &kept_length, NULL));
        if (kept_length == damaged_length && memcmp (kept, damaged, damaged_length) == 0)
          kept_aside = TRUE;
      }
  g_assert_true (kept_aside);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  home = reflect_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/damaged-store", test_damaged_store);

  status = g_test_run ();
  return reflect_test_ui_finish (status, home);
}
