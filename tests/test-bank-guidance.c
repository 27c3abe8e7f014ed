/* test-bank-guidance.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "reflect-catalog.h"

/* Every question of the three source documents is in the app's banks,
 * checked against the guidance text itself, so that a bank file edited by
 * hand cannot quietly drop or reword one.  The guidance lives beside the
 * repository (../shared/guidance); without it the test is skipped. */

#define MCCLURE_FILE  "000_72cd5a7bf20c744b.txt"
#define MORRISON_FILE "002_7a8cdba9c18f50cc.txt"
#define SPR_FILE      "003_7ab9df0841a15795.txt"

static char *guidance_dir;

static void
replace_all (GString    *s,
             const char *from,
             const char *to)
{
  g_string_replace (s, from, to, 0);
}

/* The same text either way: straight quotes, single spaces, and the
 * source's typing slips corrected as the bank files correct them. */
static char *
normalise (const char *text,
           gboolean    from_source)
{
  GString *s = g_string_new (text);
  g_auto(GStrv) words = NULL;
  g_autofree char *joined = NULL;

  replace_all (s, "\xe2\x80\x98", "'");
  replace_all (s, "\xe2\x80\x99", "'");
  replace_all (s, "\xe2\x80\x9c", "\"");
  replace_all (s, "\xe2\x80\x9d", "\"");
  replace_all (s, "\xc2\xa0", " ");
  replace_all (s, "\t", " ");
  replace_all (s, "\n", " ");

  words = g_strsplit (s->str, " ", -1);
  g_string_free (s, TRUE);
  {
    g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
    g_auto(GStrv) list = NULL;

    for (guint i = 0; words[i] != NULL; i++)
      if (words[i][0] != '\0')
        g_strv_builder_add (kept, words[i]);
    list = g_strv_builder_end (kept);
    joined = g_strjoinv (" ", list);
  }

  s = g_string_new (joined);
  if (from_source)
    {
      replace_all (s, "cpplan", "CP plan");
      replace_all (s, " cp ", " CP ");
      replace_all (s, "did not. ?", "did not?");
      replace_all (s, "point of view ?", "point of view?");
      replace_all (s, "?.", "?");
    }
  return g_string_free (s, FALSE);
}

static char *
read_guidance (const char *name)
{
  g_autofree char *path = g_build_filename (guidance_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static gboolean
skip_without_guidance (void)
{
  if (guidance_dir != NULL && g_file_test (guidance_dir, G_FILE_TEST_IS_DIR))
    return FALSE;
  g_test_skip ("The guidance folder (../shared/guidance beside the repository) is not here");
  return TRUE;
}

/* The "- " bullets of @text, from after @heading (or the start) up to the
 * next "## " heading when @heading is given. */
static GPtrArray *
bullets (const char *text,
         const char *heading)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;
  gboolean inside = heading == NULL;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (heading != NULL && g_str_has_prefix (line, "## "))
        {
          if (inside)
            break;
          inside = strstr (line, heading) != NULL;
          continue;
        }
      if (inside && g_str_has_prefix (line, "- "))
        g_ptr_array_add (found, normalise (line + 2, TRUE));
    }
  return found;
}

/* Morrison: each <li>, with its "N." dropped, and the <br/> lines of the
 * Action plans paragraph. */
static GPtrArray *
morrison_items (const char *text)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;
  const char *action;

  while ((p = strstr (p, "<li>")) != NULL)
    {
      const char *end = strstr (p, "</li>");
      g_autofree char *item = NULL;
      const char *q;

      g_assert_nonnull (end);
      item = g_strndup (p + 4, end - p - 4);
      q = item;
      while (g_ascii_isdigit (*q))
        q++;
      if (*q == '.')
        q++;
      g_ptr_array_add (found, normalise (q, TRUE));
      p = end;
    }

  action = strstr (text, "<b>ACTION PLANS");
  g_assert_nonnull (action);
  action = strstr (action, "</p>");
  g_assert_nonnull (action);
  action = strstr (action, "<p>");
  g_assert_nonnull (action);
  {
    const char *end = strstr (action, "</p>");
    g_autofree char *para = g_strndup (action + 3, end - action - 3);
    g_auto(GStrv) lines = g_strsplit (para, "<br/>", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      g_ptr_array_add (found, normalise (lines[i], TRUE));
  }
  return found;
}

