#!/usr/bin/env bash
# README command 2: sets up and builds like run.sh, then runs the whole test
# suite with ctest and exits with its status (ctest prints the summary line).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${LOOPSCOPE_BUILD_DIR:-$ROOT/build}"
bash "$ROOT/scripts/setup.sh"

# Widget tests run on Qt's offscreen platform (set per test in CMake), so no display is needed.
exec ctest --test-dir "$BUILD_DIR" --output-on-failure -j"${LOOPSCOPE_JOBS:-2}" --timeout 900
