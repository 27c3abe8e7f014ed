/* reflect-json.c
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "reflect-json"

#include "config.h"

#include <glib/gi18n.h>

#include "reflect-json.h"
#include "reflect-utils.h"

void
reflect_json_set_error (GError     **error,
                        const char  *filename,
                        const char  *path,
                        const char  *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "%s: %s: %s", filename ? filename : _("(unnamed)"), path ? path : "$", message);
}

/**
 * reflect_json_parse:
 *
 * Parses @data as JSON.  A syntax error names the file, line and column
 * as json-glib reports them.  Returns: (transfer full): the root node.
 */
JsonNode *
reflect_json_parse (const char  *data,
                    gssize       length,
                    const char  *filename,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (data == NULL || (length < 0 ? *data == '\0' : length == 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the file is empty"), filename ? filename : _("(unnamed)"));
      return NULL;
    }

  if (length < 0)
    length = strlen (data);

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the file is not UTF-8 text"), filename ? filename : _("(unnamed)"));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib puts "<data>:LINE:COLUMN: Parse error: …" in the message. */
      const char *message = local_error->message;
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: line %s"), filename ? filename : _("(unnamed)"), message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: the file holds no JSON value"), filename ? filename : _("(unnamed)"));
      return NULL;
    }

  return json_node_ref (root);
}

JsonObject *
reflect_json_require_object (JsonNode    *node,
                             const char  *filename,
                             const char  *path,
                             GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      reflect_json_set_error (error, filename, path, _("expected an object {…}"));
      return NULL;
    }
  return json_node_get_object (node);
}

JsonObject *
reflect_json_get_object (JsonObject  *object,
                         const char  *member,
                         gboolean     required,
                         const char  *filename,
                         const char  *path,
                         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        reflect_json_set_error (error, filename, path, _("“%s” is missing"), member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reflect_json_set_error (error, filename, path, _("“%s” must be an object {…}"), member);
      return NULL;
    }

  return json_node_get_object (node);
}

JsonArray *
reflect_json_get_array (JsonObject  *object,
                        const char  *member,
                        gboolean     required,
                        const char  *filename,
                        const char  *path,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        reflect_json_set_error (error, filename, path, _("“%s” is missing"), member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      reflect_json_set_error (error, filename, path, _("“%s” must be a list […]"), member);
      return NULL;
    }

  return json_node_get_array (node);
}

/**
 * reflect_json_get_string:
 *
 * Returns: (nullable): the string member, or %NULL when it is absent and not
 * required (no error set) or when it is wrong (error set).  Callers tell the
 * two apart by passing @error and checking it.
 */
const char *
reflect_json_get_string (JsonObject  *object,
                         const char  *member,
                         gboolean     required,
                         gsize        max_length,
                         const char  *filename,
                         const char  *path,
                         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        reflect_json_set_error (error, filename, path, _("“%s” is missing"), member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      reflect_json_set_error (error, filename, path, _("“%s” must be text in quotes"), member);
      return NULL;
    }

  value = json_node_get_string (node);

  if (required && reflect_string_is_blank (value))
    {
      reflect_json_set_error (error, filename, path, _("“%s” is empty"), member);
      return NULL;
    }

  if (max_length > 0 && g_utf8_strlen (value, -1) > (glong) max_length)
    {
      reflect_json_set_error (error, filename, path,
                              _("“%s” is longer than %" G_GSIZE_FORMAT " characters"),
                              member, max_length);
      return NULL;
    }

  return value;
}

gboolean
reflect_json_get_int (JsonObject  *object,
                      const char  *member,
                      gint64       min,
                      gint64       max,
                      gint64      *out_value,
                      const char  *filename,
                      const char  *path,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      reflect_json_set_error (error, filename, path,
                              _("“%s” must be a whole number from %" G_GINT64_FORMAT
                                " to %" G_GINT64_FORMAT),
                              member, min, max);
      return FALSE;
    }

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      reflect_json_set_error (error, filename, path,
                              _("“%s” is %" G_GINT64_FORMAT "; it must be from %"
                                G_GINT64_FORMAT " to %" G_GINT64_FORMAT),
                              member, value, min, max);
      return FALSE;
    }

  *out_value = value;
  return TRUE;
}

