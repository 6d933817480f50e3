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

namespace loopscope {

SleepObj::SleepObj(ClassObj* c, Value delay, Value result) : FutureObj(c, NativeKind::Sleep)
{
    waitKind = WaitKind::Timer;
    outcome = std::move(result); // the value to return (and to set as the future's result)
    // Kept as it was given: CPython compares and adds it when the coroutine runs, raising there.
    if (delay.isNumber()) {
        when = delay.toDouble();
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
    return static_cast<const SleepObj*>(sleep)->when;
}

void SleepObj::cancelTimer(VM& vm)
{
    if (timerCancelled || stage == Stage::Created)
        return;
    if (timerScheduled && loop)
        ++loop->timerCancelledCount;
    // Also after it fired: it may wait in the ready queue, where the loop will skip it.
    if (timerScheduled || timerQueued)
        vm.record(TraceEvent::handleCancelled(vm.now(), owner, timer));
    timerCancelled = true;
}

void SleepObj::timerFired(VM& vm)
{
    // _set_result_unless_cancelled(future, result)
    if (state == FutureState::Cancelled)
        return;
    setResult(vm, outcome);
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
        Value delay = delayIsNumber ? Value::floating(when) : std::move(rare->sleepDelay);
        if (delayIsNumber ? when <= 0 : vm.compare(delay, Value::integer(0), CompareKind::Le)) {
            stage = Stage::YieldedOnce;
            out = Value::none();
            return ResumeStatus::Yielded;
        }
        EventLoopObj* running = vm.asyncio().running();
        if (!running)
            vm.raise(ExcType::RuntimeError, "no running event loop");
        when = delayIsNumber ? vm.now() + when
                             : vm.toDouble(vm.binaryOp(BinaryOp::Add, Value::floating(vm.now()), delay));
        setLoop(running);
        running->scheduleSleep(vm, this);
        stage = Stage::Waiting;
        blocking = true;
        out = self;
        return ResumeStatus::Yielded;
    }
    case Stage::YieldedOnce:
        stage = Stage::Done;
        if (!throwExc.isEmpty())
            vm.raiseValue(std::move(throwExc));
        out = outcome;
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
        stage = Stage::Done;
        if (!throwExc.isEmpty())
            vm.raiseValue(std::move(throwExc));
        out = std::move(result);
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

void registerSleep(VM& vm, AsyncioRuntime& rt, const Value& module)
{
    rt.sleepClass = makeNativeCoroutineClass(vm);
    moduleAddFunction(vm, module, "sleep", [](VM& vm, const CallArgs& a) {
        // sleep(delay, result=None): a coroutine; nothing happens until it is awaited.
        const Value* delay = argOrKeyword(a, 0, "delay");
        if (!delay)
            vm.raise(ExcType::TypeError, "sleep() missing 1 required positional argument: 'delay'");
        const Value* result = argOrKeyword(a, 1, "result");
        // A number <= 0 makes the sleep that only yields once; anything else is compared when
        // the coroutine runs, where CPython would raise for it.
        if ((delay->isNumber() && delay->toDouble() <= 0) || (delay->isIntLike() && delay->asInt() <= 0))
            return Value::object(new SleepZeroObj(vm.asyncio().sleepClass, result ? *result : Value::none()));
        return Value::object(new SleepObj(vm.asyncio().sleepClass, *delay, result ? *result : Value::none()));
    });
}

} // namespace loopscope
