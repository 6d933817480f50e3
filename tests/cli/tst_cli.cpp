// The `loopscope` command line: version, help, errors and their exit statuses.
// Every case runs the real binary with no display, which also proves that the
// headless paths never create a QApplication.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "run_loopscope.h"

using loopscope::test::Result;
using loopscope::test::runLoopscope;

class CommandLineTest : public QObject {
    Q_OBJECT
  private slots:
    void versionPrintsTheProjectVersion()
    {
        for (const QString& flag : {QStringLiteral("--version"), QStringLiteral("-v")}) {
            const Result r = runLoopscope({flag});
            QCOMPARE(r.exitCode, 0);
            QCOMPARE(r.out, QStringLiteral("loopscope " LOOPSCOPE_VERSION "\n"));
            QVERIFY(r.err.isEmpty());
        }
    }

    void helpListsEverySubcommandAndBudget()
    {
        const Result r = runLoopscope({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char* expected : {"loopscope run FILE.py",
                                     "loopscope trace FILE.py",
                                     "loopscope state FILE.py --step K",
                                     "loopscope export FILE.py",
                                     "--seed",
                                     "--max-instructions",
                                     "--max-passes",
                                     "--max-time",
                                     "--max-depth",
                                     "--max-memory",
                                     "--max-output-lines",
                                     "--max-output-bytes",
                                     "--max-trace",
                                     "--dump-bytecode",
                                     "--output",
                                     "--theme",
                                     "--width",
                                     "--height",
                                     "--scale",
                                     "--axis",
                                     "--range",
                                     "--title",
                                     "--no-arrows",
                                     "--show-shutdown",
                                     "--step",
                                     "--frames"})
            QVERIFY2(r.out.contains(QLatin1String(expected)), expected);
        // The screenshot option is for tooling, not for learners.
        QVERIFY(!r.out.contains(QLatin1String("--screenshot")));
    }

    void unknownSubcommandIsAClearError()
    {
        const Result r = runLoopscope({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("unknown command 'frobnicate'")), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("run, trace, state and export")));
        QVERIFY(r.out.isEmpty());
    }

    void unknownOptionIsAClearError()
    {
        const Result r =
            runLoopscope({QStringLiteral("run"), QStringLiteral("x.py"), QStringLiteral("--bogus")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("bogus")), qPrintable(r.err));
    }

