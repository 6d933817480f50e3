#!/usr/bin/env python3
"""CPython 3.11 reference harness: runs a scenario under real asyncio in virtual time.

Usage:
    python3 tests/reference/harness.py run FILE [--seed N] [--no-steps]
    python3 tests/reference/harness.py trace FILE [--seed N] [--no-steps]
    python3 tests/reference/harness.py time FILE [--seed N]
    python3 tests/reference/harness.py state FILE --step K [--step K2 ...] [--seed N]
    python3 tests/reference/harness.py state-batch < JOBS

`run` behaves like `python3 FILE`, except that time is virtual: `asyncio.sleep(5)` takes no real
time. `trace` writes the comparison trace of SPEC.md section 4 (JSON Lines of `step`, `print`
and `end` events) to stdout instead of the program's output. `time` is the timing mode of
tests/bench: it runs like `run`, but keeps CPython's C-accelerated Task and Future (`_asyncio`),
as `python3 FILE` does, and records nothing. `state` prints the loop's state when the K-th step
begins (K from 1, counting `step` events, asyncio.run's shutdown tasks included) as the JSON object
`loopscope state` prints: one line per --step, in step order; the run stops after the last one.
`state-batch` does the same for many programs in one process: each line of stdin is
`FILE<TAB>SEED<TAB>K1,K2,...`; each program runs in a child forked after asyncio is imported and
patched, and every JSON line gains "program": FILE (one {"program": FILE, "error": ...} line
when steps are missing).

How the virtual time works (SPEC.md sections 3 and 8):
- The event loop is a `SelectorEventLoop` whose selector never waits: when the loop asks it to
  wait for I/O with a positive timeout, the clock jumps exactly to the earliest timer deadline
  (`loop._scheduled[0]._when`, never `now + timeout`, so no float drift creeps in). Asked to
  wait forever with no timer at all, the program can never make progress. The harness then does
  what a user would, and what Loopscope does (SPEC.md section 3): it presses Ctrl+C. CPython's
  own SIGINT handler (asyncio.Runner._on_sigint) cancels the main task, whose finally blocks
  run; a second deadlock is a second Ctrl+C (KeyboardInterrupt); the runner closes, cancelling
  every remaining task, and the run ends there with error type `Deadlock`, naming who waited on
  what when the program first got stuck. With no asyncio.run running, it ends at once.
- Where asyncio iterates a set of tasks or futures, CPython's order follows memory addresses
  (tasks hash by identity). SPEC.md section 3 fixes that order as insertion order, and so does
  the harness: `all_tasks`, `wait`, `as_completed`, `TaskGroup` and the loop's set of async
  generators use insertion-ordered sets. Everything else is CPython's own code.
- `time.time/monotonic/perf_counter` read the virtual clock and `time.sleep(s)` advances it.
- The C accelerator `_asyncio` is hidden before asyncio is first imported, so asyncio falls back
  to its pure-Python Task, Future, `_enter_task`, `_register_task`, `get_running_loop`, ... in
  every module at once. Wrapping `Task.__step` then records one `step` per resumption. The
  `time` mode keeps the accelerator (and CPython's own `all_tasks`), so that benchmarks compare
  against CPython as users run it.
"""

import sys

# The timing mode measures CPython as users run it: C Task and Future, nothing recorded.
TIMING_MODE = len(sys.argv) > 1 and sys.argv[1] == "time"

# Must happen before anything imports asyncio: every asyncio module then keeps its pure-Python
# implementation (tasks.Task, futures.Future, events._get_running_loop, ...) consistently.
if not TIMING_MODE:
    sys.modules["_asyncio"] = None

import collections.abc  # noqa: E402
import functools  # noqa: E402
import inspect  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import runpy  # noqa: E402
import selectors  # noqa: E402
import signal  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
import weakref  # noqa: E402

import asyncio  # noqa: E402
import asyncio.taskgroups  # noqa: E402
import asyncio.tasks  # noqa: E402

# CPython's monotonic clock resolution on Linux; SPEC.md section 3 fixes it at 1e-9.
CLOCK_RESOLUTION = 1e-09


