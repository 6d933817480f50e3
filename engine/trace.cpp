#include "trace.h"

namespace loopscope {

StringId TraceRecorder::intern(std::string_view text)
{
    if (text.empty())
        return {};
    auto [it, inserted] = stringIndex_.try_emplace(std::string(text), uint32_t(strings_.size()));
    if (inserted)
        strings_.emplace_back(text);
    return StringId{it->second};
}

size_t TraceRecorder::memoryBytes() const
{
    size_t bytes = events_.capacity() * sizeof(TraceEvent);
    for (const auto& s : strings_)
        bytes += sizeof(std::string) + (s.capacity() > 15 ? s.capacity() : 0);
    return bytes;
}

}  // namespace loopscope
