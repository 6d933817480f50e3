// The loop's state when a chosen step begins (state_at_step.h): re-run the program, follow the
// tasks through the trace events, read the loop at the K-th StepBegan, and stop.

#include "state_at_step.h"

#include <algorithm>
#include <unordered_map>

#include "../vm.h"
#include "loop_state.h"

namespace loopscope {

namespace {

// How a run is ended right after the snapshot. LimitReached is the engine's one way to end a run
// from anywhere (it unwinds the VM and frees the frames it interrupts); this type is never shown.
constexpr const char* kStoppedAtStep = "StoppedAtStep";

TaskStatus statusOf(EndStatus status)
{
    switch (status) {
    case EndStatus::Ok:
        return TaskStatus::Done;
    case EndStatus::Cancelled:
        return TaskStatus::Cancelled;
    case EndStatus::Failed:
        return TaskStatus::Failed;
    }
    return TaskStatus::Done;
}

// A function's name from its qualified name ("gather.<locals>._done_callback" -> "_done_callback"),
// as its __name__ gives it.
std::string shortName(const std::string& qualname)
{
    const size_t dot = qualname.rfind('.');
    return dot == std::string::npos ? qualname : qualname.substr(dot + 1);
}

FrameSnapshot frameSnapshot(ValueViewer& viewer, const FrameState& frame)
{
    FrameSnapshot snapshot;
    snapshot.qualname = frame.function;
    snapshot.function = shortName(frame.function); // as a traceback names it
    snapshot.line = frame.line;
    for (const auto& [name, value] : frame.locals)
        snapshot.locals.emplace_back(name, viewer.view(value));
    return snapshot;
}

// Follows the run's tasks through the trace and takes a snapshot when each wanted step begins.
class StepCatcher final : public TraceObserver {
  public:
    // Snapshots at the [wanted] steps, or (eventLevel set) at the event [wantedEvent] of a trace
    // recorded at that level.
    StepCatcher(std::vector<uint64_t> wanted, const ValueViewLimits& limits,
                std::optional<TraceLevel> eventLevel = std::nullopt, uint64_t wantedEvent = 0)
        : wanted_(std::move(wanted)), limits_(limits), eventLevel_(eventLevel), wantedEvent_(wantedEvent)
    {
        std::sort(wanted_.begin(), wanted_.end());
        wanted_.erase(std::unique(wanted_.begin(), wanted_.end()), wanted_.end());
        // Step 0 never begins (steps count from 1).
        while (next_ < wanted_.size() && wanted_[next_] == 0)
            ++next_;
    }

    StringId intern(std::string_view text) override { return strings_.intern(text); }
    TraceLevel level() const override { return eventLevel_.value_or(TraceLevel::Step); }

    void record(const TraceEvent& e) override
    {
        const uint64_t index = events_++;
        follow(e);
        if (!eventLevel_)
            return;
        // No VM: the run ended before it had one (a SyntaxError), and has no state to read.
        if (index == wantedEvent_ && VM::currentIfAny())
            snapshots.push_back(takeSnapshot(e));
        // Events are also recorded where an exception must not fly (a finalizer's warning, the
        // run's end): the run is stopped at the next statement or step, where a limit may.
        if (!snapshots.empty() && (e.kind == EventKind::Statement || e.kind == EventKind::StepBegan))
            throw LimitReached{kStoppedAtStep, "the state was read"};
    }

    uint64_t steps() const { return steps_; }
    uint64_t events() const { return events_; }
    bool allTaken() const { return eventLevel_ ? !snapshots.empty() : next_ == wanted_.size(); }
    std::vector<StepSnapshot> snapshots;

  private:
    // Keeps the tasks' names and states; in step mode, takes the wanted steps' snapshots.
    void follow(const TraceEvent& e)
    {
        switch (e.kind) {
        case EventKind::TaskCreated: {
            indexOf_[e.task.value] = tasks_.size();
            TaskSnapshot task;
            task.id = e.task;
            task.name = strings_.taskName(e);
            task.coroutine = strings_.string(e.coroName());
            tasks_.push_back(std::move(task));
            break;
        }
        case EventKind::TaskRenamed:
            if (TaskSnapshot* task = find(e.task))
                task->name = strings_.string(e.name());
            break;
        case EventKind::TaskFinished:
            if (TaskSnapshot* task = find(e.task))
                task->status = statusOf(e.status());
            break;
        case EventKind::StepBegan:
            ++steps_;
            if (!eventLevel_ && next_ < wanted_.size() && steps_ == wanted_[next_]) {
                snapshots.push_back(takeSnapshot(e));
                // Nothing after the last wanted step is needed: end the run here.
                if (++next_ == wanted_.size())
                    throw LimitReached{kStoppedAtStep, "the state was read"};
            }
            break;
        default:
            break;
        }
    }

    TaskSnapshot* find(TaskId id)
    {
        const auto it = indexOf_.find(id.value);
        return it == indexOf_.end() ? nullptr : &tasks_[it->second];
    }

    std::string nameOf(TaskId id)
    {
        const TaskSnapshot* task = find(id);
        return task ? task->name : std::string();
    }

