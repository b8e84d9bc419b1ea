#!/usr/bin/env bash
# Installs what is missing, builds the dev preset and runs the whole ctest suite. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev
ctest --preset dev "$@"
# The fuzz targets (clang, label fuzz): every reader fuzzed for DNA_FUZZ_SECONDS (20 s) each, crashes found before
# replayed. DNA_SKIP_FUZZ=1 skips them.
if [[ -z ${DNA_SKIP_FUZZ:-} ]]; then
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz
  ctest --preset fuzz
fi
