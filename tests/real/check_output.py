#!/usr/bin/env python3
"""Runs every program under tests/real/programs/ with CPython (tests/reference/harness.py run, in
virtual time) and with Loopscope (`loopscope run`), and compares what they write: stdout
exactly, and stderr exactly too (logging, warnings, tracebacks) unless STDERR_DIFFERENCES
names the program and why its stderr differs. The step-by-step traces of the same programs are
compared by traces_match_cpython.

    check_output.py --loopscope BIN [FILE...]
"""

import argparse
import concurrent.futures
import difflib
import subprocess
import sys
from pathlib import Path

REAL_DIR = Path(__file__).resolve().parent
HARNESS = REAL_DIR.parent / "reference" / "harness.py"
TIMEOUT = 60


def stderr_differences():
    known = {}
    for line in (REAL_DIR / "STDERR_DIFFERENCES").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, reason = line.partition("#")
            known[name.strip()] = reason.strip()
    return known


def run(command, cwd):
    try:
        done = subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, "", "timed out"
    return done.returncode, done.stdout, done.stderr


def compare(program, loopscope, known):
    # Both run from the program's folder with its bare name, as `python3 name.py` would.
    expected = run([sys.executable, str(HARNESS), "run", program.name], program.parent)
    actual = run([loopscope, "run", program.name], program.parent)
    problems = []
    if expected[0] != actual[0]:
        problems.append(f"exit status {actual[0]}, CPython's {expected[0]}")
    for index, stream in ((1, "stdout"), (2, "stderr")):
        if stream == "stderr" and program.name in known:
            continue
        if expected[index] != actual[index]:
            diff = difflib.unified_diff(expected[index].splitlines(), actual[index].splitlines(),
                                        "cpython", "loopscope", lineterm="", n=1)
            problems.append(f"{stream} differs:\n    " + "\n    ".join(list(diff)[:20]))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loopscope", required=True)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    loopscope = str(Path(args.loopscope).resolve())
    programs = [p.resolve() for p in args.files] or sorted((REAL_DIR / "programs").glob("*.py"))
    known = stderr_differences()
    for name in known:
        if not (REAL_DIR / "programs" / name).exists():
            print(f"FAIL STDERR_DIFFERENCES names {name}, which does not exist")
            return 1
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for program, problems in zip(programs, pool.map(lambda p: compare(p, loopscope, known), programs)):
            if problems:
                failed += 1
                print(f"FAIL {program.name}: " + "\n".join(problems))
            else:
                print(f"PASS {program.name}")
    print(f"{len(programs) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
