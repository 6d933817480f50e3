#include "TimelineViewport.h"

#include <algorithm>

namespace loopscope {

TimelineAxisLimits axisLimits(const TimelineModel& model, TimelineAxis axis)
{
    TimelineAxisLimits limits = axis == TimelineAxis::Time
                                    ? TimelineAxisLimits::forTime(model.endTime())
                                    : TimelineAxisLimits::forPasses(model.extent(TimelineAxis::Passes));
    // (A deadlock that Ctrl+C ended shows its waits in its own slot, before the end.)
    if (!model.runError().isEmpty() && model.endTime() > 0)
        limits.trailingRoom = model.hasDeadlockSlot() ? 0.12 : 0.45;
    return limits;
}

void TimelineViewport::reset(const TimelineModel& model)
{
    timeLimits_ = axisLimits(model, TimelineAxis::Time);
    passLimits_ = axisLimits(model, TimelineAxis::Passes);
    selection_ = {};
    state_.scroll = 0;
    std::tie(state_.x0, state_.x1) = limits().fitAll();
    emit selectionChanged();
    emit changed();
}

void TimelineViewport::setAxis(TimelineAxis axis)
{
    if (axis == state_.axis)
        return;
    state_.axis = axis;
    std::tie(state_.x0, state_.x1) = limits().fitAll();
    emit changed();
}

void TimelineViewport::setRange(double x0, double x1)
{
    const auto [a, b] = limits().clamp(x0, x1);
    if (a == state_.x0 && b == state_.x1)
        return;
    state_.x0 = a;
    state_.x1 = b;
    emit changed();
}

void TimelineViewport::zoomAt(double anchor, double factor)
{
    const auto [a, b] = limits().zoom(state_.x0, state_.x1, anchor, factor);
    setRange(a, b);
}

void TimelineViewport::panBy(double delta)
{
    const auto [a, b] = limits().pan(state_.x0, state_.x1, delta);
    setRange(a, b);
}

void TimelineViewport::fitAll()
{
    const auto [a, b] = limits().fitAll();
    state_.scroll = 0;
    state_.x0 = a;
    state_.x1 = b;
    emit changed();
}

void TimelineViewport::setArrows(bool on)
{
    if (state_.arrows == on)
        return;
    state_.arrows = on;
    emit changed();
}

void TimelineViewport::setMaxScroll(double maxScroll)
{
    maxScroll_ = std::max(0.0, maxScroll);
    if (state_.scroll > maxScroll_)
        setScroll(maxScroll_);
}

void TimelineViewport::setScroll(double rows)
{
    rows = std::clamp(rows, 0.0, maxScroll_);
    if (rows == state_.scroll)
        return;
    state_.scroll = rows;
    emit changed();
}

void TimelineViewport::setSelection(const TimelineScene::Hit& hit)
{
    if (hit == selection_)
        return;
    selection_ = hit;
    emit selectionChanged();
}

} // namespace loopscope
