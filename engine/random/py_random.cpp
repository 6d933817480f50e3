#include "py_random.h"

#include <cmath>
#include <unordered_set>

#include "sha512.h"

namespace loopscope {

namespace {

using Wide = __int128;

std::string wideToString(Wide value)
{
    if (value == 0) {
        return "0";
    }
    const bool negative = value < 0;
    unsigned __int128 magnitude = negative ? -static_cast<unsigned __int128>(value) : value;
    std::string digits;
    while (magnitude > 0) {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
        magnitude /= 10;
    }
    return negative ? "-" + digits : digits;
}

// Python's floor division for the non-zero [divisor].
Wide floorDivide(Wide dividend, Wide divisor)
{
    Wide quotient = dividend / divisor;
    if ((dividend % divisor != 0) && ((dividend < 0) != (divisor < 0))) {
        --quotient;
    }
    return quotient;
}

int bitLength(uint64_t n)
{
    return n == 0 ? 0 : 64 - __builtin_clzll(n);
}

RandomResult<int64_t> randrangeWide(PyRandom& rng, Wide start, Wide stop, Wide step)
{
    using Result = RandomResult<int64_t>;
    const Wide width = stop - start;
    if (step == 1) {
        if (width > 0) {
            return Result::success(static_cast<int64_t>(start + rng.randbelow(static_cast<uint64_t>(width))));
        }
        return Result::failure("ValueError", "empty range for randrange() (" + wideToString(start) + ", " +
                                                 wideToString(stop) + ", " + wideToString(width) + ")");
    }
    Wide count = 0;
    if (step > 0) {
        count = floorDivide(width + step - 1, step);
    } else if (step < 0) {
        count = floorDivide(width + step + 1, step);
    } else {
        return Result::failure("ValueError", "zero step for randrange()");
    }
    if (count <= 0) {
        return Result::failure("ValueError", "empty range for randrange()");
    }
    const Wide picked = start + step * static_cast<Wide>(rng.randbelow(static_cast<uint64_t>(count)));
    return Result::success(static_cast<int64_t>(picked));
}

} // namespace

void PyRandom::seedWords(std::vector<uint32_t> words)
{
    // CPython uses exactly as many words as the seed's bit length needs, and one zero
    // word for a zero seed.
    while (words.size() > 1 && words.back() == 0) {
        words.pop_back();
    }
    if (words.empty()) {
        words.push_back(0);
    }
    twister_.seedByArray(words);
}

void PyRandom::seed(int64_t a)
{
    const uint64_t magnitude = a < 0 ? 0 - static_cast<uint64_t>(a) : static_cast<uint64_t>(a);
    seedUnsigned(magnitude);
}

void PyRandom::seedUnsigned(uint64_t magnitude)
{
    seedWords({static_cast<uint32_t>(magnitude), static_cast<uint32_t>(magnitude >> 32)});
}

void PyRandom::seedBytes(std::string_view bytes)
{
    // int.from_bytes(bytes + sha512(bytes).digest(), 'big'), then its 32-bit words
    // from the least significant end.
    std::string all(bytes);
    const auto digest = sha512(bytes);
    all.append(reinterpret_cast<const char*>(digest.data()), digest.size());
    std::vector<uint32_t> words((all.size() + 3) / 4, 0);
    for (size_t i = 0; i < all.size(); ++i) {
        const size_t fromEnd = all.size() - 1 - i; // byte significance
        words[fromEnd / 4] |= static_cast<uint32_t>(static_cast<uint8_t>(all[i])) << (8 * (fromEnd % 4));
    }
    seedWords(std::move(words));
}

void PyRandom::seedText(std::string_view utf8)
{
    seedBytes(utf8);
}

double PyRandom::random()
{
    return twister_.nextDouble53();
}

RandomResult<uint64_t> PyRandom::getrandbits(int64_t k)
{
    using Result = RandomResult<uint64_t>;
    if (k < 0) {
        return Result::failure("ValueError", "number of bits must be non-negative");
    }
    if (k > 64) {
        return Result::failure("OverflowError",
                               "getrandbits() beyond 64 bits is not supported in the simulator");
    }
    if (k == 0) {
        return Result::success(0);
    }
    if (k <= 32) {
        return Result::success(twister_.nextUint32() >> (32 - k));
    }
    // Words fill the result from the least significant end; the last one is cut to the
    // bits that remain by dropping its low bits.
    const uint64_t low = twister_.nextUint32();
    uint64_t high = twister_.nextUint32();
    high >>= (64 - k);
    return Result::success(low | (high << 32));
}

uint64_t PyRandom::randbelow(uint64_t n)
{
    const int k = bitLength(n);
    uint64_t r = getrandbits(k).value;
    while (r >= n) {
        r = getrandbits(k).value;
    }
    return r;
}

RandomResult<int64_t> PyRandom::randrange(int64_t stop)
{
    if (stop > 0) {
        return RandomResult<int64_t>::success(static_cast<int64_t>(randbelow(static_cast<uint64_t>(stop))));
    }
    return RandomResult<int64_t>::failure("ValueError", "empty range for randrange()");
}

RandomResult<int64_t> PyRandom::randrange(int64_t start, int64_t stop, int64_t step)
{
    return randrangeWide(*this, start, stop, step);
}

RandomResult<int64_t> PyRandom::randint(int64_t a, int64_t b)
{
    return randrangeWide(*this, a, static_cast<Wide>(b) + 1, 1);
}

double PyRandom::uniform(double a, double b)
{
    return a + (b - a) * random();
}

RandomResult<size_t> PyRandom::choiceIndex(size_t length)
{
    if (length == 0) {
        return RandomResult<size_t>::failure("IndexError", "Cannot choose from an empty sequence");
    }
    return RandomResult<size_t>::success(static_cast<size_t>(randbelow(length)));
}

RandomResult<std::vector<size_t>> PyRandom::sampleIndices(size_t populationSize, int64_t k)
{
    using Result = RandomResult<std::vector<size_t>>;
    if (k < 0 || static_cast<uint64_t>(k) > populationSize) {
        return Result::failure("ValueError", "Sample larger than population or is negative");
    }
    const size_t n = populationSize;
    const size_t count = static_cast<size_t>(k);
    std::vector<size_t> result(count);
    // CPython compares the memory of an n-item list with a k-item set; the set's table
    // size comes from math.log(k * 3, 4), i.e. log(3k) / log(4) in doubles.
    double setSize = 21;
    if (count > 5) {
        const double exponent = std::ceil(std::log(static_cast<double>(count * 3)) / std::log(4.0));
        setSize += std::pow(4.0, exponent);
    }
    if (static_cast<double>(n) <= setSize) {
        std::vector<size_t> pool(n);
        for (size_t i = 0; i < n; ++i) {
            pool[i] = i;
        }
        for (size_t i = 0; i < count; ++i) {
            const size_t j = static_cast<size_t>(randbelow(n - i));
            result[i] = pool[j];
            pool[j] = pool[n - i - 1]; // move the non-selected item into the vacancy
        }
    } else {
        std::unordered_set<size_t> selected;
        for (size_t i = 0; i < count; ++i) {
            size_t j = static_cast<size_t>(randbelow(n));
            while (selected.count(j) != 0) {
                j = static_cast<size_t>(randbelow(n));
            }
            selected.insert(j);
            result[i] = j;
        }
    }
    return Result::success(std::move(result));
}

} // namespace loopscope
