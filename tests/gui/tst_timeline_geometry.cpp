// The timeline's pure parts, without a GUI: geometry (time and passes to pixels, rows, zoom and
// pan limits, ticks with units) and the layout pass (culling, folding runs of sub-pixel bars,
// the minimum width of zero-duration steps, the passes axis, hit tests, the row filter).
#include <QDirIterator>
#include <QtTest>

#include "TimelineDeadlockSlot.h"
#include "TimelineGeometry.h"
#include "TimelineLayout.h"
#include "TimelineModel.h"
#include "TimelineViewport.h"
#include "timeline_test_support.h"

using namespace loopscope;

namespace {

// Writes traces the way the engine does, for shapes no scenario has (a million steps, ...).
struct SyntheticTrace {
    std::shared_ptr<TraceRecorder> trace = std::make_shared<TraceRecorder>();
    uint32_t handles = 0;
    uint32_t passes = 0;

    void created(double t, uint32_t task, const char* coro, uint32_t creator = 0)
    {
        trace->record(TraceEvent::taskCreated(t, TaskId{task}, {}, trace->intern(coro), TaskId{creator}, 1));
    }
    void pass(double t) { trace->record(TraceEvent::passBegan(t, ++passes)); }
    void pushed(double t, uint32_t task)
    {
        trace->record(
            TraceEvent::readyPushed(t, TaskId{task}, HandleId{++handles}, HandleKind::TaskStep, {}));
    }
    // One step of [task] at [t] that ends waiting on [wait] (a timer until [deadline]).
    void step(double t, uint32_t task, WaitKind wait, double deadline = 0)
    {
        trace->record(TraceEvent::stepBegan(t, TaskId{task}, HandleId{handles}, 2));
        trace->record(TraceEvent::stepEnded(t, TaskId{task}, 3, wait, 0, deadline));
    }
    // [turns] sleep(0) turns of [task] at t=0, each a pass of its own, then a step that sleeps
    // until [deadline].
    void turnsThenSleep(uint32_t task, int turns, double deadline)
    {
        for (int i = 0; i < turns; ++i) {
            pass(0);
            pushed(0, task);
            step(0, task, WaitKind::Ready);
        }
        pass(0);
        pushed(0, task);
        step(0, task, WaitKind::Timer, deadline);
    }
    // A ticker: [task] wakes every second for [seconds] seconds, each time for a step that sleeps
    // one second more.
    void ticker(uint32_t task, int seconds)
    {
        created(0, task, "ticker");
        for (int i = 0; i < seconds; ++i) {
            pass(i);
            pushed(i, task);
            step(i, task, WaitKind::Timer, i + 1);
        }
    }
    void finished(double t, uint32_t task)
    {
        trace->record(TraceEvent::stepBegan(t, TaskId{task}, HandleId{handles}, 3));
        trace->record(TraceEvent::stepEnded(t, TaskId{task}, 0, WaitKind::None, 0, 0));
        trace->record(TraceEvent::taskFinished(t, TaskId{task}, EndStatus::Ok, trace->intern("None"), 0));
    }
    TimelineModel model() const { return TimelineModel::build(trace); }
};

TimelineGeometry geometry(double x0, double x1, int rows = 10)
{
    TimelineGeometry g;
    g.plot = QRectF(100, 20, 1000, 400);
    g.x0 = x0;
    g.x1 = x1;
    g.rowHeight = 20;
    g.pinnedHeight = 22;
    g.rowCount = rows;
    return g;
}

} // namespace

class TimelineGeometryTest : public QObject {
    Q_OBJECT
  private slots:
    void mapsCoordinatesToPixelsAndBack()
    {
        const TimelineGeometry g = geometry(0, 10);
        QCOMPARE(g.xFor(0), 100.0);
        QCOMPARE(g.xFor(10), 1100.0);
        QCOMPARE(g.xFor(2.5), 350.0);
        QCOMPARE(g.coordAt(350), 2.5);
        QCOMPARE(g.pixelsPerUnit(), 100.0);
    }