class VirtualClock:
    """The one clock every time source of the program reads."""

    def __init__(self):
        self.now = 0.0

    def advance(self, seconds):
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        self.now = self.now + seconds

    def jump_to(self, deadline):
        # A timer deadline may be an int when a program calls call_at(5); the clock stays a float.
        self.now = float(deadline)


CLOCK = VirtualClock()


class Recorder:
    """Collects the comparison trace and writes each event as one JSON line."""

    def __init__(self, sink):
        self.sink = sink
        self.ended = False

    def emit(self, event):
        if self.sink is not None:
            self.sink.write(json.dumps(event) + "\n")

    def step(self, task_name, coro_name):
        self.emit({"t": CLOCK.now, "kind": "step", "task": task_name, "coro": coro_name})

    def printed(self, text):
        self.emit({"t": CLOCK.now, "kind": "print", "text": text})

    def end(self, error=None, line=None):
        if self.ended:
            return
        self.ended = True
        event = {"t": CLOCK.now, "kind": "end", "status": "ok" if error is None else "error"}
        if error is not None:
            event["error"] = error
        if line is not None:
            event["line"] = line
        self.emit(event)
        if self.sink is not None:
            self.sink.flush()


RECORDER = None
# The capture and mode of the current run, for the deadlock exit deep inside the loop.
RUN_STATE = {}
# Who waited on what when the program first got stuck (None until it does).
DEADLOCK = {"description": None}


# -- Captured stdout ------------------------------------------------------------------------------

class LineCapture(io.TextIOBase):
    """Replaces sys.stdout: every completed line becomes a `print` event at the current time.

    In `run` mode [echo] is the real stdout, so the program's output still appears as usual.
    """

    def __init__(self, echo):
        super().__init__()
        self.echo = echo
        self.partial = ""

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "strict"

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if self.echo is not None:
            self.echo.write(text)
        pending = self.partial + text
        lines = pending.split("\n")
        self.partial = lines.pop()
        for line in lines:
            RECORDER.printed(line)
        return len(text)

    def flush(self):
        if self.echo is not None:
            self.echo.flush()

    def finish(self):
        # SPEC.md section 4 traces completed lines only: an unfinished last line reached the
        # screen in `run` mode but is not a `print` event.
        self.partial = ""
        self.flush()


# -- The virtual-time event loop -----------------------------------------------------------------

class VirtualTimeSelector(selectors.DefaultSelector):
    """A real selector (the loop's self-pipe stays registered) whose select() never blocks."""

    loop = None

    def select(self, timeout=None):
        if timeout is not None and timeout <= 0:
            return []
        scheduled = self.loop._scheduled if self.loop is not None else None
        if scheduled:
            # _run_once has already dropped cancelled timers from the heap's head.
            CLOCK.jump_to(scheduled[0]._when)
            return []
        if timeout is None:
            press_ctrl_c(self.loop)
            return []
        # A positive timeout without a timer cannot come from _run_once; treat it as elapsed.
        CLOCK.advance(timeout)
        return []


# asyncio logs "Using selector: <class name>" at DEBUG level: name it as CPython's own selector.
VirtualTimeSelector.__name__ = VirtualTimeSelector.__qualname__ = selectors.DefaultSelector.__name__


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        selector = VirtualTimeSelector()
        super().__init__(selector)
        selector.loop = self
        self._asyncgens = OrderedWeakSet()
        self._clock_resolution = CLOCK_RESOLUTION

    def time(self):
        return CLOCK.now


# The loop reads like the one `python3 FILE` runs on Linux (repr, type(loop).__name__).
VirtualTimeLoop.__name__ = VirtualTimeLoop.__qualname__ = asyncio.SelectorEventLoop.__name__


class VirtualTimePolicy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = VirtualTimeLoop


