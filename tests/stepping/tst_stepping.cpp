// The stepping core on real runs: the cursor's stops and moves (statement, step, pass, clock
// jump, breakpoints, step numbers), the loop's state at every stop checked against a plain
// replay of the trace (for every built-in scenario, visited forwards and then backwards), the
// narration and the "why isn't this task running?" answers on the slow/fast additions.
#include <QDirIterator>
#include <QFile>
#include <QtTest>

#include <deque>
#include <map>
#include <sstream>

#include "LoopHistory.h"
#include "LoopWords.h"
#include "Narration.h"
#include "RunCursor.h"
#include "WhyNotRunning.h"
#include "engine.h"

using namespace loopscope;

namespace {

struct Run {
    std::string source;
    std::shared_ptr<TraceRecorder> trace;
};

Run runFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    Run run;
    run.source = file.readAll().toStdString();
    run.trace = std::make_shared<TraceRecorder>(TraceLevel::Line);
    RunOptions options;
    options.filename = path.toStdString();
    runScenario(run.source, options, run.trace.get());
    return run;
}

// A run with everything stepping builds on it.
struct Session {
    explicit Session(const QString& path)
        : run(runFile(path)), trace(run.trace), history(trace), cursor(*trace),
          narrator(history, cursor, SourceLines(run.source))
    {
    }
    Run run;
    std::shared_ptr<const TraceRecorder> trace;
    LoopHistory history;
    RunCursor cursor;
    Narrator narrator;
};

QString scenario(const char* relative)
{
    return QStringLiteral(LOOPSCOPE_SOURCE_DIR "/scenarios/") + QLatin1String(relative);
}

// The state in one line, for comparisons.
std::string describe(const LoopHistory& h, const LoopMoment& m)
{
    std::ostringstream out;
    out << "t=" << m.time << " running=" << m.running.value << " outputs=" << m.outputLines << " ready=[";
    for (const QueuedHandle& q : m.ready)
        out << q.handle.value << ":" << int(q.kind) << ":" << q.task.value << " ";
    out << "] timers=[";
    for (const PendingTimer& t : m.timers)
        out << t.handle.value << "@" << t.deadline << " ";
    out << "] tasks=[";
    for (const TaskAtMoment& t : m.tasks)
        out << t.task.value << ":" << int(t.phase) << ":" << t.line << ":" << int(t.wait) << ":"
            << t.awaited.value << ":" << t.deadline << ":" << t.readyPosition << " ";
    out << "]";
    (void)h;
    return out.str();
}

// The same state, replayed event by event from the start: the reference the indexes must match.
class Replay {
  public:
    explicit Replay(const TraceRecorder& trace) : trace_(trace) {}

    void apply(uint32_t i)
    {
        const TraceEvent& e = trace_.events()[i];
        time_ = e.kind == EventKind::ClockJumped    ? e.newTime()
                : e.kind == EventKind::BlockingCall ? e.endTime()
                                                    : e.t;
        auto dropReady = [&](HandleId h) {
            for (auto it = ready_.begin(); it != ready_.end(); ++it)
                if (it->handle == h) {
                    ready_.erase(it);
                    return true;
                }
            return false;
        };
        switch (e.kind) {
        case EventKind::TaskCreated:
            order_.push_back(e.task.value);
            tasks_[e.task.value] = task(e.task, TaskPhase::NotStarted);
            break;
        case EventKind::StepBegan:
            dropReady(e.handle());
            running_ = e.task.value;
            tasks_[e.task.value] = task(e.task, TaskPhase::Running, e.line());
            break;
        case EventKind::StepEnded: {
            running_ = 0;
            TaskAtMoment t = task(e.task, TaskPhase::Suspended, e.line());
            t.wait = e.wait();
            t.awaited = e.awaitedTask();
            t.deadline = e.deadline();
            tasks_[e.task.value] = t;
            break;
        }
        case EventKind::TaskFinished:
            running_ = 0;
            tasks_[e.task.value] = task(e.task, e.status() == EndStatus::Ok          ? TaskPhase::Done
                                                : e.status() == EndStatus::Cancelled ? TaskPhase::Cancelled
                                                                                     : TaskPhase::Failed);
            break;
        case EventKind::ReadyPushed:
            ready_.push_back(handle(e.handle(), e.handleKind(), e.task));
            break;
        case EventKind::TimerScheduled:
            timers_[e.handle().value] = e.deadline();
            break;
        case EventKind::TimerFired:
            timers_.erase(e.handle().value);
            ready_.push_back(handle(e.handle(), HandleKind::Callback, e.task));
            break;
        case EventKind::HandleCancelled:
            if (!dropReady(e.handle()))
                timers_.erase(e.handle().value);
            break;
        case EventKind::CallbackRan:
            dropReady(e.handle());
            break;
        case EventKind::Output:
            ++outputs_;
            break;
        case EventKind::LoopClosed:
            ready_.clear();
            timers_.clear();
            break;
        case EventKind::RunEnded:
            running_ = 0;
            break;
        default:
            break;
        }
    }

