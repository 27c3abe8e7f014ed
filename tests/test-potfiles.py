#!/usr/bin/env python3
# Fails when a file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in names a file that does not exist.
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
listed = set()
for line in (root / 'po' / 'POTFILES.in').read_text().splitlines():
    line = line.strip()
    if line and not line.startswith('#'):
        listed.add(line)

marker = re.compile(r'\b_\(|\bN_\(|\bC_\(|\bngettext\s*\(|g_dngettext\s*\(|translatable="yes"|<summary>|<description>')
missing = []
for pattern in ('src/**/*.c', 'src/**/*.ui', 'data/*.in', 'data/*.xml'):
    for path in root.glob(pattern):
        rel = path.relative_to(root).as_posix()
        if rel.endswith('.gresource.xml'):
            continue
        if marker.search(path.read_text(encoding='utf-8')) and rel not in listed:
            missing.append(rel)

absent = sorted(p for p in listed if not (root / p).exists())

for rel in sorted(missing):
    print(f'not in po/POTFILES.in: {rel}')
for rel in absent:
    print(f'listed in po/POTFILES.in but missing: {rel}')
sys.exit(1 if missing or absent else 0)
