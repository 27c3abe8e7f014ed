/* reflect-catalog.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-catalog"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-catalog.h"
#include "reflect-json.h"
#include "reflect-store-private.h"
#include "reflect-store-questions.h"

#define MODELS_PATH RESOURCE_PREFIX "/models/"
#define BANKS_PATH RESOURCE_PREFIX "/question-banks/"

/* The session models and question banks a person can choose from: those
 * shipped in the resource, then those stored in the database (custom
 * models, imported banks).  A file that does not validate is left out and
 * its error kept, so the app starts with the valid ones and says why.
 *
 * Nothing is read until something is asked of it: the Sessions list a
 * launch shows needs neither, and reading them is a good part of a launch. */
struct _ReflectCatalog
{
  GObject       parent_instance;

  ReflectStore *store;
  GListStore   *models;
  GListStore   *banks;
  GPtrArray    *errors;
  gboolean      loaded;
};

G_DEFINE_FINAL_TYPE (ReflectCatalog, reflect_catalog, G_TYPE_OBJECT)

typedef gpointer (*LoadFunc) (const char *data, gssize length, const char *filename,
                              GError **error);
typedef gpointer (*LoadNodeFunc) (JsonNode *node, const char *filename, GError **error);

/* The text a person reads in the model and bank files that come with
 * Reflect, translated as the files are read.  Keep in step with
 * build-aux/extract-data-strings.py, which writes the same strings to
 * po/reflect-data.pot for translators; test-data-translation checks that
 * the two agree. */
static const ReflectJsonText model_texts[] = {
  { "$.title", NULL },
  { "$.summary", NULL },
  { "$.source", NULL },
  { "$.description", NULL },
  { "$.roles[].title", NULL },
  { "$.roles[].member-title", NULL },
  { "$.roles[].description", NULL },
  { "$.reminders[].title", NULL },
  { "$.reminders[].body", NULL },
  { "$.principles[]", NULL },
  { "$.stages[].title", NULL },
  { "$.stages[].who", NULL },
  { "$.stages[].prompt", NULL },
  { "$.stages[].record", NULL },
  { "$.stages[].summary_prompt", NULL },
  /* A key that groups stages, shown as a heading; every stage of an area
   * has the same msgid, so they stay grouped in any language. */
  { "$.stages[].area", "stage area" },
};

static const ReflectJsonText bank_texts[] = {
  { "$.title", NULL },
  { "$.citation", NULL },
  { "$.description", NULL },
  { "$.sections[].title", NULL },
  { "$.sections[].description", NULL },
  { "$.sections[].summary_prompt", NULL },
  { "$.sections[].questions[].text", NULL },
};

/* qsort() passes pointers to the elements, here char **. */
static int
compare_names (const void *a,
               const void *b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

/* Reads a file that comes with Reflect, in the user's language.
 *
 * The text is translated here, once, before the model or bank is built:
 * everything made from it afterwards holds the translation.  So a session
 * keeps the snapshot of its model (reflect_store_create_session()) in the
 * language it was run in, as it keeps the model's stages when the model is
 * edited later; a custom model copied from a built-in one starts in the
 * language it was copied in, and is then the person's own text.  Custom
 * models and imported banks come from load_rows() and are never
 * translated. */
static gpointer
load_builtin (const char             *data,
              gsize                   size,
              const char             *filename,
              const ReflectJsonText  *texts,
              gsize                   n_texts,
              LoadNodeFunc            load,
              GError                **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) translated = NULL;
  g_autoptr(GError) local_error = NULL;
  gpointer item;

  node = reflect_json_parse (data, size, filename, error);
  if (node == NULL)
    return NULL;

  translated = reflect_json_translate (node, texts, n_texts, GETTEXT_PACKAGE);
  item = load (translated, filename, &local_error);
  if (item != NULL)
    return item;

  /* A translation can break a rule the original keeps (a title too long):
   * then the file is offered untranslated rather than lost.  A fault in
   * the file itself is reported as for any file. */
  item = load (node, filename, error);
  if (item != NULL)
    g_warning ("%s (in translation); the text is shown untranslated", local_error->message);
  return item;
}

static void
load_resources (ReflectCatalog        *self,
                const char            *folder,
                const ReflectJsonText *texts,
                gsize                  n_texts,
                LoadNodeFunc           load,
                GPtrArray             *into)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  names = g_resources_enumerate_children (folder, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (names == NULL)
    {
      g_ptr_array_add (self->errors, g_strdup_printf ("%s: %s", folder, error->message));
      return;
    }

  /* Resource enumeration order is unspecified; sort so that lists are stable. */
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      gpointer item;
      gsize size;
      const char *data;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;

      path = g_strconcat (folder, names[i], NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (bytes == NULL)
        {
          g_ptr_array_add (self->errors, g_strdup (local_error->message));
          continue;
        }

      data = g_bytes_get_data (bytes, &size);
      item = load_builtin (data, size, names[i], texts, n_texts, load, &local_error);
      if (item == NULL)
        {
          g_warning ("%s", local_error->message);
          g_ptr_array_add (self->errors, g_strdup (local_error->message));
          continue;
        }
      g_ptr_array_add (into, item);
    }
}

static void
load_rows (ReflectCatalog *self,
           const char     *sql,
           LoadFunc        load,
           GPtrArray      *into)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (self->store == NULL)
    return;

  stmt = reflect_store_prepare (self->store, sql, &error);
  if (stmt == NULL)
    {
      g_ptr_array_add (self->errors, g_strdup (error->message));
      return;
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GError) local_error = NULL;
      const char *id = reflect_store_column_text (stmt, 0);
      gpointer item = load (reflect_store_column_text (stmt, 1), -1, id, &local_error);

      if (item == NULL)
        g_ptr_array_add (self->errors, g_strdup (local_error->message));
      else
        g_ptr_array_add (into, item);
    }
}