    void pinsTheLoopRowAboveScrollingTaskRows()
    {
        TimelineGeometry g = geometry(0, 10, 100);
        QCOMPARE(g.rowTop(kPinnedRow), 20.0);
        QCOMPARE(g.rowTop(0), 42.0);
        QCOMPARE(g.rowAt(30), kPinnedRow);
        QCOMPARE(g.rowAt(45), 0);
        QCOMPARE(g.rowAt(65), 1);
        QCOMPARE(g.visibleRows(), std::make_pair(0, 19));
        g.scroll = 50;
        QCOMPARE(g.rowTop(50), 42.0);
        QCOMPARE(g.rowAt(45), 50);
        QCOMPARE(g.rowAt(30), kPinnedRow); // the loop's row stays
        QCOMPARE(g.visibleRows(), std::make_pair(50, 69));
        QCOMPARE(g.maxScroll(), 100.0 - 18);
        QCOMPARE(g.rowAt(10), kNoDisplayRow);
    }

    void zoomKeepsTheAnchorAndStaysWithinLimits()
    {
        const TimelineAxisLimits limits = TimelineAxisLimits::forTime(10);
        auto [a, b] = limits.zoom(0, 10, 4, 0.5);
        QCOMPARE(a, 2.0);
        QCOMPARE(b, 7.0);
        // The narrowest span and the widest.
        std::tie(a, b) = limits.zoom(4, 4.000001, 4, 1e-6);
        QVERIFY(b - a >= limits.minSpan * 0.999);
        std::tie(a, b) = limits.zoom(0, 10, 5, 1e6);
        QVERIFY(b - a <= limits.maxSpan() + 1e-9 && limits.maxSpan() < 10 * 1.3);
        // Panning stops with part of the view still on the data.
        std::tie(a, b) = limits.pan(0, 10, 1e9);
        QVERIFY(a < 10 && b > 10);
        std::tie(a, b) = limits.pan(0, 10, -1e9);
        QVERIFY(b > 0);
        // Fit all shows everything.
        std::tie(a, b) = limits.fitAll();
        QVERIFY(a <= 0 && b >= 10);
        // A run of no virtual time still has an axis.
        std::tie(a, b) = TimelineAxisLimits::forTime(0).fitAll();
        QVERIFY(b - a > 0.5);
    }

    void ticksHaveNiceStepsAndUnits_data()
    {
        QTest::addColumn<double>("x0");
        QTest::addColumn<double>("x1");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::newRow("seconds") << 0.0 << 5.0 << "0 s"
                                 << "1 s";
        QTest::newRow("tenths") << 0.0 << 0.6 << "0.0 s"
                                << "0.1 s";
        QTest::newRow("milliseconds") << 0.0 << 0.004 << "0.0 ms"
                                      << "0.5 ms";
        QTest::newRow("microseconds") << 1.0 << 1.000004 << "1000000.0 µs"
                                      << "1000000.5 µs";
        QTest::newRow("minutes") << 0.0 << 3600.0 << "0 min"
                                 << "10 min";
        QTest::newRow("hours") << 0.0 << 86400.0 << "0 h"
                               << "3 h";
    }

    void ticksHaveNiceStepsAndUnits()
    {
        QFETCH(double, x0);
        QFETCH(double, x1);
        QFETCH(QString, first);
        QFETCH(QString, second);
        const auto ticks = timeTicks(x0, x1, 700);
        QVERIFY(ticks.size() >= 2);
        QCOMPARE(ticks[0].label, first);
        QCOMPARE(ticks[1].label, second);
        for (size_t i = 1; i < ticks.size(); ++i)
            QVERIFY((ticks[i].coord - ticks[i - 1].coord) / (x1 - x0) * 700 >= 80 - 1e-6);
    }