/* Every question text of @bank_id, normalised, with how often it occurs. */
static GHashTable *
bank_texts (ReflectCatalog *catalog,
            const char     *bank_id)
{
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ReflectQuestionBank *bank = reflect_catalog_find_bank (catalog, bank_id);
  GListModel *questions;

  g_assert_nonnull (bank);
  questions = reflect_question_bank_get_questions (bank);
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(ReflectQuestion) q = g_list_model_get_item (questions, i);
      char *key = normalise (reflect_question_get_text (q), FALSE);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (texts, key));

      g_hash_table_replace (texts, key, GUINT_TO_POINTER (n + 1));
    }
  return texts;
}

/* Each source question is in the bank exactly once, and the bank holds
 * nothing the source does not. */
static void
check_bank (const char *bank_id,
            GPtrArray  *source,
            guint       expected_distinct)
{
  g_autoptr(ReflectCatalog) catalog = reflect_catalog_new (NULL);
  g_autoptr(GHashTable) texts = bank_texts (catalog, bank_id);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < source->len; i++)
    {
      const char *question = g_ptr_array_index (source, i);

      if (!g_hash_table_contains (texts, question))
        g_error ("%s: the guidance's question is not in the bank: “%s”", bank_id, question);
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (texts, question)), ==, 1);
      g_hash_table_add (seen, (gpointer)question);
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, expected_distinct);

  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key))
      g_error ("%s: the bank has a question the guidance does not: “%s”", bank_id,
               (const char *)key);
}

static void
test_mcclure (void)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) source = NULL;

  if (skip_without_guidance ())
    return;

  text = read_guidance (MCCLURE_FILE);
  source = bullets (text, "McClure");
  g_assert_cmpuint (source->len, ==, 17);
  check_bank ("mcclure", source, 17);
}

static void
test_spr (void)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) source = NULL;

  if (skip_without_guidance ())
    return;

  text = read_guidance (SPR_FILE);
  source = bullets (text, NULL);
  /* Child 6, parent/carer 7, practitioner 8, partnership 6, outcomes 5. */
  g_assert_cmpuint (source->len, ==, 32);
  check_bank ("spr", source, 32);
}

static void
test_morrison (void)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) source = NULL;

  if (skip_without_guidance ())
    return;

  text = read_guidance (MORRISON_FILE);
  source = morrison_items (text);
  /* Experience 8, reflection 8, analysis 13 (one listed twice), actions 14. */
  g_assert_cmpuint (source->len, ==, 43);
  check_bank ("morrison", source, 42);
}

/* The quadrant explanations and the Experience summary prompt are the
 * guidance's own words. */
static void
test_morrison_sections (void)
{
  g_autoptr(ReflectCatalog) catalog = reflect_catalog_new (NULL);
  ReflectQuestionBank *bank = reflect_catalog_find_bank (catalog, "morrison");
  g_autofree char *raw = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *text = NULL;

  if (skip_without_guidance ())
    return;

  raw = read_guidance (MORRISON_FILE);
  /* The Action plans heading runs into its explanation, in lower case. */
  flat = normalise (raw, FALSE);
  text = g_ascii_strdown (flat, -1);
  for (guint s = 0; s < reflect_question_bank_get_n_sections (bank); s++)
    {
      g_autofree char *written =
        normalise (reflect_question_bank_get_section_description (bank, s), FALSE);
      g_autofree char *description = g_ascii_strdown (written, -1);

      g_assert_cmpuint (strlen (description), >, 20);
      if (g_str_has_suffix (description, "."))
        description[strlen (description) - 1] = '\0';
      if (strstr (text, description) == NULL)
        g_error ("morrison: section %s's explanation is not the guidance's: “%s”",
                 reflect_question_bank_get_section_id (bank, s), description);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *root;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The folder can also be given directly. */
  if (g_getenv ("REFLECT_GUIDANCE_DIR") != NULL)
    guidance_dir = g_strdup (g_getenv ("REFLECT_GUIDANCE_DIR"));
  else if ((root = g_getenv ("REFLECT_SOURCE_ROOT")) != NULL)
    guidance_dir = g_build_filename (root, "..", "shared", "guidance", NULL);

  g_test_add_func ("/bank-guidance/mcclure/every-question", test_mcclure);
  g_test_add_func ("/bank-guidance/spr/every-question", test_spr);
  g_test_add_func ("/bank-guidance/morrison/every-question-duplicate-once", test_morrison);
  g_test_add_func ("/bank-guidance/morrison/section-explanations", test_morrison_sections);

  status = g_test_run ();
  g_free (guidance_dir);
  return status;
}
