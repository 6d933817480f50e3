#pragma once
// SHA-512 (FIPS 180-4), needed only because random.seed(str) appends the text's
// SHA-512 digest to it before turning it into an int.

#include <array>
#include <cstdint>
#include <string_view>

namespace loopscope {

std::array<uint8_t, 64> sha512(std::string_view message);

} // namespace loopscope
