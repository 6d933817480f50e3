#!/usr/bin/env python3
"""Checks that Loopscope's asyncio (engine/prelude/asyncio.py, run under CPython through the
`_loopscope` shim) behaves step for step like CPython 3.11's real asyncio.

Every `.py` under scenarios/, tests/scripts/asyncio_*/ and tests/asyncio_model/cases/ is run
through the model (run_model.py trace) and compared with the trace of real CPython: the
checked-in tests/reference/traces/<path>.jsonl when there is one, else a fresh run of
tests/reference/harness.py. Agreement as in SPEC.md section 4: the same events in the same
order, times within 1e-9, steps of asyncio.run's two shutdown coroutines ignored, errors
compared by type (and line for a SyntaxError).

Usage: check_model.py [-v] [FILE ...]     (no FILE: the whole corpus)
Prints `N passed, M failed`; exit status 1 if anything failed.
"""

import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
HARNESS = os.path.join(ROOT, "tests", "reference", "harness.py")
RUN_MODEL = os.path.join(HERE, "run_model.py")
TRACES = os.path.join(ROOT, "tests", "reference", "traces")
SHUTDOWN_COROUTINES = ("shutdown_asyncgens", "shutdown_default_executor")
TIME_TOLERANCE = 1e-9
RUN_TIMEOUT = 120


def corpus():
    files = []
    patterns = [
        os.path.join(ROOT, "scenarios", "**", "*.py"),
        os.path.join(ROOT, "tests", "scripts", "asyncio_*", "**", "*.py"),
        os.path.join(HERE, "cases", "**", "*.py"),
    ]
    for pattern in patterns:
        files.extend(sorted(glob.glob(pattern, recursive=True)))
    return files


def parse_trace(text):
    events = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            events.append(json.loads(line))
    return events


def scenario_seed(path):
    """The `# seed: N` of the leading comment block (SPEC.md section 2), else 0."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line.startswith("#"):
                break
            key, _, value = line[1:].partition(":")
            if key.strip() == "seed" and value.strip().lstrip("-").isdigit():
                return int(value.strip())
    return 0


def run_trace(script, path):
    command = [sys.executable, script, "trace", path, "--seed", str(scenario_seed(path))]
    result = subprocess.run(command, capture_output=True, text=True, timeout=RUN_TIMEOUT,
                            cwd=ROOT)
    events = parse_trace(result.stdout)
    if not events or events[-1].get("kind") != "end":
        tail = result.stderr.strip().splitlines()[-3:]
        raise RuntimeError(f"{os.path.basename(script)} gave no trace: " + " | ".join(tail))
    return events


def reference_trace(path):
    relative = os.path.relpath(path, ROOT)
    checked_in = os.path.join(TRACES, os.path.splitext(relative)[0] + ".jsonl")
    if os.path.isfile(checked_in):
        with open(checked_in, encoding="utf-8") as f:
            return parse_trace(f.read())
    return run_trace(HARNESS, path)


def comparable(events):
    kept = []
    for event in events:
        if event.get("kind") == "step" and event.get("coro") in SHUTDOWN_COROUTINES:
            continue
        kept.append(event)
    return kept


def error_type(event):
    return (event.get("error") or "").split(":", 1)[0]


def events_agree(expected, actual):
    if expected.get("kind") != actual.get("kind"):
        return False
    if abs(float(expected.get("t", 0)) - float(actual.get("t", 0))) > TIME_TOLERANCE:
        return False
    kind = expected.get("kind")
    if kind == "step":
        return expected.get("task") == actual.get("task") and expected.get("coro") == actual.get("coro")
    if kind == "print":
        return expected.get("text") == actual.get("text")
    if kind == "end":
        if "model_invariants" in actual:
            return False
        if expected.get("status") != actual.get("status"):
            return False
        if expected.get("status") == "error":
            if error_type(expected) != error_type(actual):
                return False
            if error_type(expected) == "SyntaxError" and expected.get("line") != actual.get("line"):
                return False
        return True
    return expected == actual


def first_difference(expected, actual):
    """Index of the first event that differs, or None when the traces agree."""
    for index in range(max(len(expected), len(actual))):
        if index >= len(expected) or index >= len(actual):
            return index
        if not events_agree(expected[index], actual[index]):
            return index
    return None


def describe(event):
    return json.dumps(event) if event is not None else "(nothing)"


def check(path, verbose):
    expected = comparable(reference_trace(path))
    actual = comparable(run_trace(RUN_MODEL, path))
    index = first_difference(expected, actual)
    if index is None:
        return True, f"{len(expected)} events"
    lines = [f"first difference at event {index}:"]
    for offset in range(max(0, index - 2), index):
        lines.append(f"      same: {describe(expected[offset])}")
    lines.append(f"  expected: {describe(expected[index] if index < len(expected) else None)}")
    lines.append(f"       got: {describe(actual[index] if index < len(actual) else None)}")
    if verbose:
        for offset in range(index + 1, min(index + 6, max(len(expected), len(actual)))):
            lines.append(f"  expected: {describe(expected[offset] if offset < len(expected) else None)}")
            lines.append(f"       got: {describe(actual[offset] if offset < len(actual) else None)}")
    return False, "\n".join(lines)


def main(argv):
    verbose = "-v" in argv
    files = [os.path.abspath(a) for a in argv if a != "-v"] or corpus()
    passed = failed = 0
    for path in files:
        relative = os.path.relpath(path, ROOT)
        try:
            ok, detail = check(path, verbose)
        except (RuntimeError, subprocess.TimeoutExpired, ValueError) as error:
            ok, detail = False, f"could not compare: {error}"
        if ok:
            passed += 1
            if verbose:
                print(f"ok    {relative} ({detail})")
        else:
            failed += 1
            print(f"FAIL  {relative}\n{detail}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
