// `loopscope export` end to end: the built binary writes every format with no display, and each
// file is checked for what it must hold. PNGs by pixel probes at the places the geometry gives
// for the same figure laid out here; SVGs parsed as XML, their text elements holding the labels;
// PDFs by their header, page count and the text pdftotext finds; the JSON parsed. Then --frames,
// --step, sizes, failures (exit 1, the file still written) and usage errors (exit 2).
#include <QtTest>

#include <QDir>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include "ScenarioLibrary.h"
#include "TimelineExport.h"
#include "TimelineRenderer.h"
#include "run_loopscope.h"
#include "timeline_test_support.h"

using namespace loopscope;
using loopscope::test::Result;
using loopscope::test::rowNamed;
using loopscope::test::runLoopscope;

namespace {

const QString kSlowFast = QStringLiteral("scenarios/articles/two_additions.py");
const QString kQueue = QStringLiteral("scenarios/queues/producer_consumer.py");
const QString kBlocking = QStringLiteral("scenarios/pitfalls/blocking_sleep.py");
const QString kDeadlock = QStringLiteral("scenarios/pitfalls/deadlock_waiting_forever.py");

QString repo(const QString& relative)
{
    return QStringLiteral(LOOPSCOPE_SOURCE_DIR "/") + relative;
}

// `loopscope export [scenario] -o [out] [extra...]`, which must succeed.
bool exportOk(const QString& scenario, const QString& out, const QStringList& extra = {})
{
    const Result r = runLoopscope(
        QStringList{QStringLiteral("export"), repo(scenario), QStringLiteral("-o"), out} + extra);
    if (r.exitCode != 0)
        qWarning("export of %s to %s: exit %d\n%s", qPrintable(scenario), qPrintable(out), r.exitCode,
                 qPrintable(r.err));
    return r.exitCode == 0 && QFileInfo(out).size() > 0;
}

// The settings the command line uses for [scenario] unless told otherwise.
TimelineExportSettings defaultSettings(const QString& scenario)
{
    TimelineExportSettings s;
    QString summary;
    readScenarioMetadata(QString::fromStdString(test::readRepositoryFile(scenario)), s.title, summary);
    return s;
}

// The figure the command line draws, laid out here: where every row and instant goes.
struct Layout {
    std::shared_ptr<const TimelineModel> model;
    TimelineRowSet rows;
    TimelineFigureLayout layout;
    QSize size;
    QFont font;