static void
reflect_catalog_finalize (GObject *object)
{
  ReflectCatalog *self = (ReflectCatalog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->models);
  g_clear_object (&self->banks);
  g_clear_pointer (&self->errors, g_ptr_array_unref);

  G_OBJECT_CLASS (reflect_catalog_parent_class)->finalize (object);
}

static void
reflect_catalog_class_init (ReflectCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reflect_catalog_finalize;
}

static void
reflect_catalog_init (ReflectCatalog *self)
{
  self->models = g_list_store_new (REFLECT_TYPE_MODEL);
  self->banks = g_list_store_new (REFLECT_TYPE_QUESTION_BANK);
  self->errors = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

/**
 * reflect_catalog_new:
 * @store: (nullable): where custom models and imported banks live
 *
 * Returns: (transfer full): the catalog, read when first asked for
 * something
 */
ReflectCatalog *
reflect_catalog_new (ReflectStore *store)
{
  ReflectCatalog *self = g_object_new (REFLECT_TYPE_CATALOG, NULL);

  g_set_object (&self->store, store);
  return self;
}

static void
ensure_loaded (ReflectCatalog *self)
{
  if (!self->loaded)
    reflect_catalog_reload (self);
}

/**
 * reflect_catalog_reload:
 *
 * Reads everything again, after a custom model or a bank was saved.
 */
void
reflect_catalog_reload (ReflectCatalog *self)
{
  g_autoptr(GPtrArray) models = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) banks = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (REFLECT_IS_CATALOG (self));

  self->loaded = TRUE;
  g_ptr_array_set_size (self->errors, 0);

  load_resources (self, MODELS_PATH, model_texts, G_N_ELEMENTS (model_texts),
                  (LoadNodeFunc)reflect_model_new_from_node, models);
  load_rows (self, "SELECT id, json FROM custom_models ORDER BY id",
             (LoadFunc)reflect_model_new_from_data, models);

  load_resources (self, BANKS_PATH, bank_texts, G_N_ELEMENTS (bank_texts),
                  (LoadNodeFunc)reflect_question_bank_new_from_node, banks);
  for (guint i = 0; i < banks->len; i++)
    reflect_question_bank_set_builtin (g_ptr_array_index (banks, i), TRUE);
  load_rows (self, "SELECT id, json FROM question_banks ORDER BY imported_at, id",
             (LoadFunc)reflect_question_bank_new_from_data, banks);

  /* A person's own questions and favourites are kept beside the banks;
   * merged here so that every reload shows them. */
  for (guint i = 0; self->store != NULL && i < banks->len; i++)
    reflect_store_customise_question_bank (self->store, g_ptr_array_index (banks, i));

  g_list_store_splice (self->models, 0, g_list_model_get_n_items (G_LIST_MODEL (self->models)),
                       models->pdata, models->len);
  g_list_store_splice (self->banks, 0, g_list_model_get_n_items (G_LIST_MODEL (self->banks)),
                       banks->pdata, banks->len);
}

/**
 * reflect_catalog_get_models:
 *
 * Returns: (transfer none): #ReflectModel items, shipped ones first
 */
GListModel *
reflect_catalog_get_models (ReflectCatalog *self)
{
  g_return_val_if_fail (REFLECT_IS_CATALOG (self), NULL);

  ensure_loaded (self);
  return G_LIST_MODEL (self->models);
}

/**
 * reflect_catalog_find_model:
 *
 * Returns: (transfer none) (nullable)
 */
ReflectModel *
reflect_catalog_find_model (ReflectCatalog *self,
                            const char     *id)
{
  guint n;

  g_return_val_if_fail (REFLECT_IS_CATALOG (self), NULL);

  ensure_loaded (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->models));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReflectModel) model = g_list_model_get_item (G_LIST_MODEL (self->models), i);
      if (g_strcmp0 (reflect_model_get_id (model), id) == 0)
        return model;
    }
  return NULL;
}

/**
 * reflect_catalog_get_banks:
 *
 * Returns: (transfer none): #ReflectQuestionBank items
 */
GListModel *
reflect_catalog_get_banks (ReflectCatalog *self)
{
  g_return_val_if_fail (REFLECT_IS_CATALOG (self), NULL);

  ensure_loaded (self);
  return G_LIST_MODEL (self->banks);
}

/**
 * reflect_catalog_find_bank:
 *
 * Returns: (transfer none) (nullable)
 */
ReflectQuestionBank *
reflect_catalog_find_bank (ReflectCatalog *self,
                           const char     *id)
{
  guint n;

  g_return_val_if_fail (REFLECT_IS_CATALOG (self), NULL);

  ensure_loaded (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->banks));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ReflectQuestionBank) bank = g_list_model_get_item (G_LIST_MODEL (self->banks), i);
      if (g_strcmp0 (reflect_question_bank_get_id (bank), id) == 0)
        return bank;
    }
  return NULL;
}

/**
 * reflect_catalog_get_errors:
 *
 * Returns: (transfer none): a message for each file that was left out
 */
const char * const *
reflect_catalog_get_errors (ReflectCatalog *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (REFLECT_IS_CATALOG (self), NULL);

  ensure_loaded (self);
  /* An empty GPtrArray may have no storage at all. */
  if (self->errors->pdata == NULL)
    return none;
  return (const char * const *)self->errors->pdata;
}
