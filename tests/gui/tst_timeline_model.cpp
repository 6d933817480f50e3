// The timeline model, table-driven from real traces: each test runs the engine on a scenario
// file and checks the states, markers and arrows the timeline will draw, with their times.
#include <QtTest>

#include "TimelineDescriptions.h"
#include "TimelineModel.h"
#include "engine.h"
#include "timeline_test_support.h"

using namespace loopscope;
using loopscope::test::readRepositoryFile;
using loopscope::test::rowNamed;

namespace {

// Runs [relative] (a path under the repository) and builds its timeline model.
TimelineModel modelOf(const QString& relative, TraceLevel level = TraceLevel::Step)
{
    return *test::modelOfFile(relative, level);
}

SegmentKind kindNamed(const QString& name)
{
    static const char* const names[] = {
#define TIMELINE_STATE(name, legend, words) #name,
#include "timeline_kinds.def"
#undef TIMELINE_STATE
    };
    for (int k = 0; k < kSegmentKindCount; ++k)
        if (name == QLatin1String(names[k]))
            return SegmentKind(k);
    qFatal("unknown segment kind %s", qPrintable(name));
}

// Every state interval of [row] as "Kind start→end", for failure messages.
QString intervals(const TimelineModel& model, int row)
{
    QStringList parts;
    const auto segs = model.segments(row);
    for (int i = 0; i < int(segs.size()); ++i)
        parts << QStringLiteral("%1 %2→%3")
                     .arg(stateWords(segs[size_t(i)].kind))
                     .arg(segs[size_t(i)].start)
                     .arg(model.segmentEnd(row, i));
    return parts.join(QStringLiteral(", "));
}

int countArrows(const TimelineModel& model, ArrowKind kind, int from, int to)
{
    int n = 0;
    for (const TimelineArrow& a : model.arrows())
        n += a.kind == kind && int(a.fromRow) == from && int(a.toRow) == to;
    return n;
}

const TimelineMarker* findMarker(const TimelineModel& model, int row, MarkerKind kind)
{
    for (const TimelineMarker& m : model.markers(row))
        if (m.kind == kind)
            return &m;
    return nullptr;
}

} // namespace

class TimelineModelTest : public QObject {
    Q_OBJECT
  private slots:
    // scenario → a row's state interval with its times (and, where it matters, its caption).
    void stateIntervals_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("row");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<double>("start");
        QTest::addColumn<double>("end");
        QTest::addColumn<QString>("caption");

        const QString slowFast = QStringLiteral("scenarios/articles/two_additions.py");
        QTest::newRow("slow/fast: add_slow runs at 0") << slowFast << "add_slow"
                                                       << "Running" << 0.0 << 0.0 << "";
        QTest::newRow("slow/fast: add_fast runs at 0") << slowFast << "add_fast"
                                                       << "Running" << 0.0 << 0.0 << "";
        QTest::newRow("slow/fast: add_fast sleeps 0→3") << slowFast << "add_fast"
                                                        << "Sleeping" << 0.0 << 3.0 << "sleep until 3.0 s";
        QTest::newRow("slow/fast: add_slow sleeps 0→5") << slowFast << "add_slow"
                                                        << "Sleeping" << 0.0 << 5.0 << "sleep until 5.0 s";
        QTest::newRow("slow/fast: main awaits add_slow 0→5")
            << slowFast << "get_results"
            << "AwaitingTask" << 0.0 << 5.0 << "awaits Task-2 add_slow";
        QTest::newRow("slow/fast: the loop idles 0→3") << slowFast << "event loop"
                                                       << "LoopIdle" << 0.0 << 3.0 << "";
        QTest::newRow("slow/fast: the loop idles 3→5") << slowFast << "event loop"
                                                       << "LoopIdle" << 3.0 << 5.0 << "";