    QPointF at(const QString& row, double coord) const
    {
        const int display = rows.displayRowOf(rowNamed(*model, row));
        return {layout.geometry.xFor(coord), layout.geometry.rowCentre(display)};
    }
};

Layout layoutOf(const QString& scenario, const TimelineExportSettings& settings)
{
    Layout l;
    l.model = test::modelOfFile(scenario);
    const TimelineFigure figure(*l.model, settings);
    l.rows = figure.rows();
    l.size = figure.size();
    l.font = figure.options().font;
    QImage scratch(l.size, QImage::Format_RGB32);
    QPainter painter(&scratch);
    figure.paint(painter, QRectF(QPointF(0, 0), QSizeF(l.size)), &l.layout);
    return l;
}

// Pixels of [color] in the box of half-size [w] x [h] around [at] ([scale]: device pixels per pixel).
int pixelsOf(const QImage& image, QPointF at, const QColor& color, int w = 3, int h = 2, double scale = 1)
{
    int n = 0;
    const int cx = int(at.x() * scale), cy = int(at.y() * scale);
    for (int y = cy - h; y <= cy + h; ++y)
        for (int x = cx - w; x <= cx + w; ++x)
            n += image.valid(x, y) && image.pixel(x, y) == color.rgb();
    return n;
}

// The text of every <text> element of an SVG document; false if it is not well-formed XML.
bool svgTexts(const QByteArray& svg, QStringList& texts)
{
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
    }
    return !xml.hasError();
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A poppler tool's output; fails the test if poppler-utils is missing (scripts/setup.sh installs it).
QString poppler(const QString& tool, const QStringList& args)
{
    QProcess process;
    process.start(tool, args);
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QStringLiteral("<%1 failed: is poppler-utils installed?>").arg(tool);
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class ExportTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    QString out(const QString& name) const { return dir_.filePath(name); }

  private slots:
    // -- PNG ------------------------------------------------------------------------------------

    // The slow/fast example: each state's colour where the geometry puts it.
    void pngHasEachStateWhereItHappens_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void pngHasEachStateWhereItHappens()
    {
        QFETCH(bool, dark);
        const QString png = out(dark ? "slow_fast_dark.png" : "slow_fast.png");
        QVERIFY(exportOk(kSlowFast, png, dark ? QStringList{"--theme", "dark"} : QStringList{}));
        const QImage image(png);
        TimelineExportSettings settings = defaultSettings(kSlowFast);
        settings.dark = dark;
        const Layout l = layoutOf(kSlowFast, settings);
        QCOMPARE(image.size(), l.size);
        const TimelineTheme theme = dark ? TimelineTheme::dark() : TimelineTheme::light();
        const QColor sleeping = theme.style(SegmentKind::Sleeping).fill;
        // add_slow sleeps 0 -> 5 s, add_fast 0 -> 3 s; get_results awaits add_slow meanwhile.
        QVERIFY(pixelsOf(image, l.at("add_slow", 2.5), sleeping) > 5);
        QVERIFY(pixelsOf(image, l.at("add_slow", 4.5), sleeping) > 5);
        QVERIFY(pixelsOf(image, l.at("add_fast", 2.5), sleeping) > 5);
        QCOMPARE(pixelsOf(image, l.at("add_fast", 4.0), sleeping), 0); // done at 3 s
        QVERIFY(pixelsOf(image, l.at("get_results", 2.5), theme.style(SegmentKind::AwaitingTask).fill) > 5);
        // The step at 3 s: a running bar a few pixels wide, after its turn in the ready queue.
        const QColor running = theme.style(SegmentKind::Running).fill;
        const double ready = TimelineLayoutOptions{}.readyWidth;
        QVERIFY(pixelsOf(image, l.at("add_fast", 3.0) + QPointF(ready + 3, 11), running, 1, 1) > 0);
        QVERIFY(pixelsOf(image, l.at("add_fast", 3.0) + QPointF(2, 5), theme.style(SegmentKind::Ready).edge,
                         1, 1) > 0);
        // The title and the axis are there: dark text pixels in the title band and under the plot.
        QVERIFY(!l.layout.title.isEmpty());
        QVERIFY(test::distinctColors(image.copy(l.layout.title.toRect())) > 2);
        QVERIFY(test::distinctColors(image.copy(l.layout.axis.toRect())) > 2);
        QVERIFY(test::distinctColors(image.copy(l.layout.legend.toRect())) > 5);
    }

    void pngOnThePassesAxisAndAtScaleTwo()
    {
        const QString png = out("slow_fast_passes.png");
        QVERIFY(exportOk(kSlowFast, png, {"--axis", "passes", "--scale", "2"}));
        const QImage image(png);
        TimelineExportSettings settings = defaultSettings(kSlowFast);
        settings.axis = TimelineAxis::Passes;
        const Layout l = layoutOf(kSlowFast, settings);
        QCOMPARE(image.size(), l.size * 2);
        // add_fast's first step has its own slot: the middle of it is running.
        const int row = rowNamed(*l.model, "add_fast");
        const auto segs = l.model->segments(row);
        int step = -1;
        for (int i = 0; i < int(segs.size()) && step < 0; ++i)
            if (segs[size_t(i)].kind == SegmentKind::Running)
                step = i;
        QVERIFY(step >= 0);
        const double middle = (l.model->segmentStartOn(TimelineAxis::Passes, row, step) +
                               l.model->segmentEndOn(TimelineAxis::Passes, row, step)) /
                              2;
        QVERIFY(pixelsOf(image, l.at("add_fast", middle),
                         TimelineTheme::light().style(SegmentKind::Running).fill, 3, 2, 2.0) > 10);
    }

    // A run whose clock never moves is one point on the time axis: without --axis (or --range,
    // which is in seconds then) its figure counts passes, as the window shows it.
    void aRunAtTimeZeroIsDrawnOnThePassesAxis()
    {
        const QString scenario = QStringLiteral("scenarios/basics/sleep_zero_yields.py");
        const QString chosen = out("instant_default.png"), passes = out("instant_passes.png"),
                      time = out("instant_time.png"), ranged = out("instant_range.png");
        QVERIFY(exportOk(scenario, chosen));
        QVERIFY(exportOk(scenario, passes, {"--axis", "passes"}));
        QVERIFY(exportOk(scenario, time, {"--axis", "time"}));
        QVERIFY(exportOk(scenario, ranged, {"--range", "0:1"}));
        QCOMPARE(QImage(chosen), QImage(passes));
        QVERIFY(QImage(chosen) != QImage(time));
        QVERIFY(QImage(ranged) != QImage(passes)); // seconds: the time axis
        // A run that takes time stays on the time axis.
        const QString slowFast = out("slow_fast_default.png"), slowFastTime = out("slow_fast_time.png");
        QVERIFY(exportOk(kSlowFast, slowFast));
        QVERIFY(exportOk(kSlowFast, slowFastTime, {"--axis", "time"}));
        QCOMPARE(QImage(slowFast), QImage(slowFastTime));
    }

    void pngOfARangeShowsOnlyThatRange()
    {
        const QString png = out("slow_fast_range.png");
        QVERIFY(exportOk(kSlowFast, png, {"--range", "2:4", "--width", "800", "--height", "300"}));
        const QImage image(png);
        TimelineExportSettings settings = defaultSettings(kSlowFast);
        settings.range = std::pair{2.0, 4.0};
        settings.width = 800;
        settings.height = 300;
        const Layout l = layoutOf(kSlowFast, settings);
        QCOMPARE(image.size(), QSize(800, 300));
        QCOMPARE(l.layout.geometry.x0, 2.0);
        QCOMPARE(l.layout.geometry.x1, 4.0);
        const QColor sleeping = TimelineTheme::light().style(SegmentKind::Sleeping).fill;
        QVERIFY(pixelsOf(image, l.at("add_fast", 2.5), sleeping) > 5);
        QCOMPARE(pixelsOf(image, l.at("add_fast", 3.5), sleeping), 0);
    }

    // --step K: the cursor's line where step K begins (K counts every step, shutdown tasks too).
    void stepDrawsTheCursorWhereTheStepBegins()
    {
        const QString png = out("slow_fast_step4.png");
        QVERIFY(exportOk(kSlowFast, png, {"--step", "4"}));
        const QImage image(png);
        const Layout l = layoutOf(kSlowFast, defaultSettings(kSlowFast));
        int seen = 0;
        double t = -1;
        for (const TraceEvent& e : l.model->trace().events())
            if (e.kind == EventKind::StepBegan && ++seen == 4) {
                t = e.t;
                break;
            }
        QCOMPARE(t, 3.0); // add_fast wakes first
        const double x = std::round(l.layout.geometry.xFor(t));
        const QColor line = TimelineTheme::light().selection;
        int onLine = 0;
        const QRectF plot = l.layout.plot;
        for (double y = plot.top() + 40; y < plot.bottom() - 4; y += 3)
            onLine += pixelsOf(image, QPointF(x, y), line, 1, 0) > 0;
        QVERIFY2(onLine > 8, qPrintable(QString::number(onLine)));
        // Without --step there is no such line.
        QVERIFY(exportOk(kSlowFast, out("slow_fast_nostep.png")));
        const QImage plain(out("slow_fast_nostep.png"));
        int plainOnLine = 0;
        for (double y = plot.top() + 40; y < plot.bottom() - 4; y += 3)
            plainOnLine += pixelsOf(plain, QPointF(x, y), line, 1, 0) > 0;
        QVERIFY2(plainOnLine < onLine / 2, qPrintable(QString::number(plainOnLine)));
    }

    // --frames: one numbered PNG per step, each with its cursor.
    void framesAreOnePicturePerStep()
    {
        const QString frames = out("frames");
        const Result r = runLoopscope({"export", repo(kSlowFast), "--frames", frames});
        QCOMPARE(r.exitCode, 0);
        const auto model = test::modelOfFile(kSlowFast);
        int steps = 0;
        for (const TraceEvent& e : model->trace().events())
            steps += e.kind == EventKind::StepBegan;
        QCOMPARE(steps, 8); // three tasks twice, and asyncio.run's two shutdown tasks
        const QStringList files = QDir(frames).entryList({"*.png"}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), steps);
        QCOMPARE(files.first(), QStringLiteral("step-001.png"));
        QCOMPARE(files.last(), QStringLiteral("step-008.png"));
        QImage previous;
        for (const QString& file : files) {
            const QImage image(QDir(frames).filePath(file));
            QVERIFY(!image.isNull());
            if (!previous.isNull()) {
                QCOMPARE(image.size(), previous.size());
                QVERIFY2(image != previous, qPrintable(file));
            }
            previous = image;
        }
    }

