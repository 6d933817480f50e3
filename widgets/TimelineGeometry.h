#pragma once
// Pure geometry of one view of the timeline (no painting, no fonts): how axis coordinates
// (seconds, or slots on the passes axis) map to pixels, where each shown row sits (the loop's
// row pinned at the top, the task rows scrolling below it), the limits of zoom and pan, and the
// axis ticks with their units.

#include <algorithm>
#include <utility>
#include <vector>

#include <QRectF>
#include <QString>

namespace loopscope {

// The loop's row, pinned above the scrolling task rows.
constexpr int kPinnedRow = -1;
constexpr int kNoDisplayRow = -2;

struct TimelineGeometry {
    QRectF plot;             // where bars are drawn: the pinned row on top, then the task rows
    double x0 = 0, x1 = 1;   // the axis coordinates at plot.left() and plot.right()
    double rowHeight = 24;   // one task row, in pixels
    double pinnedHeight = 0; // the loop's row (0: not shown)
    double scroll = 0;       // task rows scrolled past the top (fractional)
    int rowCount = 0;        // task rows shown (the pinned row not counted)

    // A stretch of the axis, [gapFrom, gapTo], drawn gapPixels wider than its coordinates make
    // it, at any zoom (the deadlock's slot: TimelineDeadlockSlot.h); gapPixels 0: none.
    double gapFrom = 0, gapTo = 0, gapPixels = 0;

    // -- x -----------------------------------------------------------------------------------
    double xFor(double coord) const
    {
        const double x = plot.left() + (coord - x0) * pixelsPerUnit();
        return gapPixels > 0 ? x + gapShift(coord) - gapShift(x0) : x;
    }
    double coordAt(double x) const
    {
        if (gapPixels <= 0)
            return x0 + (x - plot.left()) / pixelsPerUnit();
        const double a = xFor(gapFrom), b = xFor(gapTo);
        if (x <= a)
            return gapFrom - (a - x) / pixelsPerUnit();
        if (x >= b)
            return gapTo + (x - b) / pixelsPerUnit();
        return gapFrom + (x - a) / (b - a) * (gapTo - gapFrom);
    }
    // Outside the gap.
    double pixelsPerUnit() const
    {
        const double width = plot.width() - (gapPixels > 0 ? gapShift(x1) - gapShift(x0) : 0.0);
        return x1 > x0 ? width / (x1 - x0) : 1.0;
    }
    // The pixels the gap adds up to [coord]: none before it, all of them after it.
    double gapShift(double coord) const
    {
        if (coord <= gapFrom)
            return 0;
        const double pixels = std::min(gapPixels, plot.width() * 0.5);
        return coord >= gapTo ? pixels : pixels * ((coord - gapFrom) / (gapTo - gapFrom));
    }

    // -- Rows ----------------------------------------------------------------------------------
    // The area task rows scroll in: the plot below the pinned row.
    QRectF scrollArea() const;
    // Top edge and centre of task row [row] (0-based), or of the pinned row for kPinnedRow.
    double rowTop(int row) const;
    double rowCentre(int row) const;
    double heightOf(int row) const { return row == kPinnedRow ? pinnedHeight : rowHeight; }
    // The row under [y]: a task row, kPinnedRow, or kNoDisplayRow.
    int rowAt(double y) const;
    // Task rows at least partly visible: [first, last).
    std::pair<int, int> visibleRows() const;
    // How many task rows fit, and the largest sensible scroll.
    double rowsThatFit() const;
    double maxScroll() const;
};

// How far a view may zoom and pan on one axis: the data's extent, and the narrowest span.
struct TimelineAxisLimits {
    double start = 0, end = 1; // the data's extent
    double minSpan = 1e-6;
    // Room after the end in fit-all, as a fraction of the extent: a run that ended waiting
    // (a deadlock, a limit) gets more, so that the rows still waiting can say on what.
    double trailingRoom = 0.06;

    // [x0, x1] zoomed by [factor] (< 1 zooms in) around [anchor], then clamped.
    std::pair<double, double> zoom(double x0, double x1, double anchor, double factor) const;
    // [x0, x1] moved by [delta], then clamped.
    std::pair<double, double> pan(double x0, double x1, double delta) const;
    // The whole extent with a small margin on each side.
    std::pair<double, double> fitAll() const;
    // [x0, x1] with its span between minSpan and the extent's (plus margins), kept overlapping
    // the data.
    std::pair<double, double> clamp(double x0, double x1) const;
    double maxSpan() const;

    // Limits for a time axis ending at [endTime] seconds, or a passes axis of [slotCount] slots.
    static TimelineAxisLimits forTime(double endTime);
    static TimelineAxisLimits forPasses(double slotCount);
};

// A tick on the time axis: where, and its label with unit ("0.5 s", "250 ms", "2 min").
struct TimelineTick {
    double coord = 0;
    QString label;
};

// Ticks every 1, 2 or 5 units of a power of ten, at least [minSpacing] pixels apart, for the
// visible range [x0, x1] over [widthPx] pixels.
std::vector<TimelineTick> timeTicks(double x0, double x1, double widthPx, double minSpacing = 80);

// The tick step (in coordinate units) for [span] over [widthPx]: 1, 2 or 5 times a power of ten.
double niceStep(double span, double widthPx, double minSpacing);

} // namespace loopscope
