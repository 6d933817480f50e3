#include "LoopInspector.h"

#include <algorithm>

namespace loopscope {

LoopInspector::LoopInspector(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("What"), tr("Detail")});
    setColumnWidth(0, 220);
    readyQueue_ = new QTreeWidgetItem(this, {tr("Ready queue")});
    timers_ = new QTreeWidgetItem(this, {tr("Timers")});
    tasks_ = new QTreeWidgetItem(this, {tr("Tasks")});
    for (QTreeWidgetItem* section : {readyQueue_, timers_, tasks_}) {
        QFont bold = section->font(0);
        bold.setBold(true);
        section->setFont(0, bold);
        section->setExpanded(true);
    }
}

void LoopInspector::showTasks(const TimelineModel& model)
{
    qDeleteAll(tasks_->takeChildren());
    // A huge run lists its first tasks; the timeline's row filter finds the others.
    const int shown = std::min(model.rowCount(), 2001);
    for (int row = 1; row < shown; ++row)
        new QTreeWidgetItem(tasks_, {model.rowLabel(row)});
    if (model.rowCount() > shown)
        new QTreeWidgetItem(tasks_, {tr("… and %1 more").arg(model.rowCount() - shown)});
    tasks_->setExpanded(true);
}

} // namespace loopscope
