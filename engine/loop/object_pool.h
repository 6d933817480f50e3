#pragma once
// Recycles the memory of the loop's most frequent short-lived objects (one sleep coroutine per
// `await asyncio.sleep()`, one ready handle per step): a class that declares
// LOOPSCOPE_POOLED(Class) takes its memory from a free list of blocks of its size instead of the
// allocator. The blocks stay counted in the memory budget while pooled, as they are held.

#include <cstddef>
#include <new>
#include <vector>

namespace loopscope {

template <size_t Size> class BlockPool {
  public:
    static void* allocate()
    {
        std::vector<void*>& blocks = freeBlocks();
        if (blocks.empty())
            return ::operator new(Size);
        void* block = blocks.back();
        blocks.pop_back();
        return block;
    }
    static void release(void* block)
    {
        std::vector<void*>& blocks = freeBlocks();
        if (blocks.size() < kMaxFreeBlocks)
            blocks.push_back(block);
        else
            ::operator delete(block);
    }

  private:
    static constexpr size_t kMaxFreeBlocks = 1 << 14;
    // Each thread keeps its own free blocks, and gives them back when it ends (a worker thread that
    // re-runs a scenario for the window's cursor must not leave its pool behind).
    struct FreeBlocks {
        std::vector<void*> blocks;
        ~FreeBlocks()
        {
            for (void* block : blocks)
                ::operator delete(block);
        }
    };
    static std::vector<void*>& freeBlocks()
    {
        thread_local FreeBlocks pool;
        return pool.blocks;
    }
};

} // namespace loopscope

// Gives [Class] pooled operator new and delete (objects of a derived size use the allocator).
#define LOOPSCOPE_POOLED(Class)                                                                              \
    static void* operator new(size_t bytes)                                                                  \
    {                                                                                                        \
        return bytes == sizeof(Class) ? ::loopscope::BlockPool<sizeof(Class)>::allocate() : ::operator new(bytes); \
    }                                                                                                        \
    static void operator delete(void* p, size_t bytes)                                                       \
    {                                                                                                        \
        if (bytes == sizeof(Class))                                                                          \
            ::loopscope::BlockPool<sizeof(Class)>::release(p);                                               \
        else                                                                                                 \
            ::operator delete(p);                                                                            \
    }
