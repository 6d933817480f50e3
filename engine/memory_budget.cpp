// The memory budget (memory_budget.h): the global allocation functions, replaced so that they
// count what a run allocates.

#include "memory_budget.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>

namespace loopscope {

namespace {

// Every block operator new hands out starts with one of these. [owner] is the serial of the
// budget that paid for the block (0: none), so that a block freed after its run, or on another
// thread, is never refunded to the wrong budget.
struct alignas(16) BlockHeader {
    uint64_t size; // what the block was charged: its size and this header, or allocateCharged's
    uint64_t owner;
};
static_assert(sizeof(BlockHeader) == 16, "operator new must keep malloc's 16-byte alignment");

thread_local MemoryBudget* tBudget = nullptr;
thread_local bool tHostAllocations = false;
thread_local int tNoThrow = 0;
std::atomic<uint64_t> gNextSerial{1};

// Whether charging [total] to [budget] may throw MemoryBudgetExceeded. Throwing while an
// exception unwinds, or in a destructor, would terminate the program. Asked only past the limit:
// std::uncaught_exceptions() is a call into libstdc++'s thread-local state, too dear for every
// allocation.
bool mayThrowPastLimit(const MemoryBudget& budget, uint64_t total)
{
    if (budget.used() + total <= budget.limit())
        return false; // charge() does not throw below the limit
    return tNoThrow == 0 && std::uncaught_exceptions() == 0;
}

// What an allocation of [bytes] from operator new is charged: its size and its header.
inline uint64_t headedSize(size_t bytes)
{
    return uint64_t(bytes) + sizeof(BlockHeader);
}

// A block of [bytes] from malloc, charged as [charged] bytes (what the header records and
// release() refunds).
void* allocate(size_t bytes, bool nothrow, uint64_t charged)
{
    const uint64_t total = uint64_t(bytes) + sizeof(BlockHeader);
    MemoryBudget* budget = tHostAllocations ? nullptr : tBudget;
    uint64_t owner = 0;
    if (budget) {
        if (nothrow && budget->used() + charged > budget->limit())
            return nullptr; // new(nothrow) callers (stable_sort's buffer) manage without
        if (budget->charge(charged, mayThrowPastLimit(*budget, charged)))
            owner = budget->serial();
    }
    void* raw = total < bytes ? nullptr : std::malloc(total);
    if (!raw) {
        if (owner)
            budget->refund(charged);
        if (nothrow)
            return nullptr;
        throw std::bad_alloc();
    }
    auto* header = static_cast<BlockHeader*>(raw);
    header->size = charged;
    header->owner = owner;
    return header + 1;
}

void release(void* block) noexcept
{
    if (!block)
        return;
    auto* header = static_cast<BlockHeader*>(block) - 1;
    if (header->owner && tBudget && tBudget->serial() == header->owner)
        tBudget->refund(header->size);
    std::free(header);
}

} // namespace

MemoryBudget::MemoryBudget(uint64_t limit) : serial_(gNextSerial++), limit_(limit), outer_(tBudget)
{
    tBudget = this;
}

MemoryBudget::~MemoryBudget()
{
    tBudget = outer_;
}

MemoryBudget* MemoryBudget::current()
{
    return tBudget;
}

bool MemoryBudget::charge(uint64_t bytes, bool mayThrow)
{
    if (stopped_)
        return false;
    if (used_ + bytes > limit_) {
        overdrawn_ = true;
        if (mayThrow)
            throw MemoryBudgetExceeded(bytes);
    }
    used_ += bytes;
    allocatedTotal_ += bytes;
    ++allocations_;
    if (used_ > peak_)
        peak_ = used_;
    return true;
}

uint64_t chargeThreadBudget(uint64_t bytes)
{
    MemoryBudget* budget = tHostAllocations ? nullptr : tBudget;
    if (!budget)
        return 0;
    return budget->charge(bytes, mayThrowPastLimit(*budget, bytes)) ? budget->serial() : 0;
}

void refundThreadBudget(uint64_t owner, uint64_t bytes) noexcept
{
    if (owner && tBudget && tBudget->serial() == owner)
        tBudget->refund(bytes);
}

void* allocateCharged(size_t bytes, uint64_t charged)
{
    return allocate(bytes, false, charged);
}

HostAllocations::HostAllocations() : saved_(tHostAllocations)
{
    tHostAllocations = true;
}
HostAllocations::~HostAllocations()
{
    tHostAllocations = saved_;
}

NoThrowAllocations::NoThrowAllocations()
{
    ++tNoThrow;
}
NoThrowAllocations::~NoThrowAllocations()
{
    --tNoThrow;
}
ThrowingAllocations::ThrowingAllocations() : saved_(tNoThrow)
{
    tNoThrow = 0;
}
ThrowingAllocations::~ThrowingAllocations()
{
    tNoThrow = saved_;
}

void checkAllocation(uint64_t count, uint64_t itemBytes)
{
    uint64_t bytes = 0;
    if (__builtin_mul_overflow(count, itemBytes, &bytes))
        bytes = UINT64_MAX;
    MemoryBudget* budget = tHostAllocations ? nullptr : tBudget;
    const uint64_t room =
        budget ? budget->limit() - std::min(budget->used(), budget->limit()) : UINT64_MAX / 2;
    if (bytes > room)
        throw MemoryBudgetExceeded(bytes);
}

std::string formatByteCount(uint64_t bytes)
{
    static const char* const units[] = {"bytes", "KB", "MB", "GB", "TB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    char text[32];
    if (unit == 0 || value >= 100 || value == double(uint64_t(value)))
        std::snprintf(text, sizeof text, "%.0f %s", value, units[unit]);
    else
        std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
    return text;
}

std::string sourceTooBigMessage()
{
    MemoryBudget* budget = tBudget;
    if (budget)
        budget->stop(); // the run is over; building the message must not fail
    return "the source needs more than the scenario's " +
           (budget ? formatByteCount(budget->limit()) + " " : std::string()) +
           "of memory to compile; raise the budget with --max-memory";
}

void* budgetedAllocate(size_t bytes)
{
    NoThrowAllocations granted;
    return allocate(bytes, false, headedSize(bytes));
}

void* budgetedReallocate(void* block, size_t oldBytes, size_t newBytes)
{
    void* moved = budgetedAllocate(newBytes);
    if (block) {
        std::memcpy(moved, block, oldBytes < newBytes ? oldBytes : newBytes);
        release(block);
    }
    return moved;
}

void budgetedFree(void* block, size_t)
{
    release(block);
}

} // namespace loopscope

// The replaceable global allocation functions. Aligned new and delete (std::align_val_t) keep
// the library's own versions, which pair with each other and never reach these.
void* operator new(size_t bytes)
{
    return loopscope::allocate(bytes, false, loopscope::headedSize(bytes));
}
void* operator new[](size_t bytes)
{
    return loopscope::allocate(bytes, false, loopscope::headedSize(bytes));
}
void* operator new(size_t bytes, const std::nothrow_t&) noexcept
{
    try {
        return loopscope::allocate(bytes, true, loopscope::headedSize(bytes));
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](size_t bytes, const std::nothrow_t&) noexcept
{
    return operator new(bytes, std::nothrow);
}
// GCC cannot see that these operator deletes pair with the operator news above.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void operator delete(void* block) noexcept
{
    loopscope::release(block);
}
void operator delete[](void* block) noexcept
{
    loopscope::release(block);
}
void operator delete(void* block, size_t) noexcept
{
    loopscope::release(block);
}
void operator delete[](void* block, size_t) noexcept
{
    loopscope::release(block);
}
void operator delete(void* block, const std::nothrow_t&) noexcept
{
    loopscope::release(block);
}
void operator delete[](void* block, const std::nothrow_t&) noexcept
{
    loopscope::release(block);
}
#pragma GCC diagnostic pop
