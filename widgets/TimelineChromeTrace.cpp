#include "TimelineChromeTrace.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "TimelineDescriptions.h"
#include "TimelineLayout.h"
#include "trace_json.h"

namespace loopscope {

namespace {

// Times are written in whole nanoseconds (Perfetto's own unit), so that a slice's ts + dur is
// exactly the next one's ts.
int64_t nanos(double seconds)
{
    return std::llround(seconds * 1e9);
}

// [ns] as microseconds: "5000000", "1234.5".
void appendMicros(std::string& out, int64_t ns)
{
    if (ns < 0) {
        out += '-';
        ns = -ns;
    }
    out += std::to_string(ns / 1000);
    if (int64_t frac = ns % 1000) {
        char digits[4] = {char('0' + frac / 100), char('0' + frac / 10 % 10), char('0' + frac % 10), 0};
        int n = 3;
        while (digits[n - 1] == '0')
            --n;
        out += '.';
        out.append(digits, size_t(n));
    }
}

void appendString(std::string& out, const QString& text)
{
    appendJsonString(out, text.toStdString());
}

// What one line of the file is. Records are sorted as Perfetto sorts them (see the header).
struct Record {
    enum Kind : uint8_t { Slice, Print, Warning, Marker, FlowStart, FlowEnd, FlowEndNext };
    int64_t ns = 0;
    int64_t order = 0; // complete slices of positive duration: minus it (longest first); the rest 0
    uint64_t key = 0;  // then by this: the trace event it follows, and a sub-order
    Kind kind = Slice;
    uint32_t a = 0, b = 0; // slice: row, segment; print, warning: event; marker: its index; flow: arrow
    int tid = 0;
};

// Sub-orders within one trace event's place.
enum : uint64_t { kAfterSlice = 2, kFlowEndHere = 3, kFlowEndNext = 4, kInstant = 5 };
uint64_t keyOf(EventIndex e, uint64_t sub)
{
    return (uint64_t(e.value) + 1) << 3 | sub;
}

const char* markerName(MarkerKind kind)
{
    switch (kind) {
    case MarkerKind::Done:
        return "done";
    case MarkerKind::Cancelled:
        return "cancelled";
    case MarkerKind::Failed:
        return "failed";
    case MarkerKind::CancelRequested:
        return "cancel() called";
    case MarkerKind::Stuck:
        return "waits forever (deadlock)";
    case MarkerKind::LimitHit:
        return "a limit stopped the run";
    case MarkerKind::Created:      // the first slice says it
    case MarkerKind::NeverAwaited: // warnings come from the trace's Warning events
    case MarkerKind::NeverRetrieved:
    case MarkerKind::OtherWarning:
        break;
    }
    return nullptr;
}

class ChromeTraceWriter {
  public:
    ChromeTraceWriter(const TimelineModel& model, const ChromeTraceOptions& options)
        : m_(model), options_(options), rows_(selectRows(model, QString(), options.showShutdownTasks))
    {
    }

    QByteArray write()
    {
        collect();
        std::stable_sort(records_.begin(), records_.end(), [](const Record& x, const Record& y) {
            return std::tie(x.ns, x.order, x.key) < std::tie(y.ns, y.order, y.key);
        });
        out_.reserve(records_.size() * 160 + 4096);
        out_ += "{\"traceEvents\": [\n";
        writeMetadata();
        for (const Record& r : records_)
            writeRecord(r);
        // No comma after the last event.
        if (out_.size() >= 2 && out_[out_.size() - 2] == ',')
            out_.erase(out_.size() - 2, 1);
        out_ += "],\n\"displayTimeUnit\": \"ms\",\n\"otherData\": {\"producer\": \"Loopscope\", "
                "\"clock\": \"virtual time of the asyncio event loop\"";
        if (!m_.runError().isEmpty()) {
            out_ += ", \"error\": ";
            appendString(out_, m_.runError());
        }
        out_ += "}}\n";
        return QByteArray(out_.data(), qsizetype(out_.size()));
    }

  private:
    bool shown(int row) const
    {
        return row == 0 ? m_.rowCount() > 0 : rows_.displayRowOf(row) != kNoDisplayRow;
    }
    int tidOf(int row) const { return row == 0 ? kChromeTraceLoopTid : chromeTraceTid(m_.row(row).task); }

