#include "Autosave.h"

#include <map>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLockFile>
#include <QMessageBox>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextDocument>
#include <QTimer>
#include <QWidget>

namespace loopscope {

namespace {

// The first line of a recovery file; the second is the source path, the rest the text.
const QByteArray kMagic = "loopscope-recovery 1\n";
const QString kSuffix = QStringLiteral(".recovery");

// How long after an edit its text is written: short enough to lose little, long enough not to
// write on every keystroke. LOOPSCOPE_AUTOSAVE_MS overrides it (tests).
int autosaveDelayMs()
{
    bool ok = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("LOOPSCOPE_AUTOSAVE_MS", &ok);
    return ok && fromEnvironment > 0 ? fromEnvironment : 3000;
}

QString lockPathFor(const QString& recoveryFile)
{
    return recoveryFile.left(recoveryFile.size() - kSuffix.size()) + QStringLiteral(".lock");
}

// The locks of the orphans this process has claimed, until release() lets them go.
std::map<QString, std::unique_ptr<QLockFile>>& claimedLocks()
{
    static std::map<QString, std::unique_ptr<QLockFile>> locks;
    return locks;
}

bool readRecovery(const QString& path, Autosave::Recovery& out)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = file.readAll();
    if (!bytes.startsWith(kMagic))
        return false;
    const qsizetype pathEnd = bytes.indexOf('\n', kMagic.size());
    if (pathEnd < 0)
        return false;
    out.file = path;
    out.sourcePath = QString::fromUtf8(bytes.mid(kMagic.size(), pathEnd - kMagic.size()));
    out.text = QString::fromUtf8(bytes.mid(pathEnd + 1));
    out.saved = QFileInfo(path).lastModified();
    return true;
}

} // namespace

QString Autosave::directory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

Autosave::Autosave(QTextDocument* document, std::function<QString()> sourcePath, QObject* parent)
    : QObject(parent), document_(document), sourcePath_(std::move(sourcePath)), timer_(new QTimer(this))
{
    QDir().mkpath(directory());
    // A name no other window uses: the process id and a random part.
    const QString base =
        directory() + QStringLiteral("/session-%1-%2")
                          .arg(QCoreApplication::applicationPid())
                          .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    file_ = base + kSuffix;
    lock_ = std::make_unique<QLockFile>(base + QStringLiteral(".lock"));
    lock_->setStaleLockTime(0); // stale only when its process is gone, however old
    lock_->tryLock(0);

    timer_->setSingleShot(true);
    timer_->setInterval(autosaveDelayMs());
    connect(timer_, &QTimer::timeout, this, &Autosave::saveNow);
    connect(document_, &QTextDocument::contentsChanged, this, &Autosave::documentChanged);
    connect(document_, &QTextDocument::modificationChanged, this, [this](bool modified) {
        if (!modified)
            removeRecoveryFile(); // saved, or back to the saved text
    });
}

Autosave::~Autosave()
{
    removeRecoveryFile(); // a clean exit: the user was asked about unsaved edits already
    lock_->unlock();
}

void Autosave::documentChanged()
{
    if (document_->isModified() && !timer_->isActive())
        timer_->start();
}

void Autosave::saveNow()
{
    timer_->stop();
    if (!document_->isModified())
        return;
    QSaveFile file(file_);
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write(kMagic);
    file.write(sourcePath_().toUtf8() + '\n');
    file.write(document_->toPlainText().toUtf8());
    file.commit();
}

void Autosave::removeRecoveryFile()
{
    timer_->stop();
    QFile::remove(file_);
}

QList<Autosave::Recovery> Autosave::claimOrphans()
{
    QList<Recovery> found;
    const QDir folder(directory());
    for (const QFileInfo& info :
         folder.entryInfoList({QStringLiteral("*") + kSuffix}, QDir::Files, QDir::Time)) {
        const QString path = info.absoluteFilePath();
        // Claimed by this process already (a second window), or owned by a live instance: not ours.
        auto lock = std::make_unique<QLockFile>(lockPathFor(path));
        lock->setStaleLockTime(0);
        if (!lock->tryLock(0))
            continue;
        Recovery recovery;
        if (!readRecovery(path, recovery)) {
            QFile::remove(path);
            lock->unlock();
            continue;
        }
        claimedLocks()[path] = std::move(lock); // held until release()
        found.append(recovery);
    }
    return found;
}

void Autosave::release(const Recovery& recovery)
{
    QFile::remove(recovery.file);
    // Unlocking removes the lock file too.
    claimedLocks().erase(recovery.file);
}

void Autosave::offerRecovery(QWidget* parent, const std::function<void(const Recovery&)>& restore)
{
    for (const Recovery& recovery : claimOrphans()) {
        const QString name = recovery.sourcePath.isEmpty() ? tr("an untitled scenario")
                                                           : QFileInfo(recovery.sourcePath).fileName();
        const auto answer = QMessageBox::question(
            parent, tr("Recover unsaved edits?"),
            tr("Loopscope did not close properly last time. It kept your unsaved edits of %1 from %2.\n\n"
               "Recover them? They open as unsaved edits; the file on disk is not changed until you save.")
                .arg(name, QLocale().toString(recovery.saved, QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
        if (answer == QMessageBox::Yes)
            restore(recovery);
        release(recovery);
    }
}

} // namespace loopscope
