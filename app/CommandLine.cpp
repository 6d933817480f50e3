#include "CommandLine.h"

#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QScreen>
#include <QTimer>

#include "CodeEditor.h"
#include "ExportCommand.h"
#include "MainWindow.h"
#include "Resources.h"
#include "StateCommand.h"
#include "TimelineView.h"
#include "engine.h"
#include "trace_json.h"

namespace loopscope {

namespace {

const QStringList kHeadlessCommands = {QStringLiteral("run"), QStringLiteral("trace"),
                                       QStringLiteral("state"), QStringLiteral("export")};

// -- Options ---------------------------------------------------------------

struct Options {
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")};
    QCommandLineOption version{{QStringLiteral("v"), QStringLiteral("version")},
                               QStringLiteral("Show the version.")};
    QCommandLineOption seed{
        QStringLiteral("seed"),
        QStringLiteral("Seed in effect before the program calls random.seed() (default 0)."),
        QStringLiteral("N")};
    // One option per budget (engine/budgets.def), e.g. --max-memory 1G.
    std::vector<QCommandLineOption> budgets = budgetOptions();
    QCommandLineOption dumpBytecode{QStringLiteral("dump-bytecode"),
                                    QStringLiteral("run: print the compiled bytecode instead of running.")};
    QCommandLineOption traceStats{
        QStringLiteral("trace-stats"),
        QStringLiteral("run: after the run, print the step-level trace's size to stderr.")};
    QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")},
                              QStringLiteral("export: the file to write (.png, .svg, .pdf or .json)."),
                              QStringLiteral("OUT")};
    QCommandLineOption width{QStringLiteral("width"),
                             QStringLiteral("export: figure width in pixels (default 1200)."),
                             QStringLiteral("W")};
    QCommandLineOption height{QStringLiteral("height"),
                              QStringLiteral("export: figure height in pixels (default: from the rows)."),
                              QStringLiteral("H")};
    QCommandLineOption axis{QStringLiteral("axis"), QStringLiteral("export: x axis, time or passes."),
                            QStringLiteral("time|passes")};
    QCommandLineOption theme{QStringLiteral("theme"), QStringLiteral("export: light or dark."),
                             QStringLiteral("light|dark")};
    // Hidden: grabs the window once it is shown, saves it to FILE and quits (for screenshots and CI).
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  QStringLiteral("Save a window grab and quit."), QStringLiteral("FILE")};

    // Hidden: types TEXT at the end of the editor once the window is shown (the autosave test).
    QCommandLineOption typeText{QStringLiteral("type-text"), QStringLiteral("Type TEXT into the editor."),
                                QStringLiteral("TEXT")};

    ExportOptions exportOptions;

    Options()
    {
        screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
        typeText.setFlags(QCommandLineOption::HiddenFromHelp);
    }

    static std::vector<QCommandLineOption> budgetOptions()
    {
        std::vector<QCommandLineOption> list;
        const Budgets defaults;
        for (size_t i = 0; i < kBudgetCount; ++i) {
            const BudgetInfo& b = kBudgetInfo[i];
            QString help = QString::fromUtf8(b.help);
            help[0] = help[0].toUpper();
            list.emplace_back(
                QString::fromUtf8(b.option),
                QStringLiteral("%1 (default %2).").arg(help, QString::fromStdString(budgetText(defaults, i))),
                QString::fromUtf8(b.valueName));
        }
        return list;
    }

    void addTo(QCommandLineParser& parser)
    {
        parser.setApplicationDescription(QStringLiteral("Loopscope: see how asyncio schedules coroutines."));
        parser.addOptions({help, version, seed});
        for (const QCommandLineOption& budget : budgets)
            parser.addOption(budget);
        parser.addOptions(
            {dumpBytecode, traceStats, output, width, height, axis, theme, screenshot, typeText});
        exportOptions.addTo(parser);
        parser.addPositionalArgument(
            QStringLiteral("command"),
            QStringLiteral("run, trace, state or export; or a scenario file to open."),
            QStringLiteral("[command | FILE.py]"));
    }
};