    // The segment of [row] that [e] happened in: the last one opened at or before it (or the
    // first, for an event before the row's first state).
    int segmentAt(int row, EventIndex e) const
    {
        const auto segs = m_.segments(row);
        const auto it = std::upper_bound(segs.begin(), segs.end(), e,
                                         [](EventIndex v, const TimelineSegment& s) { return v < s.event; });
        return it == segs.begin() ? 0 : int(it - segs.begin()) - 1;
    }
    int64_t segmentNanos(int row, int i) const { return nanos(m_.segments(row)[size_t(i)].start); }
    int64_t segmentDuration(int row, int i) const
    {
        return nanos(m_.segmentEnd(row, i)) - segmentNanos(row, i);
    }

    void collect()
    {
        if (!m_.hasTrace())
            return; // no run: a process and nothing in it
        for (int row = 0; row < m_.rowCount(); ++row) {
            if (!shown(row))
                continue;
            const auto segs = m_.segments(row);
            for (int i = 0; i < int(segs.size()); ++i) {
                if (segs[size_t(i)].kind == SegmentKind::Gap)
                    continue;
                const int64_t dur = segmentDuration(row, i);
                records_.push_back({segmentNanos(row, i), dur > 0 ? -dur : 0, keyOf(segs[size_t(i)].event, 1),
                                    Record::Slice, uint32_t(row), uint32_t(i), tidOf(row)});
            }
            const auto markers = m_.markers(row);
            for (uint32_t k = 0; k < markers.size(); ++k)
                if (markerName(markers[k].kind))
                    records_.push_back({nanos(markers[k].t), 0, keyOf(markers[k].event, kInstant + 1),
                                        Record::Marker, uint32_t(row), k, tidOf(row)});
        }
        const TraceEvents& events = m_.trace().events();
        for (uint32_t i = 0; i < events.size(); ++i) {
            const TraceEvent& e = events[i];
            if (e.kind != EventKind::Output && e.kind != EventKind::Warning)
                continue;
            int row = m_.rowOfTask(e.task);
            if (row < 0 || !shown(row))
                row = 0;
            records_.push_back({nanos(e.t), 0, keyOf(EventIndex{i}, kInstant),
                                e.kind == EventKind::Output ? Record::Print : Record::Warning, i, 0,
                                tidOf(row)});
        }
        if (options_.flows)
            collectFlows();
    }

    // Each arrow becomes a flow: its start right after the slice of the row it leaves (at that
    // slice's start, so that the slice is on top of its thread's stack), its end right after the
    // slice it enters when that slice begins at the arrow's end, else bound to the next slice
    // its thread begins.
    void collectFlows()
    {
        const auto& arrows = m_.arrows();
        for (uint32_t k = 0; k < arrows.size(); ++k) {
            const TimelineArrow& a = arrows[k];
            const int fromRow = int(a.fromRow), toRow = int(a.toRow);
            if (!shown(fromRow) || !shown(toRow) || m_.segments(fromRow).empty() ||
                m_.segments(toRow).empty())
                continue;
            const int from = segmentAt(fromRow, a.from);
            const TimelineSegment& source = m_.segments(fromRow)[size_t(from)];
            Record start{segmentNanos(fromRow, from), 0, 0, Record::FlowStart, k, 0, tidOf(fromRow)};
            // A source of positive duration is processed before every zero-length event at its
            // ts: the start goes first among those.
            start.key = segmentDuration(fromRow, from) > 0 ? 0 : keyOf(source.event, kAfterSlice);
            records_.push_back(start);

            const int64_t endNs = nanos(m_.event(a.to).t);
            const int to = segmentAt(toRow, a.to);
            const TimelineSegment& target = m_.segments(toRow)[size_t(to)];
            Record end{endNs, 0, 0, Record::FlowEnd, k, 0, tidOf(toRow)};
            if (segmentNanos(toRow, to) == endNs)
                end.key = segmentDuration(toRow, to) > 0 ? 1 : keyOf(target.event, kFlowEndHere);
            else {
                end.kind = Record::FlowEndNext;
                end.key = keyOf(a.to, kFlowEndNext);
            }
            if (endNs == start.ns)
                end.key = std::max(end.key, start.key + 1); // a flow ends after it starts
            records_.push_back(end);
        }
    }

    void beginEvent(const char* name, const char* phase, int64_t ns, int tid)
    {
        out_ += "{\"name\": \"";
        out_ += name;
        out_ += "\", \"ph\": \"";
        out_ += phase;
        out_ += "\", \"ts\": ";
        appendMicros(out_, ns);
        out_ += ", \"pid\": " + std::to_string(kChromeTracePid) + ", \"tid\": " + std::to_string(tid);
    }
    void beginEvent(const QString& name, const char* phase, int64_t ns, int tid)
    {
        out_ += "{\"name\": ";
        appendString(out_, name);
        out_ += ", \"ph\": \"";
        out_ += phase;
        out_ += "\", \"ts\": ";
        appendMicros(out_, ns);
        out_ += ", \"pid\": " + std::to_string(kChromeTracePid) + ", \"tid\": " + std::to_string(tid);
    }