    // A zero-duration step is drawn a few pixels wide, and so is the zero-duration turn in the
    // ready queue before it (queued and run in one instant): each bar starts where the one before
    // it ends, none painted over.
    void stepsOfZeroDurationKeepAMinimumWidth()
    {
        SyntheticTrace s;
        s.created(0, 1, "main");
        s.pass(0);
        s.pushed(0, 1);
        s.step(0, 1, WaitKind::Timer, 5);
        s.pass(5);
        s.pushed(5, 1);
        s.finished(5, 1);
        const TimelineModel model = s.model();
        const TimelineRowSet rows = selectRows(model, {}, true);
        const TimelineScene scene = layoutTimeline(model, rows, geometry(0, 10), {});
        std::vector<TimelineScene::Bar> bars;
        for (const auto& b : scene.bars)
            if (b.row == 1)
                bars.push_back(b);
        const TimelineLayoutOptions options;
        QCOMPARE(bars.size(), size_t(5));
        QCOMPARE(bars[0].kind, SegmentKind::Ready);
        QCOMPARE(bars[0].rect.left(), 100.0);
        QCOMPARE(bars[0].rect.width(), options.readyWidth);
        QCOMPARE(bars[1].kind, SegmentKind::Running);
        QCOMPARE(bars[1].rect.left(), bars[0].rect.right());
        QCOMPARE(bars[1].rect.width(), options.stepWidth);
        QCOMPARE(bars[2].kind, SegmentKind::Sleeping);
        QCOMPARE(bars[2].rect.left(), bars[1].rect.right());
        QCOMPARE(bars[2].rect.right(), 600.0);
        // The wake-up at t=5: its turn in the queue, then the step.
        QCOMPARE(bars[3].kind, SegmentKind::Ready);
        QCOMPARE(bars[3].rect.left(), 600.0);
        QCOMPARE(bars[3].rect.width(), options.readyWidth);
        QCOMPARE(bars[4].kind, SegmentKind::Running);
        QCOMPARE(bars[4].rect.left(), bars[3].rect.right());
        // The sleep's deadline is marked where it ends.
        QCOMPARE(scene.deadlines.size(), size_t(1));
        QCOMPARE(scene.deadlines[0].at.x(), 600.0);
    }

    // A few turns in one instant (sleep(0)): every ready turn and every step is drawn, side by
    // side in execution order, none folded (no zoom would ever separate them) or painted over.
    void turnsOfOneInstantAreDrawnSideBySide()
    {
        SyntheticTrace s;
        s.created(0, 1, "talker");
        s.turnsThenSleep(1, 3, 5);
        const TimelineModel model = s.model();
        const TimelineScene scene = layoutTimeline(model, selectRows(model, {}, true), geometry(0, 10), {});
        std::vector<TimelineScene::Bar> bars;
        for (const auto& b : scene.bars)
            if (b.row == 1)
                bars.push_back(b);
        for (const auto& f : scene.folds)
            QVERIFY(f.row != 1);
        QCOMPARE(bars.size(), size_t(9)); // 4 x (ready, running), then the sleep
        const TimelineLayoutOptions options;
        for (size_t k = 0; k < 8; ++k) {
            QCOMPARE(bars[k].kind, k % 2 ? SegmentKind::Running : SegmentKind::Ready);
            QCOMPARE(bars[k].rect.width(), k % 2 ? options.stepWidth : options.readyWidth);
            QCOMPARE(bars[k].rect.left(), k == 0 ? 100.0 : bars[k - 1].rect.right());
        }
        QCOMPARE(bars[8].kind, SegmentKind::Sleeping);
        QCOMPARE(bars[8].rect.left(), bars[7].rect.right());
    }

