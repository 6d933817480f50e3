#pragma once
// The preprocessing pass between the model and the painting: which rows are shown (the row
// filter, asyncio.run's shutdown tasks), and, for one view, the pixel rectangles of what is on
// screen. Off-screen bars are skipped by binary search; runs of bars narrower than a few pixels
// fold into one box that says how many it holds (Tracy's MinVisSize), so a paint costs
// O(visible pixels x log segments), not O(segments). Pure: tested without a GUI.

#include <algorithm>
#include <cstdint>
#include <vector>

#include <QLineF>
#include <QPointF>
#include <QRectF>
#include <QString>

#include "TimelineGeometry.h"
#include "TimelineModel.h"

namespace loopscope {

// The rows a view shows, in order, and where each model row is shown.
struct TimelineRowSet {
    bool loopShown = true;
    std::vector<int> rows;      // model rows of the task rows shown (display order)
    std::vector<int> displayOf; // model row -> display row, kPinnedRow for the loop, or kNoDisplayRow

    int displayRowOf(int modelRow) const
    {
        return modelRow >= 0 && size_t(modelRow) < displayOf.size() ? displayOf[size_t(modelRow)]
                                                                    : kNoDisplayRow;
    }
    int modelRowOf(int displayRow) const
    {
        if (displayRow == kPinnedRow)
            return loopShown ? 0 : -1;
        return displayRow >= 0 && size_t(displayRow) < rows.size() ? rows[size_t(displayRow)] : -1;
    }
};

// The rows of [model] whose label contains [filter] (case-insensitive; empty: all), without
// asyncio.run's shutdown tasks unless [showShutdownTasks].
TimelineRowSet selectRows(const TimelineModel& model, const QString& filter, bool showShutdownTasks);

struct TimelineLayoutOptions {
    TimelineAxis axis = TimelineAxis::Time;
    bool arrows = true;
    double stepWidth = 6;  // pixels a step or callback of zero duration takes
    double readyWidth = 4; // pixels a turn in the ready queue of zero duration takes
    double foldWidth = 3;  // runs of bars narrower than this fold into one box
    // Bars of one instant (no virtual time between them) drawn side by side rather than folded,
    // at most: zooming in never separates them.
    int maxSideBySide = 16;
    int maxArrows = 1500; // arrows drawn at most (the densest views thin them)
    // Walks along a row search forwards from where they are (and on the time axis stop at sampled
    // starts where that is all they need), and a sleep's deadline mark comes from the model's
    // flags: the same scene with fewer reads of the trace. False: a full search at every step,
    // and each deadline read from the sleep's event, the plain path the tests compare the
    // shortcuts with.
    bool shortcuts = true;
};

// What one paint draws, in pixels.
struct TimelineScene {
    struct Row {
        int displayRow;
        int modelRow;
        double top, height;
    };
    struct Bar {
        QRectF rect;
        int row;     // model row
        int segment; // index in the row
        SegmentKind kind;
        uint8_t flags;
    };
    struct Fold {
        QRectF rect;
        int row;
        int first, count; // segments of the row folded into it
    };
    struct Marker {
        QPointF at;
        int row;
        uint32_t index; // into the model row's markers
        MarkerKind kind;
    };
    struct Arrow {
        QPointF from, to;
        uint32_t index; // into model.arrows()
        ArrowKind kind;
    };
    struct Stall {
        double left, right;
        uint32_t index; // into model.stalls()
    };
    struct Deadline {
        QPointF at; // the deadline of a sleep, on its row's centre line
        double halfHeight;
        bool reached; // false: the sleep ended before it (cancelled)
    };
    struct PassColumn {
        double left, right;
        int pass; // 0-based
    };

    std::vector<Row> rows;
    std::vector<Bar> bars;
    std::vector<Fold> folds;
    std::vector<Marker> markers;
    std::vector<Arrow> arrows;
    std::vector<Stall> stalls;
    std::vector<Deadline> deadlines;
    std::vector<PassColumn> passes;

    // What is under a point, for tooltips and clicks.
    struct Hit {
        enum Kind { None, Segment, Fold, Marker, Arrow, Stall } kind = None;
        int row = -1;   // model row
        int index = -1; // segment, first folded segment, marker (in the row), arrow or stall
        int count = 0;  // folded segments
        QRectF rect;    // the item's box (a marker's: around it)
        QLineF line;    // an arrow's line

        bool operator==(const Hit& o) const { return kind == o.kind && row == o.row && index == o.index; }
    };
    Hit hitAt(QPointF pos) const;
    // Where [item] (a hit from an earlier scene) is drawn in this one; None when it is not.
    Hit locate(const Hit& item) const;
};

TimelineScene layoutTimeline(const TimelineModel& model, const TimelineRowSet& rows,
                             const TimelineGeometry& geometry, const TimelineLayoutOptions& options);

// The size of a marker on a task row [rowHeight] pixels tall.
inline double markerSize(double rowHeight)
{
    return std::clamp(rowHeight * 0.5, 8.0, 15.0);
}

// The bar height, as a fraction of the row, that each kind is drawn with (shape tells states
// apart as well as colour and pattern).
double barHeightFraction(SegmentKind kind);

} // namespace loopscope
