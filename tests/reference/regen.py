#!/usr/bin/env python3
"""Regenerates the CPython reference traces of every program under scenarios/ and tests/scripts/.

    regen.py                 write tests/reference/traces/<path>.jsonl for every program
    regen.py --check         regenerate into a temporary folder and fail, listing every
                             difference, when the checked-in traces are not up to date
    regen.py FILE...         write (or with --check, check) only these programs

A trace is produced by `python3 tests/reference/harness.py trace FILE [--seed N]`, where N comes
from the program's `# seed:` metadata line when it has one.
"""

import argparse
import concurrent.futures
import subprocess
import sys
import tempfile
from pathlib import Path

from traces_common import (HARNESS, REPO_ROOT, RUN_TIMEOUT_SECONDS, TRACES_DIR, program_files,
                           seed_arguments, trace_path_for)


def generate_trace(relative_program):
    """Runs the harness and returns (trace text, problem or None)."""
    program = REPO_ROOT / relative_program
    command = [sys.executable, str(HARNESS), "trace", str(program)] + seed_arguments(program)
    try:
        completed = subprocess.run(command, capture_output=True, text=True, cwd=program.parent,
                                   timeout=RUN_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return "", f"timed out after {RUN_TIMEOUT_SECONDS} s"
    trace = completed.stdout
    if not trace.rstrip("\n").split("\n")[-1].startswith('{"t": '):
        return trace, f"the harness wrote no trace: {completed.stderr.strip()[-300:]}"
    return trace, None


def generate_all(programs, traces_dir):
    problems = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = pool.map(generate_trace, programs)
        for relative_program, (trace, problem) in zip(programs, results):
            if problem:
                problems.append(f"{relative_program}: {problem}")
                continue
            target = trace_path_for(relative_program, traces_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(trace, encoding="utf-8")
    return problems


def first_difference(expected_text, actual_text):
    expected = expected_text.splitlines()
    actual = actual_text.splitlines()
    for index, (want, got) in enumerate(zip(expected, actual)):
        if want != got:
            return f"line {index + 1}: checked in {want!r}, now {got!r}"
    if len(expected) != len(actual):
        return f"checked in {len(expected)} lines, now {len(actual)}"
    return None


def checked_in_traces():
    if not TRACES_DIR.is_dir():
        return set()
    return {path.relative_to(TRACES_DIR) for path in TRACES_DIR.rglob("*.jsonl")}


def check(programs, whole_tree):
    with tempfile.TemporaryDirectory(prefix="loopscope-traces-") as scratch:
        scratch_dir = Path(scratch)
        differences = generate_all(programs, scratch_dir)
        for relative_program in programs:
            fresh = trace_path_for(relative_program, scratch_dir)
            stored = trace_path_for(relative_program)
            if not fresh.exists():
                continue
            if not stored.exists():
                differences.append(f"{relative_program}: no checked-in trace at "
                                   f"{stored.relative_to(REPO_ROOT)}")
                continue
            difference = first_difference(stored.read_text(encoding="utf-8"),
                                          fresh.read_text(encoding="utf-8"))
            if difference:
                differences.append(f"{relative_program}: {difference}")
    if whole_tree:
        expected = {relative.with_suffix(".jsonl") for relative in programs}
        for orphan in sorted(checked_in_traces() - expected):
            differences.append(f"tests/reference/traces/{orphan}: its program no longer exists")
    for difference in differences:
        print(f"DIFF {difference}")
    print(f"{len(programs)} traces checked, {len(differences)} differences")
    return 1 if differences else 0


def regenerate(programs, whole_tree):
    problems = generate_all(programs, TRACES_DIR)
    removed = 0
    if whole_tree:
        expected = {relative.with_suffix(".jsonl") for relative in programs}
        for orphan in sorted(checked_in_traces() - expected):
            (TRACES_DIR / orphan).unlink()
            removed += 1
    for problem in problems:
        print(f"ERROR {problem}")
    print(f"{len(programs) - len(problems)} traces written, {removed} stale traces removed, "
          f"{len(problems)} errors")
    return 1 if problems else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true",
                        help="fail when the checked-in traces differ from fresh ones")
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    if args.files:
        programs = [path.resolve().relative_to(REPO_ROOT) for path in args.files]
    else:
        programs = program_files()
    whole_tree = not args.files
    return check(programs, whole_tree) if args.check else regenerate(programs, whole_tree)


if __name__ == "__main__":
    sys.exit(main())