def describe_waiting_tasks(loop):
    if loop is None:
        return "the event loop has nothing to run and no timer, yet the program waits"
    waiting = []
    tasks = [task for task in list(asyncio.tasks._all_tasks) if task.get_loop() is loop]
    for task in sorted(tasks, key=task_number):
        if task.done():
            continue
        coro_name = coroutine_name(task.get_coro())
        waiter = getattr(task, "_fut_waiter", None)
        what = "nothing" if waiter is None else describe_awaitable(waiter)
        waiting.append(f"{task.get_name()} ({coro_name}) waits on {what}")
    detail = "; ".join(waiting) if waiting else "no task is pending"
    return f"no task can make progress: {detail}"


def task_number(task):
    name = task.get_name()
    if name.startswith("Task-") and name[5:].isdigit():
        return (0, int(name[5:]), name)
    return (1, 0, name)


def describe_awaitable(future):
    if isinstance(future, asyncio.Task):
        return f"task {future.get_name()}"
    return f"a {type(future).__name__}"


def coroutine_name(coro):
    name = getattr(coro, "__name__", None)
    return name if isinstance(name, str) else type(coro).__name__


# -- Insertion-ordered sets where asyncio iterates sets of tasks ------------------------------

class OrderedSet(collections.abc.MutableSet):
    """A set that iterates in insertion order, for sets of identity-hashed tasks and futures."""

    def __init__(self, items=()):
        self._items = dict.fromkeys(items)

    def __contains__(self, item):
        return item in self._items

    def __iter__(self):
        return iter(list(self._items))

    def __len__(self):
        return len(self._items)

    def add(self, item):
        self._items[item] = None

    def discard(self, item):
        self._items.pop(item, None)

    def clear(self):
        self._items.clear()

    def __repr__(self):
        return "{" + ", ".join(repr(item) for item in self._items) + "}" if self._items else "set()"


class OrderedWeakSet:
    """What asyncio needs of a WeakSet (add, discard, len, iteration), in insertion order."""

    def __init__(self):
        self._items = weakref.WeakKeyDictionary()

    def add(self, item):
        self._items[item] = None

    def discard(self, item):
        self._items.pop(item, None)

    def __contains__(self, item):
        return item in self._items

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(list(self._items.keys()))


# Printed types read like CPython's: `type(done)` of asyncio.wait's result is a set there.
OrderedSet.__module__ = "builtins"
OrderedSet.__name__ = OrderedSet.__qualname__ = "set"


def patched_function(module, name, replacements):
    """Recompiles [module].[name] from CPython's own source with textual [replacements]."""
    lines, first_line = inspect.getsourcelines(getattr(module, name))
    # Leading blank lines keep the line numbers of tracebacks through the function right.
    source = "\n" * (first_line - 1) + "".join(lines)
    for old, new in replacements:
        if old not in source:
            raise RuntimeError(f"harness: {module.__name__}.{name} changed; cannot patch {old!r}")
        source = source.replace(old, new)
    namespace = module.__dict__
    exec(compile(source, inspect.getsourcefile(module), "exec"), namespace)
    return namespace[name]


def install_ordered_sets(keep_all_tasks):
    tasks = asyncio.tasks
    tasks._OrderedSet = OrderedSet
    if not keep_all_tasks:
        # The C Task registers itself in the accelerator's own WeakSet; only the pure-Python
        # Task registers through tasks._all_tasks, so only then can its order be fixed here.
        tasks._all_tasks = OrderedWeakSet()

        def all_tasks(loop=None):
            if loop is None:
                loop = asyncio.events.get_running_loop()
            return OrderedSet(task for task in list(tasks._all_tasks)
                              if asyncio.futures._get_loop(task) is loop and not task.done())

        tasks.all_tasks = asyncio.all_tasks = all_tasks
    tasks.wait = asyncio.wait = patched_function(tasks, "wait", [("fs = set(fs)", "fs = _OrderedSet(fs)")])
    patched_function(tasks, "_wait", [("done, pending = set(), set()",
                                       "done, pending = _OrderedSet(), _OrderedSet()")])
    tasks.as_completed = asyncio.as_completed = patched_function(tasks, "as_completed", [(
        "todo = {ensure_future(f, loop=loop) for f in set(fs)}",
        "todo = _OrderedSet([ensure_future(f, loop=loop) for f in _OrderedSet(fs)])")])

    task_group_init = asyncio.taskgroups.TaskGroup.__init__

    def ordered_task_group_init(self, *args, **kwargs):
        task_group_init(self, *args, **kwargs)
        self._tasks = OrderedSet()

    asyncio.taskgroups.TaskGroup.__init__ = ordered_task_group_init


