# asyncio for Loopscope: CPython 3.11's event loop, futures, tasks and synchronisation
# primitives, written in the plain Python subset our VM runs. The structure mirrors CPython's
# asyncio (base_events.py, futures.py, tasks.py, ...) so that every task step, callback and timer
# happens in the same order as in CPython: `_run_once` is the only place callbacks run, the
# ready queue is a FIFO deque, timers live in a binary heap kept with heapq's own algorithm,
# and a task advances only in `Task._step`, scheduled by `call_soon` or by `Task._wakeup`.
#
# Everything the subset cannot express comes from the native module `_loopscope`: the virtual
# clock, the trace, the line a coroutine is suspended at, and the limit/deadlock exceptions.
# Name-mangled `__private` names are avoided on purpose: the trace and the VM need none of them.

import _loopscope
from collections import deque
# PriorityQueue's items compare with their own __lt__: heapq (the same pure-Python algorithm in
# engine/prelude/heapq.py, the C one under CPython) serves them; timers use the copy below.
from heapq import heappush as _heappush, heappop as _heappop

_coro_line = _loopscope.coro_line
_clock = _loopscope.time
_set_clock = _loopscope.set_time
_enter_step = _loopscope.enter_step
_leave_step = _loopscope.leave_step
# Ends the run on a limit or a deadlock: no except or finally clause of the scenario runs.
_stop_run = _loopscope.stop_run
_LimitExceeded = _loopscope.LimitExceeded
_Deadlock = _loopscope.Deadlock

# The trace's typed calls and the constants of engine/trace_events.def (one list for C++ and
# Python: no number is copied here).
_task_created = _loopscope.task_created
_task_renamed = _loopscope.task_renamed
_step_began = _loopscope.step_began
_step_ended = _loopscope.step_ended
_task_finished_event = _loopscope.task_finished
_cancel_requested = _loopscope.cancel_requested
_ready_pushed = _loopscope.ready_pushed
_timer_scheduled = _loopscope.timer_scheduled
_timer_fired = _loopscope.timer_fired
_handle_cancelled = _loopscope.handle_cancelled
_callback_ran = _loopscope.callback_ran
_pass_began = _loopscope.pass_began
_clock_jumped = _loopscope.clock_jumped
_task_joined = _loopscope.task_joined

_WAIT_NONE = _loopscope.WAIT_NONE
_WAIT_READY = _loopscope.WAIT_READY
_WAIT_TIMER = _loopscope.WAIT_TIMER
_WAIT_FUTURE = _loopscope.WAIT_FUTURE
_WAIT_TASK = _loopscope.WAIT_TASK
_WAIT_LOCK = _loopscope.WAIT_LOCK
_WAIT_EVENT = _loopscope.WAIT_EVENT
_WAIT_CONDITION = _loopscope.WAIT_CONDITION
_WAIT_SEMAPHORE = _loopscope.WAIT_SEMAPHORE
_WAIT_QUEUE = _loopscope.WAIT_QUEUE
_WAIT_BARRIER = _loopscope.WAIT_BARRIER

_STATUS_OK = _loopscope.STATUS_OK
_STATUS_CANCELLED = _loopscope.STATUS_CANCELLED
_STATUS_FAILED = _loopscope.STATUS_FAILED

_HANDLE_TASK_STEP = _loopscope.HANDLE_TASK_STEP
_HANDLE_TASK_WAKEUP = _loopscope.HANDLE_TASK_WAKEUP
_HANDLE_CALLBACK = _loopscope.HANDLE_CALLBACK

_TIMER_SLEEP = _loopscope.TIMER_SLEEP
_TIMER_TIMEOUT = _loopscope.TIMER_TIMEOUT
_TIMER_CALLBACK = _loopscope.TIMER_CALLBACK

_WAIT_DESCRIPTIONS = {
    _WAIT_TIMER: "a timer",
    _WAIT_FUTURE: "a Future",
    _WAIT_LOCK: "Lock.acquire",
    _WAIT_EVENT: "Event.wait",
    _WAIT_CONDITION: "Condition.wait",
    _WAIT_SEMAPHORE: "Semaphore.acquire",
    _WAIT_QUEUE: "Queue.get",
    _WAIT_BARRIER: "Barrier.wait",
}

# CPython's monotonic clock resolution on Linux: a timer is due when its deadline is below
# now + resolution.
_CLOCK_RESOLUTION = 1e-09
_MAXIMUM_SELECT_TIMEOUT = 24 * 3600
_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5
_SLOW_STEP_DURATION = 0.1

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


# -- Exceptions ------------------------------------------------------------------------------
# Each names the submodule CPython defines it in, so tracebacks print the same qualified name
# (asyncio.exceptions.CancelledError).

class CancelledError(BaseException):
    """The Future or Task was cancelled."""
    __module__ = "asyncio.exceptions"


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""
    __module__ = "asyncio.exceptions"


class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""
    __module__ = "asyncio.queues"


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""
    __module__ = "asyncio.queues"


class BrokenBarrierError(RuntimeError):
    """Barrier is broken by barrier.abort() call."""
    __module__ = "asyncio.exceptions"


class SendfileNotAvailableError(RuntimeError):
    """Sendfile syscall is not available."""
    __module__ = "asyncio.exceptions"


class IncompleteReadError(EOFError):
    """Incomplete read error."""
    __module__ = "asyncio.exceptions"

    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of {r_expected} expected bytes')
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    """Reached the buffer limit while looking for a separator."""
    __module__ = "asyncio.exceptions"

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed


# In 3.11 asyncio.TimeoutError is the builtin TimeoutError.
TimeoutError = TimeoutError


class _Namespace:
    """A plain attribute namespace standing in for an asyncio submodule."""


# `asyncio.exceptions.CancelledError` and friends, as in CPython's package layout.
exceptions = _Namespace()
exceptions.CancelledError = CancelledError
exceptions.InvalidStateError = InvalidStateError
exceptions.TimeoutError = TimeoutError
exceptions.BrokenBarrierError = BrokenBarrierError
exceptions.SendfileNotAvailableError = SendfileNotAvailableError
exceptions.IncompleteReadError = IncompleteReadError
exceptions.LimitOverrunError = LimitOverrunError


# -- Binary heap (heapq's algorithm) ---------------------------------------------------------
# The timer heap must pop equal deadlines in exactly CPython's order, so these are heapq's
# pure-Python _siftdown/_siftup, which the C heapq mirrors. The timer variants compare `_when`
# directly (what TimerHandle.__lt__ does) to keep the hot path free of method dispatch.

def _timer_siftdown(heap, startpos, pos):
    newitem = heap[pos]
    when = newitem._when
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if when < parent._when:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _timer_siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos]._when < heap[rightpos]._when:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _timer_siftdown(heap, startpos, pos)


def _timer_heappush(heap, item):
    heap.append(item)
    _timer_siftdown(heap, 0, len(heap) - 1)


def _timer_heappop(heap):
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _timer_siftup(heap, 0)
        return returnitem
    return lastelt


def _timer_heapify(heap):
    i = len(heap) // 2 - 1
    while i >= 0:
        _timer_siftup(heap, i)
        i -= 1


