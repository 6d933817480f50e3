// Run → Budgets...: each budget of engine/budgets.def has a field; invalid text disables OK and
// says what the field needs; accepted values are saved in QSettings ("budgets/<option>"), read
// by the next window, and fed into the window's runs (a program past the new output budget ends
// with the limit's message, which points at the setting); Restore Defaults clears them.
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

#include "BudgetsDialog.h"
#include "CodeEditor.h"
#include "ConsoleView.h"
#include "MainWindow.h"

using namespace loopscope;

namespace {

size_t budgetIndex(const char* option)
{
    for (size_t i = 0; i < kBudgetCount; ++i)
        if (std::string_view(kBudgetInfo[i].option) == option)
            return i;
    return kBudgetCount;
}

// Runs [edit] on the Budgets dialog once MainWindow::editBudgets() shows it (polling: a loaded
// machine may take a while to show it).
void whenTheDialogShows(QObject* context, std::function<void(BudgetsDialog&)> edit, bool& shown)
{
    auto* poll = new QTimer(context);
    QObject::connect(poll, &QTimer::timeout, context, [poll, edit, &shown] {
        auto* dialog = qobject_cast<BudgetsDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll->deleteLater();
        poll->stop();
        shown = true;
        edit(*dialog);
    });
    poll->start(20);
}

} // namespace

class BudgetsDialogTest : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase()
    {
        // Settings of its own: other window tests run at the same time with the default budgets.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LoopscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_budgets_dialog"));
        QSettings().remove(QStringLiteral("budgets"));
    }
    void cleanupTestCase() { QSettings().remove(QStringLiteral("budgets")); }

    void hasAFieldPerBudgetWithItsValue()
    {
        Budgets budgets;
        budgets.memoryBytes = uint64_t(1) << 30;
        BudgetsDialog dialog(budgets);
        for (size_t i = 0; i < kBudgetCount; ++i) {
            QVERIFY(dialog.field(i));
            QCOMPARE(dialog.field(i)->objectName(), QString::fromUtf8(kBudgetInfo[i].option));
            QVERIFY2(dialog.field(i)->toolTip().contains(QStringLiteral("--") + kBudgetInfo[i].option),
                     kBudgetInfo[i].option);
        }
        QCOMPARE(dialog.field(budgetIndex("max-memory"))->text(), QStringLiteral("1G"));
        QCOMPARE(dialog.budgets().memoryBytes, uint64_t(1) << 30);
        QVERIFY(dialog.okButton()->isEnabled());
    }

    void invalidTextDisablesOk()
    {
        BudgetsDialog dialog{Budgets{}};
        dialog.show();
        QLineEdit* lines = dialog.field(budgetIndex("max-output-lines"));
        for (const char* bad : {"3x", "-1", "0", "lots"}) {
            lines->setText(QString::fromUtf8(bad));
            QVERIFY2(!dialog.okButton()->isEnabled(), bad);
            bool named = false;
            for (QLabel* label : dialog.findChildren<QLabel*>())
                named |= label->isVisible() && label->text().contains(QStringLiteral("'%1'").arg(bad));
            QVERIFY2(named, bad);
        }
        lines->setText(QStringLiteral("3"));
        QVERIFY(dialog.okButton()->isEnabled());
        QCOMPARE(dialog.budgets().outputLines, uint64_t(3));
        // An empty field is the default.
        lines->clear();
        QVERIFY(dialog.okButton()->isEnabled());
        QCOMPARE(dialog.budgets().outputLines, Budgets{}.outputLines);
    }

    void savedBudgetsFeedTheWindowsRuns()
    {
        {
            MainWindow window;
            QCOMPARE(window.budgets().outputLines, Budgets{}.outputLines);
            bool shown = false;
            whenTheDialogShows(
                this,
                [](BudgetsDialog& dialog) {
                    dialog.field(budgetIndex("max-output-lines"))->setText(QStringLiteral("3"));
                    dialog.field(budgetIndex("max-memory"))->setText(QStringLiteral("256M"));
                    dialog.okButton()->click();
                },
                shown);
            window.editBudgets();
            QVERIFY(shown);
            QCOMPARE(window.budgets().outputLines, uint64_t(3));
            QCOMPARE(QSettings().value(QStringLiteral("budgets/max-output-lines")).toString(),
                     QStringLiteral("3"));
            QCOMPARE(QSettings().value(QStringLiteral("budgets/max-memory")).toString(),
                     QStringLiteral("256M"));
            // Budgets at their default are not saved.
            QVERIFY(!QSettings().contains(QStringLiteral("budgets/max-passes")));

            window.editor()->setPlainText(QStringLiteral("for i in range(10):\n    print(i)\n"));
            window.runCurrentSource();
            QVERIFY(window.waitForRun());
            QCOMPARE(QString::fromStdString(window.lastResult().errorType), QStringLiteral("LimitExceeded"));
            const QString console = window.console()->toPlainText();
            QVERIFY2(console.contains(QLatin1String("more than 3 lines of output")), qPrintable(console));
            QVERIFY2(console.contains(QLatin1String("--max-output-lines")), qPrintable(console));
            QVERIFY2(window.narrationText().contains(QStringLiteral("Run → Budgets")),
                     qPrintable(window.narrationText()));
        }
        {
            // The next window starts with the saved budgets; Cancel changes nothing.
            MainWindow window;
            QCOMPARE(window.budgets().outputLines, uint64_t(3));
            QCOMPARE(window.budgets().memoryBytes, uint64_t(256) << 20);
            bool shown = false;
            whenTheDialogShows(
                this,
                [](BudgetsDialog& dialog) {
                    dialog.field(budgetIndex("max-output-lines"))->setText(QStringLiteral("7"));
                    dialog.reject();
                },
                shown);
            window.editBudgets();
            QVERIFY(shown);
            QCOMPARE(window.budgets().outputLines, uint64_t(3));

            // Restore Defaults: every field back to its default, nothing saved.
            whenTheDialogShows(
                this,
                [](BudgetsDialog& dialog) {
                    auto* box = dialog.findChild<QDialogButtonBox*>();
                    box->button(QDialogButtonBox::RestoreDefaults)->click();
                    dialog.okButton()->click();
                },
                shown);
            window.editBudgets();
            QCOMPARE(window.budgets().outputLines, Budgets{}.outputLines);
            QCOMPARE(window.budgets().memoryBytes, Budgets{}.memoryBytes);
            QVERIFY(!QSettings().contains(QStringLiteral("budgets/max-output-lines")));
            QVERIFY(!QSettings().contains(QStringLiteral("budgets/max-memory")));
        }
    }

    void invalidSavedValuesKeepTheDefault()
    {
        QSettings().setValue(QStringLiteral("budgets/max-memory"), QStringLiteral("a lot"));
        QCOMPARE(savedBudgets().memoryBytes, Budgets{}.memoryBytes);
        QSettings().remove(QStringLiteral("budgets"));
    }
};

QTEST_MAIN(BudgetsDialogTest)
#include "tst_budgets_dialog.moc"