QString helpText(const QCommandLineParser& parser)
{
    QString options = parser.helpText();
    // Keep Qt's option table but replace its usage line with one per subcommand.
    options = options.mid(options.indexOf(QStringLiteral("Options:")));
    return QStringLiteral(
               "Loopscope %1: see how asyncio schedules coroutines.\n"
               "\n"
               "Usage:\n"
               "  loopscope                      open the window on the default scenario\n"
               "  loopscope FILE.py [--step K]   open the window on FILE.py (--step: the cursor at step K)\n"
               "  loopscope run FILE.py [--seed N] [--dump-bytecode] [--trace-stats]\n"
               "                                 run headless; print the program's output as python3 would\n"
               "  loopscope trace FILE.py [--seed N]\n"
               "                                 write the comparison trace (JSON Lines) to stdout\n"
               "  loopscope state FILE.py --step K [--step K2 ...] [--seed N]\n"
               "                                 print the loop's state when step K begins, as JSON\n"
               "  loopscope export FILE.py -o OUT [--width W] [--height H] [--scale S] [--axis time|passes]\n"
               "                   [--theme light|dark] [--range T0:T1] [--title T] [--no-arrows]\n"
               "                   [--show-shutdown] [--step K] [--frames DIR] [--seed N]\n"
               "                                 render the timeline to OUT (.png, .svg, .pdf) or write the\n"
               "                                 run as a Chrome trace (.json) for Perfetto; --frames DIR\n"
               "                                 writes one PNG per step\n"
               "\n"
               "Exit status: 0 success, 1 the scenario raised an error or hit a limit, 2 a usage error.\n"
               "\n")
               .arg(QStringLiteral(LOOPSCOPE_VERSION)) +
           options;
}

void printError(const QString& message)
{
    std::fflush(stdout);
    std::fprintf(stderr, "loopscope: %s\n", qPrintable(message));
    std::fflush(stderr);
}

int usageError(const QString& message)
{
    printError(message + QStringLiteral("\nTry 'loopscope --help'."));
    return 2;
}

// Fills [run] from the seed and budget options; returns an error message, or empty.
QString readRunOptions(const QCommandLineParser& parser, const Options& o, RunOptions& run)
{
    if (parser.isSet(o.seed)) {
        bool ok = false;
        run.seed = parser.value(o.seed).toULongLong(&ok);
        if (!ok)
            return QStringLiteral("--seed needs a whole number, not '%1'").arg(parser.value(o.seed));
    }
    for (size_t i = 0; i < kBudgetCount; ++i) {
        const QCommandLineOption& option = o.budgets[i];
        if (!parser.isSet(option))
            continue;
        const QString value = parser.value(option);
        if (!setBudget(run.budgets, i, value.toStdString())) {
            const QString kind = QString::fromUtf8(kBudgetInfo[i].valueName);
            const QString wanted =
                kind == QLatin1String("BYTES")     ? QStringLiteral("a byte count such as 512M")
                : kind == QLatin1String("SECONDS") ? QStringLiteral("a positive number of seconds")
                                                   : QStringLiteral("a positive whole number");
            return QStringLiteral("--%1 needs %2, not '%3'").arg(option.names().constLast(), wanted, value);
        }
    }
    return {};
}

// Reads the scenario [path] as UTF-8; prints the reason and returns nullopt on failure.
std::optional<std::string> readScenario(const QString& path)
{
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly)) {
        printError(
            QStringLiteral("cannot read '%1': %2")
                .arg(path, QFileInfo::exists(path) ? file.errorString() : QStringLiteral("no such file")));
        return std::nullopt;
    }
    return file.readAll().toStdString();
}

// -- Headless subcommands --------------------------------------------------