# -- Step recording -----------------------------------------------------------------------------

def install_step_recording(on_step=None):
    """Wraps Task.__step: every resumption of a task that is not done is a `step`, and calls
    [on_step](task) before the task runs (the loop has already taken its handle off _ready)."""
    task_class = asyncio.tasks._PyTask
    original_step = task_class._Task__step

    def recorded_step(self, exc=None):
        if not self.done():
            RECORDER.step(self.get_name(), coroutine_name(self._coro))
            if on_step is not None:
                on_step(self)
        return original_step(self, exc)

    task_class._Task__step = recorded_step


# -- The loop's state when a step begins (`state`) -------------------------------------------------

class StateReader:
    """Counts steps and, when a wanted one begins, writes the loop's state as `loopscope state`
    does (engine/loop/state_json.h): the task about to run, loop._ready, loop._scheduled, and
    every task created so far with the scenario frames of its coroutine chain."""

    def __init__(self, path, wanted, sink, program=None):
        self.real_path = os.path.realpath(path)
        self.wanted = sorted(set(wanted))
        self.sink = sink
        self.program = program
        self.steps = 0
        # Every task in creation order: [weakref, name, coroutine name, final state]. Weak, so
        # that tasks die when the program drops them, as they would without the harness.
        self.tasks = []
        self.records = weakref.WeakKeyDictionary()

    def install(self):
        task_class = asyncio.tasks._PyTask
        original_init = task_class.__init__
        reader = self

        def registered_init(self, *args, **kwargs):
            original_init(self, *args, **kwargs)
            record = [weakref.ref(self), self.get_name(), coroutine_name(self._coro), "pending"]
            reader.tasks.append(record)
            reader.records[self] = record

        task_class.__init__ = registered_init
        original_step = task_class._Task__step

        def finishing_step(self, exc=None):
            try:
                return original_step(self, exc)
            finally:
                # A pure-Python Task finishes only inside __step: its final state is known here.
                record = reader.records.get(self)
                if record is not None:
                    record[1] = self.get_name()
                    record[3] = task_state(self)

        task_class._Task__step = finishing_step
        install_step_recording(self.on_step)

    def on_step(self, task):
        self.steps += 1
        if not self.wanted or self.steps != self.wanted[0]:
            return
        self.wanted.pop(0)
        state = self.read(task)
        if self.program is not None:
            state = {"program": self.program, **state}
        self.sink.write(json.dumps(state) + "\n")
        if not self.wanted:
            # Nothing after the last wanted step is needed: stop the run here.
            self.sink.flush()
            os._exit(0)

    def read(self, running):
        loop = running.get_loop()
        task_class = asyncio.tasks._PyTask
        step_and_wakeup = (task_class._Task__step, task_class._Task__wakeup)
        ready = []
        for handle in loop._ready:
            if handle._cancelled:
                continue  # _run_once skips it: it is not waiting its turn
            callback = handle._callback
            owner = getattr(callback, "__self__", None)
            if isinstance(owner, asyncio.Task) and getattr(callback, "__func__", None) in step_and_wakeup:
                ready.append({"task": owner.get_name()})
            else:
                ready.append({"callback": callback_name(callback)})
        timers = sorted(float(timer._when) for timer in loop._scheduled if not timer._cancelled)
        tasks = []
        for task_ref, name, coro, final_state in self.tasks:
            task = task_ref()
            if task is not None:
                name, state = task.get_name(), task_state(task)
            else:
                state = final_state
            stack = []
            if task is not None and state == "pending":
                stack = self.stack_of(task._coro)
            tasks.append({"name": name, "coro": coro, "state": state, "stack": stack})
        return {"step": self.steps, "t": CLOCK.now, "task": running.get_name(), "ready": ready,
                "timers": timers, "tasks": tasks}

    def stack_of(self, coro):
        """The scenario frames of [coro] and of what it awaits, outermost first; none before it
        has started."""
        stack = []
        if inspect.iscoroutine(coro) and inspect.getcoroutinestate(coro) != inspect.CORO_SUSPENDED:
            return stack
        awaitable = coro
        while awaitable is not None:
            frame = (getattr(awaitable, "cr_frame", None) or getattr(awaitable, "gi_frame", None)
                     or getattr(awaitable, "ag_frame", None))
            if frame is None:
                break
            if os.path.realpath(frame.f_code.co_filename) == self.real_path:
                stack.append({"function": frame.f_code.co_name, "line": frame.f_lineno,
                              "locals": frame_locals(frame)})
            if hasattr(awaitable, "cr_await"):
                awaitable = awaitable.cr_await
            elif hasattr(awaitable, "gi_yieldfrom"):
                awaitable = awaitable.gi_yieldfrom
            else:
                awaitable = getattr(awaitable, "ag_await", None)
        return stack

    def missing(self):
        return f"there is no step {self.wanted[0]}: the run has {self.steps} steps"


