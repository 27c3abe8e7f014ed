#!/usr/bin/env python3
# Prints "N passed, N failed" from meson's JSON test logs; exits non-zero
# when a test failed or a log is missing.
import json
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding='utf-8') as log:
            for line in log:
                result = json.loads(line).get('result')
                if result in ('OK', 'EXPECTEDFAIL'):
                    passed += 1
                elif result == 'SKIP':
                    skipped += 1
                else:
                    failed += 1
    except OSError as error:
        print(f'count-tests: {error}', file=sys.stderr)
        failed += 1

line = f'{passed} passed, {failed} failed'
if skipped:
    line += f', {skipped} skipped'
print(line)
sys.exit(1 if failed else 0)