gboolean
reflect_json_get_bool (JsonObject  *object,
                       const char  *member,
                       gboolean     default_value,
                       gboolean    *out_value,
                       const char  *filename,
                       const char  *path,
                       GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out_value = default_value;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      reflect_json_set_error (error, filename, path, _("“%s” must be true or false"), member);
      return FALSE;
    }

  *out_value = json_node_get_boolean (node);
  return TRUE;
}

/**
 * reflect_json_is_identifier:
 *
 * Identifiers (model, stage, bank, section and question ids) are stored in
 * the database and appear in file names, so they are kept to lower-case
 * ASCII letters, digits and hyphens (and dots where @allow_dots).
 */
gboolean
reflect_json_is_identifier (const char *text,
                            gboolean    allow_dots)
{
  gsize len;

  if (text == NULL || *text == '\0')
    return FALSE;

  len = strlen (text);
  if (len > 100 || text[0] == '.' || text[len - 1] == '.')
    return FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '_')
        continue;
      if (allow_dots && *p == '.' && p[1] != '.')
        continue;
      return FALSE;
    }

  return TRUE;
}

static const ReflectJsonText *
find_text (const ReflectJsonText *texts,
           gsize                  n_texts,
           const char            *path)
{
  for (gsize i = 0; i < n_texts; i++)
    if (g_str_equal (texts[i].path, path))
      return &texts[i];
  return NULL;
}

static JsonNode *
translate_node (JsonNode              *node,
                GString               *path,
                const ReflectJsonText *texts,
                gsize                  n_texts,
                const char            *domain)
{
  gsize length = path->len;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *from = json_node_get_object (node);
        g_autoptr(JsonObject) to = json_object_new ();
        g_autoptr(GList) names = json_object_get_members (from);

        for (GList *l = names; l != NULL; l = l->next)
          {
            g_string_append_printf (path, ".%s", (const char *)l->data);
            json_object_set_member (to, l->data,
                                    translate_node (json_object_get_member (from, l->data),
                                                    path, texts, n_texts, domain));
            g_string_truncate (path, length);
          }
        return json_node_init_object (json_node_alloc (), to);
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *from = json_node_get_array (node);
        guint n = json_array_get_length (from);
        g_autoptr(JsonArray) to = json_array_sized_new (n);

        g_string_append (path, "[]");
        for (guint i = 0; i < n; i++)
          json_array_add_element (to, translate_node (json_array_get_element (from, i), path,
                                                      texts, n_texts, domain));
        g_string_truncate (path, length);
        return json_node_init_array (json_node_alloc (), to);
      }

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (node);
          const ReflectJsonText *found = find_text (texts, n_texts, path->str);

          /* The empty string would come back as the catalogue's header. */
          if (found != NULL && text != NULL && *text != '\0')
            return json_node_init_string (json_node_alloc (),
                                          found->context != NULL
                                            ? g_dpgettext2 (domain, found->context, text)
                                            : g_dgettext (domain, text));
        }
      return json_node_copy (node);

    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

/**
 * reflect_json_translate:
 * @node: a parsed file
 * @texts: (array length=n_texts): the members that are text a person reads
 * @domain: the gettext domain to translate them in
 *
 * Translates the text of a file that comes with Reflect (a model, a bank),
 * before the file is checked and read as usual: po/reflect-data.pot holds
 * the same strings, written by build-aux/extract-data-strings.py.  Only
 * strings at the paths in @texts are translated; ids, keys and numbers are
 * kept.  Never use it on a file a person wrote or imported.
 *
 * Returns: (transfer full): a translated copy of @node
 */
JsonNode *
reflect_json_translate (JsonNode              *node,
                        const ReflectJsonText *texts,
                        gsize                  n_texts,
                        const char            *domain)
{
  g_autoptr(GString) path = g_string_new ("$");

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (texts != NULL || n_texts == 0, NULL);

  return translate_node (node, path, texts, n_texts, domain);
}
