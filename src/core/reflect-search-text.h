/* reflect-search-text.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Marks around a matching word in a snippet. */
#define REFLECT_SEARCH_MATCH_START '\002'
#define REFLECT_SEARCH_MATCH_END   '\003'

/* The words of a text shown around its match. */
#define REFLECT_SEARCH_SNIPPET_WORDS 12

/* The longest prefix the search index holds ready (its prefix= option):
 * a longer word is looked up by its first this many letters, and the
 * texts found are then checked for the whole word. */
#define REFLECT_SEARCH_INDEXED_PREFIX 6

GPtrArray *reflect_search_text_split   (const char *text);
char      *reflect_search_text_fold    (const char *word);
GPtrArray *reflect_search_text_fold_words (const char *text);
guint64    reflect_search_text_find    (const char *body,
                                        GPtrArray  *folded_words);
double     reflect_search_text_score   (const char *body,
                                        GPtrArray  *folded_words);
char      *reflect_search_text_snippet (const char *body,
                                        GPtrArray  *folded_words,
                                        guint       n_tokens);

G_END_DECLS
