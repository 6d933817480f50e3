#pragma once
// The memory budget (Budgets::memoryBytes): every byte the scenario holds counts — objects,
// strings, the storage of lists, dicts and sets, tasks, frames, value stacks, the parsed source —
// and nothing of the trace or of the host's output callbacks. The global operator new counts
// what the engine thread allocates while a run's budget is active; an allocation that would go
// past the limit throws MemoryBudgetExceeded, which the VM turns into the run's MemoryError.
//
// The count is deterministic and is the memory held: a block from operator new costs its
// requested size plus its 16-byte header (which records what it was charged and the run that
// paid for it), never what malloc happens to round it to; a small object's block
// (slab_pool.h) costs its 16-byte size class, having no header. So a run hits its limit at the
// same allocation every time, in the command line and the window, and with or without slabs
// (the sanitizer build has none and counts its small objects as if it had).

#include <cstddef>
#include <cstdint>
#include <new>
#include <string>

namespace loopscope {

// Thrown by operator new instead of allocating past the budget.
struct MemoryBudgetExceeded : std::bad_alloc {
    explicit MemoryBudgetExceeded(uint64_t requested) : requested(requested) {}
    const char* what() const noexcept override { return "the scenario's memory budget is spent"; }
    uint64_t requested; // the size of the allocation refused
};

// Counts this thread's allocations against [limit] bytes while it lives.
class MemoryBudget {
  public:
    explicit MemoryBudget(uint64_t limit);
    ~MemoryBudget();
    MemoryBudget(const MemoryBudget&) = delete;
    MemoryBudget& operator=(const MemoryBudget&) = delete;

    uint64_t limit() const { return limit_; }
    uint64_t used() const { return used_; }
    uint64_t peak() const { return peak_; }
    uint64_t allocations() const { return allocations_; }
    // Every byte counted so far, freed or not: what the instruction budget charges for work
    // done in builtins (VM::spendBudget).
    uint64_t allocatedTotal() const { return allocatedTotal_; }
    // An allocation went past the limit where it could not throw (a destructor); the VM ends
    // the run at its next check.
    bool overdrawn() const { return overdrawn_; }
    // The run is ending: from now on allocations are neither counted nor refused, so that
    // unwinding and the error report cannot fail.
    void stop() { stopped_ = true; }

    // This thread's budget, or null.
    static MemoryBudget* current();

    // For operator new and delete (memory_budget.cpp): counts [bytes] and says whether it did
    // (not once stopped); past the limit throws MemoryBudgetExceeded when [mayThrow].
    bool charge(uint64_t bytes, bool mayThrow);
    void refund(uint64_t bytes) { used_ -= bytes; }
    uint64_t serial() const { return serial_; }

  private:
    uint64_t serial_;
    uint64_t limit_;
    uint64_t used_ = 0;
    uint64_t peak_ = 0;
    uint64_t allocations_ = 0;
    uint64_t allocatedTotal_ = 0;
    bool overdrawn_ = false;
    bool stopped_ = false;
    MemoryBudget* outer_;
};

// For allocators that keep no header per block (slab_pool.h): counts [bytes], the block's whole
// size, against this thread's budget (nothing under HostAllocations, nothing once stopped;
// MemoryBudgetExceeded past the limit where operator new would throw it). Returns the budget's
// serial, or 0 when nothing was charged.
uint64_t chargeThreadBudget(uint64_t bytes);
// Gives back what chargeThreadBudget([bytes]) counted to the budget of serial [owner], if that
// is still this thread's.
void refundThreadBudget(uint64_t owner, uint64_t bytes) noexcept;
// A block of [bytes] from malloc (operator delete frees it) charged as [charged] bytes, not as
// operator new would charge it: the sanitizer build's small objects, counted as their slab
// blocks would be (slab_pool.h), so that both builds meet a limit at the same allocation.
void* allocateCharged(size_t bytes, uint64_t charged);

// While one lives, this thread's allocations are the host's, not the scenario's: the trace
// recorder and the output callbacks allocate under it.
class HostAllocations {
  public:
    HostAllocations();
    ~HostAllocations();
    HostAllocations(const HostAllocations&) = delete;
    HostAllocations& operator=(const HostAllocations&) = delete;

  private:
    bool saved_;
};

// While one lives, an allocation past the limit is granted and the budget marked overdrawn
// instead of throwing: destructors run under it (releaseObject), since they must not throw.
// ThrowingAllocations undoes it for code that handles exceptions itself.
class NoThrowAllocations {
  public:
    NoThrowAllocations();
    ~NoThrowAllocations();
    NoThrowAllocations(const NoThrowAllocations&) = delete;
    NoThrowAllocations& operator=(const NoThrowAllocations&) = delete;
};
class ThrowingAllocations {
  public:
    ThrowingAllocations();
    ~ThrowingAllocations();
    ThrowingAllocations(const ThrowingAllocations&) = delete;
    ThrowingAllocations& operator=(const ThrowingAllocations&) = delete;

  private:
    int saved_;
};

// Throws MemoryBudgetExceeded when [count] items of [itemBytes] each (an overflowing product
// included) cannot fit in this thread's budget: for sizes a scenario computes (`'x' * n`) before
// asking for them, so that no overflow wraps around to a small allocation.
void checkAllocation(uint64_t count, uint64_t itemBytes);

// "512 MB", "1.5 GB": a byte count as limit messages show it.
std::string formatByteCount(uint64_t bytes);

// The MemoryError text for a source too big to compile within this thread's budget.
std::string sourceTooBigMessage();

// Allocation functions for C libraries that cannot unwind a C++ exception (GMP's
// mp_set_memory_functions): they count against the budget like operator new but never throw;
// past the limit they mark the budget overdrawn and the VM ends the run at its next check.
// Callers check the size of big results before asking for them.
void* budgetedAllocate(size_t bytes);
void* budgetedReallocate(void* block, size_t oldBytes, size_t newBytes);
void budgetedFree(void* block, size_t bytes);

} // namespace loopscope
