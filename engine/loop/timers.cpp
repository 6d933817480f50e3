// The timer heap: heapq's algorithm, step for step (Lib/heapq.py _siftdown, _siftup, heappush,
// heappop, heapify). Ties between equal deadlines are broken here, by the order in which these
// functions move entries: only `when < other.when` is ever asked, never <=.

#include "timers.h"

namespace loopscope {

namespace {

// heapq._siftdown: the entry at [pos] moves up towards [startPos] while it is strictly earlier
// than its parent.
void siftDown(std::vector<TimerEntry>& heap, size_t startPos, size_t pos)
{
    TimerEntry item = heap[pos];
    while (pos > startPos) {
        size_t parentPos = (pos - 1) >> 1;
        if (item.when < heap[parentPos].when) {
            heap[pos] = heap[parentPos];
            pos = parentPos;
            continue;
        }
        break;
    }
    heap[pos] = item;
}

// heapq._siftup: the entry at [pos] sinks to a leaf along the path of smaller children (the
// right child when the left one is not strictly smaller), then siftDown puts it in place.
void siftUp(std::vector<TimerEntry>& heap, size_t pos)
{
    const size_t endPos = heap.size();
    const size_t startPos = pos;
    TimerEntry item = heap[pos];
    size_t childPos = 2 * pos + 1;
    while (childPos < endPos) {
        size_t rightPos = childPos + 1;
        if (rightPos < endPos && !(heap[childPos].when < heap[rightPos].when))
            childPos = rightPos;
        heap[pos] = heap[childPos];
        pos = childPos;
        childPos = 2 * pos + 1;
    }
    heap[pos] = item;
    siftDown(heap, startPos, pos);
}

// heapq.heappop on [heap] (no references change hands).
TimerEntry popEntry(std::vector<TimerEntry>& heap)
{
    TimerEntry last = heap.back();
    heap.pop_back();
    if (heap.empty())
        return last;
    TimerEntry first = heap.front();
    heap.front() = last;
    siftUp(heap, 0);
    return first;
}

} // namespace

void TimerHeap::release(Obj* timer)
{
    if (--timer->refcount == 0)
        releaseObject(timer);
}

void TimerHeap::push(double when, Obj* timer)
{
    ++timer->refcount;
    entries_.push_back(TimerEntry{when, timer});
    siftDown(entries_, 0, entries_.size() - 1);
}

TimerEntry TimerHeap::pop()
{
    return popEntry(entries_);
}

void TimerHeap::heapify()
{
    for (size_t i = entries_.size() / 2; i-- > 0;)
        siftUp(entries_, i);
}

void TimerHeap::clear()
{
    std::vector<TimerEntry> dropped;
    dropped.swap(entries_);
    for (TimerEntry& e : dropped)
        release(e.timer);
}

std::vector<TimerEntry> TimerHeap::inFiringOrder() const
{
    std::vector<TimerEntry> heap = entries_;
    std::vector<TimerEntry> order;
    order.reserve(heap.size());
    while (!heap.empty())
        order.push_back(popEntry(heap));
    return order;
}

} // namespace loopscope
