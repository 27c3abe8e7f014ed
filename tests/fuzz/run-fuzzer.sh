#!/bin/sh
# run-fuzzer.sh TARGET SEED_CORPUS SECONDS
# Fuzzes on a scratch copy of the seed corpus, so the repository only
# changes when a person adds a found input to it.
set -eu
target=$1 seeds=$2 seconds=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$seeds/." "$work/"
exec "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$work/" "$work"
