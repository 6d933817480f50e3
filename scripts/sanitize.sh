#!/usr/bin/env bash
# Before every release (README): builds build-asan/ with AddressSanitizer and UndefinedBehavior-
# Sanitizer and runs the engine's tests, the script tests and every bad input under them. Any
# sanitizer report fails: UBSan halts on its first error, ASan checks for leaks, and run_bad.py
# reads the reports as crashes. Not in CI: an instrumented build of everything and these runs
# take far longer than CI's 2 cores allow next to the normal build.
# Environment: LOOPSCOPE_ASAN_DIR (default build-asan/), LOOPSCOPE_JOBS (default 2).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${LOOPSCOPE_ASAN_DIR:-$ROOT/build-asan}"
JOBS="${LOOPSCOPE_JOBS:-2}"

if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLOOPSCOPE_SANITIZE=ON
fi
# Only what the tests below run: the GUI's own tests would double the instrumented build.
cmake --build "$BUILD_DIR" -j"$JOBS" --target loopscope tst_cli tst_parser tst_compiler tst_vm \
  tst_loop_state tst_state_at_step tst_limits tst_vm_alloc tst_trace_invariants \
  tst_float_repr tst_format_spec tst_percent_format tst_str_format tst_py_random

export ASAN_OPTIONS="detect_leaks=1:quarantine_size_mb=64:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Shadow memory and redzones: a memory bomb that stops at 512 MB takes more under ASan.
export LOOPSCOPE_BAD_MAX_RSS_MB=4096
exec ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$JOBS" \
  -R '^(vm_|parser$|format\.tst_|cli$|scripts$|bad_input$|trace_invariants$|traces_match_cpython$|real_programs_print_what_cpython_prints$|warnings_match_cpython$)'
