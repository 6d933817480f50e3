#!/usr/bin/env python3
"""Compares Loopscope's comparison traces with the checked-in CPython reference traces.

    compare.py --loopscope BIN [--timeout SECONDS] [FILE or folder...]

For each program (default: every program under scenarios/ and tests/scripts/), runs
`BIN trace FILE [--seed N]` and compares its JSON Lines with tests/reference/traces/<path>.jsonl
by the agreement rules of SPEC.md section 4:
- the same events in the same order, times equal within 1e-9;
- steps of asyncio.run's two shutdown coroutines (shutdown_asyncgens, shutdown_default_executor)
  ignored on both sides;
- errors compared by type only (the text before the first colon), plus the line for syntax errors.
Prints PASS or FAIL per file (a FAIL names the first difference) and ends with the line
`N passed, M failed`. Exits 1 when anything failed.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from traces_common import (REPO_ROOT, RUN_TIMEOUT_SECONDS, SHUTDOWN_COROUTINES, program_files,
                           seed_arguments, trace_path_for)

TIME_TOLERANCE = 1e-9


class TraceError(Exception):
    pass


def parse_trace(text, origin):
    events = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            event = json.loads(line)
        except json.JSONDecodeError as problem:
            raise TraceError(f"{origin} line {number} is not JSON ({problem}): {line[:120]!r}")
        if not isinstance(event, dict) or "kind" not in event or "t" not in event:
            raise TraceError(f"{origin} line {number} is not a trace event: {line[:120]!r}")
        if event["kind"] == "step" and event.get("coro") in SHUTDOWN_COROUTINES:
            continue
        events.append(event)
    return events


def error_type(error_text):
    return (error_text or "").split(":", 1)[0].strip()


def describe(event):
    return json.dumps(event) if event is not None else "nothing (the trace ended)"


def events_agree(expected, actual):
    """Returns None when two events agree, else the reason they differ."""
    if expected.get("kind") != actual.get("kind"):
        return "different kinds of event"
    try:
        if abs(float(expected["t"]) - float(actual["t"])) > TIME_TOLERANCE:
            return "different times"
    except (TypeError, ValueError):
        return "a time that is not a number"
    kind = expected["kind"]
    if kind == "step":
        if (expected.get("task"), expected.get("coro")) != (actual.get("task"), actual.get("coro")):
            return "a different task or coroutine"
    elif kind == "print":
        if expected.get("text") != actual.get("text"):
            return "different text"
    elif kind == "end":
        if expected.get("status") != actual.get("status"):
            return "a different status"
        if error_type(expected.get("error")) != error_type(actual.get("error")):
            return "a different error type"
        if "line" in expected and expected.get("line") != actual.get("line"):
            return "a different error line"
    return None


def first_disagreement(expected_events, actual_events):
    for index in range(max(len(expected_events), len(actual_events))):
        expected = expected_events[index] if index < len(expected_events) else None
        actual = actual_events[index] if index < len(actual_events) else None
        if expected is None or actual is None:
            return f"event {index + 1}: expected {describe(expected)}, got {describe(actual)}"
        reason = events_agree(expected, actual)
        if reason:
            return f"event {index + 1} ({reason}): expected {describe(expected)}, got {describe(actual)}"
    return None


def compare_program(loopscope, relative_program, timeout):
    """Returns None on agreement, else the first difference as a sentence."""
    program = REPO_ROOT / relative_program
    reference = trace_path_for(relative_program)
    if not reference.exists():
        return f"no reference trace at {reference.relative_to(REPO_ROOT)} (run regen.py)"
    command = [loopscope, "trace", str(program)] + seed_arguments(program)
    try:
        completed = subprocess.run(command, capture_output=True, text=True, cwd=program.parent,
                                   timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"loopscope timed out after {timeout} s"
    except OSError as problem:
        return f"cannot run {loopscope}: {problem}"
    try:
        expected = parse_trace(reference.read_text(encoding="utf-8"), "reference")
        actual = parse_trace(completed.stdout, "loopscope")
    except TraceError as problem:
        stderr_tail = completed.stderr.strip()[-200:]
        return f"{problem}" + (f" (stderr: {stderr_tail})" if stderr_tail else "")
    if not actual:
        return f"loopscope wrote no trace (exit {completed.returncode}): {completed.stderr.strip()[-200:]}"
    return first_disagreement(expected, actual)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loopscope", required=True, help="path of the loopscope binary")
    parser.add_argument("--timeout", type=float, default=RUN_TIMEOUT_SECONDS,
                        help="seconds one program may take (default %(default)s)")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    # Programs run from their own folder, so a relative binary path must be made absolute first.
    if os.sep in args.loopscope:
        args.loopscope = os.path.abspath(args.loopscope)

    if args.files:
        programs = []
        for path in args.files:
            path = path.resolve()
            if path.is_dir():
                programs += [p for p in program_files() if (REPO_ROOT / p).is_relative_to(path)]
            else:
                programs.append(path.relative_to(REPO_ROOT))
    else:
        programs = program_files()

    passed = failed = 0
    for relative_program in programs:
        difference = compare_program(args.loopscope, relative_program, args.timeout)
        if difference is None:
            passed += 1
            print(f"PASS {relative_program}", flush=True)
        else:
            failed += 1
            print(f"FAIL {relative_program}: {difference}", flush=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
