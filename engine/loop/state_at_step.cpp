// The loop's state when a chosen step begins (state_at_step.h): re-run the program, follow the
// tasks through the trace events, read the loop at the K-th StepBegan, and stop.

#include "state_at_step.h"

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

// Follows the run's tasks through the trace and takes the snapshot when step K begins.
class StepCatcher final : public TraceObserver {
  public:
    StepCatcher(uint64_t step, const ValueViewLimits& limits) : stepToCatch_(step), limits_(limits) {}

    StringId intern(std::string_view text) override { return strings_.intern(text); }

    void record(const TraceEvent& e) override
    {
        switch (e.kind) {
        case EventKind::TaskCreated:
            indexOf_[e.task.value] = tasks_.size();
        {
            TaskSnapshot task;
            task.id = e.task;
            task.name = strings_.taskName(e);
            task.coroutine = strings_.string(e.coroName());
            tasks_.push_back(std::move(task));
        }
            break;
        case EventKind::TaskRenamed:
            if (TaskSnapshot* task = find(e.task))
                task->name = strings_.string(e.name());
            break;
        case EventKind::TaskFinished:
            if (TaskSnapshot* task = find(e.task))
                task->status = statusOf(e.status());
            break;
        case EventKind::StepBegan:
            if (++steps_ == stepToCatch_ && !snapshot) {
                takeSnapshot(e);
                // Nothing after step K is needed: end the run here.
                throw LimitReached{kStoppedAtStep, "the state was read"};
            }
            break;
        default:
            break;
        }
    }

    uint64_t steps() const { return steps_; }
    std::optional<StepSnapshot> snapshot;

  private:
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

    void takeSnapshot(const TraceEvent& began)
    {
        VM& vm = VM::current();
        // A __repr__ the reprs run starts with a whole budget; the run ends right after anyway.
        vm.resetBudget();
        const std::optional<LoopState> loop = readLoopState(vm);
        StepSnapshot s;
        s.step = stepToCatch_;
        s.time = began.t;
        s.task = began.task;
        s.taskName = nameOf(began.task);
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
            for (const TimerState& t : loop->timers)
                if (!t.cancelled)
                    s.timers.push_back({t.id, t.kind, t.owner, t.when, shortName(t.callback)});
            // The heap gives firing order, which ascends by deadline; ties keep that order.
            ValueViewer viewer(vm, limits_);
            for (const TaskState& pending : loop->tasks) {
                TaskSnapshot* task = find(pending.id);
                if (!task)
                    continue;
                task->name = pending.name;
                task->started = pending.started;
                task->wait = pending.wait;
                task->awaitedTask = pending.awaitedTask;
                task->waitingOn = pending.waitingOn;
                task->deadline = pending.deadline;
                if (pending.started)
                    for (const FrameState& frame : pending.stack)
                        task->stack.push_back(frameSnapshot(viewer, frame));
            }
        }
        for (TaskSnapshot& task : tasks_)
            if (task.status != TaskStatus::Pending)
                task.wait = WaitKind::None;
        s.tasks = std::move(tasks_);
        snapshot = std::move(s);
    }

    uint64_t stepToCatch_;
    ValueViewLimits limits_;
    uint64_t steps_ = 0;
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

StateAtStepResult stateAtStep(std::string_view source, const RunOptions& options, uint64_t step,
                              const ValueViewLimits& limits)
{
    RunOptions quiet = options;
    quiet.writeStdout = nullptr;
    quiet.writeStderr = nullptr;
    // Step 0 never begins (steps count from 1): the run then goes to its end and counts them.
    StepCatcher catcher(step, limits);
    StateAtStepResult result;
    result.run = runScenario(source, quiet, &catcher);
    result.steps = catcher.steps();
    if (catcher.snapshot) {
        result.snapshot = std::move(catcher.snapshot);
        // It was stopped on purpose, not ended: only the heap it held so far is worth keeping.
        const RunStats stats = result.run.stats;
        result.run = RunResult();
        result.run.stats = stats;
        result.run.endTime = result.snapshot->time;
    }
    return result;
}

} // namespace loopscope
