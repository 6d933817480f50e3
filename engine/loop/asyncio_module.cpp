// The `_asyncio` module: asyncio's native core as engine/prelude/asyncio.py imports it (CPython
// has a C module of the same name for its Future and Task). It holds Future, Task, the loop's
// native base class, Handle, TimerHandle, Queue, sleep, and the running loop and task registry
// functions; asyncio.py builds the rest of asyncio on them.

#include "../vm.h"
#include "asyncio_runtime.h"
#include "event_loop.h"
#include "future.h"
#include "handle.h"
#include "native_args.h"
#include "queue.h"
#include "sleep.h"
#include "task.h"

namespace loopscope {

namespace {

EventLoopObj* runningLoopOrRaise(VM& vm)
{
    EventLoopObj* loop = vm.asyncio().running();
    if (!loop)
        vm.raise(ExcType::RuntimeError, "no running event loop");
    return loop;
}

EventLoopObj* loopOrRunning(VM& vm, const Value* loop)
{
    if (loop && !loop->isNone()) {
        if (!isNative(*loop, NativeKind::EventLoop))
            vm.raise(ExcType::TypeError, "loop must be an event loop, not '" + vm.typeName(*loop) + "'");
        return loop->as<EventLoopObj>();
    }
    return runningLoopOrRaise(vm);
}

void internNames(VM& vm, AsyncioRuntime& rt)
{
    rt.names.cancel = vm.internStr("cancel");
    rt.names.result = vm.internStr("result");
    rt.names.addDoneCallback = vm.internStr("add_done_callback");
    rt.names.asyncioFutureBlocking = vm.internStr("_asyncio_future_blocking");
    rt.names.loop = vm.internStr("_loop");
    rt.names.callExceptionHandler = vm.internStr("call_exception_handler");
    rt.names.getEventLoop = vm.internStr("get_event_loop");
    rt.names.put = vm.internStr("put");
    rt.names.get = vm.internStr("get");
    rt.names.setResultUnlessCancelled = vm.internStr("_set_result_unless_cancelled");
}

} // namespace

Value makeAsyncioModule(VM& vm)
{
    AsyncioRuntime& rt = vm.asyncio();
    internNames(vm, rt);
    Value m = makeModule(vm, "_asyncio");
    registerFutureClasses(vm, rt, m);
    registerTaskClass(vm, rt, m);
    registerHandleClasses(vm, rt, m);
    registerEventLoopClass(vm, rt, m);
    registerSleep(vm, rt, m);
    registerQueueClass(vm, rt, m);

    // _setup(CancelledError, InvalidStateError, QueueEmpty, QueueFull): the exception classes
    // asyncio.py defines, for the errors the core raises.
    moduleAddFunction(vm, m, "_setup", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "_setup", 4, 4);
        AsyncioRuntime& rt = vm.asyncio();
        rt.cancelledError = a[0];
        rt.invalidStateError = a[1];
        rt.queueEmpty = a[2];
        rt.queueFull = a[3];
        return Value::none();
    });
    // _use_contextvars(module): from now on each new task copies the current context and its
    // steps run in it (contextvars.py calls it when the first ContextVar is made).
    moduleAddFunction(vm, m, "_use_contextvars", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "_use_contextvars", 1, 1);
        vm.asyncio().contextvars = a[0];
        return Value::none();
    });
    // _set_interrupt_handler(handler or None): Runner.run's stand-in for signal.signal(SIGINT);
    // returns the previous handler (None: none).
    moduleAddFunction(vm, m, "_set_interrupt_handler", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "_set_interrupt_handler", 1, 1);
        AsyncioRuntime& rt = vm.asyncio();
        Value previous = rt.interruptHandler.isEmpty() ? Value::none() : rt.interruptHandler;
        rt.interruptHandler = a[0].isNone() ? Value() : a[0];
        return previous;
    });
    moduleAddFunction(vm, m, "_interrupt_handler", [](VM& vm, const CallArgs&) {
        const Value& handler = vm.asyncio().interruptHandler;
        return handler.isEmpty() ? Value::none() : handler;
    });
    // _end_with_deadlock(): the interrupted asyncio.run has closed its runner; the run ends with
    // Deadlock, which nothing can catch.
    moduleAddFunction(vm, m, "_end_with_deadlock", [](VM& vm, const CallArgs&) -> Value {
        vm.stopRunWithMessage("Deadlock", vm.asyncio().deadlockDescription);
    });
    moduleAddFunction(vm, m, "get_running_loop", [](VM& vm, const CallArgs&) {
        return Value::object(runningLoopOrRaise(vm));
    });
    moduleAddFunction(vm, m, "_get_running_loop", [](VM& vm, const CallArgs&) {
        const Value& loop = vm.asyncio().runningLoop;
        return loop.isEmpty() ? Value::none() : loop;
    });
    moduleAddFunction(vm, m, "_set_running_loop", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "_set_running_loop", 1, 1);
        if (!a[0].isNone() && !isNative(a[0], NativeKind::EventLoop))
            vm.raise(ExcType::TypeError, "_set_running_loop() needs an event loop or None");
        vm.asyncio().runningLoop = a[0].isNone() ? Value() : a[0];
        return Value::none();
    });
    moduleAddFunction(vm, m, "current_task", [](VM& vm, const CallArgs& a) {
        EventLoopObj* loop = loopOrRunning(vm, argOrKeyword(a, 0, "loop"));
        return loop->currentTask ? Value::object(loop->currentTask) : Value::none();
    });
    // The loop's unfinished tasks in creation order (SPEC.md section 3: sets of tasks iterate
    // in insertion order).
    moduleAddFunction(vm, m, "_pending_tasks", [](VM& vm, const CallArgs& a) {
        EventLoopObj* loop = loopOrRunning(vm, argOrKeyword(a, 0, "loop"));
        std::vector<Value> tasks;
        vm.asyncio().pending.forEach([&](TaskObj* t) {
            if (t->loop == loop && t->state == FutureState::Pending)
                tasks.push_back(Value::object(t));
        });
        return vm.newList(std::move(tasks));
    });
    // isfuture(obj): asyncio's futures, and anything else whose _asyncio_future_blocking is
    // not None (a class never is one).
    moduleAddFunction(vm, m, "isfuture", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "isfuture", 1, 1);
        const Value& obj = a[0];
        if (asFuture(obj))
            return Value::boolean(!isNative(obj, NativeKind::Sleep));
        if (!obj.isObject() || obj.asObject()->kind == ObjKind::Generator || obj.asObject()->kind == ObjKind::Class)
            return Value::boolean(false);
        Value blocking;
        return Value::boolean(vm.tryGetAttr(obj, vm.asyncio().names.asyncioFutureBlocking, blocking) &&
                              !blocking.isNone());
    });
    moduleAddFunction(vm, m, "iscoroutine", [](VM&, const CallArgs& a) {
        return Value::boolean(a.count == 1 && isCoroutineLike(a[0]));
    });
    // asyncio.create_task(coro, *, name=None, context=None): a named task still takes a Task-N
    // number, as CPython's create_task names it after creating it.
    moduleAddFunction(vm, m, "create_task", [](VM& vm, const CallArgs& a) {
        const Value* coro = argOrKeyword(a, 0, "coro");
        if (!coro)
            vm.raise(ExcType::TypeError, "create_task() missing 1 required positional argument: 'coro'");
        EventLoopObj* loop = runningLoopOrRaise(vm);
        if (loop->closed)
            vm.raise(ExcType::RuntimeError, "Event loop is closed");
        const Value* name = a.keyword("name");
        const bool named = name && !name->isNone();
        const Value* context = a.keyword("context");
        return createTask(vm, vm.asyncio().taskClass, *coro, loop, named ? *name : Value(), named,
                          context ? *context : Value());
    });
    return m;
}

} // namespace loopscope
