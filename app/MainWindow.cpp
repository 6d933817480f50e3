#include "MainWindow.h"

#include <utility>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSignalBlocker>
#include <QSlider>
#include <QStatusBar>
#include <QStyleFactory>
#include <QThreadPool>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>

#include "Autosave.h"
#include "BudgetsDialog.h"
#include "CodeEditor.h"
#include "ConsoleView.h"
#include "CursorPanels.h"
#include "ExportDialog.h"
#include "LoopInspector.h"
#include "Resources.h"
#include "ScenarioLibrary.h"
#include "ScenarioRunner.h"
#include "SourceFile.h"
#include "StepController.h"
#include "TaskStacks.h"
#include "TimelineDescriptions.h"
#include "TimelineModel.h"
#include "TimelineTheme.h"
#include "TimelineView.h"
#include "WhyNotRunning.h"
#include "engine.h"

namespace loopscope {

namespace {

constexpr int kMaxRecentFiles = 8;
const QString kRecentKey = QStringLiteral("recentFiles");
const QString kThemeKey = QStringLiteral("view/theme");

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

// A dark palette for the Fusion style, for desktops that do not give one.
QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe8, 0xea, 0xed);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa2));
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xc4));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x70, 0x72, 0x76));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x70, 0x72, 0x76));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x70, 0x72, 0x76));
    return p;
}

