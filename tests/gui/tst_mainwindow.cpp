// The main window opens offscreen with all its docks, runs scenarios off the GUI thread (with
// progress and Cancel, a newer run discarding a stale one), opens a scenario with one click in
// the browser, marks a clicked bar's lines in the code, and switches themes.
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTreeWidget>
#include <QtTest>

#include "CodeEditor.h"
#include "ConsoleView.h"
#include "MainWindow.h"
#include "ScenarioLibrary.h"
#include "ScenarioRunner.h"
#include "TimelineView.h"
#include "timeline_test_support.h"

using namespace loopscope;
using loopscope::test::distinctColors;
using loopscope::test::rowNamed;

namespace {

QString narration(const MainWindow& window)
{
    for (QDockWidget* dock : window.findChildren<QDockWidget*>())
        if (dock->windowTitle() == QLatin1String("Narration"))
            return static_cast<QLabel*>(dock->widget())->text();
    return {};
}

// Runs [act], answering the unsaved-edits question it must ask with [button]; returns what
// [act] returned ("true"/"false"), or "not asked" when no question came.
QString answerNextQuestion(QMessageBox::StandardButton button, const std::function<bool()>& act)
{
    bool asked = false;
    // Polls until the question is up (a loaded machine may take a while to show it).
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&asked, &poll, button] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            poll.stop();
            asked = box->text().contains(QLatin1String("Save your edits"));
            box->button(button)->click();
        }
    });
    poll.start(20);
    const bool result = act();
    poll.stop();
    if (!asked)
        return QStringLiteral("not asked");
    return result ? QStringLiteral("true") : QStringLiteral("false");
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

    // Opening a scenario runs it off the GUI thread: the timeline gets a row per task and the
    // console its output.
    void runsTheDefaultScenarioIntoTheTimeline()
    {
        MainWindow window;
        window.openDefaultScenario();
        QVERIFY(window.isRunning() || window.timeline()->model().rowCount() > 0);
        QVERIFY(window.waitForRun());
        const TimelineModel& model = window.timeline()->model();
        QCOMPARE(model.endTime(), 5.0);
        const int slow = rowNamed(model, QStringLiteral("add_slow")),
                  fast = rowNamed(model, QStringLiteral("add_fast"));
        QVERIFY(slow > 0 && fast > 0);
        QCOMPARE(model.row(slow).end, 5.0);
        QCOMPARE(model.row(fast).end, 3.0);
        QVERIFY2(window.console()->toPlainText().contains(QLatin1String("7 10")),
                 qPrintable(window.console()->toPlainText()));
        QVERIFY(narration(window).contains(QLatin1String("ran to the end")));
    }

    // Cancel stops even an endless loop within 100 ms, and the window says so; the GUI
    // thread keeps processing events meanwhile.
    void cancelStopsARunQuickly()
    {
        MainWindow window;
        window.editor()->setPlainText(QStringLiteral("while True:\n    pass\n"));
        window.runCurrentSource();
        QElapsedTimer clock;
        clock.start();
        int ticks = 0;
        while (clock.elapsed() < 150) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            ++ticks;
        }
        QVERIFY(window.isRunning());
        QVERIFY2(ticks > 5, "the GUI thread kept processing events");
        clock.restart();
        window.cancelRun();
        QVERIFY(window.waitForRun(2000));
        QVERIFY2(clock.elapsed() < 100, qPrintable(QString::number(clock.elapsed()) + " ms"));
        QVERIFY2(narration(window).contains(QLatin1String("cancelled")), qPrintable(narration(window)));
    }

    // A deadlock found at one instant and ended by a Ctrl+C whose finally blocks sleep on: the
    // narration says when each happened, not just when the run ended.
    void theNarrationSaysWhenTheDeadlockHappened()
    {
        MainWindow window;
        window.editor()->setPlainText(QStringLiteral("import asyncio\n"
                                                     "async def main():\n"
                                                     "    try:\n"
                                                     "        await asyncio.Event().wait()\n"
                                                     "    finally:\n"
                                                     "        await asyncio.sleep(2)\n"
                                                     "asyncio.run(main())\n"));
        window.runCurrentSource();
        QVERIFY(window.waitForRun());
        const QString text = narration(window);
        QVERIFY2(text.startsWith(QLatin1String("The run deadlocked at t=0.0 s: no task can make progress")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("the run ended at t=2.0 s")), qPrintable(text));

        // Found and ended at one instant: one time, as any other error.
        window.editor()->setPlainText(QStringLiteral("import asyncio\n"
                                                     "async def main():\n"
                                                     "    await asyncio.sleep(1)\n"
                                                     "    await asyncio.Event().wait()\n"
                                                     "asyncio.run(main())\n"));
        window.runCurrentSource();
        QVERIFY(window.waitForRun());
        QVERIFY2(narration(window).startsWith(QLatin1String("The run ended with Deadlock at t=1.0 s")),
                 qPrintable(narration(window)));
    }

    // A run whose clock never moves opens on the passes axis (on the time axis it is one point),
    // and says why; a run that takes time goes back to the time axis; once the learner picks an
    // axis, runs keep it.
    void aRunAtTimeZeroOpensOnThePassesAxis()
    {
        const QString instant = QStringLiteral("import asyncio\n"
                                               "async def talker(name):\n"
                                               "    for i in range(3):\n"
                                               "        await asyncio.sleep(0)\n"
                                               "async def main():\n"
                                               "    await asyncio.gather(talker('a'), talker('b'))\n"
                                               "asyncio.run(main())\n");
        const QString timed = QStringLiteral("import asyncio\nasyncio.run(asyncio.sleep(1))\n");
        MainWindow window;
        QCOMPARE(window.timeline()->axis(), TimelineAxis::Time);
        window.editor()->setPlainText(instant);
        window.runCurrentSource();
        QVERIFY(window.waitForRun());
        QCOMPARE(window.timeline()->model().endTime(), 0.0);
        QCOMPARE(window.timeline()->axis(), TimelineAxis::Passes);
        QVERIFY2(narration(window).contains(QLatin1String("Everything happened at t=0 s")),
                 qPrintable(narration(window)));

        window.editor()->setPlainText(timed);
        window.runCurrentSource();
        QVERIFY(window.waitForRun());
        QCOMPARE(window.timeline()->axis(), TimelineAxis::Time);
        QVERIFY(!narration(window).contains(QLatin1String("Everything happened")));

        window.chooseAxis(TimelineAxis::Time); // as --axis time does
        window.editor()->setPlainText(instant);
        window.runCurrentSource();
        QVERIFY(window.waitForRun());
        QCOMPARE(window.timeline()->axis(), TimelineAxis::Time);

        MainWindow switched; // the learner switches the box between runs: the choice sticks
        switched.editor()->setPlainText(instant);
        switched.runCurrentSource();
        QVERIFY(switched.waitForRun());
        switched.timeline()->setAxis(TimelineAxis::Time);
        switched.editor()->setPlainText(instant);
        switched.runCurrentSource();
        QVERIFY(switched.waitForRun());
        QCOMPARE(switched.timeline()->axis(), TimelineAxis::Time);
    }

    // A new run discards a stale one: only the latest result reaches the window.
    void aNewRunDiscardsAStaleOne()
    {
        MainWindow window;
        QSignalSpy finished(window.runner(), &ScenarioRunner::finished);
        window.editor()->setPlainText(QStringLiteral("while True:\n    pass\n"));
        window.runCurrentSource();
        QTest::qWait(30);
        QVERIFY(window.loadFile(defaultScenarioPath()));
        window.runCurrentSource();
        QVERIFY(window.waitForRun());
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(window.timeline()->model().endTime(), 5.0);
        QVERIFY(window.console()->toPlainText().contains(QLatin1String("7 10")));
    }

    // One click on a scenario in the browser opens it; with unsaved edits it asks first.
    void oneClickOpensAScenario()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* browser = window.findChild<QTreeWidget*>();
        QTreeWidgetItem* target = nullptr;
        for (QTreeWidgetItemIterator it(browser); *it; ++it)
            if ((*it)->data(0, Qt::UserRole).toString().endsWith(QLatin1String("blocking_sleep.py")))
                target = *it;
        QVERIFY(target);
        browser->scrollToItem(target);
        const QRect rect = browser->visualItemRect(target);
        QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, rect.center());
        QVERIFY(window.editor()->toPlainText().contains(QLatin1String("time.sleep(2)")));
        QVERIFY(window.waitForRun());
        QVERIFY(window.timeline()->model().stalls().size() == 1);

        // Unsaved edits: the window asks; "Cancel" keeps the edits.
        window.editor()->appendPlainText(QStringLiteral("# my edit"));
        QTreeWidgetItem* other = browser->topLevelItem(0)->child(0);
        browser->scrollToItem(other);
        bool asked = false;
        QTimer::singleShot(100, this, [&asked] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                asked = true;
                box->button(QMessageBox::Cancel)->click();
            }
        });
        QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, browser->visualItemRect(other).center());
        QVERIFY(asked);
        QVERIFY(window.editor()->toPlainText().contains(QLatin1String("# my edit")));
    }

    // Closing over unsaved edits asks first: Cancel keeps the window and the edits, Save writes
    // them, Discard closes without writing.
    void closingAsksAboutUnsavedEdits()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.py"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("print('hi')\n");
        file.close();

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.loadFile(path));
        QVERIFY(window.close()); // nothing unsaved: no question
        window.show();
        window.editor()->appendPlainText(QStringLiteral("# my edit"));

        QCOMPARE(answerNextQuestion(QMessageBox::Cancel, [&window] { return window.close(); }),
                 QString("false"));
        QVERIFY(window.isVisible());
        QVERIFY(window.editor()->toPlainText().contains(QLatin1String("# my edit")));

        QCOMPARE(answerNextQuestion(QMessageBox::Save, [&window] { return window.close(); }),
                 QString("true"));
        QVERIFY(!window.isVisible());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("# my edit"));
        file.close();

        window.show();
        window.editor()->appendPlainText(QStringLiteral("# thrown away"));
        QCOMPARE(answerNextQuestion(QMessageBox::Discard, [&window] { return window.close(); }),
                 QString("true"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("# thrown away"));
    }

    // Opening another file over unsaved edits (File > Open Recent here; the browser above) asks
    // first: Cancel keeps the edits, Discard opens the file.
    void openingAsksAboutUnsavedEdits()
    {
        QTemporaryDir dir;
        const QString first = dir.filePath(QStringLiteral("first.py")),
                      second = dir.filePath(QStringLiteral("second.py"));
        for (const QString& path : {first, second}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral("# %1\n").arg(QFileInfo(path).fileName()).toUtf8());
        }
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.loadFile(first));
        QVERIFY(window.loadFile(second)); // first.py is now the second entry of Open Recent
        QVERIFY(window.loadFile(first));
        window.editor()->appendPlainText(QStringLiteral("# my edit"));
        QAction* openSecond = nullptr;
        for (QAction* action : window.findChildren<QAction*>())
            if (action->toolTip() == QFileInfo(second).absoluteFilePath()) // not an older test's second.py
                openSecond = action;
        QVERIFY(openSecond);

        QCOMPARE(answerNextQuestion(QMessageBox::Cancel,
                                    [openSecond] {
                                        openSecond->trigger();
                                        return true;
                                    }),
                 QString("true"));
        QVERIFY(window.editor()->toPlainText().contains(QLatin1String("# my edit")));
        QVERIFY(window.windowTitle().startsWith(QLatin1String("first.py*")));

        QCOMPARE(answerNextQuestion(QMessageBox::Discard,
                                    [openSecond] {
                                        openSecond->trigger();
                                        return true;
                                    }),
                 QString("true"));
        QVERIFY(window.editor()->toPlainText().contains(QLatin1String("# second.py")));
        QVERIFY(!window.editor()->toPlainText().contains(QLatin1String("# my edit")));
        QVERIFY(window.waitForRun());
    }

    void clickingABarMarksItsLines()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openDefaultScenario();
        QVERIFY(window.waitForRun());
        TimelineView* timeline = window.timeline();
        timeline->plot()->replot(QCustomPlot::rpImmediateRefresh);
        const TimelineGeometry& g = timeline->lastLayout().geometry;
        const int fast =
            timeline->rows().displayRowOf(rowNamed(timeline->model(), QStringLiteral("add_fast")));
        const QPoint bar(int(g.xFor(1.5)), int(g.rowCentre(fast)));
        QTest::mouseClick(timeline->plot(), Qt::LeftButton, {}, bar);
        QCOMPARE(window.editor()->markedLines(), QList<int>{8});
        QVERIFY(narration(window).contains(QLatin1String("add_fast sleeping")));
    }

    void themesSwitch()
    {
        MainWindow window;
        window.setTheme(QStringLiteral("dark"));
        QVERIFY(window.timeline()->theme().isDark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
        window.setTheme(QStringLiteral("light"));
        QVERIFY(!window.timeline()->theme().isDark);
    }

    void rendersAWindowThatIsNotBlank()
    {
        MainWindow window;
        window.openDefaultScenario();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.waitForRun());
        QTest::qWait(100);

        const QImage shot = window.grab().toImage();
        QVERIFY(shot.width() >= 800 && shot.height() >= 600);
        const int colors = distinctColors(shot);
        QVERIFY2(colors > 50, qPrintable(QString::number(colors)));

        // The timeline area has axes, labels and bars: never one flat color.
        const QImage timeline = window.timeline()->grab().toImage();
        QVERIFY(timeline.width() > 300 && timeline.height() > 200);
        const int timelineColors = distinctColors(timeline);
        QVERIFY2(timelineColors > 5, qPrintable(QString::number(timelineColors)));
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