    std::string describe() const
    {
        std::ostringstream out;
        out << "t=" << time_ << " running=" << running_ << " outputs=" << outputs_ << " ready=[";
        for (const QueuedHandle& q : ready_)
            out << q.handle.value << ":" << int(q.kind) << ":" << q.task.value << " ";
        out << "] timers=[";
        std::vector<std::pair<double, uint32_t>> timers;
        for (const auto& [h, d] : timers_)
            timers.push_back({d, h});
        // ties in the order they were set: handle ids grow with time
        std::sort(timers.begin(), timers.end());
        for (const auto& [d, h] : timers)
            out << h << "@" << d << " ";
        out << "] tasks=[";
        for (uint32_t id : order_) {
            TaskAtMoment t = tasks_.at(id);
            int position = -1;
            for (size_t i = 0; i < ready_.size(); ++i)
                if (ready_[i].kind != HandleKind::Callback && ready_[i].task.value == id) {
                    position = int(i);
                    break;
                }
            out << id << ":" << int(t.phase) << ":" << t.line << ":" << int(t.wait) << ":" << t.awaited.value
                << ":" << t.deadline << ":" << position << " ";
        }
        out << "]";
        return out.str();
    }

  private:
    static TaskAtMoment task(TaskId id, TaskPhase phase, uint32_t line = 0)
    {
        TaskAtMoment t;
        t.task = id;
        t.phase = phase;
        t.line = line;
        return t;
    }
    static QueuedHandle handle(HandleId id, HandleKind kind, TaskId task)
    {
        QueuedHandle h;
        h.handle = id;
        h.kind = kind;
        h.task = task;
        return h;
    }

    const TraceRecorder& trace_;
    double time_ = 0;
    uint32_t running_ = 0, outputs_ = 0;
    std::deque<QueuedHandle> ready_;
    std::map<uint32_t, double> timers_;
    std::map<uint32_t, TaskAtMoment> tasks_;
    std::vector<uint32_t> order_;
};

} // namespace

