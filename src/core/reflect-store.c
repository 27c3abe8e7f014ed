/* reflect-store.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reflect-store-private.h"
#include "reflect-utils.h"

struct _ReflectStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;  /* SQL text → sqlite3_stmt, finalised with the store */
  int         schema_version;
  guint       transaction_depth;
};

G_DEFINE_FINAL_TYPE (ReflectStore, reflect_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (reflect-store-error-quark, reflect_store_error)

static const char sqlite_header[16] = "SQLite format 3";

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
reflect_store_finalize (GObject *object)
{
  ReflectStore *self = (ReflectStore *)object;

  /* Statements must go before the connection they belong to. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (reflect_store_parent_class)->finalize (object);
}

static void
reflect_store_class_init (ReflectStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reflect_store_finalize;

  /**
   * ReflectStore::changed:
   * @session_id: the session that changed, or 0 for the list as a whole
   *
   * Emitted after a committed change that other views may show.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
reflect_store_init (ReflectStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/**
 * reflect_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/reflect/reflect.db`
 */
char *
reflect_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "reflect", "reflect.db", NULL);
}

static ReflectStoreError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return REFLECT_STORE_ERROR_NOT_A_DATABASE;
    case SQLITE_CORRUPT:
      return REFLECT_STORE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return REFLECT_STORE_ERROR_BUSY;
    case SQLITE_CONSTRAINT:
      return REFLECT_STORE_ERROR_INVALID;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return REFLECT_STORE_ERROR_IO;
    default:
      return REFLECT_STORE_ERROR_FAILED;
    }
}

void
reflect_store_set_error (ReflectStore  *self,
                         GError       **error,
                         const char    *what)
{
  int rc = sqlite3_extended_errcode (self->db);

  g_set_error (error, REFLECT_STORE_ERROR, error_code_for (rc), "%s: %s", what,
               sqlite3_errmsg (self->db));
}

sqlite3 *
reflect_store_get_db (ReflectStore *self)
{
  return self->db;
}

/**
 * reflect_store_prepare:
 *
 * Returns: (transfer none) (nullable): a cached statement for @sql, reset and
 * with no bindings.  Hold it with g_autoptr(sqlite3_stmt) so it is reset
 * again when the caller is done.
 */
