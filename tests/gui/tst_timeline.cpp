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
    auto event = [&](EventKind kind, double t, uint32_t task, uint32_t a = 0, uint8_t sub = 0,
                     double t2 = 0) {
        TraceEvent e;
        e.kind = kind;
        e.t = t;
        e.task = TaskId{task};
        e.a = a;
        e.sub = sub;
        if (kind != EventKind::TaskCreated)
            e.t2 = t2;
        trace.record(e);
    };
    auto created = [&](double t, uint32_t task, const char* name, const char* coro) {
        TraceEvent e;
        e.kind = EventKind::TaskCreated;
        e.t = t;
        e.task = TaskId{task};
        e.a = trace.intern(name).value;
        e.ids.b = trace.intern(coro).value;
        e.ids.c = 0;
        trace.record(e);
    };
    const uint8_t timer = uint8_t(WaitKind::Timer), onTask = uint8_t(WaitKind::Task);
    created(0, 1, "Task-1", "main");
    event(EventKind::ReadyPushed, 0, 1);
    event(EventKind::StepBegan, 0, 1);
    created(0, 2, "Task-2", "add_slow");
    event(EventKind::ReadyPushed, 0, 2);
    created(0, 3, "Task-3", "add_fast");
    event(EventKind::ReadyPushed, 0, 3);
    event(EventKind::StepEnded, 0, 1, 2, onTask);
    event(EventKind::StepBegan, 0, 2);
    event(EventKind::StepEnded, 0, 2, 0, timer, 5.0);
    event(EventKind::StepBegan, 0, 3);
    event(EventKind::StepEnded, 0, 3, 0, timer, 3.0);
    event(EventKind::ClockJumped, 0, 0, 0, 0, 3.0);
    event(EventKind::ReadyPushed, 3, 3);
    event(EventKind::StepBegan, 3, 3);
    event(EventKind::TaskFinished, 3, 3, trace.intern("10").value, uint8_t(EndStatus::Ok));
    event(EventKind::ClockJumped, 3, 0, 0, 0, 5.0);
    event(EventKind::ReadyPushed, 5, 2);
    event(EventKind::StepBegan, 5, 2);
    event(EventKind::TaskFinished, 5, 2, trace.intern("7").value, uint8_t(EndStatus::Ok));
    event(EventKind::ReadyPushed, 5, 1);
    event(EventKind::StepBegan, 5, 1);
    event(EventKind::Output, 5, 1, trace.intern("7 10").value);
    event(EventKind::TaskFinished, 5, 1, 0, uint8_t(EndStatus::Ok));
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
