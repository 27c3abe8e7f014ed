/* reflect-session-list.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-session-list"

#include "config.h"

#include "reflect-search-text.h"
#include "reflect-session-list.h"
#include "reflect-store-private.h"

/* Years of sessions, read as they are looked at.  The list holds only
 * the ids, in order; a session is read from the store when a row asks
 * for it, and a few hundred stay at hand for scrolling back.  So opening
 * Reflect on ten thousand sessions reads ten thousand integers, not ten
 * thousand sessions. */

/* Sessions kept at hand; past this the cache starts again. */
#define CACHE_SIZE 512

struct _ReflectSessionList
{
  GObject       parent_instance;

  ReflectStore *store;
  GArray       *ids;
  GArray       *doc_ids;        /* for a search: the text each session matched in */
  GPtrArray    *folded_words;   /* and the words searched for */
  GHashTable   *cache;          /* position → ReflectSession */
};

static void reflect_session_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ReflectSessionList, reflect_session_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      reflect_session_list_model_init))

static GType
reflect_session_list_get_item_type (GListModel *model)
{
  return REFLECT_TYPE_SESSION;
}

static guint
reflect_session_list_get_n_items (GListModel *model)
{
  return REFLECT_SESSION_LIST (model)->ids->len;
}

static gpointer
reflect_session_list_get_item (GListModel *model,
                               guint       position)
{
  ReflectSessionList *self = REFLECT_SESSION_LIST (model);
  ReflectSession *session;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  session = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (position));
  if (session != NULL)
    return g_object_ref (session);

  id = g_array_index (self->ids, gint64, position);
  session = reflect_store_read_session_summary (self->store, id);
  if (session == NULL)
    {
      /* Deleted since the list was made: the list is read again when the
       * store says it changed, and until then a row shows it blank. */
      session = reflect_session_new (NULL);
      reflect_session_set_id (session, id);
    }
  if (self->doc_ids != NULL)
    {
      g_autofree char *text = reflect_store_read_search_text (self->store,
                                                              g_array_index (self->doc_ids, gint64,
                                                                             position));
      g_autofree char *match = reflect_search_text_snippet (text, self->folded_words,
                                                            REFLECT_SEARCH_SNIPPET_WORDS);
      reflect_session_set_match (session, match);
    }

  if (g_hash_table_size (self->cache) >= CACHE_SIZE)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, GUINT_TO_POINTER (position), g_object_ref (session));
  return session;
}

static void
reflect_session_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = reflect_session_list_get_item_type;
  iface->get_n_items = reflect_session_list_get_n_items;
  iface->get_item = reflect_session_list_get_item;
}

static void
reflect_session_list_finalize (GObject *object)
{
  ReflectSessionList *self = (ReflectSessionList *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->doc_ids, g_array_unref);
  g_clear_pointer (&self->folded_words, g_ptr_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (reflect_session_list_parent_class)->finalize (object);
}

static void
reflect_session_list_class_init (ReflectSessionListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = reflect_session_list_finalize;
}

static void
reflect_session_list_init (ReflectSessionList *self)
{
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

/**
 * reflect_session_list_new:
 * @ids: (transfer none): session ids (#gint64), in the order to list them
 *
 * Returns: (transfer full): a list of the sessions of @store with @ids,
 * read from the store as they are asked for
 */
ReflectSessionList *
reflect_session_list_new (ReflectStore *store,
                          GArray       *ids)
{
  ReflectSessionList *self;

  g_return_val_if_fail (REFLECT_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL && g_array_get_element_size (ids) == sizeof (gint64), NULL);

  self = g_object_new (REFLECT_TYPE_SESSION_LIST, NULL);
  self->store = g_object_ref (store);
  self->ids = g_array_ref (ids);
  return self;
}

/**
 * reflect_session_list_new_with_matches:
 * @ids: (transfer none): session ids (#gint64), in the order to list them
 * @doc_ids: (transfer none): for each session, the id of the search text
 *   it matched in
 * @folded_words: (transfer none): the words searched for, folded
 *
 * Like reflect_session_list_new(), for a search: each session carries the
 * words around its match, cut when the session is read.
 *
 * Returns: (transfer full): the list
 */
ReflectSessionList *
reflect_session_list_new_with_matches (ReflectStore *store,
                                       GArray       *ids,
                                       GArray       *doc_ids,
                                       GPtrArray    *folded_words)
{
  ReflectSessionList *self;

  g_return_val_if_fail (doc_ids != NULL && doc_ids->len == ids->len, NULL);
  g_return_val_if_fail (folded_words != NULL, NULL);

  self = reflect_session_list_new (store, ids);
  self->doc_ids = g_array_ref (doc_ids);
  self->folded_words = g_ptr_array_ref (folded_words);
  return self;
}

/**
 * reflect_session_list_get_id:
 *
 * Returns: the id of the session at @position, without reading it, or 0
 */
gint64
reflect_session_list_get_id (ReflectSessionList *self,
                             guint               position)
{
  g_return_val_if_fail (REFLECT_IS_SESSION_LIST (self), 0);

  return position < self->ids->len ? g_array_index (self->ids, gint64, position) : 0;
}

/**
 * reflect_session_list_set_ids:
 * @ids: the sessions, in order
 *
 * Lists @ids instead.  A list read in two goes (a screenful first, the
 * rest after) keeps the part they share: only what follows it changes.
 * Not for a list with matches.
 */
void
reflect_session_list_set_ids (ReflectSessionList *self,
                              GArray             *ids)
{
  guint kept = 0;
  guint removed, added;
  GHashTableIter iter;
  gpointer position;

  g_return_if_fail (REFLECT_IS_SESSION_LIST (self));
  g_return_if_fail (ids != NULL && g_array_get_element_size (ids) == sizeof (gint64));
  g_return_if_fail (self->doc_ids == NULL);

  while (kept < self->ids->len && kept < ids->len &&
         g_array_index (self->ids, gint64, kept) == g_array_index (ids, gint64, kept))
    kept++;
  removed = self->ids->len - kept;
  added = ids->len - kept;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &position, NULL))
    if (GPOINTER_TO_UINT (position) >= kept)
      g_hash_table_iter_remove (&iter);

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), kept, removed, added);
}
