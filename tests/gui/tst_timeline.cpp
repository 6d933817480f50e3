// The timeline: the model built from a recorded trace, and the bars it draws,
// checked pixel by pixel on a rendered image.
#include <QtTest>

#include "TimelineModel.h"
#include "TimelineView.h"

using namespace loopscope;

namespace {

// Records the trace of the articles' slow/fast additions as the engine reports
// it: main (Task-1) starts add_slow (Task-2, sleeps 5 s) and add_fast (Task-3,
// sleeps 3 s), then waits on each in turn.
TraceRecorder slowFastTrace()
{
    TraceRecorder trace;
    uint32_t handles = 0;
    auto created = [&](double t, uint32_t task, const char* name, const char* coro) {
        trace.record(TraceEvent::taskCreated(t, TaskId{task}, trace.intern(name), trace.intern(coro), TaskId{}, 0));
    };
    auto pushed = [&](double t, uint32_t task) {
        trace.record(TraceEvent::readyPushed(t, TaskId{task}, HandleId{++handles}, HandleKind::TaskStep, {}));
    };
    auto began = [&](double t, uint32_t task) {
        trace.record(TraceEvent::stepBegan(t, TaskId{task}, HandleId{handles}, 0));
    };
    auto ended = [&](double t, uint32_t task, WaitKind wait, uint32_t target, double deadline) {
        trace.record(TraceEvent::stepEnded(t, TaskId{task}, 0, wait, target, deadline));
    };
    auto finished = [&](double t, uint32_t task, const char* result) {
        trace.record(TraceEvent::taskFinished(t, TaskId{task}, EndStatus::Ok, trace.intern(result), 0));
    };
    created(0, 1, "Task-1", "main");
    pushed(0, 1);
    began(0, 1);
    created(0, 2, "Task-2", "add_slow");
    pushed(0, 2);
    created(0, 3, "Task-3", "add_fast");
    pushed(0, 3);
    ended(0, 1, WaitKind::Task, 2, 0);
    began(0, 2);
    ended(0, 2, WaitKind::Timer, 0, 5.0);
    began(0, 3);
    ended(0, 3, WaitKind::Timer, 0, 3.0);
    trace.record(TraceEvent::clockJumped(0, 3.0));
    pushed(3, 3);
    began(3, 3);
    finished(3, 3, "10");
    trace.record(TraceEvent::clockJumped(3, 5.0));
    pushed(5, 2);
    began(5, 2);
    finished(5, 2, "7");
    pushed(5, 1);
    began(5, 1);
    trace.record(TraceEvent::output(5, TaskId{1}, trace.intern("7 10"), 0));
    finished(5, 1, "None");
    return trace;
}

const TimelineSegment* findSegment(const TimelineModel& model, int row, SegmentKind kind)
{
    for (const TimelineSegment& s : model.segments())
        if (s.row == row && s.kind == kind)
            return &s;
    return nullptr;
}

} // namespace

class TimelineTest : public QObject {
    Q_OBJECT
  private slots:
    void modelHasOneRowPerTaskAfterTheLoop()
    {
        const TraceRecorder trace = slowFastTrace();
        const TimelineModel model = TimelineModel::fromTrace(trace);
        QCOMPARE(model.rows().size(), 4);
        QCOMPARE(model.rows()[0].task.value, 0u);
        QCOMPARE(model.rows()[1].label, QStringLiteral("Task-1  main"));
        QCOMPARE(model.rows()[2].label, QStringLiteral("Task-2  add_slow"));
        QCOMPARE(model.rows()[3].label, QStringLiteral("Task-3  add_fast"));
        QCOMPARE(model.endTime(), 5.0);
    }

    void modelTurnsWaitsIntoBars_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("start");
        QTest::addColumn<double>("end");
        QTest::newRow("add_slow sleeps 0..5") << 2 << int(SegmentKind::Sleeping) << 0.0 << 5.0;
        QTest::newRow("add_fast sleeps 0..3") << 3 << int(SegmentKind::Sleeping) << 0.0 << 3.0;
        QTest::newRow("main awaits add_slow 0..5") << 1 << int(SegmentKind::WaitingTask) << 0.0 << 5.0;
        QTest::newRow("loop idles 0..3") << 0 << int(SegmentKind::LoopIdle) << 0.0 << 3.0;
    }

    void modelTurnsWaitsIntoBars()
    {
        QFETCH(int, row);
        QFETCH(int, kind);
        QFETCH(double, start);
        QFETCH(double, end);
        const TraceRecorder trace = slowFastTrace();
        const TimelineModel model = TimelineModel::fromTrace(trace);
        const TimelineSegment* s = findSegment(model, row, SegmentKind(kind));
        QVERIFY(s);
        QCOMPARE(s->start, start);
        QCOMPARE(s->end, end);
    }

    void modelMarksCreationAndCompletion()
    {
        const TraceRecorder trace = slowFastTrace();
        const TimelineModel model = TimelineModel::fromTrace(trace);
        int created = 0, done = 0;
        for (const TimelineMarker& m : model.markers()) {
            created += m.kind == MarkerKind::Created;
            if (m.kind == MarkerKind::Done) {
                ++done;
                QCOMPARE(m.t, m.row == 3 ? 3.0 : 5.0);
            }
        }
        QCOMPARE(created, 3);
        QCOMPARE(done, 3);
    }

    void emptyTraceGivesOnlyTheLoopRow()
    {
        const TraceRecorder trace;
        const TimelineModel model = TimelineModel::fromTrace(trace);
        QCOMPARE(model.rows().size(), 1);
        QVERIFY(model.isEmpty());
    }

    void viewDrawsSleepingBarsWhereTheyBelong()
    {
        const TraceRecorder trace = slowFastTrace();
        TimelineView view;
        view.resize(900, 400);
        view.setModel(TimelineModel::fromTrace(trace));
        QCustomPlot* plot = view.plot();
        const QImage image = plot->toPixmap(900, 400).toImage();
        // Set LOOPSCOPE_TEST_IMAGES=DIR to look at what the test checks.
        if (const QString dir = qEnvironmentVariable("LOOPSCOPE_TEST_IMAGES"); !dir.isEmpty())
            image.save(dir + QStringLiteral("/timeline_slow_fast.png"));

        const QColor sleeping = TimelineBars::colorFor(SegmentKind::Sleeping);
        auto pixelAt = [&](double t, double row) {
            const int x = int(plot->xAxis->coordToPixel(t));
            const int y = int(plot->yAxis->coordToPixel(row));
            return image.pixelColor(x, y);
        };
        // add_fast (row 3) sleeps until t=3, add_slow (row 2) until t=5.
        QCOMPARE(pixelAt(2.0, 3), sleeping);
        QVERIFY(pixelAt(4.0, 3) != sleeping);
        QCOMPARE(pixelAt(4.0, 2), sleeping);
        QCOMPARE(pixelAt(1.5, 1), TimelineBars::colorFor(SegmentKind::WaitingTask));
        QCOMPARE(pixelAt(1.5, 0), TimelineBars::colorFor(SegmentKind::LoopIdle));
    }
};

QTEST_MAIN(TimelineTest)
#include "tst_timeline.moc"
