#include "BudgetsDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace loopscope {

namespace {

QString settingsKey(size_t index)
{
    return QStringLiteral("budgets/") + QString::fromUtf8(kBudgetInfo[index].option);
}

QString defaultText(size_t index)
{
    return QString::fromStdString(budgetText(Budgets{}, index));
}

// What a field of budget [index] takes, for the message under the fields.
QString wantedValue(size_t index)
{
    const QString kind = QString::fromUtf8(kBudgetInfo[index].valueName);
    if (kind == QLatin1String("BYTES"))
        return QObject::tr("a byte count such as 512M (K, M and G suffixes)");
    if (kind == QLatin1String("SECONDS"))
        return QObject::tr("a positive number of seconds");
    return QObject::tr("a positive whole number");
}

} // namespace

Budgets savedBudgets()
{
    Budgets budgets;
    const QSettings settings;
    for (size_t i = 0; i < kBudgetCount; ++i) {
        const QString text = settings.value(settingsKey(i)).toString();
        Budgets candidate = budgets;
        // A value edited by hand into something invalid keeps the default rather than failing.
        if (!text.isEmpty() && setBudget(candidate, i, text.toStdString()))
            budgets = candidate;
    }
    return budgets;
}

void saveBudgets(const Budgets& budgets)
{
    QSettings settings;
    for (size_t i = 0; i < kBudgetCount; ++i) {
        const QString text = QString::fromStdString(budgetText(budgets, i));
        if (text == defaultText(i))
            settings.remove(settingsKey(i));
        else
            settings.setValue(settingsKey(i), text);
    }
}

BudgetsDialog::BudgetsDialog(const Budgets& budgets, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Budgets of a Run"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("A run that goes past one of these ends with a message naming it. They "
                                "keep a runaway or hostile program from freezing the window or eating "
                                "the machine; raise one when a program of yours needs more."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    for (size_t i = 0; i < kBudgetCount; ++i) {
        const BudgetInfo& info = kBudgetInfo[i];
        auto* edit = new QLineEdit(QString::fromStdString(budgetText(budgets, i)), this);
        edit->setObjectName(QString::fromUtf8(info.option));
        edit->setPlaceholderText(defaultText(i));
        QString help = QString::fromUtf8(info.help);
        help[0] = help[0].toUpper();
        edit->setToolTip(tr("%1.\nDefault %2; on the command line: --%3 %4")
                             .arg(help, defaultText(i), QString::fromUtf8(info.option),
                                  QString::fromUtf8(info.valueName)));
        connect(edit, &QLineEdit::textChanged, this, &BudgetsDialog::validate);
        fields_.push_back(edit);
        form->addRow(help + QLatin1Char(':'), edit);
    }
    layout->addLayout(form);

    problem_ = new QLabel(this);
    problem_->setWordWrap(true);
    problem_->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(problem_);

    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &BudgetsDialog::restoreDefaults);
    layout->addWidget(buttons);
    validate();
}

Budgets BudgetsDialog::budgets() const
{
    Budgets budgets;
    for (size_t i = 0; i < kBudgetCount; ++i) {
        const QString text = fields_[i]->text().trimmed();
        if (!text.isEmpty())
            setBudget(budgets, i, text.toStdString());
    }
    return budgets;
}

void BudgetsDialog::validate()
{
    QStringList problems;
    for (size_t i = 0; i < kBudgetCount; ++i) {
        const QString text = fields_[i]->text().trimmed();
        Budgets scratch;
        // An empty field means the default (the placeholder shows it).
        const bool valid = text.isEmpty() || setBudget(scratch, i, text.toStdString());
        fields_[i]->setStyleSheet(valid ? QString() : QStringLiteral("border: 2px solid #b00020"));
        if (!valid)
            problems << tr("%1 needs %2, not '%3'.")
                            .arg(QString::fromUtf8(kBudgetInfo[i].help), wantedValue(i), text);
    }
    problem_->setText(problems.join(QLatin1Char('\n')));
    problem_->setVisible(!problems.isEmpty());
    ok_->setEnabled(problems.isEmpty());
}

void BudgetsDialog::restoreDefaults()
{
    for (size_t i = 0; i < kBudgetCount; ++i)
        fields_[i]->setText(defaultText(i));
}

} // namespace loopscope
