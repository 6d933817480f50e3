#pragma once
// The loop's state at any moment of a recorded run, derived from the trace alone: the ready
// queue in order, the pending timers by deadline, every task created so far with its phase and
// what it waits on. Built once per run in one pass over the trace; each query then costs a few
// binary searches plus the size of the state it returns, whatever the moment, so that the
// window steps backwards exactly as fast as forwards. No Qt: unit-tested on its own.
//
// "The moment event E happens" means E and everything before it have taken effect: at a
// StepBegan the handle has left the ready queue and the task runs; at a ClockJumped the clock
// reads the new time and the due timers have not fired yet.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "trace.h"

namespace loopscope {

enum class TaskPhase : uint8_t {
    NotStarted, // created; its first step waits in the ready queue
    Running,    // its step is the one the loop runs
    Suspended,  // parked at an await
    Done,
    Cancelled,
    Failed,
};

// A handle in the ready queue.
struct QueuedHandle {
    HandleId handle;
    HandleKind kind = HandleKind::Callback;
    TaskId task;       // the task it steps or wakes; for a callback, the task it is about (or 0)
    StringId callback; // a callback's function name
    EventIndex since;  // when it joined the queue (ReadyPushed, or TimerFired for a due timer)
    bool fromTimer = false;
};

// A timer in the heap.
struct PendingTimer {
    HandleId handle;
    TimerKind kind = TimerKind::Callback;
    TaskId task; // the task that set it (a sleep's: the sleeper)
    StringId callback;
    double deadline = 0;
    EventIndex scheduled;
};

struct TaskAtMoment {
    TaskId task;
    TaskPhase phase = TaskPhase::NotStarted;
    EventIndex since;  // the event that put it in this phase
    uint32_t line = 0; // Suspended: where it is parked; Running: where it resumed; finished: 0
    WaitKind wait = WaitKind::None;
    TaskId awaited;         // wait == Task
    StringId waitLabel;     // what else it waits on ("Queue.get"), or 0
    double deadline = 0;    // wait == Timer
    int readyPosition = -1; // its step or wake-up's place in the ready queue (0: next), or -1
    bool cancelRequested = false;
};

struct LoopMoment {
    EventIndex at;
    double time = 0;
    TaskId running;                         // the task whose step is in progress, or 0
    EventIndex runningSince;                // its StepBegan
    std::vector<QueuedHandle> ready;        // in the order the loop will run them
    std::vector<PendingTimer> timers;       // by deadline, ties in the order they were set
    std::vector<TaskAtMoment> tasks;        // every task created so far, in creation order
    uint32_t outputLines = 0;               // Output events so far
    std::optional<EventIndex> blockingCall; // a time.sleep() the running step made, holding the loop
    bool loopClosed = false;

    const TaskAtMoment* task(TaskId id) const;
};

class LoopHistory {
  public:
    explicit LoopHistory(std::shared_ptr<const TraceRecorder> trace);

    const TraceRecorder& trace() const { return *trace_; }
    size_t eventCount() const { return trace_->events().size(); }
    TraceEvent event(EventIndex e) const { return trace_->events()[e.value]; }

    // The loop's state the moment [e] happens.
    LoopMoment at(EventIndex e) const;

    // -- Tasks ---------------------------------------------------------------------------------
    bool knowsTask(TaskId task) const;
    // Its name at [when] ("Task-2", or the one set_name() gave), its coroutine ("add_slow").
    std::string taskName(TaskId task, EventIndex when) const;
    std::string coroName(TaskId task) const;
    // "Task-2 add_slow"; "the program" for task 0 (top-level code and plain callbacks).
    std::string taskLabel(TaskId task, EventIndex when) const;
    EventIndex createdAt(TaskId task) const;
    // One of the two tasks asyncio.run adds when it shuts down.
    bool isShutdownTask(TaskId task) const;

    // -- Handles and steps ---------------------------------------------------------------------
    // The next StepBegan or CallbackRan after [e], if any.
    std::optional<EventIndex> nextHandleRun(EventIndex e) const;
    // The StepEnded (or TaskFinished, or the last event) that ends the step begun at [began].
    EventIndex stepEnd(EventIndex began) const;
    // The timer [handle] was, if it was one (for a due timer's callback: what it is for).
    const PendingTimer* timerOf(HandleId handle) const;
    // The last time [handle] joined the ready queue, if it did.
    const QueuedHandle* queuedHandle(HandleId handle) const;
    // The first TaskFinished of [task], if it finished.
    std::optional<EventIndex> finishedAt(TaskId task) const;

  private:
    struct TaskIndex {
        TaskId id;
        EventIndex created;
        StringId coro;
        bool shutdown = false;
        std::vector<uint32_t> phases;  // TaskCreated, StepBegan, StepEnded, TaskFinished
        std::vector<uint32_t> renames; // TaskRenamed
        uint32_t firstCancel = UINT32_MAX;
        uint32_t finished = UINT32_MAX;
    };
    // A stay in the ready queue or the timer heap: from the event it joined to the one it left.
    struct Stay {
        uint32_t joined = 0;
        uint32_t left = UINT32_MAX;
    };
    // The stays of [stays] that cover [e], given their running maximum of [left].
    template <class F>
    static void forEachStayAt(const std::vector<Stay>& stays, const std::vector<uint32_t>& maxLeft,
                              uint32_t e, F&& f);
    void build();
    const TaskIndex* taskIndex(TaskId task) const;
    TaskIndex* taskIndex(TaskId task);

    std::shared_ptr<const TraceRecorder> trace_;
    // Task ids are not dense (a task factory's tasks have ids with a high bit set): tasks are
    // kept in creation order and found through a map.
    std::vector<TaskIndex> tasks_;                    // in creation order
    std::unordered_map<uint32_t, uint32_t> taskSlot_; // task id -> index in tasks_
    std::vector<uint32_t> creationEvents_;            // their TaskCreated events
    std::vector<Stay> readyStays_;                    // in the order handles joined the queue
    std::vector<QueuedHandle> readyHandles_;
    std::vector<uint32_t> readyMaxLeft_;
    std::unordered_map<uint32_t, uint32_t> readyOfHandle_; // handle id -> its latest stay in readyStays_
    std::vector<Stay> timerStays_;                         // in the order timers were set
    std::vector<PendingTimer> timers_;
    std::vector<uint32_t> timerMaxLeft_;
    std::unordered_map<uint32_t, uint32_t> timerOfHandle_; // handle id -> index in timers_
    std::vector<uint32_t> handleRuns_;                     // StepBegan and CallbackRan events
    std::vector<std::pair<uint32_t, uint32_t>> steps_;     // (StepBegan, its end)
    std::vector<uint32_t> outputs_;
    std::vector<uint32_t> blockingCalls_;
    uint32_t loopClosed_ = UINT32_MAX;
};

} // namespace loopscope