def frame_locals(frame):
    """f_locals as reprs, in the order of a first read: parameters and locals, then cells, then
    free variables. (A frame keeps its f_locals dict between reads, and a name bound after an
    earlier read would otherwise come last.)"""
    code = frame.f_code
    values = frame.f_locals
    order = list(code.co_varnames)
    order += [name for name in code.co_cellvars if name not in order]
    order += [name for name in code.co_freevars if name not in order]
    return {name: safe_repr(values[name]) for name in order if name in values}


def task_state(task):
    # Read without result()/exception(), which would mark the exception as retrieved.
    if task._state == "PENDING":
        return "pending"
    if task._state == "CANCELLED":
        return "cancelled"
    return "failed" if task._exception is not None else "done"


def callback_name(callback):
    while isinstance(callback, functools.partial):
        callback = callback.func
    name = getattr(callback, "__name__", None)
    return name if isinstance(name, str) else type(callback).__name__


def safe_repr(value):
    try:
        return repr(value)
    except Exception as problem:  # a __repr__ that raises is shown, not fatal
        message = str(problem)
        return f"<repr failed: {type(problem).__name__}{': ' + message if message else ''}>"


# -- Virtual time for the time module -----------------------------------------------------------

def install_virtual_time():
    # The simulator's time zone is UTC (SPEC.md section 3): localtime() is gmtime() there.
    os.environ["TZ"] = "UTC"
    time.tzset()
    real_localtime, real_gmtime, real_strftime = time.localtime, time.gmtime, time.strftime
    real_asctime, real_ctime = time.asctime, time.ctime

    def virtual_now():
        return CLOCK.now

    def virtual_now_ns():
        return int(round(CLOCK.now * 1e9))

    def virtual_sleep(seconds):
        CLOCK.advance(seconds)

    # The calendar functions default to the virtual now instead of the wall clock.
    def localtime(secs=None):
        return real_localtime(CLOCK.now if secs is None else secs)

    def gmtime(secs=None):
        return real_gmtime(CLOCK.now if secs is None else secs)

    def strftime(format, t=None):
        return real_strftime(format, localtime() if t is None else t)

    def asctime(t=None):
        return real_asctime(localtime() if t is None else t)

    def ctime(secs=None):
        return real_ctime(CLOCK.now if secs is None else secs)

    time.localtime, time.gmtime, time.strftime = localtime, gmtime, strftime
    install_virtual_datetime()
    time.asctime, time.ctime = asctime, ctime
    # logging measures relativeCreated from its import, which happened before the clock was virtual.
    logging._startTime = CLOCK.now
    time.time = virtual_now
    time.monotonic = virtual_now
    time.perf_counter = virtual_now
    time.time_ns = virtual_now_ns
    time.monotonic_ns = virtual_now_ns
    time.perf_counter_ns = virtual_now_ns
    time.sleep = virtual_sleep


