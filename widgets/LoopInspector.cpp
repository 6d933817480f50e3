#include "LoopInspector.h"

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
    for (const TimelineRow& row : model.rows()) {
        if (row.task.value != 0)
            new QTreeWidgetItem(tasks_, {row.label});
    }
    tasks_->setExpanded(true);
}

} // namespace loopscope
