#!/bin/sh
# Quick start 2: install what is needed, build, and run every test:
#  1. a normal build with warnings as errors (every test);
#  2. the core tests again under valgrind (memory errors and definite leaks);
#  3. a build with AddressSanitizer and UndefinedBehaviorSanitizer (every test);
#  4. the libFuzzer targets, each for FUZZ_SECONDS (default 60), built with clang.
# Ends with "N passed, N failed", counted from meson's test logs.
set -u
cd "$(dirname "$0")/.."
sh build-aux/install-deps.sh || exit 1

status=0
logs=""

configure () {
  dir=$1; shift
  [ -f "$dir/build.ninja" ] || meson setup "$dir" -Dwerror=true "$@"
}

run_tests () {
  dir=$1; shift
  meson test -C "$dir" --print-errorlogs --num-processes 2 "$@" || status=1
}

if configure _build && meson compile -C _build; then
  run_tests _build
  logs="$logs _build/meson-logs/testlog.json"
  run_tests _build --setup valgrind --suite core --no-suite slow
  logs="$logs _build/meson-logs/testlog-valgrind.json"
else
  status=1
fi

if configure _build-sanitize -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug &&
   meson compile -C _build-sanitize; then
  run_tests _build-sanitize
  logs="$logs _build-sanitize/meson-logs/testlog.json"
else
  status=1
fi

if command -v clang >/dev/null 2>&1; then
  if CC=clang configure _build-fuzz -Dfuzzing=true -Dfuzz_seconds="${FUZZ_SECONDS:-60}" \
       -Db_sanitize=address,undefined -Db_lundef=false &&
     meson compile -C _build-fuzz; then
    run_tests _build-fuzz --suite fuzz
    logs="$logs _build-fuzz/meson-logs/testlog.json"
  else
    status=1
  fi
fi

# shellcheck disable=SC2086
python3 build-aux/count-tests.py $logs || status=1
exit $status
