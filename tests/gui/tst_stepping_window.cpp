// Stepping through a run in the window, driven by keys and clicks on the offscreen platform:
// the slow/fast additions at known stops (the inspector's rows, the code view's lines, the
// narration, the console, the timeline's cursor), clicks on a console line, a timeline bar, the
// code's gutter and the slider, play, `--step K`; and over every built-in scenario, every stop
// shows exactly the same going back as it did going forward.
#include <QComboBox>
#include <QDirIterator>
#include <QDockWidget>
#include <QLabel>
#include <QSlider>
#include <QStandardPaths>
#include <QTextBlock>
#include <QtTest>

#include "CodeEditor.h"
#include "ConsoleView.h"
#include "LoopInspector.h"
#include "MainWindow.h"
#include "PythonHighlighter.h"
#include "ScenarioLibrary.h"
#include "StepController.h"
#include "TaskStacks.h"
#include "TimelineView.h"
#include "timeline_test_support.h"

using namespace loopscope;
using loopscope::test::rowNamed;

namespace {

QString narration(const MainWindow& window)
{
    return window.narrationText();
}

QStringList rows(const QTreeWidgetItem* section)
{
    return LoopInspector::rowTexts(section);
}

// Everything the panels show at the cursor, in one string.
QString panels(MainWindow& window)
{
    LoopInspector* inspector = window.inspector();
    QStringList parked;
    for (int line : window.editor()->parkedLines())
        parked << QString::number(line);
    const auto& cursor = window.timeline()->stepCursor();
    return QStringList{narration(window),
                       rows(inspector->readyQueueSection()).join(u';'),
                       rows(inspector->timersSection()).join(u';'),
                       rows(inspector->tasksSection()).join(u';'),
                       rows(inspector->whyNotSection()).join(u';'),
                       QString::number(window.editor()->currentLine()),
                       parked.join(u','),
                       QString::number(window.console()->firstFutureLine()),
                       cursor ? QString::number(cursor->event.value) + cursor->label : QString(),
                       QString::number(window.slider()->value())}
        .join(u'\n');
}

void press(MainWindow& window, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(&window, key, modifiers);
}

} // namespace

