// TimelineModel's accessors: rows and labels, where segments end, and the passes axis. The
// model is built in TimelineModelBuilder.cpp.

#include "TimelineModel.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "source_text.h"

namespace loopscope {

// -- The vocabulary ------------------------------------------------------------------------------

QString legendText(SegmentKind kind)
{
    static const char* const texts[] = {
#define TIMELINE_STATE(name, legend, words) legend,
#include "timeline_kinds.def"
#undef TIMELINE_STATE
    };
    return QString::fromUtf8(texts[size_t(kind)]);
}

QString legendText(MarkerKind kind)
{
    static const char* const texts[] = {
#define TIMELINE_MARKER(name, legend) legend,
#include "timeline_kinds.def"
#undef TIMELINE_MARKER
    };
    return QString::fromUtf8(texts[size_t(kind)]);
}

QString legendText(ArrowKind kind)
{
    static const char* const texts[] = {
#define TIMELINE_ARROW(name, legend) legend,
#include "timeline_kinds.def"
#undef TIMELINE_ARROW
    };
    return QString::fromUtf8(texts[size_t(kind)]);
}

QString stateWords(SegmentKind kind)
{
    static const char* const texts[] = {
#define TIMELINE_STATE(name, legend, words) words,
#include "timeline_kinds.def"
#undef TIMELINE_STATE
    };
    return QString::fromUtf8(texts[size_t(kind)]);
}

// -- Rows ------------------------------------------------------------------------------------------

int TimelineModel::rowOfTask(TaskId task) const
{
    if (task.value >= rowOfTask_.size() || rowOfTask_[task.value] == kNoRow)
        return -1;
    return int(rowOfTask_[task.value]);
}

QString TimelineModel::taskName(int r) const
{
    const TimelineRow& row = rows_[size_t(r)];
    if (r == 0)
        return QStringLiteral("event loop");
    if (row.name.value == 0)
        return QStringLiteral("Task-%1").arg(row.task.value);
    return QString::fromUtf8(trace_->string(row.name));
}

QString TimelineModel::coroName(int r) const
{
    return r == 0 ? QString() : QString::fromUtf8(trace_->string(rows_[size_t(r)].coro));
}

QString TimelineModel::rowLabel(int r) const
{
    const QString coro = coroName(r);
    return coro.isEmpty() ? taskName(r) : taskName(r) + QStringLiteral(" · ") + coro;
}

// -- Segments --------------------------------------------------------------------------------------

TimelineSegments TimelineModel::segments(int r) const
{
    const uint32_t first = rows_[size_t(r)].firstSegment;
    const uint32_t last =
        size_t(r) + 1 < rows_.size() ? rows_[size_t(r) + 1].firstSegment : uint32_t(segments_.size());
    return {this, first, last - first};
}

double TimelineModel::startElsewhere(size_t index) const
{
    const auto it = std::lower_bound(startsElsewhere_.begin(), startsElsewhere_.end(), uint32_t(index),
                                     [](const auto& entry, uint32_t i) { return entry.first < i; });
    return it != startsElsewhere_.end() && it->first == index
               ? it->second
               : trace_->events().timeAt(segments_[index].event.value);
}

double TimelineModel::segmentDeadline(int r, int i) const
{
    if (!(packed(r, i).flags & kHasDeadline))
        return 0;
    const uint32_t index = rows_[size_t(r)].firstSegment + uint32_t(i);
    const auto it = std::lower_bound(deadlinesElsewhere_.begin(), deadlinesElsewhere_.end(), index,
                                     [](const auto& entry, uint32_t k) { return entry.first < k; });
    return it != deadlinesElsewhere_.end() && it->first == index ? it->second : segmentEnd(r, i);
}

double TimelineModel::segmentEnd(int r, int i) const
{
    const size_t index = rows_[size_t(r)].firstSegment + size_t(i);
    const size_t last = size_t(r) + 1 < rows_.size() ? rows_[size_t(r) + 1].firstSegment : segments_.size();
    return index + 1 < last ? segmentStartAtIndex(index + 1) : rows_[size_t(r)].end;
}

double TimelineModel::segmentStartOn(TimelineAxis axis, int r, int i) const
{
    const size_t index = rows_[size_t(r)].firstSegment + size_t(i);
    if (axis == TimelineAxis::Passes)
        return double(segmentSlots_[index]);
    // A sampled start is at hand (a walk that skips by the samples lands just past one, and reads it).
    if (index % kStartSampleEvery == 0 && index / kStartSampleEvery < startSamples_.size())
        return startSamples_[index / kStartSampleEvery];
    return segmentStartAtIndex(index);
}

double TimelineModel::segmentEndOn(TimelineAxis axis, int r, int i) const
{
    if (axis == TimelineAxis::Time)
        return segmentEnd(r, i);
    const TimelineRow& row = rows_[size_t(r)];
    const size_t index = row.firstSegment + size_t(i);
    const size_t last = size_t(r) + 1 < rows_.size() ? rows_[size_t(r) + 1].firstSegment : segments_.size();
    const double start = segmentSlots_[index];
    const double next = index + 1 < last ? double(segmentSlots_[index + 1]) : double(row.endSlot);
    return std::max(next, start + (occupiesSlot(segments_[index].kind) ? 1.0 : 0.0));
}

namespace {

// The first index in [lo, hi) whose [startAt] is at or after [coord] (they never decrease),
// probing lo, lo + 1, lo + 3, lo + 7... before the binary search: O(log distance).
template <class StartAt> size_t gallop(size_t lo, size_t hi, double coord, StartAt startAt)
{
    size_t probe = lo, step = 1;
    while (probe < hi && startAt(probe) < coord) {
        lo = probe + 1;
        probe = lo + step - 1;
        step *= 2;
    }
    hi = std::min(hi, probe);
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (startAt(mid) < coord)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

} // namespace

int TimelineModel::nextStartingAtOrAfter(TimelineAxis axis, int r, int from, int to, double coord) const
{
    const size_t first = rows_[size_t(r)].firstSegment;
    size_t lo = first + size_t(from), hi = first + size_t(to);
    if (axis == TimelineAxis::Passes)
        return int(gallop(lo, hi, coord, [&](size_t k) { return double(segmentSlots_[k]); }) - first);
    if (lo < hi && segmentStartAtIndex(lo) >= coord)
        return from; // the walk's common case, in one read
    if (hi - lo > kStartSampleEvery) {
        // As firstStartingAtOrAfter, but the samples too are galloped over from [lo].
        const size_t k0 = (lo + kStartSampleEvery - 1) / kStartSampleEvery;
        const size_t k1 = (hi + kStartSampleEvery - 1) / kStartSampleEvery;
        const size_t k = gallop(k0, k1, coord, [&](size_t s) { return startSamples_[s]; });
        if (k < k1)
            hi = k * kStartSampleEvery;
        if (k > k0)
            lo = (k - 1) * kStartSampleEvery + 1;
    }
    return int(gallop(lo, hi, coord, [&](size_t k) { return segmentStartAtIndex(k); }) - first);
}

int TimelineModel::pastLastSampleBefore(int r, int from, int to, double coord) const
{
    const size_t first = rows_[size_t(r)].firstSegment;
    const size_t lo = first + size_t(from), hi = first + size_t(to);
    const size_t k0 = (lo + kStartSampleEvery - 1) / kStartSampleEvery;
    const size_t k1 = (hi + kStartSampleEvery - 1) / kStartSampleEvery;
    if (k0 >= k1 || startSamples_[k0] >= coord)
        return from;
    // Sample k - 1 starts before [coord], and so does every segment up to it.
    const size_t k = gallop(k0 + 1, k1, coord, [&](size_t s) { return startSamples_[s]; });
    return int((k - 1) * kStartSampleEvery + 1 - first);
}

int TimelineModel::firstStartingAtOrAfter(TimelineAxis axis, int r, int from, int to, double coord) const
{
    const size_t first = rows_[size_t(r)].firstSegment;
    size_t lo = first + size_t(from), hi = first + size_t(to);
    if (axis == TimelineAxis::Time && hi - lo > kStartSampleEvery) {
        // The samples inside [lo, hi): the first one at or after [coord] bounds the answer from
        // above, the one before it from below.
        const size_t k0 = (lo + kStartSampleEvery - 1) / kStartSampleEvery;
        const size_t k1 = (hi + kStartSampleEvery - 1) / kStartSampleEvery;
        const size_t k = size_t(std::lower_bound(startSamples_.begin() + ptrdiff_t(k0),
                                                 startSamples_.begin() + ptrdiff_t(k1), coord) -
                                startSamples_.begin());
        if (k < k1)
            hi = k * kStartSampleEvery;
        if (k > k0)
            lo = (k - 1) * kStartSampleEvery + 1;
    }
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        const double start =
            axis == TimelineAxis::Time ? segmentStartAtIndex(mid) : double(segmentSlots_[mid]);
        if (start < coord)
            lo = mid + 1;
        else
            hi = mid;
    }
    return int(lo - first);
}

int TimelineModel::segmentAt(TimelineAxis axis, int r, double coord) const
{
    const auto segs = segments(r);
    // The last segment starting at or before [coord] (starts never decrease along a row).
    int lo = 0, hi = int(segs.size());
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (segmentStartOn(axis, r, mid) <= coord)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (int i = lo - 1; i >= 0 && i >= lo - 4; --i)
        if (coord < segmentEndOn(axis, r, i))
            return i;
    return -1;
}

// -- Markers, arrows, stalls ----------------------------------------------------------------------

std::span<const TimelineMarker> TimelineModel::markers(int r) const
{
    const uint32_t first = rows_[size_t(r)].firstMarker;
    const uint32_t last =
        size_t(r) + 1 < rows_.size() ? rows_[size_t(r) + 1].firstMarker : uint32_t(markers_.size());
    return {markers_.data() + first, last - first};
}

const TimelineStall* TimelineModel::stallAt(double t) const
{
    for (const TimelineStall& s : stalls_)
        if (s.start - 1e-9 <= t && t <= s.end + 1e-9)
            return &s;
    return nullptr;
}

std::vector<int> TimelineModel::joinedRows(int r) const
{
    std::vector<int> rows;
    auto it = std::lower_bound(joins_.begin(), joins_.end(), std::make_pair(uint32_t(r), uint32_t(0)));
    for (; it != joins_.end() && it->first == uint32_t(r); ++it)
        rows.push_back(int(it->second));
    return rows;
}

double TimelineModel::pointOn(TimelineAxis axis, EventIndex e) const
{
    if (axis == TimelineAxis::Time)
        return timeCoord(e);
    const double start = slotCoord(e, true);
    const bool opens = !slotFirstEvent_.empty() && size_t(start) < slotFirstEvent_.size() &&
                       slotFirstEvent_[size_t(start)] == e.value;
    return opens ? start + 0.5 : slotCoord(e, false);
}

// -- The deadlock's slot -------------------------------------------------------------------------

double TimelineModel::deadlockAfterTime() const
{
    return std::nextafter(deadlockTime_, std::numeric_limits<double>::infinity());
}

double TimelineModel::deadlockSlotStart(TimelineAxis axis) const
{
    return axis == TimelineAxis::Time ? deadlockTime_ : double(deadlockSlot_);
}

double TimelineModel::deadlockSlotEnd(TimelineAxis axis) const
{
    return axis == TimelineAxis::Time ? deadlockAfterTime() : double(deadlockSlot_) + 1;
}

// -- The passes axis -----------------------------------------------------------------------------

double TimelineModel::slotCoord(EventIndex e, bool occupies) const
{
    const auto it = std::upper_bound(slotFirstEvent_.begin(), slotFirstEvent_.end(), e.value);
    if (it == slotFirstEvent_.begin())
        return 0; // before the first step
    const size_t k = size_t(it - slotFirstEvent_.begin()) - 1;
    if (occupies || slotFirstEvent_[k] == e.value)
        return double(k);
    return double(k + 1);
}

double TimelineModel::passStart(int p) const
{
    return slotCoord(EventIndex{passFirstEvent_[size_t(p)]}, false);
}

double TimelineModel::passEnd(int p) const
{
    return size_t(p) + 1 < passFirstEvent_.size() ? passStart(p + 1) : double(slotFirstEvent_.size());
}

int TimelineModel::passAt(double coord) const
{
    int lo = 0, hi = passCount();
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (passStart(mid) <= coord)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - 1;
}

// -- The whole run -------------------------------------------------------------------------------

double TimelineModel::extent(TimelineAxis axis) const
{
    return axis == TimelineAxis::Time ? endTime_ : double(slotFirstEvent_.size());
}

TimelineAxis TimelineModel::telling() const
{
    return endTime_ == 0 && passCount() > 1 ? TimelineAxis::Passes : TimelineAxis::Time;
}

QString TimelineModel::sourceLine(uint32_t line) const
{
    if (line == 0 || line > sourceLines_.size())
        return {};
    // Without its trailing comment: a tooltip quotes the code.
    const std::string_view text = withoutComment(sourceLines_[line - 1]);
    return QString::fromUtf8(text.data(), qsizetype(text.size())).trimmed();
}

size_t TimelineModel::memoryBytes() const
{
    size_t bytes = sizeof(*this);
    bytes += rows_.capacity() * sizeof(TimelineRow) + rowOfTask_.capacity() * sizeof(uint32_t);
    bytes += segments_.capacity() * sizeof(PackedSegment) + markers_.capacity() * sizeof(TimelineMarker);
    bytes += segmentSlots_.capacity() * sizeof(uint32_t) +
             startsElsewhere_.capacity() * sizeof(startsElsewhere_[0]);
    bytes += startSamples_.capacity() * sizeof(double) +
             deadlinesElsewhere_.capacity() * sizeof(deadlinesElsewhere_[0]);
    bytes += arrows_.capacity() * sizeof(TimelineArrow) + stalls_.capacity() * sizeof(TimelineStall);
    bytes += joins_.capacity() * sizeof(joins_[0]);
    bytes += (slotFirstEvent_.capacity() + passFirstEvent_.capacity()) * sizeof(uint32_t);
    for (const std::string& line : sourceLines_)
        bytes += sizeof(std::string) + (line.capacity() > 15 ? line.capacity() + 1 : 0);
    return bytes;
}

} // namespace loopscope
