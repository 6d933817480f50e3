#include "CursorPanels.h"

#include "LoopWords.h"

namespace loopscope {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

void showMomentIn(LoopInspector& inspector, const LoopHistory& history, const LoopMoment& m)
{
    QList<LoopInspector::Row> ready, timers, tasks;
    for (size_t i = 0; i < m.ready.size() && i < size_t(kInspectorRowLimit); ++i) {
        const QueuedHandle& h = m.ready[i];
        ready << LoopInspector::Row{
            QStringLiteral("%1. %2").arg(i + 1).arg(q(handleSubject(history, h, m.at))),
            q(handleRole(history, h, m.at) + ", since t=" + formatTime(history.event(h.since).t)),
            h.kind == HandleKind::Callback ? 0u : h.task.value};
    }
    for (size_t i = 0; i < m.timers.size() && i < size_t(kInspectorRowLimit); ++i) {
        const PendingTimer& t = m.timers[i];
        timers << LoopInspector::Row{q("t=" + formatTime(t.deadline)), q(timerPurpose(history, t, m.at)),
                                     t.kind == TimerKind::Sleep ? t.task.value : 0u};
    }
    for (size_t i = 0; i < m.tasks.size() && i < size_t(kInspectorRowLimit); ++i) {
        const TaskAtMoment& t = m.tasks[i];
        tasks << LoopInspector::Row{q(history.taskLabel(t.task, m.at)), q(taskStateWords(history, m, t)),
                                    t.task.value};
    }
    const auto more = [](size_t n) {
        return int(n > size_t(kInspectorRowLimit) ? n - size_t(kInspectorRowLimit) : 0);
    };
    inspector.showMoment(ready, more(m.ready.size()), timers, more(m.timers.size()), tasks,
                         more(m.tasks.size()));
}

namespace {

LoopInspector::Value inspectorValue(const ValueRow& row)
{
    LoopInspector::Value value{
        q(row.name), q(row.repr), {}, int(row.itemCount - std::min(row.itemCount, row.items.size()))};
    for (const ValueRow& item : row.items)
        value.items.push_back(inspectorValue(item));
    return value;
}

} // namespace

QHash<uint32_t, QList<LoopInspector::Frame>> inspectorStacks(const TaskStacksAt& stacks)
{
    QHash<uint32_t, QList<LoopInspector::Frame>> out;
    for (const auto& [task, frames] : stacks.stacks) {
        QList<LoopInspector::Frame>& list = out[task];
        for (const FrameView& f : frames) {
            LoopInspector::Frame frame{q(f.function), int(f.line), {}};
            for (const ValueRow& local : f.locals)
                frame.locals.push_back(inspectorValue(local));
            list << frame;
        }
    }
    return out;
}

int cursorLine(const RunCursor& cursor, uint32_t sourceLineCount)
{
    const uint32_t line = cursor.lineAt(cursor.position());
    return line <= sourceLineCount ? int(line) : 0;
}

QMap<int, QStringList> parkedLines(const LoopHistory& history, const LoopMoment& m, uint32_t sourceLineCount)
{
    QMap<int, QStringList> out;
    for (const TaskAtMoment& t : m.tasks) {
        if (t.phase != TaskPhase::Suspended || t.line == 0 || t.line > sourceLineCount)
            continue;
        QStringList& names = out[int(t.line)];
        if (names.size() < 8)
            names << q(history.taskLabel(t.task, m.at));
    }
    return out;
}

TimelineCursor timelineCursor(const RunCursor& cursor, const LoopHistory& history, const LoopMoment& m)
{
    EventIndex event = cursor.event();
    const TraceEvent& stop = history.event(event);
    QString where;
    if (m.running.value != 0) {
        // The running step's bar is the one outlined.
        event = m.runningSince;
        where = q(history.taskLabel(m.running, m.at));
        if (stop.kind == EventKind::Statement)
            where += QStringLiteral(", line %1").arg(stop.line());
    } else if (stop.kind == EventKind::ClockJumped) {
        // The clock has jumped: the line stands at the new time.
        if (event.value + 1 < history.eventCount())
            event = EventIndex{event.value + 1};
        where = q("clock " + formatTime(stop.t) + " → " + formatTime(stop.newTime()));
    } else if (stop.kind == EventKind::CallbackRan) {
        where = q("callback " + std::string(history.trace().string(stop.callbackName())));
    } else if (stop.kind == EventKind::RunEnded) {
        where = QStringLiteral("the end");
    } else if (stop.kind == EventKind::Statement) {
        where = QStringLiteral("line %1").arg(stop.line());
    }
    const int step = cursor.stepNumberAt(cursor.position());
    QString label = step > 0 ? QStringLiteral("step %1 of %2").arg(step).arg(cursor.stepCount())
                             : QStringLiteral("before step 1");
    if (!where.isEmpty())
        label += QStringLiteral(" · ") + where;
    label += q(" · t=" + formatTime(m.time));
    return {event, label};
}

} // namespace loopscope
