#pragma once
// UTF-8 helpers for formatting: Python counts widths and precisions in code points,
// while the engine keeps str as UTF-8 bytes.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope {

// Number of code points in the UTF-8 text [s].
size_t utf8Length(std::string_view s);
// The first [count] code points of the UTF-8 text [s].
std::string_view utf8Prefix(std::string_view s, size_t count);
// The code points of the UTF-8 text [s]; a malformed byte stands for itself.
std::vector<uint32_t> utf8CodePoints(std::string_view s);
// chr(codePoint) as UTF-8 (codePoint must be in range(0x110000)).
std::string utf8Encode(uint32_t codePoint);

} // namespace loopscope
