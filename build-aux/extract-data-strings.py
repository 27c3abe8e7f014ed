#!/usr/bin/env python3
# extract-data-strings.py
#
# Copyright 2026 The Reflect developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes po/reflect-data.pot: the text shown from the JSON files built into
# Reflect (session models, question banks, glossary, agencies), as a PO
# template that xgettext merges into po/reflect.pot (the file is listed in
# po/POTFILES.in; gettext 0.21 cannot read JSON itself).  Run it after
# changing any of those files:
#
#   python3 build-aux/extract-data-strings.py
#
# The test `data-strings` (tests/test-data-strings.py) fails while the
# checked-in file is stale.
#
# Which fields are text a person sees is decided here and, in step with
# this, in src/core/reflect-catalog.c (models and banks),
# src/core/reflect-glossary.c and src/core/reflect-store-people.c, where
# the built-in files are translated as they are read.  The test
# `data-translation` checks the two agree.
#
#   extract-data-strings.py [--root DIR] [--output FILE]   write the template
#   extract-data-strings.py [--root DIR] --pseudo LANG --output FILE
#       write a PO file translating every string as "⟦LANG msgid⟧" (tests)

import argparse
import json
import pathlib
import sys
import xml.etree.ElementTree as ElementTree

FRAGMENT = 'po/reflect-data.pot'
GRESOURCE = 'data/reflect-data.gresource.xml'

# (JSON path, comment for translators, msgctxt or None).  A path names a
# member with ".name" and every element of an array with "[]".
MODEL_TEXTS = [
    ('$.title', 'session model title', None),
    ('$.summary', 'session model summary', None),
    ('$.source', 'session model source (the published guidance it comes from)', None),
    ('$.description', 'session model description', None),
    ('$.roles[].title', 'role title', None),
    ('$.roles[].member-title', 'role title for one person', None),
    ('$.roles[].description', 'role description', None),
    ('$.reminders[].title', 'reminder title', None),
    ('$.reminders[].body', 'reminder', None),
    ('$.principles[]', 'principle', None),
    ('$.stages[].title', 'stage title', None),
    ('$.stages[].who', 'stage: who speaks and who listens', None),
    ('$.stages[].prompt', 'stage prompt', None),
    ('$.stages[].record', 'stage: what to record', None),
    ('$.stages[].summary_prompt', 'stage summary prompt', None),
    ('$.stages[].area',
     'stage area: a lower-case word that groups stages, shown with a capital letter '
     'as a heading; give each area of a model a different word', 'stage area'),
]

BANK_TEXTS = [
    ('$.title', 'question bank title', None),
    ('$.citation', 'question bank citation (the published guidance it comes from)', None),
    ('$.description', 'question bank description', None),
    ('$.sections[].title', 'question section title', None),
    ('$.sections[].description', 'question section description', None),
    ('$.sections[].summary_prompt', 'question section summary prompt', None),
    ('$.sections[].questions[].text', 'question', None),
]

GLOSSARY_TEXTS = [
    ('$.terms[].plain', 'glossary: the plain-English form of an acronym', None),
]

AGENCY_TEXTS = [
    ('$.agencies[]', 'agency offered when adding a person', None),
]


def texts_for(resource):
    """The text fields of a built-in file, by its name in the resource."""
    if resource.startswith('models/'):
        return MODEL_TEXTS
    if resource.startswith('question-banks/'):
        return BANK_TEXTS
    if resource == 'glossary.json':
        return GLOSSARY_TEXTS
    if resource == 'agencies.json':
        return AGENCY_TEXTS
    return None


def builtin_files(root):
    """Every JSON file in the resource, as paths relative to data/."""
    tree = ElementTree.parse(root / GRESOURCE)
    return sorted(f.text.strip() for f in tree.iter('file') if f.text.strip().endswith('.json'))


def walk(node, path, label, found):
    """Yields (path, label, string) for every string in node; label is the
    id, key or term of the nearest object that has one."""
    if isinstance(node, dict):
        for name in ('id', 'key', 'term'):
            if isinstance(node.get(name), str):
                label = node[name]
                break
        for name, child in node.items():
            walk(child, f'{path}.{name}', label, found)
    elif isinstance(node, list):
        for child in node:
            walk(child, path + '[]', label, found)
    elif isinstance(node, str):
        found.append((path, label, node))


def collect(root):
    """The entries, keyed by (msgctxt, msgid), in the order they first
    appear: files sorted by name, strings in file order."""
    entries = {}
    for resource in builtin_files(root):
        texts = texts_for(resource)
        if texts is None:
            raise SystemExit(f'extract-data-strings: {GRESOURCE} lists {resource}; say in '
                             f'{pathlib.Path(__file__).name} which of its fields are shown '
                             f'(or that none are)')
        reference = f'data/{resource}'
        with open(root / 'data' / resource, encoding='utf-8') as f:
            data = json.load(f)
        found = []
        walk(data, '$', None, found)
        fields = {path: (comment, context) for path, comment, context in texts}
        for path, label, text in found:
            if path not in fields or text == '':
                continue
            comment, context = fields[path]
            entry = entries.setdefault((context, text), {'references': [], 'comments': {}})
            if reference not in entry['references']:
                entry['references'].append(reference)
            labels = entry['comments'].setdefault(comment, [])
            if label is not None and label not in labels:
                labels.append(label)
    return entries


def quote(text):
    return '"' + (text.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n')
                  .replace('\t', '\\t').replace('\r', '\\r')) + '"'


HEADER = '''\
# Text shown from the data built into Reflect: session models, question
# banks, the glossary and the list of agencies (data/*.json).
# Generated by build-aux/extract-data-strings.py; do not edit.  Run
#   python3 build-aux/extract-data-strings.py
# after changing those files.  xgettext merges this file into reflect.pot.
'''


def render(entries, translate=None):
    out = [HEADER if translate is None else '# Pseudo-translation for the tests.\n']
    out.append('msgid ""\nmsgstr ""\n'
               '"MIME-Version: 1.0\\n"\n'
               '"Content-Type: text/plain; charset=UTF-8\\n"\n'
               '"Content-Transfer-Encoding: 8bit\\n"\n')
    for (context, text), entry in entries.items():
        lines = []
        for comment, labels in entry['comments'].items():
            lines.append(f'#. {comment}' + (f' ({", ".join(labels)})' if labels else ''))
        lines.append('#: ' + ' '.join(entry['references']))
        if context is not None:
            lines.append('msgctxt ' + quote(context))
        lines.append('msgid ' + quote(text))
        lines.append('msgstr ' + quote(translate(text) if translate else ''))
        out.append('\n'.join(lines) + '\n')
    return '\n'.join(out)


def main():
    parser = argparse.ArgumentParser(
        description='Writes the PO template of the text in the built-in data/*.json.')
    parser.add_argument('--root', type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parent.parent,
                        help='the source tree (default: the one this script is in)')
    parser.add_argument('--output', type=pathlib.Path,
                        help=f'where to write (default: ROOT/{FRAGMENT})')
    parser.add_argument('--pseudo', metavar='LANG',
                        help='write a pseudo-translation instead of the template')
    args = parser.parse_args()
    if args.pseudo and not args.output:
        parser.error('--pseudo needs --output')

    entries = collect(args.root)
    if args.pseudo:
        text = render(entries, lambda msgid: f'⟦{args.pseudo} {msgid}⟧')
    else:
        text = render(entries)

    output = args.output or args.root / FRAGMENT
    output.write_text(text, encoding='utf-8')
    return 0


if __name__ == '__main__':
    sys.exit(main())
