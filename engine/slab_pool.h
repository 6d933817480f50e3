#pragma once
// The memory of the engine's small objects (every Obj up to kSlabMaxBytes, and coroutine
// frames): carved from 32 KiB slabs (mapped 1 MiB at a time), one free list per 16-byte size
// class, per thread. A run of 100k tasks holds 400k such blocks; from malloc each would hold
// two headers (malloc's, and the memory budget's 16 bytes, memory_budget.h), from a slab none.
//
// The memory budget counts each block at its size class (slabBlockBytes: no header) when it is
// taken, and gives that back when it is freed. The slab itself is the host's memory. A block
// made under HostAllocations, or after the budget stopped, is never charged nor refunded.
//
// Blocks are only ever freed on the thread that allocated them (objects never cross threads:
// object.cpp's list of live objects is per thread too). freeAllObjects() ends a run by
// releasing every slab at once (releaseAllSlabs), after the last object died.

#include <cstddef>

namespace loopscope {

constexpr size_t kSlabGranule = 16;
constexpr size_t kSlabMaxBytes = 512;

// Under AddressSanitizer (scripts/sanitize.sh, the fuzz target) every object is an allocation of
// its own, so that a use after free is still caught: a slab's free list would hand the block out
// again, unpoisoned. The functions below stay, on malloc, and the memory budget counts each
// block as its slab block (slabBlockBytes), so that both builds meet a limit at the same line.
#if defined(__SANITIZE_ADDRESS__)
#define LOOPSCOPE_SLABS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LOOPSCOPE_SLABS 0
#endif
#endif
#ifndef LOOPSCOPE_SLABS
#define LOOPSCOPE_SLABS 1
#endif

// What a block of [bytes] holds, and what the memory budget counts for it: its size class.
constexpr size_t slabBlockBytes(size_t bytes)
{
    return bytes == 0 ? kSlabGranule : (bytes + kSlabGranule - 1) / kSlabGranule * kSlabGranule;
}

// A block of at least [bytes] (at most kSlabMaxBytes), aligned to 16 bytes. Throws what the
// global operator new throws (MemoryBudgetExceeded) when a new slab cannot be had.
void* slabAllocate(size_t bytes);
// Gives back a block of slabAllocate([bytes]).
void slabRelease(void* block, size_t bytes) noexcept;
// Whether [p] lies in one of this thread's slabs (freeAllObjects, which no longer knows sizes).
bool inSlab(const void* p);
// Frees every slab of this thread: no block may be in use any more.
void releaseAllSlabs() noexcept;

} // namespace loopscope