sqlite3_stmt *
reflect_store_prepare (ReflectStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      reflect_store_set_error (self, error, _("Could not prepare a database query"));
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
reflect_store_exec (ReflectStore  *self,
                    const char    *sql,
                    GError       **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, REFLECT_STORE_ERROR,
                   error_code_for (sqlite3_extended_errcode (self->db)),
                   "%s", message ? message : sqlite3_errmsg (self->db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

gboolean
reflect_store_step_done (ReflectStore  *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      reflect_store_set_error (self, error, _("Could not save to the database"));
      return FALSE;
    }
  return TRUE;
}

/**
 * reflect_store_begin:
 *
 * Starts a transaction, or a savepoint inside the one already open, so a
 * store function that writes in one transaction can also be a step of a
 * larger one (a follow-up creates a session, then carries things into it).
 */
gboolean
reflect_store_begin (ReflectStore  *self,
                     GError       **error)
{
  g_autofree char *sql = NULL;

  if (self->transaction_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT reflect_%u", self->transaction_depth);

  if (!reflect_store_exec (self, sql, error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

gboolean
reflect_store_commit (ReflectStore  *self,
                      GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE reflect_%u", self->transaction_depth - 1);

  if (!reflect_store_exec (self, sql, error))
    return FALSE;
  self->transaction_depth--;
  return TRUE;
}

void
reflect_store_rollback (ReflectStore *self)
{
  g_autofree char *sql = NULL;

  if (self->transaction_depth == 0)
    return;

  self->transaction_depth--;
  if (self->transaction_depth == 0)
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return;
    }

  sql = g_strdup_printf ("ROLLBACK TO reflect_%u; RELEASE reflect_%u", self->transaction_depth,
                         self->transaction_depth);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

void
reflect_store_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

const char *
reflect_store_column_text (sqlite3_stmt *stmt,
                           int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  return text ? text : "";
}

void
reflect_store_emit_changed (ReflectStore *self,
                            gint64        session_id)
{
  g_signal_emit (self, signals[CHANGED], 0, session_id);
}

/* The folder holds records about children: only the user may enter it,
 * and the database exists with mode 0600 before SQLite first opens it, so
 * there is no moment when it is readable by others.  SQLite gives the
 * -wal and -shm files the database file's mode. */
static gboolean
prepare_files (const char  *path,
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

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_IO,
                   _("Could not open the database “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  if (fchmod (fd, 0600) != 0)
    g_warning ("Could not restrict the mode of %s: %s", path, g_strerror (errno));

  /* A file that is not empty must start with the SQLite header; anything
   * else is refused before SQLite sees it, so it is never rewritten. */
  {
    char header[16] = { 0 };
    gssize n = read (fd, header, sizeof header);
    close (fd);

    if (n > 0 && (n < (gssize)sizeof header || memcmp (header, sqlite_header, sizeof header) != 0))
      {
        g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_NOT_A_DATABASE,
                     _("“%s” is not a Reflect database (it is not an SQLite file). It has not been changed."),
                     path);
        return FALSE;
      }
  }

  return TRUE;
}

static gboolean
configure_connection (ReflectStore  *self,
                      GError       **error)
{
  g_autofree char *journal = NULL;
  sqlite3_stmt *stmt = NULL;

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);

  if (!reflect_store_exec (self,
                           "PRAGMA trusted_schema = OFF;"
                           "PRAGMA foreign_keys = ON;"
                           "PRAGMA secure_delete = ON;",
                           error))
    return FALSE;

  /* journal_mode answers with the mode it ended in; a file that is not a
   * database fails here with SQLITE_NOTADB. */
  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      reflect_store_set_error (self, error, _("Could not open the database"));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  journal = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (g_ascii_strcasecmp (journal ? journal : "", "wal") != 0)
    g_warning ("The database is in journal mode %s, not WAL", journal);

  /* FULL: a committed edit survives a power cut, not just a crash. */
  return reflect_store_exec (self, "PRAGMA synchronous = FULL;", error);
}

static ReflectStore *
open_store (const char  *path,
            int          version,
            GError     **error)
{
  g_autoptr(ReflectStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!prepare_files (path, error))
    return NULL;

  self = g_object_new (REFLECT_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      reflect_store_set_error (self, error, _("Could not open the database"));
      return NULL;
    }

  if (!configure_connection (self, &local_error) ||
      !reflect_store_migrate (self->db, version, &local_error))
    {
      /* Name the file: a person needs to know which file is at fault. */
      g_set_error (error, local_error->domain, local_error->code, "%s (%s)",
                   local_error->message, path);
      return NULL;
    }

  {
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step (stmt) == SQLITE_ROW)
      self->schema_version = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
  }

  return g_steal_pointer (&self);
}

/**
 * reflect_store_open:
 * @path: the database file; created (mode 0600, folder 0700) if missing
 *
 * Opens the database and brings its schema up to date.  A file that is not
 * a database, is damaged or was written by a newer Reflect is refused with
 * an error naming it, and is left exactly as it was.
 *
 * Returns: (transfer full) (nullable): the store
 */
ReflectStore *
reflect_store_open (const char  *path,
                    GError     **error)
{
  return open_store (path, REFLECT_STORE_SCHEMA_VERSION, error);
}

/**
 * reflect_store_open_at_version:
 *
 * Like reflect_store_open() but stops migrating at @version; tests use it
 * to build databases as earlier releases left them.
 */
ReflectStore *
reflect_store_open_at_version (const char  *path,
                               int          version,
                               GError     **error)
{
  return open_store (path, version, error);
}

/**
 * reflect_store_move_aside:
 * @moved_to: (out) (optional): where the file went
 *
 * Renames a database that could not be opened, with its -wal and -shm
 * files, to `NAME.unreadable-YYYYMMDD-HHMMSS`, so that a new one can be
 * started without deleting anything.
 */
gboolean
reflect_store_move_aside (const char  *path,
                          char       **moved_to,
                          GError     **error)
{
  return reflect_store_move_aside_as (path, "unreadable", moved_to, error);
}

/**
 * reflect_store_move_aside_as:
 * @reason: a word for the file name saying why it was moved
 *
 * Like reflect_store_move_aside(), naming the file `NAME.REASON-TIME`.
 */
gboolean
reflect_store_move_aside_as (const char  *path,
                             const char  *reason,
                             char       **moved_to,
                             GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.%s-%s", path, reason, stamp);
  const char *suffixes[] = { "-wal", "-shm" };

  for (guint i = 1; g_file_test (target, G_FILE_TEST_EXISTS); i++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.%s-%s-%u", path, reason, stamp, i);
    }

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_IO,
                   _("Could not move “%s” aside: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);
      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        g_warning ("Could not move %s aside: %s", from, g_strerror (errno));
    }

  if (moved_to != NULL)
    *moved_to = g_steal_pointer (&target);
  return TRUE;
}

const char *
reflect_store_get_path (ReflectStore *self)
{
  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);
  return self->path;
}

int
reflect_store_get_schema_version (ReflectStore *self)
{
  g_return_val_if_fail (REFLECT_IS_STORE (self), 0);
  return self->schema_version;
}

/* What SQLite says of the damage ("Page 43: btreeInitPage() returns
 * error code 11") means nothing to the person reading the dialog: it
 * goes to the log, for whoever looks at the file later. */
static void
set_damaged_error (GError     **error,
                   const char  *path,
                   const char  *detail)
{
  g_message ("Damage found in %s: %s", path, detail);
  g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_CORRUPT,
               _("The database “%s” is damaged: part of what it holds can no longer be read."),
               path);
}

static void
quick_check_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const char *path = task_data;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc;

  /* A connection of its own, read only: the store's connection stays with
   * the main thread, and WAL lets both read at once. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  /* One row "ok", or a row per problem, the first behind a "*** in
   * database main ***" line; the first problem says enough. */
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *line = (const char *)sqlite3_column_text (stmt, 0);

      if (line != NULL && g_str_has_prefix (line, "*** ") && strchr (line, '\n') != NULL)
        line = strchr (line, '\n') + 1;
      if (g_strcmp0 (line, "ok") != 0)
        problem = g_strdup (line != NULL ? line : "?");
    }
  if (rc != SQLITE_OK)
    problem = g_strdup (db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (problem != NULL)
    {
      GError *error = NULL;

      set_damaged_error (&error, path, problem);
      g_task_return_error (task, error);
    }
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * reflect_store_quick_check_async:
 *
 * Reads every page of the database in a worker thread, with a connection
 * of its own, to find damage that opening it does not reveal: a flipped
 * bit or a lost page in the middle of the file.  A large store takes a
 * good part of a second, so this runs after the window is up rather than
 * before.
 */
void
reflect_store_quick_check_async (ReflectStore        *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (REFLECT_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, reflect_store_quick_check_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, quick_check_thread);
}

/**
 * reflect_store_quick_check_finish:
 *
 * Returns: %TRUE if no damage was found; otherwise %FALSE with a
 * %REFLECT_STORE_ERROR_CORRUPT error naming the file
 */
gboolean
reflect_store_quick_check_finish (ReflectStore  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * reflect_store_check_integrity:
 *
 * Runs `PRAGMA integrity_check`.  Returns: %TRUE if the database is sound
 */
gboolean
reflect_store_check_integrity (ReflectStore  *self,
                               GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0;

  if (!ok)
    set_damaged_error (error, self->path,
                       stmt && sqlite3_column_text (stmt, 0)
                         ? (const char *)sqlite3_column_text (stmt, 0) : sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);
  return ok;
}

/**
 * reflect_store_checkpoint:
 *
 * Moves everything in the write-ahead log into the database file and
 * empties the log, so deleted text does not linger in the -wal file.
 */
gboolean
reflect_store_checkpoint (ReflectStore  *self,
                          GError       **error)
{
  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);

  if (sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL) !=
      SQLITE_OK)
    {
      reflect_store_set_error (self, error, _("Could not checkpoint the database"));
      return FALSE;
    }
  return TRUE;
}

/**
 * reflect_store_index_text:
 * @kind: what the text is (“case”, “note”, “action”, “record”…)
 * @source_id: the row it comes from, unique within @kind
 *
 * Puts @body in the search index in place of what was indexed for the same
 * @kind and @source_id.  Every writer of searchable text calls this inside
 * its own transaction (FTS5 cannot be written from triggers while
 * trusted_schema is off).
 */
gboolean
reflect_store_index_text (ReflectStore  *self,
                          gint64         session_id,
                          const char    *kind,
                          gint64         source_id,
                          const char    *body,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) insert_fts = NULL;
  gint64 doc_id;

  if (!reflect_store_unindex_text (self, kind, source_id, error))
    return FALSE;

  if (body == NULL || *body == '\0')
    return TRUE;

  {
    g_autoptr(sqlite3_stmt) insert = reflect_store_prepare (self,
      "INSERT INTO search_docs (session_id, kind, source_id, body) VALUES (?1, ?2, ?3, ?4)", error);
    if (insert == NULL)
      return FALSE;
    sqlite3_bind_int64 (insert, 1, session_id);
    reflect_store_bind_text (insert, 2, kind);
    sqlite3_bind_int64 (insert, 3, source_id);
    reflect_store_bind_text (insert, 4, body);
    if (!reflect_store_step_done (self, insert, error))
      return FALSE;
    doc_id = sqlite3_last_insert_rowid (self->db);
  }

  insert_fts = reflect_store_prepare (self,
    "INSERT INTO search_fts (rowid, body) VALUES (?1, ?2)", error);
  if (insert_fts == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert_fts, 1, doc_id);
  reflect_store_bind_text (insert_fts, 2, body);
  return reflect_store_step_done (self, insert_fts, error);
}