// Writes the program's stderr after flushing its stdout, so that a traceback
// appears after the output that preceded it.
void writeStderr(std::string_view text)
{
    std::fflush(stdout);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

void reportUnwrittenError(const RunResult& result, bool engineWroteStderr)
{
    // sys.exit(N) is silent in python3, which exits with status N; `loopscope run` exits with
    // 1, so it says why, even after the program's own warnings.
    const bool silentExit = result.errorType == "SystemExit" && !result.errorMessage.empty() &&
                            result.errorMessage.find_first_not_of("-0123456789") == std::string::npos;
    if (result.ok || (engineWroteStderr && !silentExit))
        return;
    std::string line = result.errorType;
    if (!result.errorMessage.empty())
        line += ": " + result.errorMessage;
    writeStderr(line + "\n");
}

// The step-level trace's size and the heap per pending task, for SPEC.md section 7's budgets of
// 32 bytes per event and 300 bytes per pending task, and what the run used of its other budgets.
void printTraceStats(const TraceRecorder& trace, const RunResult& result)
{
    const size_t events = trace.events().size();
    const size_t bytes = trace.memoryBytes();
    std::fprintf(stderr,
                 "trace: %zu events (%zu records stored), %zu strings, %zu bytes (%.1f bytes per event)\n",
                 events, trace.events().storedCount(), trace.stringCount(), bytes,
                 events ? double(bytes) / double(events) : 0.0);
    std::fprintf(stderr,
                 "heap: %lld bytes when the loop started, %lld at the peak; at most %u pending tasks "
                 "(%.1f bytes per pending task)\n",
                 static_cast<long long>(result.stats.heapBytesAtLoopStart),
                 static_cast<long long>(result.stats.peakHeapBytes), result.stats.maxPendingTasks,
                 result.stats.bytesPerPendingTask());
    std::fprintf(stderr,
                 "budgets used: memory %llu bytes at most (%llu allocations), trace %llu bytes, "
                 "output %llu lines and %llu bytes\n",
                 (unsigned long long)result.peakMemoryBytes, (unsigned long long)result.heapAllocations,
                 (unsigned long long)result.traceBytes, (unsigned long long)result.outputLines,
                 (unsigned long long)result.outputBytes);
}

int commandRun(const QString& path, const std::string& source, RunOptions options, bool dumpBytecode,
               bool traceStats)
{
    if (dumpBytecode) {
        const std::string listing = disassembleScenario(source, options.filename);
        std::fwrite(listing.data(), 1, listing.size(), stdout);
        return 0;
    }
    Q_UNUSED(path)
    bool wroteStderr = false;
    options.writeStdout = [](std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); };
    options.writeStderr = [&wroteStderr](std::string_view text) {
        wroteStderr = true;
        writeStderr(text);
    };
    // A run records the step-level trace, as the window does: that is the cost users see.
    TraceRecorder recorder(TraceLevel::Step);
    const RunResult result = runScenario(source, options, &recorder);
    std::fflush(stdout);
    reportUnwrittenError(result, wroteStderr);
    if (traceStats)
        printTraceStats(recorder, result);
    return result.ok ? 0 : 1;
}

int commandTrace(const std::string& source, RunOptions options)
{
    // The program's output is part of the trace (its "print" events), so only stderr passes through.
    options.writeStderr = writeStderr;
    TraceRecorder recorder(TraceLevel::Step);
    const RunResult result = runScenario(source, options, &recorder);
    std::string out;
    appendComparisonTrace(recorder, result, out);
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    // The trace itself says whether the program failed; the exit status says the trace was written.
    return 0;
}

int runHeadless(const QCommandLineParser& parser, Options& o)
{
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.first();
    if (positional.size() < 2)
        return usageError(
            QStringLiteral("'%1' needs a scenario file, e.g. loopscope %1 FILE.py").arg(command));
    if (positional.size() > 2)
        return usageError(
            QStringLiteral("'%1' takes one scenario file; unexpected '%2'").arg(command, positional[2]));

    RunOptions run;
    const QString path = positional[1];
    run.filename = path.toStdString();
    if (const QString error = readRunOptions(parser, o, run); !error.isEmpty())
        return usageError(error);
    const std::optional<std::string> source = readScenario(path);
    if (!source)
        return 2;
    if (command == QLatin1String("trace"))
        return commandTrace(*source, std::move(run));
    if (command == QLatin1String("state")) {
        if (!parser.isSet(o.exportOptions.step))
            return usageError(
                QStringLiteral("'state' needs the step, e.g. loopscope state FILE.py --step 1"));
        return runStateCommand(*source, parser.values(o.exportOptions.step), std::move(run));
    }
    if (command == QLatin1String("export"))
        return runExportCommand(parser, o.exportOptions, path, *source, std::move(run));
    return commandRun(path, *source, std::move(run), parser.isSet(o.dumpBytecode),
                      parser.isSet(o.traceStats));
}

// -- The window --------------------------------------------------------------