QString megaCount(quint64 n)
{
    if (n >= 1'000'000)
        return QString::number(n / 1e6, 'f', 1) + QStringLiteral(" M");
    if (n >= 10'000)
        return QString::number(n / 1e3, 'f', 0) + QStringLiteral(" k");
    return QString::number(n);
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), timeline_(new TimelineView(this)), runner_(new ScenarioRunner(this)),
      desktopPalette_(QApplication::palette()), stepper_(new StepController(this)),
      stacks_(new TaskStacksWorker(this)), autoAxis_(TimelineAxis::Time), budgets_(savedBudgets())
{
    initResources();
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/loopscope.svg")));
    setCentralWidget(timeline_);
    setAcceptDrops(true);
    createDocks();
    createActions();
    fillScenarioBrowser();
    autosave_ = new Autosave(
        editor_->document(), [this] { return currentPath_; }, this);
    resize(1400, 900);

    // The run's progress, in the status bar while it lasts.
    progressBar_ = new QProgressBar(this);
    progressBar_->setRange(0, 0);
    progressBar_->setMaximumWidth(160);
    progressLabel_ = new QLabel(this);
    cancelButton_ = new QPushButton(tr("Cancel"), this);
    cancelButton_->setToolTip(tr("Stop the run (Esc)"));
    connect(cancelButton_, &QPushButton::clicked, this, &MainWindow::cancelRun);
    statusBar()->addPermanentWidget(progressLabel_);
    statusBar()->addPermanentWidget(progressBar_);
    statusBar()->addPermanentWidget(cancelButton_);
    for (QWidget* w : {static_cast<QWidget*>(progressBar_), static_cast<QWidget*>(progressLabel_),
                       static_cast<QWidget*>(cancelButton_)})
        w->hide();
    connect(runner_, &ScenarioRunner::progress, this, &MainWindow::showProgress);
    connect(runner_, &ScenarioRunner::finished, this,
            [this](std::shared_ptr<RunOutcome> outcome) { showRunOutcome(*outcome); });

    // Clicking a timeline item marks its lines in the code, says what it is and moves the
    // cursor to it.
    connect(timeline_, &TimelineView::itemSelected, this,
            [this](const QString& text, const QList<int>& lines) {
                editor_->markLines(lines);
                clickedText_ = text;
                narration_->setText(text);
            });
    connect(timeline_, &TimelineView::selectionCleared, this, [this] { editor_->markLines({}); });
    auto moveToEvent = [this](EventIndex e) {
        const int before = stepper_->position();
        stepper_->moveToEvent(e);
        if (stepper_->position() == before)
            showCursor();
    };
    connect(timeline_, &TimelineView::eventClicked, this, moveToEvent);
    connect(console_, &ConsoleView::lineClicked, this, moveToEvent);
    connect(stepper_, &StepController::moved, this, &MainWindow::showCursor);
    connect(editor_, &CodeEditor::breakpointsChanged, this, [this] {
        std::set<uint32_t> lines;
        for (int line : editor_->breakpoints())
            lines.insert(uint32_t(line));
        stepper_->setBreakpoints(std::move(lines));
    });
    connect(inspector_, &LoopInspector::taskSelected, this, [this] { showWhyNot(); });
    connect(stacks_, &TaskStacksWorker::ready, this, &MainWindow::showStacks);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (restoreState(settings.value(QStringLiteral("window/state")).toByteArray()))
        applyDefaultDockSizes_ = nullptr;
    setTheme(settings.value(kThemeKey, QStringLiteral("system")).toString());
    updateTitle();
}

// -- Layout ------------------------------------------------------------------

void MainWindow::createDocks()
{
    auto addDock = [this](const QString& title, const QString& name, QWidget* content,
                          Qt::DockWidgetArea area) {
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(name); // restoreState() finds docks by object name
        dock->setWidget(content);
        addDockWidget(area, dock);
        return dock;
    };

    browser_ = new QTreeWidget(this);
    browser_->setHeaderHidden(true);
    // One click opens a scenario; Enter does too.
    connect(browser_, &QTreeWidget::itemClicked, this, &MainWindow::openBrowserItem);
    connect(browser_, &QTreeWidget::itemActivated, this, &MainWindow::openBrowserItem);
    auto* browserDock =
        addDock(tr("Scenarios"), QStringLiteral("ScenarioDock"), browser_, Qt::LeftDockWidgetArea);

    editor_ = new CodeEditor(this);
    connect(editor_->document(), &QTextDocument::modificationChanged, this, &MainWindow::updateTitle);
    auto* codeDock = addDock(tr("Code"), QStringLiteral("CodeDock"), editor_, Qt::RightDockWidgetArea);

    inspector_ = new LoopInspector(this);
    auto* inspectorDock =
        addDock(tr("Loop inspector"), QStringLiteral("InspectorDock"), inspector_, Qt::RightDockWidgetArea);
    splitDockWidget(codeDock, inspectorDock, Qt::Vertical);

    console_ = new ConsoleView(this);
    auto* consoleDock =
        addDock(tr("Console"), QStringLiteral("ConsoleDock"), console_, Qt::BottomDockWidgetArea);

    narration_ = new QLabel(this);
    narration_->setWordWrap(true);
    narration_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    narration_->setMargin(6);
    narration_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    narration_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto* narrationDock =
        addDock(tr("Narration"), QStringLiteral("NarrationDock"), narration_, Qt::TopDockWidgetArea);

    // The timeline gets what the panels leave; these are the panels' first sizes,
    // applied once the window has its real size (before that, they are ignored).
    applyDefaultDockSizes_ = [=, this] {
        resizeDocks({browserDock, codeDock}, {250, 420}, Qt::Horizontal);
        resizeDocks({consoleDock}, {150}, Qt::Vertical);
        // Two lines of narration: the longest sentences (a step and what comes next) fit.
        resizeDocks({narrationDock},
                    {narration_->fontMetrics().lineSpacing() * 2 + 2 * narration_->margin() + 4},
                    Qt::Vertical);
        resizeDocks({codeDock}, {440}, Qt::Vertical);
    };
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open..."), QKeySequence::Open, this, [this] { openWithDialog(); });
    file->addAction(tr("&Save"), QKeySequence::Save, this, [this] { save(); });
    file->addAction(tr("Save &As..."), QKeySequence::SaveAs, this, [this] { saveAs(); });
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    updateRecentMenu();
    file->addSeparator();
    exportAction_ = file->addAction(tr("&Export Timeline..."), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                                    [this] { exportTimeline(); });
    exportAction_->setToolTip(
        tr("Save the timeline as a PNG, SVG or PDF figure, or as a trace for Perfetto"));
    exportAction_->setEnabled(false); // until a run has a timeline
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* runMenu = menuBar()->addMenu(tr("&Run"));
    runMenu->addAction(tr("&Run Scenario"), QKeySequence(Qt::Key_F5), this, [this] { runCurrentSource(); });
    cancelAction_ =
        runMenu->addAction(tr("&Cancel Run"), QKeySequence(Qt::Key_Escape), this, [this] { cancelRun(); });
    cancelAction_->setEnabled(false);
    runMenu->addSeparator();
    runMenu->addAction(tr("&Budgets..."), this, [this] { editBudgets(); })
        ->setToolTip(tr("The instructions, memory, output, time and trace a run may use"));

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    viewMenu_->addAction(tr("&Fit Timeline"), QKeySequence(Qt::CTRL | Qt::Key_0), timeline_,
                         &TimelineView::fitAll);
    QMenu* theme = viewMenu_->addMenu(tr("&Theme"));
    themeGroup_ = new QActionGroup(this);
    const std::pair<QString, QString> themes[] = {
        {QStringLiteral("system"), tr("Follow the &Desktop")},
        {QStringLiteral("light"), tr("&Light")},
        {QStringLiteral("dark"), tr("D&ark")},
    };
    for (const auto& [name, text] : themes) {
        QAction* action = theme->addAction(text, this, [this, name = name] {
            setTheme(name);
            QSettings().setValue(kThemeKey, name);
        });
        action->setCheckable(true);
        action->setData(name);
        themeGroup_->addAction(action);
    }
    viewMenu_->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        viewMenu_->addAction(dock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Loopscope"), this, [this] { showAbout(); });

    help->addAction(tr("&Keyboard Shortcuts"), this, [this] { showShortcuts(); });
    createTransport();
}

void MainWindow::fillScenarioBrowser()
{
    browser_->clear();
    auto* start = new QTreeWidgetItem(browser_, {tr("Start here")});
    auto* defaultItem = new QTreeWidgetItem(start, {tr("Two additions, one slow and one fast")});
    defaultItem->setData(0, Qt::UserRole, defaultScenarioPath());
    defaultItem->setToolTip(0, tr("create_task starts both coroutines; the program ends after 5 s, not 8."));

    QHash<QString, QTreeWidgetItem*> topics;
    for (const ScenarioInfo& info : builtInScenarios()) {
        QTreeWidgetItem*& topic = topics[info.topic];
        if (!topic)
            topic = new QTreeWidgetItem(browser_, {info.topic});
        auto* item = new QTreeWidgetItem(topic, {info.title});
        item->setData(0, Qt::UserRole, info.resourcePath);
        item->setToolTip(0, info.summary.isEmpty() ? info.resourcePath : info.summary);
    }
    browser_->expandAll();
}

void MainWindow::openBrowserItem(QTreeWidgetItem* item)
{
    const QString path = item ? item->data(0, Qt::UserRole).toString() : QString();
    if (path.isEmpty())
        return;
    // A double click sends a click and an activation: the scenario is already open.
    if (path == currentPath_ && !editor_->document()->isModified())
        return;
    if (confirmDiscard())
        openFile(path);
}

void MainWindow::setTheme(const QString& name)
{
    const bool dark =
        name == QLatin1String("dark") || (name != QLatin1String("light") && isDark(desktopPalette_));
    if (name == QLatin1String("system"))
        QApplication::setPalette(desktopPalette_);
    else if (dark)
        QApplication::setPalette(darkPalette());
    else
        QApplication::setPalette(QApplication::style()->standardPalette());
    if (name != QLatin1String("system") && QApplication::style()->name() != QLatin1String("fusion"))
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    timeline_->setTheme(dark ? TimelineTheme::dark() : TimelineTheme::light());
    editor_->setDark(dark);
    if (themeGroup_)
        for (QAction* action : themeGroup_->actions())
            action->setChecked(action->data().toString() == name);
}

// -- Files -------------------------------------------------------------------

bool MainWindow::openFile(const QString& path)
{
    QString error;
    if (!loadFile(path, &error)) {
        QMessageBox::warning(this, tr("Cannot open"), tr("Cannot open %1: %2").arg(path, error));
        return false;
    }
    runCurrentSource();
    return true;
}

bool MainWindow::loadFile(const QString& path, QString* error)
{
    const SourceFile source = readSourceFile(path);
    if (!source.readable) {
        if (error)
            *error = source.problem;
        return false;
    }
    editor_->setPlainText(source.text);
    editor_->document()->setModified(false);
    currentPath_ = path;
    // Saving text that could not be decoded would replace the bytes it could not show.
    readOnlySource_ = !source.decodable;
    // What the editor shows of such a file is not what it holds: runs get the bytes.
    readOnlyBytes_ = readOnlySource_ ? source.bytes : QByteArray();
    editor_->setReadOnly(readOnlySource_);
    if (readOnlySource_) {
        // Not modal: the file is already shown, and a test or a script must not block on it.
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Opened read-only"),
                                    tr("%1: %2, so it opened read-only: saving would replace what could "
                                       "not be shown. Python reads scenarios as UTF-8; use Save As to keep "
                                       "a UTF-8 copy.")
                                        .arg(QFileInfo(path).fileName(), source.problem),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    if (!path.startsWith(QLatin1String(":/")))
        rememberRecent(QFileInfo(path).absoluteFilePath());
    updateTitle();
    return true;
}

void MainWindow::openDefaultScenario()
{
    openFile(defaultScenarioPath());
}

void MainWindow::openWithDialog()
{
    if (!confirmDiscard())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Scenario"), QString(),
                                                      tr("Python scenarios (*.py);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::save()
{
    if (currentPath_.isEmpty() || currentPath_.startsWith(QLatin1String(":/")) || readOnlySource_)
        return saveAs();
    // QSaveFile: the old file stays intact unless the whole new text was written.
    QSaveFile file(currentPath_);
    if (!file.open(QIODevice::WriteOnly) || file.write(editor_->toPlainText().toUtf8()) < 0 ||
        !file.commit()) {
        QMessageBox::warning(this, tr("Cannot save"),
                             tr("Cannot save %1: %2").arg(currentPath_, file.errorString()));
        return false;
    }
    editor_->document()->setModified(false);
    return true;
}

bool MainWindow::saveAs()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Scenario"), QString(), tr("Python scenarios (*.py)"));
    if (path.isEmpty())
        return false;
    currentPath_ = path;
    readOnlySource_ = false;
    editor_->setReadOnly(false);
    rememberRecent(QFileInfo(path).absoluteFilePath());
    updateTitle();
    return save();
}

bool MainWindow::confirmDiscard()
{
    if (!editor_->document()->isModified())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved edits"), tr("Save your edits first?"),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentFiles)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : recent) {
        recentMenu_
            ->addAction(QFileInfo(path).fileName(), this,
                        [this, path] {
                            if (confirmDiscard())
                                openFile(path);
                        })
            ->setToolTip(path);
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::updateTitle()
{
    const QString name = currentPath_.isEmpty() ? tr("untitled") : QFileInfo(currentPath_).fileName();
    setWindowTitle(
        QStringLiteral("%1%2 - Loopscope").arg(name, editor_->document()->isModified() ? "*" : ""));
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (applyDefaultDockSizes_)
        QTimer::singleShot(0, this, std::exchange(applyDefaultDockSizes_, nullptr));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!confirmDiscard()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile() &&
        urls.first().toLocalFile().endsWith(QLatin1String(".py")))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    if (confirmDiscard())
        openFile(event->mimeData()->urls().first().toLocalFile());
}

// -- Running -----------------------------------------------------------------

void MainWindow::runCurrentSource()
{
    RunOptions options;
    options.filename = currentPath_.startsWith(QLatin1String(":/"))
                           ? QFileInfo(currentPath_).fileName().toStdString()
                           : currentPath_.toStdString();
    options.budgets = budgets_;
    runSource_ = readOnlySource_ ? readOnlyBytes_.toStdString() : editor_->toPlainText().toStdString();
    runOptions_ = options;
    runner_->start(runSource_, std::move(options), TraceLevel::Line);
    cancelAction_->setEnabled(true);
    showProgress(0, 0);
    for (QWidget* w : {static_cast<QWidget*>(progressBar_), static_cast<QWidget*>(progressLabel_),
                       static_cast<QWidget*>(cancelButton_)})
        w->show();
}

QString MainWindow::narrationText() const
{
    return narration_->text();
}

void MainWindow::editBudgets()
{
    BudgetsDialog dialog(budgets_, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    budgets_ = dialog.budgets();
    saveBudgets(budgets_);
    statusBar()->showMessage(tr("The next run has the new budgets (F5 runs again)."), 8000);
}

void MainWindow::cancelRun()
{
    runner_->cancel();
}

bool MainWindow::isRunning() const
{
    return runner_->isRunning();
}

bool MainWindow::waitForRun(int timeoutMs)
{
    if (!runner_->isRunning())
        return true;
    // Sleeps in an event loop until the run is shown (connected after showRunOutcome, so it has
    // run): a loop of processEvents() would spin and take a core from the run it waits for.
    QEventLoop loop;
    connect(runner_, &ScenarioRunner::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return !runner_->isRunning();
}

void MainWindow::showProgress(double virtualTime, quint64 events)
{
    const QString text =
        tr("Running… virtual time %1 s, %2 events").arg(formatSeconds(virtualTime), megaCount(events));
    progressLabel_->setText(text);
    // A short run ends before anyone could read this; only a long one covers the timeline.
    if (events > 0 || virtualTime > 0)
        timeline_->setBusyText(text + tr("\nEsc or Cancel stops it"));
}

void MainWindow::chooseAxis(TimelineAxis axis)
{
    autoAxis_.reset();
    timeline_->setAxis(axis);
}

bool MainWindow::pickAxisFor(const TimelineModel& model)
{
    // A run whose clock never moves (sleep(0) hand-offs, gather of instant tasks) is one point on
    // the time axis: its story is told by the passes axis. Runs pick the axis until the learner does.
    if (autoAxis_ && timeline_->axis() != *autoAxis_)
        autoAxis_.reset(); // the learner switched it since the last run
    if (!autoAxis_)
        return false;
    const TimelineAxis wanted = model.telling();
    autoAxis_ = wanted;
    if (timeline_->axis() != wanted)
        timeline_->setAxis(wanted);
    return wanted == TimelineAxis::Passes;
}

void MainWindow::showRunOutcome(RunOutcome& outcome)
{
    cancelAction_->setEnabled(false);
    for (QWidget* w : {static_cast<QWidget*>(progressBar_), static_cast<QWidget*>(progressLabel_),
                       static_cast<QWidget*>(cancelButton_)})
        w->hide();
    timeline_->setBusyText({});
    const RunResult& result = outcome.result;
    lastResult_ = result;
    const TraceRecorder& trace = *outcome.trace;

    console_->clearLines();
    // The console gets everything in one edit: a flood of 10,000 lines shows at once.
    QList<ConsoleView::Line> lines;
    bool sawOutputEvents = false;
    QStringList warnings;
    const TraceEvents& events = trace.events();
    for (uint32_t i = 0; i < events.size(); ++i) {
        const TraceEvent& e = events[i];
        if (e.kind != EventKind::Output && e.kind != EventKind::Warning)
            continue;
        if (e.kind == EventKind::Warning && e.warningKind() == WarningKind::Stuck)
            continue; // a timeline marker; the run's Deadlock message says it in the console
        const QString text = QString::fromUtf8(trace.string(e.text()));
        if (e.kind == EventKind::Output) {
            sawOutputEvents = true;
            lines.append({e.t, text, ConsoleView::LineKind::Output, EventIndex{i}});
        } else {
            warnings << text;
            // A warning of several lines (a traceback) is one event: each line points to it.
            for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                lines.append({e.t, line, ConsoleView::LineKind::Warning, EventIndex{i}});
        }
    }
    // An engine that writes stdout without recording it still shows its output, at the end time.
    if (!sawOutputEvents && !outcome.stdoutText.empty()) {
        for (const QString& line :
             QString::fromStdString(outcome.stdoutText).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            lines.append({result.endTime, line, ConsoleView::LineKind::Output, std::nullopt});
    }
    // stderr holds the warnings (shown above, at their time) and, when the run failed, the
    // traceback or the limit: only what is not a warning is shown again here. The warnings are
    // in stderr in the order they were written: one pass takes them out.
    QString errorText;
    if (!result.ok) {
        const QString stderrText = QString::fromStdString(outcome.stderrText);
        qsizetype from = 0;
        for (const QString& warning : warnings) {
            const qsizetype at = stderrText.indexOf(warning + QLatin1Char('\n'), from);
            if (at < 0)
                continue;
            errorText += QStringView(stderrText).mid(from, at - from);
            from = at + warning.size() + 1;
        }
        errorText += QStringView(stderrText).mid(from);
        errorText = errorText.trimmed();
    }
    if (!result.ok && errorText.isEmpty())
        errorText = QString::fromStdString(result.errorType +
                                           (result.errorMessage.empty() ? "" : ": " + result.errorMessage));
    if (!errorText.isEmpty()) {
        for (const QString& line : errorText.split(QLatin1Char('\n')))
            lines.append({result.endTime, line, ConsoleView::LineKind::Error, std::nullopt});
    }
    // A cancelled run shows the end of its output: thousands of lines take the console tens of
    // milliseconds to lay out, which Cancel's 100 ms cannot afford (its timeline is not shown
    // either; running it again shows everything).
    constexpr qsizetype kCancelledRunLines = 1000;
    if (result.cancelled && lines.size() > kCancelledRunLines) {
        const qsizetype left = lines.size() - kCancelledRunLines;
        lines.remove(0, left);
        // Stamped as the first line shown, so that the lines stay in event order.
        lines.prepend({lines.first().t, tr("… %1 earlier line(s) not shown: the run was cancelled").arg(left),
                       ConsoleView::LineKind::Warning, lines.first().event});
    }
    console_->appendLines(lines);

    // The previous run's timeline and trace can hold hundreds of megabytes in millions of
    // blocks: freeing them takes the GUI thread half a second, so a pool thread does it.
    std::shared_ptr<const TimelineModel> previous = timeline_->sharedModel();
    timeline_->setModel(outcome.model);
    if (previous.use_count() == 1)
        QThreadPool::globalInstance()->start(
            [previous = std::move(previous)]() mutable { previous.reset(); });
    const bool passesPicked = pickAxisFor(timeline_->model());
    exportAction_->setEnabled(true);
    inspector_->showTasks(timeline_->model());
    editor_->markLines({});
    const int taskCount = std::max(0, timeline_->model().rowCount() - 1);
    QString message;
    if (result.cancelled)
        message = tr("You cancelled the run at virtual time %1 s.").arg(formatSeconds(result.endTime));
    else if (result.ok)
        message = tr("The program ran to the end: %n task(s), finished at t=%1 s.", nullptr, taskCount)
                      .arg(formatSeconds(result.endTime));
    else if (result.errorType == "SyntaxError")
        message = tr("The program has a syntax error on line %1: %2")
                      .arg(result.errorLine)
                      .arg(QString::fromStdString(result.errorMessage));
    else if (const TimelineModel& model = timeline_->model();
             model.hasDeadlockSlot() && model.deadlockSlotStart(TimelineAxis::Time) < result.endTime)
        // The deadlock is found at one instant; the Ctrl+C that ends it can run on (finally
        // blocks that sleep): say when each happened.
        message = tr("The run deadlocked at t=%1 s: %2. Loopscope then cancelled the tasks as "
                     "Ctrl+C would; the run ended at t=%3 s.")
                      .arg(formatSeconds(model.deadlockSlotStart(TimelineAxis::Time)),
                           QString::fromStdString(result.errorMessage).section(QLatin1Char('\n'), 0, 0),
                           formatSeconds(result.endTime));
    else
        message = tr("The run ended with %1 at t=%2 s: %3")
                      .arg(QString::fromStdString(result.errorType), formatSeconds(result.endTime),
                           QString::fromStdString(result.errorMessage).section(QLatin1Char('\n'), 0, 0));
    // A limit names the command-line option that raises its budget; the window has a setting too.
    if (!result.ok && result.errorMessage.find("raise the budget with --") != std::string::npos)
        message += tr(" (in the window: Run → Budgets...)");
    if (passesPicked)
        message += tr(" Everything happened at t=0 s, so the timeline counts the loop's passes instead "
                      "of seconds (the axis box above it switches).");
    narration_->setText(message);
    outcomeMessage_ = message;
    inspector_->showStacks({}, {});
    stacks_->setScenario(runSource_, runOptions_);
    stepper_->setRun(std::move(outcome.indexes), runSource_);
    if (startStep_ > 0) {
        const int step = std::exchange(startStep_, 0);
        if (!stepper_->moveToStep(step))
            statusBar()->showMessage(
                tr("The run has %n step(s): there is no step %1", nullptr, stepper_->cursor().stepCount())
                    .arg(step),
                8000);
    }
    statusBar()->showMessage(
        tr("Ran in %1 s, %2 events").arg(outcome.seconds, 0, 'f', 2).arg(megaCount(trace.events().size())),
        8000);
}

// -- Stepping ----------------------------------------------------------------

namespace {

// The transport, defined once: the toolbar, the Step menu, the tooltips and Help's table of
// shortcuts are all made from it. Function keys and Alt-chords only: arrows, Home/End,
// Ctrl+arrows and Space belong to the code editor.
struct TransportEntry {
    const char* name;
    const char* button; // the toolbar's short label
    const char* text;   // the menu's words
    QKeySequence key;
    const char* help;
};

const std::vector<TransportEntry>& transportEntries()
{
    static const std::vector<TransportEntry> entries = {
        {"reset", "|◀ Reset", "&Reset to the Start", QKeySequence(Qt::ALT | Qt::Key_Home),
         "Back to the start of the run"},
        {"stepBack", "◀ Step", "Step &Back", QKeySequence(Qt::SHIFT | Qt::Key_F10),
         "Back to the previous task step or callback the loop ran"},
        {"statementBack", "◁ Line", "Statement Back", QKeySequence(Qt::SHIFT | Qt::Key_F11),
         "Back one statement"},
        {"statementForward", "Line ▷", "&Statement Forward", QKeySequence(Qt::Key_F11),
         "Forward one statement (into the code a step runs)"},
        {"stepForward", "Step ▶", "Step &Forward", QKeySequence(Qt::Key_F10),
         "Forward to the next task step or callback the loop runs"},
        {"passBack", "◀ Pass", "Pass Back", QKeySequence(Qt::SHIFT | Qt::Key_F7),
         "Back to the start of the previous pass of the event loop"},
        {"passForward", "Pass ▶", "&Pass Forward", QKeySequence(Qt::Key_F7),
         "Forward to the start of the next pass of the event loop"},
        {"clockBack", "◀ Clock", "Clock Jump Back", QKeySequence(Qt::SHIFT | Qt::Key_F8),
         "Back to the previous jump of the virtual clock"},
        {"clockForward", "Clock ▶", "&Clock Jump Forward", QKeySequence(Qt::Key_F8),
         "Forward to the next jump of the virtual clock"},
        {"breakpointBack", "◀ Break", "Previous Breakpoint Hit", QKeySequence(Qt::SHIFT | Qt::Key_F6),
         "Back to the previous stop on a breakpoint line (click the code's gutter, or F9, to set one)"},
        {"breakpointForward", "Break ▶", "&Next Breakpoint Hit", QKeySequence(Qt::Key_F6),
         "Forward to the next stop on a breakpoint line (click the code's gutter, or F9, to set one)"},
        {"toEnd", "End ▶|", "Run to the &End", QKeySequence(Qt::ALT | Qt::Key_End), "To the end of the run"},
        {"play", "▶ Play", "P&lay / Pause", QKeySequence(Qt::CTRL | Qt::Key_Space),
         "Play the run a step at a time, at the speed chosen beside it; again to pause"},
    };
    return entries;
}

} // namespace

void MainWindow::createTransport()
{
    QToolBar* transport = addToolBar(tr("Transport"));
    transport->setObjectName(QStringLiteral("TransportToolBar"));
    QMenu* stepMenu = menuBar()->addMenu(tr("&Step"));
    menuBar()->insertMenu(menuBar()->actions().at(menuBar()->actions().size() - 2), stepMenu);
    const std::map<QString, std::function<void()>> handlers = {
        {QStringLiteral("reset"), [this] { stepper_->reset(); }},
        {QStringLiteral("stepBack"), [this] { stepper_->back(StepUnit::Step); }},
        {QStringLiteral("statementBack"), [this] { stepper_->back(StepUnit::Statement); }},
        {QStringLiteral("statementForward"), [this] { stepper_->forward(StepUnit::Statement); }},
        {QStringLiteral("stepForward"), [this] { stepper_->forward(StepUnit::Step); }},
        {QStringLiteral("passBack"), [this] { stepper_->back(StepUnit::Pass); }},
        {QStringLiteral("passForward"), [this] { stepper_->forward(StepUnit::Pass); }},
        {QStringLiteral("clockBack"), [this] { stepper_->back(StepUnit::ClockJump); }},
        {QStringLiteral("clockForward"), [this] { stepper_->forward(StepUnit::ClockJump); }},
        {QStringLiteral("breakpointBack"),
         [this] {
             if (!stepper_->toPreviousBreakpoint())
                 statusBar()->showMessage(tr("No breakpoint is hit before the cursor"), 4000);
         }},
        {QStringLiteral("breakpointForward"),
         [this] {
             if (!stepper_->toNextBreakpoint())
                 statusBar()->showMessage(tr("No breakpoint is hit after the cursor"), 4000);
         }},
        {QStringLiteral("toEnd"), [this] { stepper_->toEnd(); }},
        {QStringLiteral("play"), [this] { stepper_->togglePlay(); }},
    };
    for (const TransportEntry& entry : transportEntries()) {
        const QString name = QString::fromLatin1(entry.name);
        auto* action = new QAction(QString::fromUtf8(entry.button), this);
        action->setObjectName(name);
        action->setShortcut(entry.key);
        action->setShortcutContext(Qt::WindowShortcut);
        action->setToolTip(
            QStringLiteral("%1 (%2)").arg(tr(entry.help), entry.key.toString(QKeySequence::NativeText)));
        action->setEnabled(false);
        connect(action, &QAction::triggered, this, handlers.at(name));
        transport->addAction(action);
        // The menu shows the long words; the same action, so one shortcut.
        auto* item = stepMenu->addAction(tr(entry.text));
        item->setShortcut(entry.key);
        item->setShortcutContext(Qt::WidgetShortcut); // the toolbar's action owns the key
        item->setEnabled(false);
        connect(item, &QAction::triggered, action, &QAction::trigger);
        connect(action, &QAction::changed, item, [action, item] { item->setEnabled(action->isEnabled()); });
        if (name == QLatin1String("stepForward") || name == QLatin1String("clockForward") ||
            name == QLatin1String("breakpointForward"))
            stepMenu->addSeparator();
        transport_ << action;
        if (name == QLatin1String("play"))
            playAction_ = action;
        if (name == QLatin1String("toEnd"))
            transport->addSeparator();
    }
    connect(stepper_, &StepController::playingChanged, this, [this](bool playing) {
        playAction_->setText(playing ? tr("⏸ Pause") : QString::fromUtf8("▶ Play"));
    });

    speedBox_ = new QComboBox(this);
    speedBox_->setObjectName(QStringLiteral("SpeedBox"));
    for (double speed : {0.5, 1.0, 2.0, 5.0, 10.0, 30.0})
        speedBox_->addItem(tr("%1 steps/s").arg(speed), speed);
    speedBox_->setCurrentIndex(2);
    speedBox_->setToolTip(tr("How fast Play steps through the run"));
    connect(speedBox_, &QComboBox::currentIndexChanged, this,
            [this](int i) { stepper_->setSpeed(speedBox_->itemData(i).toDouble()); });
    transport->addWidget(speedBox_);

    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setObjectName(QStringLiteral("StepSlider"));
    slider_->setEnabled(false);
    slider_->setMinimumWidth(200);
    slider_->setToolTip(tr("The whole run: drag to any statement, step or clock jump"));
    connect(slider_, &QSlider::valueChanged, this, [this](int value) {
        if (value != stepper_->position())
            stepper_->moveTo(value);
    });
    transport->addWidget(slider_);
    positionLabel_ = new QLabel(this);
    positionLabel_->setMargin(4);
    transport->addWidget(positionLabel_);
    viewMenu_->addAction(transport->toggleViewAction());
}

QAction* MainWindow::transportAction(const QString& name) const
{
    for (QAction* action : transport_)
        if (action->objectName() == name)
            return action;
    return nullptr;
}

void MainWindow::showShortcuts()
{
    QString rows;
    for (const TransportEntry& entry : transportEntries())
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td>%3</td></tr>")
                    .arg(entry.key.toString(QKeySequence::NativeText),
                         QString(tr(entry.text)).remove(QLatin1Char('&')), tr(entry.help));
    const QString more[][2] = {
        {QStringLiteral("F9"),
         tr("In the code: set or remove a breakpoint on the line (or click the gutter)")},
        {QStringLiteral("F5"), tr("Run the scenario again")},
        {QStringLiteral("Esc"), tr("Cancel a run in progress; on the timeline: clear the selection")},
        {tr("Click"), tr("A timeline bar or a console line moves the cursor there")},
        {QStringLiteral("W A S D, F"), tr("On the timeline: zoom, pan, fit the whole run")},
    };
    for (const auto& [key, text] : more)
        rows += QStringLiteral("<tr><td><b>%1</b></td><td colspan=2>%2</td></tr>").arg(key, text);
    QMessageBox box(this);
    box.setWindowTitle(tr("Keyboard Shortcuts"));
    box.setTextFormat(Qt::RichText);
    box.setText(tr("<p>Stepping uses function keys, so that arrows, Home/End and Space stay the code "
                   "editor's.</p><table cellspacing=6>%1</table>")
                    .arg(rows));
    box.exec();
}

void MainWindow::showCursor()
{
    const bool has = stepper_->hasRun();
    for (QAction* action : transport_)
        action->setEnabled(has);
    slider_->setEnabled(has);
    if (!has) {
        timeline_->setStepCursor(std::nullopt);
        editor_->setExecutionLines(0, {});
        positionLabel_->clear();
        return;
    }
    const RunCursor& cursor = stepper_->cursor();
    const LoopHistory& history = stepper_->history();
    const int position = cursor.position();
    const LoopMoment moment = history.at(cursor.event());
    const bool atEnd = position == cursor.lastPosition();
    {
        const QSignalBlocker block(slider_);
        slider_->setRange(0, cursor.lastPosition());
        slider_->setValue(position);
    }
    const int step = cursor.stepNumberAt(position);
    positionLabel_->setText(tr("step %1 of %2 · t=%3")
                                .arg(step)
                                .arg(cursor.stepCount())
                                .arg(QString::fromStdString(formatTime(moment.time))));

    // The narration: the run's outcome at its end, else the stop's sentence; a clicked item's
    // description above it.
    QString said =
        atEnd && !outcomeMessage_.isEmpty() ? outcomeMessage_ : QString::fromStdString(stepper_->sentence());
    if (!clickedText_.isEmpty())
        said = clickedText_ + QStringLiteral("\n") + said;
    clickedText_.clear();
    narration_->setText(said);

    const uint32_t lines = uint32_t(editor_->blockCount());
    editor_->setExecutionLines(atEnd ? 0 : cursorLine(cursor, lines), parkedLines(history, moment, lines));
    // Stacks read at another stop would mislead: none until this stop's come.
    if (const auto stacks = stacks_->latest(); !stacks || stacks->event != cursor.event())
        inspector_->showStacks({}, stacks && !stacks->unavailable.empty()
                                       ? QString::fromStdString(stacks->unavailable)
                                       : tr("being read"));
    showMomentIn(*inspector_, history, moment);
    showWhyNot(&moment);

    // The console: what is written by the next stop is shown; what this stop writes, marked.
    const std::optional<EventIndex> next =
        atEnd ? std::nullopt : std::optional<EventIndex>(cursor.eventAt(position + 1));
    console_->setCursorRange(cursor.event(), next);

    timeline_->setStepCursor(atEnd ? std::nullopt
                                   : std::optional<TimelineCursor>(timelineCursor(cursor, history, moment)));
    // Stacks and locals: read off the GUI thread, shown when they come.
    stacks_->request(cursor.event());
}

void MainWindow::showWhyNot(const LoopMoment* moment)
{
    const uint32_t task = inspector_->selectedTask();
    if (!stepper_->hasRun() || task == 0) {
        inspector_->showWhyNot({});
        return;
    }
    const LoopHistory& history = stepper_->history();
    const LoopMoment here = moment ? LoopMoment() : history.at(stepper_->cursor().event());
    inspector_->showWhyNot(
        QString::fromStdString(whyNotRunning(history, moment ? *moment : here, TaskId{task})));
}

void MainWindow::showStacks()
{
    const std::shared_ptr<const TaskStacksAt> stacks = stacks_->latest();
    if (!stacks) {
        inspector_->showStacks({}, {});
        return;
    }
    inspector_->showStacks(inspectorStacks(*stacks), QString::fromStdString(stacks->unavailable));
}

void MainWindow::offerRecovery()
{
    Autosave::offerRecovery(this, [this](const Autosave::Recovery& recovery) {
        restoreEdits(recovery.text, recovery.sourcePath);
    });
}

void MainWindow::restoreEdits(const QString& text, const QString& sourcePath)
{
    editor_->setReadOnly(false);
    readOnlySource_ = false;
    currentPath_ = sourcePath;
    editor_->setPlainText(text);
    editor_->document()->setModified(true);
    updateTitle();
    autosave_->saveNow(); // this window owns the edits now
}

void MainWindow::exportTimeline()
{
    QString title, summary;
    readScenarioMetadata(editor_->toPlainText(), title, summary);
    // Offered: the scenario's name, in the folder of the last export (else the scenario's, else home).
    QSettings settings;
    const QFileInfo scenario(currentPath_);
    QString dir = settings.value(QStringLiteral("export/dir")).toString();
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = currentPath_.isEmpty() || currentPath_.startsWith(QLatin1String(":/"))
                  ? QDir::homePath()
                  : scenario.absolutePath();
    const QString base = currentPath_.isEmpty() ? QStringLiteral("timeline") : scenario.completeBaseName();
    const QString suffix = settings.value(QStringLiteral("export/suffix"), QStringLiteral("png")).toString();
    ExportDialog dialog(*timeline_, title, QDir(dir).filePath(base + u'.' + suffix), this);
    connect(&dialog, &ExportDialog::exported, this, [this](const QString& path) {
        QSettings settings;
        settings.setValue(QStringLiteral("export/dir"), QFileInfo(path).absolutePath());
        settings.setValue(QStringLiteral("export/suffix"), QFileInfo(path).suffix().toLower());
        statusBar()->showMessage(tr("Exported the timeline to %1").arg(path), 8000);
    });
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Loopscope"),
        tr("<h3>Loopscope %1</h3><p>See how asyncio schedules coroutines: real asyncio programs "
           "run on a deterministic, virtual-time copy of CPython 3.11's event loop, drawn as a "
           "timeline.</p>")
            .arg(QStringLiteral(LOOPSCOPE_VERSION)));
}

} // namespace loopscope