    // Steps closer together than their minimum widths need (a turn and a step, 10 px): the
    // drawing never drifts away from the time it shows, the crowded stretch is one folded box;
    // with room, each turn and step is drawn where it happens.
    void crowdedStepsFoldRatherThanDrift()
    {
        SyntheticTrace s;
        s.ticker(1, 400);
        const TimelineModel model = s.model();
        const TimelineRowSet rows = selectRows(model, {}, true);
        const TimelineLayoutOptions options;
        auto itemsOf = [&](const TimelineGeometry& g, const TimelineScene& scene) {
            std::vector<std::pair<QRectF, double>> items; // drawn box, and where its first segment starts
            for (const auto& b : scene.bars)
                if (b.row == 1)
                    items.push_back({b.rect, g.xFor(model.segmentStartOn(TimelineAxis::Time, 1, b.segment))});
            for (const auto& f : scene.folds)
                if (f.row == 1)
                    items.push_back({f.rect, g.xFor(model.segmentStartOn(TimelineAxis::Time, 1, f.first))});
            std::sort(items.begin(), items.end(),
                      [](const auto& a, const auto& b) { return a.first.left() < b.first.left(); });
            for (size_t k = 0; k < items.size(); ++k) {
                const double late = items[k].first.left() - items[k].second;
                if (late > options.stepWidth + options.readyWidth + 1e-9)
                    qWarning("item %zu drawn %g px after its time", k, late);
                if (late > options.stepWidth + options.readyWidth + 1e-9 ||
                    (k > 0 && items[k].first.left() < items[k - 1].first.right() - 1e-9))
                    return std::vector<std::pair<QRectF, double>>{};
            }
            return items;
        };
        // 5 px a second: one box holds the row.
        TimelineGeometry g = geometry(0, 200);
        TimelineScene scene = layoutTimeline(model, rows, g, options);
        auto items = itemsOf(g, scene);
        QVERIFY(!items.empty());
        int folded = 0;
        for (const auto& f : scene.folds)
            folded += f.row == 1 ? f.count : 0;
        QVERIFY2(items.size() <= 3 && folded > 500,
                 qPrintable(QStringLiteral("%1 items, %2 folded").arg(items.size()).arg(folded)));
        // 20 px a second: room for all, each where it happens.
        g = geometry(0, 50);
        scene = layoutTimeline(model, rows, g, options);
        items = itemsOf(g, scene);
        QVERIFY(items.size() >= 140);
        for (const auto& f : scene.folds)
            QVERIFY(f.row != 1);
        for (const auto& b : scene.bars)
            if (b.row == 1 && b.kind == SegmentKind::Ready)
                QCOMPARE(b.rect.left(), g.xFor(model.segmentStartOn(TimelineAxis::Time, 1, b.segment)));
    }

    // A thousand steps in one instant fold into one box that says how many it holds.
    void subPixelRunsFoldIntoOneBox()
    {
        SyntheticTrace s;
        s.created(0, 1, "spinner");
        s.turnsThenSleep(1, 1000, 10);
        const TimelineModel model = s.model();
        const TimelineScene scene = layoutTimeline(model, selectRows(model, {}, true), geometry(0, 12), {});
        int folds = 0, held = 0;
        for (const auto& f : scene.folds)
            if (f.row == 1) {
                ++folds;
                held += f.count;
            }
        QCOMPARE(folds, 1);
        QVERIFY2(held >= 2000, qPrintable(QString::number(held)));
        // The long sleep that follows is its own bar, after the box.
        const auto sleeping = std::find_if(scene.bars.begin(), scene.bars.end(),
                                           [](const auto& b) { return b.kind == SegmentKind::Sleeping; });
        QVERIFY(sleeping != scene.bars.end());
        QVERIFY(sleeping->rect.left() >= scene.folds[0].rect.right());
    }

