#!/usr/bin/env bash
# The quick co-search alone and beside one busy process (sha256sum /dev/zero), as a user starts it: no
# OpenMP variables set. Prints `name: value` lines. Run it on an otherwise quiet machine; about 8 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=build/release/bin
work=$(mktemp -d)
busy_pid=
cleanup() {
  [[ -n $busy_pid ]] && kill "$busy_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

search() { # $1: name, then environment assignments for env(1)
  local name=$1 start end
  shift
  start=$(date +%s.%N)
  env -u OMP_WAIT_POLICY -u OMP_NUM_THREADS "$@" "$bin/dna-cli" search --preset quick --db "$work/$name.sqlite" \
    >/dev/null 2>"$work/$name.log"
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
busy() { sha256sum /dev/zero >/dev/null & busy_pid=$!; }
quiet() { kill "$busy_pid"; wait "$busy_pid" 2>/dev/null || true; busy_pid=; }

alone=$(search alone)
printf 'quick_search_alone_s: %.1f\n' "$alone"
busy
beside=$(search beside)
quiet
printf 'quick_search_beside_busy_s: %.1f\n' "$beside"
printf 'quick_search_busy_slowdown: %.2f\n' "$(echo "$beside / $alone" | bc -l)"
