// The main window opens offscreen with all its docks and renders something
// that is not blank.
#include <QDockWidget>
#include <QSet>
#include <QStandardPaths>
#include <QToolBar>
#include <QtTest>

#include "CodeEditor.h"
#include "ConsoleView.h"
#include "MainWindow.h"
#include "ScenarioLibrary.h"
#include "TimelineView.h"

using namespace loopscope;

namespace {

int distinctColors(const QImage& image)
{
    QSet<QRgb> colors;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colors.insert(image.pixel(x, y));
    return int(colors.size());
}

} // namespace

class MainWindowTest : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase()
    {
        // Keep the tests' QSettings away from the user's.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LoopscopeTest"));
    }

    void hasTheDocksOfTheSpec()
    {
        MainWindow window;
        QStringList titles;
        for (QDockWidget* dock : window.findChildren<QDockWidget*>())
            titles << dock->windowTitle();
        for (const char* expected : {"Scenarios", "Code", "Loop inspector", "Console", "Narration"})
            QVERIFY2(titles.contains(QLatin1String(expected)), expected);
        QVERIFY(window.findChild<QToolBar*>(QStringLiteral("TransportToolBar")));
    }

    void loadsTheDefaultScenario()
    {
        MainWindow window;
        QVERIFY(window.loadFile(defaultScenarioPath()));
        const QString text = window.editor()->toPlainText();
        QVERIFY2(text.contains(QLatin1String("async def add_slow(")) &&
                     text.contains(QLatin1String("async def add_fast(")),
                 qPrintable(text));
        QVERIFY(!window.editor()->document()->isModified());
        QVERIFY(window.windowTitle().contains(QFileInfo(defaultScenarioPath()).fileName()));
    }

    // Opening a scenario runs it: the timeline gets a row per task and the console its output.
    void runsTheDefaultScenarioIntoTheTimeline()
    {
        MainWindow window;
        window.openDefaultScenario();
        const TimelineModel& model = window.timeline()->model();
        QCOMPARE(model.endTime(), 5.0);
        auto rowOf = [&](const QString& coroutine) {
            for (int row = 0; row < model.rows().size(); ++row)
                if (model.rows()[row].label.contains(coroutine))
                    return row;
            return -1;
        };
        const int slow = rowOf(QStringLiteral("add_slow")), fast = rowOf(QStringLiteral("add_fast"));
        QVERIFY(slow > 0 && fast > 0);
        // add_fast is done at t=3, add_slow at t=5.
        int finished = 0;
        for (const TimelineMarker& m : model.markers()) {
            if (m.kind == MarkerKind::Done && (m.row == slow || m.row == fast)) {
                QCOMPARE(m.t, m.row == slow ? 5.0 : 3.0);
                ++finished;
            }
        }
        QCOMPARE(finished, 2);
        QVERIFY2(window.console()->toPlainText().contains(QLatin1String("7 10")),
                 qPrintable(window.console()->toPlainText()));
    }

    void rendersAWindowThatIsNotBlank()
    {
        MainWindow window;
        QVERIFY(window.loadFile(defaultScenarioPath()));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(100);

        const QImage shot = window.grab().toImage();
        QVERIFY(shot.width() >= 800 && shot.height() >= 600);
        const int colors = distinctColors(shot);
        QVERIFY2(colors > 50, qPrintable(QString::number(colors)));

        // The timeline area has axes, labels and a grid: never one flat color.
        const QImage timeline = window.timeline()->grab().toImage();
        QVERIFY(timeline.width() > 300 && timeline.height() > 200);
        const int timelineColors = distinctColors(timeline);
        QVERIFY2(timelineColors > 5, qPrintable(QString::number(timelineColors)));
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
