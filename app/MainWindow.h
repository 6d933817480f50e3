#pragma once
// The main window (SPEC.md section 6): the timeline in the middle, docks for
// the scenario browser, code editor, loop inspector, console and narration,
// and the transport toolbar.

#include <functional>

#include <QMainWindow>

class QLabel;
class QMenu;
class QSlider;
class QTreeWidget;
class QTreeWidgetItem;

namespace loopscope {

class Autosave;
class CodeEditor;
class ConsoleView;
class LoopInspector;
class TimelineView;

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

    // Runs the editor's text and shows the result in every panel.
    void runCurrentSource();

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

    TimelineView* timeline_ = nullptr;
    CodeEditor* editor_ = nullptr;
    ConsoleView* console_ = nullptr;
    LoopInspector* inspector_ = nullptr;
    QTreeWidget* browser_ = nullptr;
    QLabel* narration_ = nullptr;
    QSlider* slider_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    std::function<void()> applyDefaultDockSizes_; // null once applied or when a saved layout exists
    QString currentPath_;                         // empty or a ":/" resource: "Save" asks for a file name
    bool readOnlySource_ = false;                 // currentPath_ is not valid UTF-8: never written back
    Autosave* autosave_ = nullptr;
};

} // namespace loopscope
