#!/usr/bin/env python3
"""Checks that malformed and hostile scenarios end with a clear error, within bounded time and
memory, and never crash (SPEC.md sections 3 and 8).

Each file under tests/bad/ starts with its expectation:

    # expect error: SyntaxError line 3
    # expect error: MemoryError line 5
    # expect error: SystemExit            (no line: sys.exit names none)

Modes:
    run_bad.py --loopscope BIN [PATH...]   runs `BIN run FILE` for each file
    run_bad.py --python [PATH...]          checks the expectations against CPython

A file passes when the run
- ends within the timeout (no hang) with exit status 1 (no signal, so no crash),
- prints nothing that looks like a crash: "Segmentation fault", a sanitizer report,
  "terminate called", a failed C assert,
- writes to stderr a line naming the error type (`Type` or `Type: message`),
- mentions `line N` on stderr, when the expectation names a line, and
- (Loopscope) peaks below --max-rss-mb of memory, measured with wait4 as the child's own
  maximum resident set.
The Loopscope run prints the slowest and the largest runs at the end.

The folders say who blesses the expectation. syntax/, runtime/, nesting/ and encoding/ hold
expectations from CPython (`python3 tests/scripts/bless.py tests/bad/syntax/x.py`). The others
hold programs CPython runs differently, so their expectations are Loopscope's, written by hand,
and --python skips them: unsupported/ (os, sockets, open(), escapes from the simulator), limits/
(endless loops and sleeps), memory/ (memory bombs), output/ (output floods), deadlock/ (CPython
waits forever), exits/ (CPython exits with another status). A second line `# cpython prints no
line` marks errors that CPython reports without a line (the compiler's and the parser's nesting
limits); Loopscope names one all the same, and --python checks the type only. A line
`# loopscope options: --max-passes 200000` passes budget options to `loopscope run`, for programs
whose default budget would take long to reach (a loop of sleep(0) makes millions of passes).

generated.py lists programs too big to keep in the repository (300k-term sums, 10 MB files);
without PATH arguments they are written to a temporary folder and checked too.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BAD_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BAD_DIR.parent / "scripts"))

import generated  # noqa: E402
import run_scripts  # noqa: E402
from run_scripts import Verdict  # noqa: E402

# Folders of programs that CPython runs differently: their expectations are Loopscope's.
LOOPSCOPE_ONLY = {"unsupported", "limits", "memory", "output", "deadlock", "exits"}
HEADER = re.compile(r"# expect error: ([A-Za-z_][\w.]*)(?: line (\d+))?\s*$")
NO_LINE_MARKER = "# cpython prints no line"
OPTIONS_PREFIX = "# loopscope options:"
CRASH_MARKERS = re.compile(
    r"Segmentation fault|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|"
    r"\.(?:cpp|h|hpp):\d+:\d+: runtime error:|terminate called|Assertion .* failed|core dumped")


def parse_header(first_lines):
    """(error type, line or None) from the file's first line, or None. The line is searched,
    not matched, so that a file may start with a byte order mark or invalid bytes."""
    first_line = first_lines[0] if first_lines else ""
    match = HEADER.search(first_line)
    if not match:
        return None
    return match.group(1), match.group(2)


def read_first_lines(path):
    with open(path, "rb") as handle:
        head = handle.read(4096)
    return head.decode("utf-8", "replace").splitlines()[:3]


def names_error_type(stderr, error_type):
    # Exception groups indent their report behind "| ".
    pattern = re.compile(rf"^[\s|]*(?:__main__\.)?{re.escape(error_type)}(?::|$)", re.MULTILINE)
    return pattern.search(stderr) is not None


class Measured:
    """What a run did: exit status (None on timeout), output, wall time, peak memory."""

    def __init__(self, returncode, stdout, stderr, seconds, peak_rss_bytes):
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.seconds = seconds
        self.peak_rss_bytes = peak_rss_bytes


def run_measured(command, timeout, cwd):
    """Runs [command] and measures it with wait4: the child's own peak RSS, not the runner's."""
    environment = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=environment, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    chunks = {"out": [], "err": []}
    readers = [threading.Thread(target=lambda s=stream, k=key: chunks[k].append(s.read()))
               for stream, key in ((process.stdout, "out"), (process.stderr, "err"))]
    for reader in readers:
        reader.start()
    timed_out = False
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > timeout and not timed_out:
            process.kill()
            timed_out = True
        time.sleep(0.005)
    process.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    seconds = time.monotonic() - start
    decode = lambda key: b"".join(chunks[key]).decode("utf-8", "replace")  # noqa: E731
    return Measured(None if timed_out else process.returncode, decode("out"), decode("err"), seconds,
                    usage.ru_maxrss * 1024)


def check(expected_type, expected_line, output, max_rss_bytes):
    if output.returncode is None:
        return ["did not finish within the timeout (a hang)"]
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
    if max_rss_bytes and output.peak_rss_bytes > max_rss_bytes:
        problems.append(f"peak memory {output.peak_rss_bytes >> 20} MB, more than {max_rss_bytes >> 20} MB")
    return problems


def folder_of(path, root):
    try:
        return path.resolve().relative_to(root).parts[0]
    except ValueError:
        return ""


def run_one(path, root, mode, loopscope, timeout, max_rss_bytes, measurements):
    first_lines = read_first_lines(path)
    header = parse_header(first_lines)
    if header is None:
        return Verdict(path, "FAIL", "first line is not '# expect error: Type [line N]'")
    expected_type, expected_line = header
    if mode == "python":
        if folder_of(path, root) in LOOPSCOPE_ONLY:
            return Verdict(path, "SKIP", "CPython runs this differently; the expectation is Loopscope's")
        if any(line.strip() == NO_LINE_MARKER for line in first_lines[1:]):
            expected_line = None
        source = path.read_bytes().decode("utf-8", "replace")
        command = run_scripts.python_command(path, source)
        if command is None:
            return Verdict(path, "SKIP", "imports asyncio and tests/reference/harness.py does not exist yet")
        max_rss_bytes = 0  # CPython's memory is not ours to bound
    else:
        options = [line.strip()[len(OPTIONS_PREFIX):].split() for line in first_lines[1:]
                   if line.strip().startswith(OPTIONS_PREFIX)]
        command = [loopscope, "run"] + [word for words in options for word in words] + [str(path)]
    output = run_measured(command, timeout, path.parent)
    measurements.append((path, output.seconds, output.peak_rss_bytes))
    problems = check(expected_type, expected_line, output, max_rss_bytes)
    if problems:
        tail = "\n".join(output.stderr.splitlines()[-12:])
        return Verdict(path, "FAIL", "\n".join(problems) + "\nstderr:\n" + tail)
    return Verdict(path, "PASS")


def write_generated(folder):
    paths = []
    for relative, text in generated.PROGRAMS.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def print_extremes(measurements, root):
    def shown(path):
        try:
            return str(path.resolve().relative_to(root))
        except ValueError:
            return str(path)

    slowest = sorted(measurements, key=lambda m: -m[1])[:5]
    largest = sorted(measurements, key=lambda m: -m[2])[:5]
    print("slowest: " + ", ".join(f"{shown(p)} {s:.2f} s" for p, s, _ in slowest))
    print("largest: " + ", ".join(f"{shown(p)} {r >> 20} MB" for p, _, r in largest))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--loopscope", metavar="BIN", help="run every file with `BIN run FILE`")
    mode.add_argument("--python", action="store_true", help="check the expectations against CPython")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per file (default 60)")
    parser.add_argument("--jobs", type=int, default=2, help="parallel runs (default 2)")
    parser.add_argument("--max-rss-mb", type=int, default=int(os.environ.get("LOOPSCOPE_BAD_MAX_RSS_MB", 1536)),
                        help="peak memory a Loopscope run may reach (default 1536, or "
                             "$LOOPSCOPE_BAD_MAX_RSS_MB: sanitizers take more)")
    parser.add_argument("paths", nargs="*", help="files or folders (default: all of tests/bad and generated.py)")
    args = parser.parse_args()

    tools = {Path(__file__).resolve(), (BAD_DIR / "generated.py").resolve()}
    tests = [p for p in run_scripts.collect_tests(args.paths, BAD_DIR) if p.resolve() not in tools]
    mode_name = "python" if args.python else "loopscope"
    loopscope = str(Path(args.loopscope).resolve()) if args.loopscope else None
    measurements = []
    with tempfile.TemporaryDirectory(prefix="loopscope-bad-") as scratch:
        roots = {}
        if not args.paths:
            for path in write_generated(Path(scratch)):
                tests.append(path)
                roots[path] = Path(scratch).resolve()
        if not tests:
            print("no tests found")
            return 1
        ok = run_scripts.run_all(
            tests,
            lambda path: run_one(path, roots.get(path, BAD_DIR), mode_name, loopscope, args.timeout,
                                 args.max_rss_mb << 20, measurements),
            args.jobs)
        if measurements:
            print_extremes(measurements, BAD_DIR)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
