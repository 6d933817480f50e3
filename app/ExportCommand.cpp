#include "ExportCommand.h"

#include <cmath>
#include <cstdio>
#include <optional>

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>

#include "ScenarioLibrary.h"
#include "TimelineDescriptions.h"
#include "TimelineExport.h"
#include "TimelineModel.h"

namespace loopscope {

namespace {

// More frames than this would fill a disk with pictures of a big run: narrow it with --range.
constexpr int kMaxFrames = 10000;

void printError(const QString& message)
{
    std::fflush(stdout);
    std::fprintf(stderr, "loopscope: %s\n", qPrintable(message));
    std::fflush(stderr);
}

int usageError(const QString& message)
{
    printError(QStringLiteral("export: ") + message + QStringLiteral("\nTry 'loopscope --help'."));
    return 2;
}

// What the command line asks for, read and checked before anything runs.
struct ExportRequest {
    QString output; // empty: frames only
    std::optional<ExportFormat> format;
    QString framesDir;
    TimelineExportSettings settings;
    std::optional<std::pair<double, double>> range; // as given: seconds, or 1-based passes
    bool titleGiven = false;
    bool axisGiven = false; // else a figure is drawn on the axis that tells the run's story
    int step = 0;           // 0: no cursor
};

// Reads [text] as a whole number in [min, max].
std::optional<int> readInt(const QString& text, int min, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    return ok && value >= min && value <= max ? std::optional<int>(value) : std::nullopt;
}

// Reads "T0:T1" (an "s" after a number is allowed on the time axis).
std::optional<std::pair<double, double>> readRange(QString text, TimelineAxis axis)
{
    const QStringList parts = text.remove(u' ').split(u':');
    if (parts.size() != 2)
        return std::nullopt;
    double bounds[2];
    for (int i = 0; i < 2; ++i) {
        QString part = parts[i];
        if (axis == TimelineAxis::Time && part.endsWith(u's'))
            part.chop(1);
        bool ok = false;
        bounds[i] = axis == TimelineAxis::Time ? part.toDouble(&ok) : double(part.toInt(&ok));
        if (!ok || !std::isfinite(bounds[i]) || bounds[i] < (axis == TimelineAxis::Time ? 0 : 1))
            return std::nullopt;
    }
    if (!(bounds[1] > bounds[0]) && !(axis == TimelineAxis::Passes && bounds[1] == bounds[0]))
        return std::nullopt;
    return std::pair{bounds[0], bounds[1]};
}

// Reads and checks every export option; returns an error message, or empty.
QString readRequest(const QCommandLineParser& parser, const ExportOptions& o, ExportRequest& request)
{
    request.output = parser.value(QStringLiteral("output"));
    request.framesDir = parser.value(o.frames);
    if (request.output.isEmpty() && request.framesDir.isEmpty())
        return QStringLiteral("say where to write: -o OUT (.png, .svg, .pdf or .json), or --frames DIR");
    if (!request.output.isEmpty()) {
        request.format = exportFormatOf(request.output);
        if (!request.format)
            return QStringLiteral("cannot tell the format of '%1': OUT must end in .png, .svg, .pdf or .json")
                .arg(request.output);
        const QFileInfo info(request.output);
        if (info.isDir())
            return QStringLiteral("'%1' is a directory, not a file").arg(request.output);
        const QFileInfo dir(info.absolutePath());
        if (!dir.isDir())
            return QStringLiteral("cannot write '%1': the directory '%2' does not exist")
                .arg(request.output, dir.filePath());
        if (!dir.isWritable())
            return QStringLiteral("cannot write '%1': the directory '%2' is not writable")
                .arg(request.output, dir.filePath());
    }

    TimelineExportSettings& s = request.settings;
    const bool figure = request.format != ExportFormat::Json || !request.framesDir.isEmpty();
    // Options that shape a picture say nothing to a Chrome trace: refuse them rather than ignore them.
    for (const QString& name :
         {QStringLiteral("width"), QStringLiteral("height"), QStringLiteral("theme"),
          o.scale.names().constFirst(), o.range.names().constFirst(), o.step.names().constFirst()})
        if (!figure && parser.isSet(name))
            return QStringLiteral("--%1 shapes a figure (.png, .svg, .pdf); a .json trace has no use for it")
                .arg(name);
    if (parser.isSet(QStringLiteral("axis"))) {
        const QString axis = parser.value(QStringLiteral("axis"));
        if (axis != QLatin1String("time") && axis != QLatin1String("passes"))
            return QStringLiteral("--axis is time or passes, not '%1'").arg(axis);
        s.axis = axis == QLatin1String("passes") ? TimelineAxis::Passes : TimelineAxis::Time;
        request.axisGiven = true;
        if (!figure && s.axis == TimelineAxis::Passes)
            return QStringLiteral("--axis passes shapes a figure; a .json trace is in virtual time");
    }
    if (parser.isSet(QStringLiteral("theme"))) {
        const QString theme = parser.value(QStringLiteral("theme"));
        if (theme != QLatin1String("light") && theme != QLatin1String("dark"))
            return QStringLiteral("--theme is light or dark, not '%1'").arg(theme);
        s.dark = theme == QLatin1String("dark");
    }
    for (const QString& name : {QStringLiteral("width"), QStringLiteral("height")}) {
        if (!parser.isSet(name))
            continue;
        const int min = name == QLatin1String("width") ? 200 : 120;
        const auto value = readInt(parser.value(name), min, kMaxFigureSide);
        if (!value)
            return QStringLiteral("--%1 needs a whole number of pixels from %2 to %3, not '%4'")
                .arg(name)
                .arg(min)
                .arg(kMaxFigureSide)
                .arg(parser.value(name));
        (name == QLatin1String("width") ? s.width : s.height) = *value;
    }
    if (parser.isSet(o.scale)) {
        bool ok = false;
        s.scale = parser.value(o.scale).toDouble(&ok);
        if (!ok || !(s.scale >= 0.25 && s.scale <= 8))
            return QStringLiteral("--scale needs a number from 0.25 to 8, not '%1'")
                .arg(parser.value(o.scale));
    }
    if (parser.isSet(o.range)) {
        request.range = readRange(parser.value(o.range), s.axis);
        if (!request.range)
            return s.axis == TimelineAxis::Time
                       ? QStringLiteral("--range needs seconds T0:T1 with 0 <= T0 < T1, e.g. 0:2.5, not '%1'")
                             .arg(parser.value(o.range))
                       : QStringLiteral("--range on the passes axis needs passes P0:P1 with 1 <= P0 <= P1, "
                                        "e.g. 1:10, not '%1'")
                             .arg(parser.value(o.range));
    }
    if (parser.isSet(o.step)) {
        const auto step = readInt(parser.value(o.step), 1, INT32_MAX);
        if (!step)
            return QStringLiteral("--step needs a step number from 1, not '%1'").arg(parser.value(o.step));
        request.step = *step;
    }
    if (parser.isSet(o.title)) {
        s.title = parser.value(o.title);
        request.titleGiven = true;
    }
    s.arrows = !parser.isSet(o.noArrows);
    s.showShutdownTasks = parser.isSet(o.showShutdown);
    return {};
}

// The scenario's own stderr (tracebacks, warnings), after what was printed before it.
void writeStderr(const std::string& text)
{
    std::fflush(stdout);
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
}

// Why a figure with [settings] cannot be drawn (too many pixels), or empty.
QString tooBig(const TimelineModel& model, const TimelineExportSettings& settings)
{
    const QSize size = TimelineFigure(model, settings).size();
    if (figureFits(size, settings.scale))
        return {};
    return QStringLiteral("a %1 x %2 figure at scale %3 is too big to draw; make it smaller")
        .arg(size.width())
        .arg(size.height())
        .arg(settings.scale);
}

// "step 3 of 8 · Task-3 add_fast at 0.0 s"
TimelineCursor stepCursor(const TimelineModel& model, const std::vector<EventIndex>& steps, int k)
{
    const EventIndex e = steps[size_t(k - 1)];
    const TraceEvent& began = model.event(e);
    const int row = model.rowOfTask(began.task);
    QString who = row > 0 ? model.taskName(row) : QStringLiteral("Task-%1").arg(began.task.value);
    if (row > 0 && !model.coroName(row).isEmpty())
        who += u' ' + model.coroName(row);
    return {e, QStringLiteral("step %1 of %2 · %3 at %4 s")
                   .arg(k)
                   .arg(steps.size())
                   .arg(who, formatSeconds(began.t))};
}

// Writes one PNG per step into [dir]; returns the exit status.
int writeFrames(const TimelineModel& model, TimelineExportSettings settings, const QString& dir,
                const std::vector<EventIndex>& steps)
{
    // With a range, the steps inside it.
    std::vector<int> chosen;
    for (int k = 1; k <= int(steps.size()); ++k) {
        const EventIndex e = steps[size_t(k - 1)];
        const double at = settings.axis == TimelineAxis::Time ? model.event(e).t : model.slotCoord(e, true);
        if (!settings.range || (at >= settings.range->first && at <= settings.range->second))
            chosen.push_back(k);
    }
    if (chosen.size() > size_t(kMaxFrames))
        return usageError(QStringLiteral("--frames would write %1 pictures, more than %2; choose fewer steps "
                                         "with --range")
                              .arg(chosen.size())
                              .arg(kMaxFrames));
    if (const QString error = tooBig(model, settings); !error.isEmpty())
        return usageError(error);
    if (!QDir().mkpath(dir)) {
        printError(QStringLiteral("export: cannot create the directory '%1'").arg(dir));
        return 2;
    }
    const int digits = std::max(3, int(QString::number(steps.size()).size()));
    for (int k : chosen) {
        settings.cursor = stepCursor(model, steps, k);
        const QString path =
            QDir(dir).filePath(QStringLiteral("step-%1.png").arg(k, digits, 10, QLatin1Char('0')));
        QString error;
        if (!writeFileAtomically(path, exportTimeline(model, settings, ExportFormat::Png), &error)) {
            printError(QStringLiteral("export: cannot write '%1': %2").arg(path, error));
            return 2;
        }
    }
    return 0;
}

} // namespace

void ExportOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({scale, range, title, noArrows, showShutdown, step, frames});
}