class SteppingWindowTest : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LoopscopeTest"));
    }

    void stepsThroughTheSlowFastAdditionsWithKeys()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openDefaultScenario();
        QVERIFY(window.waitForRun());
        StepController* stepper = window.stepper();
        QVERIFY(stepper->hasRun());
        // After the run the cursor is at its end, the transport is live.
        QCOMPARE(stepper->position(), stepper->cursor().lastPosition());
        QVERIFY(window.transportAction(QStringLiteral("stepBack"))->isEnabled());
        QVERIFY(narration(window).contains(QLatin1String("ran to the end")));
        QVERIFY(window.slider()->isEnabled());

        // Alt+Home: the start. The program's first line.
        press(window, Qt::Key_Home, Qt::AltModifier);
        QCOMPARE(stepper->position(), 0);
        QCOMPARE(narration(window), QStringLiteral("t=0.0 · The program runs line 3: import asyncio."));
        QCOMPARE(window.editor()->currentLine(), 3);
        QCOMPARE(rows(window.inspector()->tasksSection()), QStringList{QStringLiteral("(no tasks yet)")});
        QCOMPARE(window.console()->firstFutureLine(), 0);

        // F10 twice: step 1 (Task-1), step 2 (Task-2's first step).
        press(window, Qt::Key_F10);
        press(window, Qt::Key_F10);
        QCOMPARE(stepper->cursor().stepNumberAt(stepper->position()), 2);
        QCOMPARE(
            narration(window),
            QStringLiteral("t=0.0 · Task-2 add_slow runs to line 15 and awaits asyncio.sleep(5): it sleeps "
                           "until t=5.0. On the way it prints “starting slow add”. Next the loop runs Task-3 "
                           "add_fast, ready since t=0.0."));
        QCOMPARE(rows(window.inspector()->readyQueueSection()),
                 QStringList{QStringLiteral("1. Task-3 add_fast | first step, since t=0.0")});
        QCOMPARE(rows(window.inspector()->timersSection()), QStringList{QStringLiteral("(none)")});
        QCOMPARE(rows(window.inspector()->tasksSection()),
                 (QStringList{QStringLiteral("Task-1 get_results | awaits Task-2 add_slow, line 24"),
                              QStringLiteral("Task-2 add_slow | running, line 13"),
                              QStringLiteral("Task-3 add_fast | ready to start, next in the queue")}));
        QCOMPARE(window.editor()->currentLine(), 13);
        QCOMPARE(window.editor()->parkedLines(), QList<int>{24});
        QVERIFY(window.timeline()->stepCursor());
        QVERIFY(window.timeline()->stepCursor()->label.startsWith(
            QStringLiteral("step 2 of 8 · Task-2 add_slow")));
        const QString atStep2 = panels(window);

        // F10: step 3. Task-2 sleeps behind its timer; its print is in the console now.
        press(window, Qt::Key_F10);
        QCOMPARE(rows(window.inspector()->readyQueueSection()), QStringList{QStringLiteral("(empty)")});
        QCOMPARE(rows(window.inspector()->timersSection()),
                 QStringList{QStringLiteral("t=5.0 | wakes Task-2 add_slow")});
        QCOMPARE(window.editor()->currentLine(), 6);
        QCOMPARE(window.editor()->parkedLines(), (QList<int>{15, 24}));
        QCOMPARE(window.console()->firstFutureLine(), 1);

        // Asking about Task-2: click its row in the inspector.
        LoopInspector* inspector = window.inspector();
        QTreeWidgetItem* task2 = inspector->tasksSection()->child(1);
        inspector->scrollToItem(task2);
        QTest::mouseClick(inspector->viewport(), Qt::LeftButton, {},
                          inspector->visualItemRect(task2).center());
        QCOMPARE(inspector->selectedTask(), 2u);
        QCOMPARE(rows(inspector->whyNotSection()),
                 QStringList{QStringLiteral(
                     "Task-2 add_slow is sleeping until t=5.0 (line 15): its timer will wake it.")});

        // F11: by statement, into Task-3's code: line 7 prints, marked in the console as it is written.
        press(window, Qt::Key_F11);
        QCOMPARE(window.editor()->currentLine(), 7);
        QVERIFY2(narration(window).startsWith(
                     QStringLiteral("t=0.0 · Task-3 add_fast runs line 7: print(\"starting "
                                    "fast add\") — it prints “starting fast add”.")),
                 qPrintable(narration(window)));
        QCOMPARE(window.console()->firstFutureLine(), 2);

        // F8: the clock jumps to 3; the timers are both there, by deadline.
        press(window, Qt::Key_F8);
        QVERIFY(narration(window).startsWith(QStringLiteral("t=0.0 → 3.0 · Nothing is ready")));
        QCOMPARE(rows(window.inspector()->timersSection()),
                 (QStringList{QStringLiteral("t=3.0 | wakes Task-3 add_fast"),
                              QStringLiteral("t=5.0 | wakes Task-2 add_slow")}));
        QCOMPARE(rows(inspector->whyNotSection()),
                 QStringList{QStringLiteral(
                     "Task-2 add_slow is sleeping until t=5.0 (line 15): its timer will wake it.")});

        // Back to step 2 (Shift+F10 twice from the jump: step 3, then step 2): exactly as before.
        press(window, Qt::Key_F10, Qt::ShiftModifier);
        press(window, Qt::Key_F10, Qt::ShiftModifier);
        QCOMPARE(stepper->cursor().stepNumberAt(stepper->position()), 2);
        // The why-not row depends on the selected task, the rest must match.
        QStringList now = panels(window).split(u'\n'), before = atStep2.split(u'\n');
        now.removeAt(4);
        before.removeAt(4);
        QCOMPARE(now, before);

        // F7: passes. From step 2 the next pass starts at the clock jump.
        press(window, Qt::Key_F7);
        QVERIFY(narration(window).contains(QLatin1String("the clock jumps from t=0.0 to t=3.0")));
        press(window, Qt::Key_F7, Qt::ShiftModifier);
        QCOMPARE(stepper->cursor().stepNumberAt(stepper->position()), 2);

        // Alt+End: the end, the whole console shown.
        press(window, Qt::Key_End, Qt::AltModifier);
        QCOMPARE(stepper->position(), stepper->cursor().lastPosition());
        QCOMPARE(window.console()->firstFutureLine(), window.console()->lineCount());
        QVERIFY(!window.timeline()->stepCursor());
    }

    // The code editor keeps its keys: arrows, Home/End and Space edit, they do not step.
    void editorKeysDoNotStep()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openDefaultScenario();
        QVERIFY(window.waitForRun());
        window.stepper()->reset();
        window.editor()->setFocus();
        QVERIFY(QTest::qWaitForWindowActive(&window) || true);
        for (Qt::Key key : {Qt::Key_Right, Qt::Key_Left, Qt::Key_End, Qt::Key_Home, Qt::Key_Down})
            QTest::keyClick(window.editor(), key);
        QTest::keyClick(window.editor(), Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(window.stepper()->position(), 0);
        QCOMPARE(window.editor()->textCursor().blockNumber(), 1);
    }

    void clicksMoveTheCursor()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openDefaultScenario();
        QVERIFY(window.waitForRun());
        StepController* stepper = window.stepper();

        // A console line: the statement that printed it.
        ConsoleView* console = window.console();
        const QTextBlock third = console->document()->findBlockByNumber(2); // "result ready for fast add"
        const QRect rect = console->cursorRect(QTextCursor(third));
        QTest::mouseClick(console->viewport(), Qt::LeftButton, {}, rect.center() + QPoint(40, 0));
        QVERIFY2(narration(window).startsWith(QStringLiteral("t=3.0 · Task-3 add_fast runs line 9")),
                 qPrintable(narration(window)));
        QCOMPARE(window.editor()->currentLine(), 9);
        QCOMPARE(console->firstFutureLine(), 3);

        // A timeline bar: add_fast sleeping, at t=1.5: the await that put it to sleep.
        TimelineView* timeline = window.timeline();
        timeline->plot()->replot(QCustomPlot::rpImmediateRefresh);
        const TimelineGeometry& g = timeline->lastLayout().geometry;
        const int fast =
            timeline->rows().displayRowOf(rowNamed(timeline->model(), QStringLiteral("add_fast")));
        QTest::mouseClick(timeline->plot(), Qt::LeftButton, {},
                          QPoint(int(g.xFor(1.5)), int(g.rowCentre(fast))));
        QCOMPARE(window.editor()->currentLine(), 8);
        QVERIFY2(narration(window).contains(QLatin1String("add_fast sleeping")),
                 qPrintable(narration(window)));
        QVERIFY2(narration(window).contains(QStringLiteral("t=0.0 · Task-3 add_fast runs line 8")),
                 qPrintable(narration(window)));

        // The gutter: a breakpoint on line 16, then F6 runs to it and Shift+F6 back to none.
        CodeEditor* editor = window.editor();
        const QTextBlock line16 = editor->document()->findBlockByNumber(15);
        editor->setExecutionLines(16, {}); // scroll it into view
        const int y = editor->cursorRect(QTextCursor(line16)).center().y();
        QWidget* gutter = nullptr;
        for (QWidget* child : editor->findChildren<QWidget*>())
            if (child->parent() == editor && child->x() == editor->contentsRect().left() &&
                child->width() < 80 && child != editor->viewport())
                gutter = child;
        QVERIFY(gutter);
        QTest::mouseClick(gutter, Qt::LeftButton, {}, QPoint(6, y));
        QCOMPARE(editor->breakpoints(), QSet<int>{16});
        stepper->reset();
        QTest::keyClick(&window, Qt::Key_F6);
        QCOMPARE(editor->currentLine(), 16);
        QVERIFY(narration(window).startsWith(QStringLiteral("t=5.0 · Task-2 add_slow runs line 16")));
        const int hit = stepper->position();
        QTest::keyClick(&window, Qt::Key_F6);
        QCOMPARE(stepper->position(), hit); // no later hit
        QTest::keyClick(&window, Qt::Key_F6, Qt::ShiftModifier);
        QCOMPARE(stepper->position(), hit); // none before

        // The slider: anywhere in the run.
        window.slider()->setValue(5);
        QCOMPARE(stepper->position(), 5);
        window.slider()->triggerAction(QAbstractSlider::SliderToMinimum);
        QCOMPARE(stepper->position(), 0);
    }

    void playsAtTheChosenSpeed()
    {
        MainWindow window;
        window.show();
        window.openDefaultScenario();
        QVERIFY(window.waitForRun());
        auto* speed = window.findChild<QComboBox*>(QStringLiteral("SpeedBox"));
        QVERIFY(speed);
        speed->setCurrentIndex(speed->count() - 1); // the fastest
        QCOMPARE(window.stepper()->speed(), 30.0);
        QTest::keyClick(&window, Qt::Key_Space, Qt::ControlModifier); // from the end: from the start
        QVERIFY(window.stepper()->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(window.stepper()->cursor().stepNumberAt(window.stepper()->position()) >= 3,
                                 5000);
        QTest::keyClick(&window, Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(!window.stepper()->isPlaying());
        const int paused = window.stepper()->position();
        QTest::qWait(200);
        QCOMPARE(window.stepper()->position(), paused);
        window.transportAction(QStringLiteral("play"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!window.stepper()->isPlaying(), 10000); // stops at the end
        QCOMPARE(window.stepper()->position(), window.stepper()->cursor().lastPosition());
    }

    void opensAtAStep()
    {
        MainWindow window;
        window.setStartStep(3);
        window.openDefaultScenario();
        QVERIFY(window.waitForRun());
        QCOMPARE(window.stepper()->position(), window.stepper()->cursor().positionOfStep(3));
        QVERIFY(narration(window).startsWith(QStringLiteral("t=0.0 · Task-3 add_fast runs to line 8")));
    }

    // Under each task, its frames and their locals; containers expand into their items.
    void showsStacksAndLocals()
    {
        LoopInspector inspector;
        inspector.showMoment(
            {}, 0, {}, 0, {LoopInspector::Row{QStringLiteral("Task-1 main"), QStringLiteral("sleeping"), 1}},
            0);
        LoopInspector::Value xs{QStringLiteral("xs"), QStringLiteral("[1, [2, 3]]"), {}, 0};
        xs.items.push_back({QStringLiteral("0"), QStringLiteral("1"), {}, 0});
        LoopInspector::Value inner{QStringLiteral("1"), QStringLiteral("[2, 3]"), {}, 5};
        inner.items.push_back({QStringLiteral("0"), QStringLiteral("2"), {}, 0});
        xs.items.push_back(inner);
        LoopInspector::Frame frame{QStringLiteral("main"), 12, {}};
        frame.locals.push_back(xs);
        inspector.showStacks({{1u, {frame}}}, {});
        QTreeWidgetItem* task = inspector.tasksSection()->child(0);
        QCOMPARE(task->childCount(), 1);
        QCOMPARE(task->child(0)->text(0), QStringLiteral("main()"));
        QCOMPARE(task->child(0)->text(1), QStringLiteral("line 12"));
        QTreeWidgetItem* local = task->child(0)->child(0);
        QCOMPARE(local->text(0), QStringLiteral("xs"));
        QCOMPARE(local->text(1), QStringLiteral("[1, [2, 3]]"));
        QCOMPARE(local->childCount(), 2);
        QCOMPARE(local->child(1)->childCount(), 2); // "2" and "… and 5 more"
        QCOMPARE(local->child(1)->child(1)->text(0), QStringLiteral("… and 5 more"));
        // A new stop without stacks yet: none shown, the note says why.
        inspector.showStacks({}, QStringLiteral("being read"));
        QCOMPARE(task->childCount(), 0);
    }

    // The window asks for the stacks at the cursor off its thread and shows them when they come.
    void readsStacksAtTheCursor()
    {
        MainWindow window;
        window.setStartStep(3);
        window.openDefaultScenario();
        QVERIFY(window.waitForRun());
        QSignalSpy ready(window.stacks(), &TaskStacksWorker::ready);
        QVERIFY(ready.wait(10000));
        const auto stacks = window.stacks()->latest();
        QVERIFY(stacks);
        QCOMPARE(stacks->event, window.stepper()->cursor().event());
        // Task-2 add_slow sleeps at line 15 with its arguments.
        QVERIFY2(stacks->unavailable.empty(), stacks->unavailable.c_str());
        const auto& frames = stacks->stacks.at(2);
        QCOMPARE(frames.size(), size_t(1));
        QCOMPARE(frames[0].function, std::string("add_slow"));
        QCOMPARE(frames[0].line, 15u);
        QCOMPARE(frames[0].locals.size(), size_t(2));
        QCOMPARE(frames[0].locals[0].name + "=" + frames[0].locals[0].repr, std::string("x=3"));
        QCOMPARE(frames[0].locals[1].name + "=" + frames[0].locals[1].repr, std::string("y=4"));
        QTreeWidgetItem* task2 = window.inspector()->tasksSection()->child(1);
        QCOMPARE(task2->childCount(), 1);
        QCOMPARE(task2->child(0)->text(0), QStringLiteral("add_slow()"));
    }

    void highlightsPython()
    {
        MainWindow window;
        window.openDefaultScenario();
        QVERIFY(window.waitForRun());
        const QTextBlock line6 =
            window.editor()->document()->findBlockByNumber(5); // async def add_fast(x, y):
        const QList<QTextLayout::FormatRange> formats = line6.layout()->formats();
        PythonHighlighter* highlighter = window.editor()->highlighter();
        auto colourAt = [&](int column) {
            for (const QTextLayout::FormatRange& r : formats)
                if (column >= r.start && column < r.start + r.length)
                    return r.format.foreground().color();
            return QColor();
        };
        QCOMPARE(colourAt(0), highlighter->format(PythonHighlighter::Kind::Keyword).foreground().color());
        QCOMPARE(colourAt(10), highlighter->format(PythonHighlighter::Kind::Definition).foreground().color());
        const QTextBlock line8 = window.editor()->document()->findBlockByNumber(7);
        bool comment = false;
        for (const QTextLayout::FormatRange& r : line8.layout()->formats())
            comment |= r.format.foreground().color() ==
                       highlighter->format(PythonHighlighter::Kind::Comment).foreground().color();
        QVERIFY(comment);
    }

    // Every built-in scenario: each stop, visited forwards by statement, shows the same panels
    // when visited again backwards.
    void backwardsShowsWhatForwardsShowed()
    {
        MainWindow window;
        window.show();
        QDirIterator it(QStringLiteral(LOOPSCOPE_SOURCE_DIR "/scenarios"), {QStringLiteral("*.py")},
                        QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            QVERIFY(window.loadFile(path));
            window.runCurrentSource();
            QVERIFY(window.waitForRun());
            StepController* stepper = window.stepper();
            if (!stepper->hasRun())
                continue;
            // Ask about the first task all along, so the why-not answer is compared too.
            window.inspector()->selectTask(1);
            QAction* forward = window.transportAction(QStringLiteral("statementForward"));
            QAction* back = window.transportAction(QStringLiteral("statementBack"));
            stepper->reset();
            QStringList seen;
            seen << panels(window);
            while (stepper->position() < stepper->cursor().lastPosition()) {
                forward->trigger();
                seen << panels(window);
            }
            for (int p = stepper->position(); p > 0; --p) {
                back->trigger();
                QCOMPARE(stepper->position(), p - 1);
                QCOMPARE(panels(window), seen[p - 1]);
            }
            ++files;
        }
        QVERIFY(files >= 40);
    }
};

QTEST_MAIN(SteppingWindowTest)
#include "tst_stepping_window.moc"
