#!/usr/bin/env python3
"""Runs a scenario under CPython with Loopscope's own asyncio (engine/prelude/asyncio.py)
instead of the real one, in virtual time, through the `_loopscope` shim in this folder.

Usage:
    python3 tests/asyncio_model/run_model.py run FILE [--seed N]     # the program's output
    python3 tests/asyncio_model/run_model.py trace FILE [--seed N]   # SPEC.md section 4 trace
    python3 tests/asyncio_model/run_model.py events FILE [--seed N]  # every emitted event

`trace` writes the same JSON Lines as tests/reference/harness.py does for real asyncio, so
check_model.py can compare the two.
"""

import io
import json
import os
import random
import runpy
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PRELUDE = os.path.join(ROOT, "engine", "prelude")

sys.path.insert(0, HERE)
import _loopscope  # noqa: E402  (the shim)

sys.path.insert(0, PRELUDE)
sys.modules["_loopscope"] = _loopscope


class LineCapture(io.TextIOBase):
    """Replaces sys.stdout: each completed line becomes a `print` event at the current time."""

    def __init__(self, echo):
        super().__init__()
        self.echo = echo
        self.partial = ""

    @property
    def encoding(self):
        return "utf-8"

    def writable(self):
        return True

    def write(self, text):
        if self.echo is not None:
            self.echo.write(text)
        lines = (self.partial + text).split("\n")
        self.partial = lines.pop()
        for line in lines:
            _loopscope.printed(line)
        return len(text)

    def flush(self):
        if self.echo is not None:
            self.echo.flush()

    def finish(self):
        # A last line without its newline is written but is no "print" event: the comparison
        # trace has one per completed line (SPEC.md section 4), as the reference harness does.
        self.partial = ""
        self.flush()


class InsertionOrderedSet(set):
    """A set that iterates in insertion order, as Loopscope's VM iterates sets of objects
    hashed by identity (SPEC.md section 3). Installed as `set` inside the prelude only, so
    that `done, pending = await asyncio.wait(...)` iterates as it will in the VM, not in the
    order of CPython's memory addresses."""

    def __init__(self, items=()):
        super().__init__()
        self._order = {}
        for item in items:
            self.add(item)

    def add(self, item):
        super().add(item)
        self._order[item] = None

    def discard(self, item):
        super().discard(item)
        self._order.pop(item, None)

    def remove(self, item):
        super().remove(item)
        del self._order[item]

    def pop(self):
        for item in self._order:
            self.remove(item)
            return item
        raise KeyError("pop from an empty set")

    def clear(self):
        super().clear()
        self._order.clear()

    def __iter__(self):
        return iter(list(self._order))


def install_virtual_time():
    time.time = _loopscope.time
    time.monotonic = _loopscope.time
    time.perf_counter = _loopscope.time
    time.sleep = _loopscope.advance


def error_text(exc):
    name = type(exc).__name__
    message = (exc.msg or "") if isinstance(exc, SyntaxError) else str(exc)
    return f"{name}: {message}" if message else name


def run_program(path, mode, seed):
    import asyncio  # the prelude's, thanks to sys.path

    if not asyncio.__file__.startswith(PRELUDE):
        sys.exit(f"run_model.py: imported the wrong asyncio: {asyncio.__file__}")
    asyncio.set = InsertionOrderedSet
    install_virtual_time()
    random.seed(seed)
    sys.argv = [path]
    sys.path.insert(2, os.path.dirname(os.path.abspath(path)))
    real_stdout = sys.stdout
    capture = LineCapture(real_stdout if mode == "run" else None)
    sys.stdout = capture

    def finish(end, exit_code):
        capture.finish()
        sys.stdout = real_stdout
        end = {"t": _loopscope.time(), **end}
        problems = _loopscope.check_invariants(end["status"] == "error")
        if problems:
            # An extra event makes check_model.py report the run as different from CPython.
            end = {**end, "model_invariants": problems[:5]}
            sys.__stderr__.write("model invariant broken: " + "; ".join(problems[:5]) + "\n")
        if mode == "trace":
            for event in _loopscope.TRACE:
                real_stdout.write(json.dumps(event) + "\n")
            real_stdout.write(json.dumps(end) + "\n")
        elif mode == "events":
            for event in _loopscope.EVENTS:
                real_stdout.write(repr(event) + "\n")
            real_stdout.write(json.dumps(end) + "\n")
        real_stdout.flush()
        return exit_code

    def stop(error):
        # A limit or a deadlock ends the run where it happens, as in the VM.
        if mode == "run":
            capture.finish()
            sys.__stderr__.write(error_text(error) + "\n")
        finish({"kind": "end", "status": "error", "error": error_text(error)}, 1)
        os._exit(1)

    _loopscope.STOP_HOOK = stop
    end = {"kind": "end", "status": "ok"}
    exit_code = 0
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as exit_request:
        code = exit_request.code
        if code not in (None, 0):
            end = {"kind": "end", "status": "error", "error": f"SystemExit: {code}"}
            exit_code = code if isinstance(code, int) else 1
    except BaseException as exc:  # the program's uncaught exception
        end = {"kind": "end", "status": "error", "error": error_text(exc)}
        if isinstance(exc, SyntaxError):
            end["line"] = exc.lineno
        if mode == "run":
            capture.finish()
            sys.__stderr__.write("".join(traceback.format_exception(exc)))
        exit_code = 1
    return finish(end, exit_code)


def main(argv):
    usage = "usage: run_model.py run|trace|events FILE [--seed N]"
    if len(argv) < 2 or argv[0] not in ("run", "trace", "events"):
        sys.exit(usage)
    mode, path = argv[0], argv[1]
    seed = 0
    rest = argv[2:]
    while rest:
        option = rest.pop(0)
        if option == "--seed" and rest:
            seed = int(rest.pop(0))
        elif option.startswith("--seed="):
            seed = int(option.split("=", 1)[1])
        else:
            sys.exit(f"unknown option {option!r}\n{usage}")
    if not os.path.isfile(path):
        sys.exit(f"run_model.py: no such file: {path}")
    return run_program(path, mode, seed)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