        const QString blocking = QStringLiteral("scenarios/pitfalls/blocking_sleep.py");
        QTest::newRow("blocking: ticker sleeps 0→0.5") << blocking << "ticker"
                                                       << "Sleeping" << 0.0 << 0.5 << "";
        QTest::newRow("blocking: ticker due at 0.5, held up until 2.1")
            << blocking << "ticker"
            << "HeldUp" << 0.5 << 2.1 << "held up";
        QTest::newRow("blocking: blocker holds the loop 0.1→2.1")
            << blocking << "blocker"
            << "Blocking" << 0.1 << 2.1 << "time.sleep(2)";
        QTest::newRow("blocking: the loop is busy 0.1→2.1") << blocking << "event loop"
                                                            << "LoopBusy" << 0.1 << 2.1 << "";
        QTest::newRow("blocking: main awaits the gather 0→3.6")
            << blocking << "main"
            << "AwaitingFuture" << 0.0 << 3.6 << "awaits gather of Task-2, Task-3";

        const QString bounded = QStringLiteral("scenarios/queues/bounded_queue_backpressure.py");
        QTest::newRow("queue: producer waits on Queue.put 0→1") << bounded << "producer"
                                                                << "WaitingSync" << 0.0 << 1.0 << "Queue.put";
        QTest::newRow("queue: producer waits on Queue.put 2→3") << bounded << "producer"
                                                                << "WaitingSync" << 2.0 << 3.0 << "Queue.put";
        const QString queue = QStringLiteral("scenarios/queues/producer_consumer.py");
        QTest::newRow("queue: consumer waits on Queue.get 0→0.5")
            << queue << "consumer"
            << "WaitingSync" << 0.0 << 0.5 << "Queue.get";
        QTest::newRow("queue: main waits on Queue.join 2→4.5") << queue << "main"
                                                               << "WaitingSync" << 2.0 << 4.5 << "Queue.join";

        const QString lock = QStringLiteral("scenarios/sync/lock_serialises.py");
        QTest::newRow("lock: the third user waits 0→2") << lock << "Task-4 · use"
                                                        << "WaitingSync" << 0.0 << 2.0 << "Lock.acquire";

        // asyncio.shield's outer future is named after the task it shields.
        const QString shield = QStringLiteral("scenarios/cancellation/shield_protects.py");
        QTest::newRow("shield: the waiter awaits the shield of Task-2 0→1")
            << shield << "wait_shielded"
            << "AwaitingFuture" << 0.0 << 1.0 << "awaits shield of Task-2";

