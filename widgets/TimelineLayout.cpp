#include "TimelineLayout.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "TimelineDeadlockSlot.h"

namespace loopscope {

namespace {

// Sleeps narrower than this show no deadline tick: at that zoom it is the bar's end anyway.
constexpr double kMinDeadlineBar = 12;

// Steps and callbacks take no virtual time; they are drawn at least stepWidth wide.
bool isStep(SegmentKind kind)
{
    return kind == SegmentKind::Running || kind == SegmentKind::Blocking || kind == SegmentKind::LoopCallback;
}

// The least width a bar of [kind] is drawn with, however short: steps and callbacks, and on the
// time axis a turn in the ready queue (a task queued and run in one instant still waited its
// turn; on the passes axis a step keeps its slot, and a turn with no one ahead has no room).
// Other states that last no time draw nothing.
double minimumWidth(SegmentKind kind, const TimelineLayoutOptions& o)
{
    if (isStep(kind))
        return o.stepWidth;
    return kind == SegmentKind::Ready && o.axis == TimelineAxis::Time ? o.readyWidth : 0;
}

// The first segment of [row] in [from, to) whose start is at or after [coord], expected right
// after [from] (folding walks a row in steps of a few pixels): one read of [from] settles the common case
// before the search.
int nextStartingAtOrAfter(const TimelineModel& model, TimelineAxis axis, int row, int from, int to,
                          double coord)
{
    // Only times are known never to decrease along a row (the builder checks a held-up sleep's
    // start); slots are not checked, so there the plain search keeps every bar where it was.
    if (axis == TimelineAxis::Passes)
        return model.firstStartingAtOrAfter(axis, row, from, to, coord);
    if (from >= to || model.segmentStartOn(axis, row, from) >= coord)
        return from;
    return model.firstStartingAtOrAfter(axis, row, from + 1, to, coord);
}

// Where a fold's walk along [row] lands when it skips the segments from [from] that start
// before [coord]: the first that starts at or after it, or with shortcuts on the time axis
// possibly one before it, just past a sampled start (no read of the trace to find it). The walk
// needs no more: a segment it skips is narrower than its reach, for it ends where the next
// begins, before [coord] (only the last one skipped can be wide, and the walk looks at that one).
int walkTo(const TimelineModel& model, const TimelineLayoutOptions& o, int row, int from, int to,
           double coord)
{
    if (!o.shortcuts || (o.axis == TimelineAxis::Passes && !model.slotsOrdered()))
        return nextStartingAtOrAfter(model, o.axis, row, from, to, coord);
    if (o.axis == TimelineAxis::Time) {
        const int landing = model.pastLastSampleBefore(row, from, to, coord);
        if (landing > from)
            return landing;
    }
    return model.nextStartingAtOrAfter(o.axis, row, from, to, coord);
}

// A row's segments' starts and ends on one axis, as the model gives them, the last few kept: a
// walk reads the same start several times over (as a start, as the end of the segment before,
// again when a run ends), and on the time axis each read walks the trace's compact storage.
class RowCoords {
  public:
    RowCoords(const TimelineModel& model, TimelineAxis axis, int row, int count)
        : model_(model), axis_(axis), row_(row), count_(count), rowEnd_(model.row(row).end)
    {
        std::fill(std::begin(index_), std::end(index_), -1);
    }
    double start(int i)
    {
        if (axis_ == TimelineAxis::Passes)
            return model_.segmentStartOn(axis_, row_, i); // a slot, at hand
        const size_t k = size_t(i) & (kKept - 1);
        if (index_[k] != i) {
            index_[k] = i;
            start_[k] = model_.segmentStartOn(axis_, row_, i);
        }
        return start_[k];
    }
    // As TimelineModel::segmentEndOn: on the time axis where the next one starts.
    double end(int i)
    {
        if (axis_ == TimelineAxis::Passes)
            return model_.segmentEndOn(axis_, row_, i);
        return i + 1 < count_ ? start(i + 1) : rowEnd_;
    }

