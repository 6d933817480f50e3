#pragma once
// MT19937, the generator behind CPython's random module (Modules/_randommodule.c),
// including its seeding by key array and its 53-bit float.

#include <array>
#include <cstdint>
#include <vector>

namespace loopscope {

class MersenneTwister {
  public:
    MersenneTwister(); // seeded as init_by_array({0})

    // Matsumoto and Nishimura's init_by_array; CPython seeds with the 32-bit words of the
    // seed's absolute value, least significant word first ({0} for zero).
    void seedByArray(const std::vector<uint32_t>& key);

    // The next 32 random bits.
    uint32_t nextUint32();

    // A double in [0, 1) with 53 random bits (genrand_res53), CPython's random().
    double nextDouble53();

  private:
    void seedScalar(uint32_t seed);
    void regenerate();

    static constexpr int kStateSize = 624;
    std::array<uint32_t, kStateSize> state_{};
    int index_ = kStateSize + 1;
};

} // namespace loopscope
