#!/bin/sh
# run-instances.sh REFLECT-EXECUTABLE SCHEMA-DIR
#
# Copyright 2026 The Reflect developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs test-instances.py against the built app on its own session bus (so it
# never hands over to another running Reflect) and its own X server.  The
# test makes its own data folder and uses in-memory settings.  Output is TAP.
set -eu

here=$(cd "$(dirname "$0")" && pwd)

for tool in dbus-run-session xvfb-run gdbus gapplication sqlite3 python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done

# The bus and the X server are noisy about services they cannot start: their
# chatter goes to stderr, the test's TAP to stdout.
exec dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' \
  python3 "$here/test-instances.py" "$1" "$2"
