// The event loop: scheduling (call_soon, call_at, a task's step, a future's done callbacks,
// a sleep's timer), runOnce, run_forever, close, and the limit and deadlock reports. Where the
// clock jumps: runOnce, when nothing is ready. Trace events written here: ReadyPushed,
// TimerScheduled, TimerFired, CallbackRan, PassBegan, ClockJumped, LoopClosed (HandleCancelled
// is written where a handle is cancelled: handle.cpp and sleep.cpp).

#include "event_loop.h"

#include <cstdio>

#include "../format/float_repr.h"
#include "../vm.h"
#include "asyncio_runtime.h"
#include "native_args.h"
#include "sleep.h"
#include "task.h"

namespace loopscope {

namespace {

// CPython's monotonic clock resolution on Linux (SPEC.md section 3): a timer is due when its
// deadline is below now + resolution.
constexpr double kClockResolution = 1e-09;
// base_events.py: the heap is rebuilt when more than half of over 100 timers are cancelled.
constexpr size_t kMinScheduledTimerHandles = 100;
constexpr double kMinCancelledTimerHandlesFraction = 0.5;
// A step or callback that holds the loop longer than this is reported, as in debug mode.
constexpr double kSlowCallbackDuration = 0.1;

bool isTimerCancelled(Obj* timer)
{
    if (const SleepTimer* sleep = sleepTimerOf(timer))
        return sleep->cancelled;
    return static_cast<const HandleObj*>(timer)->cancelled;
}

void markUnscheduled(Obj* timer)
{
    if (SleepTimer* sleep = sleepTimerOf(timer))
        sleep->scheduled = false;
    else
        static_cast<HandleObj*>(timer)->scheduled = false;
}

// Fetches a timer ahead: its first line (its kind) and, when it is a task sleeping on its own,
// the line of the task's sleep timer (TaskObj's last member), which the next pass reads first
// (dropCancelledTimers).
void prefetchTimer(const Obj* timer)
{
    __builtin_prefetch(timer);
    __builtin_prefetch(reinterpret_cast<const char*>(timer) + sizeof(TaskObj) - 1);
}

bool endsTheLoop(VM& vm, const Value& exc)
{
    ClassObj* cls = vm.typeOf(exc);
    auto isA = [&](const Value& c) {
        return isKind(c, ObjKind::Class) && cls->isSubclassOf(c.as<ClassObj>());
    };
    return cls->isSubclassOf(vm.excClass(ExcType::KeyboardInterrupt)) ||
           cls->isSubclassOf(vm.excClass(ExcType::SystemExit)) || isA(vm.limitExceededClass) ||
           isA(vm.deadlockClass);
}

StringId traceString(VM& vm, const std::string& text)
{
    return vm.tracing() ? StringId{vm.internTrace(text)} : StringId{};
}

// The trace's string id of a callback's name (callableName): a Python function's qualified
// name without asking the attribute protocol.
StringId callbackNameId(VM& vm, const Value& callback)
{
    if (!vm.tracing())
        return {};
    if (isKind(callback, ObjKind::Function) && isStr(callback.as<FunctionObj>()->qualname) &&
        !strText(callback.as<FunctionObj>()->qualname).empty())
        return vm.asyncio().traceName(vm, callback.as<FunctionObj>()->qualname.as<StrObj>());
    return traceString(vm, callableName(vm, callback));
}

} // namespace

EventLoopObj::EventLoopObj(ClassObj* c) : NativeObj(c, NativeKind::EventLoop) {}

void EventLoopObj::checkClosed(VM& vm) const
{
    if (closed)
        vm.raise(ExcType::RuntimeError, "Event loop is closed");
}

// -- Scheduling ------------------------------------------------------------------------------

void EventLoopObj::pushReady(VM& vm, ReadyItem item, TaskId owner, StringId callbackName)
{
    // A task's step or wakeup queued by a step or callback folds into it: written so at once.
    TraceEvents* sink = callbackName.value == 0 ? vm.directSink(1) : nullptr;
    if (sink && sink->foldReadyPushed(vm.now(), owner, item.id, item.handleKind()))
        vm.countRecorded(1);
    else
        vm.record(TraceEvent::readyPushed(vm.now(), owner, item.id, item.handleKind(), callbackName));
    ready.push_back(std::move(item));
}

void EventLoopObj::callSoonStep(VM& vm, TaskObj* task, Value exc)
{
    checkClosed(vm);
    ReadyItem item{ReadyItem::Action::Step, vm.asyncio().nextHandleId(), Value::object(task), std::move(exc)};
    pushReady(vm, std::move(item), task->id, {});
}

bool EventLoopObj::callSoonStepYieldedBare(VM& vm, TaskObj* task, uint32_t line)
{
    checkClosed(vm);
    const HandleId id = vm.asyncio().nextHandleId();
    TraceEvents* sink = vm.directSink(2);
    const bool folded = sink && sink->foldStepYieldedBare(vm.now(), task->id, id, HandleKind::TaskStep, line);
    if (folded)
        vm.countRecorded(2);
    else
        vm.record(TraceEvent::readyPushed(vm.now(), task->id, id, HandleKind::TaskStep, {}));
    ready.emplace_back(ReadyItem::Action::Step, id, Value::object(task), Value()); // no ReadyItem moved in
    return folded;
}

void EventLoopObj::callSoonDone(VM& vm, Value callback, Value future)
{
    checkClosed(vm);
    const HandleId id = vm.asyncio().nextHandleId();
    if (isNative(callback, NativeKind::Task)) {
        // The coroutine this wakeup resumes, fetched ahead (see moveDueTimers).
        __builtin_prefetch(callback.as<TaskObj>()->coro.get());
        const TaskId owner = callback.as<TaskObj>()->id;
        pushReady(vm, ReadyItem{ReadyItem::Action::Wakeup, id, std::move(callback), std::move(future)}, owner,
                  {});
        return;
    }
    const StringId name = callbackNameId(vm, callback);
    pushReady(vm, ReadyItem{ReadyItem::Action::DoneCallback, id, std::move(callback), std::move(future)},
              TaskId{}, name);
}

Value EventLoopObj::callSoon(VM& vm, Value callback, Value args)
{
    checkClosed(vm);
    auto* h = new HandleObj(vm.asyncio().handleClass, Value::object(this), callback, std::move(args), false);
    Value handle = Value::object(h);
    h->id = vm.asyncio().nextHandleId();
    h->queued = true;
    pushReady(vm, ReadyItem{ReadyItem::Action::Handle, h->id, handle, Value()}, TaskId{},
              callbackNameId(vm, callback));
    return handle;
}

Value EventLoopObj::callAt(VM& vm, TimerKind kind, Value when, Value callback, Value args)
{
    if (when.isNone() || when.isEmpty())
        vm.raise(ExcType::TypeError, "when cannot be None");
    checkClosed(vm);
    auto* h =
        new HandleObj(vm.asyncio().timerHandleClass, Value::object(this), callback, std::move(args), true);
    Value handle = Value::object(h);
    h->when = vm.toDouble(when);
    h->whenValue = std::move(when);
    h->id = vm.asyncio().nextHandleId();
    h->timerKind = kind;
    if (currentTask)
        h->owner = currentTask->id;
    timers.push(h->when, h);
    h->scheduled = true;
    const StringId name = kind == TimerKind::Sleep ? StringId{} : callbackNameId(vm, h->callback);
    vm.record(TraceEvent::timerScheduled(vm.now(), h->owner, h->id, kind, name, h->when));
    return handle;
}

void EventLoopObj::scheduleSleep(VM& vm, Obj* sleeper, SleepTimer& timer, TaskId owner)
{
    checkClosed(vm);
    timer.id = vm.asyncio().nextHandleId();
    timers.push(timer.when, sleeper);
    timer.scheduled = true;
    vm.record(TraceEvent::timerScheduled(vm.now(), owner, timer.id, TimerKind::Sleep, {}, timer.when));
}

// -- One pass --------------------------------------------------------------------------------

void EventLoopObj::stopRun(VM& vm, const char* type, const std::string& message, const char* option)
{
    // A limit ends the run where it stands: no except or finally clause of the scenario runs.
    fatal = true;
    if (option)
        vm.stopRun(type, message, option);
    vm.stopRunWithMessage(type, message);
}

void EventLoopObj::onDeadlock(VM& vm)
{
    AsyncioRuntime& rt = vm.asyncio();
    if (!rt.deadlocked) {
        rt.deadlocked = true;
        rt.deadlockDescription = describeDeadlock(vm, this);
        markStuckTasks(vm, this);
    }
    if (rt.interruptHandler.isEmpty())
        stopRun(vm, "Deadlock", rt.deadlockDescription, nullptr);
    const Value handler = rt.interruptHandler;
    vm.call(handler, {});
}

void EventLoopObj::dropCancelledTimers(VM&)
{
    const size_t count = timers.size();
    if (count > kMinScheduledTimerHandles &&
        double(timerCancelledCount) / double(count) > kMinCancelledTimerHandlesFraction) {
        timers.rebuild([](Obj* timer) { return !isTimerCancelled(timer); }, markUnscheduled);
        timerCancelledCount = 0;
        return;
    }
    while (!timers.empty() && isTimerCancelled(timers.top().timer)) {
        --timerCancelledCount;
        TimerEntry entry = timers.pop();
        markUnscheduled(entry.timer);
        if (--entry.timer->refcount == 0)
            releaseObject(entry.timer);
    }
}

void EventLoopObj::moveDueTimers(VM& vm)
{
    const double endTime = vm.now() + kClockResolution;
    // With 100k timers pending, firing one misses the cache on its sleep, the task the sleep
    // wakes and the task's coroutine. Each is fetched ahead: the next sleep when a timer is
    // popped, the task that sleep wakes one pass later (here), its coroutine when its wakeup is
    // queued (callSoonDone).
    if (!timers.empty()) {
        auto* next = static_cast<NativeObj*>(timers.top().timer);
        if (next->nativeKind == NativeKind::Sleep)
            if (Obj* waiting = static_cast<SleepObj*>(next)->firstCallbackObject())
                __builtin_prefetch(waiting);
    }
    // As CPython's `if handle._when >= end_time: break`: a NaN deadline is due at once.
    while (!timers.empty() && !(timers.top().when >= endTime)) {
        TimerEntry entry = timers.pop();
        Value timer = Value::object(entry.timer);
        --entry.timer->refcount; // the heap's reference now lives in [timer]
        auto* native = static_cast<NativeObj*>(entry.timer);
        // A cancelled timer goes to the ready queue too, to be skipped there; the trace dropped
        // it when it was cancelled.
        if (!timers.empty())
            prefetchTimer(timers.top().timer); // the next sleep (see above)
        if (SleepTimer* sleep = sleepTimerOf(native)) {
            sleep->scheduled = false;
            sleep->queued = true;
            if (!sleep->cancelled)
                vm.record(TraceEvent::timerFired(vm.now(), sleepTimerOwner(native), sleep->id, sleep->when));
            ready.push_back(ReadyItem{ReadyItem::Action::SleepTimer, sleep->id, std::move(timer), Value()});
        } else {
            auto* h = static_cast<HandleObj*>(native);
            h->scheduled = false;
            h->queued = true;
            if (!h->cancelled)
                vm.record(TraceEvent::timerFired(vm.now(), h->owner, h->id, h->when));
            ready.push_back(ReadyItem{ReadyItem::Action::Handle, h->id, std::move(timer), Value()});
        }
    }
}

void EventLoopObj::runOnce(VM& vm)
{
    vm.pollCancel(); // once per pass: a run of callbacks that never enter Python stops too
    const Budgets& budgets = vm.options().budgets;
    ++passes;
    if (passes > budgets.loopPasses)
        stopRun(vm, "LimitExceeded",
                "the event loop ran more than " + std::to_string(budgets.loopPasses) + " passes" +
                    describePending(vm, this),
                "max-passes");
    vm.record(TraceEvent::passBegan(vm.now(), uint32_t(passes)));
    vm.asyncio().notePass(vm);
    dropCancelledTimers(vm);

    if (ready.empty() && !stopping && timers.empty()) {
        onDeadlock(vm);
        if (ready.empty() && timers.empty() && !stopping)
            stopRun(vm, "Deadlock", vm.asyncio().deadlockDescription, nullptr);
    }
    if (ready.empty() && !stopping && !timers.empty()) {
        const double when = timers.top().when;
        if (when > vm.now()) {
            // The selector would sleep until the earliest deadline: the clock jumps there.
            if (when > budgets.virtualTime)
                stopRun(vm, "LimitExceeded",
                        "virtual time would pass the limit of " + floatRepr(budgets.virtualTime) +
                            " s (next timer at " + floatRepr(when) + " s)" + describePending(vm, this),
                        "max-time");
            vm.record(TraceEvent::clockJumped(vm.now(), when));
            vm.setNow(when);
        }
    }
    moveDueTimers(vm);

    // Only what was ready when the pass began runs in this pass.
    for (size_t todo = ready.size(); todo > 0; --todo) {
        ReadyItem item = std::move(ready.front());
        ready.pop_front();
        TaskId owner;
        StringId callbackName;
        switch (item.action) {
        case ReadyItem::Action::Handle: {
            auto* h = item.target.as<HandleObj>();
            h->queued = false;
            if (h->cancelled)
                continue;
            owner = h->owner;
            callbackName = callbackNameId(vm, h->callback);
            break;
        }
        case ReadyItem::Action::SleepTimer: {
            SleepTimer* sleep = sleepTimerOf(item.target.asObject());
            sleep->queued = false;
            if (sleep->cancelled)
                continue;
            owner = sleepTimerOwner(item.target.asObject());
            callbackName = vm.asyncio().traceName(vm, vm.asyncio().names.setResultUnlessCancelled);
            break;
        }
        case ReadyItem::Action::DoneCallback:
            callbackName = callbackNameId(vm, item.target);
            break;
        default:
            break;
        }
        runningHandle = item.id;
        // A task's step or wakeup is recorded by the step itself (StepBegan names the handle).
        if (item.handleKind() == HandleKind::Callback)
            vm.record(TraceEvent::callbackRan(vm.now(), owner, item.id, HandleKind::Callback, callbackName));
        const double started = vm.now();
        run(vm, item);
        const double took = vm.now() - started;
        if (took >= kSlowCallbackDuration)
            warnSlow(vm, item, took);
    }
}

void EventLoopObj::run(VM& vm, ReadyItem& item)
{
    try {
        switch (item.action) {
        case ReadyItem::Action::Step:
            item.target.as<TaskObj>()->step(vm, item.arg);
            break;
        case ReadyItem::Action::Wakeup:
            item.target.as<TaskObj>()->wakeup(vm, item.arg);
            break;
        case ReadyItem::Action::Handle: {
            auto* h = item.target.as<HandleObj>();
            const Value callback = h->callback;
            const Value args = h->args;
            CallArgs ca;
            if (isKind(args, ObjKind::Tuple)) {
                ca.args = args.as<TupleObj>()->items.data();
                ca.count = args.as<TupleObj>()->items.size();
            }
            vm.call(callback, ca);
            break;
        }
        case ReadyItem::Action::DoneCallback:
            vm.call(item.target, {item.arg});
            break;
        case ReadyItem::Action::SleepTimer:
            sleepTimerFired(vm, item.target.asObject());
            break;
        }
    } catch (PyException& e) {
        if (endsTheLoop(vm, e.exception))
            throw;
        reportCallbackError(vm, item, e.exception);
    }
}

// Handle._run's report: the loop's exception handler gets the error and the handle.
void EventLoopObj::reportCallbackError(VM& vm, const ReadyItem& item, const Value& exc)
{
    Value callback, args;
    switch (item.action) {
    case ReadyItem::Action::Step:
        callback = vm.newNative(
            "Task.__step", [](VM&, const CallArgs&) { return Value::none(); }, item.target);
        args = item.arg.isEmpty() ? vm.newTuple({}) : vm.newTuple({item.arg});
        break;
    case ReadyItem::Action::Wakeup:
        callback = vm.newNative(
            "Task.task_wakeup", [](VM&, const CallArgs&) { return Value::none(); }, item.target);
        args = vm.newTuple({item.arg});
        break;
    case ReadyItem::Action::Handle:
        callback = item.target.as<HandleObj>()->callback;
        args = item.target.as<HandleObj>()->args;
        break;
    case ReadyItem::Action::DoneCallback:
        callback = item.target;
        args = vm.newTuple({item.arg});
        break;
    case ReadyItem::Action::SleepTimer:
        callback =
            vm.newNative("_set_result_unless_cancelled", [](VM&, const CallArgs&) { return Value::none(); });
        args = sleepTimerCallbackArgs(vm, item.target.asObject());
        break;
    }
    Value handle = item.action == ReadyItem::Action::Handle
                       ? item.target
                       : Value::object(new HandleObj(vm.asyncio().handleClass, Value::object(this), callback,
                                                     args, false));
    Value context = vm.newDict();
    DictTable& table = context.as<DictObj>()->table;
    table.set(vm.intern("message"),
              vm.newStr("Exception in callback " + formatCallbackForMessage(vm, callback, args)));
    table.set(vm.intern("exception"), exc);
    table.set(vm.intern("handle"), handle);
    vm.callMethod(Value::object(this), vm.asyncio().names.callExceptionHandler, {context});
}

// As CPython's debug mode: a task's step or wakeup is shown as the task itself.
void EventLoopObj::warnSlow(VM& vm, const ReadyItem& item, double took)
{
    std::string target;
    TaskId owner;
    if (item.action == ReadyItem::Action::Step || item.action == ReadyItem::Action::Wakeup) {
        target = item.target.as<TaskObj>()->repr(vm);
        owner = item.target.as<TaskObj>()->id;
    } else if (item.action == ReadyItem::Action::Handle) {
        target = item.target.as<HandleObj>()->repr(vm);
        owner = item.target.as<HandleObj>()->owner;
    } else {
        const Value args =
            item.action == ReadyItem::Action::DoneCallback ? vm.newTuple({item.arg}) : vm.newTuple({});
        target = "<Handle " + formatCallbackForMessage(vm, item.target, args) + ">";
    }
    char seconds[64];
    std::snprintf(seconds, sizeof seconds, "%.3f", took);
    vm.warn("Executing " + target + " took " + seconds + " seconds", WarningKind::SlowCallback, owner);
}

// -- Running and closing ---------------------------------------------------------------------

void EventLoopObj::runForever(VM& vm)
{
    checkClosed(vm);
    AsyncioRuntime& rt = vm.asyncio();
    if (running)
        vm.raise(ExcType::RuntimeError, "This event loop is already running");
    if (!rt.runningLoop.isEmpty())
        vm.raise(ExcType::RuntimeError, "Cannot run the event loop while another loop is running");
    const Value self = Value::object(this);
    running = true;
    rt.runningLoop = self;
    auto leave = [&] {
        stopping = false;
        running = false;
        rt.runningLoop = Value();
    };
    try {
        for (;;) {
            runOnce(vm);
            if (stopping)
                break;
        }
    } catch (...) {
        leave();
        throw;
    }
    leave();
}

void EventLoopObj::close(VM& vm)
{
    if (running)
        vm.raise(ExcType::RuntimeError, "Cannot close a running event loop");
    if (closed)
        return;
    const Value self = Value::object(this);
    closed = true;
    std::deque<ReadyItem> dropped;
    dropped.swap(ready);
    timers.clear();
    vm.record(TraceEvent::loopClosed(vm.now()));
    dropped.clear();
    if (fatal)
        return;
    // CPython reports a pending task when it is garbage-collected with the loop's queues; the
    // model reports every pending task of this loop here, oldest first.
    AsyncioRuntime& rt = vm.asyncio();
    for (TaskObj* task : rt.pending.inOrder()) {
        if (task->loop != this || task->state != FutureState::Pending)
            continue;
        const Value keep = Value::object(task);
        rt.pending.remove(task);
        if (task->logDestroyPending)
            vm.warn("Task was destroyed but it is pending!\ntask: " + task->repr(vm),
                    WarningKind::DestroyedPending, task->id);
    }
}

// -- Reports ---------------------------------------------------------------------------------

std::string describePending(VM& vm, const EventLoopObj* loop)
{
    std::vector<std::string> where;
    vm.asyncio().pending.forEach([&](TaskObj* task) {
        if (task->loop == loop && task->state == FutureState::Pending)
            where.push_back(task->taskName() + " (" + coroutineName(vm, task->coro) + ") at line " +
                            std::to_string(coroutineLine(task->coro)));
    });
    if (where.empty())
        return "";
    std::string text = "; pending: ";
    for (size_t i = 0; i < where.size() && i < 5; ++i)
        text += (i ? ", " : "") + where[i];
    if (where.size() > 5)
        text += " and " + std::to_string(where.size() - 5) + " more";
    return text;
}

void markStuckTasks(VM& vm, const EventLoopObj* loop)
{
    if (!vm.tracing())
        return;
    vm.asyncio().pending.forEach([&](TaskObj* task) {
        if (task->loop != loop || task->state != FutureState::Pending)
            return;
        const std::string what = task->waiter.isEmpty() ? "nothing" : waiterDescription(task->waiter);
        const uint32_t line = uint32_t(coroutineLine(task->coro));
        vm.record(TraceEvent::warning(vm.now(), task->id, WarningKind::Stuck,
                                      StringId{vm.internTrace(what + " at line " + std::to_string(line))},
                                      line, vm.now()));
    });
}

std::string describeDeadlock(VM& vm, const EventLoopObj* loop)
{
    std::vector<std::string> waiting;
    vm.asyncio().pending.forEach([&](TaskObj* task) {
        if (task->loop != loop || task->state != FutureState::Pending)
            return;
        const std::string what = task->waiter.isEmpty() ? "nothing" : waiterDescription(task->waiter);
        waiting.push_back(task->taskName() + " (" + coroutineName(vm, task->coro) + ") waits on " + what +
                          " at line " + std::to_string(coroutineLine(task->coro)));
    });
    if (waiting.empty())
        return "no task can make progress: the loop has nothing to run and no timer";
    // The newest task first: it is usually the one the others wait for.
    std::string text = "no task can make progress: ";
    for (size_t i = waiting.size(); i-- > 0;)
        text += waiting[i] + (i ? "; " : "");
    return text;
}

// -- Python methods --------------------------------------------------------------------------

namespace {

EventLoopObj* selfLoop(VM& vm, const CallArgs& a, const char* method)
{
    if (a.count == 0 || !isNative(a[0], NativeKind::EventLoop))
        vm.raise(ExcType::TypeError, std::string("descriptor '") + method + "' requires an event loop");
    return a[0].as<EventLoopObj>();
}

// The positional arguments after the first [skip] (self included), as a tuple.
Value restAsTuple(VM& vm, const CallArgs& a, size_t skip)
{
    std::vector<Value> items;
    for (size_t i = skip; i < a.count; ++i)
        items.push_back(a[i]);
    return vm.newTuple(std::move(items));
}

} // namespace

void registerEventLoopClass(VM& vm, AsyncioRuntime& rt, const Value& module)
{
    ClassObj* c = vm.newBuiltinClass("EventLoop", vm.types.object, ObjKind::Native);
    c->nativeInstanceDict = true;
    c->dict->table.set(vm.intern("__module__"), vm.intern("asyncio.base_events"));
    c->construct = [](VM&, const CallArgs& a) {
        ClassObj* cls = a[0].as<ClassObj>();
        if (!cls->builtin)
            ++cls->refcount;
        return Value::object(new EventLoopObj(cls));
    };
    vm.addMethod(c, "__init__", [](VM&, const CallArgs&) { return Value::none(); });
    vm.addMethod(c, "time", [](VM& vm, const CallArgs&) { return Value::floating(vm.now()); });
    auto callSoon = [](VM& vm, const CallArgs& a) {
        EventLoopObj* loop = selfLoop(vm, a, "call_soon");
        if (a.count < 2)
            vm.raise(ExcType::TypeError, "call_soon() missing 1 required positional argument: 'callback'");
        return loop->callSoon(vm, a[1], restAsTuple(vm, a, 2));
    };
    vm.addMethod(c, "call_soon", callSoon);
    vm.addMethod(c, "call_soon_threadsafe", callSoon);
    vm.addMethod(c, "call_later", [](VM& vm, const CallArgs& a) {
        EventLoopObj* loop = selfLoop(vm, a, "call_later");
        if (a.count < 3)
            vm.raise(ExcType::TypeError,
                     "call_later() missing required positional arguments: 'delay', 'callback'");
        if (a[1].isNone())
            vm.raise(ExcType::TypeError, "delay must not be None");
        Value when = vm.binaryOp(BinaryOp::Add, Value::floating(vm.now()), a[1]);
        return loop->callAt(vm, TimerKind::Callback, when, a[2], restAsTuple(vm, a, 3));
    });
    vm.addMethod(c, "call_at", [](VM& vm, const CallArgs& a) {
        EventLoopObj* loop = selfLoop(vm, a, "call_at");
        if (a.count < 3)
            vm.raise(ExcType::TypeError,
                     "call_at() missing required positional arguments: 'when', 'callback'");
        return loop->callAt(vm, TimerKind::Callback, a[1], a[2], restAsTuple(vm, a, 3));
    });
    // _call_timer(kind, when, callback, args): call_at with what the timer is for (asyncio.py's
    // timeouts), for the trace.
    vm.addMethod(c, "_call_timer", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "_call_timer", 5, 5);
        EventLoopObj* loop = selfLoop(vm, a, "_call_timer");
        const int64_t kind = vm.toIndex(a[1]);
        if (kind < 0 || kind >= int64_t(enumCount<TimerKind>()))
            vm.raise(ExcType::ValueError, "timer kind out of range");
        Value args = isKind(a[4], ObjKind::Tuple) ? a[4] : vm.newTuple(vm.toVector(a[4]));
        return loop->callAt(vm, TimerKind(kind), a[2], a[3], args);
    });
    vm.addMethod(c, "create_future", [](VM& vm, const CallArgs& a) {
        EventLoopObj* loop = selfLoop(vm, a, "create_future");
        auto* f = new FutureObj(vm.asyncio().futureClass);
        Value future = Value::object(f);
        f->setLoop(loop);
        return future;
    });
    vm.addMethod(c, "create_task", [](VM& vm, const CallArgs& a) {
        EventLoopObj* loop = selfLoop(vm, a, "create_task");
        const Value* coro = argOrKeyword(a, 1, "coro");
        if (!coro)
            vm.raise(ExcType::TypeError, "create_task() missing 1 required positional argument: 'coro'");
        if (loop->closed)
            vm.raise(ExcType::RuntimeError, "Event loop is closed");
        const Value* name = a.keyword("name");
        const Value* context = a.keyword("context");
        return createTask(vm, vm.asyncio().taskClass, *coro, loop, name ? *name : Value(), false,
                          context ? *context : Value());
    });
    vm.addMethod(c, "_run_once", [](VM& vm, const CallArgs& a) {
        selfLoop(vm, a, "_run_once")->runOnce(vm);
        return Value::none();
    });
    vm.addMethod(c, "run_forever", [](VM& vm, const CallArgs& a) {
        selfLoop(vm, a, "run_forever")->runForever(vm);
        return Value::none();
    });
    vm.addMethod(c, "stop", [](VM& vm, const CallArgs& a) {
        selfLoop(vm, a, "stop")->stopping = true;
        return Value::none();
    });
    vm.addMethod(c, "is_running", [](VM& vm, const CallArgs& a) {
        return Value::boolean(selfLoop(vm, a, "is_running")->running);
    });
    vm.addMethod(c, "is_closed", [](VM& vm, const CallArgs& a) {
        return Value::boolean(selfLoop(vm, a, "is_closed")->closed);
    });
    vm.addMethod(c, "close", [](VM& vm, const CallArgs& a) {
        selfLoop(vm, a, "close")->close(vm);
        return Value::none();
    });
    addNativeProperty(vm, c, "_current_task", [](VM& vm, const CallArgs& a) {
        TaskObj* t = selfLoop(vm, a, "_current_task")->currentTask;
        return t ? Value::object(t) : Value::none();
    });
    addNativeProperty(vm, c, "_closed", [](VM& vm, const CallArgs& a) {
        return Value::boolean(selfLoop(vm, a, "_closed")->closed);
    });
    addNativeProperty(vm, c, "_stopping", [](VM& vm, const CallArgs& a) {
        return Value::boolean(selfLoop(vm, a, "_stopping")->stopping);
    });
    addNativeProperty(
        vm, c, "_fatal",
        [](VM& vm, const CallArgs& a) { return Value::boolean(selfLoop(vm, a, "_fatal")->fatal); },
        [](VM& vm, const CallArgs& a) {
            selfLoop(vm, a, "_fatal")->fatal = vm.truthy(a[1]);
            return Value::none();
        });
    rt.loopClass = c;
    moduleSet(vm, module, "EventLoop", Value::object(c));
}

} // namespace loopscope