    StepSnapshot takeSnapshot(const TraceEvent& began)
    {
        VM& vm = VM::current();
        // The reprs may run a class's __repr__: give it a whole budget (the step resets it anyway).
        vm.resetBudget();
        const std::optional<LoopState> loop = readLoopState(vm);
        StepSnapshot s;
        s.step = steps_;
        s.time = began.t;
        s.task = began.kind == EventKind::StepBegan ? began.task : loop ? loop->running : TaskId{};
        s.taskName = nameOf(s.task);
        s.tasks = tasks_; // the run may go on to a later wanted step: copy
        if (loop) {
            s.passes = loop->passes;
            for (const ReadyState& r : loop->ready) {
                if (r.cancelled)
                    continue; // the loop will skip it: it is not waiting its turn
                ReadySnapshot ready{r.id, r.kind, {}, {}, shortName(r.callback)};
                if (r.kind == HandleKind::TaskStep || r.kind == HandleKind::TaskWakeup) {
                    ready.task = r.task;
                    ready.taskName = nameOf(r.task);
                }
                s.ready.push_back(std::move(ready));
            }
            // The heap gives firing order, which ascends by deadline; ties keep that order.
            for (const TimerState& t : loop->timers)
                if (!t.cancelled)
                    s.timers.push_back({t.id, t.kind, t.owner, t.when, shortName(t.callback)});
            ValueViewer viewer(vm, limits_);
            for (const TaskState& pending : loop->tasks) {
                const auto it = indexOf_.find(pending.id.value);
                if (it == indexOf_.end())
                    continue;
                TaskSnapshot& task = s.tasks[it->second];
                task.name = pending.name;
                task.started = pending.started;
                task.wait = pending.wait;
                task.awaitedTask = pending.awaitedTask;
                task.waitingOn = pending.waitingOn;
                task.deadline = pending.deadline;
                if (pending.started)
                    for (const FrameState& frame : pending.stack)
                        task.stack.push_back(frameSnapshot(viewer, frame));
            }
        }
        for (TaskSnapshot& task : s.tasks)
            if (task.status != TaskStatus::Pending)
                task.wait = WaitKind::None;
        return s;
    }

    std::vector<uint64_t> wanted_; // ascending
    size_t next_ = 0;              // the next wanted step's index
    ValueViewLimits limits_;
    std::optional<TraceLevel> eventLevel_;
    uint64_t wantedEvent_ = 0;
    uint64_t steps_ = 0;
    uint64_t events_ = 0;
    TraceRecorder strings_; // only its string table: the events are not kept
    std::vector<TaskSnapshot> tasks_;
    std::unordered_map<uint32_t, size_t> indexOf_;
};

} // namespace

std::string_view taskStatusName(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Pending:
        return "pending";
    case TaskStatus::Done:
        return "done";
    case TaskStatus::Cancelled:
        return "cancelled";
    case TaskStatus::Failed:
        return "failed";
    }
    return "pending";
}

StatesAtStepsResult statesAtSteps(std::string_view source, const RunOptions& options,
                                  std::vector<uint64_t> steps, const ValueViewLimits& limits)
{
    RunOptions quiet = options;
    quiet.writeStdout = nullptr;
    quiet.writeStderr = nullptr;
    StepCatcher catcher(std::move(steps), limits);
    StatesAtStepsResult result;
    result.run = runScenario(source, quiet, &catcher);
    result.steps = catcher.steps();
    result.snapshots = std::move(catcher.snapshots);
    if (catcher.allTaken() && !result.snapshots.empty()) {
        // It was stopped on purpose, not ended: only the heap it held so far is worth keeping.
        const RunStats stats = result.run.stats;
        result.run = RunResult();
        result.run.stats = stats;
        result.run.endTime = result.snapshots.back().time;
    }
    return result;
}

StateAtStepResult stateAtEvent(std::string_view source, const RunOptions& options, EventIndex event,
                               TraceLevel level, const ValueViewLimits& limits)
{
    RunOptions quiet = options;
    quiet.writeStdout = nullptr;
    quiet.writeStderr = nullptr;
    StepCatcher catcher({}, limits, level, event.value);
    StateAtStepResult result;
    result.run = runScenario(source, quiet, &catcher);
    result.steps = catcher.steps();
    result.events = catcher.events();
    if (!catcher.snapshots.empty()) {
        result.snapshot = std::move(catcher.snapshots.front());
        result.steps = result.snapshot->step;
        const RunStats stats = result.run.stats;
        result.run = RunResult();
        result.run.stats = stats;
        result.run.endTime = result.snapshot->time;
    }
    return result;
}

StateAtStepResult stateAtStep(std::string_view source, const RunOptions& options, uint64_t step,
                              const ValueViewLimits& limits)
{
    StatesAtStepsResult all = statesAtSteps(source, options, {step}, limits);
    StateAtStepResult result;
    result.steps = all.steps;
    result.run = std::move(all.run);
    if (!all.snapshots.empty())
        result.snapshot = std::move(all.snapshots.front());
    return result;
}

} // namespace loopscope
