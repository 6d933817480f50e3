// The timeline as drawn: the shared renderer's images checked pixel by pixel at the positions
// the geometry gives (each state's colour and pattern, bar shapes, the stall band, deadlines,
// markers, arrows), and the widget driven with simulated wheel, drag, keys and clicks.
#include <QtTest>

#include <QPainter>
#include <QScrollBar>

#include "TimelineDeadlockSlot.h"
#include "TimelineDescriptions.h"
#include "TimelineRenderer.h"
#include "TimelineView.h"
#include "engine.h"
#include "synthetic_trace.h"
#include "timeline_test_support.h"

using namespace loopscope;
using loopscope::test::rowNamed;

namespace {

std::shared_ptr<const TimelineModel> modelOf(const QString& relative)
{
    return test::modelOfFile(relative);
}

// A timeline widget of [size] on [relative]'s run, shown and painted once.
std::unique_ptr<TimelineView> shownView(const QString& relative, QSize size)
{
    auto view = std::make_unique<TimelineView>();
    view->resize(size);
    view->setModel(modelOf(relative));
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    view->plot()->replot(QCustomPlot::rpImmediateRefresh);
    return view;
}

// One rendering of a whole figure, with where everything went.
struct Figure {
    QImage image;
    TimelineFigureLayout layout;
    TimelineScene scene;
    TimelineRowSet rows;
};

Figure render(const TimelineModel& model, TimelineAxis axis = TimelineAxis::Time,
              const TimelineTheme& theme = TimelineTheme::light(), bool arrows = true,
              QSize size = QSize(1200, 640))
{
    Figure f;
    f.rows = selectRows(model, {}, false);
    f.image = QImage(size, QImage::Format_RGB32);
    const TimelineAxisLimits limits = axis == TimelineAxis::Time
                                          ? TimelineAxisLimits::forTime(model.endTime())
                                          : TimelineAxisLimits::forPasses(model.extent(axis));
    TimelineViewState state;
    state.axis = axis;
    state.arrows = arrows;
    std::tie(state.x0, state.x1) = limits.fitAll();
    TimelineFigureOptions options;
    options.font = QFont(QStringLiteral("DejaVu Sans"), 9);
    QPainter painter(&f.image);
    const TimelineRenderer renderer(model, f.rows, theme);
    f.scene = renderer.render(painter, QRectF(QPointF(0, 0), QSizeF(size)), state, options, &f.layout);
    if (const QString dir = qEnvironmentVariable("LOOPSCOPE_TEST_IMAGES"); !dir.isEmpty())
        f.image.save(dir + QStringLiteral("/timeline_%1.png")
                               .arg(QTest::currentDataTag() && QTest::currentDataTag()[0]
                                        ? QTest::currentDataTag()
                                        : QTest::currentTestFunction()));
    return f;
}

// How many pixels of [color] are in the box of half-size [w] x [h] around [at].
int pixelsOf(const QImage& image, QPointF at, const QColor& color, int w = 4, int h = 2)
{
    int n = 0;
    for (int y = int(at.y()) - h; y <= int(at.y()) + h; ++y)
        for (int x = int(at.x()) - w; x <= int(at.x()) + w; ++x)
            n += image.valid(x, y) && image.pixel(x, y) == color.rgb();
    return n;
}

QPointF pointOf(const Figure& f, const TimelineModel& model, int row, double coord)
{
    const int display = f.rows.displayRowOf(row);
    Q_UNUSED(model)
    return QPointF(f.layout.geometry.xFor(coord), f.layout.geometry.rowCentre(display));
}

void sendMouse(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, w->mapToGlobal(pos),
                      type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &event);
}

void sendWheel(QWidget* w, QPointF pos, int notches, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWheelEvent event(pos, w->mapToGlobal(pos), QPoint(), QPoint(0, 120 * notches), Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &event);
}

} // namespace

