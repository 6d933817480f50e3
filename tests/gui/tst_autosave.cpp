// Never losing the learner's work: unsaved edits are autosaved to a recovery file, a window
// killed with SIGKILL leaves them for the next start, a live window's file is never taken by
// another instance, and a file that is not valid UTF-8 opens read-only and is never rewritten.
#include <csignal>

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "Autosave.h"
#include "CodeEditor.h"
#include "MainWindow.h"

using namespace loopscope;

namespace {

QStringList recoveryFiles()
{
    return QDir(Autosave::directory()).entryList({QStringLiteral("*.recovery")}, QDir::Files);
}

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace

class AutosaveTest : public QObject {
    Q_OBJECT

    QTemporaryDir home_;

  private Q_SLOTS:
    void initTestCase()
    {
        // The app-data and settings folders of this test and of the loopscope it starts: the
        // same names (Loopscope/loopscope) under a temporary home.
        QVERIFY(home_.isValid());
        qputenv("XDG_DATA_HOME", home_.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_CONFIG_HOME", home_.filePath(QStringLiteral("config")).toUtf8());
        qputenv("LOOPSCOPE_AUTOSAVE_MS", "50");
        QCoreApplication::setOrganizationName(QStringLiteral("Loopscope"));
        QCoreApplication::setApplicationName(QStringLiteral("loopscope"));
    }

    void cleanup() { QDir(Autosave::directory()).removeRecursively(); }

    void editsAreAutosavedUntilSaved()
    {
        const QString scenario = home_.filePath(QStringLiteral("edited.py"));
        writeBytes(scenario, "print('hello')\n");
        MainWindow window;
        QVERIFY(window.loadFile(scenario));
        QVERIFY(recoveryFiles().isEmpty());
        window.editor()->moveCursor(QTextCursor::End);
        window.editor()->insertPlainText(QStringLiteral("print('unsaved')\n"));
        QTRY_COMPARE(recoveryFiles().size(), 1);
        const QByteArray saved =
            readBytes(Autosave::directory() + QLatin1Char('/') + recoveryFiles().first());
        QVERIFY2(saved.contains("print('unsaved')") && saved.contains(scenario.toUtf8()), saved.constData());
        // Back to the saved text: nothing left to recover.
        window.editor()->document()->setModified(false);
        QVERIFY(recoveryFiles().isEmpty());
        QCOMPARE(readBytes(scenario), QByteArray("print('hello')\n"));
    }

    // The recovery file of a live window is never offered elsewhere; once its window is killed
    // with SIGKILL, the next start finds the edits.
    void recoveryAfterSigkill()
    {
        const QString scenario = home_.filePath(QStringLiteral("crashed.py"));
        writeBytes(scenario, "import asyncio\n");
        QProcess app;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        app.setProcessEnvironment(environment);
        app.start(QStringLiteral(LOOPSCOPE_BINARY), {scenario, QStringLiteral("--type-text"),
                                                     QStringLiteral("print('typed before the crash')\n")});
        QVERIFY(app.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(recoveryFiles().size(), 1, 20000);

        // A second instance while the first lives: nothing to claim.
        QVERIFY(Autosave::claimOrphans().isEmpty());

        ::kill(pid_t(app.processId()), SIGKILL);
        QVERIFY(app.waitForFinished());
        QCOMPARE(app.exitStatus(), QProcess::CrashExit);

        const QList<Autosave::Recovery> orphans = Autosave::claimOrphans();
        QCOMPARE(orphans.size(), 1);
        QCOMPARE(orphans.first().sourcePath, scenario);
        QVERIFY(orphans.first().text.startsWith(QLatin1String("import asyncio\n")));
        QVERIFY(orphans.first().text.contains(QLatin1String("print('typed before the crash')")));
        // Claimed by this process now: a window of this process asking again gets nothing.
        QVERIFY(Autosave::claimOrphans().isEmpty());

        MainWindow window;
        window.restoreEdits(orphans.first().text, orphans.first().sourcePath);
        QVERIFY(window.editor()->document()->isModified());
        QVERIFY(window.windowTitle().startsWith(QLatin1String("crashed.py*")));
        Autosave::release(orphans.first());
        QCOMPARE(readBytes(scenario), QByteArray("import asyncio\n")); // the file itself untouched
    }

    void undecodableFileIsNeverRewritten()
    {
        const QString scenario = home_.filePath(QStringLiteral("latin1.py"));
        const QByteArray bytes("print('caf\xe9')\n");
        writeBytes(scenario, bytes);
        MainWindow window;
        QVERIFY(window.loadFile(scenario));
        QVERIFY(window.editor()->isReadOnly());
        auto* message = window.findChild<QMessageBox*>();
        QVERIFY(message);
        QVERIFY2(message->text().contains(QLatin1String("not valid UTF-8")), qPrintable(message->text()));
        message->close();

        // Even if the text changes and Ctrl+S is pressed, the file keeps its bytes: Save asks for
        // a new name (declined here).
        window.editor()->document()->setPlainText(QStringLiteral("print('changed')\n"));
        QTimer::singleShot(200, [] {
            if (QWidget* dialog = QApplication::activeModalWidget())
                dialog->close();
        });
        QAction* save = nullptr;
        for (QAction* action : window.findChildren<QAction*>())
            if (action->shortcut() == QKeySequence(QKeySequence::Save))
                save = action;
        QVERIFY(save);
        save->trigger();
        QCOMPARE(readBytes(scenario), bytes);
    }
};

QTEST_MAIN(AutosaveTest)
#include "tst_autosave.moc"
