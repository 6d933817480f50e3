#include "LoopInspector.h"

#include <algorithm>

namespace loopscope {

namespace {

constexpr int kTaskRole = Qt::UserRole + 1;

// A local variable's row, its items beneath it (collapsed) when it is a container.
void addValue(QTreeWidgetItem* parent, const LoopInspector::Value& value)
{
    auto* item = new QTreeWidgetItem(parent, {value.name, value.repr});
    item->setToolTip(1, value.repr);
    for (const LoopInspector::Value& child : value.items)
        addValue(item, child);
    if (value.more > 0)
        new QTreeWidgetItem(item, {QObject::tr("… and %1 more").arg(value.more)});
}

} // namespace

LoopInspector::LoopInspector(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("What"), tr("Detail")});
    setColumnWidth(0, 200);
    // Uniform rows: stepping refills hundreds of rows many times a second.
    setUniformRowHeights(true);
    readyQueue_ = new QTreeWidgetItem(this, {tr("Ready queue")});
    timers_ = new QTreeWidgetItem(this, {tr("Timers")});
    // The answer sits above the task list, which grows long with stacks: it stays in view.
    whyNot_ = new QTreeWidgetItem(this, {tr("Why isn't it running?")});
    tasks_ = new QTreeWidgetItem(this, {tr("Tasks")});
    readyQueue_->setToolTip(
        0, tr("The handles the loop will run, in order: a task's step or wake-up, or a callback"));
    timers_->setToolTip(0, tr("The timer heap, by deadline, with what each timer will do when it fires"));
    tasks_->setToolTip(
        0, tr("Every task so far, with its state; a suspended task's stack and locals beneath it. "
              "Click a task to ask why it is not running."));
    whyNot_->setToolTip(0, tr("Click a task below to ask"));
    for (QTreeWidgetItem* section : {readyQueue_, timers_, tasks_, whyNot_}) {
        QFont bold = section->font(0);
        bold.setBold(true);
        section->setFont(0, bold);
        section->setExpanded(true);
    }
    showWhyNot({});
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        for (; item; item = item->parent())
            if (const uint32_t task = item->data(0, kTaskRole).toUInt()) {
                if (task != selectedTask_) {
                    selectedTask_ = task;
                    emit taskSelected(task);
                }
                return;
            }
    });
}

void LoopInspector::showTasks(const TimelineModel& model)
{
    QList<Row> rows;
    // A huge run lists its first tasks; the timeline's row filter finds the others.
    const int shown = std::min(model.rowCount(), 2001);
    for (int row = 1; row < shown; ++row)
        rows << Row{model.rowLabel(row), {}, model.row(row).task.value};
    fill(tasks_, rows, std::max(0, model.rowCount() - shown), tr("(no tasks)"));
    qDeleteAll(readyQueue_->takeChildren());
    qDeleteAll(timers_->takeChildren());
    selectedTask_ = 0;
    showWhyNot({});
}

void LoopInspector::fill(QTreeWidgetItem* section, const QList<Row>& rows, int more, const QString& empty)
{
    // Reuse the rows that are there, in place: stepping refills these lists many times a second,
    // and removing and inserting rows costs the view far more than changing their text.
    const bool tasks = section == tasks_;
    int used = 0;
    auto next = [&]() -> QTreeWidgetItem* {
        if (used < section->childCount()) {
            QTreeWidgetItem* item = section->child(used++);
            if (!tasks && item->childCount() > 0)
                qDeleteAll(item->takeChildren());
            return item;
        }
        ++used;
        return new QTreeWidgetItem(section);
    };
    // Each change of an item costs the view work: only what differs is set.
    auto set = [](QTreeWidgetItem* item, const QString& what, const QString& detail, uint32_t task,
                  bool italic, bool bold) {
        if (item->text(0) != what) {
            item->setText(0, what);
            item->setToolTip(0, what);
        }
        if (item->text(1) != detail) {
            item->setText(1, detail);
            item->setToolTip(1, detail);
        }
        if (item->data(0, kTaskRole).toUInt() != task)
            item->setData(0, kTaskRole, task);
        QFont font = item->font(0);
        if (font.italic() != italic || font.bold() != bold) {
            font.setItalic(italic);
            font.setBold(bold);
            item->setFont(0, font);
        }
    };
    for (const Row& row : rows)
        set(next(), row.what, row.detail, row.task, false, row.task != 0 && row.task == selectedTask_);
    if (rows.isEmpty() || more > 0)
        set(next(), rows.isEmpty() ? empty : tr("… and %1 more").arg(more), {}, 0, true, false);
    while (section->childCount() > used)
        delete section->takeChild(section->childCount() - 1);
}

