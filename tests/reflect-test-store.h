/* reflect-test-store.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "reflect-catalog.h"
#include "reflect-store.h"
#include "reflect-test-env.h"

/* A fresh store and its catalog in a data folder of their own: what most
 * core tests start from. */
typedef struct
{
  char           *home;
  char           *path;
  ReflectStore   *store;
  ReflectCatalog *catalog;
} ReflectTestStore;

static inline void
reflect_test_store_open (ReflectTestStore *t)
{
  g_autoptr(GError) error = NULL;

  t->home = reflect_test_make_data_home ();
  t->path = g_build_filename (t->home, "reflect", "reflect.db", NULL);
  t->store = reflect_store_open (t->path, &error);
  g_assert_no_error (error);
  t->catalog = reflect_catalog_new (t->store);
  g_assert_cmpstrv (reflect_catalog_get_errors (t->catalog), ((const char *[]) { NULL }));
}

static inline void
reflect_test_store_close (ReflectTestStore *t)
{
  g_clear_object (&t->catalog);
  g_clear_object (&t->store);
  reflect_test_remove_tree (t->home);
  g_clear_pointer (&t->home, g_free);
  g_clear_pointer (&t->path, g_free);
}
