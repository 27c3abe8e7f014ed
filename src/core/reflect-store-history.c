/* reflect-store-history.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-store-history"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-search-text.h"
#include "reflect-session-list.h"
#include "reflect-store-history.h"
#include "reflect-store-private.h"

/* Up to this many matching texts are ranked; past it, newest first. */
#define RANK_LIMIT 200

/* Years of sessions: finding one, following one up, and letting old ones
 * go as the organisation's retention policy says. */

/**
 * reflect_store_build_match_query:
 *
 * Turns what a person typed into an FTS5 query: every word must match,
 * each as a prefix, a word longer than %REFLECT_SEARCH_INDEXED_PREFIX
 * letters by its first that many (the texts found must then be checked
 * for the whole word).  Quotes, `*`, `-`, `NEAR`, parentheses and the
 * like are never FTS syntax here: they split words or are quoted as text.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @text has
 * no words
 */
char *
reflect_store_build_match_query (const char *text)
{
  g_autoptr(GPtrArray) words = reflect_search_text_split (text);
  g_autoptr(GString) query = g_string_new (NULL);

  /* A word in double quotes is a plain string to FTS5, so even NEAR or
   * AND stay words; a word never holds a quote. */
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      const char *end = g_utf8_offset_to_pointer (word, MIN (g_utf8_strlen (word, -1),
                                                             REFLECT_SEARCH_INDEXED_PREFIX));

      g_string_append_printf (query, "%s\"%.*s\"*", i ? " " : "", (int)(end - word), word);
    }

  return query->len ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

/* The words of @text whose whole length the index cannot check. */
static guint64
words_to_check (const char *text)
{
  g_autoptr(GPtrArray) words = reflect_search_text_split (text);
  guint64 mask = 0;

  for (guint i = 0; i < MIN (words->len, 64); i++)
    if (g_utf8_strlen (g_ptr_array_index (words, i), -1) > REFLECT_SEARCH_INDEXED_PREFIX)
      mask |= G_GUINT64_CONSTANT (1) << i;
  return mask;
}

typedef struct
{
  gint64  doc;
  gint64  session;
  double  score;
  char   *body;     /* only while it may be needed for ranking */
} SearchHit;

static void
search_hit_clear (gpointer data)
{
  g_free (((SearchHit *)data)->body);
}

static int
compare_hits_by_score (gconstpointer a,
                       gconstpointer b)
{
  const SearchHit *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return x->doc > y->doc ? -1 : x->doc < y->doc;
}

/* The Sessions filters as SQL over the sessions table, parameters ?1 to
 * ?4: one statement for every combination, since a NULL parameter lets
 * all rows through, so each plan is prepared once and cached. */
#define FILTER_SQL \
  "(?1 IS NULL OR model_id = ?1)" \
  " AND (?2 IS NULL OR state = ?2)" \
  " AND (?3 IS NULL OR starts_at >= ?3)" \
  " AND (?4 IS NULL OR starts_at < ?4)"

static void
bind_filter (sqlite3_stmt               *stmt,
             const ReflectSessionFilter *filter)
{
  if (filter->model_id != NULL)
    reflect_store_bind_text (stmt, 1, filter->model_id);
  if (filter->state >= 0)
    reflect_store_bind_text (stmt, 2, reflect_session_state_to_string (filter->state));
  if (filter->from > 0)
    sqlite3_bind_int64 (stmt, 3, filter->from);
  if (filter->until > 0)
    sqlite3_bind_int64 (stmt, 4, filter->until);
}

