/* reflect-question-bank.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-question-bank"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-json.h"
#include "reflect-question-bank.h"
#include "reflect-utils.h"

#define MAX_TEXT 4000
#define MAX_SECTIONS 200

typedef struct
{
  char       *id;
  char       *title;
  char       *description;
  char       *summary_prompt;
  GListStore *questions;
} Section;

struct _ReflectQuestionBank
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *citation;
  char       *description;
  GArray     *sections;   /* of Section */
  GListStore *questions;  /* every question, in bank order */
  GHashTable *by_id;      /* id → ReflectQuestion (borrowed from @questions) */
  guint       builtin : 1;
};

G_DEFINE_FINAL_TYPE (ReflectQuestionBank, reflect_question_bank, G_TYPE_OBJECT)

static void
section_clear (gpointer data)
{
  Section *section = data;

  g_free (section->id);
  g_free (section->title);
  g_free (section->description);
  g_free (section->summary_prompt);
  g_clear_object (&section->questions);
}

static gboolean
read_text (JsonObject  *object,
           const char  *member,
           gboolean     required,
           gsize        max_length,
           char       **out,
           const char  *filename,
           const char  *path,
           GError     **error)
{
  GError *local_error = NULL;
  const char *value;

  value = reflect_json_get_string (object, member, required, max_length, filename, path,
                                   &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *out = g_strdup (value ? value : "");
  return TRUE;
}

static gboolean
load_questions (ReflectQuestionBank *self,
                Section             *section,
                JsonArray           *array,
                const char          *filename,
                const char          *section_path,
                GError             **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.questions[%u]", section_path, i);
      g_autoptr(ReflectQuestion) question = NULL;
      JsonObject *object;
      const char *id;
      const char *text;

      object = reflect_json_require_object (json_array_get_element (array, i), filename, path,
                                            error);
      if (object == NULL)
        return FALSE;

      id = reflect_json_get_string (object, "id", TRUE, 100, filename, path, error);
      if (id == NULL)
        return FALSE;
      if (!reflect_json_is_identifier (id, TRUE))
        {
          reflect_json_set_error (error, filename, path,
                                  _("“%s” is not a valid question id; use lower-case letters, digits, hyphens and dots"),
                                  id);
          return FALSE;
        }
      if (g_hash_table_contains (self->by_id, id))
        {
          reflect_json_set_error (error, filename, path, _("the question id “%s” is used twice"),
                                  id);
          return FALSE;
        }

      text = reflect_json_get_string (object, "text", TRUE, MAX_TEXT, filename, path, error);
      if (text == NULL)
        return FALSE;

      if (g_list_model_get_n_items (G_LIST_MODEL (self->questions)) >=
          REFLECT_QUESTION_BANK_MAX_QUESTIONS)
        {
          reflect_json_set_error (error, filename, path,
                                  _("a bank can hold at most %d questions"),
                                  REFLECT_QUESTION_BANK_MAX_QUESTIONS);
          return FALSE;
        }

      question = reflect_question_new (id, text, self->id, self->title, section->id,
                                       section->title, FALSE);
      reflect_question_bank_add_question (self, self->sections->len - 1, question);
    }

  return TRUE;
}

static gboolean
load_sections (ReflectQuestionBank *self,
               JsonObject          *root,
               const char          *filename,
               GError             **error)
{
  JsonArray *array = reflect_json_get_array (root, "sections", TRUE, filename, "$", error);
  guint n;

  if (array == NULL)
    return FALSE;

  n = json_array_get_length (array);
  if (n == 0 || n > MAX_SECTIONS)
    {
      reflect_json_set_error (error, filename, "$.sections",
                              _("a bank needs from 1 to %d sections"), MAX_SECTIONS);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("$.sections[%u]", i);
      GError *local_error = NULL;
      JsonObject *object;
      JsonArray *questions;
      Section section = { 0 };
      Section *added;

      object = reflect_json_require_object (json_array_get_element (array, i), filename, path,
                                            error);
      if (object == NULL)
        return FALSE;

      if (!read_text (object, "id", TRUE, 100, &section.id, filename, path, error) ||
          !read_text (object, "title", TRUE, 300, &section.title, filename, path, error) ||
          !read_text (object, "description", FALSE, MAX_TEXT, &section.description, filename,
                      path, error) ||
          !read_text (object, "summary_prompt", FALSE, MAX_TEXT, &section.summary_prompt,
                      filename, path, error))
        {
          section_clear (&section);
          return FALSE;
        }

      if (!reflect_json_is_identifier (section.id, TRUE))
        {
          reflect_json_set_error (error, filename, path,
                                  _("“%s” is not a valid section id; use lower-case letters, digits, hyphens and dots"),
                                  section.id);
          section_clear (&section);
          return FALSE;
        }

      if (reflect_question_bank_find_section (self, section.id) >= 0)
        {
          reflect_json_set_error (error, filename, path, _("the section id “%s” is used twice"),
                                  section.id);
          section_clear (&section);
          return FALSE;
        }

      section.questions = g_list_store_new (REFLECT_TYPE_QUESTION);
      g_array_append_val (self->sections, section);
      added = &g_array_index (self->sections, Section, self->sections->len - 1);

      questions = reflect_json_get_array (object, "questions", FALSE, filename, path,
                                          &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }

      if (questions != NULL &&
          !load_questions (self, added, questions, filename, path, error))
        return FALSE;
    }

  return TRUE;
}