# -- Small helpers ---------------------------------------------------------------------------

def _gen_function():
    yield


_GeneratorType = type(_gen_function())


def iscoroutine(obj):
    """Return True if obj is a coroutine object (generators count, as in CPython 3.11)."""
    return _loopscope.is_coroutine(obj) or isinstance(obj, _GeneratorType)


def iscoroutinefunction(func):
    """Return True if func is a coroutine function."""
    return _loopscope.is_coroutine_function(func)


def isfuture(obj):
    """True for asyncio Futures and anything that quacks like one."""
    return getattr(obj, '_asyncio_future_blocking', None) is not None and not isinstance(obj, type)


def _callable_name(fn):
    name = getattr(fn, '__qualname__', None)
    if name is None:
        name = getattr(fn, '__name__', None)
    if name is None:
        return type(fn).__name__
    return name


def _format_callback(fn, args):
    """`boom('first')`: the callback's name and its arguments, as CPython shows a handle."""
    if args:
        return _callable_name(fn) + '(' + ', '.join([repr(arg) for arg in args]) + ')'
    return _callable_name(fn) + '()'


def _coro_name(coro):
    name = getattr(coro, '__name__', None)
    if isinstance(name, str):
        return name
    return type(coro).__name__


def _format_coroutine(coro):
    """`main() running at FILE:LINE` or `main() done, defined at FILE:LINE`, as CPython."""
    name = getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None)
    if not name:
        name = f'<{type(coro).__name__} without __name__>'
    code = getattr(coro, 'cr_code', None)
    if code is None:
        code = getattr(coro, 'gi_code', None)
    filename = getattr(code, 'co_filename', None) or '<scenario>'
    line = _coro_line(coro)
    if line:
        return f'{name}() running at {filename}:{line}'
    return f'{name}() done, defined at {filename}:{getattr(code, "co_firstlineno", 0)}'


def _short_repr(value):
    # reprlib.repr's default limits, which CPython uses for a future's result.
    text = repr(value)
    if len(text) > 30 and isinstance(value, str):
        return text[:13] + '...' + text[-14:]
    return text


def _exception_text(exc):
    message = str(exc)
    if message:
        return f'{type(exc).__name__}: {message}'
    return type(exc).__name__


# -- Handles ---------------------------------------------------------------------------------

class Handle:
    """A callback registered with the loop. `_id` names it in the trace (one counter for ready
    handles and timers); `_owner` is the id of the task it serves, or 0; `_kind` says whether
    it steps a task, wakes one, or calls a plain callback."""

    _id = 0
    _owner = 0
    _kind = _HANDLE_CALLBACK
    _when = None
    _queued = True  # in the ready queue (a plain handle is created there)
    _scheduled = False  # in the timer heap

    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def __repr__(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback(self._callback, self._args))
        if self._when is not None:
            info.insert(1, f'when={self._when}')
        return '<' + ' '.join(info) + '>'

    def get_context(self):
        return None

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None
            if self._queued:
                _handle_cancelled(self._owner, self._id)

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt, _LimitExceeded, _Deadlock):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                'message': f'Exception in callback {_format_callback(self._callback, self._args)}',
                'exception': exc,
                'handle': self,
            })


class _StepHandle(Handle):
    """The handle of a scheduled `Task._step`; its run is reported as a step, not a callback."""

    _kind = _HANDLE_TASK_STEP

    def __repr__(self):
        return '<Handle Task._step()>'


class TimerHandle(Handle):
    """A callback scheduled at loop time `_when`; ordered by deadline like CPython's."""

    _queued = False

    def __init__(self, when, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False
        self._when = when
        self._scheduled = False

    def __hash__(self):
        return hash(self._when)

    def __lt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when or self.__eq__(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when or self.__eq__(other)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when == other._when and self._callback == other._callback and
                    self._args == other._args and self._cancelled == other._cancelled)
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            if self._scheduled:
                self._loop._timer_cancelled_count += 1
            # Also after it fired: it may wait in the ready queue, where the loop will skip it.
            if self._scheduled or self._queued:
                _handle_cancelled(self._owner, self._id)
            self._cancelled = True
            self._callback = None
            self._args = None

    def when(self):
        return self._when


# Handle ids are unique across loops so that a trace with two asyncio.run() calls stays clear.
_handle_counter = 0


# -- Running loop and the policy's current loop ----------------------------------------------

_running_loop = None
_current_loop = None
_current_loop_set = False


def _get_running_loop():
    return _running_loop


def _set_running_loop(loop):
    global _running_loop
    _running_loop = loop


def get_running_loop():
    """Return the running event loop; raise RuntimeError if there is none."""
    loop = _running_loop
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def get_event_loop():
    """The running loop, else the current loop (created on first use, as CPython 3.11 does)."""
    global _current_loop
    loop = _running_loop
    if loop is not None:
        return loop
    if _current_loop is None and not _current_loop_set:
        set_event_loop(new_event_loop())
    if _current_loop is None:
        raise RuntimeError("There is no current event loop in thread 'MainThread'.")
    return _current_loop


_get_event_loop = get_event_loop


def set_event_loop(loop):
    global _current_loop, _current_loop_set
    _current_loop_set = True
    if loop is not None and not isinstance(loop, BaseEventLoop):
        raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not "
                        f"'{type(loop).__name__}'")
    _current_loop = loop


def new_event_loop():
    return BaseEventLoop()


# -- The event loop --------------------------------------------------------------------------

# The contextvars module once the program has made a ContextVar (contextvars sets it): until
# then every context is empty, so tasks need no context of their own and steps switch none.
_contextvars = _loopscope.loaded_module('contextvars')
if _contextvars is not None and not _contextvars._in_use:
    _contextvars = None


def _log_selector():
    # CPython's selector loop logs its selector at DEBUG level on the 'asyncio' logger, which a
    # program sees once it configures logging that verbosely.
    logging = _loopscope.loaded_module('logging')
    if logging is not None:
        logger = logging.getLogger('asyncio')
        if logger.isEnabledFor(logging.DEBUG):
            logger.handle(logger.makeRecord('asyncio', logging.DEBUG,
                                            '/usr/lib/python3.11/asyncio/selector_events.py', 54,
                                            'Using selector: %s', ('EpollSelector',), None, '__init__'))


