// The trace's invariants (trace_check.h), checked by replaying the events: the ready queue and
// the pending timers are rebuilt as the loop had them.

#include "trace_check.h"

#include <deque>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace loopscope {

namespace {

// A timer fires when its deadline is below now + CPython's clock resolution (SPEC.md section 3).
constexpr double kClockResolution = 1e-9;

struct Replay {
    std::vector<std::string> problems;
    std::unordered_set<uint32_t> created, finished;
    std::unordered_map<uint32_t, double> timers;       // pending timer handle -> deadline
    std::unordered_map<uint32_t, uint32_t> readyOwner;  // queued handle -> task it steps or wakes (0: a callback)
    std::deque<uint32_t> ready;                         // handle ids in the order queued
    std::unordered_set<uint32_t> cancelled;
    uint32_t running = 0;
    uint32_t lastPass = 0;

    void problem(size_t index, const TraceEvent& e, const std::string& text)
    {
        problems.push_back("event " + std::to_string(index) + " (" + std::string(eventKindName(e.kind)) +
                           ", t=" + std::to_string(e.t) + "): " + text);
    }

    // The loop runs [handle]: it must be the first queued handle once cancelled ones are dropped.
    bool popReady(uint32_t handle)
    {
        while (!ready.empty() && ready.front() != handle && cancelled.count(ready.front()))
            ready.pop_front();
        if (ready.empty() || ready.front() != handle) {
            for (auto it = ready.begin(); it != ready.end(); ++it)
                if (*it == handle) {
                    ready.erase(it);
                    break;
                }
            return false;
        }
        ready.pop_front();
        return true;
    }

    std::string readyHead() const
    {
        std::string text = "[";
        for (size_t i = 0; i < ready.size() && i < 3; ++i)
            text += (i ? ", " : "") + std::to_string(ready[i]);
        return text + (ready.size() > 3 ? ", ...]" : "]");
    }
};

} // namespace

std::vector<std::string> checkTraceInvariants(const TraceEvents& events, bool endedWithError)
{
    Replay r;
    double lastTime = 0.0;
    // In order, record by record (no index lookup per event).
    for (auto it = events.begin(); it != events.end(); ++it) {
        const size_t i = it.index();
        const TraceEvent e = *it;
        if (e.t < lastTime)
            r.problem(i, e, "time went back from " + std::to_string(lastTime));
        lastTime = e.t;
        const uint32_t task = e.task.value;
        switch (e.kind) {
        case EventKind::TaskCreated:
            if (!r.created.insert(task).second)
                r.problem(i, e, "task " + std::to_string(task) + " created twice");
            break;
        case EventKind::StepBegan: {
            if (r.running)
                r.problem(i, e, "task " + std::to_string(task) + " began a step inside task " +
                                    std::to_string(r.running) + "'s step");
            if (r.finished.count(task))
                r.problem(i, e, "task " + std::to_string(task) + " stepped after it finished");
            if (!r.created.count(task))
                r.problem(i, e, "task " + std::to_string(task) + " stepped before it was created");
            const uint32_t handle = e.handle().value;
            const std::string head = r.readyHead();
            auto owner = r.readyOwner.find(handle);
            if (owner == r.readyOwner.end() || owner->second != task)
                r.problem(i, e, "task " + std::to_string(task) + " ran handle " + std::to_string(handle) +
                                    ", which was not queued for it");
            if (!r.popReady(handle))
                r.problem(i, e, "task " + std::to_string(task) + "'s step ran handle " + std::to_string(handle) +
                                    ", but the ready queue starts with " + head);
            r.running = task;
            break;
        }
        case EventKind::StepEnded:
            if (r.running != task)
                r.problem(i, e, "task " + std::to_string(task) + " ended a step it did not begin");
            r.running = 0;
            break;
        case EventKind::TaskFinished:
            if (!r.finished.insert(task).second)
                r.problem(i, e, "task " + std::to_string(task) + " finished twice");
            break;
        case EventKind::ReadyPushed: {
            const uint32_t handle = e.handle().value;
            const bool stepsTask =
                e.handleKind() == HandleKind::TaskStep || e.handleKind() == HandleKind::TaskWakeup;
            r.ready.push_back(handle);
            r.readyOwner[handle] = stepsTask ? task : 0;
            break;
        }
        case EventKind::TimerScheduled:
            if (!r.timers.emplace(e.handle().value, e.deadline()).second)
                r.problem(i, e, "timer " + std::to_string(e.handle().value) + " scheduled twice");
            break;
        case EventKind::TimerFired: {
            const uint32_t handle = e.handle().value;
            auto timer = r.timers.find(handle);
            if (timer == r.timers.end()) {
                r.problem(i, e, "timer " + std::to_string(handle) + " fired twice, after a cancel, or unscheduled");
            } else {
                if (timer->second >= e.t + kClockResolution)
                    r.problem(i, e, "timer " + std::to_string(handle) + " fired before its deadline " +
                                        std::to_string(timer->second));
                r.timers.erase(timer);
            }
            r.ready.push_back(handle);
            r.readyOwner[handle] = 0;
            break;
        }
        case EventKind::HandleCancelled: {
            const uint32_t handle = e.handle().value;
            bool queued = false;
            for (uint32_t h : r.ready)
                queued |= h == handle;
            if (!r.timers.erase(handle) && !queued)
                r.problem(i, e, "handle " + std::to_string(handle) + " cancelled but neither scheduled nor ready");
            r.cancelled.insert(handle);
            break;
        }
        case EventKind::CallbackRan: {
            const std::string head = r.readyHead();
            if (!r.popReady(e.handle().value))
                r.problem(i, e, "callback ran handle " + std::to_string(e.handle().value) +
                                    ", but the ready queue starts with " + head);
            break;
        }
        case EventKind::PassBegan:
            if (e.passIndex() != r.lastPass + 1 && e.passIndex() != 1)
                r.problem(i, e, "pass " + std::to_string(e.passIndex()) + " follows pass " + std::to_string(r.lastPass));
            r.lastPass = e.passIndex();
            break;
        case EventKind::ClockJumped: {
            if (e.newTime() < e.t)
                r.problem(i, e, "the clock jumped back to " + std::to_string(e.newTime()));
            if (!r.ready.empty()) {
                bool allCancelled = true;
                for (uint32_t h : r.ready)
                    allCancelled &= r.cancelled.count(h) > 0;
                if (!allCancelled)
                    r.problem(i, e, "the clock jumped while handles were ready: " + r.readyHead());
            }
            double earliest = std::numeric_limits<double>::infinity();
            for (const auto& [handle, deadline] : r.timers)
                if (!r.cancelled.count(handle) && deadline < earliest)
                    earliest = deadline;
            if (earliest != e.newTime())
                r.problem(i, e, "the clock jumped to " + std::to_string(e.newTime()) +
                                    ", not to the earliest deadline " + std::to_string(earliest));
            break;
        }
        case EventKind::LoopClosed:
            r.ready.clear();
            r.timers.clear();
            r.lastPass = 0;
            break;
        default:
            break;
        }
    }
    if (r.running && !endedWithError)
        r.problems.push_back("task " + std::to_string(r.running) + "'s last step never ended");
    return r.problems;
}

} // namespace loopscope
