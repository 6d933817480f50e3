#!/usr/bin/env bash
# Shared by run.sh and test.sh: installs the Debian packages that are missing,
# configures build/ the first time, and builds (incrementally after that).
# Environment: LOOPSCOPE_BUILD_DIR (default: build/ in the repository),
# LOOPSCOPE_JOBS (parallel build jobs, default 2).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${LOOPSCOPE_BUILD_DIR:-$ROOT/build}"
JOBS="${LOOPSCOPE_JOBS:-2}"

PACKAGES=(build-essential cmake qt6-base-dev qt6-svg-dev libqcustomplot-dev libqcustomplot2.1-qt6
          libgmp-dev xvfb xauth python3 poppler-utils)
CMAKE_OPTIONS=()
# CI (.ci/run sets LOOPSCOPE_CI=1) also fuzzes the engine for a minute, which needs clang and its
# libFuzzer runtime (tests/fuzz/CMakeLists.txt).
if [ "${LOOPSCOPE_CI:-0}" = 1 ]; then
  PACKAGES+=(clang libclang-rt-14-dev)
  CMAKE_OPTIONS+=(-DLOOPSCOPE_FUZZ_TEST=ON)
fi

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "loopscope setup: installing ${missing[*]}"
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "loopscope setup: these packages are missing and sudo is not available; as root run:" >&2
      echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
    as_root=(sudo)
  fi
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${CMAKE_OPTIONS[@]}"
fi
cmake --build "$BUILD_DIR" -j"$JOBS"
