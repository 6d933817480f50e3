// The trace's invariants (engine/trace_check.h) on the native trace of every scenario and every
// script test: the ready queue rebuilt from the trace, steps well nested, timers firing once and
// never early, the clock only moving forward to the earliest deadline.

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

#include "engine.h"
#include "trace_check.h"

using namespace loopscope;

namespace {

// The `# seed: N` of a scenario's leading comment block (SPEC.md section 2), else 0.
uint64_t scenarioSeed(const QByteArray& source)
{
    static const QRegularExpression seedLine(QStringLiteral("^#\\s*seed:\\s*(\\d+)\\s*$"));
    for (const QByteArray& line : source.split('\n')) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (!text.startsWith(QLatin1Char('#')))
            break;
        const QRegularExpressionMatch match = seedLine.match(text);
        if (match.hasMatch())
            return match.captured(1).toULongLong();
    }
    return 0;
}

} // namespace

class TestTraceInvariants : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void nativeTraces_data()
    {
        QTest::addColumn<QString>("path");
        const QDir root(QStringLiteral(LOOPSCOPE_SOURCE_DIR));
        int rows = 0;
        for (const char* folder : {"scenarios", "tests/scripts"}) {
            QDirIterator it(root.filePath(QString::fromLatin1(folder)), {QStringLiteral("*.py")}, QDir::Files,
                            QDirIterator::Subdirectories);
            QStringList files;
            while (it.hasNext())
                files << it.next();
            files.sort();
            for (const QString& file : files) {
                QTest::newRow(qPrintable(root.relativeFilePath(file))) << file;
                ++rows;
            }
        }
        QVERIFY2(rows > 100, "the scenarios and script tests were not found");
    }

    void nativeTraces()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray source = file.readAll();
        RunOptions options;
        options.filename = QFileInfo(path).fileName().toStdString();
        options.seed = scenarioSeed(source);
        TraceRecorder recorder(TraceLevel::Step);
        const RunResult result = runScenario(std::string_view(source.constData(), size_t(source.size())), options,
                                             &recorder);
        QVERIFY(!recorder.events().empty());
        const std::vector<std::string> problems = checkTraceInvariants(recorder.events(), !result.ok);
        QString report;
        for (size_t i = 0; i < problems.size() && i < 5; ++i)
            report += QString::fromStdString(problems[i]) + QLatin1Char('\n');
        QVERIFY2(problems.empty(), qPrintable(report));
    }

    // The checker itself: a trace whose ready queue cannot be rebuilt is caught.
    void checkerCatchesBrokenTraces()
    {
        TraceEvents events;
        events.push_back(TraceEvent::taskCreated(0, TaskId{1}, {}, {}, {}, 0));
        events.push_back(TraceEvent::readyPushed(0, TaskId{1}, HandleId{1}, HandleKind::TaskStep, {}));
        events.push_back(TraceEvent::readyPushed(0, {}, HandleId{2}, HandleKind::Callback, {}));
        events.push_back(TraceEvent::callbackRan(0, {}, HandleId{2}, HandleKind::Callback, {}));
        events.push_back(TraceEvent::timerScheduled(0, {}, HandleId{3}, TimerKind::Callback, {}, 5.0));
        events.push_back(TraceEvent::clockJumped(0, 4.0));
        events.push_back(TraceEvent::timerFired(4.0, {}, HandleId{3}, 5.0));
        events.push_back(TraceEvent::stepBegan(4.0, TaskId{1}, HandleId{1}, 0));
        const std::vector<std::string> problems = checkTraceInvariants(events, false);
        auto mentions = [&](const char* text) {
            for (const std::string& p : problems)
                if (p.find(text) != std::string::npos)
                    return true;
            return false;
        };
        QVERIFY(mentions("but the ready queue starts with [1"));  // handle 2 ran before handle 1
        QVERIFY(mentions("not to the earliest deadline"));        // jumped to 4, the timer is at 5
        QVERIFY(mentions("fired before its deadline"));
        QVERIFY(mentions("last step never ended"));
    }
};

QTEST_GUILESS_MAIN(TestTraceInvariants)
#include "tst_trace_invariants.moc"
