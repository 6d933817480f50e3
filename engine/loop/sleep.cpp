// asyncio.sleep(delay, result=None) as a native coroutine. Its life, step by step as CPython's
// `async def sleep` (Lib/asyncio/tasks.py):
//   delay <= 0: yield None once (the task goes round the ready queue), then return result;
//   else: schedule a timer at now + delay, await the future (yield it to the task), and when
//   resumed return its result, cancelling the timer on the way out (`finally: h.cancel()`).

#include "sleep.h"

#include "../vm.h"
#include "asyncio_runtime.h"
#include "event_loop.h"
#include "native_args.h"
#include "native_coroutine.h"
#include "task.h"

namespace loopscope {

SleepObj::SleepObj(ClassObj* c, Value delay, Value result) : FutureObj(c, NativeKind::Sleep)
{
    waitKind = WaitKind::Timer;
    setOutcome(std::move(result)); // the value to return (and to set as the future's result)
    // Kept as it was given: CPython compares and adds it when the coroutine runs, raising there.
    if (delay.isNumber()) {
        timer.when = delay.toDouble();
    } else {
        delayIsNumber = false;
        rareFields().sleepDelay = std::move(delay);
    }
}

SleepObj::~SleepObj()
{
    // CPython warns when a coroutine object dies without ever being awaited.
    if (stage == Stage::Created) {
        VM& vm = VM::current();
        if (!vm.tearingDown)
            vm.warnNeverAwaited(coroutineQualname());
    }
}

double sleepDeadline(const FutureObj* sleep)
{
    return static_cast<const SleepObj*>(sleep)->timer.when;
}

void SleepObj::cancelTimer(VM& vm, EventLoopObj* loop, SleepTimer& timer, TaskId owner)
{
    if (timer.cancelled)
        return;
    if (timer.scheduled && loop)
        ++loop->timerCancelledCount;
    // Also after it fired: it may wait in the ready queue, where the loop will skip it.
    if (timer.scheduled || timer.queued)
        vm.record(TraceEvent::handleCancelled(vm.now(), owner, timer.id));
    timer.cancelled = true;
}

void SleepObj::cancelTimer(VM& vm)
{
    if (stage != Stage::Created)
        cancelTimer(vm, loop, timer, owner);
}

void SleepObj::timerFired(VM& vm)
{
    // _set_result_unless_cancelled(future, result)
    if (state == FutureState::Cancelled)
        return;
    setResult(vm, outcome());
}

ResumeStatus SleepObj::resumeAwait(VM& vm, Value send, Value throwExc, Value& out)
{
    const Value self = Value::object(this);
    switch (stage) {
    case Stage::Created: {
        if (!throwExc.isEmpty()) {
            stage = Stage::Done;
            vm.raiseValue(std::move(throwExc));
        }
        if (!send.isNone() && !send.isEmpty())
            vm.raise(ExcType::TypeError, "can't send non-None value to a just-started coroutine");
        stage = Stage::Done; // until it is really waiting, an error ends it
        Value delay = delayIsNumber ? Value::floating(timer.when) : std::move(rare->sleepDelay);
        if (delayIsNumber ? timer.when <= 0 : vm.compare(delay, Value::integer(0), CompareKind::Le)) {
            stage = Stage::YieldedOnce;
            out = Value::none();
            return ResumeStatus::Yielded;
        }
        EventLoopObj* running = vm.asyncio().running();
        if (!running)
            vm.raise(ExcType::RuntimeError, "no running event loop");
        timer.when = delayIsNumber
                         ? vm.now() + timer.when
                         : vm.toDouble(vm.binaryOp(BinaryOp::Add, Value::floating(vm.now()), delay));
        setLoop(running);
        if (running->currentTask)
            owner = running->currentTask->id;
        running->scheduleSleep(vm, this, timer, owner);
        stage = Stage::Waiting;
        blocking = true;
        out = self;
        return ResumeStatus::Yielded;
    }
    case Stage::YieldedOnce:
        stage = Stage::Done;
        if (!throwExc.isEmpty())
            vm.raiseValue(std::move(throwExc));
        out = outcome();
        return ResumeStatus::Returned;
    case Stage::Waiting:
        if (throwExc.isEmpty() && state == FutureState::Pending) {
            if (!blocking) {
                blocking = true;
                out = self;
                return ResumeStatus::Yielded;
            }
            throwExc = vm.newException(ExcType::RuntimeError, "await wasn't used with future");
        }
        stage = Stage::Done;
        cancelTimer(vm);
        if (!throwExc.isEmpty())
            vm.raiseValue(std::move(throwExc));
        out = result(vm);
        return ResumeStatus::Returned;
    case Stage::Done:
        break;
    }
    if (!throwExc.isEmpty())
        vm.raiseValue(std::move(throwExc));
    vm.raise(ExcType::RuntimeError, "cannot reuse already awaited coroutine");
}

SleepZeroObj::~SleepZeroObj()
{
    if (stage == Stage::Created) {
        VM& vm = VM::current();
        if (!vm.tearingDown)
            vm.warnNeverAwaited(coroutineQualname());
    }
}

ResumeStatus SleepZeroObj::resumeAwait(VM& vm, Value send, Value throwExc, Value& out)
{
    switch (stage) {
    case Stage::Created:
        stage = Stage::Done;
        if (!throwExc.isEmpty())
            vm.raiseValue(std::move(throwExc));
        if (!send.isNone() && !send.isEmpty())
            vm.raise(ExcType::TypeError, "can't send non-None value to a just-started coroutine");
        stage = Stage::Yielded;
        out = Value::none();
        return ResumeStatus::Yielded;
    case Stage::Yielded:
        if (!shared)
            stage = Stage::Done;
        if (!throwExc.isEmpty())
            vm.raiseValue(std::move(throwExc));
        out = shared ? Value::none() : std::move(result);
        return ResumeStatus::Returned;
    case Stage::Done:
        break;
    }
    if (!throwExc.isEmpty())
        vm.raiseValue(std::move(throwExc));
    vm.raise(ExcType::RuntimeError, "cannot reuse already awaited coroutine");
}

void SleepObj::closeAwait(VM& vm)
{
    if (stage == Stage::Waiting)
        cancelTimer(vm);
    stage = Stage::Done;
}

// Whether sleep([delay]) only yields once (SleepZeroObj) rather than waiting on a timer.
static bool yieldsAtOnce(const Value& delay)
{
    return (delay.isNumber() && delay.toDouble() <= 0) || (delay.isIntLike() && delay.asInt() <= 0);
}

// -- A task's own sleep ------------------------------------------------------------------------

namespace {

// Whether [f] runs for [task]: it is the frame of the task's coroutine, or of a coroutine that
// one awaits right now (its SEND running, the awaitable under the value sent), and so on. A
// coroutine driven by hand (coro.send()) is not: what it yields goes to its caller, not the task.
bool runsForTask(Frame* f, const TaskObj* task)
{
    const Obj* own = task->coro.get();
    for (;;) {
        GeneratorObj* gen = f->generator();
        if (!gen || gen->genKind != GeneratorKind::Coroutine)
            return false;
        if (gen == own)
            return true;
        Frame* parent = f->back;
        if (!parent || !parent->generator() || parent->ip == 0 ||
            Op(parent->code->code[parent->ip - 1] & 0xff) != Op::SEND ||
            parent->sp - 2 < parent->stackBase() || !parent->sp[-2].isObject() ||
            parent->sp[-2].asObject() != gen)
            return false;
        f = parent;
    }
}

// The sleep's future is done: the task's wakeup, its done callback, is queued, and the reference
// the callback held (TaskObj::waitOn) goes with it to the ready queue.
void wakeOwnSleeper(VM& vm, TaskObj* task)
{
    if (!task->ownSleepWaiting || !task->loop)
        return;
    task->ownSleepWaiting = false;
    Value self = Value::object(task);
    --task->refcount; // the callback's reference, now [self]'s
    task->loop->callSoonDone(vm, std::move(self), vm.asyncio().taskSleep);
}

// The sleep coroutine ends (resumed, closed): `finally: h.cancel()`.
void endOwnSleep(VM& vm, TaskObj* task)
{
    task->ownSleep = OwnSleep::None;
    SleepObj::cancelTimer(vm, task->loop, task->sleepTimer, task->id);
    if (task->rare)
        task->rare->sleepCancelMessage = Value();
    if (task->ownSleepWaiting) {
        // Thrown into or closed before the sleep was done: the future and its callback go.
        task->ownSleepWaiting = false;
        --task->refcount; // the task runs: its step holds it too
    }
}

TaskObj* runningTask(VM& vm)
{
    EventLoopObj* loop = vm.asyncio().running();
    return loop ? loop->currentTask : nullptr;
}

} // namespace

NativeObj* sleepAwaitedAtOnce(VM& vm, const CallArgs& a, Frame* frame, Value& yielded)
{
    if (a.count != 1 || a.kwNames)
        return nullptr;
    AsyncioRuntime& rt = vm.asyncio();
    const Value& delay = a.args[0];
    if (yieldsAtOnce(delay)) {
        yielded = Value::none();
        return rt.sleepYielded.as<NativeObj>();
    }
    if (!delay.isNumber())
        return nullptr;
    EventLoopObj* loop = rt.running();
    TaskObj* task = loop ? loop->currentTask : nullptr;
    // The task's last timer, cancelled, may still be in the heap or the ready queue, where the
    // loop reads its state: until it leaves, a sleep of its own would share that state.
    if (!task || task->loop != loop || loop->closed || task->ownSleep != OwnSleep::None ||
        task->sleepTimer.scheduled || task->sleepTimer.queued || !runsForTask(frame, task))
        return nullptr;
    // As SleepObj's first resume: the deadline, the timer, then the future yielded to the task.
    task->sleepTimer = SleepTimer{};
    task->sleepTimer.when = vm.now() + delay.toDouble();
    loop->scheduleSleep(vm, task, task->sleepTimer, task->id);
    task->ownSleep = OwnSleep::Pending;
    yielded = rt.taskSleep;
    return rt.taskSleep.as<NativeObj>();
}

bool cancelOwnSleep(VM& vm, TaskObj* task, Value message)
{
    if (task->ownSleep != OwnSleep::Pending)
        return false;
    task->ownSleep = OwnSleep::Cancelled;
    if (!message.isEmpty() && !message.isNone())
        task->rareFields().sleepCancelMessage = std::move(message);
    wakeOwnSleeper(vm, task);
    return true;
}

Value ownSleepCancelledError(VM& vm, TaskObj* task)
{
    const Value& cls = vm.asyncio().cancelledError;
    const Value message = task->rare ? task->rare->sleepCancelMessage : Value();
    if (!isKind(cls, ObjKind::Class))
        return vm.newException(ExcType::RuntimeError, "cancelled");
    if (message.isEmpty() || message.isNone())
        return vm.newException(cls.as<ClassObj>(), {});
    return vm.newException(cls.as<ClassObj>(), {message});
}

void dropOwnSleep(VM& vm, TaskObj* task)
{
    if (task->ownSleep == OwnSleep::None)
        return;
    task->ownSleep = OwnSleep::None;
    if (!vm.tearingDown && !vm.stopping())
        SleepObj::cancelTimer(vm, task->loop, task->sleepTimer, task->id);
}

ResumeStatus TaskSleepObj::resumeAwait(VM& vm, Value send, Value throwExc, Value& out)
{
    (void)send;
    TaskObj* task = runningTask(vm);
    if (!task || task->ownSleep == OwnSleep::None) {
        // Resumed outside its task's step (a program driving a task's coroutine by hand).
        if (!throwExc.isEmpty())
            vm.raiseValue(std::move(throwExc));
        vm.raise(ExcType::RuntimeError, "cannot reuse already awaited coroutine");
    }
    const OwnSleep state = task->ownSleep;
    if (throwExc.isEmpty() && state == OwnSleep::Pending) {
        // As a SleepObj resumed before its future is done: the future is yielded again.
        out = Value::object(this);
        return ResumeStatus::Yielded;
    }
    Value cancelled =
        throwExc.isEmpty() && state == OwnSleep::Cancelled ? ownSleepCancelledError(vm, task) : Value();
    endOwnSleep(vm, task);
    if (!throwExc.isEmpty())
        vm.raiseValue(std::move(throwExc));
    if (!cancelled.isEmpty())
        vm.raiseValue(std::move(cancelled));
    out = Value::none();
    return ResumeStatus::Returned;
}

void TaskSleepObj::closeAwait(VM& vm)
{
    if (TaskObj* task = runningTask(vm); task && task->ownSleep != OwnSleep::None)
        endOwnSleep(vm, task);
}

// -- The timer, whoever sleeps ---------------------------------------------------------------

void sleepTimerFired(VM& vm, Obj* timer)
{
    auto* native = static_cast<NativeObj*>(timer);
    if (native->nativeKind == NativeKind::Sleep) {
        static_cast<SleepObj*>(native)->timerFired(vm);
        return;
    }
    // _set_result_unless_cancelled(future, None)
    auto* task = static_cast<TaskObj*>(native);
    if (task->ownSleep != OwnSleep::Pending)
        return;
    task->ownSleep = OwnSleep::Finished;
    wakeOwnSleeper(vm, task);
}

Value sleepTimerCallbackArgs(VM& vm, Obj* timer)
{
    auto* native = static_cast<NativeObj*>(timer);
    if (native->nativeKind == NativeKind::Task)
        return vm.newTuple({vm.asyncio().taskSleep, Value::none()});
    return vm.newTuple({Value::object(native), static_cast<SleepObj*>(native)->outcome()});
}

void registerSleep(VM& vm, AsyncioRuntime& rt, const Value& module)
{
    rt.sleepClass = makeNativeCoroutineClass(vm);
    auto* yielded = new SleepZeroObj(rt.sleepClass, Value::none());
    yielded->stage = SleepZeroObj::Stage::Yielded;
    yielded->shared = true;
    rt.sleepYielded = Value::object(yielded);
    rt.taskSleep = Value::object(new TaskSleepObj(rt.sleepClass));
    rt.sleepFunction = vm.newNative("sleep", [](VM& vm, const CallArgs& a) {
        // sleep(delay, result=None): a coroutine; nothing happens until it is awaited.
        const Value* delay = argOrKeyword(a, 0, "delay");
        if (!delay)
            vm.raise(ExcType::TypeError, "sleep() missing 1 required positional argument: 'delay'");
        const Value* result = argOrKeyword(a, 1, "result");
        // A number <= 0 makes the sleep that only yields once; anything else is compared when
        // the coroutine runs, where CPython would raise for it.
        if (yieldsAtOnce(*delay))
            return Value::object(new SleepZeroObj(vm.asyncio().sleepClass, result ? *result : Value::none()));
        return Value::object(new SleepObj(vm.asyncio().sleepClass, *delay, result ? *result : Value::none()));
    });
    moduleSet(vm, module, "sleep", rt.sleepFunction);
}

} // namespace loopscope
