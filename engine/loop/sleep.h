#pragma once
// asyncio.sleep() in C++. Python sees a coroutine named 'sleep', as in CPython; inside, one
// object is both that coroutine and the future the task waits on, whose timer sets its result
// (CPython: a Future plus a TimerHandle calling _set_result_unless_cancelled). The trace is the
// same: TimerScheduled (kind Sleep), TimerFired, CallbackRan '_set_result_unless_cancelled',
// and HandleCancelled when the sleep is cancelled before its timer ran.

#include "future.h"

namespace loopscope {

struct SleepObj final : FutureObj {
    explicit SleepObj(ClassObj* cls, Value delay, Value result);
    ~SleepObj() override;

    enum class Stage : uint8_t { Created, YieldedOnce, Waiting, Done };
    Stage stage = Stage::Created;
    bool timerScheduled = false; // in the loop's timer heap
    bool timerQueued = false;    // fired, waiting in the ready queue
    bool timerCancelled = false;
    bool delayIsNumber = true; // the delay is in [when] until the coroutine starts; else in rare
    HandleId timer;
    TaskId owner; // the task that slept, for the trace of its timer
    double when = 0; // the delay until the coroutine starts, then the deadline

    ResumeStatus resumeAwait(VM& vm, Value send, Value throwExc, Value& out) override;
    void closeAwait(VM& vm) override;
    const char* coroutineQualname() const override { return "sleep"; }
    // The timer ran: the sleep's future gets its result unless it was cancelled.
    void timerFired(VM& vm);
    // The timer handle's cancel(), as sleep's `finally: h.cancel()`.
    void cancelTimer(VM& vm);
};

// asyncio.sleep(0) (any delay that is a number <= 0): yields None once, so that the task goes
// round the ready queue, then returns the result. No future, no timer.
struct SleepZeroObj final : NativeObj {
    SleepZeroObj(ClassObj* cls, Value r) : NativeObj(cls, NativeKind::SleepZero), result(std::move(r)) {}
    ~SleepZeroObj() override;

    enum class Stage : uint8_t { Created, Yielded, Done };
    Stage stage = Stage::Created;
    Value result;

    ResumeStatus resumeAwait(VM& vm, Value send, Value throwExc, Value& out) override;
    void closeAwait(VM&) override { stage = Stage::Done; }
    const char* coroutineQualname() const override { return "sleep"; }
};

// A sleep's deadline, for StepEnded.
double sleepDeadline(const FutureObj* sleep);

// Creates asyncio.sleep and its coroutine class and adds sleep to the _asyncio [module].
void registerSleep(VM& vm, AsyncioRuntime& rt, const Value& module);

} // namespace loopscope
