#pragma once
// The loop inspector: at the cursor, the ready queue in order, the timer heap by deadline with
// what each timer will wake, every task with its state and what it awaits (each suspended
// task's stack of scenario frames and their locals beneath it, containers expandable), and for
// the selected task the answer to "why isn't it running?". Filled from the rows the window
// derives from the trace; it knows nothing of the engine.

#include <vector>

#include <QTreeWidget>

#include "TimelineModel.h"

namespace loopscope {

class LoopInspector : public QTreeWidget {
    Q_OBJECT
  public:
    // One row: what, and a detail. [task] (when not 0) makes the row a task's, selectable for
    // "why isn't it running?".
    struct Row {
        QString what, detail;
        uint32_t task = 0;
    };
    // A local variable, or an item of a container (expandable beneath it).
    struct Value {
        QString name, repr;
        std::vector<Value> items;
        int more = 0; // items the container holds beyond [items]
    };
    // A frame of a task's stack.
    struct Frame {
        QString function;
        int line = 0;
        std::vector<Value> locals;
    };

    explicit LoopInspector(QWidget* parent = nullptr);

    // Lists the tasks of [model] under "Tasks" (before any cursor).
    void showTasks(const TimelineModel& model);

    // The state at the cursor. [more*] count the rows left out of a long list.
    void showMoment(const QList<Row>& ready, int moreReady, const QList<Row>& timers, int moreTimers,
                    const QList<Row>& tasks, int moreTasks);
    // Each task's stack (task id -> frames, outermost first); [note] says why there are none.
    void showStacks(const QHash<uint32_t, QList<Frame>>& stacks, const QString& note);
    // The answer for the selected task.
    void showWhyNot(const QString& text);

    uint32_t selectedTask() const { return selectedTask_; }
    void selectTask(uint32_t task);

    QTreeWidgetItem* readyQueueSection() const { return readyQueue_; }
    QTreeWidgetItem* timersSection() const { return timers_; }
    QTreeWidgetItem* tasksSection() const { return tasks_; }
    QTreeWidgetItem* whyNotSection() const { return whyNot_; }
    // The children of [section] as "what | detail" strings (for tests and tooltips).
    static QStringList rowTexts(const QTreeWidgetItem* section);

  signals:
    // The user picked a task: the window answers with showWhyNot().
    void taskSelected(uint32_t task);

  private:
    void fill(QTreeWidgetItem* section, const QList<Row>& rows, int more, const QString& empty);

    QTreeWidgetItem* readyQueue_ = nullptr;
    QTreeWidgetItem* timers_ = nullptr;
    QTreeWidgetItem* tasks_ = nullptr;
    QTreeWidgetItem* whyNot_ = nullptr;
    uint32_t selectedTask_ = 0;
    QHash<uint32_t, QList<Frame>> stacks_;
    QString stacksNote_;
};

} // namespace loopscope