/**
 * reflect_store_unindex_text:
 *
 * Takes the text of @kind and @source_id out of the search index.
 */
gboolean
reflect_store_unindex_text (ReflectStore  *self,
                            const char    *kind,
                            gint64         source_id,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  gint64 doc_id = 0;
  g_autofree char *old_body = NULL;

  find = reflect_store_prepare (self,
    "SELECT id, body FROM search_docs WHERE kind = ?1 AND source_id = ?2", error);
  if (find == NULL)
    return FALSE;
  reflect_store_bind_text (find, 1, kind);
  sqlite3_bind_int64 (find, 2, source_id);
  if (sqlite3_step (find) == SQLITE_ROW)
    {
      doc_id = sqlite3_column_int64 (find, 0);
      old_body = g_strdup (reflect_store_column_text (find, 1));
    }
  g_clear_pointer (&find, reflect_store_release_statement);

  if (doc_id == 0)
    return TRUE;

  {
    g_autoptr(sqlite3_stmt) delete_fts = reflect_store_prepare (self,
      "INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', ?1, ?2)", error);
    if (delete_fts == NULL)
      return FALSE;
    sqlite3_bind_int64 (delete_fts, 1, doc_id);
    reflect_store_bind_text (delete_fts, 2, old_body);
    if (!reflect_store_step_done (self, delete_fts, error))
      return FALSE;
  }

  {
    g_autoptr(sqlite3_stmt) delete_doc = reflect_store_prepare (self,
      "DELETE FROM search_docs WHERE id = ?1", error);
    if (delete_doc == NULL)
      return FALSE;
    sqlite3_bind_int64 (delete_doc, 1, doc_id);
    return reflect_store_step_done (self, delete_doc, error);
  }
}

