#!/bin/sh
# run-e2e.sh REFLECT-EXECUTABLE SCHEMA-DIR
#
# Copyright 2026 The Reflect developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs test-e2e.py against the built app on its own session bus (so it never
# hands over to another running Reflect) and its own X server, with a fresh
# data folder and in-memory settings.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
app=$1
schemas=$2

for tool in dbus-run-session xvfb-run xdotool; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed"
    exit 77
  fi
done
if ! /usr/bin/python3 -c 'import pyatspi' 2>/dev/null; then
  echo "SKIP: python3-pyatspi is not installed"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp" 2>/dev/null || true' EXIT

export XDG_DATA_HOME="$tmp/data"
# The accessibility bus keeps its socket in $XDG_RUNTIME_DIR/at-spi, or in
# ~/.cache/at-spi without one, where another session's bus can replace it
# mid-test ("Unable to connect to the accessibility bus").
export XDG_RUNTIME_DIR="$tmp/runtime"
mkdir -m 0700 "$XDG_RUNTIME_DIR"
export XDG_CONFIG_HOME="$tmp/config"
export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$schemas"
export GTK_A11Y=atspi
export GTK_USE_PORTAL=0
export E2E_APP_LOG="$tmp/app.log"
unset NO_AT_BRIDGE || true

status=0
# The bus and the X server are noisy about portals they cannot start: keep
# their chatter in a log and show the test's own output.
dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' \
  sh -c '/usr/bin/python3 "$1" "$2" 2>&1' sh "$here/test-e2e.py" "$app" \
  2>"$tmp/session.log" || status=$?
if [ "$status" -ne 0 ] && [ -s "$E2E_APP_LOG" ]; then
  echo "--- application log ---"
  tail -n 50 "$E2E_APP_LOG"
fi
exit "$status"
