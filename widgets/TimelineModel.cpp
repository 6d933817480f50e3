#include "TimelineModel.h"

#include <algorithm>

#include <QHash>

namespace loopscope {

namespace {

SegmentKind segmentForWait(WaitKind wait)
{
    switch (wait) {
    case WaitKind::Ready:
        return SegmentKind::Ready;
    case WaitKind::Timer:
        return SegmentKind::Sleeping;
    case WaitKind::Future:
        return SegmentKind::WaitingFuture;
    case WaitKind::Task:
        return SegmentKind::WaitingTask;
    case WaitKind::Lock:
    case WaitKind::Event:
    case WaitKind::Condition:
    case WaitKind::Semaphore:
    case WaitKind::Queue:
    case WaitKind::Barrier:
        return SegmentKind::WaitingSync;
    case WaitKind::None:
    case WaitKind::Other:
        break;
    }
    return SegmentKind::WaitingFuture;
}

MarkerKind markerForEnd(EndStatus status)
{
    switch (status) {
    case EndStatus::Ok:
        return MarkerKind::Done;
    case EndStatus::Cancelled:
        return MarkerKind::Cancelled;
    case EndStatus::Failed:
        return MarkerKind::Failed;
    }
    return MarkerKind::Done;
}

// The bar a task is in right now, closed when its state changes.
struct OpenBar {
    bool open = false;
    SegmentKind kind = SegmentKind::Ready;
    double start = 0;
    EventIndex firstEvent;
};

} // namespace

TimelineModel TimelineModel::fromTrace(const TraceRecorder& trace)
{
    TimelineModel model;
    model.rows_.append({TaskId{0}, QStringLiteral("event loop")});

    QHash<uint32_t, int> rowOfTask;
    QVector<OpenBar> open(1); // indexed by row

    auto closeBar = [&](int row, double t) {
        OpenBar& bar = open[row];
        if (bar.open)
            model.segments_.append({bar.start, t, row, bar.kind, bar.firstEvent});
        bar.open = false;
    };
    auto openBar = [&](int row, SegmentKind kind, double t, uint32_t index) {
        closeBar(row, t);
        open[row] = {true, kind, t, EventIndex{index}};
    };

    const auto& events = trace.events();
    for (uint32_t i = 0; i < uint32_t(events.size()); ++i) {
        const TraceEvent& e = events[i];
        model.endTime_ = std::max({model.endTime_, e.t, e.newTime()});
        const auto found = rowOfTask.constFind(e.task.value);
        const int row = found == rowOfTask.constEnd() ? -1 : *found;

        switch (e.kind) {
        case EventKind::TaskCreated: {
            const QString name = QString::fromStdString(trace.taskName(e));
            const QString coro = QString::fromStdString(std::string(trace.string(e.coroName())));
            const QString label = coro.isEmpty() ? name : name + QStringLiteral("  ") + coro;
            const int newRow = int(model.rows_.size());
            rowOfTask.insert(e.task.value, newRow);
            model.rows_.append({e.task, label});
            open.append(OpenBar{});
            model.markers_.append({e.t, newRow, MarkerKind::Created});
            break;
        }
        case EventKind::TaskRenamed:
            if (row > 0) {
                const QString coro = model.rows_[row].label.section(QStringLiteral("  "), 1);
                const QString name = QString::fromStdString(std::string(trace.string(e.name())));
                model.rows_[row].label = coro.isEmpty() ? name : name + QStringLiteral("  ") + coro;
            }
            break;
        case EventKind::ReadyPushed:
            // A task's wakeup goes through call_soon: from now on it waits its turn.
            if (row > 0)
                openBar(row, SegmentKind::Ready, e.t, i);
            break;
        case EventKind::StepBegan:
            if (row > 0)
                openBar(row, SegmentKind::Running, e.t, i);
            break;
        case EventKind::StepEnded:
            if (row > 0)
                openBar(row, segmentForWait(e.wait()), e.t, i);
            break;
        case EventKind::TaskFinished:
            if (row > 0) {
                closeBar(row, e.t);
                model.markers_.append({e.t, row, markerForEnd(e.status())});
            }
            break;
        case EventKind::ClockJumped:
            if (e.newTime() > e.t)
                model.segments_.append({e.t, e.newTime(), 0, SegmentKind::LoopIdle, EventIndex{i}});
            break;
        default:
            break;
        }
    }
    // Tasks still pending when the run ended (a deadlock, a limit) keep their last bar to the end.
    for (int row = 1; row < open.size(); ++row)
        closeBar(row, model.endTime_);
    return model;
}

QString TimelineModel::describe(SegmentKind kind)
{
    switch (kind) {
    case SegmentKind::Running:
        return QStringLiteral("running");
    case SegmentKind::Ready:
        return QStringLiteral("ready, waiting its turn");
    case SegmentKind::Sleeping:
        return QStringLiteral("sleeping");
    case SegmentKind::WaitingFuture:
        return QStringLiteral("waiting on a future");
    case SegmentKind::WaitingTask:
        return QStringLiteral("waiting on a task");
    case SegmentKind::WaitingSync:
        return QStringLiteral("waiting on a lock, event or queue");
    case SegmentKind::LoopIdle:
        return QStringLiteral("loop idle until the next timer");
    }
    return {};
}

} // namespace loopscope