        const QString group = QStringLiteral("scenarios/taskgroups/one_fails_all_cancelled.py");
        QTest::newRow("taskgroup: main waits for its group 0→1")
            << group << "main"
            << "AwaitingFuture" << 0.0 << 1.0 << "awaits its TaskGroup of Task-2, Task-3, Task-4";
        QTest::newRow("taskgroup: the 3 s job sleeps until cancelled at 1")
            << group << "Task-2 · job"
            << "Sleeping" << 0.0 << 1.0 << "sleep until 3.0 s";
    }

    void stateIntervals()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, row);
        QFETCH(QString, kind);
        QFETCH(double, start);
        QFETCH(double, end);
        QFETCH(QString, caption);
        const TimelineModel model = modelOf(scenario);
        const int r = rowNamed(model, row);
        QVERIFY2(r >= 0, qPrintable(row));
        const auto segs = model.segments(r);
        const SegmentKind wanted = kindNamed(kind);
        for (int i = 0; i < int(segs.size()); ++i) {
            if (segs[size_t(i)].kind != wanted || std::abs(segs[size_t(i)].start - start) > 1e-9 ||
                std::abs(model.segmentEnd(r, i) - end) > 1e-9)
                continue;
            if (!caption.isEmpty())
                QCOMPARE(segmentCaption(model, r, i), caption);
            return;
        }
        QFAIL(qPrintable(QStringLiteral("no %1 %2→%3 on %4: %5")
                             .arg(kind)
                             .arg(start)
                             .arg(end)
                             .arg(row, intervals(model, r))));
    }

    void rowsAreLabelledWithNameAndCoroutine()
    {
        const TimelineModel model = modelOf(QStringLiteral("scenarios/articles/two_additions.py"));
        QCOMPARE(model.rowLabel(0), QStringLiteral("event loop"));
        QCOMPARE(model.rowLabel(1), QStringLiteral("Task-1 · get_results"));
        QCOMPARE(model.rowLabel(2), QStringLiteral("Task-2 · add_slow"));
        QCOMPARE(model.rowLabel(3), QStringLiteral("Task-3 · add_fast"));
        // asyncio.run's two shutdown tasks are there, marked to be hidden by default.
        QCOMPARE(model.rowCount(), 6);
        QVERIFY(!model.row(3).shutdownTask);
        QVERIFY(model.row(4).shutdownTask && model.row(5).shutdownTask);
        QCOMPARE(model.endTime(), 5.0);
    }

    void customNamesAreShown()
    {
        auto trace = std::make_shared<TraceRecorder>();
        const std::string source = "import asyncio\n"
                                   "async def work():\n    await asyncio.sleep(1)\n"
                                   "async def main():\n"
                                   "    t = asyncio.create_task(work(), name='downloader')\n"
                                   "    u = asyncio.create_task(work())\n"
                                   "    u.set_name('renamed')\n"
                                   "    await t\n    await u\n"
                                   "asyncio.run(main())\n";
        runScenario(source, RunOptions{}, trace.get());
        const TimelineModel model = TimelineModel::build(trace, source);
        QCOMPARE(model.rowLabel(2), QStringLiteral("downloader · work"));
        QCOMPARE(model.rowLabel(3), QStringLiteral("renamed · work"));
    }

    void markersSayHowTasksEnd_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("row");
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("t");
        QTest::addColumn<QString>("words"); // part of its tooltip
        QTest::newRow("done, with its result") << "scenarios/articles/two_additions.py"
                                               << "add_fast" << int(MarkerKind::Done) << 3.0 << "result: 10";
        QTest::newRow("created, by whom and where")
            << "scenarios/articles/two_additions.py"
            << "add_fast" << int(MarkerKind::Created) << 0.0 << "by Task-1 get_results";
        QTest::newRow("failed, with its exception")
            << "scenarios/taskgroups/one_fails_all_cancelled.py"
            << "Task-3 · job" << int(MarkerKind::Failed) << 1.0 << "ValueError: job 1 failed";
        QTest::newRow("cancelled, by whom")
            << "scenarios/taskgroups/one_fails_all_cancelled.py"
            << "Task-2 · job" << int(MarkerKind::Cancelled) << 1.0 << "cancel() by Task-3 job";
        QTest::newRow("never awaited, where it was made")
            << "scenarios/pitfalls/forgot_await.py"
            << "main" << int(MarkerKind::NeverAwaited) << 0.0 << "never awaited";
        QTest::newRow("exception never retrieved, where it happened")
            << "scenarios/pitfalls/exception_never_retrieved.py"
            << "fails" << int(MarkerKind::NeverRetrieved) << 0.5 << "nobody retrieved its exception";
        QTest::newRow("deadlock: waits forever, on what")
            << "scenarios/pitfalls/deadlock_waiting_forever.py"
            << "main" << int(MarkerKind::Stuck) << 0.0 << "waits forever on Event.wait at line";
        QTest::newRow("a limit, where it stopped the run")
            << "tests/bad/limits/task_never_yields.py"
            << "f" << int(MarkerKind::LimitHit) << 0.0 << "RunawayTask";
    }

    void markersSayHowTasksEnd()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, row);
        QFETCH(int, kind);
        QFETCH(double, t);
        QFETCH(QString, words);
        const TimelineModel model = modelOf(scenario);
        const int r = rowNamed(model, row);
        QVERIFY2(r >= 0, qPrintable(row));
        const TimelineMarker* m = findMarker(model, r, MarkerKind(kind));
        QVERIFY2(m, qPrintable(legendText(MarkerKind(kind))));
        QCOMPARE(m->t, t);
        const QString text = describeMarker(model, *m);
        QVERIFY2(text.contains(words), qPrintable(text));
    }

    // Every row a deadlock found waiting has a stop sign where it got stuck, saying on what it
    // waits; the deadlock then ends as Ctrl+C would (SPEC.md section 3), cancelling the tasks.
    void deadlockRowsSayWhatTheyWaitOn()
    {
        const TimelineModel model =
            modelOf(QStringLiteral("tests/scripts/asyncio_deadlock/two_tasks_wait_each_other.py"));
        QVERIFY(model.runError().startsWith(QLatin1String("Deadlock")));
        const std::pair<const char*, const char*> expected[] = {
            {"main", "waits forever on gather at line 15"},
            {"a", "waits forever on Event.wait at line 4"},
            {"b", "waits forever on Event.wait at line 8"},
        };
        for (const auto& [row, words] : expected) {
            const int r = rowNamed(model, QLatin1String(row));
            QVERIFY2(r > 0, row);
            const TimelineMarker* m = findMarker(model, r, MarkerKind::Stuck);
            QVERIFY2(m, row);
            QCOMPARE(m->t, 1.0);
            const QString text = describeMarker(model, *m);
            QVERIFY2(text.contains(QLatin1String(words)), qPrintable(text));
            // The stop sign stands where the task was waiting, before the Ctrl+C cancelled it.
            QVERIFY2(findMarker(model, r, MarkerKind::Cancelled), row);
            // The wait the deadlock found ends with the deadlock's slot, on both axes, and says
            // it would wait forever; the cancellation comes after the slot.
            const auto segs = model.segments(r);
            const auto stuck = std::find_if(segs.begin(), segs.end(), [](const TimelineSegment& s) {
                return s.flags & kStuckAtDeadlock;
            });
            QVERIFY2(stuck != segs.end(), row);
            const int i = int(stuck - segs.begin());
            for (TimelineAxis axis : {TimelineAxis::Time, TimelineAxis::Passes}) {
                QCOMPARE(model.segmentEndOn(axis, r, i), model.deadlockSlotEnd(axis));
                QVERIFY(model.segmentStartOn(axis, r, i) <= model.deadlockSlotStart(axis));
                QVERIFY(model.pointOn(axis, findMarker(model, r, MarkerKind::Cancelled)->event) >=
                        model.deadlockSlotEnd(axis));
            }
            const QString tooltip = describeSegment(model, r, i);
            QVERIFY2(tooltip.contains(QLatin1String("would wait forever")), qPrintable(tooltip));
        }
        // The loop's row: the deadlock, in its slot.
        QVERIFY(model.hasDeadlockSlot());
        QCOMPARE(model.deadlockSlotStart(TimelineAxis::Time), 1.0);
        const auto loop = model.segments(0);
        const auto band = std::find_if(loop.begin(), loop.end(), [](const TimelineSegment& s) {
            return s.kind == SegmentKind::Deadlocked;
        });
        QVERIFY(band != loop.end());
        const int b = int(band - loop.begin());
        QCOMPARE(model.segmentStartOn(TimelineAxis::Passes, 0, b),
                 model.deadlockSlotStart(TimelineAxis::Passes));
        QCOMPARE(model.segmentEndOn(TimelineAxis::Passes, 0, b), model.deadlockSlotEnd(TimelineAxis::Passes));
        QCOMPARE(model.segmentEnd(0, b), model.deadlockSlotEnd(TimelineAxis::Time));
        const QString tooltip = describeSegment(model, 0, b);
        QVERIFY2(tooltip.contains(QLatin1String("no task is ready and no timer is set")),
                 qPrintable(tooltip));
        QCOMPARE(segmentCaption(model, 0, b),
                 QStringLiteral("deadlock: nothing ready, no timer: it would wait forever"));
    }

    void relationsBecomeArrows()
    {
        const TimelineModel fast = modelOf(QStringLiteral("scenarios/articles/two_additions.py"));
        // creator → created; completed task → the waiter it wakes.
        QCOMPARE(countArrows(fast, ArrowKind::Creates, 1, 2), 1);
        QCOMPARE(countArrows(fast, ArrowKind::Creates, 1, 3), 1);
        QCOMPARE(countArrows(fast, ArrowKind::Wakes, 2, 1), 1);

        // gather: fan-out by creation, fan-in from each child's end to the waiting task.
        const TimelineModel blocking = modelOf(QStringLiteral("scenarios/pitfalls/blocking_sleep.py"));
        QCOMPARE(countArrows(blocking, ArrowKind::FanIn, 3, 1), 1); // blocker ends first
        QCOMPARE(countArrows(blocking, ArrowKind::Wakes, 2, 1), 1); // ticker's end wakes main
        QCOMPARE(blocking.stalls().size(), size_t(1));
        QCOMPARE(stallCaption(blocking, blocking.stalls()[0]),
                 QStringLiteral("time.sleep(2) in Task-3 blocker held the loop 2.0 s"));

        // TaskGroup: the failing job's end cancels its siblings and the parent (fan-out).
        const TimelineModel group =
            modelOf(QStringLiteral("scenarios/taskgroups/one_fails_all_cancelled.py"));
        for (int to : {1, 2, 4})
            QCOMPARE(countArrows(group, ArrowKind::Cancels, 3, to), 1);

        // wait_for: main sets a timer; it fires on the loop, which wakes main; main cancels the
        // inner task.
        const TimelineModel timeout = modelOf(QStringLiteral("scenarios/timeouts/wait_for_gives_up.py"));
        QCOMPARE(countArrows(timeout, ArrowKind::TimerFires, 1, 0), 1);
        QCOMPARE(countArrows(timeout, ArrowKind::Wakes, 0, 1), 1);
        QCOMPARE(countArrows(timeout, ArrowKind::Cancels, 1, 2), 1);
    }

    // "Ready, behind N handles": rebuilt from the trace's ready queue.
    void readyRowsKnowWhatIsAheadOfThem()
    {
        const TimelineModel model = modelOf(QStringLiteral("scenarios/basics/sleep_zero_yields.py"));
        const int pong = rowNamed(model, QStringLiteral("Task-3 · talker"));
        QVERIFY(pong > 0);
        int behindOne = 0;
        for (const TimelineSegment& s : model.segments(pong))
            behindOne += s.kind == SegmentKind::Ready && s.ahead == 1;
        QVERIFY(behindOne >= 3);
    }

    // On the passes axis every step has its own slot, in execution order, inside its pass.
    void everyStepHasItsOwnSlot()
    {
        const TimelineModel model = modelOf(QStringLiteral("scenarios/basics/sleep_zero_yields.py"));
        std::vector<std::pair<uint32_t, double>> steps; // (event, slot)
        for (int r = 1; r < model.rowCount(); ++r) {
            const auto segs = model.segments(r);
            for (int i = 0; i < int(segs.size()); ++i) {
                if (segs[size_t(i)].kind != SegmentKind::Running)
                    continue;
                const double start = model.segmentStartOn(TimelineAxis::Passes, r, i);
                const double end = model.segmentEndOn(TimelineAxis::Passes, r, i);
                QCOMPARE(end - start, 1.0);
                steps.push_back({segs[size_t(i)].event.value, start});
                const int pass = model.passAt(start);
                QVERIFY(pass >= 0);
                QVERIFY(model.passStart(pass) <= start && end <= model.passEnd(pass));
            }
        }
        std::sort(steps.begin(), steps.end());
        for (size_t i = 1; i < steps.size(); ++i)
            QVERIFY2(steps[i].second > steps[i - 1].second, "steps take distinct slots in execution order");
        QVERIFY(steps.size() >= 8);
    }

    void lineLevelTracesGiveTheSameModel()
    {
        const TimelineModel step =
            modelOf(QStringLiteral("scenarios/pitfalls/blocking_sleep.py"), TraceLevel::Step);
        const TimelineModel line =
            modelOf(QStringLiteral("scenarios/pitfalls/blocking_sleep.py"), TraceLevel::Line);
        QCOMPARE(line.segmentCount(), step.segmentCount());
        QCOMPARE(line.arrows().size(), step.arrows().size());
        QCOMPARE(line.slotCount(), step.slotCount());
    }

    void segmentsAreCompact()
    {
        QCOMPARE(sizeof(TimelineSegment), size_t(16));
        const TimelineModel model = modelOf(QStringLiteral("scenarios/basics/sleep_zero_yields.py"));
        QVERIFY(model.segmentCount() > 0);
    }

    void cancelledBuildGivesAnEmptyModel()
    {
        auto trace = std::make_shared<TraceRecorder>();
        runScenario(readRepositoryFile(QStringLiteral("scenarios/articles/two_additions.py")), RunOptions{},
                    trace.get());
        std::atomic<bool> cancel{true};
        const TimelineModel model = TimelineModel::build(trace, {}, &cancel);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TimelineModelTest)
#include "tst_timeline_model.moc"
