#pragma once
// The loop's state at any step of a run, for `loopscope state FILE --step K` and the window's
// cursor. The engine is deterministic, so the state when the K-th step begins is found by
// running the program again from the start until that step begins, reading the loop
// (loop_state.h), and stopping there: nothing after step K runs. Nothing is kept between calls
// and every run has its own VM, so any thread may call stateAtStep, several at once.
//
// Steps are counted as the comparison trace counts them: one per StepBegan, from 1, the steps of
// asyncio.run's shutdown tasks included.
//
// What it costs (RelWithDebInfo, thread CPU time measured with tests/vm/state_at_step_tool; the
// wall time is the same on an idle machine): about 5 ms for any step of a small scenario (most of it
// the VM's start and asyncio's import), 24 ms for step 10,000 of tests/bench/state/ten_thousand_steps.py
// (100 tasks, 101 frames viewed with the inspector's limits; stateAtEvent at its line-level event
// 75,000: 24 ms), and beyond that about 0.2 microseconds a step re-run (step 1,000,000 of
// tests/bench/scenarios/sleep0_switches.py: 175 ms). Memory: the program's own heap up to step K and
// the snapshot; no trace is kept (only the task names, and the strings the run interns).
// The window should call it from a worker thread and drop answers it no longer needs.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../engine.h"
#include "../trace.h"
#include "value_view.h"

namespace loopscope {

// A task's state as `loopscope state` names it.
enum class TaskStatus : uint8_t { Pending, Done, Cancelled, Failed };
std::string_view taskStatusName(TaskStatus status); // "pending", "done", "cancelled", "failed"

struct FrameSnapshot {
    std::string function; // the code's name, as a traceback shows it ("add_slow", "run")
    std::string qualname; // its qualified name ("Worker.run", "main.<locals>.job")
    uint32_t line = 0;    // where it is suspended
    std::vector<std::pair<std::string, ValueView>> locals; // bound locals and cells, as f_locals has them
};

struct TaskSnapshot {
    TaskId id;
    std::string name;      // its name now ("Task-2", or what set_name gave it)
    std::string coroutine; // its coroutine's __name__
    TaskStatus status = TaskStatus::Pending;
    bool started = false; // its coroutine has run at least once
    // A pending task's wait: what it awaits, in loop_state.h's terms (Ready: nothing, its turn).
    WaitKind wait = WaitKind::Ready;
    TaskId awaitedTask;    // wait == Task: which
    std::string waitingOn; // what it awaits in words ("task Task-3", "a timer", "Queue.get")
    double deadline = 0;   // wait == Timer: when it wakes
    // A started pending task's scenario frames, outermost first; empty for any other task.
    std::vector<FrameSnapshot> stack;
};

struct ReadySnapshot {
    HandleId id;
    HandleKind kind = HandleKind::Callback;
    TaskId task;          // kind TaskStep or TaskWakeup: the task it runs
    std::string taskName; // ... and that task's name
    std::string callback; // kind Callback: the function's name ("_on_completion", "print")
};

struct TimerSnapshot {
    HandleId id;
    TimerKind kind = TimerKind::Callback;
    TaskId owner; // the task that scheduled it (a sleep's: the sleeping task)
    double when = 0;
    std::string callback; // kind Callback or Timeout: the function's name
};

struct StepSnapshot {
    uint64_t step = 0;   // K (stateAtEvent: the steps begun so far)
    double time = 0;     // the virtual clock when step K begins
    uint64_t passes = 0; // passes of the loop begun so far (the pass step K runs in)
    TaskId task;         // the task whose step K is about to run (already off the ready queue);
                         // stateAtEvent: the task whose step runs, or 0 between steps
    std::string taskName;
    std::vector<ReadySnapshot>
        ready; // the handles still queued, in the order they will run; no cancelled ones
    std::vector<TimerSnapshot> timers; // pending, not cancelled timers, by deadline (ties in firing order)
    std::vector<TaskSnapshot> tasks;   // every task created so far, in creation order
};

struct StateAtStepResult {
    // The state when step K begins, or nothing when the run has fewer than K steps (or K is 0).
    std::optional<StepSnapshot> snapshot;
    // Without a snapshot: how many steps the whole run has (it ran to its end). With one: K.
    uint64_t steps = 0;
    // stateAtEvent without a snapshot: how many events the run recorded.
    uint64_t events = 0;
    // Without a snapshot: how the run ended (a SyntaxError, an uncaught exception, a limit).
    // With one: ok, ended at the snapshot's time, and the heap the run held up to step K.
    RunResult run;
};

struct StatesAtStepsResult {
    std::vector<StepSnapshot> snapshots; // one per wanted step the run has, ascending
    uint64_t steps = 0; // the last wanted step when all were found, else how many the run has
    RunResult run;      // as StateAtStepResult::run: ok when every wanted step was found
};

// Runs [source] with [options] (seed, budgets; the output callbacks are ignored) until its
// [step]-th step begins and returns the loop's state then. [limits] bounds how much of each
// local is kept: `loopscope state` wants whole reprs and no items ({0, 0, 0}); the inspector
// wants items to expand and reprs it can show ({2, 100, 200}).
StateAtStepResult stateAtStep(std::string_view source, const RunOptions& options, uint64_t step,
                              const ValueViewLimits& limits = {});

// The state when the event [event] (from 0) of the run's trace recorded at [level] is recorded:
// the window's cursor over the trace it recorded (at TraceLevel::Line, to step by statement). The
// engine is deterministic, so the same source and options give the same events. At a Statement
// event the statement is about to run; the running task's stack then reaches down to the frame
// that runs it, plain calls included. The run stops at the next statement or step after it.
StateAtStepResult stateAtEvent(std::string_view source, const RunOptions& options, EventIndex event,
                               TraceLevel level, const ValueViewLimits& limits = {});

// The same for several steps in one run (any order; duplicates and 0 are ignored): the run stops
// when the last of them begins. A class's __repr__ runs while the run goes on, as in CPython.
StatesAtStepsResult statesAtSteps(std::string_view source, const RunOptions& options,
                                  std::vector<uint64_t> steps, const ValueViewLimits& limits = {});

} // namespace loopscope