class BaseEventLoop:
    """CPython's BaseEventLoop with a selector that never waits: when nothing is ready, the
    virtual clock jumps to the earliest timer deadline."""

    slow_callback_duration = _SLOW_STEP_DURATION

    def __init__(self):
        self._ready = deque()
        self._scheduled = []
        self._timer_cancelled_count = 0
        self._stopping = False
        self._closed = False
        self._running = False
        self._debug = False
        self._current_task = None
        self._exception_handler = None
        self._passes = 0
        self._handle_id = 0  # the handle the loop is running, for StepBegan
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False
        limits = _loopscope.limits()
        self._max_passes = limits[0]
        self._max_time = limits[1]
        _log_selector()

    def __getattr__(self, name):
        error = _not_simulated(f'loop.{name}()', name)
        if error is None:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
        raise error

    def __repr__(self):
        return (f'<_UnixSelectorEventLoop running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    # Scheduling ----------------------------------------------------------------------------

    def time(self):
        return _clock()

    def call_soon(self, callback, *args, context=None):
        if self._closed:
            raise RuntimeError('Event loop is closed')
        global _handle_counter
        handle = Handle(callback, args, self)
        _handle_counter += 1
        handle._id = _handle_counter
        self._ready.append(handle)
        _ready_pushed(0, _handle_counter, _HANDLE_CALLBACK, _callable_name(callback))
        return handle

    def _call_soon_step(self, task, exc):
        # Task._step goes through here so the handle knows its task.
        if self._closed:
            raise RuntimeError('Event loop is closed')
        global _handle_counter
        if exc is None:
            handle = _StepHandle(task._step, (), self)
        else:
            handle = _StepHandle(task._step, (exc,), self)
        _handle_counter += 1
        handle._id = _handle_counter
        handle._owner = task._id
        self._ready.append(handle)
        _ready_pushed(task._id, _handle_counter, _HANDLE_TASK_STEP, None)
        return handle

    def _call_soon_callback(self, callback, future, owner):
        # A future's done callback; [owner] is the id of the task the callback wakes, or 0.
        if self._closed:
            raise RuntimeError('Event loop is closed')
        global _handle_counter
        handle = Handle(callback, (future,), self)
        _handle_counter += 1
        handle._id = _handle_counter
        self._ready.append(handle)
        if owner:
            handle._owner = owner
            handle._kind = _HANDLE_TASK_WAKEUP
            _ready_pushed(owner, _handle_counter, _HANDLE_TASK_WAKEUP, None)
        else:
            _ready_pushed(0, _handle_counter, _HANDLE_CALLBACK, _callable_name(callback))
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        return self.call_soon(callback, *args)

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(_clock() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        return self._call_timer(_TIMER_CALLBACK, when, callback, args)

    def _call_timer(self, kind, when, callback, args):
        # call_at, with what the timer is for (a sleep, a timeout, a callback) for the trace.
        if when is None:
            raise TypeError("when cannot be None")
        if self._closed:
            raise RuntimeError('Event loop is closed')
        global _handle_counter
        timer = TimerHandle(when, callback, args, self)
        _handle_counter += 1
        timer._id = _handle_counter
        current = self._current_task
        if current is not None:
            timer._owner = current._id
        _timer_heappush(self._scheduled, timer)
        timer._scheduled = True
        _timer_scheduled(timer._owner, _handle_counter, kind,
                         None if kind == _TIMER_SLEEP else _callable_name(callback), when)
        return timer

    def _call_timeout(self, delay, callback, *args):
        # call_later for the timeouts of wait, wait_for and as_completed.
        return self._call_timer(_TIMER_TIMEOUT, _clock() + delay, callback, args)

    # Futures and tasks ---------------------------------------------------------------------

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        if self._closed:
            raise RuntimeError('Event loop is closed')
        return Task(coro, loop=self, name=name, context=context)

    def run_in_executor(self, executor, func, *args):
        raise RuntimeError('run_in_executor is not available in Loopscope: there are no threads; '
                           'model slow I/O with `await asyncio.sleep(seconds)`')

    def set_task_factory(self, factory):
        if factory is not None:
            raise RuntimeError('task factories are not supported in Loopscope')

    def get_task_factory(self):
        return None

    # Running -------------------------------------------------------------------------------

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self._running:
            raise RuntimeError('This event loop is already running')
        if _running_loop is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    def run_forever(self):
        """Run until stop() is called."""
        self._check_closed()
        self._check_running()
        self._running = True
        _set_running_loop(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            _set_running_loop(None)

    def run_until_complete(self, future):
        """Run until the Future is done; return its result or raise its exception."""
        self._check_closed()
        self._check_running()
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        self._stopping = True

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def close(self):
        if self._running:
            raise RuntimeError("Cannot close a running event loop")
        if self._closed:
            return
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        _loopscope.loop_closed()
        self._executor_shutdown_called = True
        _warn_destroyed_pending_tasks(self)

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = bool(enabled)

    async def shutdown_asyncgens(self):
        """Async generators are finalised by the VM; nothing is left to close here."""
        self._asyncgens_shutdown_called = True

    async def shutdown_default_executor(self):
        """Loopscope has no thread pool executor; this only keeps asyncio.run's task count."""
        self._executor_shutdown_called = True

    # Errors --------------------------------------------------------------------------------

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {repr(handler)}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'
        lines = [message]
        for key in sorted(context):
            if key == 'message' or key == 'exception':
                continue
            lines.append(f'{key}: {repr(context[key])}')
        exception = context.get('exception')
        if exception is not None:
            lines.append(_exception_text(exception))
        _loopscope.warn('\n'.join(lines), _loopscope.WARNING_LOOP_EXCEPTION)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            self.default_exception_handler(context)
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt, _LimitExceeded, _Deadlock):
                raise
            except BaseException as exc:
                self.default_exception_handler({
                    'message': 'Unhandled error in exception handler',
                    'exception': exc,
                    'context': context,
                })

    # One pass of the loop ------------------------------------------------------------------

    def _run_once(self):
        """Run one full iteration of the event loop: drop cancelled timers, move the clock to
        the next deadline if nothing is ready, move due timers to the ready queue, and run the
        handles that were ready when the pass began."""
        self._passes += 1
        passes = self._passes
        if passes > self._max_passes:
            _stop_run('LimitExceeded', f'the event loop ran more than {self._max_passes} passes'
                      f'{_describe_pending(self)}', 'max-passes')
        _pass_began(passes)
        scheduled = self._scheduled
        sched_count = len(scheduled)
        if (sched_count > _MIN_SCHEDULED_TIMER_HANDLES and
                self._timer_cancelled_count / sched_count > _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            kept = []
            for handle in scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    kept.append(handle)
            _timer_heapify(kept)
            self._scheduled = scheduled = kept
            self._timer_cancelled_count = 0
        else:
            while scheduled and scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = _timer_heappop(scheduled)
                handle._scheduled = False

        ready = self._ready
        if not ready and not self._stopping:
            if scheduled:
                when = scheduled[0]._when
                now = _clock()
                if when > now:
                    # The selector would sleep until the earliest deadline: jump there.
                    if when > self._max_time:
                        _stop_run('LimitExceeded',
                                  f'virtual time would pass the limit of {self._max_time} s '
                                  f'(next timer at {when} s){_describe_pending(self)}', 'max-time')
                    # ClockJumped is stamped with the old time; t2 is the new one.
                    _clock_jumped(float(when))
                    _set_clock(float(when))
            else:
                # Real Python would wait here forever (see _on_deadlock).
                _on_deadlock(self)

        end_time = _clock() + _CLOCK_RESOLUTION
        while scheduled:
            handle = scheduled[0]
            if handle._when >= end_time:
                break
            handle = _timer_heappop(scheduled)
            handle._scheduled = False
            handle._queued = True
            ready.append(handle)
            if not handle._cancelled:
                # A cancelled timer goes to the ready queue too, to be skipped there; the trace
                # dropped it when it was cancelled.
                _timer_fired(handle._owner, handle._id, handle._when)

        ntodo = len(ready)
        while ntodo > 0:
            ntodo -= 1
            handle = ready.popleft()
            handle._queued = False
            if handle._cancelled:
                continue
            # A task's step or wakeup is recorded by the step itself (StepBegan names the handle).
            self._handle_id = handle._id
            if handle._kind == _HANDLE_CALLBACK:
                _callback_ran(handle._owner, handle._id, _HANDLE_CALLBACK,
                              _callable_name(handle._callback))
            started = _clock()
            handle._run()
            took = _clock() - started
            if took >= _SLOW_STEP_DURATION:
                _warn_slow_handle(handle, took)


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut.get_loop().stop()


AbstractEventLoop = BaseEventLoop
SelectorEventLoop = BaseEventLoop
DefaultEventLoopPolicy = None


def _warn_slow_handle(handle, took):
    # As CPython's debug mode: a task's step or wakeup is shown as the task itself.
    owner = getattr(handle._callback, '__self__', None)
    if isinstance(owner, Task):
        target = repr(owner)
    else:
        target = repr(handle)
    owner_id = owner._id if isinstance(owner, Task) else handle._owner
    _loopscope.warn(f'Executing {target} took {took:.3f} seconds', _loopscope.WARNING_SLOW_CALLBACK,
                    owner_id)


def _describe_pending(loop):
    """'; pending: Task-1 (tick) at line 6, ...': where the loop's unfinished tasks stand."""
    where = []
    for task in _all_tasks:
        if task._loop is loop and task._state == _PENDING:
            line = _coro_line(task._coro)
            where.append(f'{task._name} ({_coro_name(task._coro)}) at line {line}')
    if not where:
        return ''
    more = f' and {len(where) - 5} more' if len(where) > 5 else ''
    return '; pending: ' + ', '.join(where[:5]) + more


# -- A deadlock ends as an interrupted program ends ------------------------------------------
# Loopscope's addition (SPEC.md section 3): where CPython's selector would wait forever, the
# loop calls _on_deadlock, and Loopscope does what CPython 3.11 does when the user presses Ctrl+C
# on the hung asyncio.run. Runner.run installs _interrupt_handler as CPython's installs its
# SIGINT handler (Runner._on_sigint): the first deadlock cancels the main task, whose finally
# blocks run; a second one raises _Interrupted, the KeyboardInterrupt of a second Ctrl+C, out of
# the loop. Runner.run then closes the runner as CPython's KeyboardInterrupt does on its way out
# of asyncio.run (cancelling every remaining task), and the run ends with Deadlock, naming who
# waited on what when the program first got stuck. With no Runner running (the handler is then
# CPython's default, which raises KeyboardInterrupt), the run ends at once.

_interrupt_handler = None     # what signal.getsignal(SIGINT) would be: the running Runner's
_deadlock_description = None  # who waited on what when the program first got stuck


class _Interrupted(BaseException):
    """The KeyboardInterrupt of a second Ctrl+C; only Runner.run sees it."""


def _on_deadlock(loop):
    global _deadlock_description
    if _deadlock_description is None:
        _deadlock_description = _describe_deadlock(loop)
    if _interrupt_handler is None:
        _end_with_deadlock()
    _interrupt_handler()


def _end_with_deadlock():
    _stop_run('Deadlock', _deadlock_description)


def _describe_deadlock(loop):
    waiting = []
    tasks = [task for task in _all_tasks if task._loop is loop and task._state == _PENDING]
    tasks.reverse()
    for task in tasks:
        waiter = task._fut_waiter
        if waiter is None:
            what = 'nothing'
        elif isinstance(waiter, Task):
            what = waiter._name
        else:
            what = getattr(waiter, '_ls_what', None)
            if what is None:
                what = _WAIT_DESCRIPTIONS.get(getattr(waiter, '_ls_kind', _WAIT_FUTURE), 'a Future')
        waiting.append(f'{task._name} ({_coro_name(task._coro)}) waits on {what} '
                       f'at line {_coro_line(task._coro)}')
        _loopscope.stuck(task._id, f'{what} at line {_coro_line(task._coro)}')
    if not waiting:
        return 'no task can make progress: the loop has nothing to run and no timer'
    return 'no task can make progress: ' + '; '.join(waiting)


# -- Futures ---------------------------------------------------------------------------------

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


class Future:
    """A value that will be set later; awaiting it suspends the task until it is done.

    Callbacks are kept as (function, owner task id) pairs; the owner only labels the trace.
    `_ls_kind` says what the future stands for (a timer, a Queue.get, ...) when a task waits
    on it.
    """

    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _asyncio_future_blocking = False
    _cancel_message = None
    _cancelled_exc = None
    _log_traceback = False
    _log_destroy_pending = True
    _ls_kind = _WAIT_FUTURE
    _ls_deadline = 0.0

    def __init__(self, *, loop=None):
        if loop is None:
            loop = get_event_loop()
        self._loop = loop
        self._callbacks = []

    def __repr__(self):
        return f"<{type(self).__name__} {' '.join(_future_info_parts(self))}>"

    def get_loop(self):
        return self._loop

    def _make_cancelled_error(self):
        exc = self._cancelled_exc
        if exc is not None:
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            exc = CancelledError()
        else:
            exc = CancelledError(self._cancel_message)
        return exc

    def cancel(self, msg=None):
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        if not callbacks:
            return
        self._callbacks = []
        loop = self._loop
        for pair in callbacks:
            loop._call_soon_callback(pair[0], self, pair[1])

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        state = self._state
        if state == _CANCELLED:
            raise self._make_cancelled_error()
        if state != _FINISHED:
            raise InvalidStateError('Result is not ready.')
        self._log_traceback = False
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        state = self._state
        if state == _CANCELLED:
            raise self._make_cancelled_error()
        if state != _FINISHED:
            raise InvalidStateError('Exception is not set.')
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop._call_soon_callback(fn, self, 0)
        else:
            self._callbacks.append((fn, 0))

    def remove_done_callback(self, fn):
        kept = [pair for pair in self._callbacks if pair[0] != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError(f'{self._state}: {repr(self)}')
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError(f'{self._state}: {repr(self)}')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True

    def __await__(self):
        if self._state == _PENDING:
            self._asyncio_future_blocking = True
            yield self
        if self._state == _PENDING:
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _future_info_parts(fut):
    state = fut._state
    if state == _FINISHED:
        if fut._exception is not None:
            return ['finished', f'exception={repr(fut._exception)}']
        return ['finished', f'result={_short_repr(fut._result)}']
    return [state.lower()]


def _set_result_unless_cancelled(fut, result):
    """Helper setting the result only if the future was not cancelled."""
    if fut._state == _CANCELLED:
        return
    fut.set_result(result)


def wrap_future(future, *, loop=None):
    if isfuture(future):
        return future
    raise TypeError(f'concurrent futures are not supported in Loopscope: {repr(future)}')


# -- Tasks -----------------------------------------------------------------------------------

_task_name_counter = 0
_task_id_counter = 0  # tasks named by the program without using up a number
_UNNUMBERED_TASK_IDS = 0x40000000
# Every pending task, in creation order (CPython keeps a WeakSet; finished tasks drop out here
# so that a run of 100k tasks does not keep them all).
_all_tasks = {}
# Tasks that finished with an exception, to report the ones nobody retrieved.
_failed_tasks = []


class Task(Future):
    """A coroutine wrapped in a future, advanced by the loop one step at a time."""

    _ls_kind = _WAIT_TASK
    _must_cancel = False
    _fut_waiter = None
    _num_cancels_requested = 0

    def __init__(self, coro, *, loop=None, name=None, context=None, _numbered=False):
        global _task_name_counter, _task_id_counter
        if loop is None:
            loop = get_event_loop()
        self._loop = loop
        self._callbacks = []
        if not iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError(f"a coroutine was expected, got {repr(coro)}")
        # A task named by the counter has the counter's number as its trace id and sends no
        # name: the trace derives "Task-N", so 100k tasks intern no 100k strings. Other tasks
        # take ids from a range of their own and send their name.
        if name is None:
            _task_name_counter += 1
            tid = _task_name_counter
            self._name = f'Task-{tid}'
            trace_name = None
        else:
            if _numbered:
                # asyncio.create_task(name=...) numbers the task before renaming it.
                _task_name_counter += 1
                tid = _task_name_counter
            else:
                _task_id_counter += 1
                tid = _UNNUMBERED_TASK_IDS + _task_id_counter
            self._name = str(name)
            trace_name = self._name
        self._id = tid
        self._coro = coro
        # Each task runs in its own copy of the creator's context (contextvars).
        self._context = context
        if context is None and _contextvars is not None:
            self._context = _contextvars.copy_context()
        parent = loop._current_task
        if parent is None:
            _task_created(tid, trace_name, _coro_name(coro), 0, 0)
        else:
            _task_created(tid, trace_name, _coro_name(coro), parent._id, _coro_line(parent._coro))
        loop._call_soon_step(self, None)
        _all_tasks[self] = None

    def __repr__(self):
        parts = _future_info_parts(self)
        if self._must_cancel:
            parts[0] = 'cancelling'
        parts.insert(1, f'name={repr(self._name)}')
        parts.insert(2, f'coro=<{_format_coroutine(self._coro)}>')
        return '<Task ' + ' '.join(parts) + '>'

    def get_coro(self):
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)
        _task_renamed(self._id, self._name)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        return []

    def print_stack(self, *, limit=None, file=None):
        print(f'No stack for {repr(self)}')

    def cancel(self, msg=None):
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        current = self._loop._current_task
        _cancel_requested(self._id, 0 if current is None else current._id, msg)
        self._num_cancels_requested += 1
        waiter = self._fut_waiter
        if waiter is not None:
            if waiter.cancel(msg=msg):
                # The waiter may be a task that swallows the cancellation, so it stays.
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _step(self, exc=None):
        if self._state != _PENDING:
            raise InvalidStateError(f'_step(): already done: {repr(self)}, {repr(exc)}')
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        coro = self._coro
        self._fut_waiter = None
        loop = self._loop
        if loop._current_task is not None:
            raise RuntimeError(f'Cannot enter into task {repr(self)} while another task '
                               f'{repr(loop._current_task)} is being executed.')
        loop._current_task = self
        contexts = _contextvars
        if contexts is not None:
            # The step runs in the task's context (contextvars._current: the whole interface).
            if self._context is None:
                self._context = contexts.Context()
            outer_context = contexts._current
            contexts._current = self._context
        tid = self._id
        fatal = None
        _step_began(tid, loop._handle_id, _coro_line(coro))
        _enter_step(self)
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                # Cancelled right before the coroutine returned.
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, stop.value)
        except CancelledError as cancelled:
            # Keep the original exception so that result() can chain it later.
            self._cancelled_exc = cancelled
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit, _LimitExceeded, _Deadlock) as error:
            # These end the loop, not just the task; they leave _step after the trace below.
            fatal = error
            Future.set_exception(self, error)
        except BaseException as error:
            Future.set_exception(self, error)
        else:
            if result is None:
                # A bare yield gives up the loop for one pass.
                loop._call_soon_step(self, None)
            else:
                blocking = getattr(result, '_asyncio_future_blocking', None)
                if blocking is not None:
                    if getattr(result, '_loop', loop) is not loop:
                        loop._call_soon_step(self, RuntimeError(
                            f'Task {repr(self)} got Future {repr(result)} attached to a '
                            f'different loop'))
                    elif blocking:
                        if result is self:
                            loop._call_soon_step(self, RuntimeError(
                                f'Task cannot await on itself: {repr(self)}'))
                        else:
                            result._asyncio_future_blocking = False
                            if isinstance(result, Future):
                                if result._state == _PENDING:
                                    result._callbacks.append((self._wakeup, tid))
                                else:
                                    loop._call_soon_callback(self._wakeup, result, tid)
                            else:
                                result.add_done_callback(self._wakeup)
                            self._fut_waiter = result
                            if self._must_cancel:
                                if result.cancel(msg=self._cancel_message):
                                    self._must_cancel = False
                    else:
                        loop._call_soon_step(self, RuntimeError(
                            f'yield was used instead of yield from in task {repr(self)} '
                            f'with {repr(result)}'))
                elif isinstance(result, _GeneratorType):
                    loop._call_soon_step(self, RuntimeError(
                        f'yield was used instead of yield from for generator in task '
                        f'{repr(self)} with {repr(result)}'))
                else:
                    loop._call_soon_step(self, RuntimeError(f'Task got bad yield: {repr(result)}'))
        _leave_step()
        loop._current_task = None
        if contexts is not None:
            contexts._current = outer_context
        state = self._state
        if state == _PENDING:
            waiter = self._fut_waiter
            if waiter is None:
                _step_ended(tid, _coro_line(coro), _WAIT_READY, None, 0.0)
            else:
                kind = getattr(waiter, '_ls_kind', _WAIT_FUTURE)
                if kind == _WAIT_TASK:
                    _step_ended(tid, _coro_line(coro), kind, waiter._id, 0.0)
                else:
                    what = getattr(waiter, '_ls_what', None)
                    if what is None:
                        what = _WAIT_DESCRIPTIONS.get(kind)
                    _step_ended(tid, _coro_line(coro), kind, what,
                                getattr(waiter, '_ls_deadline', 0.0))
        else:
            _step_ended(tid, 0, _WAIT_NONE, None, 0.0)
            _task_finished(self)
        if fatal is not None:
            raise fatal

    def _wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            # This may also be a cancellation.
            self._step(exc)
        else:
            self._step()


def _task_finished(task):
    _all_tasks.pop(task, None)
    state = task._state
    if state == _CANCELLED:
        message = task._cancel_message
        if message is None:
            _task_finished_event(task._id, _STATUS_CANCELLED, 'CancelledError', 0)
        else:
            _task_finished_event(task._id, _STATUS_CANCELLED, f'CancelledError: {message}', 0)
    elif task._exception is not None:
        _failed_tasks.append(task)
        _task_finished_event(task._id, _STATUS_FAILED, _exception_text(task._exception), 0)
    else:
        result = task._result
        if result is None:
            _task_finished_event(task._id, _STATUS_OK, 'None', 0)
        else:
            _task_finished_event(task._id, _STATUS_OK, _short_repr(result), 0)


def _warn_unretrieved_exceptions():
    for task in _failed_tasks:
        if task._log_traceback:
            task._log_traceback = False
            _loopscope.warn(f'Task exception was never retrieved\nfuture: {repr(task)}',
                            _loopscope.WARNING_EXCEPTION_NEVER_RETRIEVED, task._id)
    _failed_tasks.clear()


def _warn_destroyed_pending_tasks(loop):
    for task in list(_all_tasks):
        if task._loop is loop and task._state == _PENDING:
            del _all_tasks[task]
            if task._log_destroy_pending:
                _loopscope.warn(f'Task was destroyed but it is pending!\ntask: {repr(task)}',
                                _loopscope.WARNING_DESTROYED_PENDING, task._id)


def create_task(coro, *, name=None, context=None):
    """Schedule the execution of a coroutine object in a task and return the task."""
    loop = get_running_loop()
    if name is None:
        return loop.create_task(coro, context=context)
    if loop._closed:
        raise RuntimeError('Event loop is closed')
    return Task(coro, loop=loop, name=name, context=context, _numbered=True)


def current_task(loop=None):
    """Return the currently running task, or None."""
    if loop is None:
        loop = get_running_loop()
    return loop._current_task


def all_tasks(loop=None):
    """Return the set of not yet finished tasks of the loop."""
    if loop is None:
        loop = get_running_loop()
    tasks = set()
    for task in _all_tasks:
        if task._loop is loop and task._state == _PENDING:
            tasks.add(task)
    return tasks


def _all_tasks_in_order(loop):
    return [task for task in _all_tasks if task._loop is loop and task._state == _PENDING]


def _wrap_awaitable(awaitable):
    """Wraps an object with __await__ into a generator a Task can drive."""
    return (yield from awaitable.__await__())


def ensure_future(coro_or_future, *, loop=None):
    """Wrap a coroutine or an awaitable in a future; a Future is returned as it is."""
    if isfuture(coro_or_future):
        if loop is not None and loop is not coro_or_future.get_loop():
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    called_wrap_awaitable = False
    if not iscoroutine(coro_or_future):
        if hasattr(coro_or_future, '__await__'):
            coro_or_future = _wrap_awaitable(coro_or_future)
            called_wrap_awaitable = True
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')
    if loop is None:
        loop = get_event_loop()
    try:
        return loop.create_task(coro_or_future)
    except RuntimeError:
        if not called_wrap_awaitable:
            coro_or_future.close()
        raise


async def to_thread(func, *args, **kwargs):
    """Not available: the simulator has no threads."""
    raise RuntimeError('asyncio.to_thread is not available in Loopscope: there are no threads; '
                       'model slow I/O with `await asyncio.sleep(seconds)`')


# What needs the real machine (the network, other processes, signals) says so when a program
# reaches for it, instead of a bare AttributeError.
_NOT_SIMULATED = {
    'open_connection': 'there is no network', 'start_server': 'there is no network',
    'open_unix_connection': 'there is no network', 'start_unix_server': 'there is no network',
    'StreamReader': 'there is no network', 'StreamWriter': 'there is no network',
    'create_subprocess_exec': 'there are no other processes', 'create_subprocess_shell': 'there are no other processes',
    'create_connection': 'there is no network', 'create_server': 'there is no network',
    'create_unix_connection': 'there is no network', 'create_unix_server': 'there is no network',
    'create_datagram_endpoint': 'there is no network', 'sock_recv': 'there is no network',
    'sock_sendall': 'there is no network', 'sock_connect': 'there is no network', 'sock_accept': 'there is no network',
    'getaddrinfo': 'there is no network', 'getnameinfo': 'there is no network', 'add_reader': 'there are no files',
    'add_writer': 'there are no files', 'connect_read_pipe': 'there are no other processes',
    'connect_write_pipe': 'there are no other processes', 'subprocess_exec': 'there are no other processes',
    'subprocess_shell': 'there are no other processes', 'add_signal_handler': 'there are no signals',
    'remove_signal_handler': 'there are no signals', 'sendfile': 'there are no files',
}


def _not_simulated(qualified, name):
    reason = _NOT_SIMULATED.get(name)
    if reason is None:
        return None
    return RuntimeError(f'{qualified} is not available in Loopscope: {reason}; model I/O with '
                        '`await asyncio.sleep(seconds)`')


def __getattr__(name):
    error = _not_simulated(f'asyncio.{name}', name)
    if error is None:
        raise AttributeError(f"module 'asyncio' has no attribute '{name}'")
    raise error


class _Sleep0:
    """`await _SLEEP0` yields None once: the task gives up the loop for one pass."""

    def __await__(self):
        yield


_SLEEP0 = _Sleep0()


async def sleep(delay, result=None):
    """Coroutine that completes after a given time (in seconds)."""
    if delay <= 0:
        await _SLEEP0
        return result
    loop = get_running_loop()
    future = Future(loop=loop)
    handle = loop._call_timer(_TIMER_SLEEP, _clock() + delay, _set_result_unless_cancelled,
                              (future, result))
    future._ls_kind = _WAIT_TIMER
    future._ls_deadline = handle._when
    try:
        return await future
    finally:
        handle.cancel()


# -- Combinators: gather, wait, wait_for, as_completed, shield -------------------------------

class _GatheringFuture(Future):
    """gather()'s outer future: cancelling it cancels the children, like Task.cancel()."""

    def __init__(self, children, *, loop):
        self._loop = loop
        self._callbacks = []
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            # The outer future becomes cancelled only when the children are done.
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    """Return a future aggregating the results of the given coroutines and futures."""
    if not coros_or_futures:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    nfuts = 0
    nfinished = 0
    outer = None
    children = []

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                # Mark the exception as retrieved.
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if nfinished == nfuts:
            results = []
            for child in children:
                if child.cancelled():
                    res = CancelledError('' if child._cancel_message is None
                                         else child._cancel_message)
                else:
                    res = child.exception()
                    if res is None:
                        res = child.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    arg_to_fut = {}
    loop = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            if fut is not arg:
                # The future was made here; gather owns its destruction warning.
                fut._log_destroy_pending = False
            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    outer._ls_what = 'gather'
    _trace_fan_in(loop, children)
    return outer


def _trace_fan_in(loop, children):
    # The timeline draws an arrow from each child's end to the task that waits for them all.
    parent = loop._current_task
    if parent is not None:
        for child in children:
            if isinstance(child, Task):
                _task_joined(parent._id, child._id)


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


def _unique_in_order(items):
    # CPython builds a set here; sets of futures iterate in insertion order in Loopscope.
    seen = {}
    for item in items:
        seen[item] = None
    return list(seen)


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures or tasks in fs; return (done, pending) sets."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = _unique_in_order(fs)
    for f in fs:
        if iscoroutine(f):
            raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    waiter._ls_what = 'asyncio.wait'
    _trace_fan_in(loop, fs)
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop._call_timeout(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or
                return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                    f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)

    done = set()
    pending = set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def _cancel_and_wait(fut, loop):
    """Cancel [fut] and wait until it is really done."""
    waiter = loop.create_future()

    def cb(f):
        _release_waiter(waiter)

    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    """Wait for a future or coroutine with a timeout; on timeout cancel it and raise
    TimeoutError."""
    loop = get_running_loop()
    if timeout is None:
        return await fut

    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc

    waiter = loop.create_future()
    timeout_handle = loop._call_timeout(timeout, _release_waiter, waiter)

    def cb(f):
        _release_waiter(waiter)

    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    if isinstance(fut, Task):
        # The timeline shows the wait on the inner task.
        waiter._ls_kind = _WAIT_TASK
        waiter._id = fut._id

    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                await _cancel_and_wait(fut, loop=loop)
                raise

        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            try:
                return fut.result()
            except CancelledError as exc:
                raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


def as_completed(fs, *, timeout=None):
    """Yield coroutines that return the results of fs in the order they complete."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    done = Queue()
    loop = get_event_loop()
    todo = {}
    for f in _unique_in_order(fs):
        todo[ensure_future(f, loop=loop)] = None
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)  # a dummy value for _wait_for_one()
        todo.clear()

    def _on_completion(f):
        if not todo:
            return  # _on_timeout() was here first.
        del todo[f]
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            # Dummy value from _on_timeout().
            raise TimeoutError
        return f.result()  # May raise f.exception().

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop._call_timeout(timeout, _on_timeout)
    count = len(todo)
    while count > 0:
        count -= 1
        yield _wait_for_one()


def shield(arg):
    """Wait for a future, shielding it from cancellation."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                # Mark inner's result as retrieved.
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


# -- Timeouts --------------------------------------------------------------------------------

_TIMEOUT_CREATED = 'created'
_TIMEOUT_ENTERED = 'active'
_TIMEOUT_EXPIRING = 'expiring'
_TIMEOUT_EXPIRED = 'expired'
_TIMEOUT_EXITED = 'finished'


class Timeout:
    """Asynchronous context manager cancelling the current task at a deadline."""

    def __init__(self, when):
        self._state = _TIMEOUT_CREATED
        self._timeout_handler = None
        self._task = None
        self._when = when
        self._cancelling = 0

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state != _TIMEOUT_ENTERED:
            if self._state == _TIMEOUT_CREATED:
                raise RuntimeError("Timeout has not been entered")
            raise RuntimeError(f"Cannot change state of {self._state} Timeout")
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop._call_timer(_TIMER_TIMEOUT, when, self._on_timeout, ())

    def expired(self):
        return self._state == _TIMEOUT_EXPIRING or self._state == _TIMEOUT_EXPIRED

    def __repr__(self):
        info = ''
        if self._state == _TIMEOUT_ENTERED:
            when = round(self._when, 3) if self._when is not None else None
            info = f' when={when}'
        return f'<Timeout [{self._state}]{info}>'

    async def __aenter__(self):
        if self._state != _TIMEOUT_CREATED:
            raise RuntimeError("Timeout has already been entered")
        task = current_task()
        if task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._state = _TIMEOUT_ENTERED
        self._task = task
        self._cancelling = task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state == _TIMEOUT_EXPIRING:
            self._state = _TIMEOUT_EXPIRED
            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                # The cancellation came from this timeout: turn it into TimeoutError.
                raise TimeoutError from exc_val
        elif self._state == _TIMEOUT_ENTERED:
            self._state = _TIMEOUT_EXITED
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = _TIMEOUT_EXPIRING
        self._timeout_handler = None


def timeout(delay):
    """`async with asyncio.timeout(delay):` cancels the block after delay seconds."""
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    """Like timeout(), with an absolute deadline in loop time."""
    return Timeout(when)


# -- TaskGroup -------------------------------------------------------------------------------

def _exception_group(message, errors):
    # BaseExceptionGroup(...) gives an ExceptionGroup when every error is an Exception.
    for error in errors:
        if not isinstance(error, Exception):
            return BaseExceptionGroup(message, errors)
    return ExceptionGroup(message, errors)


class TaskGroup:
    """`async with TaskGroup() as tg:` waits for all tasks created with tg.create_task();
    the first failure cancels the others and the errors leave as an ExceptionGroup."""

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = {}
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = ['']
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')
        if self._errors:
            info.append(f'errors={len(self._errors)}')
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')
        return f"<TaskGroup{' '.join(info)}>"

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {repr(self)} has already been entered")
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(f'TaskGroup {repr(self)} cannot determine the parent task')
        self._entered = True
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        propagate_cancellation_error = exc if et is CancelledError else None
        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                # The parent was cancelled by the group itself, not from outside.
                propagate_cancellation_error = None
        if et is not None:
            if not self._aborting:
                self._abort()

        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
                self._on_completed_fut._ls_what = 'its TaskGroup'
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None

        if self._base_error is not None:
            raise self._base_error
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error
        if et is not None and et is not CancelledError:
            self._errors.append(exc)
        if self._errors:
            try:
                me = _exception_group('unhandled errors in a TaskGroup', self._errors)
                raise me from None
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError(f"TaskGroup {repr(self)} has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {repr(self)} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {repr(self)} is shutting down")
        if name is None:
            task = self._loop.create_task(coro)
        else:
            if self._loop._closed:
                raise RuntimeError('Event loop is closed')
            task = Task(coro, loop=self._loop, name=name, _numbered=True)
        task.add_done_callback(self._on_task_done)
        self._tasks[task] = None
        _task_joined(self._parent_task._id, task._id)
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        self._tasks.pop(task, None)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            self._loop.call_exception_handler({
                'message': f'Task {repr(task)} has errored out but its parent '
                           f'task {repr(self._parent_task)} is already completed',
                'exception': exc,
                'task': task,
            })
            return
        if not self._aborting and not self._parent_cancel_requested:
            # The first error cancels the other tasks and the parent, so that __aexit__
            # (or the code before it) stops waiting.
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


# -- Locks, events, conditions, semaphores, barriers -----------------------------------------

class _LoopBoundMixin:
    _loop = None

    def _get_loop(self):
        loop = _running_loop
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{repr(self)} is bound to a different event loop')
        return loop


def _primitive_repr(obj, extra):
    return f'<asyncio.locks.{type(obj).__name__} object at 0x{id(obj):x} [{extra}]>'


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        # Returning None (not self) is what CPython does.
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_ContextManagerMixin, _LoopBoundMixin):
    """A mutual exclusion lock for tasks; waiters acquire it in FIFO order."""

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return _primitive_repr(self, extra)

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and (self._waiters is None or
                                 all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = deque()
        fut = self._get_loop().create_future()
        fut._ls_kind = _WAIT_LOCK
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Event(_LoopBoundMixin):
    """A flag tasks can wait for; set() wakes all waiters."""

    def __init__(self):
        self._waiters = deque()
        self._value = False

    def __repr__(self):
        extra = 'set' if self._value else 'unset'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return _primitive_repr(self, extra)

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = self._get_loop().create_future()
        fut._ls_kind = _WAIT_EVENT
        fut._ls_what = getattr(self, '_ls_what', None)  # an Event inside Queue says Queue.join
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_ContextManagerMixin, _LoopBoundMixin):
    """Tasks wait() until another task holding the lock notifies them."""

    _waiter_kind = _WAIT_CONDITION

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = deque()

    def __repr__(self):
        extra = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return _primitive_repr(self, extra)

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = self._get_loop().create_future()
            fut._ls_kind = self._waiter_kind
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            # Reacquire the lock even if cancelled, and re-raise the cancellation after.
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin, _LoopBoundMixin):
    """A counter of free slots; acquire() waits while it is zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    def __repr__(self):
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return _primitive_repr(self, extra)

    def locked(self):
        if self._value == 0:
            return True
        if self._waiters:
            for w in self._waiters:
                if not w.cancelled():
                    return True
        return False

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = deque()
        fut = self._get_loop().create_future()
        fut._ls_kind = _WAIT_SEMAPHORE
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


_BARRIER_FILLING = 'filling'
_BARRIER_DRAINING = 'draining'
_BARRIER_RESETTING = 'resetting'
_BARRIER_BROKEN = 'broken'


class Barrier(_LoopBoundMixin):
    """`parties` tasks wait() until all of them have arrived."""

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._cond._waiter_kind = _WAIT_BARRIER
        self._parties = parties
        self._state = _BARRIER_FILLING
        self._count = 0

    def __repr__(self):
        extra = self._state
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return _primitive_repr(self, extra)

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        async with self._cond:
            await self._block()
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    await self._release()
                else:
                    await self._wait()
                return index
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):
        await self._cond.wait_for(
            lambda: self._state != _BARRIER_DRAINING and self._state != _BARRIER_RESETTING)
        if self._state == _BARRIER_BROKEN:
            raise BrokenBarrierError("Barrier aborted")

    async def _release(self):
        self._state = _BARRIER_DRAINING
        self._cond.notify_all()

    async def _wait(self):
        await self._cond.wait_for(lambda: self._state != _BARRIER_FILLING)
        if self._state == _BARRIER_BROKEN or self._state == _BARRIER_RESETTING:
            raise BrokenBarrierError("Abort or reset of barrier")

    def _exit(self):
        if self._count == 0:
            if self._state == _BARRIER_RESETTING or self._state == _BARRIER_DRAINING:
                self._state = _BARRIER_FILLING
            self._cond.notify_all()

    async def reset(self):
        async with self._cond:
            if self._count > 0:
                if self._state != _BARRIER_RESETTING:
                    self._state = _BARRIER_RESETTING
            else:
                self._state = _BARRIER_FILLING
            self._cond.notify_all()

    async def abort(self):
        async with self._cond:
            self._state = _BARRIER_BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == _BARRIER_FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == _BARRIER_BROKEN


# -- Queues ----------------------------------------------------------------------------------

class Queue(_LoopBoundMixin):
    """A FIFO queue for tasks; get() waits while empty, put() while full."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = deque()
        self._putters = deque()
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished._ls_what = 'Queue.join'
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        # Wake up the next waiter (if any) that isn't cancelled.
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} at 0x{id(self):x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        result = f'maxsize={repr(self._maxsize)}'
        if self._queue:
            result += f' _queue={repr(list(self._queue))}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        return len(self._queue) >= self._maxsize

    async def put(self, item):
        while self.full():
            putter = self._get_loop().create_future()
            putter._ls_kind = _WAIT_QUEUE
            putter._ls_what = 'Queue.put'
            self._putters.append(putter)
            try:
                await putter
            except BaseException:
                putter.cancel()  # Just in case putter is not done yet.
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        while not self._queue:
            getter = self._get_loop().create_future()
            getter._ls_kind = _WAIT_QUEUE
            self._getters.append(getter)
            try:
                await getter
            except BaseException:
                getter.cancel()  # Just in case getter is not done yet.
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if self._queue and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if not self._queue:
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    """Retrieves the smallest entry first (heapq order)."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        _heappush(self._queue, item)

    def _get(self):
        return _heappop(self._queue)


class LifoQueue(Queue):
    """Retrieves the most recently added entry first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()


# -- Runners ---------------------------------------------------------------------------------

_RUNNER_CREATED = 'created'
_RUNNER_INITIALIZED = 'initialized'
_RUNNER_CLOSED = 'closed'


class Runner:
    """What asyncio.run() uses: a loop that runs coroutines and is shut down cleanly."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = _RUNNER_CREATED
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._interrupt_count = 0
        self._set_event_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != _RUNNER_INITIALIZED:
            return
        loop = self._loop
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            if self._set_event_loop:
                set_event_loop(None)
            _warn_unretrieved_exceptions()
            loop.close()
            self._loop = None
            self._state = _RUNNER_CLOSED

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError(f"a coroutine was expected, got {repr(coro)}")
        if _running_loop is not None:
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        task = self._loop.create_task(coro)
        # Loopscope: a deadlock calls this handler where CPython's SIGINT handler would be
        # called by Ctrl+C (see _on_deadlock).
        global _interrupt_handler
        handler = lambda: self._on_sigint(task)
        previous_handler = _interrupt_handler
        _interrupt_handler = handler
        self._interrupt_count = 0
        try:
            return self._loop.run_until_complete(task)
        except CancelledError:
            if self._interrupt_count > 0:
                uncancel = getattr(task, "uncancel", None)
                if uncancel is not None and uncancel() == 0:
                    raise KeyboardInterrupt()
            raise  # CancelledError
        finally:
            if _interrupt_handler is handler:
                _interrupt_handler = previous_handler
            if self._interrupt_count > 0:
                # Loopscope: the shutdown CPython's KeyboardInterrupt triggers on its way out of
                # asyncio.run, then the run ends; nothing can catch it.
                self.close()
                _end_with_deadlock()

    def _on_sigint(self, main_task):
        self._interrupt_count += 1
        if self._interrupt_count == 1 and not main_task.done():
            main_task.cancel()
            # CPython wakes its selector up with call_soon_threadsafe(lambda: None).
            self._loop.call_soon(lambda: None)
            return
        raise _Interrupted()

    def _lazy_init(self):
        if self._state == _RUNNER_CLOSED:
            raise RuntimeError("Runner is closed")
        if self._state == _RUNNER_INITIALIZED:
            return
        if self._loop_factory is None:
            self._loop = new_event_loop()
            if not self._set_event_loop:
                set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._state = _RUNNER_INITIALIZED


def run(main, *, debug=None):
    """Run the coroutine [main] in a new event loop, shut the loop down and return the
    result."""
    if _running_loop is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug) as runner:
        return runner.run(main)


def _cancel_all_tasks(loop):
    to_cancel = _all_tasks_in_order(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })
