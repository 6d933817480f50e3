// Small blocks from slabs (slab_pool.h).

#include "slab_pool.h"

#include <algorithm>
#include <cstdint>
#include <new>
#include <vector>

#include <sys/mman.h>

#include "memory_budget.h"

namespace loopscope {

namespace {

// Slabs are aligned to their size, so that a block finds its slab's header by its address.
constexpr size_t kSlabBytes = size_t(32) << 10;
constexpr size_t kClasses = kSlabMaxBytes / kSlabGranule;

struct alignas(16) SlabHeader {
    uint64_t owner; // the serial of the budget its blocks are charged to, 0: none
};

struct FreeBlock {
    FreeBlock* next;
};

// Blocks charged to one budget, or (owner 0) to none: an object made under HostAllocations or
// after the budget stopped must not be refunded when it dies, nor a charged one reused free.
struct Arena {
    FreeBlock* free[kClasses];
    char* next; // the unused rest of the arena's newest slab
    char* end;
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
// is unmapped when the thread ends (or by releaseAllSlabs).
constexpr size_t kGroupBytes = size_t(1) << 20;
static_assert(kGroupBytes % kSlabBytes == 0, "a group holds whole slabs");

struct Slabs {
    std::vector<char*> groups;
    bool sorted = true;
    char* next = nullptr; // the next slab of the newest group
    char* end = nullptr;
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
        sorted = true;
        next = end = nullptr;
    }
    char* take()
    {
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

void push(Arena& arena, size_t sizeClass, void* block)
{
    auto* free = static_cast<FreeBlock*>(block);
    free->next = arena.free[sizeClass];
    arena.free[sizeClass] = free;
}

void takeSlab(Arena& arena)
{
    // The slab is the host's memory (mapped, outside operator new); its blocks are charged one
    // by one.
    char* slab = tSlabs.take();
    new (slab) SlabHeader{arena.owner};
    // The rest of the previous slab (less than one block of the class asked for) goes to the
    // largest class it holds, so that nothing is lost for good.
    const size_t rest = size_t(arena.end - arena.next);
    if (rest >= kSlabGranule)
        push(arena, rest / kSlabGranule - 1, arena.next);
    arena.next = slab + sizeof(SlabHeader);
    arena.end = slab + kSlabBytes;
}

} // namespace

void* slabAllocate(size_t bytes)
{
    const size_t c = sizeClass(bytes);
    const size_t size = (c + 1) * kSlabGranule;
    // Charged first (as the allocation of [bytes] operator new would count): past the budget
    // nothing is taken.
    const uint64_t owner = chargeThreadBudget(bytes);
    SlabState& state = tState;
    Arena& arena = owner ? state.charged : state.uncharged;
    if (owner && arena.owner != owner) {
        // A new run's budget on this thread: the blocks of the last one are not its to reuse.
        arena = Arena{};
        arena.owner = owner;
    }
    if (FreeBlock* block = arena.free[c]) {
        arena.free[c] = block->next;
        return block;
    }
    if (size_t(arena.end - arena.next) < size)
        takeSlab(arena);
    void* block = arena.next;
    arena.next += size;
    return block;
}

void slabRelease(void* block, size_t bytes) noexcept
{
    SlabState& state = tState;
    if (!block || state.closed)
        return;
    const auto* slab =
        reinterpret_cast<const SlabHeader*>(reinterpret_cast<uintptr_t>(block) & ~uintptr_t(kSlabBytes - 1));
    const size_t c = sizeClass(bytes);
    refundThreadBudget(slab->owner, bytes);
    if (slab->owner == 0)
        push(state.uncharged, c, block);
    else if (slab->owner == state.charged.owner)
        push(state.charged, c, block);
    // else: a block of an earlier run's budget; its slab goes with releaseAllSlabs.
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

} // namespace loopscope