    // -- Sizes ---------------------------------------------------------------------------------

    void defaultHeightFollowsTheRows()
    {
        const QSize three = layoutOf(kSlowFast, defaultSettings(kSlowFast)).size;
        const QString ten = QStringLiteral("scenarios/articles/ten_random_sleepers.py");
        const QSize eleven = layoutOf(ten, defaultSettings(ten)).size;
        QCOMPARE(three.width(), 1200);
        QCOMPARE(eleven.width(), 1200);
        QVERIFY2(eleven.height() > three.height() + 6 * 25,
                 qPrintable(QStringLiteral("%1 vs %2").arg(eleven.height()).arg(three.height())));
        QVERIFY(exportOk(ten, out("ten.png")));
        QCOMPARE(QImage(out("ten.png")).size(), eleven);
        // Every row gets a readable height: its label never overlaps the next.
        const Layout l = layoutOf(ten, defaultSettings(ten));
        QVERIFY(l.layout.geometry.rowHeight >= TimelineRenderer::minRowHeight(TimelineFigure::font()));
    }

    // At 640 x 360 every row label is whole (no ellipsis) and every row is in the plot.
    void smallFiguresKeepTheirLabelsWhole()
    {
        for (const QString& scenario : {kSlowFast, kQueue, kBlocking}) {
            const QString png = out(QFileInfo(scenario).completeBaseName() + "_640.png");
            QVERIFY(exportOk(scenario, png, {"--width", "640", "--height", "360"}));
            QCOMPARE(QImage(png).size(), QSize(640, 360));
            TimelineExportSettings settings = defaultSettings(scenario);
            settings.width = 640;
            settings.height = 360;
            const Layout l = layoutOf(scenario, settings);
            const QFontMetricsF fm(l.font);
            for (int row : l.rows.rows)
                QVERIFY2(fm.horizontalAdvance(l.model->rowLabel(row)) <= l.layout.labels.width() - 12,
                         qPrintable(l.model->rowLabel(row)));
            const TimelineGeometry& g = l.layout.geometry;
            QVERIFY(g.rowTop(int(l.rows.rows.size()) - 1) + g.rowHeight <= l.layout.plot.bottom() + 0.5);
            QVERIFY(l.layout.legend.bottom() <= 360);
        }
    }