  private:
    static constexpr size_t kKept = 8;
    const TimelineModel& model_;
    const TimelineAxis axis_;
    const int row_, count_;
    const double rowEnd_;
    int index_[kKept];
    double start_[kKept];
};

void layoutBars(const TimelineModel& model, int row, double top, double height, const TimelineGeometry& g,
                const TimelineLayoutOptions& o, TimelineScene& scene)
{
    const int n = int(model.segments(row).size());
    if (n == 0)
        return;
    RowCoords coords(model, o.axis, row, n);
    const double left = g.plot.left(), right = g.plot.right();
    const double c0 = g.coordAt(left - o.stepWidth - o.readyWidth);
    // Start at the last segment that begins at or before the left edge.
    int i = std::max(0, model.firstStartingAtOrAfter(o.axis, row, 0, n, c0) - 1);
    double cursor = -1e300; // where the previous bar ended: the next never paints over it
    const double centre = top + height / 2;
    auto rectFor = [&](SegmentKind kind, double x0, double x1) {
        // At least a pixel: a figure of thousands of rows still shows each bar.
        const double h = std::max(1.0, height * barHeightFraction(kind));
        return QRectF(x0, centre - h / 2, x1 - x0, h);
    };
    // The row's last fold box while it ends at the cursor: a crowded stretch grows it rather than
    // starting boxes side by side, each pushing the drawing further from the time it shows.
    int openFold = -1;
    while (i < n) {
        // Its kind and flags alone: the start, on the time axis, is read once, below (on the
        // passes axis not at all).
        const SegmentKind kind = model.segmentKind(row, i);
        const uint8_t flags = model.segmentFlags(row, i);
        const double x0 = g.xFor(coords.start(i));
        if (x0 > right || cursor > right)
            break;
        const double x1 = g.xFor(coords.end(i));
        const bool lastPending = (flags & kPendingAtEnd) && i + 1 == n;
        if (kind == SegmentKind::Gap || (x1 <= x0 && minimumWidth(kind, o) <= 0 && !lastPending)) {
            ++i; // nothing to draw: no loop, or no time spent in this state
            continue;
        }
        const double barLeft = std::max(x0, cursor);
        double barRight = std::max(x1, barLeft + minimumWidth(kind, o));
        if (lastPending)
            barRight = std::max(barRight, right + 1); // waits past the end of the run: to the edge
        if (openFold >= 0 && x0 <= cursor && x1 - cursor < o.foldWidth && !lastPending &&
            scene.folds[size_t(openFold)].rect.right() == cursor) {
            // What the folded box before it leaves of this bar is a sliver: the box takes it in
            // (and grows to where it ends, so that the drawing keeps up with time).
            TimelineScene::Fold& fold = scene.folds[size_t(openFold)];
            fold.rect.setRight(std::max(fold.rect.right(), x1));
            fold.count = i + 1 - fold.first;
            cursor = fold.rect.right();
            ++i;
            continue;
        }
        if (x1 - x0 >= o.foldWidth || lastPending) {
            // (Overrun by the bars before it, it may have no width left: then it draws nothing.)
            if (barRight >= left && barRight > barLeft)
                scene.bars.push_back({rectFor(kind, barLeft, barRight), row, i, kind, flags});
            cursor = barRight;
            ++i;
            continue;
        }
        // A narrow bar: a run of bars that start within [reach] of each other (each narrower
        // than [reach]) ends before the first that is wider, or after a gap; the run's end.
        auto runEnd = [&](double reach) {
            int j = std::max(i + 1, walkTo(model, o, row, i + 1, n, g.coordAt(x0 + reach)));
            while (j < n) {
                const double lastStart = g.xFor(coords.start(j - 1));
                if (g.xFor(coords.end(j - 1)) - lastStart >= reach)
                    break; // the last one absorbed is wide: the run ends there
                const double nextStart = g.xFor(coords.start(j));
                const double nextEnd = g.xFor(coords.end(j));
                const double reached = g.xFor(coords.end(j - 1));
                const bool nextPending = (model.segmentFlags(row, j) & kPendingAtEnd) && j + 1 == n;
                if (nextEnd - nextStart >= reach || nextPending || nextStart - reached > reach ||
                    nextStart > right)
                    break;
                j = std::max(j + 1, walkTo(model, o, row, j + 1, n, g.coordAt(nextStart + reach)));
            }
            if (j - 1 > i) {
                const double lastStart = g.xFor(coords.start(j - 1));
                const double lastEnd = g.xFor(coords.end(j - 1));
                const bool lastIsPending = (model.segmentFlags(row, j - 1) & kPendingAtEnd) && j == n;
                if (lastEnd - lastStart >= reach || lastIsPending)
                    --j; // only the last one can be wide: it is drawn on its own
            }
            if (j - 1 > i && g.xFor(coords.start(j - 1)) > right) {
                // A run ends at the plot's right edge, before the first segment that starts past
                // it: the same count wherever past the edge the walk stopped.
                int lo = i + 1, hi = j - 1;
                while (lo < hi) {
                    const int mid = lo + (hi - lo) / 2;
                    if (g.xFor(coords.start(mid)) > right)
                        hi = mid;
                    else
                        lo = mid + 1;
                }
                j = lo;
            }
            return j;
        };
        int j = runEnd(o.foldWidth);
        // Drawn one by one: a lone narrow bar; or a few bars of one instant (a task queued and
        // run at once, a handful of sleep(0) turns), which no zoom would ever separate. Only
        // where there is room: drawn from where they happen, leaving the bar after them visible.
        const bool oneInstant = coords.end(j - 1) <= coords.start(i);
        bool crowded = false;
        if (j - i == 1 || (oneInstant && j - i <= std::min(o.maxSideBySide, 64))) {
            struct Placed {
                QRectF rect;
                int segment;
            };
            Placed placed[64];
            int count = 0;
            double chain = cursor;
            for (int k = i; k < j && count < 64; ++k) {
                const SegmentKind kKind = model.segmentKind(row, k);
                const double start = g.xFor(coords.start(k));
                const double end = g.xFor(coords.end(k));
                const double least = minimumWidth(kKind, o);
                if (kKind == SegmentKind::Gap || (end <= start && least <= 0))
                    continue;
                const double kLeft = std::max(start, chain);
                const double kRight = std::max(end, kLeft + least);
                placed[count++] = {rectFor(kKind, kLeft, kRight), k};
                chain = std::max(chain, kRight);
            }
            const bool nextShows = j >= n || ((model.segmentFlags(row, j) & kPendingAtEnd) && j + 1 == n) ||
                                   chain <= g.xFor(coords.end(j)) - o.foldWidth;
            if ((j - i == 1 || cursor <= x0 + 0.5) && nextShows) {
                for (int k = 0; k < count; ++k)
                    if (placed[k].rect.right() >= left && placed[k].rect.width() > 0) {
                        const int sk = placed[k].segment;
                        scene.bars.push_back({placed[k].rect, row, sk, model.segmentKind(row, sk),
                                              model.segmentFlags(row, sk)});
                    }
                cursor = std::max(cursor, chain);
                i = j;
                continue;
            }
            // No room: the steps here are closer together than their bars are wide. They
            // fold, with every bar around them too narrow to hold a step and its turn.
            crowded = true;
        }
        if (crowded)
            j = runEnd(o.stepWidth + o.readyWidth);
        if (j - i == 1) {
            // Alone after all: drawn, over the little it hides.
            if (barRight >= left && barRight > barLeft)
                scene.bars.push_back({rectFor(kind, barLeft, barRight), row, i, kind, flags});
            cursor = std::max(cursor, barRight);
            ++i;
            continue;
        }
        const double reach = g.xFor(coords.end(j - 1));
        if (openFold >= 0 && x0 <= cursor && scene.folds[size_t(openFold)].rect.right() == cursor) {
            // Crowded: the box before grows to take these in, no wider than they reach.
            TimelineScene::Fold& fold = scene.folds[size_t(openFold)];
            fold.rect.setRight(std::max(fold.rect.right(), reach));
            fold.count = j - fold.first;
            cursor = fold.rect.right();
            i = j;
            continue;
        }
        const double foldRight = std::max(reach, barLeft + std::max(o.stepWidth, o.foldWidth));
        openFold = -1;
        if (foldRight >= left) {
            openFold = int(scene.folds.size());
            scene.folds.push_back(
                {QRectF(barLeft, top + height * 0.15, foldRight - barLeft, height * 0.7), row, i, j - i});
        }
        cursor = foldRight;
        i = j;
    }
}

void layoutMarkers(const TimelineModel& model, int row, double centre, double height,
                   const TimelineGeometry& g, const TimelineLayoutOptions& o, size_t firstBar,
                   TimelineScene& scene)
{
    const auto markers = model.markers(row);
    const int segCount = int(model.segments(row).size());
    double lastX = -1e300;
    MarkerKind lastKind = MarkerKind::Created;
    size_t bar = firstBar; // the row's bars, in order: the last one opened before the marker
    const size_t barsEnd = scene.bars.size();
    for (uint32_t k = 0; k < markers.size(); ++k) {
        const TimelineMarker& m = markers[k];
        const double coord = o.axis == TimelineAxis::Time ? m.t : model.pointOn(o.axis, m.event);
        double x = g.xFor(coord);
        if (o.axis == TimelineAxis::Time) {
            // A marker of a step that took no time sits on that step's bar, which may be drawn a
            // little after its instant (after its turn in the ready queue), not on the turn
            // before it; the task's end (done, failed, cancelled) just after it, where the row
            // ends, clear of both.
            while (bar + 1 < barsEnd && model.segmentEvent(row, scene.bars[bar + 1].segment) <= m.event)
                ++bar;
            if (bar < barsEnd) {
                const TimelineScene::Bar& b = scene.bars[bar];
                const int next = b.segment + 1;
                if (isStep(b.kind) && model.segmentEvent(row, b.segment) <= m.event &&
                    (next >= segCount || m.event < model.segmentEvent(row, next)) &&
                    b.rect.width() <= o.stepWidth + 0.5) {
                    const bool ends = m.kind == MarkerKind::Done || m.kind == MarkerKind::Failed ||
                                      m.kind == MarkerKind::Cancelled;
                    x = ends ? b.rect.right() + markerSize(height) / 2 : b.rect.center().x();
                }
            }
        }
        if (m.kind == MarkerKind::Stuck && row != 0 && model.hasDeadlockSlot()) {
            // The deadlock has its own slot: the stop sign ends each stuck row's wait there (the
            // loop's own marks where the run ended).
            x = deadlockMarkerX(model, g, o.axis, height);
        } else if ((m.kind == MarkerKind::Stuck || m.kind == MarkerKind::LimitHit) && row != 0 &&
                   x <= g.plot.right()) {
            // A row that waits forever: its bar runs to the edge, and the stop sign ends it there.
            x = g.plot.right() - height * 0.45;
        } else if (m.kind == MarkerKind::Stuck || m.kind == MarkerKind::LimitHit) {
            x = std::min(x, g.plot.right() - height * 0.3);
        }
        if (x < g.plot.left() - height || x > g.plot.right() + height)
            continue;
        if (std::abs(x - lastX) < 1 && m.kind == lastKind)
            continue; // the same marker on the same pixel draws nothing new
        lastX = x;
        lastKind = m.kind;
        // Warnings sit above the row's line: a task's failure and the warning that nobody
        // retrieved it happen at one instant, and both must show.
        const bool raised = m.kind == MarkerKind::NeverAwaited || m.kind == MarkerKind::NeverRetrieved ||
                            m.kind == MarkerKind::OtherWarning;
        scene.markers.push_back(
            {QPointF(raised ? x + height * 0.22 : x, raised ? centre - height * 0.26 : centre), row, k,
             m.kind});
    }
}

// A sleep's deadline: whether the sleep lasted until it (a late timer's bar ends on it too), and
// on the time axis when it was.
struct SleepDeadline {
    bool reached;
    double time;
};

// From the model's flags; the time (its end, or its side table) only on the time axis.
std::optional<SleepDeadline> modelDeadline(const TimelineModel& model, TimelineAxis axis, int row,
                                           const TimelineScene::Bar& bar)
{
    if (!(bar.flags & kHasDeadline))
        return std::nullopt;
    return SleepDeadline{bool(bar.flags & kDeadlineReached),
                         axis == TimelineAxis::Time ? model.segmentDeadline(row, bar.segment) : 0};
}

// From the trace's event that opened the sleep, and the sleep's end: the plain path that the
// tests compare the model's flags with.
std::optional<SleepDeadline> traceDeadline(const TimelineModel& model, int row, const TimelineScene::Bar& bar)
{
    const TraceEvent e = model.event(model.segmentEvent(row, bar.segment));
    if (e.kind != EventKind::StepEnded || e.deadline() <= 0)
        return std::nullopt;
    return SleepDeadline{model.segmentEnd(row, bar.segment) >= e.deadline() - 1e-9, e.deadline()};
}

void layoutArrows(const TimelineModel& model, const TimelineRowSet& rows, const TimelineGeometry& g,
                  const TimelineLayoutOptions& o, TimelineScene& scene)
{
    // Only arrows whose both ends are in view: with thousands of rows, arrows to rows scrolled
    // away would pile up at the edges and say nothing (the tooltips of bars and markers still
    // name who created, woke or cancelled whom).
    const auto [first, last] = g.visibleRows();
    const double c0 = g.coordAt(g.plot.left()), c1 = g.coordAt(g.plot.right());
    const auto& arrows = model.arrows();
    auto visible = [&](int display) { return display == kPinnedRow || (display >= first && display < last); };
    QPointF lastFrom(-1, -1), lastTo(-1, -1);
    for (uint32_t k = 0; k < arrows.size(); ++k) {
        const TimelineArrow& a = arrows[k];
        const double from = model.pointOn(o.axis, a.from);
        if (o.axis == TimelineAxis::Time && from > c1)
            break; // sorted by their first event: the rest start later still
        const int d0 = rows.displayRowOf(int(a.fromRow)), d1 = rows.displayRowOf(int(a.toRow));
        if (!visible(d0) || !visible(d1) || d0 == kNoDisplayRow || d1 == kNoDisplayRow)
            continue;
        const double to = model.pointOn(o.axis, a.to);
        if (std::max(from, to) < c0 || std::min(from, to) > c1)
            continue;
        const QPointF p0(std::round(g.xFor(from)), g.rowCentre(d0)),
            p1(std::round(g.xFor(to)), g.rowCentre(d1));
        if (p0 == lastFrom && p1 == lastTo)
            continue; // the same pixels again: one arrow says it
        lastFrom = p0;
        lastTo = p1;
        scene.arrows.push_back({p0, p1, k, a.kind});
        if (int(scene.arrows.size()) >= o.maxArrows)
            break;
    }
}

} // namespace

double barHeightFraction(SegmentKind kind)
{
    switch (kind) {
    case SegmentKind::Running:
    case SegmentKind::Blocking:
        return 0.8;
    case SegmentKind::LoopCallback:
    case SegmentKind::Deadlocked:
        return 0.7;
    case SegmentKind::Sleeping:
        return 0.34;
    case SegmentKind::LoopBusy:
    case SegmentKind::LoopIdle:
        return 0.42;
    case SegmentKind::Ready:
    case SegmentKind::HeldUp:
    case SegmentKind::AwaitingTask:
    case SegmentKind::AwaitingFuture:
    case SegmentKind::WaitingSync:
        return 0.56;
    case SegmentKind::Gap:
        break;
    }
    return 0;
}

TimelineRowSet selectRows(const TimelineModel& model, const QString& filter, bool showShutdownTasks)
{
    TimelineRowSet set;
    set.displayOf.assign(size_t(model.rowCount()), kNoDisplayRow);
    if (model.rowCount() > 0)
        set.displayOf[0] = kPinnedRow;
    const QString needle = filter.trimmed().isEmpty() ? QString() : filter;
    for (int r = 1; r < model.rowCount(); ++r) {
        if (model.row(r).shutdownTask && !showShutdownTasks)
            continue;
        if (!needle.isEmpty() && !model.rowLabel(r).contains(needle, Qt::CaseInsensitive))
            continue;
        set.displayOf[size_t(r)] = int(set.rows.size());
        set.rows.push_back(r);
    }
    return set;
}

TimelineScene layoutTimeline(const TimelineModel& model, const TimelineRowSet& rows,
                             const TimelineGeometry& g, const TimelineLayoutOptions& o)
{
    TimelineScene scene;
    if (!model.hasTrace() || g.plot.width() <= 0)
        return scene;
    const double c0 = g.coordAt(g.plot.left()), c1 = g.coordAt(g.plot.right());

    // Pass columns on the passes axis, when they are wide enough to tell apart.
    if (o.axis == TimelineAxis::Passes && model.passCount() > 0) {
        const int p0 = std::max(0, model.passAt(c0)), p1 = model.passAt(c1);
        if (p1 - p0 < int(g.plot.width() / 2)) {
            for (int p = p0; p <= p1 && p < model.passCount(); ++p)
                scene.passes.push_back({g.xFor(model.passStart(p)), g.xFor(model.passEnd(p)), p});
        }
    }
    // Stalls: blocking calls, across every row.
    if (o.axis == TimelineAxis::Time) {
        const auto& stalls = model.stalls();
        for (uint32_t k = 0; k < stalls.size(); ++k)
            if (stalls[k].end >= c0 && stalls[k].start <= c1)
                scene.stalls.push_back({g.xFor(stalls[k].start), g.xFor(stalls[k].end), k});
    }

    auto addRow = [&](int display, int modelRow) {
        const double top = g.rowTop(display), height = g.heightOf(display);
        scene.rows.push_back({display, modelRow, top, height});
        const size_t barsBefore = scene.bars.size();
        layoutBars(model, modelRow, top, height, g, o, scene);
        // A sleep's deadline is marked on its row, where the timer was due.
        for (size_t b = barsBefore; b < scene.bars.size(); ++b) {
            const TimelineScene::Bar& bar = scene.bars[b];
            if (bar.kind != SegmentKind::Sleeping || bar.rect.width() < kMinDeadlineBar)
                continue; // too narrow to tell a deadline from the bar's end
            const std::optional<SleepDeadline> d = o.shortcuts ? modelDeadline(model, o.axis, modelRow, bar)
                                                               : traceDeadline(model, modelRow, bar);
            if (!d)
                continue;
            const bool reached = d->reached;
            if (!reached && o.axis == TimelineAxis::Passes)
                continue; // a time that never came has no place on the passes axis
            const double x = o.axis == TimelineAxis::Time ? g.xFor(d->time) : bar.rect.right();
            if (x >= g.plot.left() && x <= g.plot.right() + 0.5)
                scene.deadlines.push_back(
                    {QPointF(reached ? std::min(x, bar.rect.right()) : x, top + height / 2), height * 0.32,
                     reached});
        }
        layoutMarkers(model, modelRow, top + height / 2, height, g, o, barsBefore, scene);
    };
    if (rows.loopShown && g.pinnedHeight > 0 && model.rowCount() > 0)
        addRow(kPinnedRow, 0);
    const auto [first, last] = g.visibleRows();
    for (int d = first; d < last; ++d)
        if (const int modelRow = rows.modelRowOf(d); modelRow >= 0)
            addRow(d, modelRow);
    if (o.arrows)
        layoutArrows(model, rows, g, o, scene);
    return scene;
}

// -- Hit testing ------------------------------------------------------------------------------------

namespace {

TimelineScene::Hit makeHit(TimelineScene::Hit::Kind kind, int row, int index, int count, QRectF rect,
                           QLineF line = {})
{
    TimelineScene::Hit hit;
    hit.kind = kind;
    hit.row = row;
    hit.index = index;
    hit.count = count;
    hit.rect = rect;
    hit.line = line;
    return hit;
}

} // namespace

TimelineScene::Hit TimelineScene::hitAt(QPointF pos) const
{
    Hit hit;
    // Markers sit on top of bars: they win within a few pixels.
    double best = 7.5;
    for (const Marker& m : markers) {
        const double d = std::hypot(m.at.x() - pos.x(), m.at.y() - pos.y());
        if (d < best) {
            best = d;
            hit = makeHit(TimelineScene::Hit::Marker, m.row, int(m.index), 0,
                          QRectF(m.at - QPointF(6, 6), QSizeF(12, 12)));
        }
    }
    if (hit.kind != Hit::None)
        return hit;
    const Row* row = nullptr;
    for (const Row& r : rows)
        if (pos.y() >= r.top && pos.y() < r.top + r.height)
            row = &r;
    if (row) {
        // Bars are hit over their row's full height, a pixel wider on each side.
        for (const Bar& b : bars)
            if (b.row == row->modelRow && pos.x() >= b.rect.left() - 1 && pos.x() <= b.rect.right() + 1)
                hit = makeHit(TimelineScene::Hit::Segment, b.row, b.segment, 1, b.rect);
        if (hit.kind != Hit::None)
            return hit;
        for (const Fold& f : folds)
            if (f.row == row->modelRow && pos.x() >= f.rect.left() - 1 && pos.x() <= f.rect.right() + 1)
                return makeHit(TimelineScene::Hit::Fold, f.row, f.first, f.count, f.rect);
    }
    for (const Arrow& a : arrows) {
        // Distance to the segment from a.from to a.to.
        const QPointF d = a.to - a.from;
        const double len2 = d.x() * d.x() + d.y() * d.y();
        const double u =
            len2 > 0 ? std::clamp(((pos.x() - a.from.x()) * d.x() + (pos.y() - a.from.y()) * d.y()) / len2,
                                  0.0, 1.0)
                     : 0;
        const QPointF p = a.from + u * d;
        if (std::hypot(p.x() - pos.x(), p.y() - pos.y()) < 3.5)
            return makeHit(TimelineScene::Hit::Arrow, -1, int(a.index), 0, QRectF(a.from, a.to).normalized(),
                           QLineF(a.from, a.to));
    }
    for (const Stall& s : stalls)
        if (pos.x() >= s.left && pos.x() <= s.right)
            return makeHit(TimelineScene::Hit::Stall, -1, int(s.index), 0,
                           QRectF(s.left, 0, s.right - s.left, 0));
    return hit;
}

TimelineScene::Hit TimelineScene::locate(const Hit& item) const
{
    switch (item.kind) {
    case Hit::Segment:
        for (const Bar& b : bars)
            if (b.row == item.row && b.segment == item.index)
                return makeHit(TimelineScene::Hit::Segment, b.row, b.segment, 1, b.rect);
        for (const Fold& f : folds)
            if (f.row == item.row && item.index >= f.first && item.index < f.first + f.count)
                return makeHit(TimelineScene::Hit::Fold, f.row, f.first, f.count, f.rect);
        break;
    case Hit::Fold:
        for (const Fold& f : folds)
            if (f.row == item.row && f.first <= item.index && item.index < f.first + f.count)
                return makeHit(TimelineScene::Hit::Fold, f.row, f.first, f.count, f.rect);
        break;
    case Hit::Marker:
        for (const Marker& m : markers)
            if (m.row == item.row && int(m.index) == item.index)
                return makeHit(TimelineScene::Hit::Marker, m.row, int(m.index), 0,
                               QRectF(m.at - QPointF(6, 6), QSizeF(12, 12)));
        break;
    case Hit::Arrow:
        for (const Arrow& a : arrows)
            if (int(a.index) == item.index)
                return makeHit(TimelineScene::Hit::Arrow, -1, int(a.index), 0,
                               QRectF(a.from, a.to).normalized(), QLineF(a.from, a.to));
        break;
    case Hit::Stall:
        for (const Stall& s : stalls)
            if (int(s.index) == item.index)
                return makeHit(TimelineScene::Hit::Stall, -1, int(s.index), 0,
                               QRectF(s.left, 0, s.right - s.left, 0));
        break;
    case Hit::None:
        break;
    }
    return {};
}

} // namespace loopscope
