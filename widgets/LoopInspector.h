#pragma once
// The loop inspector: at the cursor, the ready queue in order, the timer heap
// with deadlines, and every task with its state. Filled from the trace.

#include <QTreeWidget>

#include "TimelineModel.h"

namespace loopscope {

class LoopInspector : public QTreeWidget {
    Q_OBJECT
  public:
    explicit LoopInspector(QWidget* parent = nullptr);

    // Lists the tasks of [model] under "Tasks"; the ready queue and timers stay
    // empty until the cursor (a later issue) picks a moment of the run.
    void showTasks(const TimelineModel& model);

  private:
    QTreeWidgetItem* readyQueue_ = nullptr;
    QTreeWidgetItem* timers_ = nullptr;
    QTreeWidgetItem* tasks_ = nullptr;
};

} // namespace loopscope