int runWindow(QApplication& app, const QCommandLineParser& parser, Options& o)
{
    const QStringList positional = parser.positionalArguments();
    int startStep = 0;
    if (parser.isSet(o.exportOptions.step)) {
        bool ok = false;
        startStep = parser.value(o.exportOptions.step).toInt(&ok);
        if (!ok || startStep < 1)
            return usageError(QStringLiteral("--step needs a step number from 1, not '%1'")
                                  .arg(parser.value(o.exportOptions.step)));
    }
    MainWindow window;
    window.setStartStep(startStep);
    // The budget options hold for this session's runs; Run → Budgets... keeps the saved ones.
    RunOptions run;
    run.budgets = window.budgets();
    if (const QString error = readRunOptions(parser, o, run); !error.isEmpty())
        return usageError(error);
    window.setBudgets(run.budgets);
    if (parser.isSet(o.theme))
        window.setTheme(parser.value(o.theme));
    if (parser.isSet(o.axis))
        window.chooseAxis(parser.value(o.axis) == QLatin1String("passes") ? TimelineAxis::Passes
                                                                          : TimelineAxis::Time);
    if (!positional.isEmpty())
        window.openFile(positional.first());
    else
        window.openDefaultScenario();
    window.show();
    // Edits a crash left behind are offered once the window is up (not to a screenshot run, which
    // nobody answers).
    if (!parser.isSet(o.screenshot))
        QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    if (parser.isSet(o.typeText)) {
        const QString text = parser.value(o.typeText);
        QTimer::singleShot(0, &window, [&window, text] {
            window.editor()->moveCursor(QTextCursor::End);
            window.editor()->insertPlainText(text);
        });
    }

    if (parser.isSet(o.screenshot)) {
        const QString target = parser.value(o.screenshot);
        // The run happens off the GUI thread: wait for it, then let the layout and the queued
        // replots settle before grabbing.
        QTimer::singleShot(0, &window, [&window, &app, target] {
            window.waitForRun(300000);
            QTimer::singleShot(600, &window, [&window, &app, target] {
                const bool saved = window.grab().save(target);
                if (!saved)
                    printError(QStringLiteral("cannot write the screenshot to '%1'").arg(target));
                app.exit(saved ? 0 : 2);
            });
        });
    }
    return app.exec();
}

QStringList argumentsOf(int argc, char** argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

} // namespace

int runLoopscope(int argc, char** argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Loopscope"));
    QCoreApplication::setApplicationName(QStringLiteral("loopscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LOOPSCOPE_VERSION));

    // Parse before creating the application: the command decides whether a display is needed.
    Options options;
    QCommandLineParser parser;
    options.addTo(parser);
    if (!parser.parse(argumentsOf(argc, argv)))
        return usageError(parser.errorText());

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    const bool headless =
        parser.isSet(options.help) || parser.isSet(options.version) || kHeadlessCommands.contains(command);

    if (headless) {
        // run and trace need no more than a QCoreApplication; export draws, on the offscreen platform.
        const bool draws = command == QLatin1String("export") && !parser.isSet(options.help) &&
                           !parser.isSet(options.version);
        const std::unique_ptr<QCoreApplication> app =
            draws ? createExportApplication(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
        if (parser.isSet(options.help)) {
            std::fputs(qPrintable(helpText(parser)), stdout);
            return 0;
        }
        if (parser.isSet(options.version)) {
            std::printf("loopscope %s\n", LOOPSCOPE_VERSION);
            return 0;
        }
        return runHeadless(parser, options);
    }

    if (!command.isEmpty()) {
        if (positional.size() > 1)
            return usageError(
                QStringLiteral("the window opens one file; unexpected '%1'").arg(positional[1]));
        if (!QFileInfo(command).isFile()) {
            if (command.endsWith(QLatin1String(".py")) || command.contains(QLatin1Char('/')))
                return printError(QStringLiteral("cannot read '%1': no such file").arg(command)), 2;
            return usageError(
                QStringLiteral("unknown command '%1'. The commands are run, trace, state and export; "
                               "or give a .py file to open it in the window.")
                    .arg(command));
        }
    }

    // Qt would abort without a display; say what to do instead.
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    if ((platform.isEmpty() || platform.startsWith(QLatin1String("xcb"))) &&
        qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        printError(
            QStringLiteral("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                           "Run a scenario headless with 'loopscope run FILE.py', or open the window "
                           "under xvfb-run."));
        return 2;
    }

    QApplication app(argc, argv);
    initResources();
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/loopscope.svg")));
    app.setDesktopFileName(QStringLiteral("loopscope"));
    return runWindow(app, parser, options);
}

} // namespace loopscope
