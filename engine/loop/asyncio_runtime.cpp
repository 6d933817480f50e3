// The registry of pending tasks and the runtime's small helpers.

#include "asyncio_runtime.h"

#include "../memory_budget.h"

#include "../vm.h"
#include "event_loop.h"
#include "task.h"

namespace loopscope {

PendingTasks::~PendingTasks()
{
    releaseAll();
}

void PendingTasks::add(TaskObj* task)
{
    ++task->refcount;
    task->registrySlot = uint32_t(tasks_.size());
    tasks_.push_back(task);
    ++live_;
}

void PendingTasks::remove(TaskObj* task)
{
    const size_t slot = task->registrySlot;
    if (slot >= tasks_.size() || tasks_[slot] != task)
        return;
    tasks_[slot] = nullptr;
    --live_;
    // Compact once holes are the majority: each task moves at most once per halving.
    if (tasks_.size() > 64 && live_ < tasks_.size() / 2) {
        size_t kept = 0;
        for (TaskObj* t : tasks_) {
            if (!t)
                continue;
            t->registrySlot = uint32_t(kept);
            tasks_[kept++] = t;
        }
        tasks_.resize(kept);
    }
    if (--task->refcount == 0)
        releaseObject(task);
}

std::vector<TaskObj*> PendingTasks::inOrder() const
{
    std::vector<TaskObj*> out;
    out.reserve(live_);
    forEach([&](TaskObj* t) { out.push_back(t); });
    return out;
}

void PendingTasks::releaseAll()
{
    std::vector<TaskObj*> all;
    all.swap(tasks_);
    live_ = 0;
    for (TaskObj* t : all)
        if (t && --t->refcount == 0)
            releaseObject(t);
}

StringId AsyncioRuntime::traceName(VM& vm, const StrObj* text)
{
    if (!vm.tracing())
        return {};
    NameCacheEntry& entry = nameCache_[(reinterpret_cast<uintptr_t>(text) >> 4) & 63];
    if (entry.text == text && entry.copy == text->text)
        return entry.id;
    entry.text = text;
    entry.copy = text->text;
    entry.id = StringId{vm.internTrace(text->text)};
    return entry.id;
}

StringId AsyncioRuntime::waitDescriptionId(VM& vm, WaitKind kind)
{
    if (!vm.tracing())
        return {};
    if (!waitDescriptionsInterned_) {
        for (uint8_t k = 0; k < enumCount<WaitKind>(); ++k) {
            const std::string_view description = waitDescription(WaitKind(k));
            waitDescriptionIds_[k] = description.empty() ? StringId{} : StringId{vm.internTrace(description)};
        }
        waitDescriptionsInterned_ = true;
    }
    return waitDescriptionIds_[uint8_t(kind)];
}

void AsyncioRuntime::notePass(VM& vm)
{
    // The scenario's own memory (the trace is the host's, not counted: memory_budget.h).
    (void)vm;
    const MemoryBudget* budget = MemoryBudget::current();
    const int64_t heap = budget ? int64_t(budget->used()) : 0;
    if (heapAtLoopStart < 0)
        heapAtLoopStart = heap;
    if (heap > peakHeap)
        peakHeap = heap;
}

EventLoopObj* AsyncioRuntime::running() const
{
    return runningLoop.isEmpty() ? nullptr : runningLoop.as<EventLoopObj>();
}

} // namespace loopscope
