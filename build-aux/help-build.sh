#!/bin/sh
# help-build.sh html OUTPUT YELP-BUILD PAGE...
#   The help pages as HTML, for a web browser where no help viewer is
#   installed (src/ui/reflect-help.c).
# help-build.sh share OUTPUT PAGES-FOLDER [HTML-FOLDER]
#   A data folder for XDG_DATA_DIRS when Reflect runs from the build tree
#   (build-aux/run.sh): the pages where a help viewer looks for
#   help:reflect, and the HTML where Reflect looks when there is no viewer.
#   Links, so an edited page shows without a rebuild.
#
# Copyright 2026 The Reflect developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

mode=$1
out=$2
shift 2

case "$mode" in
  html)
    yelp_build=$1
    shift
    rm -rf "$out"
    mkdir -p "$out"
    "$yelp_build" html -o "$out/" "$@"
    ;;
  share)
    rm -rf "$out"
    mkdir -p "$out/help/C" "$out/reflect"
    ln -s "$1" "$out/help/C/reflect"
    if [ $# -gt 1 ]; then
      ln -s "$2" "$out/reflect/help-html"
    fi
    ;;
  *)
    echo "help-build.sh: unknown mode $mode" >&2
    exit 2
    ;;
esac
