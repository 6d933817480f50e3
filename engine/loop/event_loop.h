#pragma once
// The event loop in C++, mirroring CPython's BaseEventLoop (Lib/asyncio/base_events.py): a
// FIFO ready queue, the timer heap, and runOnce(), the only place where callbacks and task
// steps run. The selector never waits: when nothing is ready, the virtual clock jumps to the
// earliest deadline (runOnce, event_loop.cpp). asyncio.py's BaseEventLoop is a Python subclass
// that adds the rest of the loop's API (exception handlers, run_until_complete, ...).

#include <cstdint>
#include <deque>
#include <string>

#include "../object.h"
#include "handle.h"
#include "timers.h"

namespace loopscope {

class VM;
struct TaskObj;
struct SleepObj;
struct SleepTimer;
struct AsyncioRuntime;

struct EventLoopObj final : NativeObj {
    explicit EventLoopObj(ClassObj* cls);

    // Small fields first: they share the tail padding of NativeObj.
    bool stopping = false;
    bool closed = false;
    bool running = false;
    bool fatal = false;     // a limit or a deadlock ended the run: nothing more may run
    HandleId runningHandle; // the handle runOnce is running, for StepBegan
    uint32_t timerCancelledCount = 0;
    uint64_t passes = 0;
    TaskObj* currentTask = nullptr; // the task whose step is running (kept alive by that step)
    std::deque<ReadyItem> ready;
    TimerHeap timers;

    // -- Scheduling (call_soon and friends); each writes ReadyPushed or TimerScheduled --------
    void callSoonStep(VM& vm, TaskObj* task, Value exc);
    // callSoonStep(task, no exception) from the step of [task] that yielded bare and is about to
    // end at [line]: true when its StepEnded (wait=Ready) was written along with the ReadyPushed,
    // folded into its StepBegan (TraceEvents::foldStepYieldedBare); false when only the
    // ReadyPushed was, as callSoonStep writes it, and the step writes its StepEnded itself.
    bool callSoonStepYieldedBare(VM& vm, TaskObj* task, uint32_t line);
    // A done callback of [future]: wakes a task when [callback] is a TaskObj, else calls it.
    void callSoonDone(VM& vm, Value callback, Value future);
    Value callSoon(VM& vm, Value callback, Value args);
    Value callAt(VM& vm, TimerKind kind, Value when, Value callback, Value args);
    // A sleep's timer ([timer] of [sleeper]: a SleepObj, or a task sleeping on its own).
    void scheduleSleep(VM& vm, Obj* sleeper, SleepTimer& timer, TaskId owner);

    // -- Running -------------------------------------------------------------------------------
    // One pass: drop cancelled timers, jump the clock to the next deadline when nothing is
    // ready, move due timers to the ready queue, run what was ready when the pass began.
    void runOnce(VM& vm);
    void runForever(VM& vm);
    void close(VM& vm);

  private:
    void checkClosed(VM& vm) const;
    void pushReady(VM& vm, ReadyItem item, TaskId owner, StringId callbackName);
    void dropCancelledTimers(VM& vm);
    void moveDueTimers(VM& vm);
    void run(VM& vm, ReadyItem& item);
    void reportCallbackError(VM& vm, const ReadyItem& item, const Value& exc);
    void warnSlow(VM& vm, const ReadyItem& item, double took);
    // Ends the run on a limit ([option]: the command-line option that raises it) or a deadlock
    // (null [option]).
    [[noreturn]] void stopRun(VM& vm, const char* type, const std::string& message, const char* option);
    // Nothing is ready and no timer is set: real Python would wait forever. Presses Ctrl+C
    // (AsyncioRuntime::interruptHandler), or ends the run with Deadlock when nothing handles it.
    void onDeadlock(VM& vm);
};

// '; pending: Task-1 (tick) at line 6, ...': where the loop's unfinished tasks stand.
std::string describePending(VM& vm, const EventLoopObj* loop);
// 'no task can make progress: Task-2 (worker) waits on Queue.get; ...'
std::string describeDeadlock(VM& vm, const EventLoopObj* loop);
// Marks each task of [loop] that waits forever (WarningKind::Stuck): the timeline draws it.
void markStuckTasks(VM& vm, const EventLoopObj* loop);

// Creates the native base class of asyncio's event loops and adds it to the _asyncio [module].
void registerEventLoopClass(VM& vm, AsyncioRuntime& rt, const Value& module);

} // namespace loopscope
