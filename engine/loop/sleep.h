#pragma once
// asyncio.sleep() in C++. Python sees a coroutine named 'sleep', as in CPython; inside, one
// object is both that coroutine and the future the task waits on, whose timer sets its result
// (CPython: a Future plus a TimerHandle calling _set_result_unless_cancelled). The trace is the
// same: TimerScheduled (kind Sleep), TimerFired, CallbackRan '_set_result_unless_cancelled',
// and HandleCancelled when the sleep is cancelled before its timer ran.

#include "future.h"

namespace loopscope {

struct TaskObj;
struct Frame;

// A sleep's timer, as CPython's TimerHandle of _set_result_unless_cancelled: scheduled in the
// loop's heap, then queued in the ready queue when it fires, until it runs or is cancelled.
struct SleepTimer {
    double when = 0; // the deadline
    HandleId id;
    bool scheduled = false; // in the loop's timer heap
    bool queued = false;    // fired, waiting in the ready queue
    bool cancelled = false;
};

struct SleepObj final : FutureObj {
    explicit SleepObj(ClassObj* cls, Value delay, Value result);
    ~SleepObj() override;

    enum class Stage : uint8_t { Created, YieldedOnce, Waiting, Done };
    Stage stage = Stage::Created;
    bool delayIsNumber = true; // the delay is in [timer.when] until the coroutine starts; else in rare
    TaskId owner;              // the task that slept, for the trace of its timer
    SleepTimer timer;          // [when]: the delay until the coroutine starts, then the deadline

    ResumeStatus resumeAwait(VM& vm, Value send, Value throwExc, Value& out) override;
    void closeAwait(VM& vm) override;
    const char* coroutineQualname() const override { return "sleep"; }
    // The timer ran: the sleep's future gets its result unless it was cancelled.
    void timerFired(VM& vm);
    // The timer handle's cancel(), as sleep's `finally: h.cancel()`.
    void cancelTimer(VM& vm);
    // The timer handle's cancel() for [timer] of [owner]'s sleep, a SleepObj's or a task's own.
    static void cancelTimer(VM& vm, EventLoopObj* loop, SleepTimer& timer, TaskId owner);
};

// asyncio.sleep(0) (any delay that is a number <= 0): yields None once, so that the task goes
// round the ready queue, then returns the result. No future, no timer.
struct SleepZeroObj final : NativeObj {
    SleepZeroObj(ClassObj* cls, Value r) : NativeObj(cls, NativeKind::SleepZero), result(std::move(r)) {}
    ~SleepZeroObj() override;

    enum class Stage : uint8_t { Created, Yielded, Done };
    Stage stage = Stage::Created;
    // The run's one shared sleep(0) that has yielded (AsyncioRuntime::sleepYielded): it stays
    // Yielded, every resume returns None (see sleepAwaitedAtOnce).
    bool shared = false;
    Value result;

    ResumeStatus resumeAwait(VM& vm, Value send, Value throwExc, Value& out) override;
    void closeAwait(VM&) override
    {
        if (!shared)
            stage = Stage::Done;
    }
    const char* coroutineQualname() const override { return "sleep"; }
};

// `await asyncio.sleep(0)` with the call's result awaited at once (CALL, then GET_AWAITABLE,
// LOAD_CONST None, SEND: the VM checks the instructions) needs no object of its own: the frame
// is left as the sleep's first SEND would leave it, delegating to the run's shared sleep(0) that
// has already yielded, so resuming, throwing into, closing and inspecting it (cr_await, the
// stacks) behave as with a sleep of its own (sleepAwaitedAtOnce below).

// `await asyncio.sleep(delay)` (delay a number > 0, no result) straight in a coroutine its task
// is running, or in a coroutine such a coroutine awaits, needs no object either: the task sleeps
// on its own (TaskObj::ownSleep, TaskObj::sleepTimer), its timer in the heap is the task itself,
// and the frames delegate to the run's one TaskSleepObj, which acts for the sleep of the task
// whose step resumes it. The trace, the task's state and cancellation are as with a SleepObj: a
// sleep made and awaited later, or handed to gather, wait_for or ensure_future, is a SleepObj.
struct TaskSleepObj final : NativeObj {
    explicit TaskSleepObj(ClassObj* cls) : NativeObj(cls, NativeKind::TaskSleep) {}
    ResumeStatus resumeAwait(VM& vm, Value send, Value throwExc, Value& out) override;
    void closeAwait(VM& vm) override;
    const char* coroutineQualname() const override { return "sleep"; }
};

// What a task's own sleep stands at (as the state of the future a SleepObj would be).
enum class OwnSleep : uint8_t { None, Pending, Finished, Cancelled };

// The awaitable that `await asyncio.sleep(...)` delegates to when its call (sleep's arguments
// [a], in [frame]) is awaited at once and needs no object: the shared sleep(0) that has yielded,
// or, after starting the running task's own sleep (TimerScheduled), the TaskSleepObj. Null when
// the call must make its sleep as usual. [yielded]: what the sleep's first SEND yields.
NativeObj* sleepAwaitedAtOnce(VM& vm, const CallArgs& a, Frame* frame, Value& yielded);

// A task's own sleep is cancelled (Task.cancel while it sleeps): as the future's cancel(msg),
// the task's wakeup is queued. False when it was done already.
bool cancelOwnSleep(VM& vm, TaskObj* task, Value message);
// The CancelledError the task's wakeup throws in after cancelOwnSleep.
Value ownSleepCancelledError(VM& vm, TaskObj* task);
// A task dies while it sleeps on its own: its timer is cancelled, as the sleep's close would.
void dropOwnSleep(VM& vm, TaskObj* task);

// What runs when a sleep's timer fires (a SleepObj's, or a task's own: sleepTimerOf in task.h).
void sleepTimerFired(VM& vm, Obj* timer);
// The (future, result) a failing _set_result_unless_cancelled reports.
Value sleepTimerCallbackArgs(VM& vm, Obj* timer);

// A sleep's deadline, for StepEnded.
double sleepDeadline(const FutureObj* sleep);

// Creates asyncio.sleep and its coroutine class and adds sleep to the _asyncio [module].
void registerSleep(VM& vm, AsyncioRuntime& rt, const Value& module);

} // namespace loopscope
