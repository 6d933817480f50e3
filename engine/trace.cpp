#include "trace.h"

#include <algorithm>
#include <new>
#include <sys/mman.h>

#include "memory_budget.h"

namespace loopscope {

// -- Names -----------------------------------------------------------------------------------

std::string_view eventKindName(EventKind kind)
{
    static constexpr std::string_view names[] = {
#define TRACE_EVENT(name, py, doc) #name,
#include "trace_events.def"
#undef TRACE_EVENT
    };
    return size_t(kind) < std::size(names) ? names[size_t(kind)] : std::string_view("?");
}

std::string_view waitKindName(WaitKind kind)
{
    static constexpr std::string_view names[] = {
#define WAIT_KIND(name, py, doc) #name,
#include "trace_events.def"
#undef WAIT_KIND
    };
    return size_t(kind) < std::size(names) ? names[size_t(kind)] : std::string_view("?");
}

std::string_view waitKindDescription(WaitKind kind)
{
    static constexpr std::string_view descriptions[] = {
#define WAIT_KIND(name, py, doc) doc,
#include "trace_events.def"
#undef WAIT_KIND
    };
    return size_t(kind) < std::size(descriptions) ? descriptions[size_t(kind)] : std::string_view("?");
}

// -- Events ----------------------------------------------------------------------------------

bool TraceEvent::hasLine() const
{
    switch (kind) {
    case EventKind::TaskCreated:
    case EventKind::StepBegan:
    case EventKind::StepEnded:
    case EventKind::TaskFinished:
    case EventKind::CancelRequested:
    case EventKind::BlockingCall:
    case EventKind::Output:
    case EventKind::Warning:
    case EventKind::Statement:
    case EventKind::RunEnded:
        return true;
    default:
        return false;
    }
}

bool TraceEvent::hasText() const
{
    switch (kind) {
    case EventKind::TaskFinished:
    case EventKind::CancelRequested:
    case EventKind::BlockingCall:
    case EventKind::Output:
    case EventKind::Warning:
    case EventKind::RunEnded:
        return true;
    default:
        return false;
    }
}

bool TraceEvent::hasHandle() const
{
    switch (kind) {
    case EventKind::StepBegan:
    case EventKind::ReadyPushed:
    case EventKind::TimerScheduled:
    case EventKind::TimerFired:
    case EventKind::HandleCancelled:
    case EventKind::CallbackRan:
        return true;
    default:
        return false;
    }
}

// -- The recorder ----------------------------------------------------------------------------

StringId TraceRecorder::intern(std::string_view text)
{
    if (text.empty())
        return {};
    if (auto it = stringIndex_.find(text); it != stringIndex_.end())
        return StringId{it->second};
    const uint32_t id = uint32_t(strings_.size());
    stringIndex_.emplace(strings_.emplace_back(text), id);
    return StringId{id};
}

std::string TraceRecorder::taskName(const TraceEvent& created) const
{
    if (created.name().value == 0)
        return "Task-" + std::to_string(created.task.value);
    return std::string(string(created.name()));
}

// -- The event store ---------------------------------------------------------------------------

namespace {
constexpr size_t kChunkBytes = size_t(2) << 20;
constexpr size_t kBlockBytes = TraceEvents::kBlockSize * sizeof(TraceEvent);
static_assert(kChunkBytes % kBlockBytes == 0, "a chunk holds whole blocks");

// A chunk of its own mapping (malloc would map each 128 KiB block apart, with a page more).
char* mapChunk()
{
    void* mapped = mmap(nullptr, kChunkBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED)
        throw std::bad_alloc();
    char* chunk = static_cast<char*>(mapped);
#ifdef MADV_POPULATE_WRITE
    // Faults the whole chunk in with one call (where the kernel knows it: Linux 5.14), not page
    // by page as the events reach it. Measured on queue_handoffs' 256 MB trace: system time
    // 0.08-0.09 s against 0.09-0.16 s; MADV_HUGEPAGE instead varied from 0.04 to 0.45 s
    // (compaction on a machine whose memory other processes fragment), so it is not used.
    madvise(chunk, kChunkBytes, MADV_POPULATE_WRITE);
#endif
    return chunk;
}
} // namespace

void TraceEvents::Unmap::operator()(char* chunk) const
{
    munmap(chunk, kChunkBytes);
}

void TraceEvents::addBlock()
{
    HostAllocations host; // the trace is the host's memory, not the scenario's
    const size_t perChunk = kChunkBytes / kBlockBytes;
    if (blocks_.size() % perChunk == 0)
        chunks_.emplace_back(mapChunk());
    blocks_.push_back(
        reinterpret_cast<TraceEvent*>(chunks_.back().get() + (blocks_.size() % perChunk) * kBlockBytes));
    block_ = blocks_.back();
}

void TraceEvents::noteGroup()
{
    HostAllocations host;
    groups_.push_back(Group{uint32_t(stored_), pendingPassBefore_, uint32_t(size_ - 1 - pendingFirst_)});
}

// -- Reading the folds back ----------------------------------------------------------------------

TraceEvents::Located TraceEvents::locate(size_t i) const
{
    constexpr size_t kGroup = size_t(1) << kGroupShift;
    const size_t group = i >> kGroupShift;
    const Group& g = groups_[group];
    // A group of as many records as events folds nothing (each record holds at least one event):
    // its event k is its record k.
    if (g.part == 0 && group + 1 < groups_.size() && groups_[group + 1].part == 0 &&
        groups_[group + 1].record - g.record == kGroup)
        return {&record(g.record + (i & (kGroup - 1))), 0, g.passBefore};
    size_t at = g.record;
    size_t first = (i & ~(kGroup - 1)) - g.part; // the record's first event
    uint32_t passBefore = g.passBefore;
    for (;;) {
        const TraceEvent& r = record(at);
        const uint32_t count = foldedCount(r);
        if (i < first + count)
            return {&r, uint32_t(i - first), passBefore};
        first += count;
        passBefore = passAfter(r, passBefore);
        ++at;
    }
}

TraceEvent TraceEvents::operator[](size_t i) const
{
    const Located l = locate(i);
    return expand(*l.record, l.part, l.passBefore);
}

double TraceEvents::timeAt(size_t i) const
{
    const Located l = locate(i);
    const TraceEvent& r = *l.record;
    uint32_t part = l.part;
    if (folds(r) & kAfterPass) {
        if (part == 0)
            return r.t; // the PassBegan, at the record's time
        --part;
    }
    // Every folded event is at the record's time but the TimerFired after a ClockJumped: that one
    // is at the new time (expand()).
    return part != 0 && (folds(r) & kFiredAtJump) ? r.x_.time : r.t;
}

TraceEvents::const_iterator TraceEvents::begin() const
{
    const_iterator it;
    it.events_ = this;
    seek(it);
    return it;
}

void TraceEvents::seek(const_iterator& it) const
{
    const size_t j = it.record_;
    if (j < stored_) {
        const TraceEvent* block = blocks_[j >> kBlockShift];
        const size_t blockStart = j & ~(kBlockSize - 1);
        it.rec_ = block + (j - blockStart);
        it.runEnd_ = block + std::min(kBlockSize, stored_ - blockStart);
    } else if (j == stored_ && pendingValid_) {
        it.rec_ = &pending_;
        it.runEnd_ = &pending_ + 1;
    } else { // the end: nothing to read
        it.rec_ = it.runEnd_ = nullptr;
        it.count_ = 0;
        return;
    }
    it.count_ = foldedCount(*it.rec_);
}

size_t TraceRecorder::memoryBytes() const
{
    size_t bytes = events_.capacityBytes();
    for (const auto& s : strings_)
        bytes += sizeof(std::string) + (s.capacity() > 15 ? s.capacity() + 1 : 0);
    // The index: one bucket pointer each, and a node holding key, id, hash and link.
    bytes += stringIndex_.bucket_count() * sizeof(void*) +
             stringIndex_.size() * (sizeof(std::string_view) + sizeof(uint32_t) + 2 * sizeof(void*) + 4);
    return bytes;
}

} // namespace loopscope
