#include "WhyNotRunning.h"

#include "LoopWords.h"

namespace loopscope {

namespace {

constexpr int kNamedAhead = 3; // handles named before "and N more"

// Who is ahead of position [n] in the ready queue: "Task-1 get_results, _on_completion".
std::string aheadOf(const LoopHistory& history, const LoopMoment& m, int n)
{
    std::string out;
    for (int i = 0; i < n && i < kNamedAhead; ++i) {
        if (i > 0)
            out += ", ";
        out += handleSubject(history, m.ready[size_t(i)], m.at);
    }
    if (n > kNamedAhead)
        out += " and " + std::to_string(n - kNamedAhead) + " more";
    return out;
}

// Why a ready handle at [position] has not run yet: the ones ahead, and who holds the loop.
std::string queued(const LoopHistory& history, const LoopMoment& m, int position, TaskId self)
{
    std::string out = position == 0
                          ? "next in the ready queue"
                          : "behind " + handleCount(position) + ": " + aheadOf(history, m, position);
    if (m.running.value != 0 && m.running != self) {
        const std::string holder = history.taskLabel(m.running, m.at);
        if (m.blockingCall) {
            const TraceEvent& call = history.event(*m.blockingCall);
            out += "; held up: " + holder + " holds the loop in " +
                   std::string(history.trace().string(call.text())) +
                   " until t=" + formatTime(call.endTime());
        } else {
            out += "; " + holder + " is running, and the loop runs one step at a time";
        }
    }
    return out;
}

// The awaited task's state in a few words, following a chain of awaits a little way.
std::string brief(const LoopHistory& history, const LoopMoment& m, TaskId id, int depth)
{
    const TaskAtMoment* t = m.task(id);
    if (!t)
        return "not created yet";
    switch (t->phase) {
    case TaskPhase::Running:
        return m.blockingCall ? "running (blocking the loop)" : "running";
    case TaskPhase::NotStarted:
        return "ready to start";
    case TaskPhase::Done:
    case TaskPhase::Cancelled:
    case TaskPhase::Failed:
        return "finished: the wake-up is on its way";
    case TaskPhase::Suspended:
        break;
    }
    if (t->readyPosition >= 0)
        return "ready, behind " + handleCount(t->readyPosition);
    if (t->wait == WaitKind::Timer)
        return "sleeping until t=" + formatTime(t->deadline);
    if (t->wait == WaitKind::Task && depth < 4)
        return "awaiting " + history.taskLabel(t->awaited, m.at) + ", which is " +
               brief(history, m, t->awaited, depth + 1);
    return "waiting: it " + waitWords(history, *t, m.at);
}

} // namespace

std::string whyNotRunning(const LoopHistory& history, const LoopMoment& m, TaskId id)
{
    const std::string who = history.taskLabel(id, m.at);
    const TaskAtMoment* t = m.task(id);
    if (!t)
        return who + " does not exist yet.";
    const auto line = [&] { return t->line ? " (line " + std::to_string(t->line) + ")" : std::string(); };
    switch (t->phase) {
    case TaskPhase::Running:
        if (m.blockingCall) {
            const TraceEvent& call = history.event(*m.blockingCall);
            return who + " is running, and holds the whole loop in " +
                   std::string(history.trace().string(call.text())) +
                   ": no other task can run until t=" + formatTime(call.endTime()) + ".";
        }
        return who + " is running: this is its step.";
    case TaskPhase::Done:
    case TaskPhase::Cancelled:
    case TaskPhase::Failed:
        return who + " has finished: " + taskStateWords(history, m, *t) + ".";
    case TaskPhase::NotStarted:
        if (t->readyPosition >= 0)
            return who + " has not started yet: its first step is ready, " +
                   queued(history, m, t->readyPosition, id) + ".";
        return who + " has not started yet.";
    case TaskPhase::Suspended:
        break;
    }
    if (t->readyPosition >= 0)
        return who + " is ready" + (t->wait == WaitKind::Ready ? " (it yielded)" : " (woken up)") + ", " +
               queued(history, m, t->readyPosition, id) + ".";
    // A due timer whose callback has not run yet: the wake-up comes after that callback.
    for (size_t i = 0; i < m.ready.size(); ++i) {
        const QueuedHandle& h = m.ready[i];
        if (h.fromTimer && h.task == id && t->wait == WaitKind::Timer)
            return who + "'s sleep is over: the timer's callback is in the ready queue, " +
                   queued(history, m, int(i), id) + "; it will wake " + who + ".";
    }
    switch (t->wait) {
    case WaitKind::Timer:
        return who + " is sleeping until t=" + formatTime(t->deadline) + line() + ": its timer will wake it.";
    case WaitKind::Task:
        return who + " is awaiting " + history.taskLabel(t->awaited, m.at) + line() + ", which is " +
               brief(history, m, t->awaited, 1) + ".";
    default:
        break;
    }
    return who + " " + waitWords(history, *t, m.at) + line() + ": it runs again when that is done.";
}

} // namespace loopscope
