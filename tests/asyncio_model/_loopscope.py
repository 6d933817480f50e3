"""A pure-Python stand-in for the VM's native `_loopscope` module (SPEC contract in
/work/notes), so that engine/prelude/asyncio.py can run, and be compared with real asyncio,
under CPython.

The events the prelude emits are kept in `EVENTS` as tuples; `steps_and_prints()` turns them
into the comparison trace of SPEC.md section 4 (step events interleaved with printed lines).
"""

import sys
import types


def _read_trace_vocabulary():
    """The constants of engine/trace_events.def, as the VM's _loopscope module defines them:
    EV_STEP_BEGAN, WAIT_TIMER, STATUS_OK, HANDLE_TASK_STEP, TIMER_SLEEP, WARNING_OTHER, ...
    Also returns {EV number: "StepBegan"} for readable event dumps."""
    import re
    from pathlib import Path
    definition = Path(__file__).resolve().parents[2] / "engine" / "trace_events.def"
    prefixes = {"TRACE_EVENT": "EV_", "WAIT_KIND": "WAIT_", "END_STATUS": "STATUS_",
                "HANDLE_KIND": "HANDLE_", "TIMER_KIND": "TIMER_", "WARNING_KIND": "WARNING_"}
    counters = {macro: 0 for macro in prefixes}
    constants, event_names = {}, {}
    for line in definition.read_text().splitlines():
        match = re.match(r"(TRACE_EVENT|WAIT_KIND|END_STATUS|HANDLE_KIND|TIMER_KIND|WARNING_KIND)"
                         r"\((\w+), (\w+),", line)
        if not match:
            continue
        macro, name, python_name = match.groups()
        constants[prefixes[macro] + python_name] = counters[macro]
        if macro == "TRACE_EVENT":
            event_names[counters[macro]] = name
        counters[macro] += 1
    return constants, event_names


_CONSTANTS, EVENT_NAMES = _read_trace_vocabulary()
globals().update(_CONSTANTS)

_now = 0.0
_limits = (10_000_000, 1e9)

# Every emitted event: a dict with "kind" (its name in trace_events.def), "t" and its fields.
EVENTS = []
# Task id -> [name, coroutine name], updated by TaskCreated and TaskRenamed.
TASKS = {}
# The comparison trace: dicts in SPEC.md section 4 format, steps and prints in order.
TRACE = []
_current_task = 0


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


def _event(kind, **fields):
    EVENTS.append({"kind": kind, "t": _now, **fields})


def task_created(task, name, coro_name, creator, line):
    # No name: the default one, "Task-<id>" (engine/trace.h).
    TASKS[task] = [f"Task-{task}" if name is None else name, coro_name]
    _event("TaskCreated", task=task, name=name, coro=coro_name, creator=creator, line=line)


def task_renamed(task, name):
    TASKS[task][0] = name
    _event("TaskRenamed", task=task, name=name)


def step_began(task, handle, line):
    global _current_task
    _current_task = task
    name, coro_name = TASKS[task]
    TRACE.append({"t": _now, "kind": "step", "task": name, "coro": coro_name})
    _event("StepBegan", task=task, handle=handle, line=line)


def step_ended(task, line, wait, target, deadline):
    global _current_task
    _current_task = 0
    _event("StepEnded", task=task, line=line, wait=wait, target=target, deadline=deadline)


def task_finished(task, status, text, line):
    _event("TaskFinished", task=task, status=status, text=text, line=line)


def cancel_requested(task, canceller, message):
    _event("CancelRequested", task=task, canceller=canceller, text=message)


def ready_pushed(task, handle, handle_kind, callback_name):
    _event("ReadyPushed", task=task, handle=handle, handle_kind=handle_kind, callback=callback_name)


def timer_scheduled(task, handle, timer_kind, callback_name, deadline):
    _event("TimerScheduled", task=task, handle=handle, timer_kind=timer_kind, callback=callback_name,
           deadline=deadline)


def timer_fired(task, handle, deadline):
    _event("TimerFired", task=task, handle=handle, deadline=deadline)


def handle_cancelled(task, handle):
    _event("HandleCancelled", task=task, handle=handle)


