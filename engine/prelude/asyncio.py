# asyncio for Loopscope: CPython 3.11's asyncio in virtual time. The core -- the event loop's
# ready queue, timer heap and passes, Future, Task, Handle, TimerHandle, sleep -- is native
# (engine/loop/, imported here as `_asyncio`, as CPython imports its C Future and Task); this
# file builds the rest of asyncio on it, mirroring CPython's own Python modules (base_events.py,
# tasks.py, locks.py, queues.py, runners.py, ...) so that every task step, callback and timer
# happens in the same order as in CPython.
#
# Everything the subset cannot express comes from the native modules: `_asyncio` (the core) and
# `_loopscope` (the virtual clock, warnings, the trace vocabulary, the limit and deadlock
# exceptions). Name-mangled `__private` names are avoided on purpose.

import _asyncio
import _loopscope
from collections import deque
from heapq import heappush as _heappush, heappop as _heappop

_clock = _loopscope.time
_LimitExceeded = _loopscope.LimitExceeded
_Deadlock = _loopscope.Deadlock

# The constants of engine/trace_events.def (one list for C++ and Python: no number is copied here).
_task_joined = _loopscope.task_joined
_WAIT_TASK = _loopscope.WAIT_TASK
_WAIT_LOCK = _loopscope.WAIT_LOCK
_WAIT_EVENT = _loopscope.WAIT_EVENT
_WAIT_CONDITION = _loopscope.WAIT_CONDITION
_WAIT_SEMAPHORE = _loopscope.WAIT_SEMAPHORE
_WAIT_QUEUE = _loopscope.WAIT_QUEUE
_WAIT_BARRIER = _loopscope.WAIT_BARRIER
_TIMER_TIMEOUT = _loopscope.TIMER_TIMEOUT

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


_asyncio._setup(CancelledError, InvalidStateError, QueueEmpty, QueueFull)


# -- The native core -------------------------------------------------------------------------

Future = _asyncio.Future
Task = _asyncio.Task
Handle = _asyncio.Handle
TimerHandle = _asyncio.TimerHandle
sleep = _asyncio.sleep
get_running_loop = _asyncio.get_running_loop
_get_running_loop = _asyncio._get_running_loop
_set_running_loop = _asyncio._set_running_loop
create_task = _asyncio.create_task
iscoroutine = _asyncio.iscoroutine


def iscoroutinefunction(func):
    """Return True if func is a coroutine function."""
    return func is sleep or _loopscope.is_coroutine_function(func)


isfuture = _asyncio.isfuture


def _exception_text(exc):
    message = str(exc)
    if message:
        return f'{type(exc).__name__}: {message}'
    return type(exc).__name__


# -- The policy's current loop ---------------------------------------------------------------

_current_loop = None
_current_loop_set = False


def get_event_loop():
    """The running loop, else the current loop (created on first use, as CPython 3.11 does)."""
    global _current_loop
    loop = _get_running_loop()
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