/* Whether session @id passes @filter: one indexed lookup, no session read. */
static gboolean
passes_filter (ReflectStore               *self,
               gint64                      id,
               const ReflectSessionFilter *filter)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (filter->exclude_ids != NULL && g_hash_table_contains (filter->exclude_ids, &id))
    return FALSE;
  if (filter->model_id == NULL && filter->state < 0 && filter->from == 0 && filter->until == 0)
    return TRUE;

  stmt = reflect_store_prepare (self, "SELECT 1 FROM sessions WHERE " FILTER_SQL " AND id = ?5",
                                NULL);
  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, filter);
  sqlite3_bind_int64 (stmt, 5, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* What a search knows of a session it has met. */
typedef enum
{
  LEFT_OUT = 1,  /* by the filter */
  PASSES,        /* the filter, with no text found yet */
  FOUND,         /* and a text found */
} SessionState;

/**
 * reflect_store_search_sessions:
 * @filter: (nullable): what else the sessions must pass; its case_ref is
 *   not used
 * @limit: the most sessions to return
 *
 * Finds sessions by the words of their case reference, notes, actions,
 * hypotheses and learning.  When few texts match they are ranked, a case
 * reference first, then by how much of each text is the words searched
 * for; when many match (a word or two typed, a word in most notes) the
 * most recently written come first.  Only ids are gathered here: each
 * session, and the words around its best match
 * (reflect_session_get_match()), is read when the list is asked for it.
 *
 * Returns: (transfer full) (nullable): #ReflectSession items
 */
GListModel *
reflect_store_search_sessions (ReflectStore               *self,
                               const char                 *text,
                               const ReflectSessionFilter *filter,
                               guint                       limit,
                               GError                    **error)
{
  const ReflectSessionFilter no_filter = REFLECT_SESSION_FILTER_INIT;
  g_autoptr(GArray) hits = g_array_new (FALSE, TRUE, sizeof (SearchHit));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) doc_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* session id → SessionState */
  g_autoptr(GHashTable) sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, NULL);
  g_autoptr(GPtrArray) folded = NULL;
  g_autofree char *query = reflect_store_build_match_query (text);
  guint n_found = 0;
  guint64 check;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  if (filter == NULL)
    filter = &no_filter;
  g_array_set_clear_func (hits, search_hit_clear);
  folded = reflect_search_text_fold_words (text);
  if (query == NULL || limit == 0)
    return G_LIST_MODEL (reflect_session_list_new_with_matches (self, ids, doc_ids, folded));
  check = words_to_check (text);

  /* FTS5 hands matches over in rowid order without reading them all
   * first, so walking newest first stops as soon as there are enough. */
  {
    g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
      "SELECT f.rowid, d.session_id, d.kind, d.body FROM search_fts f"
      " JOIN search_docs d ON d.id = f.rowid"
      " WHERE search_fts MATCH ?1 ORDER BY f.rowid DESC", error);

    if (stmt == NULL)
      return NULL;
    reflect_store_bind_text (stmt, 1, query);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        SearchHit hit = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), 0, NULL };
        gpointer state;

        if (!g_hash_table_lookup_extended (sessions, &hit.session, NULL, &state))
          {
            state = GINT_TO_POINTER (passes_filter (self, hit.session, filter) ? PASSES : LEFT_OUT);
            g_hash_table_insert (sessions, g_memdup2 (&hit.session, sizeof hit.session), state);
          }
        if (GPOINTER_TO_INT (state) == LEFT_OUT)
          continue;
        if (check != 0 &&
            (reflect_search_text_find (reflect_store_column_text (stmt, 3), folded) & check) != check)
          continue;
        if (GPOINTER_TO_INT (state) == PASSES)
          {
            g_hash_table_insert (sessions, g_memdup2 (&hit.session, sizeof hit.session),
                                 GINT_TO_POINTER (FOUND));
            n_found++;
          }
        if (hits->len < RANK_LIMIT)
          {
            hit.body = g_strdup (reflect_store_column_text (stmt, 3));
            /* A case reference that matches is what was looked for. */
            if (g_strcmp0 (reflect_store_column_text (stmt, 2), "case") == 0)
              hit.score = 1000;
          }
        g_array_append_val (hits, hit);
        if (hits->len > RANK_LIMIT && n_found >= limit)
          break;
      }

    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
      {
        reflect_store_set_error (self, error, _("Could not search"));
        return NULL;
      }
  }

  if (hits->len <= RANK_LIMIT)
    {
      for (guint i = 0; i < hits->len; i++)
        {
          SearchHit *hit = &g_array_index (hits, SearchHit, i);
          hit->score += reflect_search_text_score (hit->body, folded);
        }
      g_array_sort (hits, compare_hits_by_score);
    }

  /* Each session once, at its best text. */
  g_hash_table_remove_all (sessions);
  for (guint i = 0; i < hits->len && ids->len < limit; i++)
    {
      SearchHit *hit = &g_array_index (hits, SearchHit, i);

      if (g_hash_table_contains (sessions, &hit->session))
        continue;
      g_hash_table_add (sessions, g_memdup2 (&hit->session, sizeof hit->session));
      g_array_append_val (ids, hit->session);
      g_array_append_val (doc_ids, hit->doc);
    }

  return G_LIST_MODEL (reflect_session_list_new_with_matches (self, ids, doc_ids, folded));
}

