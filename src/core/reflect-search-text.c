/* reflect-search-text.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "reflect-search-text.h"

/* The words of a search, cut and compared the way the search index cuts
 * them (SQLite's unicode61 tokenizer with diacritics removed): a word is
 * a run of letters, digits and combining marks.  Scoring and snippets are
 * done here rather than by FTS5 because its bm25() and snippet() read the
 * whole list of documents for every word, which for a word in most notes
 * costs tens of milliseconds per keystroke. */

typedef struct
{
  gsize   start;
  gsize   end;
  guint64 words;   /* bit i: the token starts with query word i */
} Token;

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/**
 * reflect_search_text_split:
 *
 * Returns: (transfer full): the words of @text, as typed, in order
 */
GPtrArray *
reflect_search_text_split (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *word_start = NULL;

  if (text == NULL)
    return words;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c != 0 && is_word_char (c))
        {
          if (word_start == NULL)
            word_start = p;
          continue;
        }

      if (word_start != NULL)
        {
          g_ptr_array_add (words, g_strndup (word_start, p - word_start));
          word_start = NULL;
        }

      if (c == 0)
        break;
    }

  return words;
}

/**
 * reflect_search_text_fold:
 *
 * Returns: (transfer full): @word without accents and case, for comparing
 */
char *
reflect_search_text_fold (const char *word)
{
  g_autofree char *decomposed = g_utf8_normalize (word, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);

  if (decomposed == NULL)
    return g_strdup ("");

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, bare->len);
}

/* Appends body[from, to), line breaks and other control characters made
 * spaces: the snippet is one line, and marks typed into the text itself
 * must not pass for the match marks. */
static void
append_plain (GString    *snippet,
              const char *body,
              gsize       from,
              gsize       to)
{
  for (gsize i = from; i < to; i++)
    g_string_append_c (snippet, (guchar)body[i] < 0x20 ? ' ' : body[i]);
}

/* Which of @folded_words the token @text (@len bytes) starts with. */
static guint64
match_token (const char *text,
             gsize       len,
             GPtrArray  *folded_words)
{
  guint n_words = MIN (folded_words->len, 64);
  guint64 words = 0;
  gboolean ascii = TRUE;

  for (gsize i = 0; i < len && ascii; i++)
    ascii = (guchar)text[i] < 0x80;

  /* Most notes are plain ASCII: compare without folding a copy. */
  if (ascii)
    {
      for (guint i = 0; i < n_words; i++)
        {
          const char *word = g_ptr_array_index (folded_words, i);
          gsize word_len = strlen (word);

          if (word_len <= len && g_ascii_strncasecmp (text, word, word_len) == 0)
            words |= G_GUINT64_CONSTANT (1) << i;
        }
    }
  else
    {
      g_autofree char *copy = g_strndup (text, len);
      g_autofree char *folded = reflect_search_text_fold (copy);

      for (guint i = 0; i < n_words; i++)
        if (g_str_has_prefix (folded, g_ptr_array_index (folded_words, i)))
          words |= G_GUINT64_CONSTANT (1) << i;
    }

  return words;
}

/**
 * reflect_search_text_fold_words:
 *
 * Returns: (transfer full): the words of @text, each passed through
 * reflect_search_text_fold(), ready to compare with texts
 */
GPtrArray *
reflect_search_text_fold_words (const char *text)
{
  g_autoptr(GPtrArray) words = reflect_search_text_split (text);
  GPtrArray *folded = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < words->len; i++)
    g_ptr_array_add (folded, reflect_search_text_fold (g_ptr_array_index (words, i)));
  return folded;
}

static GArray *
tokenize (const char *body,
          GPtrArray  *folded_words)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *token_start = NULL;

  for (const char *p = body;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c != 0 && is_word_char (c))
        {
          if (token_start == NULL)
            token_start = p;
          continue;
        }

      if (token_start != NULL)
        {
          Token token = { token_start - body, p - body,
                          match_token (token_start, p - token_start, folded_words) };

          g_array_append_val (tokens, token);
          token_start = NULL;
        }

      if (c == 0)
        break;
    }

  return tokens;
}

/**
 * reflect_search_text_find:
 * @folded_words: words passed through reflect_search_text_fold()
 *
 * Returns: a bit for each of the first 64 @folded_words that some word of
 * @body starts with: bit 0 for the first
 */