class SteppingTest : public QObject {
    Q_OBJECT
  private slots:
    // The slow/fast additions: the stops, and the moves by each unit.
    void cursorMovesByEachUnit()
    {
        const Run run = runFile(scenario("articles/two_additions.py"));
        RunCursor cursor(*run.trace);
        QVERIFY(cursor.count() > 10);
        // Six steps: Task-1, Task-2, Task-3, Task-3 again, Task-2 again, Task-1 again, then the two
        // shutdown tasks.
        QCOMPARE(cursor.stepCount(), 8);
        QCOMPARE(cursor.position(), 0);
        QCOMPARE(cursor.lineAt(0), 3u); // import asyncio

        QVERIFY(cursor.forward(StepUnit::Step));
        const TraceEvent& first = run.trace->events()[cursor.event().value];
        QCOMPARE(first.kind, EventKind::StepBegan);
        QCOMPARE(first.task.value, 1u);
        QCOMPARE(cursor.stepNumberAt(cursor.position()), 1);

        // By statement: Task-1's first line after its step began.
        QVERIFY(cursor.forward(StepUnit::Statement));
        QCOMPARE(cursor.lineAt(cursor.position()), 21u);

        // The first clock jump: from 0 to 3.
        QVERIFY(cursor.forward(StepUnit::ClockJump));
        const TraceEvent& jump = run.trace->events()[cursor.event().value];
        QCOMPARE(jump.kind, EventKind::ClockJumped);
        QCOMPARE(jump.newTime(), 3.0);
        QVERIFY(cursor.forward(StepUnit::ClockJump));
        QCOMPARE(run.trace->events()[cursor.event().value].newTime(), 5.0);
        QVERIFY(cursor.back(StepUnit::ClockJump));
        QCOMPARE(run.trace->events()[cursor.event().value].newTime(), 3.0);

        // By pass: every pass's first stop, in order, and back again.
        cursor.reset();
        std::vector<int> passes;
        while (cursor.forward(StepUnit::Pass))
            passes.push_back(cursor.position());
        QVERIFY(passes.size() >= 10);
        QCOMPARE(passes.back(), cursor.lastPosition());
        for (size_t i = passes.size() - 1; i-- > 0;) {
            QVERIFY(cursor.back(StepUnit::Pass));
            QCOMPARE(cursor.position(), passes[i]);
        }

        // Step numbers, as `export --step K` counts them.
        QCOMPARE(run.trace->events()[cursor.eventAt(cursor.positionOfStep(3)).value].task.value, 3u);
        QCOMPARE(cursor.positionOfStep(9), -1);
        QVERIFY(cursor.toEnd());
        QCOMPARE(run.trace->events()[cursor.event().value].kind, EventKind::RunEnded);
        QVERIFY(!cursor.forward(StepUnit::Statement));
        QVERIFY(cursor.reset());
        QVERIFY(!cursor.back(StepUnit::Step));
    }

    void breakpointsRunForwardAndBack()
    {
        const Run run = runFile(scenario("articles/two_additions.py"));
        RunCursor cursor(*run.trace);
        cursor.setBreakpoints({9, 16});
        const auto first = cursor.nextBreakpointHit();
        QVERIFY(first);
        QCOMPARE(cursor.lineAt(*first), 9u); // add_fast's second print, at t=3
        QCOMPARE(run.trace->events()[cursor.eventAt(*first).value].t, 3.0);
        cursor.setPosition(*first);
        const auto second = cursor.nextBreakpointHit();
        QVERIFY(second);
        QCOMPARE(cursor.lineAt(*second), 16u);
        cursor.setPosition(*second);
        QVERIFY(!cursor.nextBreakpointHit());
        QCOMPARE(*cursor.previousBreakpointHit(), *first);
        cursor.toEnd();
        QCOMPARE(*cursor.previousBreakpointHit(), *second);
        // A resumed step stops on the line it resumes at: a breakpoint on the await line hits
        // where the task starts sleeping and where it wakes.
        cursor.setBreakpoints({15});
        cursor.reset();
        int hits = 0;
        while (auto hit = cursor.nextBreakpointHit()) {
            cursor.setPosition(*hit);
            ++hits;
        }
        QCOMPARE(hits, 2);
    }