    void missingFileExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString missing = QStringLiteral("/nonexistent/dir/missing_scenario.py");
        QTest::newRow("run") << QStringList{QStringLiteral("run"), missing};
        QTest::newRow("trace") << QStringList{QStringLiteral("trace"), missing};
        QTest::newRow("window") << QStringList{missing};
    }

    void missingFileExitsWithTwo()
    {
        QFETCH(QStringList, args);
        const Result r = runLoopscope(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("cannot read '/nonexistent/dir/missing_scenario.py'")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("no such file")), qPrintable(r.err));
    }

    void windowWithoutADisplayIsAClearError()
    {
        const QString scenario = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/default_scenario.py");
        const Result r = runLoopscope({scenario});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("no display")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("loopscope run FILE.py")), qPrintable(r.err));
    }

    void subcommandWithoutFileExitsWithTwo()
    {
        const Result r = runLoopscope({QStringLiteral("run")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("'run' needs a scenario file")), qPrintable(r.err));
    }

    void malformedBudgetsExitWithTwo_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::newRow("seed") << "--seed"
                              << "abc";
        QTest::newRow("instructions") << "--max-instructions"
                                      << "-5";
        QTest::newRow("depth") << "--max-depth"
                               << "0";
        QTest::newRow("time") << "--max-time"
                              << "soon";
        QTest::newRow("memory") << "--max-memory"
                                << "12Q";
        QTest::newRow("output lines") << "--max-output-lines"
                                      << "0";
        QTest::newRow("trace") << "--max-trace"
                               << "1.5G";
    }

    // Each budget's option raises (or lowers) it, and the limit's message names that option.
    void budgetOptionsSetTheLimits_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("expected");
        QTest::newRow("output lines")
            << "for i in range(100):\n    print(i)\n"
            << QStringList{"--max-output-lines", "10"}
            << "LimitExceeded: the program wrote more than 10 lines of output (at line 2); "
               "raise the budget with --max-output-lines";
        QTest::newRow("memory")
            << "blocks = []\nwhile True:\n    blocks.append('x' * 4096)\n"
            << QStringList{"--max-memory", "4M"}
            << "MemoryError: the scenario needs more than its 4 MB of memory (at line 3); "
               "raise the budget with --max-memory";
        QTest::newRow("instructions")
            << "while True:\n    pass\n"
            << QStringList{"--max-instructions", "1000"}
            << "RunawayTask: the program ran 1000 instructions outside any task (at "
               "line 1); raise the budget with --max-instructions";
        QTest::newRow("raised memory lets it finish") << "text = 'x' * (600 * 2**20)\nprint(len(text))\n"
                                                      << QStringList{"--max-memory", "1G"} << "";
    }

    void budgetOptionsSetTheLimits()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, options);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = writeScenario(dir, program);
        const Result r = runLoopscope(QStringList{QStringLiteral("run"), path} + options);
        if (expected.isEmpty()) {
            QCOMPARE(r.exitCode, 0);
            return;
        }
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed(), expected);
    }

    void malformedBudgetsExitWithTwo()
    {
        QFETCH(QString, option);
        QFETCH(QString, value);
        const QString scenario = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/default_scenario.py");
        const Result r = runLoopscope({QStringLiteral("run"), scenario, option, value});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(option) && r.err.contains(value), qPrintable(r.err));
    }

    // export draws with no display, whatever QT_QPA_PLATFORM says (tests/export checks the files).
    // `loopscope FILE --step K` opens the window with the cursor where step K begins; K must be
    // a step number.
    void windowOpensAtAStep()
    {
        QTemporaryDir dir;
        const QString scenario = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/default_scenario.py");
        const QString png = dir.filePath(QStringLiteral("step.png"));
        const QString offscreen = QStringLiteral("offscreen");
        Result r = runLoopscope(
            {scenario, QStringLiteral("--step"), QStringLiteral("3"), QStringLiteral("--screenshot"), png},
            offscreen);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFileInfo(png).size() > 0);
        for (const char* bad : {"0", "-2", "x"}) {
            r = runLoopscope({scenario, QStringLiteral("--step"), QLatin1String(bad)}, offscreen);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QLatin1String("--step needs a step number from 1")), qPrintable(r.err));
        }
    }

    void exportWritesAFigureWithoutADisplay()
    {
        QTemporaryDir dir;
        const QString scenario = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/resources/default_scenario.py");
        const QString png = dir.filePath(QStringLiteral("x.png"));
        const Result r = runLoopscope({QStringLiteral("export"), scenario, QStringLiteral("-o"), png});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QFile file(png);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(8).startsWith("\x89PNG"));
    }

    // A SyntaxError is reported as CPython reports it: the file, the line, the caret.
    void runReportsASyntaxErrorLikePython()
    {
        QTemporaryDir dir;
        const QString path = writeScenario(dir, QStringLiteral("x = 1\ndef f(:\n    pass\n"));
        const Result r = runLoopscope({QStringLiteral("run"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("File \"%1\", line 2").arg(path)), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("    def f(:\n          ^\n")), qPrintable(r.err));
        QVERIFY2(r.err.trimmed().endsWith(QLatin1String("SyntaxError: invalid syntax")), qPrintable(r.err));
    }

    // The comparison trace of a program that does not compile is its "end" line alone.
    void traceOfASyntaxErrorIsItsEndLine()
    {
        QTemporaryDir dir;
        const QString path = writeScenario(dir, QStringLiteral("x = 1\ndef f(:\n    pass\n"));
        const Result r = runLoopscope({QStringLiteral("trace"), path});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("{\"t\": 0.0, \"kind\": \"end\", \"status\": \"error\", "
                                       "\"error\": \"SyntaxError: invalid syntax\", \"line\": 2}\n"));
    }

    // `run` prints what `python3 FILE.py` prints, in virtual time rather than real time.
    void runPrintsWhatPythonPrints()
    {
        QTemporaryDir dir;
        const QString path =
            writeScenario(dir, QStringLiteral("import asyncio\n"
                                              "async def nap(name, seconds):\n"
                                              "    await asyncio.sleep(seconds)\n"
                                              "    print(name, 'woke after', seconds)\n"
                                              "    return len(name)\n"
                                              "async def main():\n"
                                              "    results = await asyncio.gather(nap('slow', 0.02), "
                                              "nap('fast', 0.01))\n"
                                              "    print(results, [i * i for i in range(4)])\n"
                                              "asyncio.run(main())\n"));
        QProcess python;
        python.start(QStringLiteral("python3"), {path});
        QVERIFY(python.waitForFinished(60000));
        const QString expected = QString::fromUtf8(python.readAllStandardOutput());
        QCOMPARE(expected,
                 QStringLiteral("fast woke after 0.01\nslow woke after 0.02\n[4, 4] [0, 1, 4, 9]\n"));

        const Result r = runLoopscope({QStringLiteral("run"), path});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, expected);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    }

    // `state` prints the loop's state when step K begins as one JSON line (engine/loop/state_json.h).
    void statePrintsTheStateAtAStep()
    {
        const QString path = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/scenarios/articles/two_additions.py");
        const Result r =
            runLoopscope({QStringLiteral("state"), path, QStringLiteral("--step"), QStringLiteral("3")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY2(
            r.out.startsWith(QLatin1String("{\"step\": 3, \"t\": 0.0, \"task\": \"Task-3\", \"ready\": [], "
                                           "\"timers\": [5.0], \"tasks\": [{\"name\": \"Task-1\"")),
            qPrintable(r.out));
        QVERIFY(r.out.endsWith(QLatin1String("\"stack\": []}]}\n")));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
    }

    // Several --step: one run, one line per step, in step order.
    void stateAtSeveralSteps()
    {
        const QString path = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/scenarios/articles/two_additions.py");
        const Result r = runLoopscope({QStringLiteral("state"), path, QStringLiteral("--step"),
                                       QStringLiteral("6"), QStringLiteral("--step"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(
            lines[0].startsWith(QLatin1String("{\"step\": 2, \"t\": 0.0, \"task\": \"Task-2\", \"ready\": "
                                              "[{\"task\": \"Task-3\"}]")));
        QVERIFY(lines[1].startsWith(QLatin1String("{\"step\": 6, \"t\": 5.0, \"task\": \"Task-1\"")));
    }

    // --seed reaches the run: the locals differ with the seed.
    void stateFollowsTheSeed()
    {
        QTemporaryDir dir;
        const QString path = writeScenario(dir, QStringLiteral("import asyncio, random\n"
                                                               "async def main():\n"
                                                               "    n = random.randint(1, 10**9)\n"
                                                               "    await asyncio.sleep(1)\n"
                                                               "asyncio.run(main())\n"));
        QString outs[2];
        for (int seed = 0; seed < 2; ++seed) {
            const Result r =
                runLoopscope({QStringLiteral("state"), path, QStringLiteral("--step"), QStringLiteral("2"),
                              QStringLiteral("--seed"), QString::number(seed + 1)});
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.out.contains(QLatin1String("\"n\": \"")));
            outs[seed] = r.out;
        }
        QVERIFY(outs[0] != outs[1]);
    }

    void stateOfAStepOutsideTheRun_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("message");
        QTest::newRow("step 0") << QStringList{"--step", "0"}
                                << "there is no step 0: steps count from 1; the run has 8 steps (1 to 8)";
        QTest::newRow("beyond the run")
            << QStringList{"--step", "9"} << "there is no step 9: the run has 8 steps (1 to 8)";
        QTest::newRow("not a number")
            << QStringList{"--step", "x"} << "--step needs a step number from 1, not 'x'";
        QTest::newRow("no step") << QStringList()
                                 << "'state' needs the step, e.g. loopscope state FILE.py --step 1";
    }

    void stateOfAStepOutsideTheRun()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, message);
        const QString path = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/scenarios/articles/two_additions.py");
        const Result r = runLoopscope(QStringList{QStringLiteral("state"), path} + options);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    // A program that does not compile has no steps, and the message says why.
    void stateOfAProgramThatDoesNotCompile()
    {
        QTemporaryDir dir;
        const QString path = writeScenario(dir, QStringLiteral("x = 1\ndef f(:\n    pass\n"));
        const Result r =
            runLoopscope({QStringLiteral("state"), path, QStringLiteral("--step"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("there is no step 1: the run has no steps; it ended with "
                                              "SyntaxError: invalid syntax (line 2)")),
                 qPrintable(r.err));
    }

    // The file's bytes reach the engine as they are: a UTF-8 BOM is skipped as CPython skips it,
    // and bytes that are not UTF-8 are CPython's SyntaxError, message and line alike.
    void sourceBytesAreReadAsPythonReadsThem_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFprint('with a BOM')\n");
        QTest::newRow("latin-1 in a string") << QByteArray("print(1)\nx = \"caf\xE9\"\nprint(x)\n");
        QTest::newRow("bad byte in a comment") << QByteArray("# fine\n# not \xFF fine\nprint(2)\n");
        QTest::newRow("truncated sequence") << QByteArray("x = '\xF0\x9F\x98'\n");
        QTest::newRow("surrogate") << QByteArray("x = 1\ny = '\xED\xA0\x80'\n");
    }

    void sourceBytesAreReadAsPythonReadsThem()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("scenario.py"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        QProcess python;
        python.start(QStringLiteral("python3"), {path});
        QVERIFY(python.waitForFinished(60000));
        const Result r = runLoopscope({QStringLiteral("run"), path});
        QCOMPARE(r.exitCode, python.exitCode());
        QCOMPARE(r.out, QString::fromUtf8(python.readAllStandardOutput()));
        QCOMPARE(r.err, QString::fromUtf8(python.readAllStandardError()));
    }

  private:
    static QString writeScenario(const QTemporaryDir& dir, const QString& source)
    {
        const QString path = dir.filePath(QStringLiteral("scenario.py"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(source.toUtf8());
        return path;
    }
};

QTEST_GUILESS_MAIN(CommandLineTest)
#include "tst_cli.moc"