    // Off-screen bars cost nothing: a paint draws O(pixels) items, not O(segments).
    void culledAndFoldedToWhatThePixelsCanShow()
    {
        SyntheticTrace s;
        s.ticker(1, 50000);
        const TimelineModel model = s.model();
        QVERIFY(model.segmentCount() > 100000);
        const TimelineRowSet rows = selectRows(model, {}, true);
        // Zoomed in on 100 s of 50,000: only those bars.
        // (10 px a second: each second's turn and step, folded as they need 10 px, and its sleep.)
        TimelineScene scene = layoutTimeline(model, rows, geometry(1000, 1100), {});
        size_t tasks = 0;
        for (const auto& b : scene.bars)
            tasks += b.row == 1;
        for (const auto& f : scene.folds)
            tasks += f.row == 1;
        QVERIFY2(tasks >= 195 && tasks <= 210, qPrintable(QString::number(tasks)));
        // The whole run: boxes at most every few pixels.
        scene = layoutTimeline(model, rows, geometry(0, 50000), {});
        size_t items = 0;
        for (const auto& b : scene.bars)
            items += b.row == 1;
        for (const auto& f : scene.folds)
            items += f.row == 1;
        QVERIFY2(items <= 1000 / 3 + 2, qPrintable(QString::number(items)));
    }

    void passesAxisGivesEachStepASlotInsideItsPass()
    {
        SyntheticTrace s;
        s.created(0, 1, "a");
        s.created(0, 2, "b");
        s.pass(0);
        s.pushed(0, 1);
        s.pushed(0, 2);
        s.step(0, 1, WaitKind::Ready);
        s.step(0, 2, WaitKind::Timer, 1);
        const TimelineModel model = s.model();
        QCOMPARE(model.slotCount(), 2);
        QCOMPARE(model.passCount(), 1);
        TimelineLayoutOptions options;
        options.axis = TimelineAxis::Passes;
        const TimelineScene scene =
            layoutTimeline(model, selectRows(model, {}, true), geometry(0, 2), options);
        std::vector<QRectF> running;
        for (const auto& b : scene.bars)
            if (b.kind == SegmentKind::Running)
                running.push_back(b.rect);
        QCOMPARE(running.size(), size_t(2));
        QCOMPARE(running[0].left(), 100.0);
        QCOMPARE(running[0].width(), 500.0);
        QCOMPARE(running[1].left(), 600.0);
        QCOMPARE(scene.passes.size(), size_t(1));
    }

    void hitTestsFindWhatIsUnderThePointer()
    {
        SyntheticTrace s;
        s.created(0, 1, "main");
        s.pass(0);
        s.pushed(0, 1);
        s.step(0, 1, WaitKind::Timer, 5);
        const TimelineModel model = s.model();
        const TimelineGeometry g = geometry(0, 10);
        const TimelineScene scene = layoutTimeline(model, selectRows(model, {}, true), g, {});
        const double y = g.rowCentre(0);
        TimelineScene::Hit hit = scene.hitAt(QPointF(g.xFor(3), y));
        QCOMPARE(hit.kind, TimelineScene::Hit::Segment);
        QCOMPARE(model.segments(hit.row)[size_t(hit.index)].kind, SegmentKind::Sleeping);
        // The creation marker wins over the bar beneath it.
        hit = scene.hitAt(QPointF(g.xFor(0) + 1, y));
        QCOMPARE(hit.kind, TimelineScene::Hit::Marker);
        QCOMPARE(scene.hitAt(QPointF(g.xFor(3), y + 200)).kind, TimelineScene::Hit::None);
    }

    // A deadlock that Ctrl+C ends has its own slot, a fixed width at any zoom, on both axes:
    // each stuck row's wait spans it (its stop sign at its end), the loop's row says
    // "deadlock" across it, and the cancellation comes after it; hit tests find what is drawn.
    void theDeadlockHasASlotOfItsOwn_data()
    {
        QTest::addColumn<int>("axis");
        QTest::addColumn<double>("zoom"); // the fraction of the fit-all span shown, around the slot
        QTest::newRow("time, fit-all") << int(TimelineAxis::Time) << 1.0;
        QTest::newRow("time, zoomed in") << int(TimelineAxis::Time) << 0.01;
        QTest::newRow("passes, fit-all") << int(TimelineAxis::Passes) << 1.0;
        QTest::newRow("passes, zoomed in") << int(TimelineAxis::Passes) << 0.3;
    }

