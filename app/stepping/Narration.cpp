#include "Narration.h"

#include <algorithm>

namespace loopscope {

namespace {

// Effects past this many events of one stop are summed up, not listed (a long loop in one step).
constexpr uint32_t kMaxEffectEvents = 4000;
constexpr size_t kMaxEffects = 6;

std::string quoted(std::string_view text)
{
    constexpr size_t kMax = 60;
    std::string s(text.substr(0, text.find('\n')));
    if (s.size() > kMax)
        s = s.substr(0, kMax) + "…";
    return "“" + s + "”";
}

std::string capitalised(std::string s)
{
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
        s[0] = char(s[0] - 'a' + 'A');
    return s;
}

} // namespace

std::string joinPhrases(const std::vector<std::string>& phrases)
{
    std::string out;
    for (size_t i = 0; i < phrases.size(); ++i) {
        if (i > 0)
            out += i + 1 == phrases.size() ? " and " : ", ";
        out += phrases[i];
    }
    return out;
}

std::string Narrator::sentence(int position) const
{
    if (position < 0 || position >= cursor_.count())
        return {};
    const EventIndex at = cursor_.eventAt(position);
    const EventIndex next = position + 1 < cursor_.count() ? cursor_.eventAt(position + 1)
                                                           : EventIndex{uint32_t(history_.eventCount())};
    switch (history_.event(at).kind) {
    case EventKind::StepBegan:
        return stepSentence(at);
    case EventKind::Statement:
        return statementSentence(at, next);
    case EventKind::CallbackRan:
        return callbackSentence(at, next);
    case EventKind::ClockJumped:
        return clockSentence(at, next);
    case EventKind::RunEnded:
        return endSentence(at);
    default:
        return {};
    }
}

uint32_t Narrator::findFirstPass(const LoopHistory& history)
{
    const uint32_t count = uint32_t(history.eventCount());
    for (uint32_t i = 0; i < count; ++i)
        if (history.event(EventIndex{i}).kind == EventKind::PassBegan)
            return i;
    return count;
}

std::string Narrator::whoRuns(EventIndex at) const
{
    const TraceEvent& e = history_.event(at);
    if (e.task.value != 0)
        return history_.taskLabel(e.task, at);
    // Code outside any task: a plain callback the loop runs, or the program's top level.
    if (at.value < firstPass_)
        return "the program";
    const LoopMoment m = history_.at(at);
    if (!m.loopClosed) {
        for (uint32_t i = at.value; i-- > 0;) {
            const TraceEvent& before = history_.event(EventIndex{i});
            if (before.kind == EventKind::CallbackRan)
                return "the callback " + std::string(history_.trace().string(before.callbackName()));
            if (before.kind == EventKind::StepBegan || before.kind == EventKind::StepEnded ||
                before.kind == EventKind::PassBegan)
                break;
        }
    }
    return "the program";
}

std::string Narrator::stepSentence(EventIndex began) const
{
    const TraceEvent& e = history_.event(began);
    const std::string who = history_.taskLabel(e.task, began);
    const EventIndex end = history_.stepEnd(began);
    const QueuedHandle* handle = history_.queuedHandle(e.handle());
    const bool first = handle && handle->kind == HandleKind::TaskStep &&
                       handle->since.value == history_.createdAt(e.task).value + 1;

    // The last statement of the step: where it suspends or returns.
    uint32_t lastLine = e.line();
    for (uint32_t i = end.value; i > began.value && end.value - i < kMaxEffectEvents; --i) {
        const TraceEvent& s = history_.event(EventIndex{i});
        if (s.kind == EventKind::StepEnded && s.line()) {
            lastLine = s.line();
            break;
        }
        if (s.kind == EventKind::Statement && s.task == e.task) {
            lastLine = s.line();
            break;
        }
    }
    std::string text = "t=" + formatTime(e.t) + " · " + who;
    const bool scenarioLines = source_.has(lastLine);
    if (!first && scenarioLines)
        text += " resumes at line " + std::to_string(e.line()) + (lastLine == e.line() ? " and" : ",");
    if (scenarioLines && (first || lastLine != e.line()))
        text += " runs to line " + std::to_string(lastLine) + " and";
    text += " " + ending(e.task, end) + ".";
    std::vector<std::string> done = effects(began.value, end.value, e.task);
    if (!done.empty())
        text += " On the way it " + joinPhrases(done) + ".";
    return text + whatComesNext(end);
}

std::string Narrator::statementSentence(EventIndex at, EventIndex next) const
{
    const TraceEvent& e = history_.event(at);
    std::string text =
        "t=" + formatTime(e.t) + " · " + capitalised(whoRuns(at)) + " runs line " + std::to_string(e.line());
    const std::string statement = source_.statement(e.line());
    if (!statement.empty())
        text += ": " + statement;
    std::vector<std::string> done = effects(at.value, next.value, e.task);
    if (!done.empty())
        text += " — it " + joinPhrases(done);
    text += ".";
    // Does the step end before the next stop?
    for (uint32_t i = at.value + 1; i < next.value && i - at.value < kMaxEffectEvents; ++i) {
        const TraceEvent& s = history_.event(EventIndex{i});
        if ((s.kind == EventKind::StepEnded || s.kind == EventKind::TaskFinished) && s.task == e.task &&
            e.task.value != 0) {
            EventIndex end{i};
            if (s.kind == EventKind::StepEnded && i + 1 < next.value &&
                history_.event(EventIndex{i + 1}).kind == EventKind::TaskFinished)
                end = EventIndex{i + 1};
            return text + " Then " + history_.taskLabel(e.task, at) + " " + ending(e.task, end) + "." +
                   whatComesNext(end);
        }
    }
    return text;
}

std::string Narrator::callbackSentence(EventIndex at, EventIndex next) const
{
    const TraceEvent& e = history_.event(at);
    std::string name(history_.trace().string(e.callbackName()));
    if (name.empty())
        name = "a callback";
    std::string text = "t=" + formatTime(e.t) + " · The loop calls " + name;
    if (const QueuedHandle* h = history_.queuedHandle(e.handle())) {
        const std::string role = handleRole(history_, *h, at);
        if (role != "callback")
            text += " (" + role + ")";
    }
    std::vector<std::string> done = effects(at.value, next.value, TaskId{});
    if (!done.empty())
        text += ": it " + joinPhrases(done);
    text += ".";
    // A callback that runs no scenario code ends before the next stop.
    if (history_.event(next.value < history_.eventCount() ? next : at).kind != EventKind::Statement)
        text += whatComesNext(EventIndex{next.value ? next.value - 1 : 0});
    return text;
}

std::string Narrator::clockSentence(EventIndex at, EventIndex next) const
{
    const TraceEvent& e = history_.event(at);
    std::string text = "t=" + formatTime(e.t) + " → " + formatTime(e.newTime()) +
                       " · Nothing is ready, so the loop waits for its next timer: the clock jumps from t=" +
                       formatTime(e.t) + " to t=" + formatTime(e.newTime());
    std::vector<std::string> due;
    for (uint32_t i = at.value + 1; i < next.value && i < history_.eventCount(); ++i) {
        const TraceEvent& f = history_.event(EventIndex{i});
        if (f.kind != EventKind::TimerFired)
            continue;
        if (const PendingTimer* timer = history_.timerOf(f.handle()))
            due.push_back(timerPurpose(history_, *timer, at));
        if (due.size() == kMaxEffects)
            break;
    }
    if (!due.empty())
        text += ", when the timer that " + joinPhrases(due) + " is due";
    return text + ".";
}

std::string Narrator::endSentence(EventIndex at) const
{
    const TraceEvent& e = history_.event(at);
    const std::string text(history_.trace().string(e.text()));
    std::string out = "t=" + formatTime(e.t) + " · The program ends";
    if (e.status() == EndStatus::Ok || text.empty())
        out += ": asyncio.run has returned";
    else
        out += " with " + text.substr(0, text.find('\n'));
    out +=
        " (" + std::to_string(cursor_.stepCount()) + (cursor_.stepCount() == 1 ? " step" : " steps") + ").";
    return out;
}

std::string Narrator::ending(TaskId task, EventIndex end) const
{
    if (end.value >= history_.eventCount())
        return "is still running when the run stops";
    TraceEvent ended = history_.event(end);
    if (ended.kind == EventKind::StepEnded && ended.wait() == WaitKind::None &&
        end.value + 1 < history_.eventCount() &&
        history_.event(EventIndex{end.value + 1}).kind == EventKind::TaskFinished)
        ended = history_.event(EventIndex{end.value + 1});
    const TraceEvent* e = &ended;
    if (e->kind == EventKind::TaskFinished) {
        const std::string text(history_.trace().string(e->text()));
        switch (e->status()) {
        case EndStatus::Ok:
            return "returns " + text + ": it is done";
        case EndStatus::Cancelled:
            return "ends with CancelledError: it is cancelled";
        case EndStatus::Failed:
            return "raises " + text.substr(0, text.find('\n')) + ": it has failed";
        }
    }
    if (e->kind != EventKind::StepEnded)
        return "is still running when the run stops";
    TaskAtMoment parked;
    parked.task = task;
    parked.wait = e->wait();
    parked.awaited = e->awaitedTask();
    parked.waitLabel = e->waitLabel();
    parked.deadline = e->deadline();
    const std::string expr = source_.awaited(e->line());
    const std::string wait = waitWords(history_, parked, end);
    if (expr.empty())
        return wait;
    if (parked.wait == WaitKind::Task)
        return "awaits " + expr + ", which is " + history_.taskLabel(parked.awaited, end);
    return "awaits " + expr + ": it " + wait;
}

std::string Narrator::whatComesNext(EventIndex after) const
{
    const int position = cursor_.positionAtOrBefore(after) + 1;
    if (position >= cursor_.count())
        return {};
    const EventIndex next = cursor_.eventAt(position);
    const TraceEvent& e = history_.event(next);
    switch (e.kind) {
    case EventKind::StepBegan: {
        std::string text = " Next the loop runs " + history_.taskLabel(e.task, next);
        if (const QueuedHandle* h = history_.queuedHandle(e.handle()))
            text += ", ready since t=" + formatTime(history_.event(h->since).t);
        return text + ".";
    }
    case EventKind::CallbackRan:
        return " Next the loop calls " + std::string(history_.trace().string(e.callbackName())) + ".";
    case EventKind::ClockJumped:
        return " Then nothing is ready: the clock jumps to t=" + formatTime(e.newTime()) + ".";
    case EventKind::RunEnded:
        return " Then the program ends.";
    default:
        return {};
    }
}

std::vector<std::string> Narrator::effects(uint32_t from, uint32_t to, TaskId self) const
{
    std::vector<std::string> out;
    const std::string_view none;
    to = std::min<uint32_t>({to, uint32_t(history_.eventCount()), from + kMaxEffectEvents});
    for (uint32_t i = from + 1; i < to && out.size() < kMaxEffects; ++i) {
        const EventIndex at{i};
        const TraceEvent& e = history_.event(at);
        const auto string = [&](StringId id) { return id.value ? history_.trace().string(id) : none; };
        switch (e.kind) {
        case EventKind::TaskCreated:
            out.push_back("creates " + history_.taskLabel(e.task, at));
            break;
        case EventKind::TaskRenamed:
            out.push_back("names a task " + std::string(string(e.name())));
            break;
        case EventKind::CancelRequested:
            out.push_back("cancels " + history_.taskLabel(e.task, at));
            break;
        case EventKind::ReadyPushed:
            if (e.handleKind() == HandleKind::TaskWakeup && e.task != self)
                out.push_back("wakes " + history_.taskLabel(e.task, at));
            else if (e.handleKind() == HandleKind::TaskStep && e.task != self &&
                     history_.createdAt(e.task).value + 1 != i)
                out.push_back("puts " + history_.taskLabel(e.task, at) + "'s step in the ready queue");
            else if (e.handleKind() == HandleKind::Callback)
                out.push_back("schedules the callback " + std::string(string(e.callbackName())));
            break;
        case EventKind::TimerScheduled:
            if (e.timerKind() == TimerKind::Callback)
                out.push_back("sets a timer to call " + std::string(string(e.callbackName())) +
                              " at t=" + formatTime(e.deadline()));
            else if (e.timerKind() == TimerKind::Timeout)
                out.push_back("sets a timeout for t=" + formatTime(e.deadline()));
            break;
        case EventKind::HandleCancelled:
            out.push_back(history_.timerOf(e.handle()) ? "cancels a timer" : "cancels a callback");
            break;
        case EventKind::BlockingCall:
            out.push_back("blocks the whole loop in " + std::string(string(e.text())) +
                          " until t=" + formatTime(e.endTime()));
            break;
        case EventKind::Output:
            out.push_back("prints " + quoted(string(e.text())));
            break;
        case EventKind::Warning:
            out.push_back("warns " + quoted(string(e.text())));
            break;
        case EventKind::LoopClosed:
            out.push_back("closes the loop");
            break;
        case EventKind::TaskFinished:
            if (e.task != self)
                out.push_back("finishes " + history_.taskLabel(e.task, at));
            break;
        case EventKind::TaskJoined:
        case EventKind::StepBegan:
        case EventKind::StepEnded:
        case EventKind::TimerFired:
        case EventKind::CallbackRan:
        case EventKind::PassBegan:
        case EventKind::ClockJumped:
        case EventKind::Statement:
        case EventKind::RunEnded:
            break;
        }
    }
    return out;
}

} // namespace loopscope