    void writeMetadata()
    {
        const QString process =
            options_.processName.isEmpty() ? QStringLiteral("asyncio run") : options_.processName;
        out_ += "{\"name\": \"process_name\", \"ph\": \"M\", \"pid\": " + std::to_string(kChromeTracePid) +
                ", \"tid\": " + std::to_string(kChromeTraceLoopTid) + ", \"args\": {\"name\": ";
        appendString(out_, process);
        out_ += "}},\n";
        int sortIndex = 0;
        auto thread = [&](int row, const QString& name) {
            const std::string tid = std::to_string(tidOf(row));
            const std::string pid = std::to_string(kChromeTracePid);
            out_ += "{\"name\": \"thread_name\", \"ph\": \"M\", \"pid\": " + pid + ", \"tid\": " + tid +
                    ", \"args\": {\"name\": ";
            appendString(out_, name);
            out_ += "}},\n{\"name\": \"thread_sort_index\", \"ph\": \"M\", \"pid\": " + pid +
                    ", \"tid\": " + tid + ", \"args\": {\"sort_index\": " + std::to_string(sortIndex++) +
                    "}},\n";
        };
        if (m_.rowCount() > 0)
            thread(0, QStringLiteral("event loop"));
        for (int row : rows_.rows) {
            const QString coro = m_.coroName(row);
            thread(row, coro.isEmpty() ? m_.taskName(row) : m_.taskName(row) + u' ' + coro);
        }
    }

    void writeRecord(const Record& r)
    {
        switch (r.kind) {
        case Record::Slice: {
            const int row = int(r.a), i = int(r.b);
            beginEvent(stateName(m_, row, i), "X", r.ns, r.tid);
            out_ += ", \"dur\": ";
            appendMicros(out_, segmentDuration(row, i));
            out_ += ", \"cat\": \"";
            out_ += row == 0 ? "loop" : "task";
            out_ += "\", \"args\": {\"description\": ";
            appendString(out_, describeSegment(m_, row, i));
            if (const uint32_t line = m_.scenarioLine(m_.event(m_.segments(row)[size_t(i)].event).line()))
                out_ += ", \"line\": " + std::to_string(line);
            out_ += "}},\n";
            break;
        }
        case Record::Print:
        case Record::Warning: {
            const TraceEvent& e = m_.event(EventIndex{r.a});
            beginEvent(r.kind == Record::Print ? "print" : "warning", "i", r.ns, r.tid);
            out_ += ", \"s\": \"t\", \"cat\": \"output\", \"args\": {\"text\": ";
            appendJsonString(out_, m_.trace().string(e.text()));
            if (const uint32_t line = m_.scenarioLine(e.line()))
                out_ += ", \"line\": " + std::to_string(line);
            out_ += "}},\n";
            break;
        }
        case Record::Marker: {
            const TimelineMarker& marker = m_.markers(int(r.a))[r.b];
            beginEvent(markerName(marker.kind), "i", r.ns, r.tid);
            out_ += ", \"s\": \"t\", \"cat\": \"task\", \"args\": {\"description\": ";
            appendString(out_, describeMarker(m_, marker));
            out_ += "}},\n";
            break;
        }
        case Record::FlowStart:
        case Record::FlowEnd:
        case Record::FlowEndNext: {
            const TimelineArrow& a = m_.arrows()[r.a];
            beginEvent(legendText(a.kind), r.kind == Record::FlowStart ? "s" : "f", r.ns, r.tid);
            out_ += ", \"cat\": \"asyncio\", \"id\": " + std::to_string(r.a + 1);
            if (r.kind == Record::FlowEnd)
                out_ += ", \"bp\": \"e\"";
            out_ += "},\n";
            break;
        }
        }
    }

    const TimelineModel& m_;
    const ChromeTraceOptions& options_;
    TimelineRowSet rows_;
    std::vector<Record> records_;
    std::string out_;
};

} // namespace

QByteArray chromeTrace(const TimelineModel& model, const ChromeTraceOptions& options)
{
    return ChromeTraceWriter(model, options).write();
}

} // namespace loopscope
