#!/usr/bin/env python3
"""Runs the script tests under tests/scripts/ and checks their inline expectations.

Every test is a small Python 3.11 program whose expected stdout is written in
comments, one per output line, in order:

    # expect: 7 10          the line "7 10"
    # expect:               an empty line
    # expect error: KeyError                   uncaught exception of that type
    # expect error: KeyError: 'x'              ... with that exact message
    # expect error: SyntaxError line 6         syntax error reported on line 6
    # expect error: IndentationError line 3    (also TabError)

Modes:
    run_scripts.py --loopscope BIN [PATH...]   runs `BIN run FILE` for each test
    run_scripts.py --python [PATH...]          checks the expectations against CPython

PATH is a test file or a folder (searched recursively); the default is every
test under tests/scripts/. In --python mode a file that imports asyncio runs
under the virtual-clock reference harness (tests/reference/harness.py run FILE);
while that harness does not exist such files are skipped with a note.

An uncaught exception is checked by exit status 1 and the last stderr line
(warnings printed after the traceback aside), which must start with the
expected type (or equal `Type: message`). The
`__main__.` prefix CPython puts before the names of exceptions defined in the
script is ignored, so `MyError: boom` matches `__main__.MyError: boom`.
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

SCRIPTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPTS_DIR.parent.parent
HARNESS = REPO_ROOT / "tests" / "reference" / "harness.py"

EXPECT_PREFIX = "# expect:"
EXPECT_ERROR_PREFIX = "# expect error:"
SYNTAX_ERROR_TYPES = ("SyntaxError", "IndentationError", "TabError")

ASYNCIO_IMPORT = re.compile(r"^\s*(import\s+asyncio\b|from\s+asyncio\b)", re.MULTILINE)
SYNTAX_EXPECTATION = re.compile(r"^(SyntaxError|IndentationError|TabError) line (\d+)$")


@dataclass
class Expectation:
    """What a test file says its run must produce."""

    stdout_lines: list = field(default_factory=list)
    # None when the program must exit normally.
    error: str | None = None


@dataclass
class RunOutput:
    returncode: int | None  # None when the run timed out
    stdout: str
    stderr: str


@dataclass
class Verdict:
    path: Path
    status: str  # "PASS", "FAIL" or "SKIP"
    details: str = ""


# -- Expectations -------------------------------------------------------------


def is_expectation_line(line):
    stripped = line.strip()
    return stripped.startswith(EXPECT_PREFIX) or stripped.startswith(EXPECT_ERROR_PREFIX)


def parse_expectation(source):
    """Collects the expectation comments of [source] in file order."""
    expectation = Expectation()
    for line in source.splitlines():
        # Only the left side is stripped: trailing spaces can be part of an output line.
        stripped = line.lstrip()
        if stripped.startswith(EXPECT_ERROR_PREFIX):
            expectation.error = stripped[len(EXPECT_ERROR_PREFIX):].strip()
        elif stripped.startswith(EXPECT_PREFIX):
            text = stripped[len(EXPECT_PREFIX):]
            # "# expect: x" holds the text after exactly one space; "# expect:" is an empty line.
            expectation.stdout_lines.append(text[1:] if text.startswith(" ") else text)
    return expectation


def strip_main_prefix(text):
    return text[len("__main__."):] if text.startswith("__main__.") else text


def last_nonempty_line(text):
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(: .*)?$")


def final_error_line(stderr):
    """The line that names the uncaught exception: normally the last line of stderr.

    Warnings printed after the traceback (`sys:1: RuntimeWarning: coroutine ... was never
    awaited`, and the tracemalloc hint after it) are skipped, so the exception line is the last
    unindented `Type` or `Type: message` line that is not a warning.
    """
    for line in reversed(stderr.splitlines()):
        candidate = line.rstrip()
        if not EXCEPTION_LINE.match(candidate):
            continue
        if candidate.split(":", 1)[0].endswith("Warning"):
            continue
        return strip_main_prefix(candidate)
    return strip_main_prefix(last_nonempty_line(stderr).strip())


# -- Checking one run ---------------------------------------------------------


def check_error(expected_error, output):
    """Returns a list of problems with how [output] ended, given [expected_error]."""
    problems = []
    last_line = final_error_line(output.stderr)
    if expected_error is None:
        if output.returncode != 0:
            problems.append(f"exit status {output.returncode}, expected 0; last stderr line: {last_line!r}")
        return problems

    if output.returncode != 1:
        problems.append(f"exit status {output.returncode}, expected 1")
    syntax = SYNTAX_EXPECTATION.match(expected_error)
    if syntax:
        error_type, line_number = syntax.group(1), syntax.group(2)
        if not re.search(rf"\bline {line_number}\b", output.stderr):
            problems.append(f"stderr does not mention 'line {line_number}'")
        if not (last_line == error_type or last_line.startswith(error_type + ":")):
            problems.append(f"last stderr line {last_line!r} is not a {error_type}")
    elif ":" in expected_error:
        if last_line != expected_error:
            problems.append(f"last stderr line {last_line!r}, expected {expected_error!r}")
    elif not (last_line == expected_error or last_line.startswith(expected_error + ":")):
        problems.append(f"last stderr line {last_line!r}, expected type {expected_error!r}")
    return problems


def compare(path, expectation, output):
    if output.returncode is None:
        return Verdict(path, "FAIL", "timed out")
    actual_lines = output.stdout.splitlines()
    details = []
    if actual_lines != expectation.stdout_lines:
        diff = difflib.unified_diff(expectation.stdout_lines, actual_lines, "expected", "actual", lineterm="")
        details.append("stdout differs:\n" + "\n".join(diff))
    details.extend(check_error(expectation.error, output))
    if output.returncode not in (0, 1) or (details and output.stderr.strip()):
        details.append("stderr:\n" + "\n".join(output.stderr.splitlines()[-15:]))
    return Verdict(path, "FAIL" if details else "PASS", "\n".join(details))


# -- Running ------------------------------------------------------------------


def imports_asyncio(source):
    return ASYNCIO_IMPORT.search(source) is not None


def python_command(path, source):
    """The CPython command for [path], or None when it needs the missing harness."""
    if imports_asyncio(source):
        if not HARNESS.exists():
            return None
        return [sys.executable, str(HARNESS), "run", str(path)]
    return [sys.executable, str(path)]


def run_command(command, timeout, cwd):
    environment = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    try:
        completed = subprocess.run(command, capture_output=True, timeout=timeout, cwd=cwd, env=environment)
    except subprocess.TimeoutExpired as expired:
        return RunOutput(None, (expired.stdout or b"").decode("utf-8", "replace"),
                         (expired.stderr or b"").decode("utf-8", "replace"))
    return RunOutput(completed.returncode, completed.stdout.decode("utf-8", "replace"),
                     completed.stderr.decode("utf-8", "replace"))


def run_test(path, mode, loopscope, timeout):
    source = path.read_text(encoding="utf-8")
    expectation = parse_expectation(source)
    if not expectation.stdout_lines and expectation.error is None:
        return Verdict(path, "FAIL", "no '# expect' lines (bless the file with bless.py)")
    if mode == "python":
        command = python_command(path, source)
        if command is None:
            return Verdict(path, "SKIP", "imports asyncio and tests/reference/harness.py does not exist yet")
    else:
        command = [loopscope, "run", str(path)]
    return compare(path, expectation, run_command(command, timeout, path.parent))


def collect_tests(paths, default_root):
    """Every .py test under [paths] (files or folders), sorted, without the tools themselves."""
    roots = [Path(p).resolve() for p in paths] or [default_root]
    tools = {Path(__file__).resolve(), (SCRIPTS_DIR / "bless.py").resolve()}
    found = []
    for root in roots:
        candidates = [root] if root.is_file() else sorted(root.rglob("*.py"))
        found.extend(p for p in candidates if p.resolve() not in tools and "__pycache__" not in p.parts)
    return found


def display_path(path):
    try:
        return str(path.relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def read_known_failures(path):
    """The repo-relative paths listed in [path], one a line; '#' starts a comment (the reason)."""
    known = set()
    if path:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            entry = line.split("#", 1)[0].strip()
            if entry:
                known.add(entry)
    return known


def apply_known_failures(verdict, known):
    """A listed test that fails is XFAIL; one that passes is XPASS, a failure: the list is stale."""
    if display_path(verdict.path) not in known:
        return verdict
    if verdict.status == "FAIL":
        return Verdict(verdict.path, "XFAIL", verdict.details)
    if verdict.status == "PASS":
        return Verdict(verdict.path, "XPASS", "passes now: remove it from the known-failures list")
    return verdict


def run_all(tests, run_one, jobs, known=frozenset()):
    """Runs [run_one] over [tests] with [jobs] workers, printing verdicts in file order."""
    verdicts = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for verdict in pool.map(run_one, tests):
            verdict = apply_known_failures(verdict, known)
            verdicts.append(verdict)
            print(f"{verdict.status} {display_path(verdict.path)}", flush=True)
            if verdict.details and verdict.status not in ("PASS", "XFAIL"):
                print("    " + verdict.details.replace("\n", "\n    "), flush=True)
    passed = sum(v.status == "PASS" for v in verdicts)
    failed = sum(v.status in ("FAIL", "XPASS") for v in verdicts)
    skipped = sum(v.status == "SKIP" for v in verdicts)
    xfailed = sum(v.status == "XFAIL" for v in verdicts)
    notes = [f"{skipped} skipped"] if skipped else []
    notes += [f"{xfailed} known failures"] if xfailed else []
    print(f"{passed} passed, {failed} failed" + (f" ({', '.join(notes)})" if notes else ""))
    return failed == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--loopscope", metavar="BIN", help="run every test with `BIN run FILE`")
    mode.add_argument("--python", action="store_true", help="check the expectations against CPython")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per test (default 20)")
    parser.add_argument("--jobs", type=int, default=2, help="parallel runs (default 2)")
    parser.add_argument("--known-failures", metavar="FILE",
                        help="repo-relative paths expected to fail (reported as XFAIL; XPASS fails the run)")
    parser.add_argument("paths", nargs="*", help="test files or folders (default: all of tests/scripts)")
    args = parser.parse_args()

    tests = collect_tests(args.paths, SCRIPTS_DIR)
    if not tests:
        print("no tests found")
        return 1
    mode_name = "python" if args.python else "loopscope"
    loopscope = str(Path(args.loopscope).resolve()) if args.loopscope else None
    known = read_known_failures(args.known_failures)
    ok = run_all(tests, lambda path: run_test(path, mode_name, loopscope, args.timeout), args.jobs, known)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
