"""A pure-Python stand-in for the VM's native `_loopscope` module (SPEC contract in
/work/notes), so that engine/prelude/asyncio.py can run, and be compared with real asyncio,
under CPython.

The events the prelude emits are kept in `EVENTS` as tuples; `steps_and_prints()` turns them
into the comparison trace of SPEC.md section 4 (step events interleaved with printed lines).
"""

import sys
import types

# EventKind numbers of engine/trace.h.
TASK_CREATED = 0
STEP_BEGAN = 1
OUTPUT = 10
WARNING = 11

_now = 0.0
_limits = (10_000_000, 1e9)

# Every emitted event: (kind, t, task, a, line, t2, sub, text, coro).
EVENTS = []
# Task id -> (name, coroutine name), updated by TaskCreated (a repeated id is a rename).
TASKS = {}
# The comparison trace: dicts in SPEC.md section 4 format, steps and prints in order.
TRACE = []


class LimitExceeded(BaseException):
    """A run went past a budget (loop passes, virtual time)."""


class Deadlock(BaseException):
    """The loop has nothing to run and no timer, yet the program waits."""


def time():
    return _now


def set_time(t):
    global _now
    _now = float(t)


def advance(seconds):
    """time.sleep() in a scenario: the clock moves while the task holds the loop."""
    global _now
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    _now = _now + seconds


def emit(kind, task=0, a=0, line=0, t2=0.0, sub=0, text=None, coro=None):
    EVENTS.append((kind, _now, task, a, line, t2, sub, text, coro))
    if kind == STEP_BEGAN:
        name, coro_name = TASKS[task]
        TRACE.append({"t": _now, "kind": "step", "task": name, "coro": coro_name})
    elif kind == TASK_CREATED:
        # No name: the default one, "Task-<id>" (engine/trace.h).
        TASKS[task] = (f"Task-{task}" if text is None else text, coro)


def printed(text):
    """One completed stdout line of the program."""
    EVENTS.append((OUTPUT, _now, 0, 0, 0, 0.0, 0, text, None))
    TRACE.append({"t": _now, "kind": "print", "text": text})


def coro_line(coro):
    frame = getattr(coro, "cr_frame", None)
    if frame is None:
        frame = getattr(coro, "gi_frame", None)
    if frame is None:
        return 0
    return frame.f_lineno


def enter_step(task):
    pass


def leave_step():
    pass


# Set by run_model.py: ends the process as the VM ends the run, so that no except or finally
# clause of the program runs after a limit or a deadlock.
STOP_HOOK = None


def stop_run(type_name, message, option=None):
    """Ends the run on a limit or a deadlock (in the VM nothing can catch it)."""
    if option is not None:
        message += f"; raise the budget with --{option}"
    error = (Deadlock if type_name == "Deadlock" else LimitExceeded)(message)
    if STOP_HOOK is not None:
        STOP_HOOK(error)
    raise error


def is_coroutine(obj):
    return isinstance(obj, types.CoroutineType)


def is_coroutine_function(f):
    import inspect
    while hasattr(f, "func") and hasattr(f, "args"):  # functools.partial
        f = f.func
    return inspect.iscoroutinefunction(f)


def warn(text):
    EVENTS.append((WARNING, _now, 0, 0, 0, 0.0, 0, text, None))
    sys.__stderr__.write(text + "\n")


def limits():
    return _limits


def set_limits(passes, seconds):
    global _limits
    _limits = (passes, seconds)


def check_invariants(ended_with_error):
    """Problems in the emitted event stream that the timeline would draw wrongly: steps that
    nest or do not end, a task stepping after it finished, timers firing twice or after a
    cancel, time going backwards. Returns a list of messages (empty when all is well)."""
    problems = []
    running = None
    finished = set()
    created = set()
    scheduled = set()
    fired = set()
    last_time = 0.0
    for kind, t, task, a, line, t2, sub, text, coro in EVENTS:
        if t < last_time:
            problems.append(f"time went back from {last_time} to {t} (event kind {kind})")
        last_time = t
        if kind == TASK_CREATED:
            created.add(task)
        elif kind == STEP_BEGAN:
            if running is not None:
                problems.append(f"task {task} began a step inside task {running}'s step")
            if task in finished:
                problems.append(f"task {task} stepped after it finished")
            if task not in created:
                problems.append(f"task {task} stepped before it was created")
            running = task
        elif kind == 2:  # StepEnded
            if running != task:
                problems.append(f"task {task} ended a step it did not begin")
            running = None
        elif kind == 12:  # TaskFinished
            if task in finished:
                problems.append(f"task {task} finished twice")
            finished.add(task)
        elif kind == 4:  # TimerScheduled
            scheduled.add(a)
        elif kind == 5:  # TimerCancelled
            if a not in scheduled or a in fired:
                problems.append(f"timer {a} cancelled but not pending")
        elif kind == 6:  # TimerFired
            if a not in scheduled or a in fired:
                problems.append(f"timer {a} fired twice or without being scheduled")
            fired.add(a)
        elif kind == 9:  # ClockJumped
            if t2 < t:
                problems.append(f"clock jumped back from {t} to {t2}")
    if running is not None and not ended_with_error:
        problems.append(f"task {running}'s last step never ended")
    return problems