static void
reflect_question_bank_finalize (GObject *object)
{
  ReflectQuestionBank *self = (ReflectQuestionBank *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->citation, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_object (&self->questions);

  G_OBJECT_CLASS (reflect_question_bank_parent_class)->finalize (object);
}

static void
reflect_question_bank_class_init (ReflectQuestionBankClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = reflect_question_bank_finalize;
}

static void
reflect_question_bank_init (ReflectQuestionBank *self)
{
  self->sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_array_set_clear_func (self->sections, section_clear);
  self->questions = g_list_store_new (REFLECT_TYPE_QUESTION);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * reflect_question_bank_new_from_node:
 *
 * Builds a bank from the bank file format documented in
 * `data/question-banks/README.md`.  The bank is refused whole on the first
 * fault.  Returns: (transfer full) (nullable)
 */
ReflectQuestionBank *
reflect_question_bank_new_from_node (JsonNode    *node,
                                     const char  *filename,
                                     GError     **error)
{
  g_autoptr(ReflectQuestionBank) self = g_object_new (REFLECT_TYPE_QUESTION_BANK, NULL);
  JsonObject *root;
  gint64 format;

  root = reflect_json_require_object (node, filename, "$", error);
  if (root == NULL)
    return NULL;

  if (!reflect_json_get_int (root, "format", 1, 1, &format, filename, "$", error) ||
      !read_text (root, "id", TRUE, 100, &self->id, filename, "$", error))
    return NULL;

  if (!reflect_json_is_identifier (self->id, FALSE))
    {
      reflect_json_set_error (error, filename, "$.id",
                              _("“%s” is not a valid id; use lower-case letters, digits and hyphens"),
                              self->id);
      return NULL;
    }

  if (!read_text (root, "title", TRUE, 200, &self->title, filename, "$", error) ||
      !read_text (root, "citation", FALSE, 1000, &self->citation, filename, "$", error) ||
      !read_text (root, "description", FALSE, MAX_TEXT, &self->description, filename, "$",
                  error) ||
      !load_sections (self, root, filename, error))
    return NULL;

  return g_steal_pointer (&self);
}

ReflectQuestionBank *
reflect_question_bank_new_from_data (const char  *data,
                                     gssize       length,
                                     const char  *filename,
                                     GError     **error)
{
  g_autoptr(JsonNode) node = reflect_json_parse (data, length, filename, error);

  if (node == NULL)
    return NULL;

  return reflect_question_bank_new_from_node (node, filename, error);
}

static void
add_text (JsonBuilder *builder,
          const char  *member,
          const char  *text)
{
  if (text == NULL || *text == '\0')
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

/**
 * reflect_question_bank_to_json:
 *
 * Returns: (transfer full): the bank in its file format, custom questions
 * included, so an exported bank imports again unchanged.
 */
JsonNode *
reflect_question_bank_to_json (ReflectQuestionBank *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (REFLECT_IS_QUESTION_BANK (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  add_text (builder, "id", self->id);
  add_text (builder, "title", self->title);
  add_text (builder, "citation", self->citation);
  add_text (builder, "description", self->description);
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint s = 0; s < self->sections->len; s++)
    {
      const Section *section = &g_array_index (self->sections, Section, s);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (section->questions));

      json_builder_begin_object (builder);
      add_text (builder, "id", section->id);
      add_text (builder, "title", section->title);
      add_text (builder, "description", section->description);
      add_text (builder, "summary_prompt", section->summary_prompt);
      json_builder_set_member_name (builder, "questions");
      json_builder_begin_array (builder);
      for (guint q = 0; q < n; q++)
        {
          g_autoptr(ReflectQuestion) question =
            g_list_model_get_item (G_LIST_MODEL (section->questions), q);
          json_builder_begin_object (builder);
          add_text (builder, "id", reflect_question_get_id (question));
          add_text (builder, "text", reflect_question_get_text (question));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
reflect_question_bank_to_data (ReflectQuestionBank *self)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_val_if_fail (REFLECT_IS_QUESTION_BANK (self), NULL);

  node = reflect_question_bank_to_json (self);
  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

const char *
reflect_question_bank_get_id (ReflectQuestionBank *self)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION_BANK (self), NULL);
  return self->id;
}

const char *
reflect_question_bank_get_title (ReflectQuestionBank *self)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION_BANK (self), NULL);
  return self->title;
}

const char *
reflect_question_bank_get_citation (ReflectQuestionBank *self)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION_BANK (self), NULL);
  return self->citation;
}

const char *
reflect_question_bank_get_description (ReflectQuestionBank *self)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION_BANK (self), NULL);
  return self->description;
}

gboolean
reflect_question_bank_get_builtin (ReflectQuestionBank *self)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION_BANK (self), FALSE);
  return self->builtin;
}

