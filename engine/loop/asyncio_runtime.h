#pragma once
// The state asyncio's native core keeps for one run: its classes, the exception classes the
// Python side defines (engine/prelude/asyncio.py hands them over through _asyncio._setup),
// the counters that name tasks and handles, the pending tasks in creation order, and the
// running loop. One per VM: VM::asyncio().

#include <cstdint>
#include <string>
#include <vector>

#include "../object.h"
#include "../trace.h"

namespace loopscope {

class VM;
struct TaskObj;
struct EventLoopObj;

// The tasks that have not finished, in creation order (asyncio.all_tasks, the deadlock report,
// "Task was destroyed but it is pending!"). Like the pure-Python asyncio model it replaces, it
// holds a reference to each until the task finishes. Removal leaves a hole that is compacted
// away once holes are the majority, so both operations stay O(1) amortised.
class PendingTasks {
  public:
    ~PendingTasks();
    void add(TaskObj* task);
    void remove(TaskObj* task);
    size_t size() const { return live_; }
    // Calls [fn](TaskObj*) for each pending task in creation order; [fn] may not add or remove.
    template <class Fn> void forEach(Fn&& fn) const
    {
        for (TaskObj* task : tasks_)
            if (task)
                fn(task);
    }
    std::vector<TaskObj*> inOrder() const;
    void releaseAll();

  private:
    std::vector<TaskObj*> tasks_;
    size_t live_ = 0;
};

struct AsyncioRuntime {
    // Native classes (asyncio_module.cpp creates them).
    ClassObj* futureClass = nullptr;
    ClassObj* taskClass = nullptr;
    ClassObj* loopClass = nullptr;
    ClassObj* handleClass = nullptr;
    ClassObj* timerHandleClass = nullptr;
    ClassObj* futureIterClass = nullptr;
    ClassObj* sleepClass = nullptr; // asyncio.sleep()'s coroutine: Python sees a 'coroutine'
    ClassObj* queueClass = nullptr;
    ClassObj* queueCallClass = nullptr;

    // Names the core looks up on Python objects, interned once.
    struct {
        StrObj *cancel, *result, *addDoneCallback, *asyncioFutureBlocking, *loop, *callExceptionHandler,
            *getEventLoop, *put, *get, *queuePutLabel, *setResultUnlessCancelled;
    } names{};

    // Exceptions defined by the Python side (asyncio.py), set by _asyncio._setup().
    Value cancelledError, invalidStateError, queueEmpty, queueFull;

    // Task-N names come from one counter, as in CPython, including asyncio's internal tasks.
    // Tasks named by the program take ids from a range of their own, so that the trace derives
    // "Task-N" from the id of every default-named task without storing the name.
    uint32_t taskNameCounter = 0;
    uint32_t unnumberedTaskCounter = 0;
    static constexpr uint32_t kUnnumberedTaskIds = 0x40000000;
    // Handle ids are unique across loops, so a trace of two asyncio.run() calls stays clear.
    uint32_t handleCounter = 0;

    // asyncio.sleep itself, which the VM recognises in `await asyncio.sleep(...)`, and what such
    // an await delegates to: the shared sleep(0) that has yielded, the stand-in for the running
    // task's own sleep (sleep.h, sleepAwaitedAtOnce).
    Value sleepFunction, sleepYielded, taskSleep;

    PendingTasks pending;
    Value runningLoop; // EventLoopObj, or Empty
    // The contextvars module once the program made a ContextVar (_asyncio._use_contextvars):
    // until then every context is empty, so tasks carry none and steps switch none.
    Value contextvars;

    // A deadlock ends as Ctrl+C on asyncio.run ends (SPEC.md section 3): Runner.run installs
    // its handler here as CPython installs its SIGINT handler (_asyncio._set_interrupt_handler);
    // the loop calls it where the selector would wait forever (EventLoopObj::onDeadlock).
    Value interruptHandler;          // a callable, or Empty: no asyncio.run to interrupt
    std::string deadlockDescription; // who waited on what when the program first got stuck
    bool deadlocked = false;

    // The run's peak heap and pending tasks (RunStats), noted at each pass of a loop.
    size_t maxPendingTasks = 0;
    int64_t heapAtLoopStart = -1;
    int64_t peakHeap = 0;
    void notePass(VM& vm);

    HandleId nextHandleId() { return HandleId{++handleCounter}; }
    EventLoopObj* running() const;

    // The trace's string id of [text] (a callback's or coroutine's name, a wait label), from a
    // small cache checked against the text, so that steps and callbacks hash no strings.
    StringId traceName(VM& vm, const StrObj* text);
    // The trace's string id of waitDescription([kind]) ("a timer", "Queue.get"), or 0.
    StringId waitDescriptionId(VM& vm, WaitKind kind);

  private:
    struct NameCacheEntry {
        const StrObj* text = nullptr;
        std::string copy; // the text it had: an address may be reused by another string
        StringId id;
    };
    NameCacheEntry nameCache_[64];
    StringId waitDescriptionIds_[32] = {};
    bool waitDescriptionsInterned_ = false;
};

} // namespace loopscope
