// The shared ASTs of the embedded prelude (prelude_cache.h).

#include "prelude_cache.h"

#include <memory>
#include <mutex>
#include <unordered_map>

#include "memory_budget.h"
#include "parser.h"

namespace loopscope {

const Module* preludeAst(const PreludeFile& file)
{
    HostAllocations host; // the process's memory, not the run's
    static std::mutex mutex;
    // Never destroyed: an engine thread may still compile from it while the process exits.
    static auto* cache = new std::unordered_map<const PreludeFile*, std::unique_ptr<Module>>();
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache->find(&file);
    if (it != cache->end())
        return it->second.get();
    ParseResult parsed = parseModule(file.text);
    return cache->emplace(&file, std::move(parsed.module)).first->second.get();
}

} // namespace loopscope