static void
bind_session (sqlite3_stmt   *stmt,
              ReflectSession *session)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  reflect_store_bind_text (stmt, 1, reflect_session_get_uuid (session));
  reflect_store_bind_text (stmt, 2, reflect_session_get_model_id (session));
  reflect_store_bind_text (stmt, 3, reflect_session_get_model_title (session));
  reflect_store_bind_text (stmt, 4, reflect_session_get_case_ref (session));
  sqlite3_bind_int64 (stmt, 5, reflect_session_get_starts_at (session));
  reflect_store_bind_text (stmt, 6, reflect_session_get_virtual (session) ? "virtual"
                                                                          : "face-to-face");
  reflect_store_bind_text (stmt, 7, reflect_session_get_venue (session));
  reflect_store_bind_text (stmt, 8, reflect_session_get_purpose (session));
  reflect_store_bind_text (stmt, 9, reflect_session_get_purpose_other (session));
  sqlite3_bind_int (stmt, 10, reflect_session_get_manager_agreed (session));
  reflect_store_bind_text (stmt, 11,
                           reflect_session_state_to_string (reflect_session_get_state (session)));
  if (reflect_session_get_follows_id (session) > 0)
    sqlite3_bind_int64 (stmt, 12, reflect_session_get_follows_id (session));
  else
    sqlite3_bind_null (stmt, 12);
  sqlite3_bind_int (stmt, 13, (int)reflect_session_get_current_round (session));
  sqlite3_bind_int64 (stmt, 14, now);
}

/**
 * reflect_store_create_session:
 *
 * Stores a new session with a snapshot of its model and its first round,
 * and sets the session's id.
 */
