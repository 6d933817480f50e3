#include "TimelineDescriptions.h"

#include <algorithm>
#include <optional>

#include <QStringList>

#include "TimelineDeadlockSlot.h"

namespace loopscope {

namespace {

const QString kArrow = QStringLiteral(" → ");

QString str(const TimelineModel& model, StringId id)
{
    return QString::fromUtf8(model.trace().string(id));
}

// "Task-2 add_slow": the task's name and coroutine, as tooltips name a row.
QString who(const TimelineModel& model, int row)
{
    if (row < 0 || row >= model.rowCount())
        return QStringLiteral("the program");
    if (row == 0)
        return QStringLiteral("The event loop");
    const QString coro = model.coroName(row);
    return coro.isEmpty() ? model.taskName(row) : model.taskName(row) + u' ' + coro;
}

QString span(double t0, double t1)
{
    if (t1 - t0 < 1e-9)
        return QStringLiteral("at %1 s").arg(formatSeconds(t0));
    return formatSeconds(t0) + kArrow + formatSeconds(t1) + QStringLiteral(" s");
}

// ": await asyncio.sleep(5), line 15" for a line of the scenario, or "" for none.
QString whereLine(const TimelineModel& model, uint32_t line)
{
    line = model.scenarioLine(line);
    if (line == 0)
        return {};
    const QString text = model.sourceLine(line);
    if (text.isEmpty())
        return QStringLiteral(", line %1").arg(line);
    return QStringLiteral(": %1, line %2").arg(text).arg(line);
}

// The first line of a (possibly multi-line) text, shortened.
QString firstLine(const QString& text, int max = 160)
{
    QString line = text.section(u'\n', 0, 0);
    if (line.size() > max)
        line = line.left(max - 1) + QStringLiteral("…");
    return line;
}

// The step that the segment [index] of [row] ends: its StepEnded, for Running segments.
std::optional<TraceEvent> stepEndOf(const TimelineModel& model, int row, int index)
{
    const auto segs = model.segments(row);
    if (size_t(index) + 1 < segs.size()) {
        const TraceEvent next = model.event(segs[size_t(index) + 1].event);
        if (next.kind == EventKind::StepEnded)
            return next;
    }
    return std::nullopt;
}

// What a waiting segment waits on: "Task-3 add_fast", "gather of Task-2, Task-3", "Queue.get".
QString waitTarget(const TimelineModel& model, int row, const TimelineSegment& s)
{
    const TraceEvent& e = model.event(s.event);
    if (e.kind != EventKind::StepEnded)
        return {};
    if (e.wait() == WaitKind::Task) {
        const int awaited = model.rowOfTask(e.awaitedTask());
        return awaited >= 0 ? who(model, awaited) : QStringLiteral("Task-%1").arg(e.awaitedTask().value);
    }
    QString label = str(model, e.waitLabel());
    if (label.isEmpty())
        label = QString::fromUtf8(waitKindDescription(e.wait()));
    if (s.kind == SegmentKind::AwaitingFuture) {
        // gather, asyncio.wait and TaskGroup name the tasks they wait for.
        QStringList names;
        for (int child : model.joinedRows(row))
            if (model.row(child).createdEvent.value <= s.event.value && model.row(child).end >= s.start)
                names << model.taskName(child);
        if (!names.isEmpty()) {
            if (names.size() > 6)
                names = names.mid(0, 5) << QStringLiteral("… (%1 tasks)").arg(names.size());
            label += QStringLiteral(" of ") + names.join(QStringLiteral(", "));
        }
    }
    return label;
}

} // namespace

QString stallCaption(const TimelineModel& model, const TimelineStall& stall)
{
    const TraceEvent& e = model.event(stall.event);
    QString call = str(model, e.text());
    if (call.isEmpty())
        call = QStringLiteral("a blocking call");
    const QString in = stall.row ? QStringLiteral(" in ") + who(model, int(stall.row)) : QString();
    return QStringLiteral("%1%2 held the loop %3 s").arg(call, in, formatSeconds(stall.end - stall.start));
}

namespace {

QString pendingNote(const TimelineModel& model, const TimelineSegment& s)
{
    if ((s.flags & kStuckAtDeadlock) && !(s.flags & kPendingAtEnd) && model.hasDeadlockSlot())
        return QStringLiteral(
                   ". It would wait forever: nothing could wake it when the run deadlocked at %1 s "
                   "(the deadlock then ends as Ctrl+C would, and the task is cancelled)")
            .arg(formatSeconds(model.deadlockSlotStart(TimelineAxis::Time)));
    if (!(s.flags & kPendingAtEnd))
        return {};
    if (model.runError().startsWith(QLatin1String("Deadlock")))
        return QStringLiteral(". It waits forever: the run ended in a deadlock");
    if (!model.runError().isEmpty())
        return QStringLiteral(". Still so when the run ended (%1)").arg(firstLine(model.runError(), 80));
    return QStringLiteral(". Still so when the run ended");
}

} // namespace

QString formatSecondsShort(double t)
{
    QString text = QString::number(t, 'g', t < 1 ? 3 : 4);
    if (!text.contains(u'.') && !text.contains(u'e'))
        text += QStringLiteral(".0");
    return text;
}

QString formatSeconds(double t)
{
    QString text = QString::number(t, 'g', 6);
    if (!text.contains(u'.') && !text.contains(u'e'))
        text += QStringLiteral(".0");
    return text;
}

// -- Segments -------------------------------------------------------------------------------------

QString describeSegment(const TimelineModel& model, int row, int index)
{
    const TimelineSegment& s = model.segments(row)[size_t(index)];
    const double t0 = s.start, t1 = model.segmentEnd(row, index);
    const TraceEvent& e = model.event(s.event);
    const QString name = who(model, row);
    switch (s.kind) {
    case SegmentKind::Running:
    case SegmentKind::Blocking: {
        const std::optional<TraceEvent> end = stepEndOf(model, row, index);
        QString text = s.kind == SegmentKind::Running
                           ? QStringLiteral("%1 running %2").arg(name, span(t0, t1))
                           : QStringLiteral("%1 holds the loop %2").arg(name, span(t0, t1));
        const int pass = model.passAt(model.slotCoord(s.event, true));
        if (pass >= 0)
            text += QStringLiteral(" (pass %1)").arg(pass + 1);
        if (e.kind == EventKind::StepBegan && model.scenarioLine(e.line()))
            text += QStringLiteral(": resumed at line %1").arg(e.line());
        if (end && model.scenarioLine(end->line()))
            text += QStringLiteral(", suspended%1").arg(whereLine(model, end->line()));
        else if (model.row(row).ending != RowEnd::Pending && index + 1 == int(model.segments(row).size()))
            text += QStringLiteral(", and finished");
        if (s.kind == SegmentKind::Blocking)
            if (const TimelineStall* stall = model.stallAt(t0))
                text +=
                    QStringLiteral(". %1: no other task can run meanwhile").arg(stallCaption(model, *stall));
        return text + pendingNote(model, s);
    }
    case SegmentKind::Ready: {
        QString text = QStringLiteral("%1 ready %2, waiting its turn: ").arg(name, span(t0, t1));
        text += s.ahead == 0 ? QStringLiteral("first in the ready queue")
                             : QStringLiteral("%1 handle%2 ahead of it in the ready queue")
                                   .arg(s.ahead)
                                   .arg(s.ahead == 1 ? "" : "s");
        return text + pendingNote(model, s);
    }
    case SegmentKind::HeldUp: {
        QString text = QStringLiteral("%1 held up %2: it could run").arg(name, span(t0, t1));
        if (index > 0 && model.segments(row)[size_t(index) - 1].kind == SegmentKind::Sleeping)
            text += QStringLiteral(" (its timer was due at %1 s)").arg(formatSeconds(t0));
        if (const TimelineStall* stall = model.stallAt(t0))
            text += QStringLiteral(", but %1").arg(stallCaption(model, *stall));
        else
            text += QStringLiteral(", but the loop was busy");
        return text + pendingNote(model, s);
    }
    case SegmentKind::Sleeping: {
        QString text = QStringLiteral("%1 sleeping %2%3").arg(name, span(t0, t1), whereLine(model, e.line()));
        if (e.kind == EventKind::StepEnded && std::abs(e.deadline() - t1) > 1e-9)
            text += QStringLiteral(" (deadline %1 s)").arg(formatSeconds(e.deadline()));
        return text + pendingNote(model, s);
    }
    case SegmentKind::AwaitingTask:
    case SegmentKind::AwaitingFuture:
        return QStringLiteral("%1 awaits %2 %3%4")
                   .arg(name, waitTarget(model, row, s), span(t0, t1), whereLine(model, e.line())) +
               pendingNote(model, s);
    case SegmentKind::WaitingSync:
        return QStringLiteral("%1 waits on %2 %3%4")
                   .arg(name, waitTarget(model, row, s), span(t0, t1), whereLine(model, e.line())) +
               pendingNote(model, s);
    case SegmentKind::LoopBusy: {
        const int first = model.passAt(model.slotCoord(s.event, false));
        const int last = model.passAt(std::max(model.segmentStartOn(TimelineAxis::Passes, row, index),
                                               model.segmentEndOn(TimelineAxis::Passes, row, index) - 0.5));
        QString passes;
        if (first >= 0 && last > first)
            passes = QStringLiteral(" (passes %1–%2)").arg(first + 1).arg(last + 1);
        else if (first >= 0)
            passes = QStringLiteral(" (pass %1)").arg(first + 1);
        if (t1 - t0 > 1e-9)
            return QStringLiteral("The event loop is busy %1%2").arg(span(t0, t1), passes);
        return QStringLiteral("The event loop runs its passes %1%2").arg(span(t0, t1), passes);
    }
    case SegmentKind::LoopIdle:
        return QStringLiteral("The event loop is idle %1: nothing is ready, so the clock jumps to the next "
                              "timer")
            .arg(span(t0, t1));
    case SegmentKind::LoopCallback: {
        QString callback = str(model, e.callbackName());
        if (callback.isEmpty())
            callback = QStringLiteral("a callback");
        QString text = QStringLiteral("The event loop runs %1 %2").arg(callback, span(t0, t1));
        if (const int owner = model.rowOfTask(e.task); owner > 0)
            text += QStringLiteral(" (for %1)").arg(who(model, owner));
        return text;
    }
    case SegmentKind::Deadlocked: {
        // The run's error is "Deadlock: <who waits on what>".
        QString who = model.runError().section(u':', 1).trimmed();
        if (who.size() > 400)
            who = who.left(400) + QChar(0x2026);
        return QStringLiteral(
                   "Deadlock at %1 s: no task is ready and no timer is set, so nothing can wake the "
                   "tasks that wait; the event loop would wait forever%2. Loopscope then ends it as "
                   "Ctrl+C would: the tasks are cancelled, their finally blocks run, and "
                   "asyncio.run shuts down")
            .arg(formatSeconds(t0), who.isEmpty() ? QString() : QStringLiteral(" (") + who + u')');
    }
    case SegmentKind::Gap:
        break;
    }
    return {};
}

QString segmentCaption(const TimelineModel& model, int row, int index, bool shortForm)
{
    const TimelineSegment& s = model.segments(row)[size_t(index)];
    const TraceEvent& e = model.event(s.event);
    switch (s.kind) {
    case SegmentKind::Sleeping:
        if (e.kind != EventKind::StepEnded)
            return QStringLiteral("sleeping");
        return (shortForm ? QStringLiteral("→ %1 s") : QStringLiteral("sleep until %1 s"))
            .arg(formatSecondsShort(e.deadline()));
    case SegmentKind::AwaitingTask:
    case SegmentKind::AwaitingFuture: {
        QString target = waitTarget(model, row, s);
        if (shortForm)
            target = target.section(u' ', 0, 0);
        return QStringLiteral("awaits ") + target;
    }
    case SegmentKind::WaitingSync:
        return waitTarget(model, row, s);
    case SegmentKind::HeldUp:
        return QStringLiteral("held up");
    case SegmentKind::Blocking:
        if (const TimelineStall* stall = model.stallAt(s.start))
            return str(model, model.event(stall->event).text());
        return QStringLiteral("blocking");
    case SegmentKind::LoopIdle:
        return QStringLiteral("idle");
    case SegmentKind::LoopCallback:
        return str(model, e.callbackName());
    case SegmentKind::Ready:
        return QStringLiteral("ready");
    case SegmentKind::Running:
        // A step that never ended: the limit (or Cancel) stopped the run inside it.
        if ((s.flags & kPendingAtEnd) && !model.runError().isEmpty())
            return QStringLiteral("still running when %1 stopped the run")
                .arg(model.runError().section(u':', 0, 0));
        break;
    case SegmentKind::Deadlocked:
        return deadlockBandCaption(shortForm);
    case SegmentKind::LoopBusy:
    case SegmentKind::Gap:
        break;
    }
    return {};
}

QString stateName(const TimelineModel& model, int row, int index)
{
    const TimelineSegment& s = model.segments(row)[size_t(index)];
    const TraceEvent& e = model.event(s.event);
    switch (s.kind) {
    case SegmentKind::Running:
        return QStringLiteral("running");
    case SegmentKind::Blocking:
        return QStringLiteral("blocking the loop");
    case SegmentKind::Ready:
        return QStringLiteral("ready");
    case SegmentKind::HeldUp:
        return QStringLiteral("blocked");
    case SegmentKind::Sleeping:
        return QStringLiteral("sleeping");
    case SegmentKind::AwaitingTask:
        if (e.kind == EventKind::StepEnded) {
            const int awaited = model.rowOfTask(e.awaitedTask());
            return QStringLiteral("waiting on ") +
                   (awaited > 0 ? model.taskName(awaited)
                                : QStringLiteral("Task-%1").arg(e.awaitedTask().value));
        }
        return QStringLiteral("waiting on a task");
    case SegmentKind::AwaitingFuture:
    case SegmentKind::WaitingSync: {
        QString label = str(model, e.waitLabel());
        if (label.isEmpty())
            label = QString::fromUtf8(waitKindDescription(e.wait()));
        return QStringLiteral("waiting on ") + label;
    }
    case SegmentKind::LoopBusy:
        return QStringLiteral("busy");
    case SegmentKind::LoopIdle:
        return QStringLiteral("idle");
    case SegmentKind::LoopCallback: {
        const QString callback = str(model, e.callbackName());
        return callback.isEmpty() ? QStringLiteral("callback") : QStringLiteral("callback ") + callback;
    }
    case SegmentKind::Deadlocked:
        return QStringLiteral("deadlocked");
    case SegmentKind::Gap:
        break;
    }
    return {};
}

std::vector<int> linesOfSegment(const TimelineModel& model, int row, int index)
{
    const TimelineSegment& s = model.segments(row)[size_t(index)];
    const TraceEvent& e = model.event(s.event);
    std::vector<int> lines;
    auto add = [&lines, &model](uint32_t line) {
        line = model.scenarioLine(line);
        if (line && std::find(lines.begin(), lines.end(), int(line)) == lines.end())
            lines.push_back(int(line));
    };
    switch (s.kind) {
    case SegmentKind::Running:
    case SegmentKind::Blocking:
        add(e.line());
        if (const TimelineStall* stall = model.stallAt(s.start); stall && s.kind == SegmentKind::Blocking)
            add(model.event(stall->event).line());
        if (const std::optional<TraceEvent> end = stepEndOf(model, row, index))
            add(end->line());
        break;
    case SegmentKind::Ready:
    case SegmentKind::HeldUp:
        // Where it will resume: where its previous step suspended.
        for (int i = index - 1; i >= 0 && i >= index - 3; --i) {
            const TraceEvent& before = model.event(model.segments(row)[size_t(i)].event);
            if (before.kind == EventKind::StepEnded) {
                add(before.line());
                break;
            }
        }
        break;
    default:
        add(e.line());
        break;
    }
    return lines;
}

// -- Markers, arrows, stalls --------------------------------------------------------------------

QString describeMarker(const TimelineModel& model, const TimelineMarker& marker)
{
    const int row = int(marker.row);
    const QString name = who(model, row);
    const TraceEvent& e = model.event(marker.event);
    const QString at = formatSeconds(marker.t);
    switch (marker.kind) {
    case MarkerKind::Created: {
        const TimelineRow& r = model.row(row);
        QString by = r.creatorRow != kNoRow
                         ? who(model, int(r.creatorRow))
                         : (e.line() ? QStringLiteral("top-level code") : QStringLiteral("asyncio.run"));
        return QStringLiteral("%1 created at %2 s by %3%4").arg(name, at, by, whereLine(model, e.line()));
    }
    case MarkerKind::Done: {
        const QString result = str(model, e.text());
        return QStringLiteral("%1 done at %2 s, result: %3")
            .arg(name, at, result.isEmpty() ? QStringLiteral("None") : firstLine(result));
    }
    case MarkerKind::Cancelled: {
        QString text = QStringLiteral("%1 cancelled at %2 s").arg(name, at);
        for (const TimelineArrow& a : model.arrows())
            if (a.kind == ArrowKind::Cancels && a.toRow == marker.row) {
                text += QStringLiteral(" (cancel() by %1)").arg(who(model, int(a.fromRow)));
                break;
            }
        return text;
    }
    case MarkerKind::Failed:
        if (row == 0)
            return QStringLiteral("The program ended at %1 s with %2").arg(at, firstLine(model.runError()));
        return QStringLiteral("%1 failed at %2 s: %3").arg(name, at, firstLine(str(model, e.text())));
    case MarkerKind::CancelRequested: {
        QString text = QStringLiteral("cancel() called on %1 at %2 s").arg(name, at);
        for (const TimelineArrow& a : model.arrows())
            if (a.kind == ArrowKind::Cancels && a.to == marker.event) {
                text += QStringLiteral(" by %1").arg(who(model, int(a.fromRow)));
                break;
            }
        if (const QString message = str(model, e.text()); !message.isEmpty())
            text += QStringLiteral(", message %1").arg(message);
        return text;
    }
    case MarkerKind::NeverAwaited:
        return QStringLiteral("A coroutine was created at %1 s but never awaited, so it never ran: %2")
            .arg(at, firstLine(str(model, e.text())));
    case MarkerKind::NeverRetrieved:
        return QStringLiteral("%1 failed and nobody retrieved its exception (no await, no .exception()); "
                              "asyncio reported it at %2 s: %3")
            .arg(name, formatSeconds(e.t), firstLine(str(model, e.text()).section(u'\n', -1)));
    case MarkerKind::Stuck: {
        if (row == 0)
            return QStringLiteral("The run ended at %1 s: %2").arg(at, firstLine(model.runError(), 400));
        if (e.kind == EventKind::Warning && e.warningKind() == WarningKind::Stuck)
            return QStringLiteral("%1 waits forever on %2: the run ended in a deadlock at %3 s (the "
                                  "deadlock ends as Ctrl+C would: the tasks are then cancelled)")
                .arg(name, str(model, e.text()), at);
        const auto segs = model.segments(row);
        QString what;
        if (!segs.empty())
            what = segmentCaption(model, row, int(segs.size()) - 1);
        return QStringLiteral("%1 waits forever%2: the run ended in a deadlock at %3 s")
            .arg(name, what.isEmpty() ? QString() : QStringLiteral(" (") + what + u')', at);
    }
    case MarkerKind::LimitHit:
        if (model.runError().startsWith(QLatin1String("Cancelled")))
            return QStringLiteral("You cancelled the run at %1 s").arg(at);
        return QStringLiteral("A limit stopped the run at %1 s%2: %3")
            .arg(at, row ? QStringLiteral(" while ") + name + QStringLiteral(" was running") : QString(),
                 firstLine(model.runError(), 240));
    case MarkerKind::OtherWarning:
        return QStringLiteral("Warning at %1 s: %2").arg(at, firstLine(str(model, e.text()), 240));
    }
    return {};
}

std::vector<int> linesOfMarker(const TimelineModel& model, const TimelineMarker& marker)
{
    const uint32_t line = model.scenarioLine(model.event(marker.event).line());
    return line ? std::vector<int>{int(line)} : std::vector<int>{};
}

QString describeArrow(const TimelineModel& model, const TimelineArrow& arrow)
{
    const QString from = who(model, int(arrow.fromRow)), to = who(model, int(arrow.toRow));
    const QString t0 = formatSeconds(model.event(arrow.from).t), t1 = formatSeconds(model.event(arrow.to).t);
    switch (arrow.kind) {
    case ArrowKind::Creates:
        return QStringLiteral("%1 creates %2 at %3 s").arg(from, to, t0);
    case ArrowKind::Wakes:
        return QStringLiteral("%1 wakes %2: queued at %3 s, resumed at %4 s").arg(from, to, t0, t1);
    case ArrowKind::FanIn:
        return QStringLiteral("%1 is done at %2 s; %3 waits for it together with others").arg(from, t0, to);
    case ArrowKind::Cancels:
        return QStringLiteral("%1 cancels %2 at %3 s").arg(from, to, t1);
    case ArrowKind::TimerFires:
        return QStringLiteral("%1 set a timer at %2 s; it fires at %3 s").arg(from, t0, t1);
    }
    return {};
}

QString describeStall(const TimelineModel& model, const TimelineStall& stall)
{
    const uint32_t line = model.scenarioLine(model.event(stall.event).line());
    return QStringLiteral("%1 (%2)%3: every task that could run waited")
        .arg(stallCaption(model, stall), span(stall.start, stall.end),
             line ? QStringLiteral(", line %1").arg(line) : QString());
}

QString describeFold(const TimelineModel& model, int row, int first, int count)
{
    int counts[kSegmentKindCount] = {};
    const auto segs = model.segments(row);
    for (int i = first; i < first + count && size_t(i) < segs.size(); ++i)
        ++counts[size_t(segs[size_t(i)].kind)];
    QStringList parts;
    for (int k = 0; k < kSegmentKindCount; ++k)
        if (counts[k])
            parts << QStringLiteral("%1 %2").arg(counts[k]).arg(legendText(SegmentKind(k)));
    const double t0 = segs[size_t(first)].start, t1 = model.segmentEnd(row, first + count - 1);
    return QStringLiteral("%1: %2 states too small to draw at this zoom, %3 (%4). Zoom in to see them.")
        .arg(who(model, row))
        .arg(count)
        .arg(span(t0, t1), parts.join(QStringLiteral(", ")));
}

} // namespace loopscope
