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
// Objects (Obj::operator new) have slabs of their own, apart from the frames' plain blocks, so
// that freeAllObjects() can find every object still alive at the end of a run by walking them
// (collectSlabObjects): objects carry no list links, 16 bytes each. It then releases every slab
// at once (releaseAllSlabs), after the last object died.
//
// Blocks are only ever freed on the thread that allocated them (objects never cross threads;
// the live-object count, object.cpp, is per thread too).

#include <cstddef>
#include <vector>

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
// The same, for an object (Obj::operator new): from the object slabs. The object's first word
// must be its vtable pointer: that is how collectSlabObjects tells it from a freed block, whose
// first word is null or points into its own slab.
void* slabAllocateObject(size_t bytes);
// Gives back a block of slabAllocate([bytes]) or slabAllocateObject([bytes]).
void slabRelease(void* block, size_t bytes) noexcept;
// Appends every block of this thread's object slabs that is in use (freeAllObjects). Without
// slabs (LOOPSCOPE_SLABS 0) there are none: object.cpp keeps those objects aside.
void collectSlabObjects(std::vector<void*>& out);
// Frees every slab of this thread: no block may be in use any more.
void releaseAllSlabs() noexcept;

} // namespace loopscope
