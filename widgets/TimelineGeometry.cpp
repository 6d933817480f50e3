#include "TimelineGeometry.h"

#include <algorithm>
#include <cmath>

namespace loopscope {

// -- Rows ------------------------------------------------------------------------------------------

QRectF TimelineGeometry::scrollArea() const
{
    return QRectF(plot.left(), plot.top() + pinnedHeight, plot.width(),
                  std::max(0.0, plot.height() - pinnedHeight));
}

double TimelineGeometry::rowTop(int row) const
{
    if (row == kPinnedRow)
        return plot.top();
    return plot.top() + pinnedHeight + (row - scroll) * rowHeight;
}

double TimelineGeometry::rowCentre(int row) const
{
    return rowTop(row) + heightOf(row) / 2;
}

int TimelineGeometry::rowAt(double y) const
{
    if (y < plot.top() || y >= plot.bottom())
        return kNoDisplayRow;
    if (y < plot.top() + pinnedHeight)
        return kPinnedRow;
    const int row = int(std::floor((y - plot.top() - pinnedHeight) / rowHeight + scroll));
    return row >= 0 && row < rowCount ? row : kNoDisplayRow;
}

std::pair<int, int> TimelineGeometry::visibleRows() const
{
    if (rowHeight <= 0 || rowCount == 0)
        return {0, 0};
    const int first = std::clamp(int(std::floor(scroll)), 0, rowCount);
    const int last = std::clamp(int(std::ceil(scroll + rowsThatFit())), first, rowCount);
    return {first, last};
}

double TimelineGeometry::rowsThatFit() const
{
    return rowHeight > 0 ? scrollArea().height() / rowHeight : 0;
}

double TimelineGeometry::maxScroll() const
{
    return std::max(0.0, rowCount - std::floor(rowsThatFit()));
}

// -- Zoom and pan limits ---------------------------------------------------------------------------

double TimelineAxisLimits::maxSpan() const
{
    return std::max(minSpan, (end - start) * (1.2 + trailingRoom));
}

std::pair<double, double> TimelineAxisLimits::clamp(double x0, double x1) const
{
    double span = std::clamp(x1 - x0, minSpan, maxSpan());
    if (!(span > 0))
        span = minSpan;
    const double centre = (x0 + x1) / 2;
    x0 = centre - span / 2;
    // Keep at least a fifth of the view on the data.
    const double lowest = start - span * 0.8, highest = end - span * 0.2;
    x0 = std::clamp(x0, lowest, std::max(lowest, highest));
    return {x0, x0 + span};
}

std::pair<double, double> TimelineAxisLimits::zoom(double x0, double x1, double anchor, double factor) const
{
    const double span = std::clamp((x1 - x0) * factor, minSpan, maxSpan());
    const double ratio = x1 > x0 ? (anchor - x0) / (x1 - x0) : 0.5;
    const double left = anchor - ratio * span;
    return clamp(left, left + span);
}

std::pair<double, double> TimelineAxisLimits::pan(double x0, double x1, double delta) const
{
    return clamp(x0 + delta, x1 + delta);
}

std::pair<double, double> TimelineAxisLimits::fitAll() const
{
    // More room on the right: the run's last instant carries its end markers and arrows.
    const double span = end - start;
    return clamp(start - span * 0.02, end + span * trailingRoom);
}

TimelineAxisLimits TimelineAxisLimits::forTime(double endTime)
{
    // A run that takes no virtual time still gets a one-second axis.
    const double end = endTime > 0 ? endTime : 1.0;
    return {0, end, std::max(1e-6, end * 1e-9)};
}

TimelineAxisLimits TimelineAxisLimits::forPasses(double slotCount)
{
    return {0, std::max(slotCount, 1.0), 2.0};
}

// -- Ticks ---------------------------------------------------------------------------------------

double niceStep(double span, double widthPx, double minSpacing)
{
    if (!(span > 0) || !(widthPx > 0))
        return 1;
    const double rough = span * minSpacing / widthPx;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= rough)
            return m * power;
    return 10 * power;
}

namespace {

// Formats [value] given in seconds with a unit that suits ticks [step] apart.
QString timeLabel(double value, double step)
{
    struct Unit {
        double seconds;
        const char* name;
    };
    static const Unit units[] = {{3600, "h"},  {60, "min"},  {1, "s"},
                                 {1e-3, "ms"}, {1e-6, "µs"}, {1e-9, "ns"}};
    // Seconds for everything a learner types (sleep(0.05) reads "0.05 s"); minutes and hours for
    // long runs; ms and below only for tiny steps.
    const Unit* unit = &units[2];
    if (step >= 60)
        unit = step >= 3600 ? &units[0] : &units[1];
    else if (step < 0.01)
        unit = step >= 1e-5 ? &units[3] : step >= 1e-8 ? &units[4] : &units[5];
    const double scaled = value / unit->seconds, scaledStep = step / unit->seconds;
    const int decimals = std::clamp(int(std::ceil(-std::log10(scaledStep) - 1e-9)), 0, 9);
    QString text = QString::number(std::abs(scaled) < scaledStep * 1e-6 ? 0.0 : scaled, 'f', decimals);
    return text + u' ' + QString::fromUtf8(unit->name);
}

} // namespace

std::vector<TimelineTick> timeTicks(double x0, double x1, double widthPx, double minSpacing)
{
    std::vector<TimelineTick> ticks;
    if (!(x1 > x0) || !(widthPx > 0))
        return ticks;
    double step = niceStep(x1 - x0, widthPx, minSpacing);
    const double rough = (x1 - x0) * minSpacing / widthPx;
    if (rough > 60) {
        // Clock steps for long runs: minutes and hours, not 500 s.
        static const double clock[] = {120,  300,  600,   900,   1200,  1800,
                                       3600, 7200, 10800, 21600, 43200, 86400};
        step = 86400 * niceStep(rough / 86400, 1, 1);
        for (double c : clock)
            if (c >= rough) {
                step = c;
                break;
            }
    }
    for (double k = std::ceil(x0 / step); k * step <= x1 + step * 1e-9; k += 1) {
        const double coord = k * step;
        ticks.push_back({coord, timeLabel(coord, step)});
        if (ticks.size() > 1000)
            break;
    }
    return ticks;
}

} // namespace loopscope