    void theDeadlockHasASlotOfItsOwn()
    {
        QFETCH(int, axis);
        QFETCH(double, zoom);
        const auto model =
            test::modelOfFile(QStringLiteral("tests/scripts/asyncio_deadlock/two_tasks_wait_each_other.py"));
        QVERIFY(model->hasDeadlockSlot());
        const TimelineAxis a = TimelineAxis(axis);
        auto [x0, x1] = axisLimits(*model, a).fitAll();
        if (zoom < 1) {
            const double at = model->deadlockSlotStart(a), span = (x1 - x0) * zoom;
            x0 = at - span / 2;
            x1 = at + span / 2;
        }
        TimelineGeometry g = geometry(x0, x1);
        applyDeadlockSlot(g, *model, a, 150);
        TimelineLayoutOptions options;
        options.axis = a;
        const TimelineRowSet rows = selectRows(*model, {}, false);
        g.rowCount = int(rows.rows.size());
        const TimelineScene scene = layoutTimeline(*model, rows, g, options);
        const double left = g.xFor(model->deadlockSlotStart(a)), right = g.xFor(model->deadlockSlotEnd(a));
        // The slot's width: 150 px at any zoom (on the passes axis, and the slot it has there).
        const double slotUnit = a == TimelineAxis::Passes ? g.pixelsPerUnit() : 0;
        QVERIFY2(std::abs(right - left - 150 - slotUnit) < 0.5,
                 qPrintable(QStringLiteral("slot %1..%2").arg(left).arg(right)));
        QVERIFY(std::abs(g.coordAt(right) - model->deadlockSlotEnd(a)) < 1e-9 * std::max(1.0, right));

        // The loop's row: the deadlock's band, across the slot.
        const auto band = std::find_if(scene.bars.begin(), scene.bars.end(),
                                       [](const auto& b) { return b.kind == SegmentKind::Deadlocked; });
        QVERIFY(band != scene.bars.end());
        QCOMPARE(band->row, 0);
        // (after the loop's own steps at that instant, each at its minimum width, on the time axis)
        QVERIFY2(band->rect.left() >= left - 0.5 && band->rect.left() <= left + 3 * options.stepWidth + 0.5 &&
                     std::abs(band->rect.right() - right) < 0.5,
                 qPrintable(QStringLiteral("band %1..%2, slot %3..%4")
                                .arg(band->rect.left())
                                .arg(band->rect.right())
                                .arg(left)
                                .arg(right)));

        for (const char* name : {"main", "a", "b"}) {
            const int r = test::rowNamed(*model, QLatin1String(name));
            QVERIFY2(r > 0, name);
            // Its wait when the deadlock came spans the whole slot...
            const auto wait = std::find_if(scene.bars.begin(), scene.bars.end(), [r](const auto& b) {
                return b.row == r && (b.flags & kStuckAtDeadlock);
            });
            QVERIFY2(wait != scene.bars.end(), name);
            QVERIFY(wait->kind == SegmentKind::WaitingSync || wait->kind == SegmentKind::AwaitingFuture);
            // (at the deadlock's instant, after the turn and step that led to it on the time axis)
            QVERIFY2(wait->rect.left() <= left + options.readyWidth + options.stepWidth + 0.5 &&
                         wait->rect.right() >= right - 0.5,
                     qPrintable(QStringLiteral("%1: %2..%3, slot %4..%5")
                                    .arg(name)
                                    .arg(wait->rect.left())
                                    .arg(wait->rect.right())
                                    .arg(left)
                                    .arg(right)));
            // ... and what hits it there is that wait.
            const TimelineScene::Hit hit =
                scene.hitAt(QPointF((left + right) / 2, g.rowCentre(rows.displayRowOf(r)) + 3));
            QCOMPARE(hit.kind, TimelineScene::Hit::Segment);
            QCOMPARE(hit.row, r);
            QCOMPARE(hit.index, wait->segment);
            // The bars after it (the cancellation's turns and steps) come after the slot.
            for (const auto& b : scene.bars)
                if (b.row == r && b.segment > wait->segment)
                    QVERIFY2(b.rect.left() >= right - 0.5, name);
            // The stop sign in the slot, the cancellation's marks after it.
            bool stuck = false, cancelled = false;
            for (const auto& m : scene.markers) {
                if (m.row != r)
                    continue;
                if (m.kind == MarkerKind::Stuck) {
                    stuck = true;
                    QVERIFY2(m.at.x() > left && m.at.x() < right, name);
                }
                if (m.kind == MarkerKind::Cancelled || m.kind == MarkerKind::CancelRequested) {
                    cancelled = cancelled || m.kind == MarkerKind::Cancelled;
                    QVERIFY2(m.at.x() >= right - 0.5, name);
                }
            }
            QVERIFY2(stuck && (cancelled || zoom < 1), name); // (zoomed in: its end may be out of view)
        }
    }