def callback_ran(task, handle, handle_kind, callback_name):
    _event("CallbackRan", task=task, handle=handle, handle_kind=handle_kind, callback=callback_name)


def pass_began(index):
    _event("PassBegan", index=index)


def clock_jumped(new_time):
    _event("ClockJumped", new_time=new_time)


def task_joined(task, awaited):
    _event("TaskJoined", task=task, awaited=awaited)


def loop_closed():
    _event("LoopClosed")


def printed(text):
    """One completed stdout line of the program."""
    _event("Output", task=_current_task, text=text)
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


def warn(text, kind=0, task=0):
    _event("Warning", task=task, text=text, warning_kind=kind)
    sys.__stderr__.write(text + "\n")


def stuck(task, text):
    """The deadlock found [task] waiting forever on [text]: recorded for the timeline, not printed."""
    _event("Warning", task=task, text=text, warning_kind=WARNING_STUCK)  # noqa: F821 (from trace_events.def)


def loaded_module(name):
    # The model's own selector log line would add to what real asyncio logs: none here.
    return None


def limits():
    return _limits


def set_limits(passes, seconds):
    global _limits
    _limits = (passes, seconds)


def check_invariants(ended_with_error):
    """Problems in the emitted event stream that the timeline or the inspector would show
    wrongly: steps that nest or do not end, a task stepping after it finished, timers firing
    twice or after a cancel, time going backwards, and a ready queue that cannot be rebuilt
    from the trace (every handle the loop runs must be the first one queued, once the
    cancelled ones before it are dropped). Returns a list of messages (empty when all is well)."""
    problems = []
    running = None
    finished = set()
    created = set()
    timers = set()  # pending timers, by handle id
    ready = []  # the ready queue as the trace tells it: handle ids, in order
    cancelled = set()
    last_time = 0.0

    def pop_ready(handle, what):
        while ready and ready[0] != handle and ready[0] in cancelled:
            ready.pop(0)
        if not ready or ready[0] != handle:
            problems.append(f"{what} ran handle {handle}, but the trace's ready queue starts with "
                            f"{ready[:3]}")
            if handle in ready:
                ready.remove(handle)
        else:
            ready.pop(0)

    for e in EVENTS:
        kind, t = e["kind"], e["t"]
        if t < last_time:
            problems.append(f"time went back from {last_time} to {t} ({kind})")
        last_time = t
        if kind == "TaskCreated":
            created.add(e["task"])
        elif kind == "StepBegan":
            task = e["task"]
            if running is not None:
                problems.append(f"task {task} began a step inside task {running}'s step")
            if task in finished:
                problems.append(f"task {task} stepped after it finished")
            if task not in created:
                problems.append(f"task {task} stepped before it was created")
            pop_ready(e["handle"], f"task {task}'s step")
            running = task
        elif kind == "StepEnded":
            if running != e["task"]:
                problems.append(f"task {e['task']} ended a step it did not begin")
            running = None
        elif kind == "TaskFinished":
            if e["task"] in finished:
                problems.append(f"task {e['task']} finished twice")
            finished.add(e["task"])
        elif kind == "ReadyPushed":
            ready.append(e["handle"])
        elif kind == "TimerScheduled":
            timers.add(e["handle"])
        elif kind == "TimerFired":
            if e["handle"] not in timers:
                problems.append(f"timer {e['handle']} fired twice or without being scheduled")
            timers.discard(e["handle"])
            ready.append(e["handle"])
        elif kind == "HandleCancelled":
            if e["handle"] not in timers and e["handle"] not in ready:
                problems.append(f"handle {e['handle']} cancelled but neither scheduled nor ready")
            timers.discard(e["handle"])
            cancelled.add(e["handle"])
        elif kind == "CallbackRan":
            pop_ready(e["handle"], f"callback {e['callback']}")
        elif kind == "LoopClosed":
            ready.clear()
            timers.clear()
        elif kind == "ClockJumped":
            if e["new_time"] < t:
                problems.append(f"clock jumped back from {t} to {e['new_time']}")
    if running is not None and not ended_with_error:
        problems.append(f"task {running}'s last step never ended")
    return problems
