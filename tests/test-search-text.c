/* test-search-text.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "reflect-search-text.h"

static void
test_split (void)
{
  g_autoptr(GPtrArray) words = reflect_search_text_split ("  \"NEAR( x*y -Łódź 4471…");

  g_assert_cmpuint (words->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (words, 0), ==, "NEAR");
  g_assert_cmpstr (g_ptr_array_index (words, 1), ==, "x");
  g_assert_cmpstr (g_ptr_array_index (words, 2), ==, "y");
  g_assert_cmpstr (g_ptr_array_index (words, 3), ==, "Łódź");
  g_assert_cmpstr (g_ptr_array_index (words, 4), ==, "4471");
  g_ptr_array_unref (g_steal_pointer (&words));

  words = reflect_search_text_split (NULL);
  g_assert_cmpuint (words->len, ==, 0);
}

static void
test_fold (void)
{
  g_autofree char *a = reflect_search_text_fold ("Łódź");
  g_autofree char *b = reflect_search_text_fold ("CAFÉ");
  /* "e" followed by a combining acute accent. */
  g_autofree char *c = reflect_search_text_fold ("cafe\xcc\x81");

  g_assert_cmpstr (a, ==, "łodz");
  g_assert_cmpstr (b, ==, "cafe");
  g_assert_cmpstr (c, ==, "cafe");
}

static void
test_find (void)
{
  g_autoptr(GPtrArray) words = reflect_search_text_fold_words ("hous tenancy cafe zebra");

  /* Prefixes, any case, accents ignored; zebra is not there. */
  g_assert_cmpuint (reflect_search_text_find ("The HOUSING team; tenancy at the Café.", words),
                    ==, 0x7);
  g_assert_cmpuint (reflect_search_text_find ("", words), ==, 0);
  g_assert_cmpuint (reflect_search_text_find (NULL, words), ==, 0);
  /* Inside a word is not a match: only its start. */
  g_assert_cmpuint (reflect_search_text_find ("warehouse", words), ==, 0);
}

static void
test_score (void)
{
  g_autoptr(GPtrArray) words = reflect_search_text_fold_words ("housing tenancy");
  double both = reflect_search_text_score ("Housing agreed to review the tenancy.", words);
  double one = reflect_search_text_score ("Housing agreed to review it.", words);
  double diluted = reflect_search_text_score ("Housing agreed to review the tenancy after a long"
                                              " conversation about many other things that were"
                                              " raised by the family and the school.", words);

  g_assert_cmpfloat (both, >, one);
  g_assert_cmpfloat (both, >, diluted);
  g_assert_cmpfloat (reflect_search_text_score ("nothing here", words), ==, 0);
}

static void
test_snippet (void)
{
  g_autoptr(GPtrArray) words = reflect_search_text_fold_words ("tenancy");
  g_autofree char *whole = reflect_search_text_snippet ("Agreed: the tenancy.", words, 12);
  g_autofree char *cut = reflect_search_text_snippet (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " the tenancy was discussed with\nthe landlord and the family at length today", words, 6);
  g_autofree char *none = reflect_search_text_snippet ("no match at all", words, 12);
  g_autofree char *hostile = reflect_search_text_snippet ("a \002fake\003 tenancy", words, 12);

  /* A short text whole, punctuation kept, the match marked. */
  g_assert_cmpstr (whole, ==, "Agreed: the \002tenancy\003.");
  /* A long one cut around the match with a little before it; the line
   * break is a space. */
  g_assert_cmpstr (cut, ==, "…fourteen the \002tenancy\003 was discussed with…");
  g_assert_cmpstr (none, ==, "no match at all");
  /* Marks typed into the text are not matches. */
  g_assert_cmpstr (hostile, ==, "a  fake  \002tenancy\003");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-text/split", test_split);
  g_test_add_func ("/search-text/fold", test_fold);
  g_test_add_func ("/search-text/find", test_find);
  g_test_add_func ("/search-text/score", test_score);
  g_test_add_func ("/search-text/snippet", test_snippet);

  return g_test_run ();
}
