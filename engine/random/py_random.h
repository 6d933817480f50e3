#pragma once
// The random module, bit-exact with CPython 3.11: the same seed gives the same
// numbers, the same shuffles and the same samples.
//
// Sequences are the VM's business: choice/shuffle/sample work on indices or on a
// std::vector of anything, so the VM can apply them to its lists.
//
// Seeding as random.seed(a) does:
//   int a            -> seed(a)  (all bits of abs(a) are used)
//   str a            -> seedText(a)   (version 2: sha512 appended, all bits used)
//   bytes/bytearray  -> seedBytes(a)
//   float a          -> seed(hash(a))  (the VM computes Python's hash of the float)
//   None             -> not deterministic in CPython; Loopscope seeds with the run's seed.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mersenne.h"

namespace loopscope {

// A value or CPython's exception (type and message).
template <typename T> struct RandomResult {
    bool ok = true;
    T value{};
    std::string errorType;
    std::string error;
    static RandomResult success(T value) { return RandomResult{true, std::move(value), {}, {}}; }
    static RandomResult failure(std::string type, std::string message)
    {
        return RandomResult{false, T{}, std::move(type), std::move(message)};
    }
};

class PyRandom {
  public:
    PyRandom() { seed(0); }

    void seed(int64_t a);
    void seedUnsigned(uint64_t magnitude);  // for seeds that do not fit int64 (e.g. --seed)
    void seedText(std::string_view utf8);   // random.seed("some text")
    void seedBytes(std::string_view bytes); // random.seed(b"...")
    // random.seed(n) for any int: the 32-bit words of |n|, least significant first.
    void seedWords(std::vector<uint32_t> words);

    // random.random(): [0, 1) with 53 bits.
    double random();

    // random.getrandbits(k) for 0 <= k <= 64 (k < 0: ValueError "number of bits must be
    // non-negative"; k > 64 is beyond the VM's ints: OverflowError).
    RandomResult<uint64_t> getrandbits(int64_t k);

    // Random._randbelow(n): [0, n) for n > 0, by rejection over getrandbits(n.bit_length()).
    uint64_t randbelow(uint64_t n);

    // random.randrange(stop) and random.randrange(start, stop, step), with CPython's
    // ValueErrors ("empty range for randrange() (3, 3, 0)", "zero step for randrange()").
    RandomResult<int64_t> randrange(int64_t stop);
    RandomResult<int64_t> randrange(int64_t start, int64_t stop, int64_t step = 1);

    // random.randint(a, b) == randrange(a, b + 1).
    RandomResult<int64_t> randint(int64_t a, int64_t b);

    // random.uniform(a, b) == a + (b - a) * random().
    double uniform(double a, double b);

    // The index random.choice(seq) picks in a sequence of [length] items; IndexError
    // "Cannot choose from an empty sequence" for an empty one.
    RandomResult<size_t> choiceIndex(size_t length);

    // random.shuffle(x), in place, CPython's swaps in CPython's order.
    template <typename T> void shuffle(std::vector<T>& items)
    {
        for (size_t i = items.size(); i-- > 1;) {
            size_t j = static_cast<size_t>(randbelow(i + 1));
            std::swap(items[i], items[j]);
        }
    }

    // random.sample(population, k) for a population of [populationSize] items: the indices
    // of the chosen items in selection order (CPython's pool or selected-set method, chosen
    // by its set-size rule). ValueError "Sample larger than population or is negative".
    RandomResult<std::vector<size_t>> sampleIndices(size_t populationSize, int64_t k);

    MersenneTwister& generator() { return twister_; }

  private:
    MersenneTwister twister_;
};

} // namespace loopscope
