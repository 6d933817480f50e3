#pragma once
// asyncio.Task in C++: a coroutine wrapped in a future, advanced by the loop one step at a
// time. Where a task resumes: TaskObj::step (task.cpp), the only place a task's coroutine is
// sent a value or thrown an exception; TaskObj::wakeup calls it when an awaited future is done.

#include <string>

#include "future.h"
#include "sleep.h"

namespace loopscope {

struct TaskObj final : FutureObj {
    explicit TaskObj(ClassObj* cls);
    ~TaskObj() override;

    TaskId id;
    uint32_t registrySlot = 0;        // its place in AsyncioRuntime::pending while it runs
    uint16_t numCancelsRequested = 0; // cancelling()
    bool mustCancel = false;          // cancel() came while no future could take it
    bool logDestroyPending = true;    // "Task was destroyed but it is pending!" when closed early
    // Its own sleep (sleep.h, TaskSleepObj): `await asyncio.sleep(d)` with no sleep object.
    OwnSleep ownSleep = OwnSleep::None;
    bool ownSleepWaiting = false; // it waits on that sleep: holds the reference its wakeup will
    ObjRef coro;                  // the coroutine (or generator) it drives
    ObjRef waiter;                // _fut_waiter: the future it waits on (or the TaskSleepObj), or none
    // Its own sleep's timer; in the heap, the task stands for it. Kept last: the loop fetches
    // the task's last cache line ahead for it (event_loop.cpp, prefetchTimer).
    SleepTimer sleepTimer;

    // One step: sends None (or throws [exc]) into the coroutine, then waits on what it yielded
    // or finishes the task. Emits StepBegan and StepEnded (and TaskFinished).
    void step(VM& vm, Value exc);
    // The awaited [future] is done: steps with its result or exception.
    void wakeup(VM& vm, const Value& future);
    // Task.cancel(msg).
    bool cancel(VM& vm, Value message);
    // The name it was given (name=, set_name()), or null: it is "Task-<id>". Kept in the rare
    // block: most tasks are never named (168 -> 160 bytes, a 16-byte size class less).
    StrObj* givenName() const
    {
        return rare && rare->taskName.isObject() ? rare->taskName.as<StrObj>() : nullptr;
    }
    std::string taskName() const;
    std::string repr(VM& vm);

  private:
    void waitOn(VM& vm, const Value& yielded);
    void finished(VM& vm);
};

// The sleep timer a timer heap entry or a SleepTimer ready item holds (a SleepObj, or a task
// sleeping on its own), or null for a handle; and its owner. Inline: the loop reads them for
// every timer it pops or drops.
inline SleepTimer* sleepTimerOf(Obj* timer)
{
    auto* native = static_cast<NativeObj*>(timer);
    if (native->nativeKind == NativeKind::Sleep)
        return &static_cast<SleepObj*>(native)->timer;
    if (native->nativeKind == NativeKind::Task)
        return &static_cast<TaskObj*>(native)->sleepTimer;
    return nullptr;
}
inline TaskId sleepTimerOwner(const Obj* timer)
{
    const auto* native = static_cast<const NativeObj*>(timer);
    return native->nativeKind == NativeKind::Task ? static_cast<const TaskObj*>(native)->id
                                                  : static_cast<const SleepObj*>(native)->owner;
}

// The scenario line a coroutine is suspended at (its innermost scenario frame), the first line
// of one not started yet, or 0 when it finished or is not a Python coroutine.
uint32_t coroutineLine(const Value& coro);
// A coroutine's __name__, as TaskCreated and asyncio's reports name it.
std::string coroutineName(VM& vm, const Value& coro);
// "main() running at FILE:LINE" or "main() done, defined at FILE:LINE", as CPython's task repr.
std::string formatCoroutine(VM& vm, const Value& coro);
// asyncio.iscoroutine(): coroutines, generators, and native coroutines (asyncio.sleep()).
bool isCoroutineLike(const Value& v);
// What [task] waits on (its waiter), for StepEnded: the kind, the awaited task's id (or a trace
// StringId naming what is awaited) and, for a timer, its deadline.
void describeWait(VM& vm, const TaskObj& task, WaitKind& kind, uint32_t& target, double& deadline);
// What [task] waits on: the deadline of the sleep it waits on, or 0.
double waitDeadline(const TaskObj& task);
// The plain words for what waiting on [kind] means ("a timer", "Queue.get"), or "" for kinds
// that name nothing awaited (Ready, None, Other).
std::string_view waitDescription(WaitKind kind);
// What a task waits on, for the deadlock report: a task's name, a label, or a description.
std::string waiterDescription(const Value& waiter);

// Creates Task and adds it to the _asyncio [module].
void registerTaskClass(VM& vm, AsyncioRuntime& rt, const Value& module);
// Task(coro, loop=..., name=...): [numbered] takes a Task-N number even when named (asyncio.create_task).
Value createTask(VM& vm, ClassObj* cls, const Value& coro, EventLoopObj* loop, const Value& name,
                 bool numbered, const Value& context = Value());

} // namespace loopscope
