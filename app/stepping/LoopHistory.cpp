#include "LoopHistory.h"

#include <algorithm>

namespace loopscope {

namespace {

constexpr uint32_t kNever = UINT32_MAX;

bool isShutdownCoroutine(std::string_view coro)
{
    return coro == "shutdown_asyncgens" || coro == "shutdown_default_executor";
}

// The last element of the sorted [v] that is <= [e], as an index, or -1.
int lastAtOrBefore(const std::vector<uint32_t>& v, uint32_t e)
{
    return int(std::upper_bound(v.begin(), v.end(), e) - v.begin()) - 1;
}

} // namespace

const TaskAtMoment* LoopMoment::task(TaskId id) const
{
    for (const TaskAtMoment& t : tasks)
        if (t.task == id)
            return &t;
    return nullptr;
}

LoopHistory::LoopHistory(std::shared_ptr<const TraceRecorder> trace) : trace_(std::move(trace))
{
    build();
}

void LoopHistory::build()
{
    const TraceEvents& events = trace_->events();
    std::unordered_map<uint32_t, uint32_t> openStep; // task id -> its step in steps_ still open
    auto joinReady = [&](const QueuedHandle& h, uint32_t i) {
        readyOfHandle_[h.handle.value] = uint32_t(readyStays_.size());
        readyStays_.push_back({i, kNever});
        readyHandles_.push_back(h);
    };
    // Leaves the ready queue; false if [handle] was not in it.
    auto leaveReady = [&](HandleId handle, uint32_t i) {
        const auto found = readyOfHandle_.find(handle.value);
        if (found == readyOfHandle_.end() || readyStays_[found->second].left != kNever)
            return false;
        readyStays_[found->second].left = i;
        return true;
    };
    auto leaveTimer = [&](HandleId handle, uint32_t i) {
        const auto found = timerOfHandle_.find(handle.value);
        if (found != timerOfHandle_.end() && timerStays_[found->second].left == kNever)
            timerStays_[found->second].left = i;
    };
    auto closeStep = [&](TaskId task, uint32_t i) {
        const auto open = openStep.find(task.value);
        if (open == openStep.end())
            return;
        steps_[open->second].second = i;
        openStep.erase(open);
    };

    // In order, record by record (no index lookup per event).
    for (auto it = events.begin(); it != events.end(); ++it) {
        const uint32_t i = uint32_t(it.index());
        const TraceEvent e = *it;
        switch (e.kind) {
        case EventKind::TaskCreated: {
            if (taskSlot_.count(e.task.value))
                break; // one task, one creation
            taskSlot_[e.task.value] = uint32_t(tasks_.size());
            TaskIndex& t = tasks_.emplace_back();
            t.id = e.task;
            t.created = EventIndex{i};
            t.coro = e.coroName();
            t.shutdown =
                e.creator().value == 0 && e.line() == 0 && isShutdownCoroutine(trace_->string(e.coroName()));
            t.phases.push_back(i);
            creationEvents_.push_back(i);
            break;
        }
        case EventKind::TaskRenamed:
            if (TaskIndex* t = taskIndex(e.task))
                t->renames.push_back(i);
            break;
        case EventKind::StepBegan:
            if (TaskIndex* t = taskIndex(e.task))
                t->phases.push_back(i);
            leaveReady(e.handle(), i);
            handleRuns_.push_back(i);
            closeStep(e.task, i);
            openStep[e.task.value] = uint32_t(steps_.size());
            steps_.push_back({i, kNever});
            break;
        case EventKind::StepEnded:
            if (TaskIndex* t = taskIndex(e.task))
                t->phases.push_back(i);
            closeStep(e.task, i);
            break;
        case EventKind::TaskFinished:
            if (TaskIndex* t = taskIndex(e.task)) {
                t->phases.push_back(i);
                if (t->finished == kNever)
                    t->finished = i;
            }
            closeStep(e.task, i);
            break;
        case EventKind::CancelRequested:
            if (TaskIndex* t = taskIndex(e.task))
                t->firstCancel = std::min(t->firstCancel, i);
            break;
        case EventKind::ReadyPushed:
            joinReady({e.handle(), e.handleKind(), e.task, e.callbackName(), EventIndex{i}, false}, i);
            break;
        case EventKind::TimerScheduled:
            timerOfHandle_[e.handle().value] = uint32_t(timers_.size());
            timers_.push_back(
                {e.handle(), e.timerKind(), e.task, e.callbackName(), e.deadline(), EventIndex{i}});
            timerStays_.push_back({i, kNever});
            break;
        case EventKind::TimerFired: {
            leaveTimer(e.handle(), i);
            const PendingTimer* timer = timerOf(e.handle());
            joinReady({e.handle(), HandleKind::Callback, e.task, timer ? timer->callback : StringId{},
                       EventIndex{i}, true},
                      i);
            break;
        }
        case EventKind::HandleCancelled:
            // asyncio leaves a cancelled handle where it is and skips it later; the learner sees
            // it go at once.
            if (!leaveReady(e.handle(), i))
                leaveTimer(e.handle(), i);
            break;
        case EventKind::CallbackRan:
            leaveReady(e.handle(), i);
            handleRuns_.push_back(i);
            break;
        case EventKind::BlockingCall:
            blockingCalls_.push_back(i);
            break;
        case EventKind::Output:
            outputs_.push_back(i);
            break;
        case EventKind::LoopClosed:
            loopClosed_ = std::min(loopClosed_, i);
            for (Stay& s : readyStays_)
                s.left = std::min(s.left, i);
            for (Stay& s : timerStays_)
                s.left = std::min(s.left, i);
            break;
        case EventKind::RunEnded:
            for (auto& [began, end] : steps_)
                end = std::min(end, i);
            break;
        case EventKind::PassBegan:
        case EventKind::ClockJumped:
        case EventKind::Warning:
        case EventKind::Statement:
        case EventKind::TaskJoined:
            break;
        }
    }
    // A step the trace never ended (a cancelled run) lasts to its last event.
    const uint32_t last = events.empty() ? 0 : uint32_t(events.size() - 1);
    for (auto& [began, end] : steps_)
        end = std::min(end, last);

    auto runningMax = [](const std::vector<Stay>& stays, std::vector<uint32_t>& out) {
        out.resize(stays.size());
        uint32_t m = 0;
        for (size_t i = 0; i < stays.size(); ++i)
            out[i] = m = std::max(m, stays[i].left);
    };
    runningMax(readyStays_, readyMaxLeft_);
    runningMax(timerStays_, timerMaxLeft_);
}

// The stays that began at or before [e] are a prefix of [stays]; the first of them still
// there at [e] is the first whose running maximum of [left] passes [e] (no scan of the stays
// that ended long ago). Between it and the prefix's end, only the early leavers are skipped.
template <class F>
void LoopHistory::forEachStayAt(const std::vector<Stay>& stays, const std::vector<uint32_t>& maxLeft,
                                uint32_t e, F&& f)
{
    const auto joinedBy = std::upper_bound(stays.begin(), stays.end(), e,
                                           [](uint32_t v, const Stay& s) { return v < s.joined; });
    const size_t end = size_t(joinedBy - stays.begin());
    size_t i =
        size_t(std::upper_bound(maxLeft.begin(), maxLeft.begin() + ptrdiff_t(end), e) - maxLeft.begin());
    for (; i < end; ++i)
        if (stays[i].left > e)
            f(i);
}

LoopMoment LoopHistory::at(EventIndex at) const
{
    LoopMoment m;
    const TraceEvents& events = trace_->events();
    if (events.empty())
        return m;
    const uint32_t e = std::min<uint32_t>(at.value, uint32_t(events.size() - 1));
    const TraceEvent& ev = events[e];
    m.at = EventIndex{e};
    m.time = ev.kind == EventKind::ClockJumped    ? ev.newTime()
             : ev.kind == EventKind::BlockingCall ? ev.endTime()
                                                  : ev.t;
    m.loopClosed = loopClosed_ <= e;

    // The step in progress: the last one begun, if it has not ended.
    const auto step =
        std::upper_bound(steps_.begin(), steps_.end(), e,
                         [](uint32_t v, const std::pair<uint32_t, uint32_t>& s) { return v < s.first; });
    if (step != steps_.begin() && e < std::prev(step)->second) {
        const uint32_t began = std::prev(step)->first;
        m.running = events[began].task;
        m.runningSince = EventIndex{began};
        const int b = lastAtOrBefore(blockingCalls_, e);
        if (b >= 0 && blockingCalls_[size_t(b)] > began)
            m.blockingCall = EventIndex{blockingCalls_[size_t(b)]};
    }

    forEachStayAt(readyStays_, readyMaxLeft_, e, [&](size_t i) { m.ready.push_back(readyHandles_[i]); });
    forEachStayAt(timerStays_, timerMaxLeft_, e, [&](size_t i) { m.timers.push_back(timers_[i]); });
    std::stable_sort(m.timers.begin(), m.timers.end(),
                     [](const PendingTimer& a, const PendingTimer& b) { return a.deadline < b.deadline; });

    const size_t created = size_t(lastAtOrBefore(creationEvents_, e) + 1);
    m.tasks.reserve(created);
    // tasks_ is in creation order: the tasks created so far are its first [created].
    for (size_t k = 0; k < created; ++k) {
        const TaskIndex& t = tasks_[k];
        TaskAtMoment task;
        task.task = t.id;
        task.cancelRequested = t.firstCancel <= e;
        const int p = lastAtOrBefore(t.phases, e);
        const uint32_t since = t.phases[size_t(std::max(p, 0))];
        const TraceEvent& phase = events[since];
        task.since = EventIndex{since};
        switch (phase.kind) {
        case EventKind::StepBegan:
            task.phase = TaskPhase::Running;
            task.line = phase.line();
            break;
        case EventKind::StepEnded:
            task.phase = TaskPhase::Suspended;
            task.line = phase.line();
            task.wait = phase.wait();
            task.awaited = phase.awaitedTask();
            task.waitLabel = phase.waitLabel();
            task.deadline = phase.deadline();
            break;
        case EventKind::TaskFinished:
            task.phase = phase.status() == EndStatus::Ok          ? TaskPhase::Done
                         : phase.status() == EndStatus::Cancelled ? TaskPhase::Cancelled
                                                                  : TaskPhase::Failed;
            break;
        default:
            task.phase = TaskPhase::NotStarted;
            break;
        }
        m.tasks.push_back(task);
    }
    for (size_t i = 0; i < m.ready.size(); ++i) {
        const QueuedHandle& h = m.ready[i];
        const auto slot = taskSlot_.find(h.task.value);
        if (h.kind == HandleKind::Callback || slot == taskSlot_.end() || slot->second >= m.tasks.size())
            continue;
        TaskAtMoment& task = m.tasks[slot->second];
        if (task.readyPosition < 0)
            task.readyPosition = int(i);
    }
    m.outputLines = uint32_t(lastAtOrBefore(outputs_, e) + 1);
    return m;
}

// -- Tasks ---------------------------------------------------------------------------------------

const LoopHistory::TaskIndex* LoopHistory::taskIndex(TaskId task) const
{
    const auto found = taskSlot_.find(task.value);
    return task.value == 0 || found == taskSlot_.end() ? nullptr : &tasks_[found->second];
}

LoopHistory::TaskIndex* LoopHistory::taskIndex(TaskId task)
{
    const auto found = taskSlot_.find(task.value);
    return task.value == 0 || found == taskSlot_.end() ? nullptr : &tasks_[found->second];
}

bool LoopHistory::knowsTask(TaskId task) const
{
    return taskIndex(task) != nullptr;
}

std::string LoopHistory::taskName(TaskId task, EventIndex when) const
{
    const TaskIndex* t = taskIndex(task);
    if (!t)
        return task.value == 0 ? std::string() : "Task-" + std::to_string(task.value);
    const int r = lastAtOrBefore(t->renames, when.value);
    if (r >= 0)
        return std::string(trace_->string(event(EventIndex{t->renames[size_t(r)]}).name()));
    return trace_->taskName(event(t->created));
}

std::string LoopHistory::coroName(TaskId task) const
{
    const TaskIndex* t = taskIndex(task);
    return t ? std::string(trace_->string(t->coro)) : std::string();
}

std::string LoopHistory::taskLabel(TaskId task, EventIndex when) const
{
    if (task.value == 0)
        return "the program";
    const std::string coro = coroName(task);
    const std::string name = taskName(task, when);
    return coro.empty() ? name : name + " " + coro;
}

EventIndex LoopHistory::createdAt(TaskId task) const
{
    const TaskIndex* t = taskIndex(task);
    return t ? t->created : EventIndex{};
}

bool LoopHistory::isShutdownTask(TaskId task) const
{
    const TaskIndex* t = taskIndex(task);
    return t && t->shutdown;
}

std::optional<EventIndex> LoopHistory::finishedAt(TaskId task) const
{
    const TaskIndex* t = taskIndex(task);
    if (!t || t->finished == kNever)
        return std::nullopt;
    return EventIndex{t->finished};
}

// -- Handles and steps ---------------------------------------------------------------------------

std::optional<EventIndex> LoopHistory::nextHandleRun(EventIndex e) const
{
    const auto next = std::upper_bound(handleRuns_.begin(), handleRuns_.end(), e.value);
    if (next == handleRuns_.end())
        return std::nullopt;
    return EventIndex{*next};
}

EventIndex LoopHistory::stepEnd(EventIndex began) const
{
    const auto step =
        std::lower_bound(steps_.begin(), steps_.end(), began.value,
                         [](const std::pair<uint32_t, uint32_t>& s, uint32_t v) { return s.first < v; });
    if (step == steps_.end() || step->first != began.value)
        return began;
    return EventIndex{step->second};
}

const QueuedHandle* LoopHistory::queuedHandle(HandleId handle) const
{
    const auto found = readyOfHandle_.find(handle.value);
    return found == readyOfHandle_.end() ? nullptr : &readyHandles_[found->second];
}

const PendingTimer* LoopHistory::timerOf(HandleId handle) const
{
    const auto found = timerOfHandle_.find(handle.value);
    return found == timerOfHandle_.end() ? nullptr : &timers_[found->second];
}

} // namespace loopscope
