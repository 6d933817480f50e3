#!/usr/bin/env python3
"""Checks that Loopscope prints CPython's learner warnings exactly: the text, how often, and
when (relative to the program's own output).

    check_warnings.py --loopscope BIN [FILE ...]    (no FILE: every .py in this folder)

Each program runs under `python3 FILE` (real CPython 3.11 with its C Task, as users run it; the
programs only sleep for milliseconds) and under `BIN run FILE`, from this folder. Their stdout
and stderr must be equal, once CPython's absolute paths (`__main__`'s file is absolute since
3.9) are written as the relative path both were given. Prints PASS or FAIL per file and
`N passed, M failed`; exit status 1 if anything failed.
"""

import argparse
import difflib
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TIMEOUT_SECONDS = 60


def run(command):
    result = subprocess.run(command, cwd=HERE, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    return result.stdout, result.stderr


def check(loopscope, path):
    name = path.name
    expected_out, expected_err = run([sys.executable, name])
    expected_err = expected_err.replace(str(HERE) + "/", "")
    actual_out, actual_err = run([loopscope, "run", name])
    problems = []
    for label, expected, actual in (("stdout", expected_out, actual_out), ("stderr", expected_err, actual_err)):
        if expected != actual:
            diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "python3", "loopscope",
                                        lineterm="")
            problems.append(f"  {label} differs:\n    " + "\n    ".join(diff))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loopscope", required=True)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    files = [Path(f).resolve() for f in args.files] or sorted(HERE.glob("*.py"))
    files = [f for f in files if f.name != Path(__file__).name]
    failed = 0
    for path in files:
        problems = check(args.loopscope, path)
        if problems:
            failed += 1
            print(f"FAIL {path.name}\n" + "\n".join(problems))
        else:
            print(f"PASS {path.name}")
    print(f"{len(files) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
