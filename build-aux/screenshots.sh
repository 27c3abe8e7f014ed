#!/bin/sh
# screenshots.sh [BUILD-DIR]
#
# Copyright 2026 The Reflect developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates data/screenshots/*.png from the built app under Xvfb, with a
# fresh data folder and a made-up case, so no real data can get into them.
# Needs xvfb-run, dbus-run-session, python3-pyatspi, xdotool and ImageMagick
# (optipng, if installed, makes the files smaller).
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/_build}
out=$src/data/screenshots

tmp=$(mktemp -d)
trap 'rm -rf "$tmp" 2>/dev/null || true' EXIT

export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data"
export GTK_A11Y=atspi GTK_USE_PORTAL=0 GSK_RENDERER=cairo
export GDK_DEBUG=default-settings LANG=en_GB.UTF-8
unset NO_AT_BRIDGE || true
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$out"

dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' \
  sh -c '/usr/bin/python3 "$1" "$2" "$3" 2>&1' sh \
  "$src/build-aux/screenshots.py" "$build/src/reflect" "$out" 2>"$tmp/session.log"