void LoopInspector::showMoment(const QList<Row>& ready, int moreReady, const QList<Row>& timers,
                               int moreTimers, const QList<Row>& tasks, int moreTasks)
{
    setUpdatesEnabled(false);
    // Refilling moves Qt's current item around: that is not the user picking a task.
    const QSignalBlocker block(this);
    fill(readyQueue_, ready, moreReady, tr("(empty)"));
    fill(timers_, timers, moreTimers, tr("(none)"));
    fill(tasks_, tasks, moreTasks, tr("(no tasks yet)"));
    readyQueue_->setText(1, ready.isEmpty() ? QString()
                                            : tr("%n handle(s)", nullptr, int(ready.size()) + moreReady));
    timers_->setText(1, timers.isEmpty() ? QString()
                                         : tr("%n timer(s)", nullptr, int(timers.size()) + moreTimers));
    tasks_->setText(1,
                    tasks.isEmpty() ? QString() : tr("%n task(s)", nullptr, int(tasks.size()) + moreTasks));
    showStacks(stacks_, stacksNote_);
    setCurrentItem(nullptr);
    for (int i = 0; i < tasks_->childCount(); ++i)
        if (selectedTask_ != 0 && tasks_->child(i)->data(0, kTaskRole).toUInt() == selectedTask_)
            setCurrentItem(tasks_->child(i));
    setUpdatesEnabled(true);
}

void LoopInspector::showStacks(const QHash<uint32_t, QList<Frame>>& stacks, const QString& note)
{
    stacks_ = stacks;
    stacksNote_ = note;
    tasks_->setToolTip(1, note.isEmpty() ? QString() : tr("Stacks and locals: %1").arg(note));
    for (int i = 0; i < tasks_->childCount(); ++i) {
        QTreeWidgetItem* task = tasks_->child(i);
        const uint32_t id = task->data(0, kTaskRole).toUInt();
        const bool wasExpanded = task->isExpanded();
        if (task->childCount() > 0)
            qDeleteAll(task->takeChildren());
        const auto found = id == 0 ? stacks.end() : stacks.find(id);
        if (found == stacks.end())
            continue;
        for (const Frame& frame : *found) {
            auto* item = new QTreeWidgetItem(task, {frame.function + QStringLiteral("()"),
                                                    frame.line ? tr("line %1").arg(frame.line) : QString()});
            for (const Value& local : frame.locals)
                addValue(item, local);
            item->setExpanded(true);
        }
        task->setExpanded(wasExpanded || found->size() > 0);
    }
}

void LoopInspector::showWhyNot(const QString& text)
{
    const QString shown = text.isEmpty() ? tr("Click a task below to ask.") : text;
    if (whyNot_->childCount() == 1 && whyNot_->child(0)->text(0) == shown)
        return;
    qDeleteAll(whyNot_->takeChildren());
    auto* item = new QTreeWidgetItem(whyNot_, {shown});
    item->setToolTip(0, text);
    // The sentence spans both columns (the detail column is empty) and wraps in its tooltip.
    setFirstColumnSpanned(whyNot_->indexOfChild(item), indexFromItem(whyNot_), true);
    if (text.isEmpty()) {
        QFont font = item->font(0);
        font.setItalic(true);
        item->setFont(0, font);
    }
    whyNot_->setExpanded(true);
}

void LoopInspector::selectTask(uint32_t task)
{
    selectedTask_ = task;
    {
        const QSignalBlocker block(this);
        setCurrentItem(nullptr);
        for (int i = 0; i < tasks_->childCount(); ++i)
            if (tasks_->child(i)->data(0, kTaskRole).toUInt() == task)
                setCurrentItem(tasks_->child(i));
    }
    emit taskSelected(task);
}

QStringList LoopInspector::rowTexts(const QTreeWidgetItem* section)
{
    QStringList out;
    for (int i = 0; i < section->childCount(); ++i) {
        const QTreeWidgetItem* item = section->child(i);
        out << (item->text(1).isEmpty() ? item->text(0)
                                        : item->text(0) + QStringLiteral(" | ") + item->text(1));
    }
    return out;
}

} // namespace loopscope
