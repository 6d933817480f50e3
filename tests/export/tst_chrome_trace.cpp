// The Chrome trace of every scenario in scenarios/, checked against the engine's own trace: one
// named thread per task, and each task's slices tile its life exactly, from its creation to its
// end (no gap, no overlap), with a "running" slice at each of its steps' times; every print and
// warning an instant with its text; every arrow one flow, started once and ended once.
#include <QtTest>

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "TimelineChromeTrace.h"
#include "TimelineModel.h"
#include "engine.h"
#include "timeline_test_support.h"

using namespace loopscope;

namespace {

int64_t nanos(double seconds)
{
    return std::llround(seconds * 1e9);
}

// ts and dur are microseconds; Perfetto reads them to the nanosecond.
int64_t nanosOfMicros(const QJsonValue& v)
{
    return std::llround(v.toDouble() * 1000);
}

struct Slice {
    QString name;
    int64_t ts, dur;
};

bool isTaskState(const QString& name)
{
    static const QStringList states = {QStringLiteral("running"), QStringLiteral("ready"),
                                       QStringLiteral("sleeping"), QStringLiteral("blocked"),
                                       QStringLiteral("blocking the loop")};
    return states.contains(name) || name.startsWith(QLatin1String("waiting on "));
}

} // namespace

class ChromeTraceTest : public QObject {
    Q_OBJECT
  private slots:
    void everyScenarioTilesEachTaskLife_data()
    {
        QTest::addColumn<QString>("scenario");
        // scenarios/, or the folders LOOPSCOPE_TRACE_DIRS names (relative to the repository,
        // separated by ':'), e.g. tests/scripts:tests/real for a wider sweep by hand.
        const QString dirs = qEnvironmentVariable("LOOPSCOPE_TRACE_DIRS", QStringLiteral("scenarios"));
        QStringList files;
        for (const QString& dir : dirs.split(u':', Qt::SkipEmptyParts)) {
            QDirIterator it(QStringLiteral(LOOPSCOPE_SOURCE_DIR "/") + dir, {QStringLiteral("*.py")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next().mid(int(strlen(LOOPSCOPE_SOURCE_DIR)) + 1);
        }
        files.sort();
        QVERIFY(files.size() >= 30);
        for (const QString& file : files)
            QTest::newRow(qPrintable(file)) << file;
    }

    void everyScenarioTilesEachTaskLife()
    {
        QFETCH(QString, scenario);
        const auto model = test::modelOfFile(scenario);
        const TraceRecorder& trace = model->trace();
        ChromeTraceOptions options;
        options.showShutdownTasks = true;
        options.processName = scenario;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(chromeTrace(*model, options), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonArray events = doc.object().value(QStringLiteral("traceEvents")).toArray();
        QVERIFY(!events.isEmpty());

        QHash<int, QString> threadNames;
        QHash<int, QVector<Slice>> slices;
        QHash<qint64, int> flowStarts, flowEnds;
        QVector<QJsonObject> prints, warnings;
        QString processName;
        for (const QJsonValue& value : events) {
            const QJsonObject e = value.toObject();
            const QString ph = e.value(QStringLiteral("ph")).toString();
            QVERIFY2(e.value(QStringLiteral("pid")).isDouble() && e.value(QStringLiteral("tid")).isDouble(),
                     "pid and tid are numbers");
            QCOMPARE(e.value(QStringLiteral("pid")).toInt(), kChromeTracePid);
            const int tid = e.value(QStringLiteral("tid")).toInt();
            const QString name = e.value(QStringLiteral("name")).toString();
            if (ph == QLatin1String("M")) {
                const QString argName =
                    e.value(QStringLiteral("args")).toObject().value(QStringLiteral("name")).toString();
                if (name == QLatin1String("thread_name"))
                    threadNames.insert(tid, argName);
                else if (name == QLatin1String("process_name"))
                    processName = argName;
                continue;
            }
            QVERIFY2(e.value(QStringLiteral("ts")).isDouble(), "every event but metadata has a ts");
            if (ph == QLatin1String("X")) {
                QVERIFY(e.value(QStringLiteral("dur")).isDouble());
                slices[tid].push_back({name, nanosOfMicros(e.value(QStringLiteral("ts"))),
                                       nanosOfMicros(e.value(QStringLiteral("dur")))});
                QVERIFY2(slices[tid].back().dur >= 0, qPrintable(name));
            } else if (ph == QLatin1String("i")) {
                if (name == QLatin1String("print"))
                    prints.push_back(e);
                else if (name == QLatin1String("warning"))
                    warnings.push_back(e);
            } else if (ph == QLatin1String("s")) {
                ++flowStarts[qint64(e.value(QStringLiteral("id")).toDouble())];
            } else if (ph == QLatin1String("f")) {
                ++flowEnds[qint64(e.value(QStringLiteral("id")).toDouble())];
            } else {
                QFAIL(qPrintable(QStringLiteral("unexpected phase '%1'").arg(ph)));
            }
        }
        QCOMPARE(processName, scenario);
        if (model->rowCount() > 0)
            QCOMPARE(threadNames.value(kChromeTraceLoopTid), QStringLiteral("event loop"));

        // Each task, from the trace itself: created, its steps, its end.
        struct Life {
            int64_t created = 0, ended = -1;
            QVector<int64_t> steps;
        };
        QMap<uint32_t, Life> lives;
        QVector<TraceEvent> outputs, warningEvents; // copies: the trace yields events by value
        for (const TraceEvent& e : trace.events()) {
            if (e.kind == EventKind::TaskCreated)
                lives[e.task.value].created = nanos(e.t);
            else if (e.kind == EventKind::StepBegan)
                lives[e.task.value].steps.push_back(nanos(e.t));
            else if (e.kind == EventKind::TaskFinished)
                lives[e.task.value].ended = nanos(e.t);
            else if (e.kind == EventKind::Output)
                outputs.push_back(e);
            else if (e.kind == EventKind::Warning)
                warningEvents.push_back(e);
        }
        for (auto it = lives.cbegin(); it != lives.cend(); ++it) {
            const TaskId task{it.key()};
            const Life& life = it.value();
            const int tid = chromeTraceTid(task);
            const int row = model->rowOfTask(task);
            QVERIFY(row > 0);
            const QString label = model->taskName(row) + u' ' + model->coroName(row);
            QCOMPARE(threadNames.value(tid), label);
            QVector<Slice> own = slices.value(tid);
            QVERIFY2(!own.isEmpty(), qPrintable(label));
            // In time order: at one instant the slices of no duration come before the one that lasts.
            std::stable_sort(own.begin(), own.end(), [](const Slice& a, const Slice& b) {
                return std::pair(a.ts, a.dur > 0) < std::pair(b.ts, b.dur > 0);
            });
            QVERIFY2(own.front().ts == life.created,
                     qPrintable(QStringLiteral("%1 starts at %2 ns, created at %3 ns")
                                    .arg(label)
                                    .arg(own.front().ts)
                                    .arg(life.created)));
            for (int i = 1; i < own.size(); ++i)
                QVERIFY2(own[i].ts == own[i - 1].ts + own[i - 1].dur,
                         qPrintable(QStringLiteral("%1: '%2' at %3 ns does not follow '%4' at %5 ns + %6")
                                        .arg(label, own[i].name)
                                        .arg(own[i].ts)
                                        .arg(own[i - 1].name)
                                        .arg(own[i - 1].ts)
                                        .arg(own[i - 1].dur)));
            const int64_t end = life.ended >= 0 ? life.ended : nanos(model->endTime());
            QCOMPARE(own.back().ts + own.back().dur, end);
            QVector<int64_t> running;
            for (const Slice& s : own) {
                QVERIFY2(isTaskState(s.name), qPrintable(s.name));
                if (s.name == QLatin1String("running") || s.name == QLatin1String("blocking the loop"))
                    running.push_back(s.ts);
            }
            // A step that blocks begins as "running" and goes on "blocking the loop": one step, two slices.
            QVector<int64_t> steps;
            for (int i = 0; i < own.size(); ++i)
                if (own[i].name == QLatin1String("running") ||
                    (own[i].name == QLatin1String("blocking the loop") &&
                     (i == 0 || own[i - 1].name != QLatin1String("running"))))
                    steps.push_back(own[i].ts);
            QCOMPARE(steps, life.steps);
        }

        QCOMPARE(prints.size(), outputs.size());
        for (int i = 0; i < prints.size(); ++i) {
            QCOMPARE(nanosOfMicros(prints[i].value(QStringLiteral("ts"))), nanos(outputs[i].t));
            QCOMPARE(
                prints[i].value(QStringLiteral("args")).toObject().value(QStringLiteral("text")).toString(),
                QString::fromUtf8(trace.string(outputs[i].text())));
        }
        QCOMPARE(warnings.size(), warningEvents.size());
        QCOMPARE(flowStarts.size(), qsizetype(model->arrows().size()));
        for (auto it = flowStarts.cbegin(); it != flowStarts.cend(); ++it) {
            QCOMPARE(it.value(), 1);
            QCOMPARE(flowEnds.value(it.key()), 1);
        }
        QCOMPARE(flowEnds.size(), flowStarts.size());
    }

    // No run at all: a valid file with a process and nothing in it.
    void aModelWithoutARunIsAnEmptyTrace()
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(chromeTrace(TimelineModel(), {}), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(doc.object().value(QStringLiteral("traceEvents")).toArray().size(), 1); // process_name
    }

    // Hidden like the window's: asyncio.run's shutdown tasks are left out unless asked for.
    void shutdownTasksAreHiddenByDefault()
    {
        const auto model = test::modelOfFile(QStringLiteral("scenarios/articles/two_additions.py"));
        const QByteArray hidden = chromeTrace(*model, {});
        ChromeTraceOptions all;
        all.showShutdownTasks = true;
        const QByteArray shown = chromeTrace(*model, all);
        QVERIFY(!hidden.contains("shutdown_asyncgens"));
        QVERIFY(shown.contains("Task-4 shutdown_asyncgens"));
        QVERIFY(hidden.contains("\"Task-2 add_slow\""));
        QVERIFY(hidden.contains("\"waiting on Task-2\""));
    }
};

QTEST_GUILESS_MAIN(ChromeTraceTest)
#include "tst_chrome_trace.moc"
