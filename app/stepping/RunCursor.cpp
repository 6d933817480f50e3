#include "RunCursor.h"

#include <algorithm>

namespace loopscope {

RunCursor::RunCursor(const TraceRecorder& trace)
{
    const TraceEvents& events = trace.events();
    uint32_t lastPass = UINT32_MAX; // the PassBegan whose first stop is still to come
    double lastTime = -1;
    TaskId resumed;              // the task whose StepBegan is the latest stop
    uint32_t resumedAt = 0;      // and its line
    bool lastStopIsStep = false; // whether stops_.back() is a StepBegan (no lookup per statement)
    // In order, record by record (no index lookup per event).
    for (auto it = events.begin(); it != events.end(); ++it) {
        const uint32_t i = uint32_t(it.index());
        const TraceEvent e = *it;
        uint32_t line = 0;
        switch (e.kind) {
        case EventKind::Statement:
            // The statement a step resumes at is already the step's stop.
            if (resumed == e.task && resumedAt == e.line() && lastStopIsStep)
                continue;
            line = e.line();
            break;
        case EventKind::StepBegan:
            line = e.line();
            break;
        case EventKind::CallbackRan:
        case EventKind::ClockJumped:
        case EventKind::RunEnded:
            break;
        case EventKind::PassBegan:
            lastPass = i;
            continue;
        default:
            continue;
        }
        const int position = int(stops_.size());
        stops_.push_back(i);
        stopLines_.push_back(line);
        lastStopIsStep = e.kind == EventKind::StepBegan;
        if (line)
            positionsOfLine_[line].push_back(position);
        if (e.kind == EventKind::StepBegan) {
            stepBegins_.push_back(position);
            resumed = e.task;
            resumedAt = e.line();
        } else {
            resumed = TaskId{};
        }
        if (e.kind == EventKind::StepBegan || e.kind == EventKind::CallbackRan)
            steps_.push_back(position);
        if (lastPass != UINT32_MAX) {
            passes_.push_back(position);
            lastPass = UINT32_MAX;
        }
        const double t = e.kind == EventKind::ClockJumped ? e.newTime() : e.t;
        if (position > 0 && t > lastTime)
            clockJumps_.push_back(position);
        lastTime = t;
    }
}

bool RunCursor::setPosition(int position)
{
    if (stops_.empty())
        return false;
    position = std::clamp(position, 0, lastPosition());
    if (position == position_)
        return false;
    position_ = position;
    return true;
}

const std::vector<int>& RunCursor::positionsOf(StepUnit unit) const
{
    static const std::vector<int> none;
    switch (unit) {
    case StepUnit::Statement:
        return none; // every position
    case StepUnit::Step:
        return steps_;
    case StepUnit::Pass:
        return passes_;
    case StepUnit::ClockJump:
        return clockJumps_;
    }
    return none;
}

int RunCursor::nextPosition(StepUnit unit) const
{
    if (stops_.empty())
        return 0;
    if (unit == StepUnit::Statement)
        return std::min(position_ + 1, lastPosition());
    const std::vector<int>& v = positionsOf(unit);
    const auto next = std::upper_bound(v.begin(), v.end(), position_);
    return next == v.end() ? lastPosition() : *next;
}

int RunCursor::previousPosition(StepUnit unit) const
{
    if (unit == StepUnit::Statement)
        return std::max(position_ - 1, 0);
    const std::vector<int>& v = positionsOf(unit);
    const auto next = std::lower_bound(v.begin(), v.end(), position_);
    return next == v.begin() ? 0 : *std::prev(next);
}

int RunCursor::positionAtOrBefore(EventIndex e) const
{
    const auto next = std::upper_bound(stops_.begin(), stops_.end(), e.value);
    return next == stops_.begin() ? 0 : int(next - stops_.begin()) - 1;
}

int RunCursor::positionOfStep(int k) const
{
    if (k < 1 || k > stepCount())
        return -1;
    return stepBegins_[size_t(k - 1)];
}

int RunCursor::stepNumberAt(int position) const
{
    return int(std::upper_bound(stepBegins_.begin(), stepBegins_.end(), position) - stepBegins_.begin());
}

uint32_t RunCursor::lineAt(int position) const
{
    if (position < 0 || position >= count())
        return 0;
    return stopLines_[size_t(position)];
}

std::optional<int> RunCursor::nextBreakpointHit() const
{
    std::optional<int> best;
    for (uint32_t line : breakpoints_) {
        const auto found = positionsOfLine_.find(line);
        if (found == positionsOfLine_.end())
            continue;
        const auto next = std::upper_bound(found->second.begin(), found->second.end(), position_);
        if (next != found->second.end() && (!best || *next < *best))
            best = *next;
    }
    return best;
}

std::optional<int> RunCursor::previousBreakpointHit() const
{
    std::optional<int> best;
    for (uint32_t line : breakpoints_) {
        const auto found = positionsOfLine_.find(line);
        if (found == positionsOfLine_.end())
            continue;
        const auto next = std::lower_bound(found->second.begin(), found->second.end(), position_);
        if (next != found->second.begin() && (!best || *std::prev(next) > *best))
            best = *std::prev(next);
    }
    return best;
}

} // namespace loopscope
