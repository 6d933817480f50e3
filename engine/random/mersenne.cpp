#include "mersenne.h"

#include <algorithm>

namespace loopscope {

namespace {
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;
constexpr int kShift = 397;
} // namespace

MersenneTwister::MersenneTwister()
{
    seedByArray({0});
}

void MersenneTwister::seedScalar(uint32_t seed)
{
    state_[0] = seed;
    for (int i = 1; i < kStateSize; ++i) {
        state_[i] = 1812433253U * (state_[i - 1] ^ (state_[i - 1] >> 30)) + static_cast<uint32_t>(i);
    }
    index_ = kStateSize;
}

void MersenneTwister::seedByArray(const std::vector<uint32_t>& key)
{
    seedScalar(19650218U);
    const size_t keyLength = key.empty() ? 1 : key.size();
    auto keyWord = [&](size_t j) { return key.empty() ? 0U : key[j]; };
    size_t i = 1;
    size_t j = 0;
    for (size_t k = std::max<size_t>(kStateSize, keyLength); k > 0; --k) {
        state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1664525U)) + keyWord(j) +
                    static_cast<uint32_t>(j);
        ++i;
        ++j;
        if (i >= kStateSize) {
            state_[0] = state_[kStateSize - 1];
            i = 1;
        }
        if (j >= keyLength) {
            j = 0;
        }
    }
    for (size_t k = kStateSize - 1; k > 0; --k) {
        state_[i] =
            (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
        ++i;
        if (i >= kStateSize) {
            state_[0] = state_[kStateSize - 1];
            i = 1;
        }
    }
    // The most significant bit is 1, which assures a non-zero initial state.
    state_[0] = 0x80000000U;
    index_ = kStateSize;
}

void MersenneTwister::regenerate()
{
    auto twist = [](uint32_t upper, uint32_t lower, uint32_t far) {
        const uint32_t y = (upper & kUpperMask) | (lower & kLowerMask);
        return far ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
    };
    int k = 0;
    for (; k < kStateSize - kShift; ++k) {
        state_[k] = twist(state_[k], state_[k + 1], state_[k + kShift]);
    }
    for (; k < kStateSize - 1; ++k) {
        state_[k] = twist(state_[k], state_[k + 1], state_[k + (kShift - kStateSize)]);
    }
    state_[kStateSize - 1] = twist(state_[kStateSize - 1], state_[0], state_[kShift - 1]);
    index_ = 0;
}

uint32_t MersenneTwister::nextUint32()
{
    if (index_ >= kStateSize) {
        regenerate();
    }
    uint32_t y = state_[index_++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

double MersenneTwister::nextDouble53()
{
    const uint32_t high = nextUint32() >> 5; // 27 bits
    const uint32_t low = nextUint32() >> 6;  // 26 bits
    return (high * 67108864.0 + low) * (1.0 / 9007199254740992.0);
}

} // namespace loopscope