void
reflect_question_bank_set_builtin (ReflectQuestionBank *self,
                                   gboolean             builtin)
{
  g_return_if_fail (REFLECT_IS_QUESTION_BANK (self));
  self->builtin = !!builtin;
}

guint
reflect_question_bank_get_n_sections (ReflectQuestionBank *self)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION_BANK (self), 0);
  return self->sections->len;
}

#define SECTION_GETTER(field)                                                         \
const char *                                                                          \
reflect_question_bank_get_section_##field (ReflectQuestionBank *self,                 \
                                           guint                section)              \
{                                                                                     \
  g_return_val_if_fail (REFLECT_IS_QUESTION_BANK (self), NULL);                       \
  g_return_val_if_fail (section < self->sections->len, NULL);                         \
  return g_array_index (self->sections, Section, section).field;                      \
}

SECTION_GETTER (id)
SECTION_GETTER (title)
SECTION_GETTER (description)
SECTION_GETTER (summary_prompt)

int
reflect_question_bank_find_section (ReflectQuestionBank *self,
                                    const char          *section_id)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION_BANK (self), -1);

  for (guint i = 0; i < self->sections->len; i++)
    if (g_strcmp0 (g_array_index (self->sections, Section, i).id, section_id) == 0)
      return (int)i;
  return -1;
}

/**
 * reflect_question_bank_get_section_questions:
 *
 * Returns: (transfer none): the section's #ReflectQuestion items in order
 */
GListModel *
reflect_question_bank_get_section_questions (ReflectQuestionBank *self,
                                             guint                section)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION_BANK (self), NULL);
  g_return_val_if_fail (section < self->sections->len, NULL);
  return G_LIST_MODEL (g_array_index (self->sections, Section, section).questions);
}

/**
 * reflect_question_bank_get_questions:
 *
 * Returns: (transfer none): every #ReflectQuestion of the bank in order
 */
GListModel *
reflect_question_bank_get_questions (ReflectQuestionBank *self)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION_BANK (self), NULL);
  return G_LIST_MODEL (self->questions);
}

/**
 * reflect_question_bank_find_question:
 *
 * Returns: (transfer none) (nullable)
 */
ReflectQuestion *
reflect_question_bank_find_question (ReflectQuestionBank *self,
                                     const char          *question_id)
{
  g_return_val_if_fail (REFLECT_IS_QUESTION_BANK (self), NULL);
  return g_hash_table_lookup (self->by_id, question_id);
}

/**
 * reflect_question_bank_add_section:
 *
 * Adds an empty section (for a user's own bank).  Returns: its index
 */
guint
reflect_question_bank_add_section (ReflectQuestionBank *self,
                                   const char          *section_id,
                                   const char          *title)
{
  Section section = { 0 };

  g_return_val_if_fail (REFLECT_IS_QUESTION_BANK (self), 0);
  g_return_val_if_fail (reflect_json_is_identifier (section_id, TRUE), 0);

  section.id = g_strdup (section_id);
  section.title = g_strdup (title);
  section.description = g_strdup ("");
  section.summary_prompt = g_strdup ("");
  section.questions = g_list_store_new (REFLECT_TYPE_QUESTION);
  g_array_append_val (self->sections, section);
  return self->sections->len - 1;
}

/**
 * reflect_question_bank_add_question:
 *
 * Appends @question to @section (custom questions go after the bank's own).
 */
void
reflect_question_bank_add_question (ReflectQuestionBank *self,
                                    guint                section,
                                    ReflectQuestion     *question)
{
  Section *target;
  guint position = 0;

  g_return_if_fail (REFLECT_IS_QUESTION_BANK (self));
  g_return_if_fail (section < self->sections->len);
  g_return_if_fail (REFLECT_IS_QUESTION (question));
  g_return_if_fail (!g_hash_table_contains (self->by_id, reflect_question_get_id (question)));

  /* Keep the flat list in section order: insert after the last question
   * of this section and every earlier one. */
  for (guint s = 0; s <= section; s++)
    position += g_list_model_get_n_items (
      G_LIST_MODEL (g_array_index (self->sections, Section, s).questions));

  target = &g_array_index (self->sections, Section, section);
  g_list_store_append (target->questions, question);
  g_list_store_insert (self->questions, position, question);
  g_hash_table_insert (self->by_id, (gpointer)reflect_question_get_id (question), question);
}

gboolean
reflect_question_bank_remove_question (ReflectQuestionBank *self,
                                       const char          *question_id)
{
  ReflectQuestion *question;
  guint position;

  g_return_val_if_fail (REFLECT_IS_QUESTION_BANK (self), FALSE);

  question = g_hash_table_lookup (self->by_id, question_id);
  if (question == NULL)
    return FALSE;

  for (guint s = 0; s < self->sections->len; s++)
    {
      Section *section = &g_array_index (self->sections, Section, s);
      if (g_list_store_find (section->questions, question, &position))
        {
          g_list_store_remove (section->questions, position);
          break;
        }
    }

  g_hash_table_remove (self->by_id, question_id);
  if (g_list_store_find (self->questions, question, &position))
    g_list_store_remove (self->questions, position);

  return TRUE;
}
