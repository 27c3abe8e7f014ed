#!/usr/bin/env python3
# Fails when po/reflect-data.pot (the text of the built-in data/*.json,
# which xgettext merges into reflect.pot) is not what
# build-aux/extract-data-strings.py would write now, or when
# po/POTFILES.in does not list it.
import difflib
import importlib.util
import pathlib
import sys

root = pathlib.Path(sys.argv[1])
spec = importlib.util.spec_from_file_location('extract_data_strings',
                                              root / 'build-aux' / 'extract-data-strings.py')
extract = importlib.util.module_from_spec(spec)
spec.loader.exec_module(extract)

failed = False
entries = extract.collect(root)
expected = extract.render(entries)
path = root / extract.FRAGMENT
current = path.read_text(encoding='utf-8') if path.exists() else ''
if current != expected:
    diff = list(difflib.unified_diff(current.splitlines(), expected.splitlines(),
                                     f'{extract.FRAGMENT} (checked in)',
                                     f'{extract.FRAGMENT} (from the data)', lineterm=''))
    print('\n'.join(diff[:60] + (['…'] if len(diff) > 60 else [])))
    print(f'{extract.FRAGMENT} is out of date with the data files: run\n'
          f'  python3 build-aux/extract-data-strings.py\n'
          f'and commit the result.')
    failed = True

listed = [line.strip() for line in (root / 'po' / 'POTFILES.in').read_text().splitlines()]
if extract.FRAGMENT not in listed:
    print(f'po/POTFILES.in does not list {extract.FRAGMENT}, so reflect.pot misses the data')
    failed = True

if not failed:
    print(f'{extract.FRAGMENT}: {len(entries)} strings, up to date')
sys.exit(1 if failed else 0)