    // At every stop of every built-in scenario and script test, the indexed state equals a plain
    // replay of the trace up to that stop; visiting the stops backwards gives the same states
    // again. Every stop has a narration.
    void stateMatchesAReplayForwardsAndBackwards_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<int>("atLeast");
        QTest::newRow("scenarios") << QStringLiteral(LOOPSCOPE_SOURCE_DIR "/scenarios") << 40;
        QTest::newRow("script tests") << QStringLiteral(LOOPSCOPE_SOURCE_DIR "/tests/scripts") << 300;
    }

    void stateMatchesAReplayForwardsAndBackwards()
    {
        QFETCH(QString, folder);
        QFETCH(int, atLeast);
        QDirIterator it(folder, {QStringLiteral("*.py")}, QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const Session session(it.next());
            const LoopHistory& history = session.history;
            RunCursor cursor = session.cursor;
            Replay replay(*session.trace);
            std::vector<std::string> forwards;
            uint32_t applied = 0;
            for (int p = 0; p < cursor.count(); ++p) {
                const uint32_t e = cursor.eventAt(p).value;
                for (; applied <= e; ++applied)
                    replay.apply(applied);
                const std::string state = describe(history, history.at(cursor.eventAt(p)));
                QCOMPARE(QString::fromStdString(state), QString::fromStdString(replay.describe()));
                QVERIFY(!session.narrator.sentence(p).empty());
                forwards.push_back(state);
            }
            cursor.toEnd();
            do {
                QCOMPARE(QString::fromStdString(describe(history, history.at(cursor.event()))),
                         QString::fromStdString(forwards[size_t(cursor.position())]));
            } while (cursor.back(StepUnit::Statement));
            ++files;
        }
        QVERIFY(files >= atLeast);
    }

    void stateOfTheSlowFastAdditions()
    {
        const Run run = runFile(scenario("articles/two_additions.py"));
        auto trace = std::shared_ptr<const TraceRecorder>(run.trace);
        const LoopHistory history(trace);
        RunCursor cursor(*trace);

        // Step 2: Task-2 add_slow begins; Task-3's first step waits behind it; Task-1 awaits Task-2.
        LoopMoment m = history.at(cursor.eventAt(cursor.positionOfStep(2)));
        QCOMPARE(m.running.value, 2u);
        QCOMPARE(m.ready.size(), size_t(1));
        QCOMPARE(handleSubject(history, m.ready[0], m.at), std::string("Task-3 add_fast"));
        QCOMPARE(handleRole(history, m.ready[0], m.at), std::string("first step"));
        QVERIFY(m.timers.empty());
        QCOMPARE(m.tasks.size(), size_t(3));
        QCOMPARE(taskStateWords(history, m, m.tasks[0]), std::string("awaits Task-2 add_slow, line 24"));
        QCOMPARE(taskStateWords(history, m, m.tasks[1]), std::string("running, line 13"));
        QCOMPARE(taskStateWords(history, m, m.tasks[2]), std::string("ready to start, next in the queue"));
        QCOMPARE(
            whyNotRunning(history, m, TaskId{3}),
            std::string("Task-3 add_fast has not started yet: its first step is ready, next in the ready "
                        "queue; Task-2 add_slow is running, and the loop runs one step at a time."));
        QCOMPARE(whyNotRunning(history, m, TaskId{1}),
                 std::string("Task-1 get_results is awaiting Task-2 add_slow (line 24), which is running."));

        // Step 3: Task-3 runs; Task-2 sleeps until 5 behind a timer.
        m = history.at(cursor.eventAt(cursor.positionOfStep(3)));
        QVERIFY(m.ready.empty());
        QCOMPARE(m.timers.size(), size_t(1));
        QCOMPARE(m.timers[0].deadline, 5.0);
        QCOMPARE(timerPurpose(history, m.timers[0], m.at), std::string("wakes Task-2 add_slow"));
        QCOMPARE(whyNotRunning(history, m, TaskId{2}),
                 std::string("Task-2 add_slow is sleeping until t=5.0 (line 15): its timer will wake it."));

        // After Task-3 sleeps too, at the first clock jump: two timers by deadline.
        cursor.reset();
        cursor.forward(StepUnit::ClockJump);
        m = history.at(cursor.event());
        QCOMPARE(m.time, 3.0);
        QCOMPARE(m.timers.size(), size_t(2));
        QCOMPARE(m.timers[0].deadline, 3.0);
        QCOMPARE(m.timers[1].deadline, 5.0);
        QCOMPARE(
            whyNotRunning(history, m, TaskId{1}),
            std::string("Task-1 get_results is awaiting Task-2 add_slow (line 24), which is sleeping until "
                        "t=5.0."));
        // The timer's callback is queued once it is due.
        cursor.forward(StepUnit::Statement);
        m = history.at(EventIndex{cursor.event().value - 1});
        QCOMPARE(m.ready.size(), size_t(1));
        QVERIFY(m.ready[0].fromTimer);
        QCOMPARE(whyNotRunning(history, m, TaskId{3}),
                 std::string(
                     "Task-3 add_fast's sleep is over: the timer's callback is in the ready queue, next in "
                     "the ready queue; it will wake Task-3 add_fast."));
        // Task-3 finished, at the end of the run: done with its result.
        m = history.at(cursor.eventAt(cursor.lastPosition()));
        QCOMPARE(taskStateWords(history, m, *m.task(TaskId{3})), std::string("done: 10"));
        QCOMPARE(m.outputLines, 5u);
        QVERIFY(m.loopClosed);
        QVERIFY(m.ready.empty() && m.timers.empty());
    }

    void narrationSaysWhatHappens()
    {
        Session session(scenario("articles/two_additions.py"));
        RunCursor& cursor = session.cursor;
        const Narrator& narrator = session.narrator;

        QCOMPARE(narrator.sentence(cursor.positionOfStep(2)),
                 std::string(
                     "t=0.0 · Task-2 add_slow runs to line 15 and awaits asyncio.sleep(5): it sleeps until "
                     "t=5.0. On the way it prints “starting slow add”. Next the loop runs Task-3 add_fast, "
                     "ready since t=0.0."));
        QCOMPARE(narrator.sentence(cursor.positionOfStep(1)),
                 std::string(
                     "t=0.0 · Task-1 get_results runs to line 24 and awaits task1, which is Task-2 "
                     "add_slow. On the way it creates Task-2 add_slow and creates Task-3 add_fast. Next the "
                     "loop runs Task-2 add_slow, ready since t=0.0."));
        QCOMPARE(
            narrator.sentence(cursor.positionOfStep(4)),
            std::string("t=3.0 · Task-3 add_fast resumes at line 8, runs to line 10 and returns 10: it is "
                        "done. On the way it prints “result ready for fast add”. Then nothing is ready: the "
                        "clock jumps to t=5.0."));
        QCOMPARE(narrator.sentence(cursor.positionOfStep(6)),
                 std::string(
                     "t=5.0 · Task-1 get_results resumes at line 24 and returns None: it is done. On the way "
                     "it prints “7 10” and schedules the callback _run_until_complete_cb. Next the loop "
                     "calls _run_until_complete_cb."));
        QCOMPARE(narrator.sentence(0), std::string("t=0.0 · The program runs line 3: import asyncio."));
        cursor.forward(StepUnit::ClockJump);
        QCOMPARE(narrator.sentence(cursor.position()),
                 std::string(
                     "t=0.0 → 3.0 · Nothing is ready, so the loop waits for its next timer: the clock jumps "
                     "from t=0.0 to t=3.0, when the timer that wakes Task-3 add_fast is due."));
        cursor.forward(StepUnit::Statement);
        QCOMPARE(
            narrator.sentence(cursor.position()),
            std::string("t=3.0 · The loop calls _set_result_unless_cancelled (timer: ends Task-3 add_fast's "
                        "sleep): it wakes Task-3 add_fast. Next the loop runs Task-3 add_fast, ready since "
                        "t=3.0."));
        // A statement that suspends says so, and what runs next.
        cursor.setPosition(cursor.positionOfStep(2) + 2);
        QCOMPARE(
            narrator.sentence(cursor.position()),
            std::string("t=0.0 · Task-2 add_slow runs line 15: await asyncio.sleep(5). Then Task-2 add_slow "
                        "awaits asyncio.sleep(5): it sleeps until t=5.0. Next the loop runs Task-3 add_fast, "
                        "ready since t=0.0."));
        QCOMPARE(narrator.sentence(cursor.lastPosition()),
                 std::string("t=5.0 · The program ends: asyncio.run has returned (8 steps)."));
        // Every stop of every kind has a sentence.
        for (int p = 0; p < cursor.count(); ++p)
            QVERIFY2(!narrator.sentence(p).empty(), qPrintable(QString::number(p)));
    }

    void blockingCallHoldsTheOthers()
    {
        Session session(scenario("pitfalls/blocking_sleep.py"));
        const LoopHistory& history = session.history;
        RunCursor& cursor = session.cursor;
        const Narrator& narrator = session.narrator;
        // The stop right after time.sleep(2): the clock reads 2.1 and the ticker is held up.
        int found = -1;
        for (int p = 0; p < cursor.count() && found < 0; ++p)
            if (history.at(cursor.eventAt(p)).blockingCall)
                found = p;
        QVERIFY(found > 0);
        const LoopMoment m = history.at(cursor.eventAt(found));
        QVERIFY(m.time > 2.0);
        const std::string why = whyNotRunning(history, m, TaskId{2});
        QVERIFY2(why.find("sleeping until t=0.5") != std::string::npos, why.c_str());
        const std::string blocker = whyNotRunning(history, m, TaskId{3});
        QVERIFY2(blocker.find("holds the whole loop in time.sleep(2)") != std::string::npos, blocker.c_str());
        const std::string said = narrator.sentence(cursor.positionOfStep(4));
        QVERIFY2(said.find("blocks the whole loop in time.sleep(2) until t=2.1") != std::string::npos,
                 said.c_str());
    }

    void formatsTimesAsPython()
    {
        QCOMPARE(formatTime(5), std::string("5.0"));
        QCOMPARE(formatTime(2.5), std::string("2.5"));
        QCOMPARE(formatTime(0.1 + 0.2), std::string("0.30000000000000004"));
        QCOMPARE(formatTime(1e20), std::string("1e+20"));
        QCOMPARE(SourceLines("x = 1\n    await asyncio.sleep(5) # why\n").awaited(2),
                 std::string("asyncio.sleep(5)"));
        QCOMPARE(SourceLines("print(await task1, await task2)\n").awaited(1), std::string("task1"));
        QCOMPARE(SourceLines("a = '#x'  # c\n").statement(1), std::string("a = '#x'"));
    }

    // The trace's compact storage (TraceEvents folds the events implied by their neighbours)
    // steps exactly like one record per event: the same stops at the same event positions, the
    // same loop state (the ready queue in order) and the same narration at every stop, at both
    // trace levels, on bare yields, queue hand-offs and sleeps.
    void compactTraceStepsLikeThePlainOne_data()
    {
        QTest::addColumn<int>("level");
        QTest::newRow("step level") << int(TraceLevel::Step);
        QTest::newRow("line level") << int(TraceLevel::Line);
    }

    void compactTraceStepsLikeThePlainOne()
    {
        QFETCH(int, level);
        const std::string source =
            "import asyncio\n"
            "async def switcher():\n"
            "    for _ in range(3):\n"
            "        await asyncio.sleep(0)\n"
            "async def producer(q):\n"
            "    for i in range(4):\n"
            "        await q.put(i)\n"
            "async def consumer(q):\n"
            "    for _ in range(4):\n"
            "        print(await q.get())\n"
            "async def main():\n"
            "    q = asyncio.Queue(maxsize=1)\n"
            "    await asyncio.gather(switcher(), producer(q), consumer(q), asyncio.sleep(1))\n"
            "asyncio.run(main())\n";
        const auto record = [&](bool compact) {
            auto trace = std::make_shared<TraceRecorder>(TraceLevel(level), compact);
            RunOptions options;
            options.filename = "handoffs.py";
            runScenario(source, options, trace.get());
            return std::shared_ptr<const TraceRecorder>(std::move(trace));
        };
        const auto compact = record(true), plain = record(false);
        QVERIFY(compact->events().storedCount() < plain->events().storedCount());
        QCOMPARE(compact->events().size(), plain->events().size());
        const LoopHistory compactHistory(compact), plainHistory(plain);
        const RunCursor compactCursor(*compact), plainCursor(*plain);
        const Narrator compactNarrator(compactHistory, compactCursor, SourceLines(source));
        const Narrator plainNarrator(plainHistory, plainCursor, SourceLines(source));
        QCOMPARE(compactCursor.count(), plainCursor.count());
        QCOMPARE(compactCursor.stepCount(), plainCursor.stepCount());
        QVERIFY(plainCursor.stepCount() > 10);
        for (int p = 0; p < plainCursor.count(); ++p) {
            QCOMPARE(compactCursor.eventAt(p).value, plainCursor.eventAt(p).value);
            QCOMPARE(describe(compactHistory, compactHistory.at(compactCursor.eventAt(p))),
                     describe(plainHistory, plainHistory.at(plainCursor.eventAt(p))));
            QCOMPARE(compactNarrator.sentence(p), plainNarrator.sentence(p));
        }
        // Every event, not only the stops: the state the window's timeline cursor can show.
        for (uint32_t e = 0; e < plain->events().size(); ++e)
            QCOMPARE(describe(compactHistory, compactHistory.at(EventIndex{e})),
                     describe(plainHistory, plainHistory.at(EventIndex{e})));
    }
};

QTEST_GUILESS_MAIN(SteppingTest)
#include "tst_stepping.moc"
