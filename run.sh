#!/usr/bin/env bash
# Installs what is missing, builds the release preset and launches the explorer on the embedded default.
# With no display it says so and runs the same default job through dna-cli. Extra arguments pass through.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
bin=build/release/bin
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  exec "$bin/dna-explorer" "$@"
fi
echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): running the default job headless with dna-cli." >&2
echo "To see the window, run ./run.sh from a desktop session or under xvfb-run." >&2
# No subcommand (nothing, or options only): the default job, with the options passed on to it.
if (($# == 0)) || [[ $1 == -* ]]; then
  set -- default "$@"
fi
exec "$bin/dna-cli" "$@"
