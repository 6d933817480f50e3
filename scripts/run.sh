#!/usr/bin/env bash
# README command 1: sets up, builds and opens Loopscope on its default scenario
# (or on the file given as an argument). Without a display it says so and runs
# the scenario headless with `loopscope run` instead.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${LOOPSCOPE_BUILD_DIR:-$ROOT/build}"
bash "$ROOT/scripts/setup.sh"

LOOPSCOPE="$BUILD_DIR/bin/loopscope"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ]; then
  exec "$LOOPSCOPE" "$@"
fi

scenario="${1:-$ROOT/scenarios/articles/two_additions.py}"
[ -f "$scenario" ] || scenario="$ROOT/resources/default_scenario.py"
echo "loopscope: no display (DISPLAY and WAYLAND_DISPLAY are unset), so the window cannot open."
echo "loopscope: running the scenario headless instead: loopscope run ${scenario#"$ROOT"/}"
exec "$LOOPSCOPE" run "$scenario"