def install_virtual_datetime():
    """datetime.now(), today() and utcnow() read the virtual clock.

    The C types cannot be patched, so the datetime module's `date` and `datetime` become
    subclasses that only replace those constructors (and print as the C types do): arithmetic
    and the other constructors keep returning the subclass, as C's datetime does for subclasses.
    """
    import datetime as datetime_module

    real_date, real_datetime = datetime_module.date, datetime_module.datetime

    class date(real_date):
        __slots__ = ()

        @classmethod
        def today(cls):
            return cls.fromtimestamp(CLOCK.now)

        def __repr__(self):
            return "datetime." + super().__repr__()

    # Also a subclass of the new date, so that comparisons between them go as between C's.
    class datetime(real_datetime, date):
        __slots__ = ()

        @classmethod
        def now(cls, tz=None):
            return cls.fromtimestamp(CLOCK.now, tz)

        @classmethod
        def today(cls):
            return cls.fromtimestamp(CLOCK.now)

        @classmethod
        def utcnow(cls):
            return cls.utcfromtimestamp(CLOCK.now)

        def __repr__(self):
            return "datetime." + super().__repr__()

    for cls in (date, datetime):
        cls.__module__ = "datetime"
    datetime_module.date, datetime_module.datetime = date, datetime


# -- Running the program ------------------------------------------------------------------------

def error_text(exc):
    name = type(exc).__name__
    if isinstance(exc, SyntaxError):
        message = exc.msg or ""
    else:
        message = str(exc)
    return f"{name}: {message}" if message else name


def print_program_traceback(exc, path):
    """Prints the traceback the way `python3 FILE` would, without the harness's own frames."""
    tb = exc.__traceback__
    real_path = os.path.realpath(path)
    while tb is not None and os.path.realpath(tb.tb_frame.f_code.co_filename) != real_path:
        tb = tb.tb_next
    if tb is None and not isinstance(exc, SyntaxError):
        tb = exc.__traceback__
    lines = traceback.format_exception(type(exc), exc, tb if tb is not None else None)
    if isinstance(exc, SyntaxError):
        lines = traceback.format_exception_only(type(exc), exc)
    sys.__stderr__.write("".join(lines))
    sys.__stderr__.flush()


def press_ctrl_c(loop):
    """The program waits forever: interrupt it as a user would (see the module docstring)."""
    if DEADLOCK["description"] is None:
        DEADLOCK["description"] = describe_waiting_tasks(loop)
    handler = signal.getsignal(signal.SIGINT)
    if not callable(handler) or handler is signal.default_int_handler:
        # No asyncio.run to interrupt: the KeyboardInterrupt would end the program here.
        finish_deadlock(DEADLOCK["description"])
    handler(signal.SIGINT, None)


def install_deadlock_ending():
    """After an interrupted Runner.run the runner closes, as the KeyboardInterrupt closes it on
    its way out of asyncio.run, and the run ends there with Deadlock."""
    original_run = asyncio.runners.Runner.run

    def run(self, coro, *, context=None):
        try:
            return original_run(self, coro, context=context)
        finally:
            if DEADLOCK["description"] is not None:
                self.close()
                finish_deadlock(DEADLOCK["description"])

    asyncio.runners.Runner.run = run


def finish_deadlock(description):
    capture, mode = RUN_STATE["capture"], RUN_STATE["mode"]
    capture.finish()
    RECORDER.end(error=f"Deadlock: {description}")
    if mode == "run":
        sys.__stdout__.flush()
        sys.__stderr__.write(f"Deadlock: {description}\n")
    sys.__stderr__.flush()
    # Real Python would hang here forever; nothing after this point is part of the run.
    os._exit(1)