gboolean
reflect_store_create_session (ReflectStore    *self,
                              ReflectSession  *session,
                              GError         **error)
{
  g_autofree char *model_json = NULL;
  ReflectModel *model;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);
  g_return_val_if_fail (REFLECT_IS_SESSION (session), FALSE);
  g_return_val_if_fail (reflect_session_get_id (session) == 0, FALSE);

  if (!reflect_session_validate (session, error))
    return FALSE;

  model = reflect_session_get_model (session);
  if (model == NULL)
    {
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_INVALID,
                   _("Choose a session model."));
      return FALSE;
    }
  model_json = reflect_model_to_data (model);

  if (!reflect_store_begin (self, error))
    return FALSE;

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
      "INSERT INTO sessions (uuid, model_id, model_title, case_ref, starts_at, mode, venue,"
      " purpose, purpose_other, manager_agreed, state, follows_id, current_round,"
      " created_at, updated_at, model_json)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15)", error);

    if (stmt == NULL)
      goto failed;

    bind_session (stmt, session);
    reflect_store_bind_text (stmt, 15, model_json);
    if (!reflect_store_step_done (self, stmt, error))
      goto failed;
  }

  {
    gint64 id = sqlite3_last_insert_rowid (self->db);
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
      "INSERT INTO rounds (session_id, number) VALUES (?1, 1)", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, id);
    if (!reflect_store_step_done (self, stmt, error))
      goto failed;

    if (!reflect_store_index_text (self, id, "case", id, reflect_session_get_case_ref (session),
                                   error) ||
        !reflect_store_commit (self, error))
      goto failed;

    reflect_session_set_id (session, id);
  }

  reflect_store_emit_changed (self, 0);
  return TRUE;

failed:
  reflect_store_rollback (self);
  return FALSE;
}

/**
 * reflect_store_update_session:
 *
 * Saves the session's own fields (not its model snapshot).
 */
gboolean
reflect_store_update_session (ReflectStore    *self,
                              ReflectSession  *session,
                              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);
  g_return_val_if_fail (REFLECT_IS_SESSION (session), FALSE);
  g_return_val_if_fail (reflect_session_get_id (session) > 0, FALSE);

  if (!reflect_session_validate (session, error))
    return FALSE;

  stmt = reflect_store_prepare (self,
    "UPDATE sessions SET uuid = ?1, model_id = ?2, model_title = ?3, case_ref = ?4,"
    " starts_at = ?5, mode = ?6, venue = ?7, purpose = ?8, purpose_other = ?9,"
    " manager_agreed = ?10, state = ?11, follows_id = ?12, current_round = ?13,"
    " updated_at = ?14 WHERE id = ?15", error);
  if (stmt == NULL)
    return FALSE;

  if (!reflect_store_begin (self, error))
    return FALSE;

  bind_session (stmt, session);
  sqlite3_bind_int64 (stmt, 15, reflect_session_get_id (session));
  if (!reflect_store_step_done (self, stmt, error) ||
      !reflect_store_index_text (self, reflect_session_get_id (session), "case",
                                 reflect_session_get_id (session),
                                 reflect_session_get_case_ref (session), error) ||
      !reflect_store_commit (self, error))
    {
      reflect_store_rollback (self);
      return FALSE;
    }

  reflect_store_emit_changed (self, reflect_session_get_id (session));
  return TRUE;
}

/**
 * reflect_store_session_from_row:
 *
 * Builds a session (without its model snapshot) from a row whose first
 * columns are %REFLECT_STORE_SESSION_COLUMNS.
 */
ReflectSession *
reflect_store_session_from_row (sqlite3_stmt *stmt)
{
  ReflectSession *session = reflect_session_new (NULL);
  ReflectSessionState state = REFLECT_SESSION_PLANNED;

  reflect_session_set_id (session, sqlite3_column_int64 (stmt, 0));
  reflect_session_set_uuid (session, reflect_store_column_text (stmt, 1));
  reflect_session_set_model_summary (session, reflect_store_column_text (stmt, 2),
                                     reflect_store_column_text (stmt, 3));
  reflect_session_set_case_ref (session, reflect_store_column_text (stmt, 4));
  reflect_session_set_starts_at (session, sqlite3_column_int64 (stmt, 5));
  reflect_session_set_virtual (session,
                               g_str_equal (reflect_store_column_text (stmt, 6), "virtual"));
  reflect_session_set_venue (session, reflect_store_column_text (stmt, 7));
  reflect_session_set_purpose (session, reflect_store_column_text (stmt, 8));
  reflect_session_set_purpose_other (session, reflect_store_column_text (stmt, 9));
  reflect_session_set_manager_agreed (session, sqlite3_column_int (stmt, 10));
  reflect_session_state_from_string (reflect_store_column_text (stmt, 11), &state);
  reflect_session_set_state (session, state);
  reflect_session_set_follows_id (session, sqlite3_column_int64 (stmt, 12));
  reflect_session_set_current_round (session, MAX (1, sqlite3_column_int (stmt, 13)));

  return session;
}