    // A deadlock with nothing after it (no asyncio.run, no Ctrl+C phase) has no slot: the waits
    // run to the end of the plot, as before.
    void aDeadlockWithNothingAfterHasNoSlot()
    {
        const auto model =
            test::modelOfFile(QStringLiteral("tests/scripts/asyncio_deadlock/without_asyncio_run.py"));
        QVERIFY(model->runError().startsWith(QLatin1String("Deadlock")));
        QVERIFY(!model->hasDeadlockSlot());
        QVERIFY(!(model->segmentKindsPresent() >> int(SegmentKind::Deadlocked) & 1u));
        TimelineGeometry g = geometry(0, 2);
        applyDeadlockSlot(g, *model, TimelineAxis::Time, 150);
        QCOMPARE(g.gapPixels, 0.0);
        QCOMPARE(g.xFor(1), 600.0);
    }

    // A sleep's deadline mark comes from the model (its flags, and its end or a side table), not
    // from the trace's event read back at every replot: every scenario's sleeps, on both axes,
    // fit-all and zoomed in, are marked as the plain path (the event, and the sleep's end) marks
    // them; so are the synthetic traces' (a sleep in every other step).
    void deadlineMarksComeFromTheModelAsFromTheTrace()
    {
        QStringList files;
        QDirIterator it(QStringLiteral(LOOPSCOPE_SOURCE_DIR "/scenarios"), {QStringLiteral("*.py")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << QDir(QStringLiteral(LOOPSCOPE_SOURCE_DIR)).relativeFilePath(it.next());
        files.sort();
        QVERIFY(files.size() > 40);
        int reached = 0, notReached = 0, elsewhere = 0, marks[2] = {0, 0};
        for (const QString& file : files) {
            const auto model = test::modelOfFile(file);
            const QByteArray name = file.toUtf8();
            // The model's flags and deadline, segment by segment, against the trace's event.
            for (int r = 0; r < model->rowCount(); ++r) {
                const auto segs = model->segments(r);
                for (int i = 0; i < int(segs.size()); ++i) {
                    const TraceEvent e = model->event(segs[size_t(i)].event);
                    const bool hasDeadline = segs[size_t(i)].kind == SegmentKind::Sleeping &&
                                             e.kind == EventKind::StepEnded && e.deadline() > 0;
                    const uint8_t flags = model->segmentFlags(r, i);
                    QVERIFY2(bool(flags & kHasDeadline) == hasDeadline, name);
                    QCOMPARE(flags, segs[size_t(i)].flags);
                    if (!hasDeadline) {
                        QCOMPARE(model->segmentDeadline(r, i), 0.0);
                        continue;
                    }
                    QCOMPARE(model->segmentDeadline(r, i), e.deadline());
                    const bool wasReached = model->segmentEnd(r, i) >= e.deadline() - 1e-9;
                    QVERIFY2(bool(flags & kDeadlineReached) == wasReached, name);
                    ++(wasReached ? reached : notReached);
                    elsewhere += model->segmentEnd(r, i) != e.deadline();
                }
            }
            // The scenes, with the model's marks and with the trace's.
            for (const TimelineAxis axis : {TimelineAxis::Time, TimelineAxis::Passes}) {
                const TimelineRowSet rows = selectRows(*model, {}, false);
                const auto [x0, x1] = axisLimits(*model, axis).fitAll();
                for (const double zoom : {1.0, 0.2}) {
                    TimelineGeometry g = geometry(x0 + (x1 - x0) * (1 - zoom) / 2,
                                                  x1 - (x1 - x0) * (1 - zoom) / 2, int(rows.rows.size()));
                    g.plot.setHeight(22 + 20 * g.rowCount);
                    applyDeadlockSlot(g, *model, axis, 150);
                    TimelineLayoutOptions fast, plain;
                    fast.axis = plain.axis = axis;
                    plain.shortcuts = false;
                    const TimelineScene a = layoutTimeline(*model, rows, g, fast);
                    const TimelineScene b = layoutTimeline(*model, rows, g, plain);
                    QVERIFY2(a.bars.size() == b.bars.size(), name);
                    for (size_t k = 0; k < a.bars.size(); ++k)
                        QVERIFY2(a.bars[k].segment == b.bars[k].segment && a.bars[k].rect == b.bars[k].rect &&
                                     a.bars[k].flags == b.bars[k].flags,
                                 name);
                    QVERIFY2(a.deadlines.size() == b.deadlines.size(), name);
                    for (size_t k = 0; k < a.deadlines.size(); ++k)
                        QVERIFY2(a.deadlines[k].at == b.deadlines[k].at &&
                                     a.deadlines[k].reached == b.deadlines[k].reached &&
                                     a.deadlines[k].halfHeight == b.deadlines[k].halfHeight,
                                 name);
                    marks[axis == TimelineAxis::Passes] += int(a.deadlines.size());
                }
            }
        }
        // What the comparison covered: sleeps that reached their deadline and sleeps that did
        // not (cancelled), some not ending on it, marks on both axes.
        QVERIFY2(reached > 100 && notReached > 0 && elsewhere > 0,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(reached).arg(notReached).arg(elsewhere)));
        QVERIFY(marks[0] > 50 && marks[1] > 50);
    }

    void rowFilterAndShutdownTasks()
    {
        SyntheticTrace s;
        s.created(0, 1, "main");
        s.created(0, 2, "worker", 1);
        s.created(0, 3, "worker", 1);
        s.trace->record(
            TraceEvent::taskCreated(1, TaskId{4}, {}, s.trace->intern("shutdown_asyncgens"), {}, 0));
        const TimelineModel model = s.model();
        TimelineRowSet rows = selectRows(model, {}, false);
        QCOMPARE(rows.rows.size(), size_t(3)); // the shutdown task is hidden
        QCOMPARE(rows.displayRowOf(0), kPinnedRow);
        QCOMPARE(rows.displayRowOf(4), kNoDisplayRow);
        rows = selectRows(model, {}, true);
        QCOMPARE(rows.rows.size(), size_t(4));
        rows = selectRows(model, QStringLiteral("WORK"), false);
        QCOMPARE(rows.rows, (std::vector<int>{2, 3}));
        QCOMPARE(rows.displayRowOf(3), 1);
        QCOMPARE(rows.modelRowOf(0), 2);
    }
};

QTEST_GUILESS_MAIN(TimelineGeometryTest)
#include "tst_timeline_geometry.moc"
