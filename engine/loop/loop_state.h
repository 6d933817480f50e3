#pragma once
// A read-out of the event loop as it stands: the ready queue in order, the pending timers in
// the order they will fire, and every pending task with its stack of scenario frames (function,
// line, locals). It is what `loopscope state FILE --step K` and the window's loop inspector
// show; taken when a step begins (a TraceObserver seeing StepBegan can call it), it is the state
// the loop is in when that step runs. Reading it runs no Python code and changes nothing:
// locals are handed over as Values, for the caller to format while the VM still lives (its
// objects go with it).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../object.h"
#include "../trace.h"

namespace loopscope {

class VM;

struct FrameState {
    std::string function; // the code's qualified name
    std::string filename;
    uint32_t line = 0; // where it is suspended (or runs); a coroutine not started yet: its first line
    std::vector<std::pair<std::string, Value>> locals; // bound locals and cells, in definition order
};

struct TaskState {
    TaskId id;
    std::string name;
    std::string coroutine; // the coroutine's __name__
    bool running = false;  // its step is the one running
    bool started = false;  // its coroutine has run at least once
    WaitKind wait = WaitKind::Ready; // Ready: not waiting on anything (scheduled, or running)
    TaskId awaitedTask;              // wait == Task: which
    std::string waitingOn;           // what it waits on, in the deadlock report's words
    double deadline = 0;             // wait == Timer: when
    // Its coroutine first, then the ones it awaits; read while its step runs, the frames down to
    // the one executing (plain calls included).
    std::vector<FrameState> stack;
};

struct ReadyState {
    HandleId id;
    HandleKind kind = HandleKind::Callback;
    TaskId task;          // the task it steps or wakes (kind TaskStep, TaskWakeup), or the timer's owner
    std::string callback; // kind Callback: the callback's name
    bool cancelled = false;
};

struct TimerState {
    HandleId id;
    TimerKind kind = TimerKind::Callback;
    TaskId owner;
    double when = 0;
    std::string callback; // kind Callback or Timeout: the callback's name
    bool cancelled = false;
};

struct LoopState {
    double time = 0;
    uint64_t passes = 0;
    TaskId running;                // the task whose step runs, or 0
    std::vector<ReadyState> ready; // in the order the loop will run them
    std::vector<TimerState> timers; // in the order they will fire
    std::vector<TaskState> tasks;   // the pending tasks (of any loop), in creation order
};

// The state of the running event loop, or nothing when no loop runs.
std::optional<LoopState> readLoopState(const VM& vm);

} // namespace loopscope