    // -- SVG and PDF ---------------------------------------------------------------------------

    void svgKeepsItsTextAsText_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("slow/fast") << kSlowFast;
        QTest::newRow("queue") << kQueue;
        QTest::newRow("blocking") << kBlocking;
    }

    void svgKeepsItsTextAsText()
    {
        QFETCH(QString, scenario);
        const QString svg = out(QFileInfo(scenario).completeBaseName() + ".svg");
        QVERIFY(exportOk(scenario, svg));
        const QByteArray bytes = readAll(svg);
        QStringList texts;
        QVERIFY2(svgTexts(bytes, texts), "well-formed XML");
        const TimelineExportSettings settings = defaultSettings(scenario);
        const Layout l = layoutOf(scenario, settings);
        QVERIFY(texts.contains(settings.title));
        QVERIFY(texts.contains(QStringLiteral("event loop")));
        for (int row : l.rows.rows)
            QVERIFY2(texts.contains(l.model->rowLabel(row)), qPrintable(l.model->rowLabel(row)));
        QVERIFY(texts.contains(QStringLiteral("virtual time (s)")));
        QVERIFY(texts.contains(QStringLiteral("running")));
        // Hatches are drawn as strokes (Qt's SVG writer would fill them black).
        const QColor hatch = TimelineTheme::light().style(SegmentKind::Ready).patternColor;
        QVERIFY(bytes.contains(QStringLiteral("stroke=\"%1\"").arg(hatch.name()).toUtf8()));
    }

    void pdfIsOnePageWithSelectableText()
    {
        for (const QString& scenario : {kSlowFast, kQueue}) {
            const QString pdf = out(QFileInfo(scenario).completeBaseName() + ".pdf");
            QVERIFY(exportOk(scenario, pdf));
            QVERIFY(readAll(pdf).startsWith("%PDF-1."));
            QVERIFY2(poppler(QStringLiteral("pdfinfo"), {pdf}).contains(QRegularExpression("Pages:\\s+1\\n")),
                     qPrintable(poppler(QStringLiteral("pdfinfo"), {pdf})));
            const QString text = poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
            const TimelineExportSettings settings = defaultSettings(scenario);
            QVERIFY2(text.contains(settings.title), qPrintable(text));
            const Layout l = layoutOf(scenario, settings);
            for (int row : l.rows.rows)
                QVERIFY2(text.contains(l.model->rowLabel(row)),
                         qPrintable(l.model->rowLabel(row) + "\n" + text));
        }
    }

    // -- JSON ----------------------------------------------------------------------------------

    // A queue scenario in Perfetto's format: one named track per task, a slice per state.
    void jsonHasOneNamedTrackPerTask()
    {
        const QString json = out("queue.json");
        QVERIFY(exportOk(kQueue, json));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(readAll(json), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QStringList threads;
        QSet<QString> states;
        for (const QJsonValue& v : doc.object().value("traceEvents").toArray()) {
            const QJsonObject e = v.toObject();
            if (e.value("name") == QLatin1String("thread_name"))
                threads << e.value("args").toObject().value("name").toString();
            if (e.value("ph") == QLatin1String("X"))
                states << e.value("name").toString();
        }
        QCOMPARE(threads, (QStringList{"event loop", "Task-1 main", "Task-2 consumer"}));
        QVERIFY(states.contains("waiting on Queue.get"));
        QVERIFY(states.contains("running"));
        QVERIFY(states.contains("sleeping"));
        QVERIFY(readAll(json).contains("\"process_name\""));
    }

    // -- Failures and errors -------------------------------------------------------------------

    // A scenario that fails still gets its figure, up to the failure; exit status 1.
    void failingScenarioStillExports()
    {
        QTemporaryDir scratch;
        const QString path = scratch.filePath("fails.py");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("import asyncio\n"
                   "async def main():\n"
                   "    await asyncio.sleep(1)\n"
                   "    1 / 0\n"
                   "asyncio.run(main())\n");
        file.close();
        for (const char* name : {"fails.png", "fails.json"}) {
            const Result r = runLoopscope({"export", path, "-o", out(name)});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains("ZeroDivisionError"), qPrintable(r.err));
            QVERIFY2(r.err.contains("the timeline shows the run up to the failure"), qPrintable(r.err));
            QVERIFY(QFileInfo(out(name)).size() > 0);
        }
        const Result deadlock = runLoopscope({"export", repo(kDeadlock), "-o", out("deadlock.svg")});
        QCOMPARE(deadlock.exitCode, 1);
        QVERIFY2(deadlock.err.contains("Deadlock"), qPrintable(deadlock.err));
        QStringList texts;
        QVERIFY(svgTexts(readAll(out("deadlock.svg")), texts));
        QVERIFY(texts.contains("Task-1 · main"));
    }

    // A deadlock's export shows its slot as the window does: each stuck row waiting there, in its
    // state's colour, and the loop's band saying it, in PNG and SVG alike.
    void deadlockExportShowsItsSlot()
    {
        const QString scenario =
            QStringLiteral("tests/scripts/asyncio_deadlock/two_tasks_wait_each_other.py");
        const QString png = out("two_tasks_deadlock.png"), svg = out("two_tasks_deadlock.svg");
        for (const QString& file : {png, svg}) {
            const Result r = runLoopscope({"export", repo(scenario), "-o", file});
            QCOMPARE(r.exitCode, 1); // the run ended in a deadlock; the figure is still written
            QVERIFY(QFileInfo(file).size() > 0);
        }
        const QImage image(png);
        const Layout l = layoutOf(scenario, defaultSettings(scenario));
        QCOMPARE(image.size(), l.size);
        QVERIFY(l.model->hasDeadlockSlot());
        const TimelineTheme theme = TimelineTheme::light();
        const TimelineAxis axis = TimelineExportSettings{}.axis;
        const TimelineGeometry& g = l.layout.geometry;
        const double left = g.xFor(l.model->deadlockSlotStart(axis)),
                     right = g.xFor(l.model->deadlockSlotEnd(axis));
        QVERIFY(right - left >= 100);
        const double probe = left + (right - left) * 0.75;
        const QColor waiting = theme.style(SegmentKind::WaitingSync).fill;
        for (const char* row : {"a", "b"})
            QVERIFY2(pixelsOf(image, QPointF(probe, l.at(QLatin1String(row), 0).y()), waiting, 4, 2) > 0,
                     row);
        QVERIFY(pixelsOf(image, QPointF(probe, l.at("main", 0).y()),
                         theme.style(SegmentKind::AwaitingFuture).fill, 4, 2) > 0);
        QVERIFY(pixelsOf(image, QPointF(probe, g.rowCentre(kPinnedRow)),
                         theme.style(SegmentKind::Deadlocked).fill, 6, 3) > 0);
        QStringList texts;
        QVERIFY(svgTexts(readAll(svg), texts));
        QVERIFY2(texts.filter(QStringLiteral("deadlock:")).size() >= 2,
                 qPrintable(texts.join(u'|'))); // band, legend
        QVERIFY2(!texts.filter(QStringLiteral("— forever")).isEmpty(), qPrintable(texts.join(u'|')));
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown suffix") << QStringList{"-o", "figure.gif"} << "cannot tell the format";
        QTest::newRow("no output") << QStringList{} << "-o OUT";
        QTest::newRow("missing directory") << QStringList{"-o", "/nonexistent/dir/x.png"} << "does not exist";
        QTest::newRow("a directory") << QStringList{"-o", "/tmp"} << "cannot tell the format";
        QTest::newRow("bad width") << QStringList{"-o", "x.png", "--width", "wide"} << "--width";
        QTest::newRow("tiny width") << QStringList{"-o", "x.png", "--width", "50"} << "--width";
        QTest::newRow("bad height") << QStringList{"-o", "x.png", "--height", "-3"} << "--height";
        QTest::newRow("bad scale") << QStringList{"-o", "x.png", "--scale", "0"} << "--scale";
        QTest::newRow("bad axis") << QStringList{"-o", "x.png", "--axis", "sideways"} << "--axis";
        QTest::newRow("bad theme") << QStringList{"-o", "x.png", "--theme", "blue"} << "--theme";
        QTest::newRow("backwards range") << QStringList{"-o", "x.png", "--range", "5:1"} << "--range";
        QTest::newRow("bad range") << QStringList{"-o", "x.png", "--range", "soon"} << "--range";
        QTest::newRow("step zero") << QStringList{"-o", "x.png", "--step", "0"} << "--step";
        QTest::newRow("step past the end")
            << QStringList{"-o", "x.png", "--step", "99"} << "the run has 8 steps";
        QTest::newRow("width of a trace") << QStringList{"-o", "x.json", "--width", "800"} << "--width";
        QTest::newRow("unknown option") << QStringList{"-o", "x.png", "--bogus"} << "bogus";
        QTest::newRow("huge figure") << QStringList{"-o",       "x.png", "--width", "16000",
                                                    "--height", "16000", "--scale", "2"}
                                     << "too big";
    }

    void usageErrorsExitWithTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        // Relative outputs land in the scratch directory, never in the source tree.
        for (QString& a : args)
            if (a.startsWith("x.") || a.startsWith("figure."))
                a = out(a);
        const Result r = runLoopscope(QStringList{"export", repo(kSlowFast)} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out("x.png")) && !QFileInfo::exists(out("figure.gif")));
    }
};

QTEST_MAIN(ExportTest)
#include "tst_export.moc"
