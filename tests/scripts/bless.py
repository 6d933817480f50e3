#!/usr/bin/env python3
"""Writes the expectation comments of script tests from what CPython 3.11 does.

    bless.py FILE...            rewrite the `# expect` block at the end of each file
    bless.py --type-only FILE   record an uncaught exception by its type only

Each FILE runs under python3 (files importing asyncio under
tests/reference/harness.py run FILE, once that exists). Existing `# expect`
comment lines are removed and the new ones appended at the end of the file, so
the program's own line numbers never move. Expectations are never typed by hand.

An uncaught exception is recorded as `Type: message`, except when the old
expectation held the type only, when --type-only is given, or when the message
is not stable (memory addresses, RecursionError). Syntax errors are recorded as
`SyntaxError line N` (or IndentationError / TabError).

Files under tests/bad/ use a header instead: their expectation is the first
line, `# expect error: Type line N`, naming the line CPython blames. Files under
tests/bad/unsupported/ are refused: CPython accepts them, so their expectation
is Loopscope's and written by hand.
"""

import argparse
import re
import sys
from pathlib import Path

import run_scripts
from run_scripts import EXPECT_ERROR_PREFIX, SYNTAX_ERROR_TYPES

BAD_DIR = run_scripts.REPO_ROOT / "tests" / "bad"
UNSUPPORTED_DIR = BAD_DIR / "unsupported"
# Addresses change between runs; "Did you mean" hints come from the traceback printer, not the message.
UNSTABLE_MESSAGE = re.compile(r"0x[0-9a-fA-F]+|Did you mean")
TYPE_ONLY_ERRORS = {"RecursionError"}


class BlessError(Exception):
    pass


def is_under(path, folder):
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def run_under_cpython(path, timeout):
    source = path.read_text(encoding="utf-8")
    command = run_scripts.python_command(path, source)
    if command is None:
        raise BlessError("imports asyncio, and tests/reference/harness.py does not exist yet")
    output = run_scripts.run_command(command, timeout, path.parent)
    if output.returncode is None:
        raise BlessError(f"timed out after {timeout} s")
    return output


def describe_error(output, path, type_only, with_line):
    """Turns CPython's stderr into the text after `# expect error: `."""
    last_line = run_scripts.final_error_line(output.stderr)
    match = re.match(r"^([A-Za-z_][\w.]*)(: (.*))?$", last_line)
    if not match:
        raise BlessError(f"cannot read the error from the last stderr line {last_line!r}")
    error_type = match.group(1)
    # The line CPython blames: for a syntax error the one it reports, otherwise the
    # innermost traceback frame that lies in this file.
    file_lines = re.findall(rf'File "{re.escape(str(path))}", line (\d+)', output.stderr)
    any_lines = re.findall(r'File ".*", line (\d+)', output.stderr)
    blamed = (file_lines or any_lines or [None])[-1]
    if error_type in SYNTAX_ERROR_TYPES:
        if blamed is None:
            raise BlessError("syntax error without a line number")
        return f"{error_type} line {blamed}"
    if with_line:
        if blamed is None:
            raise BlessError("runtime error without a line number")
        return f"{error_type} line {blamed}"
    message = match.group(3)
    if type_only or message is None or error_type in TYPE_ONLY_ERRORS or UNSTABLE_MESSAGE.search(message):
        return error_type
    return last_line


def bless_script(path, type_only, timeout):
    source = path.read_text(encoding="utf-8")
    old = run_scripts.parse_expectation(source)
    keep_type_only = type_only or (old.error is not None and ":" not in old.error and " line " not in old.error)
    output = run_under_cpython(path, timeout)
    lines = [f"# expect: {line}" if line else "# expect:" for line in output.stdout.splitlines()]
    if output.returncode != 0:
        lines.append(f"{EXPECT_ERROR_PREFIX} {describe_error(output, path, keep_type_only, with_line=False)}")
    elif output.stderr.strip():
        print(f"note: {path}: exited 0 but wrote to stderr: {run_scripts.last_nonempty_line(output.stderr)!r}")
    if not lines:
        raise BlessError("the program printed nothing; a test must show its behaviour")
    body = [line for line in source.splitlines() if not run_scripts.is_expectation_line(line)]
    while body and not body[-1].strip():
        body.pop()
    path.write_text("\n".join(body) + "\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return lines


def bless_bad(path, timeout):
    """Writes the first-line expectation of a malformed scenario under tests/bad/."""
    source = path.read_text(encoding="utf-8")
    body = source.splitlines()
    if not (body and body[0].startswith(EXPECT_ERROR_PREFIX)):
        # A placeholder first line, so the line numbers CPython reports are final.
        body.insert(0, f"{EXPECT_ERROR_PREFIX} ?")
        path.write_text("\n".join(body) + "\n", encoding="utf-8")
    output = run_under_cpython(path, timeout)
    if output.returncode == 0:
        raise BlessError("CPython runs it without an error; it does not belong in tests/bad/")
    expectation = describe_error(output, path, type_only=True, with_line=True)
    body[0] = f"{EXPECT_ERROR_PREFIX} {expectation}"
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    return [body[0]]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--type-only", action="store_true", help="record uncaught exceptions by type only")
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--quiet", action="store_true", help="print only problems")
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()

    failures = 0
    for path in args.files:
        path = path.resolve()
        try:
            if is_under(path, UNSUPPORTED_DIR):
                raise BlessError("tests/bad/unsupported/ holds Loopscope's expectations, written by hand")
            if is_under(path, BAD_DIR):
                lines = bless_bad(path, args.timeout)
            else:
                lines = bless_script(path, args.type_only, args.timeout)
        except BlessError as problem:
            failures += 1
            print(f"ERROR {run_scripts.display_path(path)}: {problem}")
            continue
        if not args.quiet:
            print(f"blessed {run_scripts.display_path(path)} ({len(lines)} expectation lines)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
