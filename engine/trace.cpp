#include "trace.h"

namespace loopscope {

StringId TraceRecorder::intern(std::string_view text)
{
    if (text.empty())
        return {};
    if (auto it = stringIndex_.find(text); it != stringIndex_.end())
        return StringId{it->second};
    const uint32_t id = uint32_t(strings_.size());
    stringIndex_.emplace(strings_.emplace_back(text), id);
    return StringId{id};
}

std::string TraceRecorder::taskName(const TraceEvent& created) const
{
    if (created.a == 0)
        return "Task-" + std::to_string(created.task.value);
    return std::string(string(StringId{created.a}));
}

size_t TraceRecorder::memoryBytes() const
{
    size_t bytes = events_.capacityBytes();
    for (const auto& s : strings_)
        bytes += sizeof(std::string) + (s.capacity() > 15 ? s.capacity() + 1 : 0);
    // The index: one bucket pointer each, and a node holding key, id, hash and link.
    bytes += stringIndex_.bucket_count() * sizeof(void*) +
             stringIndex_.size() * (sizeof(std::string_view) + sizeof(uint32_t) + 2 * sizeof(void*) + 4);
    return bytes;
}

}  // namespace loopscope
