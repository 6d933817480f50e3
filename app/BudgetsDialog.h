#pragma once
// Run → Budgets...: the window's setting for each budget of a run (engine/budgets.def), the same
// budgets the command line sets with --max-memory and the others. The values persist in
// QSettings under "budgets/<option>" (e.g. "budgets/max-memory" = "1G"), as the command line
// writes them; a budget without a saved value has its default.

#include <vector>

#include <QDialog>

#include "engine.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace loopscope {

// The budgets saved in QSettings, defaults for those not saved or no longer valid.
Budgets savedBudgets();
// Saves [budgets]; a budget at its default is removed, so that a later default applies to it.
void saveBudgets(const Budgets& budgets);

class BudgetsDialog : public QDialog {
    Q_OBJECT
  public:
    // Edits [budgets]; OK is enabled while every field holds a valid value.
    explicit BudgetsDialog(const Budgets& budgets, QWidget* parent = nullptr);

    // The budgets as the fields give them (valid once accepted).
    Budgets budgets() const;
    // The field of budget [index] of kBudgetInfo (for tests).
    QLineEdit* field(size_t index) const { return fields_[index]; }
    QPushButton* okButton() const { return ok_; }

  private:
    void validate();
    void restoreDefaults();

    std::vector<QLineEdit*> fields_;
    QLabel* problem_ = nullptr;
    QPushButton* ok_ = nullptr;
};

} // namespace loopscope