class BaseEventLoop(_asyncio.EventLoop):
    """CPython's BaseEventLoop with a selector that never waits. The native base runs the loop
    (call_soon, call_at, _run_once, run_forever, close); this class adds the rest of its API."""

    slow_callback_duration = 0.1

    def __init__(self):
        self._debug = False
        self._exception_handler = None
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False
        _log_selector()

    def __getattr__(self, name):
        error = _not_simulated(f'loop.{name}()', name)
        if error is None:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
        raise error

    def __repr__(self):
        return (f'<_UnixSelectorEventLoop running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    def _call_timeout(self, delay, callback, *args):
        # call_later for the timeouts of wait, wait_for and as_completed.
        return self._call_timer(_TIMER_TIMEOUT, _clock() + delay, callback, args)

    def run_in_executor(self, executor, func, *args):
        raise RuntimeError('run_in_executor is not available in Loopscope: there are no threads; '
                           'model slow I/O with `await asyncio.sleep(seconds)`')

    def set_task_factory(self, factory):
        if factory is not None:
            raise RuntimeError('task factories are not supported in Loopscope')

    def get_task_factory(self):
        return None

    def _check_closed(self):
        if self.is_closed():
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if _get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

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

    def close(self):
        super().close()
        self._executor_shutdown_called = True

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
        """Logs the error as CPython's logger does: the message, the context, the traceback."""
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'
        lines = [message]
        for key in sorted(context):
            if key == 'message' or key == 'exception':
                continue
            lines.append(f'{key}: {repr(context[key])}')
        exception = context.get('exception')
        text = '\n'.join(lines)
        if exception is not None:
            text += '\n' + _loopscope.format_exception(exception).rstrip('\n')
        kind = _loopscope.WARNING_LOOP_EXCEPTION
        about = context.get('task', context.get('future'))
        if message.endswith('exception was never retrieved'):
            kind = _loopscope.WARNING_EXCEPTION_NEVER_RETRIEVED
        _loopscope.warn(text, kind, about._id if isinstance(about, Task) else 0)

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


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut.get_loop().stop()


AbstractEventLoop = BaseEventLoop
SelectorEventLoop = BaseEventLoop
DefaultEventLoopPolicy = None


# -- Futures and tasks -----------------------------------------------------------------------

def _set_result_unless_cancelled(fut, result):
    """Helper setting the result only if the future was not cancelled."""
    if fut.cancelled():
        return
    fut.set_result(result)


def wrap_future(future, *, loop=None):
    if isfuture(future):
        return future
    raise TypeError(f'concurrent futures are not supported in Loopscope: {repr(future)}')


def current_task(loop=None):
    """Return the currently running task, or None."""
    return _asyncio.current_task(loop)


def all_tasks(loop=None):
    """Return the set of not yet finished tasks of the loop."""
    return set(_asyncio._pending_tasks(loop))


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


# -- Combinators: gather, wait, wait_for, as_completed, shield -------------------------------

class _GatheringFuture(Future):
    """gather()'s outer future: cancelling it cancels the children, like Task.cancel()."""

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
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


def _release_waiter_callback(waiter):
    """CPython's functools.partial(_release_waiter, waiter), as a done callback. The loop
    inspector names a partial by its function: this one is named the same."""
    def callback(f):
        _release_waiter(waiter)
    callback.__qualname__ = callback.__name__ = '_release_waiter'
    return callback


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

    cb = _release_waiter_callback(waiter)

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

    cb = _release_waiter_callback(waiter)

    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    if isinstance(fut, Task):
        # The timeline shows the wait on the inner task.
        waiter._ls_what = fut

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
    if isinstance(inner, Task):
        # Who awaits the shield waits for that task: the timeline and the inspector say so.
        outer._ls_what = 'shield of ' + inner.get_name()

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
        loop = _get_running_loop()
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

class Queue(_asyncio.Queue):
    """A FIFO queue for tasks; get() waits while empty, put() while full. The items, waiters,
    put/get and their _nowait forms are native (engine/loop/queue.cpp)."""

    def __repr__(self):
        return f'<{type(self).__name__} at 0x{id(self):x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        result = f'maxsize={repr(self._maxsize)}'
        items = self._items()
        if items:
            result += f' _queue={repr(items)}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    async def join(self):
        if self._unfinished_tasks > 0:
            if self._finished is None:
                self._finished = Event()
                self._finished._ls_what = 'Queue.join'
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


class _Interrupted(BaseException):
    """The KeyboardInterrupt of a second Ctrl+C after a deadlock; only Runner.run sees it."""


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
            loop.close()
            self._loop = None
            self._state = _RUNNER_CLOSED

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError(f"a coroutine was expected, got {repr(coro)}")
        if _get_running_loop() is not None:
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        task = self._loop.create_task(coro)
        # Loopscope: a deadlock calls this handler where CPython's SIGINT handler would be
        # called by Ctrl+C (EventLoopObj::onDeadlock, SPEC.md section 3).
        handler = lambda: self._on_sigint(task)
        previous_handler = _asyncio._set_interrupt_handler(handler)
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
            if _asyncio._interrupt_handler() is handler:
                _asyncio._set_interrupt_handler(previous_handler)
            if self._interrupt_count > 0:
                # Loopscope: the shutdown CPython's KeyboardInterrupt triggers on its way out of
                # asyncio.run, then the run ends; nothing can catch it.
                self.close()
                _asyncio._end_with_deadlock()

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
    if _get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug) as runner:
        return runner.run(main)


def _cancel_all_tasks(loop):
    to_cancel = _asyncio._pending_tasks(loop)
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