class TimelineTest : public QObject {
    Q_OBJECT
  private slots:
    // Each state is painted in its colour and, where it has one, its pattern, where it happens.
    void statesArePaintedWhereTheyHappen_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("row");
        QTest::addColumn<double>("t");
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("dx"); // pixels right of the time: inside zero-duration bars
        const QString slowFast = QStringLiteral("scenarios/articles/two_additions.py");
        const QString blocking = QStringLiteral("scenarios/pitfalls/blocking_sleep.py");
        const TimelineLayoutOptions widths;
        QTest::newRow("sleeping") << slowFast << "add_fast" << 1.5 << int(SegmentKind::Sleeping) << 0.0;
        QTest::newRow("awaiting a task")
            << slowFast << "get_results" << 2.5 << int(SegmentKind::AwaitingTask) << 0.0;
        // Queued and run at t=0: the turn in the ready queue first, then the step, each with
        // its minimum width.
        QTest::newRow("ready (a zero-duration turn)")
            << slowFast << "add_slow" << 0.0 << int(SegmentKind::Ready) << 2.0;
        QTest::newRow("running (a zero-duration step)")
            << slowFast << "add_slow" << 0.0 << int(SegmentKind::Running) << widths.readyWidth + 2;
        QTest::newRow("ready at the wake-up")
            << slowFast << "add_fast" << 3.0 << int(SegmentKind::Ready) << 2.0;
        QTest::newRow("loop idle") << slowFast << "event loop" << 1.5 << int(SegmentKind::LoopIdle) << 0.0;
        QTest::newRow("held up") << blocking << "ticker" << 1.3 << int(SegmentKind::HeldUp) << 0.0;
        QTest::newRow("blocking the loop")
            << blocking << "blocker" << 1.0 << int(SegmentKind::Blocking) << 0.0;
        QTest::newRow("awaiting a gather")
            << blocking << "main" << 3.0 << int(SegmentKind::AwaitingFuture) << 0.0;
        QTest::newRow("loop busy") << blocking << "event loop" << 1.8 << int(SegmentKind::LoopBusy) << 0.0;
        QTest::newRow("waiting on a lock") << "scenarios/sync/lock_serialises.py"
                                           << "Task-4 · use" << 1.5 << int(SegmentKind::WaitingSync) << 0.0;
    }

    void statesArePaintedWhereTheyHappen()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, row);
        QFETCH(double, t);
        QFETCH(int, kind);
        QFETCH(double, dx);
        const auto model = modelOf(scenario);
        const Figure f = render(*model);
        const int r = rowNamed(*model, row);
        QVERIFY(r >= 0);
        QPointF at = pointOf(f, *model, r, t);
        at.rx() += dx;
        const TimelineTheme theme = TimelineTheme::light();
        const TimelineStateStyle& style = theme.style(SegmentKind(kind));
        // A zero-duration bar is only a few pixels wide: the probe stays inside it. (A turn in
        // the ready queue that narrow is filled with its outline's colour.)
        const int half = dx > 0 ? 1 : 4;
        const QColor fill = dx > 0 && SegmentKind(kind) == SegmentKind::Ready ? style.edge : style.fill;
        QVERIFY2(pixelsOf(f.image, at, fill, half) > 0,
                 qPrintable(QStringLiteral("no fill at %1,%2").arg(at.x()).arg(at.y())));
        if (style.pattern != Qt::NoBrush && dx == 0) // (narrow bars have no pattern)
            QVERIFY2(pixelsOf(f.image, at, style.patternColor, 6, 5) > 0, "no pattern");
    }

    // The ready state lasts no virtual time: the passes axis gives it room.
    void readyAndCallbacksShowOnThePassesAxis()
    {
        const auto model = modelOf(QStringLiteral("scenarios/basics/sleep_zero_yields.py"));
        const Figure f = render(*model, TimelineAxis::Passes);
        const int pong = rowNamed(*model, QStringLiteral("Task-3 · talker"));
        const auto segs = model->segments(pong);
        int index = -1;
        for (int i = 0; i < int(segs.size()); ++i)
            if (segs[size_t(i)].kind == SegmentKind::Ready && segs[size_t(i)].ahead == 1)
                index = i;
        QVERIFY(index >= 0);
        const double middle = (model->segmentStartOn(TimelineAxis::Passes, pong, index) +
                               model->segmentEndOn(TimelineAxis::Passes, pong, index)) /
                              2;
        const TimelineTheme theme = TimelineTheme::light();
        const TimelineStateStyle& ready = theme.style(SegmentKind::Ready);
        QPointF at = pointOf(f, *model, pong, middle);
        QVERIFY(pixelsOf(f.image, at, ready.fill, 6, 3) > 0);
        QVERIFY(pixelsOf(f.image, at, ready.patternColor, 6, 3) > 0);
        QVERIFY(!f.scene.passes.empty());
    }

    // sleep(0) on the time axis: every turn in the ready queue and every step of one instant
    // shows, side by side, none painted over by the next.
    void readyTurnsOfOneInstantShowOnTheTimeAxis()
    {
        const auto model = modelOf(QStringLiteral("scenarios/basics/sleep_zero_yields.py"));
        const Figure f = render(*model);
        const TimelineTheme theme = TimelineTheme::light();
        for (const QString& name : {QStringLiteral("Task-2 · talker"), QStringLiteral("Task-3 · talker")}) {
            const int r = rowNamed(*model, name);
            QVERIFY(r >= 0);
            int ready = 0, running = 0;
            for (const TimelineScene::Bar& bar : f.scene.bars) {
                if (bar.row != r || (bar.kind != SegmentKind::Ready && bar.kind != SegmentKind::Running))
                    continue;
                // Its own colour inside its box, below the row's centre (clear of the flag of the
                // creation marker and of arrows between rows).
                const QColor fill = bar.kind == SegmentKind::Ready && bar.rect.width() < 8
                                        ? theme.style(bar.kind).edge
                                        : theme.style(bar.kind).fill;
                int inside = 0;
                for (int x = int(std::ceil(bar.rect.left())); x < int(bar.rect.right()); ++x)
                    inside +=
                        f.image.pixel(x, int(bar.rect.center().y() + bar.rect.height() / 4)) == fill.rgb();
                QVERIFY2(inside >= 2, qPrintable(QStringLiteral("%1: a %2 bar at x=%3 is painted over")
                                                     .arg(name, legendText(bar.kind))
                                                     .arg(bar.rect.left())));
                (bar.kind == SegmentKind::Ready ? ready : running) += 1;
            }
            // Three sleep(0) turns and the first step: four of each.
            QCOMPARE(ready, 4);
            QCOMPARE(running, 4);
        }
        for (const TimelineScene::Fold& fold : f.scene.folds)
            QCOMPARE(fold.row, 0); // no task row folds; the loop's row may
    }

    // The shortcuts of the paint (bars of one kind that touch filled as one, the row labels kept
    // as a picture between replots) paint exactly what the plain path paints, pixel for pixel:
    // dense and sparse runs, both axes, both themes, zoomed, scrolled, on images and pixmaps.
    void fastPathsPaintWhatThePlainPathPaints_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("axis");
        QTest::addColumn<bool>("dark");
        QTest::addColumn<double>("zoom"); // the fraction of the run shown, from 30% in
        QTest::addColumn<double>("scroll");
        QTest::addColumn<bool>("pixmap");
        const QString dense = QStringLiteral("dense"),
                      slowFast = QStringLiteral("scenarios/articles/two_additions.py");
        QTest::newRow("dense fit-all") << dense << int(TimelineAxis::Time) << false << 1.0 << 0.0 << false;
        QTest::newRow("dense fit-all, pixmap")
            << dense << int(TimelineAxis::Time) << false << 1.0 << 0.0 << true;
        QTest::newRow("dense zoomed, scrolled")
            << dense << int(TimelineAxis::Time) << true << 0.05 << 37.0 << false;
        QTest::newRow("dense passes") << dense << int(TimelineAxis::Passes) << false << 1.0 << 5.0 << true;
        QTest::newRow("dense passes zoomed")
            << dense << int(TimelineAxis::Passes) << true << 0.02 << 0.0 << false;
        QTest::newRow("slow/fast") << slowFast << int(TimelineAxis::Time) << false << 1.0 << 0.0 << false;
        QTest::newRow("blocking, passes") << "scenarios/pitfalls/blocking_sleep.py"
                                          << int(TimelineAxis::Passes) << true << 1.0 << 0.0 << true;
        // The benchmark's 1M-segment traces (tests/bench/synthetic_trace.h), in the views whose
        // walks take the shortcuts: thousands of folded boxes on 1,000 rows, and rows of 50,000
        // segments folded at fit-all (walked by sampled starts) and at 30% (partly).
        const QString many = QStringLiteral("synthetic many"), few = QStringLiteral("synthetic dense");
        QTest::newRow("1M, many rows, passes")
            << many << int(TimelineAxis::Passes) << false << 1.0 << 0.0 << false;
        QTest::newRow("1M, many rows, time")
            << many << int(TimelineAxis::Time) << true << 1.0 << 400.0 << false;
        QTest::newRow("1M, dense rows") << few << int(TimelineAxis::Time) << false << 1.0 << 0.0 << false;
        QTest::newRow("1M, dense rows, 30%") << few << int(TimelineAxis::Time) << false << 0.3 << 0.0 << true;
        QTest::newRow("1M, dense rows, passes")
            << few << int(TimelineAxis::Passes) << true << 1.0 << 0.0 << false;
    }

    void fastPathsPaintWhatThePlainPathPaints()
    {
        QFETCH(QString, scenario);
        QFETCH(int, axis);
        QFETCH(bool, dark);
        QFETCH(double, zoom);
        QFETCH(double, scroll);
        QFETCH(bool, pixmap);
        // 300 tasks of 30 short sleeps each, and bursts of tiny ones: thousands of bars, chains
        // of steps, folded boxes.
        const std::string denseSource = "import asyncio\n"
                                        "async def worker(i):\n"
                                        "    for k in range(30):\n"
                                        "        await asyncio.sleep(((i * 7 + k * 3) % 11) * 0.001)\n"
                                        "        if k % 10 == i % 10:\n"
                                        "            for j in range(40):\n"
                                        "                await asyncio.sleep(0.00005)\n"
                                        "async def main():\n"
                                        "    await asyncio.gather(*(worker(i) for i in range(300)))\n"
                                        "asyncio.run(main())\n";
        // The synthetic models are built once for all their views.
        static std::shared_ptr<const TimelineModel> manyRows, denseRows;
        auto synthetic = [](std::shared_ptr<const TimelineModel>& model, uint32_t tasks, uint32_t steps) {
            if (!model)
                model = std::make_shared<const TimelineModel>(
                    TimelineModel::build(bench::syntheticTrace(tasks, steps)));
            return model;
        };
        const auto model = scenario == QLatin1String("dense")             ? test::modelOfSource(denseSource)
                           : scenario == QLatin1String("synthetic many")  ? synthetic(manyRows, 1000, 333)
                           : scenario == QLatin1String("synthetic dense") ? synthetic(denseRows, 20, 16667)
                                                                          : modelOf(scenario);
        const TimelineRowSet rows = selectRows(*model, {}, false);
        const TimelineRenderer renderer(*model, rows, dark ? TimelineTheme::dark() : TimelineTheme::light());
        TimelineViewState state;
        state.axis = TimelineAxis(axis);
        const TimelineAxisLimits limits = state.axis == TimelineAxis::Time
                                              ? TimelineAxisLimits::forTime(model->endTime())
                                              : TimelineAxisLimits::forPasses(model->extent(state.axis));
        std::tie(state.x0, state.x1) = limits.fitAll();
        if (zoom < 1) {
            const double span = state.x1 - state.x0, from = state.x0 + span * 0.3;
            state.x0 = from;
            state.x1 = from + span * zoom;
        }
        state.scroll = scroll;
        TimelineFigureOptions options;
        options.font = QFont(QStringLiteral("DejaVu Sans"), 9);
        options.labelWidth = 170;
        const QSize size(1100, 620);
        TimelineScene scene; // what the last paint drew
        auto paint = [&](const TimelineFigureOptions& o, const TimelineViewState& s) {
            QImage image;
            if (pixmap) {
                QPixmap target(size);
                QPainter painter(&target);
                scene = renderer.render(painter, QRectF(QPointF(0, 0), QSizeF(size)), s, o);
                painter.end();
                image = target.toImage().convertToFormat(QImage::Format_RGB32);
            } else {
                image = QImage(size, QImage::Format_RGB32);
                QPainter painter(&image);
                scene = renderer.render(painter, QRectF(QPointF(0, 0), QSizeF(size)), s, o);
            }
            return image;
        };
        TimelineFigureOptions plainOptions = options;
        plainOptions.mergeBars = false;
        const QImage plain = paint(plainOptions, state);
        const TimelineScene plainScene = scene;
        if (scenario.startsWith(QLatin1String("synthetic"))) {
            QVERIFY(scene.folds.size() >= 20); // what the walks' shortcuts are for
            QVERIFY(model->slotsOrdered());    // (else the passes axis would not take them)
        }
        if (scenario == QLatin1String("dense") && zoom == 1 && state.axis == TimelineAxis::Time) {
            // The dense run has what the shortcuts are for: bars of a kind that touch, and boxes
            // wide enough for their zig-zag.
            QImage scratch(size, QImage::Format_RGB32);
            QPainter painter(&scratch);
            const TimelineScene scene =
                renderer.render(painter, QRectF(QPointF(0, 0), QSizeF(size)), state, options);
            QVERIFY(std::any_of(scene.folds.begin(), scene.folds.end(),
                                [](const auto& f) { return f.rect.width() >= 12; }));
            QVERIFY(scene.bars.size() > 300);
        }

        TimelineLabelCache cache;
        TimelineFigureOptions fastOptions = options;
        fastOptions.labelCache = &cache;
        // Another view first (its labels kept), then this one twice: painted into the cache,
        // then copied from it.
        TimelineViewState other = state;
        other.scroll = scroll + 3;
        paint(fastOptions, other);
        const QImage first = paint(fastOptions, state);
        TimelineViewState panned = state;
        panned.x0 += (state.x1 - state.x0) * 0.1;
        panned.x1 += (state.x1 - state.x0) * 0.1;
        paint(fastOptions, panned);
        const QImage again = paint(fastOptions, state); // the labels from the cache
        // The same scene: every bar and folded box, and what each box holds (its tooltip's count).
        QCOMPARE(scene.bars.size(), plainScene.bars.size());
        QCOMPARE(scene.folds.size(), plainScene.folds.size());
        for (size_t k = 0; k < scene.bars.size(); ++k)
            QVERIFY(scene.bars[k].segment == plainScene.bars[k].segment &&
                    scene.bars[k].rect == plainScene.bars[k].rect);
        for (size_t k = 0; k < scene.folds.size(); ++k)
            QVERIFY2(scene.folds[k].first == plainScene.folds[k].first &&
                         scene.folds[k].count == plainScene.folds[k].count &&
                         scene.folds[k].rect == plainScene.folds[k].rect,
                     qPrintable(QStringLiteral("fold %1: %2+%3 here, %4+%5 on the plain path")
                                    .arg(k)
                                    .arg(scene.folds[k].first)
                                    .arg(scene.folds[k].count)
                                    .arg(plainScene.folds[k].first)
                                    .arg(plainScene.folds[k].count)));
        // And every sleep's deadline mark (from the model's flags here, the trace's events there).
        QCOMPARE(scene.deadlines.size(), plainScene.deadlines.size());
        for (size_t k = 0; k < scene.deadlines.size(); ++k)
            QVERIFY(scene.deadlines[k].at == plainScene.deadlines[k].at &&
                    scene.deadlines[k].reached == plainScene.deadlines[k].reached);
        for (const QImage* fast : {&first, &again}) {
            int differ = 0;
            QPoint where;
            for (int y = 0; y < size.height(); ++y)
                for (int x = 0; x < size.width(); ++x)
                    if (plain.pixel(x, y) != fast->pixel(x, y) && differ++ == 0)
                        where = QPoint(x, y);
            QVERIFY2(differ == 0, qPrintable(QStringLiteral("%1 pixels differ, the first at %2,%3")
                                                 .arg(differ)
                                                 .arg(where.x())
                                                 .arg(where.y())));
        }
    }

    // A deadlock that Ctrl+C ends: in its slot, each stuck row is drawn waiting (its state's
    // colour and pattern), and the loop's row shows the deadlock's band, on both axes.
    void deadlockSlotShowsWhatEachRowWaitsOn_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("axis");
        const QString two = QStringLiteral("tests/scripts/asyncio_deadlock/two_tasks_wait_each_other.py");
        const QString lock = QStringLiteral("tests/scripts/asyncio_deadlock/lock_not_released.py");
        QTest::newRow("two tasks, time") << two << int(TimelineAxis::Time);
        QTest::newRow("two tasks, passes") << two << int(TimelineAxis::Passes);
        QTest::newRow("lock, time") << lock << int(TimelineAxis::Time);
        QTest::newRow("forever at t=0, time")
            << "scenarios/pitfalls/deadlock_waiting_forever.py" << int(TimelineAxis::Time);
    }

    void deadlockSlotShowsWhatEachRowWaitsOn()
    {
        QFETCH(QString, scenario);
        QFETCH(int, axis);
        const auto model = modelOf(scenario);
        QVERIFY(model->hasDeadlockSlot());
        const TimelineAxis a = TimelineAxis(axis);
        const Figure f = render(*model, a);
        const TimelineGeometry& g = f.layout.geometry;
        const double left = g.xFor(model->deadlockSlotStart(a)), right = g.xFor(model->deadlockSlotEnd(a));
        QVERIFY(right - left >= kDeadlockSlotMinPixels);
        const TimelineTheme theme = TimelineTheme::light();
        const double probeX = left + (right - left) * 0.75;
        int stuckRows = 0;
        for (int r = 1; r < model->rowCount(); ++r) {
            const auto segs = model->segments(r);
            const auto stuck = std::find_if(segs.begin(), segs.end(), [](const TimelineSegment& s) {
                return s.flags & kStuckAtDeadlock;
            });
            if (stuck == segs.end() || f.rows.displayRowOf(r) < 0)
                continue;
            ++stuckRows;
            const TimelineStateStyle& style = theme.style((*stuck).kind);
            const QPointF at(probeX, g.rowCentre(f.rows.displayRowOf(r)));
            QVERIFY2(pixelsOf(f.image, at, style.fill, 4, 2) > 0,
                     qPrintable(model->rowLabel(r) + QStringLiteral(": no fill at %1").arg(probeX)));
            if (style.pattern != Qt::NoBrush)
                QVERIFY2(pixelsOf(f.image, at, style.patternColor, 6, 5) > 0,
                         qPrintable(model->rowLabel(r) + ": no pattern"));
        }
        QVERIFY(stuckRows > 0);
        const TimelineStateStyle& band = theme.style(SegmentKind::Deadlocked);
        const QPointF loop(probeX, g.rowCentre(kPinnedRow));
        QVERIFY2(pixelsOf(f.image, loop, band.fill, 6, 3) > 0, "no deadlock band");
        QVERIFY2(pixelsOf(f.image, loop, band.patternColor, 8, 5) > 0, "no deadlock band pattern");
        // The legend names it.
        QVERIFY(model->segmentKindsPresent() >> int(SegmentKind::Deadlocked) & 1u);
        const auto loopSegments = model->segments(0);
        const auto deadlocked =
            std::find_if(loopSegments.begin(), loopSegments.end(),
                         [](const TimelineSegment& s) { return s.kind == SegmentKind::Deadlocked; });
        QVERIFY(deadlocked != loopSegments.end());
        QVERIFY(describeSegment(*model, 0, int(deadlocked - loopSegments.begin()))
                    .contains(QLatin1String("would wait forever")));
    }

    // Shape as well as colour: a running step is taller than a sleep, which is the thinnest.
    void statesDifferInHeight()
    {
        const auto model = modelOf(QStringLiteral("scenarios/pitfalls/blocking_sleep.py"));
        const Figure f = render(*model);
        auto heightOf = [&](const QString& row, double t, SegmentKind kind) {
            const QPointF at = pointOf(f, *model, rowNamed(*model, row), t);
            const QColor fill = TimelineTheme::light().style(kind).fill;
            int h = 0;
            for (int y = int(at.y()) - 30; y <= int(at.y()) + 30; ++y)
                h += f.image.pixel(int(at.x()), y) == fill.rgb() ||
                     f.image.pixel(int(at.x()) + 1, y) == fill.rgb();
            return h;
        };
        const int sleeping = heightOf(QStringLiteral("ticker"), 0.25, SegmentKind::Sleeping);
        const int heldUp = heightOf(QStringLiteral("ticker"), 1.3, SegmentKind::HeldUp);
        const int blocking = heightOf(QStringLiteral("blocker"), 1.0, SegmentKind::Blocking);
        QVERIFY2(sleeping > 0 && heldUp > sleeping && blocking > heldUp,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(sleeping).arg(heldUp).arg(blocking)));
    }

    void stallBandDeadlinesAndMarkers()
    {
        const TimelineTheme theme = TimelineTheme::light();
        const auto model = modelOf(QStringLiteral("scenarios/pitfalls/blocking_sleep.py"));
        const Figure f = render(*model);
        // The stall band runs down the whole plot, below the last row too.
        const QPointF below(f.layout.geometry.xFor(1.0), f.layout.plot.bottom() - 5);
        QVERIFY(pixelsOf(f.image, below, theme.stallFill, 6, 3) > 0);
        QCOMPARE(f.scene.stalls.size(), size_t(1));

        const auto slowFast = modelOf(QStringLiteral("scenarios/articles/two_additions.py"));
        const Figure g = render(*slowFast);
        const int fast = rowNamed(*slowFast, QStringLiteral("add_fast"));
        // add_fast's deadline at 3 s is marked; its done marker sits there too.
        // (the notch above the bar: the done marker covers the tick itself)
        const double notch = g.layout.geometry.rowHeight * 0.32 + 2;
        QVERIFY(pixelsOf(g.image, pointOf(g, *slowFast, fast, 3.0) - QPointF(1, notch), theme.deadline, 2,
                         2) > 0);
        // The done marker sits just after the last step's bar, drawn after the turn in the ready
        // queue that the timer's wake-up took at 3 s.
        const auto last = std::find_if(g.scene.bars.rbegin(), g.scene.bars.rend(),
                                       [&](const auto& b) { return b.row == fast; });
        QVERIFY(last != g.scene.bars.rend() && last->kind == SegmentKind::Running);
        QCOMPARE(last->rect.left(), g.layout.geometry.xFor(3.0) + TimelineLayoutOptions{}.readyWidth);
        int done = 0;
        for (const auto& m : g.scene.markers)
            if (m.kind == MarkerKind::Done && m.row == fast) {
                ++done;
                QCOMPARE(m.at.x(), last->rect.right() + markerSize(g.layout.geometry.rowHeight) / 2);
                QVERIFY(pixelsOf(g.image, m.at, theme.color(MarkerKind::Done), 2, 2) > 0);
            }
        QCOMPARE(done, 1);
    }

    // Arrows toggle: with them the image has each arrow's colour along its line, without them not.
    void arrowsArePainted()
    {
        const TimelineTheme theme = TimelineTheme::light();
        const auto model = modelOf(QStringLiteral("scenarios/taskgroups/one_fails_all_cancelled.py"));
        const Figure with = render(*model, TimelineAxis::Passes, theme, true);
        const Figure without = render(*model, TimelineAxis::Passes, theme, false);
        QVERIFY(!with.scene.arrows.empty());
        QVERIFY(without.scene.arrows.empty());
        const QColor cancels = theme.style(ArrowKind::Cancels).color;
        int inWith = 0, inWithout = 0;
        for (int y = 0; y < with.image.height(); ++y)
            for (int x = 0; x < with.image.width(); ++x)
                if (with.layout.plot.contains(QPointF(x, y))) {
                    inWith += with.image.pixel(x, y) == cancels.rgb();
                    inWithout += without.image.pixel(x, y) == cancels.rgb();
                }
        QVERIFY2(inWith > inWithout + 20, qPrintable(QStringLiteral("%1 vs %2").arg(inWith).arg(inWithout)));
    }

    // The one renderer draws the whole figure on any device, in either theme, with a title.
    void rendersTheWholeFigureOnAnyDevice()
    {
        const auto model = modelOf(QStringLiteral("scenarios/articles/two_additions.py"));
        const TimelineRowSet rows = selectRows(*model, {}, false);
        const TimelineRenderer renderer(*model, rows, TimelineTheme::dark());
        TimelineViewState state;
        std::tie(state.x0, state.x1) = TimelineAxisLimits::forTime(model->endTime()).fitAll();
        TimelineFigureOptions options;
        options.title = QStringLiteral("Two additions");
        QImage image(900, 500, QImage::Format_RGB32);
        QPainter painter(&image);
        TimelineFigureLayout layout;
        renderer.render(painter, QRectF(0, 0, 900, 500), state, options, &layout);
        painter.end();
        QVERIFY(layout.title.height() > 0 && layout.legend.height() > 0 && layout.axis.height() > 0);
        QCOMPARE(image.pixel(2, 2), TimelineTheme::dark().background.rgb());
        int titleInk = 0;
        for (int x = 0; x < 300; ++x)
            for (int y = int(layout.title.top()); y < int(layout.title.bottom()); ++y)
                titleInk += image.pixel(x, y) != TimelineTheme::dark().background.rgb();
        QVERIFY(titleInk > 50);
        // A picture (vector) device takes the same calls.
        QPicture picture;
        QPainter vector(&picture);
        renderer.render(vector, QRectF(0, 0, 900, 500), state, options);
        vector.end();
        QVERIFY(picture.size() > 1000);
    }

    // -- The widget ----------------------------------------------------------------------------

    void wheelZoomsAroundTheMouse()
    {
        auto shown = shownView(QStringLiteral("scenarios/articles/two_additions.py"), QSize(1100, 500));
        QVERIFY(shown);
        TimelineView& view = *shown;
        const TimelineGeometry before = view.lastLayout().geometry;
        const QPointF pos(before.xFor(2.0), before.rowCentre(0));
        sendWheel(view.plot(), pos, 2);
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        const TimelineGeometry after = view.lastLayout().geometry;
        QVERIFY(after.x1 - after.x0 < (before.x1 - before.x0) * 0.7);
        QVERIFY(std::abs(after.coordAt(pos.x()) - 2.0) < 1e-6);
        // Zooming out stops at the limit.
        for (int i = 0; i < 30; ++i)
            sendWheel(view.plot(), pos, -3);
        const TimelineViewState& state = view.viewport()->state();
        QVERIFY(state.x1 - state.x0 <= view.viewport()->limits().maxSpan() + 1e-9);
    }

    void dragPansAndClickSelects()
    {
        auto shown = shownView(QStringLiteral("scenarios/articles/two_additions.py"), QSize(1100, 500));
        QVERIFY(shown);
        TimelineView& view = *shown;
        TimelineGeometry g = view.lastLayout().geometry;
        const double x0 = view.viewport()->state().x0;
        // Drag 100 px to the left: the view moves 100 px later in time.
        const QPointF start(g.xFor(1.0), g.rowCentre(2) + 40);
        sendMouse(view.plot(), QEvent::MouseButtonPress, start, Qt::LeftButton);
        sendMouse(view.plot(), QEvent::MouseMove, start - QPointF(50, 0), Qt::LeftButton);
        sendMouse(view.plot(), QEvent::MouseMove, start - QPointF(100, 0), Qt::LeftButton);
        sendMouse(view.plot(), QEvent::MouseButtonRelease, start - QPointF(100, 0), Qt::NoButton);
        QCOMPARE(view.viewport()->state().x0, x0 + 100 / g.pixelsPerUnit());
        QVERIFY(view.viewport()->selection().kind == TimelineScene::Hit::None);

        // Click add_fast's sleep: it is selected, and its line is the one to mark.
        view.fitAll();
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        g = view.lastLayout().geometry;
        const int fast = view.rows().displayRowOf(rowNamed(view.model(), QStringLiteral("add_fast")));
        const QPointF bar(g.xFor(1.5), g.rowCentre(fast));
        QCOMPARE(view.toolTipAt(bar),
                 QStringLiteral("Task-3 add_fast sleeping 0.0 → 3.0 s: await asyncio.sleep(3), line 8"));
        QSignalSpy selected(&view, &TimelineView::itemSelected);
        sendMouse(view.plot(), QEvent::MouseButtonPress, bar, Qt::LeftButton);
        sendMouse(view.plot(), QEvent::MouseButtonRelease, bar, Qt::NoButton);
        QCOMPARE(selected.size(), 1);
        QVERIFY(selected[0][0].toString().startsWith(QLatin1String("Task-3 add_fast sleeping")));
        QCOMPARE(selected[0][1].value<QList<int>>(), QList<int>{8});
        QCOMPARE(view.viewport()->selection().kind, TimelineScene::Hit::Segment);
        // The selection is outlined on the overlay.
        const QImage shot = view.plot()->toPixmap().toImage();
        const QRectF outline =
            view.lastScene().locate(view.viewport()->selection()).rect.adjusted(-2, -2, 2, 2);
        QVERIFY(!outline.isEmpty());
        QVERIFY(pixelsOf(shot, QPointF(g.xFor(1.5), outline.top()), view.theme().selection, 3, 1) > 0);
    }

    // In the window, what is under the pointer in the deadlock's slot is what is drawn there: the
    // stuck wait (its tooltip says it would wait forever; a click selects it and marks its line),
    // and on the loop's row the deadlock's band.
    void deadlockSlotHoversAndSelects()
    {
        auto shown = shownView(QStringLiteral("tests/scripts/asyncio_deadlock/two_tasks_wait_each_other.py"),
                               QSize(1100, 500));
        QVERIFY(shown);
        TimelineView& view = *shown;
        const TimelineModel& model = view.model();
        const TimelineAxis axis = view.viewport()->state().axis;
        const TimelineGeometry& g = view.lastLayout().geometry;
        const double left = g.xFor(model.deadlockSlotStart(axis)),
                     right = g.xFor(model.deadlockSlotEnd(axis));
        QVERIFY(right - left >= kDeadlockSlotMinPixels);
        const int a = rowNamed(model, QStringLiteral("a"));
        const QPointF bar((left + right) / 2, g.rowCentre(view.rows().displayRowOf(a)) + 3);
        const QString tip = view.toolTipAt(bar);
        QVERIFY2(tip.startsWith(QLatin1String("Task-2 a waits on Event.wait")) &&
                     tip.contains(QLatin1String("would wait forever")),
                 qPrintable(tip));
        QVERIFY2(view.toolTipAt(QPointF((left + right) / 2, g.rowCentre(kPinnedRow)))
                     .startsWith(QLatin1String("Deadlock at 1.0 s: no task is ready")),
                 qPrintable(view.toolTipAt(QPointF((left + right) / 2, g.rowCentre(kPinnedRow)))));
        QSignalSpy selected(&view, &TimelineView::itemSelected);
        sendMouse(view.plot(), QEvent::MouseButtonPress, bar, Qt::LeftButton);
        sendMouse(view.plot(), QEvent::MouseButtonRelease, bar, Qt::NoButton);
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected[0][1].value<QList<int>>(), QList<int>{4});
        const TimelineScene::Hit& hit = view.viewport()->selection();
        QCOMPARE(hit.kind, TimelineScene::Hit::Segment);
        QCOMPARE(hit.row, a);
        QVERIFY(model.segments(a)[size_t(hit.index)].flags & kStuckAtDeadlock);
    }

    void keysZoomAndPanLikePerfetto()
    {
        auto shown = shownView(QStringLiteral("scenarios/articles/two_additions.py"), QSize(1000, 400));
        QVERIFY(shown);
        TimelineView& view = *shown;
        view.plot()->setFocus();
        auto span = [&] { return view.viewport()->state().x1 - view.viewport()->state().x0; };
        const double full = span();
        QTest::keyClick(view.plot(), Qt::Key_W);
        QVERIFY(span() < full);
        const double x0 = view.viewport()->state().x0;
        QTest::keyClick(view.plot(), Qt::Key_D);
        QVERIFY(view.viewport()->state().x0 > x0);
        QTest::keyClick(view.plot(), Qt::Key_A);
        QTest::keyClick(view.plot(), Qt::Key_A);
        QVERIFY(view.viewport()->state().x0 < x0);
        QTest::keyClick(view.plot(), Qt::Key_S);
        QTest::keyClick(view.plot(), Qt::Key_S);
        QVERIFY(span() > full * 0.9);
        QTest::keyClick(view.plot(), Qt::Key_F);
        QCOMPARE(span(), full);
    }

    // Ten thousand rows: labels keep a readable height and never overlap; the rows scroll.
    void manyRowsScroll()
    {
        const std::string source = "import asyncio\n"
                                   "async def sleeper(i):\n    await asyncio.sleep(i % 7)\n"
                                   "async def main():\n"
                                   "    await asyncio.gather(*(sleeper(i) for i in range(10000)))\n"
                                   "asyncio.run(main())\n";
        TimelineView view;
        view.resize(1000, 600);
        view.setModel(test::modelOfSource(source));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        const TimelineGeometry& g = view.lastLayout().geometry;
        QCOMPARE(g.rowCount, 10001);
        QVERIFY(g.rowHeight >= TimelineRenderer::minRowHeight(view.font()));
        QVERIFY(g.rowHeight >= QFontMetricsF(view.font()).height());
        auto* bar = view.findChild<QScrollBar*>();
        QVERIFY(bar && bar->isVisible() && bar->maximum() > 9000);
        // The wheel over the labels, then PageDown, scroll the rows; the loop's row stays.
        sendWheel(view.plot(), QPointF(20, 200), -2);
        QCOMPARE(view.viewport()->state().scroll, 6.0);
        view.plot()->setFocus();
        QTest::keyClick(view.plot(), Qt::Key_PageDown);
        QVERIFY(view.viewport()->state().scroll > 10);
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        QCOMPARE(view.lastScene().rows.front().displayRow, kPinnedRow);
        QVERIFY(view.lastScene().rows.size() < 60);
        // The filter finds one task among ten thousand.
        view.setRowFilter(QStringLiteral("Task-5000 "));
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        QCOMPARE(view.rows().rows.size(), size_t(1));
    }
};

QTEST_MAIN(TimelineTest)
#include "tst_timeline.moc"
