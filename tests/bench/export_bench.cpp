// The export benchmark (SPEC.md section 7: a 10k-task PNG export in under 1 s): prints, never
// passes or fails.
//
//  1. In process, on a real run of 10,000 tasks: the figure drawn into an image, encoded as PNG
//     and written (QSaveFile), phase by phase; then the same for SVG, PDF and the Chrome trace.
//  2. The whole command as users run it, `loopscope export FILE -o OUT.png` (the run, the model
//     and the export), timed around the process.
//
//     build/tests/bench/export_bench [--runs N]
#include <algorithm>
#include <cstdio>
#include <vector>

#include <QBuffer>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>

#include "TimelineExport.h"
#include "engine.h"
#include "ten_thousand_sleepers.h"

using namespace loopscope;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

double msSince(const QElapsedTimer& clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    int runs = 5;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i)
        if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
    QTemporaryDir dir;

    auto trace = std::make_shared<TraceRecorder>(TraceLevel::Step);
    QElapsedTimer clock;
    clock.start();
    runScenario(bench::kTenThousandSleepers, RunOptions{}, trace.get());
    const double runMs = msSince(clock);
    clock.restart();
    const TimelineModel model = TimelineModel::build(trace, bench::kTenThousandSleepers);
    const double modelMs = msSince(clock);
    std::printf("Export benchmark (SPEC.md section 7: a 10k-task PNG export in under 1 s), median of %d\n\n",
                runs);
    std::printf("10k tasks: %zu events, %zu segments; the run %.0f ms, the model %.0f ms (not part of the "
                "export)\n",
                trace->events().size(), model.segmentCount(), runMs, modelMs);

    TimelineExportSettings settings;
    settings.title = QStringLiteral("10,000 sleepers");
    std::vector<double> drawMs, encodeMs, writeMs, totalMs;
    QSize size;
    qint64 bytes = 0;
    for (int i = 0; i < runs; ++i) {
        clock.restart();
        const TimelineFigure figure(model, settings);
        const QImage image = figure.image();
        drawMs.push_back(msSince(clock));
        clock.restart();
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        encodeMs.push_back(msSince(clock));
        clock.restart();
        QString error;
        writeFileAtomically(dir.filePath(QStringLiteral("tenk.png")), png, &error);
        writeMs.push_back(msSince(clock));
        totalMs.push_back(drawMs.back() + encodeMs.back() + writeMs.back());
        size = figure.size();
        bytes = png.size();
    }
    std::printf(
        "PNG %d x %d, %lld KB: layout and drawing %.0f ms + encoding %.0f ms + writing %.1f ms = %.2f s "
        "(target 1 s)\n",
        size.width(), size.height(), bytes / 1024, median(drawMs), median(encodeMs), median(writeMs),
        median(totalMs) / 1000);

    for (ExportFormat format : {ExportFormat::Svg, ExportFormat::Pdf, ExportFormat::Json}) {
        std::vector<double> ms;
        for (int i = 0; i < runs; ++i) {
            clock.restart();
            const QByteArray out = exportTimeline(model, settings, format);
            QString error;
            writeFileAtomically(dir.filePath(QStringLiteral("tenk.") + exportSuffix(format)), out, &error);
            ms.push_back(msSince(clock));
            bytes = out.size();
        }
        std::printf("%s: %.2f s, %lld KB\n", qPrintable(exportSuffix(format).toUpper()), median(ms) / 1000,
                    bytes / 1024);
    }

    // The command as users run it.
    const QString scenario = dir.filePath(QStringLiteral("tenk.py"));
    QFile file(scenario);
    if (file.open(QIODevice::WriteOnly) && file.write(bench::kTenThousandSleepers) > 0) {
        file.close();
        std::vector<double> ms;
        for (int i = 0; i < runs; ++i) {
            QProcess process;
            clock.restart();
            process.start(QStringLiteral(LOOPSCOPE_BINARY), {QStringLiteral("export"), scenario,
                                                             QStringLiteral("-o"), dir.filePath("cli.png")});
            process.waitForFinished(120000);
            ms.push_back(msSince(clock));
        }
        std::printf("loopscope export FILE -o OUT.png, the whole command (run, model, export): %.2f s\n",
                    median(ms) / 1000);
    }
    return 0;
}
