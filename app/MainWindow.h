#pragma once
// The main window (SPEC.md section 6): the timeline in the middle, docks for
// the scenario browser, code editor, loop inspector, console and narration,
// and the transport toolbar.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include <QMainWindow>
#include <QPalette>

#include "engine.h"

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QSlider;
class QTreeWidget;
class QTreeWidgetItem;

namespace loopscope {

class Autosave;
class CodeEditor;
class ConsoleView;
class LoopInspector;
class ScenarioRunner;
class StepController;
struct LoopMoment;
class TaskStacksWorker;
class TimelineModel;
class TimelineView;
struct RunOutcome;
enum class TimelineAxis : uint8_t;

class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Loads [path] (a file or a ":/" resource) into the editor and runs it.
    // Returns false, with a message box, if it cannot be read.
    bool openFile(const QString& path);
    void openDefaultScenario();
    // Loads [path] into the editor without running it; false if it cannot be read.
    bool loadFile(const QString& path, QString* error = nullptr);

    TimelineView* timeline() const { return timeline_; }
    CodeEditor* editor() const { return editor_; }
    ConsoleView* console() const { return console_; }

    // Runs the editor's text off the GUI thread; every panel shows the result when it ends.
    void runCurrentSource();
    // Stops the run in progress (it ends as cancelled).
    void cancelRun();
    bool isRunning() const;
    // Waits, processing events, until no run is in progress; false on timeout (for tests and
    // the command line's --screenshot).
    bool waitForRun(int timeoutMs = 60000);
    // The theme: "system" (follow the desktop), "light" or "dark".
    void setTheme(const QString& name);
    ScenarioRunner* runner() const { return runner_; }
    // The narration's sentence: how the run ended, or what the clicked item is.
    QString narrationText() const;
    // How the last run that reached the window ended.
    const RunResult& lastResult() const { return lastResult_; }

    // Stepping through the last run (SPEC.md section 6's transport).
    StepController* stepper() const { return stepper_; }
    LoopInspector* inspector() const { return inspector_; }
    TaskStacksWorker* stacks() const { return stacks_; }
    QSlider* slider() const { return slider_; }
    // Puts the cursor where step [k] begins once the next run has ended (`loopscope FILE --step K`).
    void setStartStep(int k) { startStep_ = k; }
    // The timeline's axis, as the learner chose it: from here on runs no longer pick it.
    void chooseAxis(TimelineAxis axis);
    // The transport's action named [name] ("stepForward", "stepBack", "statementForward", ...).
    QAction* transportAction(const QString& name) const;
    // The budgets of the window's runs: Run → Budgets... (saved in QSettings), or for this session
    // the command line's --max-memory and the others.
    const Budgets& budgets() const { return budgets_; }
    void setBudgets(const Budgets& budgets) { budgets_ = budgets; }
    // Run → Budgets...: edits the budgets and saves them.
    void editBudgets();

    // After a crash: asks whether to recover the unsaved edits it left (Autosave).
    void offerRecovery();
    // Puts recovered [text] of [sourcePath] in the editor as unsaved edits.
    void restoreEdits(const QString& text, const QString& sourcePath);

  protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

  private:
    // Shows [model] on the axis that tells its story, unless the learner chose one; true: passes.
    bool pickAxisFor(const TimelineModel& model);
    void createDocks();
    void createActions();
    void fillScenarioBrowser();
    void updateRecentMenu();
    void rememberRecent(const QString& path);
    void updateTitle();
    bool save();
    bool saveAs();
    // Asks whether to save unsaved edits; false means the user cancelled.
    bool confirmDiscard();
    void openWithDialog();
    void showAbout();
    // File > Export Timeline...: the export dialog on what the timeline shows.
    void exportTimeline();
    void showRunOutcome(RunOutcome& outcome); // takes its indexes
    void showProgress(double virtualTime, quint64 events);
    // Opens the browser item [item] if it names a scenario (asking first about unsaved edits).
    void openBrowserItem(QTreeWidgetItem* item);
    void createTransport();
    void showShortcuts();
    // Every panel shows the cursor's stop.
    void showCursor();
    // The inspector's answer for its selected task, at [moment] (null: the cursor's).
    void showWhyNot(const LoopMoment* moment = nullptr);
    void showStacks();

    TimelineView* timeline_ = nullptr;
    CodeEditor* editor_ = nullptr;
    ConsoleView* console_ = nullptr;
    LoopInspector* inspector_ = nullptr;
    QTreeWidget* browser_ = nullptr;
    QLabel* narration_ = nullptr;
    QSlider* slider_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    ScenarioRunner* runner_ = nullptr;
    RunResult lastResult_;
    QAction* cancelAction_ = nullptr;
    QAction* exportAction_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QLabel* progressLabel_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QActionGroup* themeGroup_ = nullptr;
    QPalette desktopPalette_;                     // the palette the desktop gave us, for "follow the desktop"
    std::function<void()> applyDefaultDockSizes_; // null once applied or when a saved layout exists
    QString currentPath_;                         // empty or a ":/" resource: "Save" asks for a file name

    StepController* stepper_ = nullptr;
    TaskStacksWorker* stacks_ = nullptr;
    QList<QAction*> transport_; // enabled while there is a run to step through
    QAction* playAction_ = nullptr;
    QComboBox* speedBox_ = nullptr;
    QLabel* positionLabel_ = nullptr;
    QString outcomeMessage_; // how the last run ended: the narration at its end
    QString clickedText_;    // what a clicked timeline item is, said above the narration
    std::string runSource_;  // the source of the run on screen
    RunOptions runOptions_;
    int startStep_ = 0;
    // Until the learner picks an axis, each run picks one (see showRunOutcome): the one it picked.
    std::optional<TimelineAxis> autoAxis_; // set to Time by the constructor
    bool readOnlySource_ = false;          // currentPath_ is not valid UTF-8: never written back
    QByteArray readOnlyBytes_;             // and these are its bytes, which runs get
    Autosave* autosave_ = nullptr;
    Budgets budgets_;
};

} // namespace loopscope