std::unique_ptr<QCoreApplication> createExportApplication(int& argc, char** argv)
{
    // Figures need fonts, and fonts need a QGuiApplication; the offscreen platform needs no
    // display, whatever QT_QPA_PLATFORM says. Without a session (CI, ssh) Qt would warn that
    // XDG_RUNTIME_DIR is unset, which says nothing about the export: that one line is dropped.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static QtMessageHandler previous = nullptr;
    previous =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext& context, const QString& text) {
            if (type == QtWarningMsg && text.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")))
                return;
            if (previous)
                previous(type, context, text);
        });
    return std::make_unique<QGuiApplication>(argc, argv);
}

int runExportCommand(const QCommandLineParser& parser, const ExportOptions& options, const QString& path,
                     const std::string& source, RunOptions run)
{
    ExportRequest request;
    if (const QString error = readRequest(parser, options, request); !error.isEmpty())
        return usageError(error);

    // The run, with its output kept back: only a failure is worth saying.
    std::string stderrText;
    run.writeStderr = [&stderrText](std::string_view text) { stderrText += text; };
    auto trace = std::make_shared<TraceRecorder>(TraceLevel::Step);
    const RunResult result = runScenario(source, run, trace.get());
    const TimelineModel model = TimelineModel::build(trace, source);

    TimelineExportSettings settings = request.settings;
    QString title, summary;
    readScenarioMetadata(QString::fromStdString(source), title, summary);
    if (!request.titleGiven)
        settings.title = title;
    // The trace's process: the title (--title's, else the scenario's) and the file.
    const QString processTitle = request.titleGiven ? settings.title : title;
    settings.processName = processTitle.isEmpty()
                               ? QFileInfo(path).fileName()
                               : QStringLiteral("%1 (%2)").arg(processTitle, QFileInfo(path).fileName());
    // A run whose clock never moved is one point on the time axis: unless told otherwise (--axis,
    // or a --range, which is in seconds then), the figure counts passes, as the window does.
    if (!request.axisGiven && !request.range && request.format != ExportFormat::Json)
        settings.axis = model.telling();
    if (request.range) {
        if (settings.axis == TimelineAxis::Time) {
            settings.range = request.range;
        } else {
            // Passes P0..P1, both included, as the axis numbers them.
            const int last = std::max(0, model.passCount() - 1);
            const int p0 = std::min(int(request.range->first) - 1, last);
            const int p1 = std::min(int(request.range->second) - 1, last);
            settings.range = std::pair{model.passCount() ? model.passStart(p0) : 0.0,
                                       model.passCount() ? model.passEnd(p1) : 1.0};
        }
    }
    std::vector<EventIndex> steps;
    const TraceEvents& events = trace->events();
    for (uint32_t i = 0; i < events.size(); ++i)
        if (events[i].kind == EventKind::StepBegan)
            steps.push_back(EventIndex{i});
    if (request.step > int(steps.size()))
        return usageError(QStringLiteral("--step %1: the run has %2 step%3")
                              .arg(request.step)
                              .arg(steps.size())
                              .arg(steps.size() == 1 ? "" : "s"));

    if (request.format) {
        TimelineExportSettings figure = settings;
        if (request.step > 0)
            figure.cursor = stepCursor(model, steps, request.step);
        if (*request.format != ExportFormat::Json)
            if (const QString error = tooBig(model, figure); !error.isEmpty())
                return usageError(error);
        QString error;
        if (!writeFileAtomically(request.output, exportTimeline(model, figure, *request.format), &error)) {
            printError(QStringLiteral("export: cannot write '%1': %2").arg(request.output, error));
            return 2;
        }
    }
    if (!request.framesDir.isEmpty())
        if (const int status = writeFrames(model, settings, request.framesDir, steps); status != 0)
            return status;

    if (!result.ok) {
        writeStderr(stderrText);
        std::string error = result.errorType;
        if (!result.errorMessage.empty())
            error += ": " + result.errorMessage;
        printError(
            QStringLiteral("export: the scenario failed at t=%1 s (%2); the timeline shows the run up "
                           "to the failure")
                .arg(formatSeconds(result.endTime), QString::fromStdString(error).section(u'\n', 0, 0)));
        return 1;
    }
    return 0;
}

} // namespace loopscope
