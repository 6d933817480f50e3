#pragma once
// Never lose the learner's work (STYLE.md, SPEC.md section 6). A few seconds after each edit the
// editor's unsaved text goes to a recovery file in the app-data folder, through QSaveFile so that
// a crash in the middle of writing leaves the previous copy whole. Saving, or going back to the
// saved text, removes it; so does a clean exit. Each running window owns its recovery file through
// a QLockFile: another instance never takes over a file whose owner is alive, and a file whose
// owner died (the lock is stale) is offered for recovery at the next start.

#include <functional>
#include <memory>

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

class QLockFile;
class QTextDocument;
class QTimer;
class QWidget;

namespace loopscope {

class Autosave : public QObject {
    Q_OBJECT
  public:
    // Watches [document]; [sourcePath] says which file its text belongs to (empty: untitled).
    Autosave(QTextDocument* document, std::function<QString()> sourcePath, QObject* parent = nullptr);
    ~Autosave() override;

    // Edits left behind by a window that did not close properly.
    struct Recovery {
        QString file;       // the recovery file
        QString sourcePath; // the scenario it was edited from ("" when untitled)
        QDateTime saved;    // when it was written
        QString text;
    };
    // Recovery files whose owner is gone: each is locked for this process until taken or
    // discarded, so that two new windows never both offer it.
    static QList<Recovery> claimOrphans();
    // The user took [recovery] or refused it: either way its files go.
    static void release(const Recovery& recovery);
    // Asks the user, for each orphan, whether to recover it; calls [restore] for the ones taken.
    static void offerRecovery(QWidget* parent, const std::function<void(const Recovery&)>& restore);

    // Where recovery files live: QStandardPaths::AppDataLocation/recovery.
    static QString directory();
    // This window's recovery file (it exists only while there are unsaved edits).
    QString recoveryFile() const { return file_; }
    // Writes now instead of after the delay (tests, and before a risky operation).
    void saveNow();

  private:
    void documentChanged();
    void removeRecoveryFile();

    QTextDocument* document_;
    std::function<QString()> sourcePath_;
    QTimer* timer_;
    QString file_;
    std::unique_ptr<QLockFile> lock_;
};

} // namespace loopscope
