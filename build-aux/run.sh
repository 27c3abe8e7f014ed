#!/bin/sh
# Quick start 1: install what is needed, build, and run Reflect from the
# build tree (no installation needed).
set -eu
cd "$(dirname "$0")/.."
sh build-aux/install-deps.sh
[ -d _build ] || meson setup _build
meson compile -C _build
GSETTINGS_SCHEMA_DIR="$PWD/_build/data" exec ./_build/src/reflect "$@"