guint64
reflect_search_text_find (const char *body,
                          GPtrArray  *folded_words)
{
  g_autoptr(GArray) tokens = NULL;
  guint64 seen = 0;

  g_return_val_if_fail (folded_words != NULL, 0);

  if (body == NULL)
    return 0;

  tokens = tokenize (body, folded_words);
  for (guint i = 0; i < tokens->len; i++)
    seen |= g_array_index (tokens, Token, i).words;
  return seen;
}

/**
 * reflect_search_text_score:
 * @folded_words: words passed through reflect_search_text_fold()
 *
 * How well @body answers the search: the more of its words are the words
 * searched for, the higher.  Only the order of scores means anything.
 */
double
reflect_search_text_score (const char *body,
                           GPtrArray  *folded_words)
{
  g_autoptr(GArray) tokens = NULL;
  guint matches = 0;
  guint64 seen = 0;

  g_return_val_if_fail (folded_words != NULL, 0);

  if (body == NULL || *body == '\0')
    return 0;

  tokens = tokenize (body, folded_words);
  for (guint i = 0; i < tokens->len; i++)
    {
      guint64 words = g_array_index (tokens, Token, i).words;

      if (words != 0)
        matches++;
      seen |= words;
    }

  /* Every word found counts most; then how dense the matches are, so a
   * short text about the thing beats a long one that mentions it. */
  return seen == 0 ? 0
         : __builtin_popcountll (seen) + (double)matches / sqrt (tokens->len + 1);
}

/**
 * reflect_search_text_snippet:
 * @folded_words: words passed through reflect_search_text_fold()
 * @n_tokens: how many words the snippet may hold
 *
 * Cuts the @n_tokens words of @body that hold the most of the words
 * searched for, each match between %REFLECT_SEARCH_MATCH_START and
 * %REFLECT_SEARCH_MATCH_END, with "…" where text was left out.  Line
 * breaks and other control characters become spaces.
 *
 * Returns: (transfer full): the snippet
 */
char *
reflect_search_text_snippet (const char *body,
                             GPtrArray  *folded_words,
                             guint       n_tokens)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GString) snippet = g_string_new (NULL);
  guint best = 0, best_count = 0, best_distance = G_MAXUINT, n_windows, last;

  g_return_val_if_fail (folded_words != NULL, NULL);
  g_return_val_if_fail (n_tokens > 0, NULL);

  if (body == NULL)
    return g_strdup ("");

  tokens = tokenize (body, folded_words);
  if (tokens->len == 0)
    return g_strdup ("");

  /* The window with the most different words matched; of those, the one
   * whose first match comes nearest its third word, so a match keeps a
   * little of what comes before it. */
  n_windows = tokens->len > n_tokens ? tokens->len - n_tokens + 1 : 1;
  for (guint start = 0; start < n_windows; start++)
    {
      guint64 seen = 0;
      guint count, lead = G_MAXUINT, distance;

      for (guint i = start; i < MIN (start + n_tokens, tokens->len); i++)
        {
          guint64 words = g_array_index (tokens, Token, i).words;

          if (words != 0 && lead == G_MAXUINT)
            lead = i - start;
          seen |= words;
        }
      count = __builtin_popcountll (seen);
      distance = lead == G_MAXUINT ? G_MAXUINT : (guint)ABS ((int)lead - 2);
      if (count > best_count || (count == best_count && distance < best_distance))
        {
          best_count = count;
          best_distance = distance;
          best = start;
        }
    }
  last = MIN (best + n_tokens, tokens->len) - 1;

  if (best > 0)
    g_string_append (snippet, "…");
  else
    append_plain (snippet, body, 0, g_array_index (tokens, Token, 0).start);
  for (guint i = best; i <= last; i++)
    {
      const Token *token = &g_array_index (tokens, Token, i);

      if (i > best)
        append_plain (snippet, body, g_array_index (tokens, Token, i - 1).end, token->start);
      if (token->words != 0)
        g_string_append_c (snippet, REFLECT_SEARCH_MATCH_START);
      append_plain (snippet, body, token->start, token->end);
      if (token->words != 0)
        g_string_append_c (snippet, REFLECT_SEARCH_MATCH_END);
    }
  if (last + 1 < tokens->len)
    g_string_append (snippet, "…");
  else
    append_plain (snippet, body, g_array_index (tokens, Token, last).end, strlen (body));

  return g_string_free (g_steal_pointer (&snippet), FALSE);
}
