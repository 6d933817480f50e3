// Small blocks from slabs (slab_pool.h).

#include "slab_pool.h"

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
// under HostAllocations or after the budget stopped must not be refunded when it dies), and
// either objects or plain blocks (frames), never both: the object slabs are walked at the end.
struct alignas(16) Slab {
    uint64_t owner;    // the serial of the budget its blocks are charged to, 0: none
    FreeBlock* free;   // its freed blocks
    char* next;        // its blocks never handed out start here
    Slab* prevPartial; // in its arena's list of slabs with room, for its class
    Slab* nextPartial;
    uint32_t live; // blocks in use
    uint16_t sizeClass;
    bool partial; // in that list
    bool objects; // holds objects (slabAllocateObject)
    char* begin() { return reinterpret_cast<char*>(this) + sizeof(Slab); }
    char* end() { return reinterpret_cast<char*>(this) + kSlabBytes; }
    size_t blockBytes() const { return (size_t(sizeClass) + 1) * kSlabGranule; }
};

// The slabs with room, per class, of one budget: [partial][0] plain blocks', [1] objects'.
struct Arena {
    Slab* partial[2][kClasses];
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
    Slab*& head = arena.partial[slab->objects][slab->sizeClass];
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
        arena.partial[slab->objects][slab->sizeClass] = slab->nextPartial;
    if (slab->nextPartial)
        slab->nextPartial->prevPartial = slab->prevPartial;
    slab->prevPartial = slab->nextPartial = nullptr;
    slab->partial = false;
}

Slab* newSlab(Arena& arena, size_t c, bool objects)
{
    // The slab is the host's memory (mapped, outside operator new); its blocks are charged one
    // by one.
    auto* slab = new (tSlabs.take()) Slab{};
    slab->owner = arena.owner;
    slab->next = slab->begin();
    slab->sizeClass = uint16_t(c);
    slab->objects = objects;
    linkPartial(arena, slab);
    return slab;
}

// Inlined into both entry points, with [objects] a constant: the allocation stays as short as
// it was with one kind of slab.
[[gnu::always_inline]] inline void* allocateBlock(size_t bytes, bool objects)
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
    Slab* slab = arena.partial[objects][c];
    if (!slab)
        slab = newSlab(arena, c, objects);
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

} // namespace

void* slabAllocate(size_t bytes)
{
    return allocateBlock(bytes, false);
}

void* slabAllocateObject(size_t bytes)
{
    return allocateBlock(bytes, true);
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
    if (!arena) {
        // A block of an earlier run's budget; its slab goes with releaseAllSlabs. Marked free
        // all the same, for collectSlabObjects.
        *static_cast<FreeBlock**>(block) = nullptr;
        return;
    }
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

void collectSlabObjects(std::vector<void*>& out)
{
    const Slabs& slabs = tSlabs;
    for (char* group : slabs.groups) {
        for (char* at = group; at < group + kGroupBytes; at += kSlabBytes) {
            if (at >= slabs.next && at < slabs.end)
                break; // the newest group's slabs never taken
            auto* slab = reinterpret_cast<Slab*>(at);
            if (!slab->objects || slab->live == 0) // an empty slab's pages read as zeros
                continue;
            // A live object's first word is its vtable pointer, which never points into a slab;
            // a freed block's is its free list's next block, in this slab, or null.
            const size_t size = slab->blockBytes();
            for (char* block = slab->begin(); block < slab->next; block += size) {
                const auto first = *reinterpret_cast<const uintptr_t*>(block);
                if (first != 0 && (first & ~uintptr_t(kSlabBytes - 1)) != reinterpret_cast<uintptr_t>(slab))
                    out.push_back(block);
            }
        }
    }
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

void* slabAllocateObject(size_t bytes)
{
    return allocateCharged(bytes, slabBlockBytes(bytes));
}

void slabRelease(void* block, size_t) noexcept
{
    ::operator delete(block);
}

void collectSlabObjects(std::vector<void*>&) {}

void releaseAllSlabs() noexcept {}

#endif

} // namespace loopscope
