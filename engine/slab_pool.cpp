// Small blocks from slabs (slab_pool.h).

#include "slab_pool.h"

#include <algorithm>
#include <cstdint>
#include <new>
#include <vector>

#include <sys/mman.h>

#include "memory_budget.h"

namespace loopscope {

#if LOOPSCOPE_SLABS

namespace {

// Slabs are aligned to their size, so that a block finds its slab's header by its address.
constexpr size_t kSlabBytes = size_t(32) << 10;
constexpr size_t kClasses = kSlabMaxBytes / kSlabGranule;

struct FreeBlock {
    FreeBlock* next;
};

// Each slab holds blocks of one size class, charged to one budget (or to none: an object made
// under HostAllocations or after the budget stopped must not be refunded when it dies).
struct alignas(16) Slab {
    uint64_t owner;    // the serial of the budget its blocks are charged to, 0: none
    FreeBlock* free;   // its freed blocks
    char* next;        // its blocks never handed out start here
    Slab* prevPartial; // in its arena's list of slabs with room, for its class
    Slab* nextPartial;
    uint32_t live; // blocks in use
    uint16_t sizeClass;
    bool partial; // in that list
    char* end() { return reinterpret_cast<char*>(this) + kSlabBytes; }
};

// The slabs with room, per class, of one budget.
struct Arena {
    Slab* partial[kClasses];
    uint64_t owner;
};

// The hot state: trivially destructible, so that reading it needs no thread_local guard.
struct SlabState {
    Arena charged;
    Arena uncharged;
    bool closed; // the thread is ending: blocks freed now are not reused
};
thread_local SlabState tState{};

// Slabs come from groups of kGroupBytes, mapped apart and aligned to their size (a 32 KiB
// aligned allocation from malloc would waste up to as much again). Every group of the thread
// is unmapped when the thread ends (or by releaseAllSlabs). A slab whose blocks are all freed
// gives its pages back to the system and waits, empty, to be taken again.
constexpr size_t kGroupBytes = size_t(1) << 20;
static_assert(kGroupBytes % kSlabBytes == 0, "a group holds whole slabs");

struct Slabs {
    std::vector<char*> groups;
    bool sorted = true;
    char* next = nullptr; // the next slab of the newest group never used
    char* end = nullptr;
    std::vector<Slab*> empty; // slabs given back, to be used again
    ~Slabs()
    {
        tState.closed = true;
        release();
    }
    void release() noexcept
    {
        for (char* group : groups)
            munmap(group, kGroupBytes);
        groups.clear();
        empty.clear();
        sorted = true;
        next = end = nullptr;
    }
    char* take()
    {
        if (!empty.empty()) {
            Slab* slab = empty.back();
            empty.pop_back();
            return reinterpret_cast<char*>(slab);
        }
        if (next == end) {
            void* mapped =
                mmap(nullptr, 2 * kGroupBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (mapped == MAP_FAILED)
                throw std::bad_alloc();
            char* raw = static_cast<char*>(mapped);
            char* group = reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(raw) + kGroupBytes - 1) &
                                                  ~uintptr_t(kGroupBytes - 1));
            if (group > raw)
                munmap(raw, size_t(group - raw));
            munmap(group + kGroupBytes, size_t(raw + 2 * kGroupBytes - (group + kGroupBytes)));
            HostAllocations host; // the list of groups is the engine's bookkeeping
            groups.push_back(group);
            sorted = false;
            next = group;
            end = group + kGroupBytes;
        }
        char* slab = next;
        next += kSlabBytes;
        return slab;
    }
};
thread_local Slabs tSlabs;

size_t sizeClass(size_t bytes)
{
    return bytes == 0 ? 0 : (bytes - 1) / kSlabGranule;
}

void linkPartial(Arena& arena, Slab* slab)
{
    Slab*& head = arena.partial[slab->sizeClass];
    slab->prevPartial = nullptr;
    slab->nextPartial = head;
    if (head)
        head->prevPartial = slab;
    head = slab;
    slab->partial = true;
}

void unlinkPartial(Arena& arena, Slab* slab)
{
    if (slab->prevPartial)
        slab->prevPartial->nextPartial = slab->nextPartial;
    else
        arena.partial[slab->sizeClass] = slab->nextPartial;
    if (slab->nextPartial)
        slab->nextPartial->prevPartial = slab->prevPartial;
    slab->prevPartial = slab->nextPartial = nullptr;
    slab->partial = false;
}

Slab* newSlab(Arena& arena, size_t c)
{
    // The slab is the host's memory (mapped, outside operator new); its blocks are charged one
    // by one.
    auto* slab = new (tSlabs.take()) Slab{};
    slab->owner = arena.owner;
    slab->next = reinterpret_cast<char*>(slab) + sizeof(Slab);
    slab->sizeClass = uint16_t(c);
    linkPartial(arena, slab);
    return slab;
}

} // namespace