/**
 * reflect_store_read_search_text:
 *
 * Returns: (transfer full) (nullable): the text the search index holds
 * as @doc_id
 */
char *
reflect_store_read_search_text (ReflectStore *self,
                                gint64        doc_id)
{
  g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
    "SELECT body FROM search_docs WHERE id = ?1", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, doc_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? g_strdup (reflect_store_column_text (stmt, 0))
                                           : NULL;
}

/**
 * reflect_store_read_session_summary:
 *
 * Reads what a list shows of a session: its row and the agencies of the
 * people who came.
 *
 * Returns: (transfer full) (nullable): the session, without its model
 * snapshot, or %NULL if there is none with @id
 */
ReflectSession *
reflect_store_read_session_summary (ReflectStore *self,
                                    gint64        id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ReflectSession) session = NULL;

  stmt = reflect_store_prepare (self,
    "SELECT " REFLECT_STORE_SESSION_COLUMNS ","
    " (SELECT group_concat (agency, ', ') FROM"
    "   (SELECT agency FROM attendees WHERE session_id = sessions.id AND agency <> ''"
    "    GROUP BY agency ORDER BY min (position), min (id)))"
    " FROM sessions WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  session = reflect_store_session_from_row (stmt);
  reflect_session_set_agencies (session, reflect_store_column_text (stmt, 14));
  return g_steal_pointer (&session);
}

/**
 * reflect_store_load_session:
 *
 * Returns: (transfer full) (nullable): the session with its model snapshot
 */
ReflectSession *
reflect_store_load_session (ReflectStore  *self,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ReflectSession) session = NULL;
  g_autoptr(ReflectModel) model = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  stmt = reflect_store_prepare (self,
    "SELECT " REFLECT_STORE_SESSION_COLUMNS ", model_json FROM sessions WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, REFLECT_STORE_ERROR, REFLECT_STORE_ERROR_NOT_FOUND,
                   _("The session no longer exists."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      reflect_store_set_error (self, error, _("Could not read the session"));
      return NULL;
    }

  session = reflect_store_session_from_row (stmt);
  model = reflect_model_new_from_data (reflect_store_column_text (stmt, 14), -1,
                                       reflect_session_get_model_title (session), error);
  if (model == NULL)
    return NULL;

  reflect_session_set_model (session, model);
  return g_steal_pointer (&session);
}

/**
 * reflect_store_list_sessions:
 *
 * Returns: (transfer full): every session, newest first, without model
 * snapshots (reflect_store_load_session() reads one in full)
 */
GListModel *
reflect_store_list_sessions (ReflectStore  *self,
                             GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (REFLECT_TYPE_SESSION);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  stmt = reflect_store_prepare (self,
    "SELECT " REFLECT_STORE_SESSION_COLUMNS " FROM sessions ORDER BY starts_at DESC, id DESC",
    error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, reflect_store_session_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      reflect_store_set_error (self, error, _("Could not read the list of sessions"));
      return NULL;
    }

  /* One splice, one items-changed signal, however many sessions. */
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * reflect_store_delete_session:
 *
 * Deletes a session and everything recorded in it.  The search index is
 * rebuilt and the log checkpointed so that none of its text stays in the
 * database files (secure_delete zeroes the freed pages).
 */
gboolean
reflect_store_delete_session (ReflectStore  *self,
                              gint64         id,
                              GError       **error)
{
  g_return_val_if_fail (REFLECT_IS_STORE (self), FALSE);

  if (!reflect_store_begin (self, error))
    return FALSE;

  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
      "DELETE FROM sessions WHERE id = ?1", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, id);
    if (!reflect_store_step_done (self, stmt, error))
      goto failed;
  }

  if (!reflect_store_exec (self, "INSERT INTO search_fts (search_fts) VALUES ('rebuild')", error) ||
      !reflect_store_commit (self, error))
    goto failed;

  /* A failed checkpoint (a reader holds the log) is not a failed delete:
   * the next checkpoint will carry it out. */
  if (!reflect_store_checkpoint (self, NULL))
    g_debug ("Checkpoint after delete postponed");

  reflect_store_emit_changed (self, 0);
  return TRUE;

failed:
  reflect_store_rollback (self);
  return FALSE;
}
