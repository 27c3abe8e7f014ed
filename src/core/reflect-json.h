/* reflect-json.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Helpers shared by every loader of user-editable JSON (models, banks,
 * sessions).  Each fault is reported as "FILE: PATH: what is wrong", where
 * PATH is a JSON path such as $.stages[2].minutes, so a person editing the
 * file can find the place. */

JsonNode    *reflect_json_parse          (const char   *data,
                                          gssize        length,
                                          const char   *filename,
                                          GError      **error);
JsonObject  *reflect_json_require_object (JsonNode     *node,
                                          const char   *filename,
                                          const char   *path,
                                          GError      **error);
JsonObject  *reflect_json_get_object     (JsonObject   *object,
                                          const char   *member,
                                          gboolean      required,
                                          const char   *filename,
                                          const char   *path,
                                          GError      **error);
JsonArray   *reflect_json_get_array      (JsonObject   *object,
                                          const char   *member,
                                          gboolean      required,
                                          const char   *filename,
                                          const char   *path,
                                          GError      **error);
const char  *reflect_json_get_string     (JsonObject   *object,
                                          const char   *member,
                                          gboolean      required,
                                          gsize         max_length,
                                          const char   *filename,
                                          const char   *path,
                                          GError      **error);
gboolean     reflect_json_get_int        (JsonObject   *object,
                                          const char   *member,
                                          gint64        min,
                                          gint64        max,
                                          gint64       *out_value,
                                          const char   *filename,
                                          const char   *path,
                                          GError      **error);
gboolean     reflect_json_get_bool       (JsonObject   *object,
                                          const char   *member,
                                          gboolean      default_value,
                                          gboolean     *out_value,
                                          const char   *filename,
                                          const char   *path,
                                          GError      **error);
gboolean     reflect_json_is_identifier  (const char   *text,
                                          gboolean      allow_dots);
/* A string member that is text a person reads, for reflect_json_translate():
 * @path is a JSON path where ".name" is a member and "[]" any element of an
 * array ("$.stages[].title"); @context is its msgctxt, or %NULL. */
typedef struct
{
  const char *path;
  const char *context;
} ReflectJsonText;

JsonNode    *reflect_json_translate      (JsonNode              *node,
                                          const ReflectJsonText *texts,
                                          gsize                  n_texts,
                                          const char            *domain);
void         reflect_json_set_error      (GError      **error,
                                          const char   *filename,
                                          const char   *path,
                                          const char   *format,
                                          ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
