#include "MainWindow.h"

#include <utility>

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSaveFile>
#include <QSettings>
#include <QSlider>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>

#include "Autosave.h"
#include "CodeEditor.h"
#include "ConsoleView.h"
#include "LoopInspector.h"
#include "Resources.h"
#include "ScenarioLibrary.h"
#include "SourceFile.h"
#include "TimelineModel.h"
#include "TimelineView.h"
#include "engine.h"

namespace loopscope {

namespace {

constexpr int kMaxRecentFiles = 8;
const QString kRecentKey = QStringLiteral("recentFiles");

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), timeline_(new TimelineView(this))
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

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (restoreState(settings.value(QStringLiteral("window/state")).toByteArray()))
        applyDefaultDockSizes_ = nullptr;
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
    connect(browser_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const QString path = item->data(0, Qt::UserRole).toString();
        if (!path.isEmpty() && confirmDiscard())
            openFile(path);
    });
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
    narration_->setMargin(6);
    narration_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    narration_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto* narrationDock =
        addDock(tr("Narration"), QStringLiteral("NarrationDock"), narration_, Qt::TopDockWidgetArea);

    // The timeline gets what the panels leave; these are the panels' first sizes,
    // applied once the window has its real size (before that, they are ignored).
    applyDefaultDockSizes_ = [=, this] {
        resizeDocks({browserDock, codeDock}, {290, 460}, Qt::Horizontal);
        resizeDocks({consoleDock}, {150}, Qt::Vertical);
        resizeDocks({narrationDock}, {narration_->sizeHint().height()}, Qt::Vertical);
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
    QAction* exportAction = file->addAction(tr("&Export Timeline..."));
    exportAction->setEnabled(false);
    exportAction->setToolTip(tr("Export is not built yet"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* runMenu = menuBar()->addMenu(tr("&Run"));
    runMenu->addAction(tr("&Run Scenario"), QKeySequence(Qt::Key_F5), this, [this] { runCurrentSource(); });

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    viewMenu_->addAction(tr("&Fit Timeline"), QKeySequence(Qt::CTRL | Qt::Key_0), timeline_,
                         &TimelineView::fitAll);
    viewMenu_->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        viewMenu_->addAction(dock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Loopscope"), this, [this] { showAbout(); });

    // The transport: in place now, enabled once the trace cursor exists.
    QToolBar* transport = addToolBar(tr("Transport"));
    transport->setObjectName(QStringLiteral("TransportToolBar"));
    struct Button {
        QString text;
        QKeySequence key;
    };
    const Button buttons[] = {
        {tr("Reset"), QKeySequence(Qt::Key_Home)},         {tr("Step Back"), QKeySequence(Qt::Key_Left)},
        {tr("Step Forward"), QKeySequence(Qt::Key_Right)}, {tr("Run to End"), QKeySequence(Qt::Key_End)},
        {tr("Play"), QKeySequence(Qt::Key_Space)},
    };
    for (const Button& b : buttons) {
        QAction* action = transport->addAction(b.text);
        action->setShortcut(b.key);
        action->setEnabled(false);
    }
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setEnabled(false);
    slider_->setMinimumWidth(240);
    transport->addWidget(slider_);
    viewMenu_->addAction(transport->toggleViewAction());
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
    const std::string source = editor_->toPlainText().toStdString();
    RunOptions options;
    options.filename = currentPath_.startsWith(QLatin1String(":/"))
                           ? QFileInfo(currentPath_).fileName().toStdString()
                           : currentPath_.toStdString();
    std::string stdoutText, stderrText;
    options.writeStdout = [&stdoutText](std::string_view text) { stdoutText += text; };
    options.writeStderr = [&stderrText](std::string_view text) { stderrText += text; };

    TraceRecorder recorder(TraceLevel::Line);
    const RunResult result = runScenario(source, options, &recorder);
    const TimelineModel model = TimelineModel::fromTrace(recorder);

    console_->clear();
    bool sawOutputEvents = false;
    for (const TraceEvent& e : recorder.events()) {
        if (e.kind != EventKind::Output && e.kind != EventKind::Warning)
            continue;
        const QString text =
            QString::fromUtf8(recorder.string(e.text()).data(), recorder.string(e.text()).size());
        if (e.kind == EventKind::Output) {
            sawOutputEvents = true;
            console_->appendLine(e.t, text);
        } else if (e.kind == EventKind::Warning) {
            console_->appendLine(e.t, text, ConsoleView::LineKind::Warning);
        }
    }
    // An engine that writes stdout without recording it still shows its output, at the end time.
    if (!sawOutputEvents && !stdoutText.empty()) {
        for (const QString& line :
             QString::fromStdString(stdoutText).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            console_->appendLine(result.endTime, line);
    }
    QString errorText = QString::fromStdString(stderrText).trimmed();
    if (!result.ok && errorText.isEmpty())
        errorText = QString::fromStdString(result.errorType +
                                           (result.errorMessage.empty() ? "" : ": " + result.errorMessage));
    if (!errorText.isEmpty()) {
        for (const QString& line : errorText.split(QLatin1Char('\n')))
            console_->appendLine(result.endTime, line, ConsoleView::LineKind::Error);
    }

    timeline_->setModel(model);
    inspector_->showTasks(model);
    const int taskCount = int(model.rows().size()) - 1;
    narration_->setText(
        result.ok ? tr("The program ran to the end: %n task(s), finished at t=%1 s.", nullptr, taskCount)
                        .arg(result.endTime, 0, 'g', 6)
                  : tr("The run ended with %1 at t=%2 s.")
                        .arg(QString::fromStdString(result.errorType))
                        .arg(result.endTime, 0, 'g', 6));
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