def run_program(path, mode, seed, record_steps, state_reader=None):
    global RECORDER
    real_stdout = sys.stdout
    RECORDER = Recorder(real_stdout if mode == "trace" else None)
    capture = LineCapture(real_stdout if mode == "run" else None)
    RUN_STATE.update(capture=capture, mode=mode)

    asyncio.set_event_loop_policy(VirtualTimePolicy())
    install_ordered_sets(keep_all_tasks=TIMING_MODE)
    if state_reader is not None:
        state_reader.install()
    elif record_steps:
        install_step_recording()
    install_virtual_time()
    install_deadlock_ending()
    random.seed(seed)

    sys.argv = [path]
    # As with `python3 FILE`: the program's folder, not the harness's, heads the import path.
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    sys.stdout = capture
    exit_code = 0
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as exit_request:
        code = exit_request.code
        capture.finish()
        if code is None or code == 0:
            RECORDER.end()
        else:
            if not isinstance(code, int):
                sys.__stderr__.write(f"{code}\n")
            RECORDER.end(error=f"SystemExit: {code}")
            exit_code = code if isinstance(code, int) else 1
    except BaseException as exc:  # the program's own uncaught exception
        capture.finish()
        line = exc.lineno if isinstance(exc, SyntaxError) else None
        RECORDER.end(error=error_text(exc), line=line)
        if mode == "run":
            print_program_traceback(exc, path)
        exit_code = 1
    else:
        capture.finish()
        RECORDER.end()
    finally:
        sys.stdout = real_stdout
    real_stdout.flush()
    return exit_code


def parse_arguments(argv):
    usage = "usage: harness.py run|trace|time|state FILE [--seed N] [--no-steps] [--step K ...]"
    if len(argv) < 2 or argv[0] not in ("run", "trace", "time", "state"):
        sys.exit(usage)
    mode, path = argv[0], argv[1]
    seed = 0
    record_steps = True
    steps = []
    rest = argv[2:]
    while rest:
        option = rest.pop(0)
        if option == "--seed" and rest:
            seed = int(rest.pop(0))
        elif option.startswith("--seed="):
            seed = int(option.split("=", 1)[1])
        elif option == "--no-steps":
            record_steps = False
        elif option == "--step" and rest and mode == "state":
            steps.append(int(rest.pop(0)))
        else:
            sys.exit(f"unknown option {option!r}\n{usage}")
    if mode == "state":
        if not steps or min(steps) < 1:
            sys.exit(f"state needs --step K, K from 1\n{usage}")
        return mode, path, seed, steps
    if mode in ("run", "time"):
        # Steps are only visible in a trace; recording them in `run` mode costs time for nothing.
        record_steps = False
    if mode == "time":
        # The timing mode prints what `run` prints.
        mode = "run"
    return mode, path, seed, record_steps


def run_state(path, seed, steps, program=None):
    """Prints the state at each of [steps]; returns the exit status (2: the run has too few)."""
    reader = StateReader(path, steps, sys.stdout, program)
    run_program(path, "state", seed, False, reader)
    # Reaching here means the run ended before the last wanted step began.
    sys.stdout.flush()
    if program is not None:
        sys.stdout.write(json.dumps({"program": program, "error": reader.missing()}) + "\n")
        sys.stdout.flush()
    else:
        sys.__stderr__.write(f"harness.py: {reader.missing()}\n")
    return 2


def run_state_batch(jobs):
    """Runs `state` for each job (FILE, SEED, [K...]) in a forked child, one after another, so
    that the interpreter's start and asyncio's import are paid once."""
    for path, seed, steps in jobs:
        sys.stdout.flush()
        sys.__stderr__.flush()
        child = os.fork()
        if child == 0:
            try:
                status = run_state(path, seed, steps, program=path)
            finally:
                sys.stdout.flush()
            os._exit(status)
        os.waitpid(child, 0)
    return 0


def read_batch_jobs(stream):
    jobs = []
    for line in stream:
        if not line.strip():
            continue
        path, seed, steps = line.rstrip("\n").split("\t")
        jobs.append((path, int(seed), [int(k) for k in steps.split(",")]))
    return jobs


def main(argv):
    if argv[:1] == ["state-batch"]:
        return run_state_batch(read_batch_jobs(sys.stdin))
    arguments = parse_arguments(argv)
    mode, path, seed = arguments[:3]
    if not os.path.isfile(path):
        sys.exit(f"harness.py: no such file: {path}")
    if mode == "state":
        return run_state(path, seed, arguments[3])
    return run_program(path, mode, seed, arguments[3])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
