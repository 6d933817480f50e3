#pragma once
// The trace: the complete, ordered record of what the loop and the tasks did.
// The engine reports through TraceObserver (plain structs, no Qt); TraceRecorder
// stores the events compactly; the CLI and the GUI read only the recorded trace.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace loopscope {

// Typed ids for values that cross modules.
struct TaskId {
    uint32_t value = 0;  // 0 is "no task" (the loop itself, or top-level code)
    friend bool operator==(TaskId, TaskId) = default;
};
struct StringId {
    uint32_t value = 0;  // index into TraceRecorder::strings(); 0 is ""
    friend bool operator==(StringId, StringId) = default;
};
struct EventIndex {
    uint32_t value = 0;
    friend auto operator<=>(EventIndex, EventIndex) = default;
};

// What a suspended task waits on.
enum class WaitKind : uint8_t { None, Ready, Timer, Future, Task, Lock, Event, Condition, Semaphore, Queue, Barrier, Other };

// How a task, or the whole run, ended.
enum class EndStatus : uint8_t { Ok, Cancelled, Failed };

enum class TraceLevel : uint8_t {
    Step,  // everything but statements
    Line,  // plus one event per executed statement
};

enum class EventKind : uint8_t {
    TaskCreated,     // task, a = task name (0: the default "Task-<task id>"), ids.b = coroutine name,
                     // ids.c = parent task, line = where created. Again for a known task: renamed.
    StepBegan,       // task, line = where the coroutine resumes
    StepEnded,       // task, line = where it suspended, sub = WaitKind, a = target task/obj, t2 = deadline
    ReadyPushed,     // task (0 for a plain callback), a = callback name
    TimerScheduled,  // a = timer id, t2 = deadline, task = task it will wake (0 if none)
    TimerCancelled,  // a = timer id
    TimerFired,      // a = timer id
    CallbackRan,     // a = callback name, task = task it belongs to (if any)
    PassBegan,       // a = pass index
    ClockJumped,     // t2 = new time (t is the old time)
    Output,          // text = one completed stdout line (without the newline)
    Warning,         // text
    TaskFinished,    // task, sub = EndStatus, text = result repr or "Type: message"
    Statement,       // task, line
    RunEnded,        // sub = EndStatus (Ok or Failed), text = "Type: message", line = SyntaxError line
};

// One event: 32 bytes. Strings live once in the recorder's string table.
// [a] holds a StringId for events that carry text (Output, Warning, TaskFinished, RunEnded,
// TaskCreated's name, CallbackRan, ReadyPushed); [t2] is a second time, except for TaskCreated,
// which needs two more ids instead.
struct TraceEvent {
    double t = 0;  // virtual time when it happened
    union {
        double t2 = 0;  // a second time (deadline, new clock value), else 0
        struct {
            uint32_t b;  // TaskCreated: coroutine name (StringId)
            uint32_t c;  // TaskCreated: parent task (TaskId), 0 for none
        } ids;
    };
    TaskId task;
    uint32_t a = 0;
    uint32_t line = 0;
    EventKind kind = EventKind::Output;
    uint8_t sub = 0;
    uint16_t pad = 0;
    StringId text() const { return StringId{a}; }
};
static_assert(sizeof(TraceEvent) == 32, "TraceEvent must stay at 32 bytes");

// The one interface the engine reports through (trio's Instrument). Every
// method has an empty default so observers override only what they need.
class TraceObserver {
public:
    virtual ~TraceObserver() = default;
    // Returns the id for [text] in the observer's string table (0 if it keeps none).
    virtual StringId intern(std::string_view) { return {}; }
    virtual void record(const TraceEvent&) {}
    // The level the observer wants; Line costs one event per statement.
    virtual TraceLevel level() const { return TraceLevel::Step; }
};

// The recorded events, in fixed-size blocks: appending never copies what is stored, and the
// slack is at most one block, so a big run costs 32 bytes an event (a doubling vector would
// cost up to 64).
class TraceEvents {
public:
    static constexpr size_t kBlockShift = 12;
    static constexpr size_t kBlockSize = size_t(1) << kBlockShift;

    void push_back(const TraceEvent& e)
    {
        if ((size_ & (kBlockSize - 1)) == 0)
            blocks_.push_back(std::make_unique_for_overwrite<TraceEvent[]>(kBlockSize));
        blocks_.back()[size_ & (kBlockSize - 1)] = e;
        ++size_;
    }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const TraceEvent& operator[](size_t i) const { return blocks_[i >> kBlockShift][i & (kBlockSize - 1)]; }
    const TraceEvent& back() const { return (*this)[size_ - 1]; }
    size_t capacityBytes() const { return blocks_.size() * kBlockSize * sizeof(TraceEvent); }

    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = TraceEvent;
        using difference_type = std::ptrdiff_t;
        using pointer = const TraceEvent*;
        using reference = const TraceEvent&;

        const_iterator() = default;
        const_iterator(const TraceEvents* events, size_t index) : events_(events), index_(index) {}
        reference operator*() const { return (*events_)[index_]; }
        pointer operator->() const { return &(*events_)[index_]; }
        reference operator[](difference_type n) const { return (*events_)[index_ + n]; }
        const_iterator& operator++() { ++index_; return *this; }
        const_iterator operator++(int) { auto old = *this; ++index_; return old; }
        const_iterator& operator--() { --index_; return *this; }
        const_iterator operator--(int) { auto old = *this; --index_; return old; }
        const_iterator& operator+=(difference_type n) { index_ += n; return *this; }
        const_iterator& operator-=(difference_type n) { index_ -= n; return *this; }
        friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
        friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
        friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const_iterator a, const_iterator b)
        {
            return difference_type(a.index_) - difference_type(b.index_);
        }
        friend bool operator==(const_iterator a, const_iterator b) { return a.index_ == b.index_; }
        friend auto operator<=>(const_iterator a, const_iterator b) { return a.index_ <=> b.index_; }

    private:
        const TraceEvents* events_ = nullptr;
        size_t index_ = 0;
    };
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size_}; }

private:
    std::vector<std::unique_ptr<TraceEvent[]>> blocks_;
    size_t size_ = 0;
};

// Stores every event in order, with a string table.
class TraceRecorder final : public TraceObserver {
public:
    explicit TraceRecorder(TraceLevel level = TraceLevel::Step) : level_(level) { strings_.emplace_back(); }

    StringId intern(std::string_view text) override;
    // The name a TaskCreated event gives its task.
    std::string taskName(const TraceEvent& created) const;
    void record(const TraceEvent& e) override { events_.push_back(e); }
    TraceLevel level() const override { return level_; }

    const TraceEvents& events() const { return events_; }
    std::string_view string(StringId id) const { return strings_[id.value]; }
    size_t stringCount() const { return strings_.size(); }
    // Bytes held by events and strings, for the 32-bytes-per-event budget.
    size_t memoryBytes() const;

private:
    TraceLevel level_;
    TraceEvents events_;
    std::deque<std::string> strings_;                          // stable addresses for the index's keys
    std::unordered_map<std::string_view, uint32_t> stringIndex_;
};

}  // namespace loopscope
