#include "LoopWords.h"

#include <cctype>
#include <charconv>
#include <cmath>

#include "source_text.h"

namespace loopscope {

// -- Source lines --------------------------------------------------------------------------------

SourceLines::SourceLines(std::string_view source)
{
    size_t start = 0;
    while (start <= source.size()) {
        size_t end = source.find('\n', start);
        if (end == std::string_view::npos)
            end = source.size();
        std::string line(source.substr(start, end - start));
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines_.push_back(std::move(line));
        start = end + 1;
    }
}

namespace {

// [text] without its comment, trimmed.
std::string trimmedCode(std::string_view text)
{
    text = withoutComment(text);
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const size_t last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

bool isIdentifierChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

} // namespace

std::string SourceLines::statement(uint32_t line) const
{
    return has(line) ? trimmedCode(lines_[line - 1]) : std::string();
}

std::string SourceLines::awaited(uint32_t line) const
{
    const std::string text = statement(line);
    const size_t at = text.find("await ");
    if (at == std::string::npos || (at > 0 && isIdentifierChar(text[at - 1])))
        return {};
    // The awaited expression: a dotted name and its balanced call parentheses.
    size_t i = at + 6, depth = 0;
    const size_t start = i;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '(' || c == '[')
            ++depth;
        else if (c == ')' || c == ']') {
            if (depth == 0)
                break;
            if (--depth == 0) {
                ++i;
                break;
            }
        } else if (depth == 0 && !isIdentifierChar(c))
            break;
    }
    return text.substr(start, i - start);
}

// -- Words ---------------------------------------------------------------------------------------

std::string formatTime(double t)
{
    if (!std::isfinite(t))
        return t > 0 ? "inf" : t < 0 ? "-inf" : "nan";
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, t);
    std::string text(buffer, ec == std::errc() ? end : buffer);
    if (text.find_first_of(".en") == std::string::npos)
        text += ".0";
    return text;
}

std::string handleCount(int n)
{
    return std::to_string(n) + (n == 1 ? " handle" : " handles");
}

std::string handleSubject(const LoopHistory& history, const QueuedHandle& h, EventIndex at)
{
    if (h.kind != HandleKind::Callback)
        return history.taskLabel(h.task, at);
    const std::string name(history.trace().string(h.callback));
    return name.empty() ? "a callback" : name;
}

std::string handleRole(const LoopHistory& history, const QueuedHandle& h, EventIndex at)
{
    switch (h.kind) {
    case HandleKind::TaskStep:
        // create_task schedules the first step at once.
        return h.since.value == history.createdAt(h.task).value + 1 ? "first step" : "step";
    case HandleKind::TaskWakeup:
        return "wake-up";
    case HandleKind::Callback:
        break;
    }
    if (h.fromTimer) {
        const PendingTimer* timer = history.timerOf(h.handle);
        if (timer && timer->kind == TimerKind::Sleep && history.knowsTask(timer->task))
            return "timer: ends " + history.taskLabel(timer->task, at) + "'s sleep";
        if (timer && timer->kind == TimerKind::Timeout && history.knowsTask(timer->task))
            return "timer: a timeout of " + history.taskLabel(timer->task, at);
        return "timer callback";
    }
    return "callback";
}

std::string timerPurpose(const LoopHistory& history, const PendingTimer& timer, EventIndex at)
{
    const std::string who = history.knowsTask(timer.task) ? history.taskLabel(timer.task, at) : std::string();
    const std::string callback(history.trace().string(timer.callback));
    switch (timer.kind) {
    case TimerKind::Sleep:
        return who.empty() ? "ends a sleep" : "wakes " + who;
    case TimerKind::Timeout:
        return who.empty() ? "a timeout" : "times out " + who + "'s wait";
    case TimerKind::Callback:
        break;
    }
    return "calls " + (callback.empty() ? std::string("a callback") : callback);
}

std::string waitWords(const LoopHistory& history, const TaskAtMoment& task, EventIndex at)
{
    switch (task.wait) {
    case WaitKind::None:
        return "finishes";
    case WaitKind::Ready:
        return "yields: it is back in the ready queue";
    case WaitKind::Timer:
        return "sleeps until t=" + formatTime(task.deadline);
    case WaitKind::Task:
        return "awaits " + history.taskLabel(task.awaited, at);
    default:
        break;
    }
    std::string label(history.trace().string(task.waitLabel));
    if (label.empty())
        label = std::string(waitKindDescription(task.wait));
    return "waits on " + label;
}

std::string taskStateWords(const LoopHistory& history, const LoopMoment& moment, const TaskAtMoment& task)
{
    const auto atLine = [&](std::string words) {
        return task.line && task.line < 100000 ? words + ", line " + std::to_string(task.line) : words;
    };
    std::string words;
    switch (task.phase) {
    case TaskPhase::Running:
        return atLine(moment.blockingCall ? "running, blocking the loop" : "running");
    case TaskPhase::NotStarted:
        words = "ready to start";
        break;
    case TaskPhase::Suspended:
        if (task.readyPosition >= 0)
            words = "ready: woken";
        else if (task.wait == WaitKind::Timer)
            return atLine("sleeping until t=" + formatTime(task.deadline));
        else
            return atLine(waitWords(history, task, moment.at));
        break;
    case TaskPhase::Done: {
        const auto end = history.finishedAt(task.task);
        const std::string result = end ? std::string(history.trace().string(history.event(*end).text())) : "";
        return result.empty() ? "done" : "done: " + result;
    }
    case TaskPhase::Cancelled:
        return "cancelled";
    case TaskPhase::Failed: {
        const auto end = history.finishedAt(task.task);
        const std::string error = end ? std::string(history.trace().string(history.event(*end).text())) : "";
        return error.empty() ? "failed" : "failed: " + error;
    }
    }
    if (task.readyPosition == 0)
        return words + ", next in the queue";
    if (task.readyPosition > 0)
        return words + ", " + handleCount(task.readyPosition) + " ahead";
    return words;
}

} // namespace loopscope