/**
 * reflect_store_list_session_ids:
 *
 * Returns: (transfer full) (nullable) (element-type gint64): the ids of
 * the sessions that pass @filter, newest first
 */
GArray *
reflect_store_list_session_ids (ReflectStore               *self,
                                const ReflectSessionFilter *filter,
                                GError                    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *case_pattern = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  stmt = reflect_store_prepare (self,
    "SELECT id FROM sessions WHERE " FILTER_SQL
    " AND (?5 IS NULL OR case_ref LIKE ?5 ESCAPE '\\')"
    " ORDER BY starts_at DESC, id DESC LIMIT ?6", error);
  if (stmt == NULL)
    return NULL;

  bind_filter (stmt, filter);
  /* Those awaiting deletion are left out below, so ask for as many more. */
  sqlite3_bind_int64 (stmt, 6, filter->limit == 0 ? -1
                      : (gint64)filter->limit + (filter->exclude_ids != NULL
                                                 ? g_hash_table_size (filter->exclude_ids) : 0));
  if (filter->case_ref != NULL && *filter->case_ref != '\0')
    {
      GString *pattern = g_string_new (NULL);

      for (const char *p = filter->case_ref; *p; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
      g_string_append_c (pattern, '%');
      case_pattern = g_string_free (pattern, FALSE);
      reflect_store_bind_text (stmt, 5, case_pattern);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (filter->exclude_ids == NULL || !g_hash_table_contains (filter->exclude_ids, &id))
        g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      reflect_store_set_error (self, error, _("Could not read the list of sessions"));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * reflect_store_list_sessions_filtered:
 *
 * Returns: (transfer full) (nullable): the sessions that pass @filter,
 * newest first, each read from the store when it is first asked for
 */
GListModel *
reflect_store_list_sessions_filtered (ReflectStore               *self,
                                      const ReflectSessionFilter *filter,
                                      GError                    **error)
{
  g_autoptr(GArray) ids = reflect_store_list_session_ids (self, filter, error);

  if (ids == NULL)
    return NULL;
  return G_LIST_MODEL (reflect_session_list_new (self, ids));
}

/**
 * reflect_store_list_case_chain:
 *
 * Returns: (transfer full) (nullable): the sessions linked to @session_id
 * by follow-ups, first to last
 */
GListModel *
reflect_store_list_case_chain (ReflectStore  *self,
                               gint64         session_id,
                               GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (REFLECT_TYPE_SESSION);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  /* Up to the first session of the chain, then down through every
   * follow-up of it. */
  stmt = reflect_store_prepare (self,
    "WITH RECURSIVE"
    " up (id, follows_id) AS ("
    "   SELECT id, follows_id FROM sessions WHERE id = ?1"
    "   UNION SELECT s.id, s.follows_id FROM sessions s JOIN up ON s.id = up.follows_id),"
    " root (id) AS (SELECT id FROM up WHERE follows_id IS NULL LIMIT 1),"
    " down (id) AS ("
    "   SELECT id FROM root"
    "   UNION SELECT s.id FROM sessions s JOIN down ON s.follows_id = down.id)"
    " SELECT " REFLECT_STORE_SESSION_COLUMNS " FROM sessions WHERE id IN (SELECT id FROM down)"
    " ORDER BY starts_at, id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, session_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ReflectSession) session = reflect_store_session_from_row (stmt);
      g_list_store_append (list, session);
    }

  if (rc != SQLITE_DONE)
    {
      reflect_store_set_error (self, error, _("Could not read the follow-ups"));
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

static gboolean
exec_bound (ReflectStore  *self,
            const char    *sql,
            gint64         a,
            gint64         b,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return reflect_store_step_done (self, stmt, error);
}

static gboolean
index_carried_actions (ReflectStore  *self,
                       gint64         session_id,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = reflect_store_prepare (self,
    "SELECT id, what || ' ' || owner FROM actions WHERE session_id = ?1", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
      g_ptr_array_add (bodies, g_strdup (reflect_store_column_text (stmt, 1)));
    }
  g_clear_pointer (&stmt, reflect_store_release_statement);

  for (guint i = 0; i < ids->len; i++)
    if (!reflect_store_index_text (self, session_id, "action", g_array_index (ids, gint64, i),
                                   g_ptr_array_index (bodies, i), error))
      return FALSE;
  return TRUE;
}

/**
 * reflect_store_create_follow_up:
 * @starts_at: when the follow-up starts (unix time)
 *
 * Creates a session that follows @session_id: the same case reference,
 * model and purpose, the same attendees (present, without roles), and the
 * actions not yet done, each linked to the action it carries over.
 *
 * Returns: the new session's id, or 0 with @error set
 */
gint64
reflect_store_create_follow_up (ReflectStore  *self,
                                gint64         session_id,
                                gint64         starts_at,
                                GError       **error)
{
  g_autoptr(ReflectSession) first = NULL;
  g_autoptr(ReflectSession) follow_up = NULL;
  gint64 id;

  g_return_val_if_fail (REFLECT_IS_STORE (self), 0);

  first = reflect_store_load_session (self, session_id, error);
  if (first == NULL)
    return 0;

  follow_up = reflect_session_new (reflect_session_get_model (first));
  reflect_session_set_case_ref (follow_up, reflect_session_get_case_ref (first));
  reflect_session_set_starts_at (follow_up, starts_at);
  reflect_session_set_virtual (follow_up, reflect_session_get_virtual (first));
  reflect_session_set_venue (follow_up, reflect_session_get_venue (first));
  reflect_session_set_purpose (follow_up, reflect_session_get_purpose (first));
  reflect_session_set_purpose_other (follow_up, reflect_session_get_purpose_other (first));
  reflect_session_set_manager_agreed (follow_up, reflect_session_get_manager_agreed (first));
  reflect_session_set_follows_id (follow_up, session_id);

  /* The session and everything carried into it land together or not at all. */
  if (!reflect_store_begin (self, error))
    return 0;

  if (!reflect_store_create_session (self, follow_up, error))
    goto failed;
  id = reflect_session_get_id (follow_up);

  if (!exec_bound (self,
                   "INSERT INTO attendees (session_id, name, agency, job_title, present, position)"
                   " SELECT ?2, name, agency, job_title, 1, position FROM attendees"
                   " WHERE session_id = ?1 ORDER BY position, id",
                   session_id, id, error) ||
      !exec_bound (self,
                   "INSERT INTO actions (session_id, position, what, owner, due, done, carried_from)"
                   " SELECT ?2, position, what, owner, due, 0, id FROM actions"
                   " WHERE session_id = ?1 AND done = 0 ORDER BY position, id",
                   session_id, id, error) ||
      !index_carried_actions (self, id, error) ||
      !reflect_store_commit (self, error))
    goto failed;

  reflect_store_emit_changed (self, 0);
  return id;

failed:
  reflect_store_rollback (self);
  return 0;
}

/**
 * reflect_store_list_expired_sessions:
 * @months: the retention period; 0 keeps everything
 * @now: the current unix time
 *
 * Returns: (transfer full) (element-type gint64): ids of finished sessions
 * that started more than @months months before @now
 */
GArray *
reflect_store_list_expired_sessions (ReflectStore  *self,
                                     guint          months,
                                     gint64         now,
                                     GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) cutoff = NULL;

  g_return_val_if_fail (REFLECT_IS_STORE (self), NULL);

  if (months == 0)
    return g_steal_pointer (&ids);

  today = g_date_time_new_from_unix_local (now);
  cutoff = g_date_time_add_months (today, -(int)months);

  stmt = reflect_store_prepare (self,
    "SELECT id FROM sessions WHERE state = 'finished' AND starts_at < ?1 ORDER BY starts_at",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (cutoff));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

/**
 * reflect_store_delete_expired_sessions:
 *
 * Deletes what reflect_store_list_expired_sessions() lists.  Returns: how
 * many sessions were deleted
 */
guint
reflect_store_delete_expired_sessions (ReflectStore  *self,
                                       guint          months,
                                       gint64         now,
                                       GError       **error)
{
  g_autoptr(GArray) ids = reflect_store_list_expired_sessions (self, months, now, error);
  guint deleted = 0;

  if (ids == NULL)
    return 0;

  for (guint i = 0; i < ids->len; i++)
    {
      if (!reflect_store_delete_session (self, g_array_index (ids, gint64, i), error))
        break;
      deleted++;
    }

  return deleted;
}
