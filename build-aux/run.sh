#!/bin/sh
# Quick start 1: install what is needed, build, and run Reflect from the
# build tree (no installation needed).
set -eu
cd "$(dirname "$0")/.."
sh build-aux/install-deps.sh
[ -d _build ] || meson setup _build
meson compile -C _build
# The help, for F1, from the build tree too (help/meson.build).
XDG_DATA_DIRS="$PWD/_build/help/help-share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" \
GSETTINGS_SCHEMA_DIR="$PWD/_build/data" exec ./_build/src/reflect "$@"
