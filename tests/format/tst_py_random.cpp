// The random module against CPython 3.11: for each seed (ints, strs, bytes) the same
// sequence of random(), getrandbits, randrange, randint, uniform, choice, shuffle and
// sample calls as gen_data.py made, value for value.

#include <QtTest>

#include <bit>

#include "random/py_random.h"
#include "random/sha512.h"
#include "test_data.h"

using namespace loopscope;
using namespace formattest;

namespace {

template <typename T> std::string shown(const RandomResult<T>& r, std::string (*text)(const T&))
{
    return r.ok ? text(r.value) : errorText(r.errorType, r.error);
}

std::string joinIndices(const std::vector<size_t>& items)
{
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        out += (i ? " " : "") + std::to_string(items[i]);
    }
    return out;
}

std::string hexBytes(const std::string& hex)
{
    std::string out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) {
        out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    }
    return out;
}

std::string sameDouble(double got, const std::string& expectedHex)
{
    return std::bit_cast<uint64_t>(got) == std::bit_cast<uint64_t>(parseHexFloat(expectedHex))
               ? expectedHex
               : "got " + std::to_string(got);
}

} // namespace

class PyRandomTest : public QObject {
    Q_OBJECT
  private slots:
    void sequences()
    {
        const auto rows = readRows("random.tsv");
        QVERIFY(rows.size() > 900);
        PyRandom rng;
        std::string seedLabel;
        int checked = 0;
        for (const Row& row : rows) {
            if (row[0] == "seed") {
                seedLabel = row[1] + " " + row[2];
                if (row[1] == "int") {
                    rng.seed(std::stoll(row[2]));
                } else if (row[1] == "str") {
                    rng.seedText(row[2]);
                } else {
                    rng.seedBytes(hexBytes(row[2]));
                }
                continue;
            }
            const std::string& op = row[1];
            const auto args = split(row[2], ' ');
            const std::string& expected = row[3];
            std::string got;
            auto asInt = [](const int64_t& v) { return std::to_string(v); };
            if (op == "random") {
                got = sameDouble(rng.random(), expected);
            } else if (op == "getrandbits") {
                got = shown<uint64_t>(rng.getrandbits(std::stoll(args[0])),
                                      [](const uint64_t& v) { return std::to_string(v); });
            } else if (op == "randrange" && args.size() == 1) {
                got = shown<int64_t>(rng.randrange(std::stoll(args[0])), asInt);
            } else if (op == "randrange") {
                const int64_t step = args.size() == 3 ? std::stoll(args[2]) : 1;
                got = shown<int64_t>(rng.randrange(std::stoll(args[0]), std::stoll(args[1]), step), asInt);
            } else if (op == "randint") {
                got = shown<int64_t>(rng.randint(std::stoll(args[0]), std::stoll(args[1])), asInt);
            } else if (op == "uniform") {
                got = sameDouble(rng.uniform(std::stod(args[0]), std::stod(args[1])), expected);
            } else if (op == "choice") {
                got = shown<size_t>(rng.choiceIndex(std::stoull(args[0])),
                                    [](const size_t& v) { return std::to_string(v); });
            } else if (op == "shuffle") {
                std::vector<size_t> items(std::stoull(args[0]));
                for (size_t i = 0; i < items.size(); ++i) {
                    items[i] = i;
                }
                rng.shuffle(items);
                got = joinIndices(items);
            } else if (op == "sample") {
                got = shown<std::vector<size_t>>(rng.sampleIndices(std::stoull(args[0]), std::stoll(args[1])),
                                                 joinIndices);
            } else {
                QFAIL(("unknown op " + op).c_str());
            }
            const std::string where = "seed " + seedLabel + ", " + op + "(" + row[2] + ")";
            QVERIFY2(got == expected, (where + ": got '" + got + "', want '" + expected + "'").c_str());
            ++checked;
        }
        qInfo("checked %d random calls", checked);
    }

    void sha512KnownAnswers()
    {
        // FIPS 180-2 test vectors.
        auto hex = [](const std::array<uint8_t, 64>& d) {
            QByteArray bytes(reinterpret_cast<const char*>(d.data()), 64);
            return bytes.toHex();
        };
        QCOMPARE(hex(sha512("abc")),
                 QByteArray("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                            "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"));
        QCOMPARE(hex(sha512("")),
                 QByteArray("cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
                            "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"));
        const std::string million(1000000, 'a');
        QCOMPARE(hex(sha512(million)).left(32), QByteArray("e718483d0ce769644e2e42c7bc15b463"));
    }
};

QTEST_GUILESS_MAIN(PyRandomTest)
#include "tst_py_random.moc"