void* slabAllocate(size_t bytes)
{
    const size_t c = sizeClass(bytes);
    const size_t size = (c + 1) * kSlabGranule;
    // Charged first, the block's whole size (slabBlockBytes): past the budget nothing is taken.
    const uint64_t owner = chargeThreadBudget(size);
    SlabState& state = tState;
    Arena& arena = owner ? state.charged : state.uncharged;
    if (owner && arena.owner != owner) {
        // A new run's budget on this thread: the slabs of the last one are not its to reuse.
        arena = Arena{};
        arena.owner = owner;
    }
    Slab* slab = arena.partial[c];
    if (!slab)
        slab = newSlab(arena, c);
    void* block;
    if (slab->free) {
        block = slab->free;
        slab->free = slab->free->next;
    } else {
        block = slab->next;
        slab->next += size;
    }
    ++slab->live;
    if (!slab->free && size_t(slab->end() - slab->next) < size)
        unlinkPartial(arena, slab); // full
    return block;
}

void slabRelease(void* block, size_t bytes) noexcept
{
    SlabState& state = tState;
    if (!block || state.closed)
        return;
    auto* slab = reinterpret_cast<Slab*>(reinterpret_cast<uintptr_t>(block) & ~uintptr_t(kSlabBytes - 1));
    refundThreadBudget(slab->owner, slabBlockBytes(bytes));
    Arena* arena = slab->owner == 0                     ? &state.uncharged
                   : slab->owner == state.charged.owner ? &state.charged
                                                        : nullptr;
    if (!arena)
        return; // a block of an earlier run's budget; its slab goes with releaseAllSlabs
    auto* free = static_cast<FreeBlock*>(block);
    free->next = slab->free;
    slab->free = free;
    --slab->live;
    if (!slab->partial)
        linkPartial(*arena, slab);
    // An empty slab gives its pages back, unless it is the only one of its class with room
    // (a block freed and taken again in turn, as each sleep(0) does, must not cost a system call).
    if (slab->live == 0 && (slab->prevPartial || slab->nextPartial)) {
        unlinkPartial(*arena, slab);
        madvise(slab, kSlabBytes, MADV_DONTNEED);
        HostAllocations host;
        tSlabs.empty.push_back(slab);
    }
}

bool inSlab(const void* p)
{
    Slabs& slabs = tSlabs;
    if (!slabs.sorted) {
        std::sort(slabs.groups.begin(), slabs.groups.end());
        slabs.sorted = true;
    }
    char* group = reinterpret_cast<char*>(reinterpret_cast<uintptr_t>(p) & ~uintptr_t(kGroupBytes - 1));
    return std::binary_search(slabs.groups.begin(), slabs.groups.end(), group);
}

void releaseAllSlabs() noexcept
{
    tSlabs.release();
    SlabState& state = tState;
    const bool closed = state.closed;
    state = SlabState{};
    state.closed = closed;
}

#else // !LOOPSCOPE_SLABS

// No slabs: each block is malloc's (so that AddressSanitizer sees every use after free), charged
// as its slab block would be, and freed by operator delete.
void* slabAllocate(size_t bytes)
{
    return allocateCharged(bytes, slabBlockBytes(bytes));
}

void slabRelease(void* block, size_t) noexcept
{
    ::operator delete(block);
}

bool inSlab(const void*)
{
    return false;
}

void releaseAllSlabs() noexcept {}

#endif

} // namespace loopscope
