#!/usr/bin/env python3
"""Checks that malformed scenarios give a clear error and never crash (SPEC.md section 8).

Each file under tests/bad/ starts with its expectation:

    # expect error: SyntaxError line 3
    # expect error: ModuleNotFoundError line 2

Modes:
    run_bad.py --loopscope BIN [PATH...]   runs `BIN run FILE` for each file
    run_bad.py --python [PATH...]          checks the expectations against CPython

A file passes when the run
- ends within the timeout with exit status 1 (no signal, so no crash),
- prints nothing that looks like a crash: "Segmentation fault", a sanitizer report,
  "terminate called", a failed C assert,
- writes to stderr a line naming the error type (`Type` or `Type: message`), and
- mentions `line N` on stderr, when the expectation names a line.

syntax/ and runtime/ hold expectations blessed from CPython
(`python3 tests/scripts/bless.py tests/bad/syntax/x.py`). unsupported/ holds programs that
CPython runs but Loopscope must refuse (os, subprocess, sockets, open(), ...): their
expectations are Loopscope's, written by hand, and --python skips them. limits/ holds programs
CPython would run forever (endless loops, endless sleeps): Loopscope ends them with a limit
naming the line; --python skips them too.
"""

import argparse
import re
import sys
from pathlib import Path

BAD_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BAD_DIR.parent / "scripts"))

import run_scripts  # noqa: E402
from run_scripts import Verdict  # noqa: E402

UNSUPPORTED_DIR = BAD_DIR / "unsupported"
LIMITS_DIR = BAD_DIR / "limits"  # programs CPython runs forever; Loopscope ends them (SPEC.md 3)
HEADER = re.compile(r"^# expect error: ([A-Za-z_][\w.]*)(?: line (\d+))?\s*$")
CRASH_MARKERS = re.compile(
    r"Segmentation fault|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|"
    r"\.(?:cpp|h|hpp):\d+:\d+: runtime error:|terminate called|Assertion .* failed|core dumped")


def parse_header(source):
    """Returns (error type, line number or None) from the first line of [source]."""
    first_line = source.splitlines()[0] if source else ""
    match = HEADER.match(first_line)
    if not match:
        return None
    return match.group(1), match.group(2)


def names_error_type(stderr, error_type):
    pattern = re.compile(rf"^\s*(?:__main__\.)?{re.escape(error_type)}(?::|$)", re.MULTILINE)
    return pattern.search(stderr) is not None


def check(path, expected_type, expected_line, output):
    if output.returncode is None:
        return ["did not finish within the timeout"]
    problems = []
    if output.returncode < 0:
        problems.append(f"killed by signal {-output.returncode} (a crash)")
    elif output.returncode != 1:
        problems.append(f"exit status {output.returncode}, expected 1")
    crash = CRASH_MARKERS.search(output.stderr + output.stdout)
    if crash:
        problems.append(f"crash report in the output: {crash.group(0)!r}")
    if not names_error_type(output.stderr, expected_type):
        problems.append(f"stderr names no {expected_type}")
    if expected_line and not re.search(rf"\bline {expected_line}\b", output.stderr):
        problems.append(f"stderr does not mention 'line {expected_line}'")
    return problems


def run_one(path, mode, loopscope, timeout):
    # Some files are deliberately not UTF-8: their undecodable bytes must not stop the reading.
    source = path.read_text(encoding="utf-8", errors="surrogateescape")
    header = parse_header(source)
    if header is None:
        return Verdict(path, "FAIL", "first line is not '# expect error: Type [line N]'")
    if mode == "python":
        if path.resolve().is_relative_to(UNSUPPORTED_DIR) or path.resolve().is_relative_to(LIMITS_DIR):
            return Verdict(path, "SKIP", "CPython runs this; the expectation is Loopscope's")
        command = run_scripts.python_command(path, source)
        if command is None:
            return Verdict(path, "SKIP", "imports asyncio and tests/reference/harness.py does not exist yet")
    else:
        command = [loopscope, "run", str(path)]
    output = run_scripts.run_command(command, timeout, path.parent)
    problems = check(path, header[0], header[1], output)
    if problems:
        tail = "\n".join(output.stderr.splitlines()[-12:])
        return Verdict(path, "FAIL", "\n".join(problems) + "\nstderr:\n" + tail)
    return Verdict(path, "PASS")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--loopscope", metavar="BIN", help="run every file with `BIN run FILE`")
    mode.add_argument("--python", action="store_true", help="check the expectations against CPython")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per file (default 20)")
    parser.add_argument("--jobs", type=int, default=2, help="parallel runs (default 2)")
    parser.add_argument("paths", nargs="*", help="files or folders (default: all of tests/bad)")
    args = parser.parse_args()

    tests = [p for p in run_scripts.collect_tests(args.paths, BAD_DIR) if p.resolve() != Path(__file__).resolve()]
    if not tests:
        print("no tests found")
        return 1
    mode_name = "python" if args.python else "loopscope"
    loopscope = str(Path(args.loopscope).resolve()) if args.loopscope else None
    ok = run_scripts.run_all(tests, lambda path: run_one(path, mode_name, loopscope, args.timeout), args.jobs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
