/* reflect-backup.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "reflect-backup.h"
#include "reflect-store-private.h"

/* Backups are whole copies of the database made with SQLite's backup API
 * (consistent even while the app writes), kept beside it in a folder only
 * the user can open, each file created 0600 before SQLite writes to it. */

#define PREFIX "reflect-"
#define SUFFIX ".db"

/**
 * reflect_backup_get_folder:
 *
 * Returns: (transfer full): the folder that holds the backups of
 * @database_path
 */
char *
reflect_backup_get_folder (const char *database_path)
{
  g_autofree char *dir = g_path_get_dirname (database_path);

  return g_build_filename (dir, "backups", NULL);
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_IO,
                   _("Could not create “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/**
 * reflect_backup_write:
 * @destination: a file that must not exist yet
 *
 * Copies the whole database into @destination (mode 0600).
 */
gboolean
reflect_backup_write (ReflectStore  *store,
                      const char    *destination,
                      GError       **error)
{
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (store), FALSE);

  if (!create_private_file (destination, error))
    return FALSE;

  rc = sqlite3_open_v2 (destination, &target, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", reflect_store_get_db (store), "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (target);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_IO,
                   _("Could not back up to “%s”: %s"), destination,
                   target ? sqlite3_errmsg (target) : sqlite3_errstr (rc));
      sqlite3_close (target);
      g_unlink (destination);
      return FALSE;
    }

  /* A backup is a single file: no journal left beside it. */
  sqlite3_exec (target, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (target);
  return TRUE;
}

static char *
new_backup_path (ReflectStore *store,
                 gint64        now)
{
  g_autofree char *folder = reflect_backup_get_folder (reflect_store_get_path (store));
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (now);
  g_autofree char *stamp = g_date_time_format (time, "%Y%m%d-%H%M%S");
  char *path = g_strdup_printf ("%s/" PREFIX "%s" SUFFIX, folder, stamp);

  for (guint i = 2; g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (path);
      path = g_strdup_printf ("%s/" PREFIX "%s-%u" SUFFIX, folder, stamp, i);
    }
  return path;
}

/**
 * reflect_backup_make:
 *
 * Backs up now into the backups folder, then keeps only the newest
 * %REFLECT_BACKUPS_KEPT.  Returns: (transfer full) (nullable): the new file
 */
char *
reflect_backup_make (ReflectStore  *store,
                     GError       **error)
{
  g_autofree char *path = new_backup_path (store, g_get_real_time () / G_USEC_PER_SEC);

  if (!reflect_backup_write (store, path, error))
    return NULL;

  reflect_backup_prune (reflect_store_get_path (store), REFLECT_BACKUPS_KEPT);
  return g_steal_pointer (&path);
}

static gint64
backup_time (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64)st.st_mtime : 0;
}

/**
 * reflect_backup_make_daily:
 * @now: the current unix time
 *
 * Backs up if the newest backup is a day old or more.  Returns: (transfer
 * full) (nullable): the new file, or %NULL if none was due (no error) or it
 * failed (error set)
 */
char *
reflect_backup_make_daily (ReflectStore  *store,
                           gint64         now,
                           GError       **error)
{
  g_auto(GStrv) existing = reflect_backup_list (reflect_store_get_path (store));
  g_autofree char *path = NULL;

  if (existing[0] != NULL && now - backup_time (existing[0]) < 24 * 60 * 60)
    return NULL;

  path = new_backup_path (store, now);
  if (!reflect_backup_write (store, path, error))
    return NULL;

  reflect_backup_prune (reflect_store_get_path (store), REFLECT_BACKUPS_KEPT);
  return g_steal_pointer (&path);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const char *pa = *(const char * const *)a;
  const char *pb = *(const char * const *)b;
  gint64 ta = backup_time (pa);
  gint64 tb = backup_time (pb);

  if (ta != tb)
    return ta > tb ? -1 : 1;
  return -g_strcmp0 (pa, pb);
}

/**
 * reflect_backup_list:
 *
 * Returns: (transfer full): the backups of @database_path, newest first
 */
GStrv
reflect_backup_list (const char *database_path)
{
  g_autofree char *folder = reflect_backup_get_folder (database_path);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, PREFIX) && g_str_has_suffix (name, SUFFIX))
      g_ptr_array_add (paths, g_build_filename (folder, name, NULL));

  g_ptr_array_sort (paths, compare_newest_first);
  return (GStrv)g_ptr_array_steal (paths, NULL);
}

/**
 * reflect_backup_prune:
 *
 * Deletes all but the newest @keep backups.
 */
void
reflect_backup_prune (const char *database_path,
                      guint       keep)
{
  g_auto(GStrv) paths = reflect_backup_list (database_path);
  guint n = g_strv_length (paths);

  for (guint i = keep; i < n; i++)
    if (g_unlink (paths[i]) != 0)
      g_warning ("Could not remove the old backup %s: %s", paths[i], g_strerror (errno));
}

/**
 * reflect_backup_check:
 *
 * Checks that @backup_path is a sound Reflect database this version can
 * open, without changing it.
 */
gboolean
reflect_backup_check (const char  *backup_path,
                      GError     **error)
{
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char header[16] = { 0 };
  gboolean ok = FALSE;
  FILE *file;
  int version = -1;

  file = g_fopen (backup_path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_IO,
                   _("Could not read “%s”: %s"), backup_path, g_strerror (saved_errno));
      return FALSE;
    }
  if (fread (header, 1, sizeof header, file) != sizeof header ||
      memcmp (header, "SQLite format 3", 16) != 0)
    {
      fclose (file);
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Reflect backup."), backup_path);
      return FALSE;
    }
  fclose (file);

  /* Read-only and immutable: checking a backup must never write to it. */
  uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", backup_path);
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    goto damaged;

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW ||
      g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    goto damaged;
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (version > REFLECT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_NEWER,
                   _("“%s” was made by a newer version of Reflect and cannot be restored here."),
                   backup_path);
      sqlite3_close (db);
      return FALSE;
    }

  if (version < 1 ||
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM sessions", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Reflect backup."), backup_path);
      return FALSE;
    }
  ok = TRUE;

damaged:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (!ok)
    g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged and cannot be restored."), backup_path);
  return ok;
}

/**
 * reflect_backup_restore:
 * @kept_aside: (out) (optional): where the current database was moved
 *
 * Replaces the database with a copy of @backup_path, after checking the
 * backup.  The current database is moved aside, never deleted.  The store
 * of @database_path must be closed first.
 */
gboolean
reflect_backup_restore (const char  *backup_path,
                        const char  *database_path,
                        char       **kept_aside,
                        GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *aside = NULL;
  gsize length;

  if (!reflect_backup_check (backup_path, error))
    return FALSE;

  if (!g_file_get_contents (backup_path, &contents, &length, error))
    return FALSE;

  if (g_file_test (database_path, G_FILE_TEST_EXISTS) &&
      !reflect_store_move_aside_as (database_path, "before-restore", &aside, error))
    return FALSE;

  if (!create_private_file (database_path, error) ||
      !g_file_set_contents_full (database_path, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    {
      /* Put the current database back where it was. */
      if (aside != NULL)
        {
          g_unlink (database_path);
          g_rename (aside, database_path);
        }
      return FALSE;
    }

  if (kept_aside != NULL)
    *kept_aside = g_steal_pointer (&aside);
  return TRUE;
}
