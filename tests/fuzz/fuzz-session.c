/* fuzz-session.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target: importing any bytes as a session never crashes and
 * never half-writes: a refused import leaves the database as it was. */

#include "config.h"

#include <unistd.h>

#include "reflect-session-transfer.h"
#include "reflect-store.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static ReflectStore *store;

static gint64
count_rows (void)
{
  g_autoptr(GListModel) list = reflect_store_list_sessions (store, NULL);
  return list ? g_list_model_get_n_items (list) : -1;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  gint64 before, id;

  if (store == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("reflect-fuzz-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "reflect.db", NULL);
      store = reflect_store_open (path, &error);
      g_assert (store != NULL);
    }

  before = count_rows ();
  id = reflect_session_import_json (store, (const char *)data, size, "fuzz.json", TRUE, &error);
  g_assert ((id == 0) == (error != NULL));
  if (id == 0)
    g_assert (count_rows () == before);
  else
    g_assert (reflect_store_delete_session (store, id, NULL));

  return 0;
}
