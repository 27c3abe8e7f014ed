/* reflect-glossary.h
 *
 * Copyright 2026 The Reflect developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One acronym found in a text: where it is (bytes) and what it means. */
typedef struct
{
  const char *term;   /* owned by the glossary */
  const char *plain;  /* owned by the glossary */
  gsize       start;
  gsize       length;
} ReflectGlossaryMatch;

#define REFLECT_TYPE_GLOSSARY (reflect_glossary_get_type ())

G_DECLARE_FINAL_TYPE (ReflectGlossary, reflect_glossary, REFLECT, GLOSSARY, GObject)

ReflectGlossary *reflect_glossary_new_from_data   (const char       *data,
                                                   gssize            length,
                                                   const char       *filename,
                                                   GError          **error);
ReflectGlossary *reflect_glossary_get_default     (void);
guint            reflect_glossary_get_n_terms     (ReflectGlossary  *self);
const char      *reflect_glossary_lookup          (ReflectGlossary  *self,
                                                   const char       *term);
GArray          *reflect_glossary_find            (ReflectGlossary  *self,
                                                   const char       *text);
GStrv            reflect_glossary_find_terms      (ReflectGlossary  *self,
                                                   const char       *text);
char            *reflect_glossary_expand          (ReflectGlossary  *self,
                                                   const char       *text,
                                                   const char       *term);

G_END_DECLS
