// repr(float), str(float), round(x) and round(x, n) against CPython 3.11.

#include <QtTest>

#include <bit>
#include <cmath>

#include "format/float_repr.h"
#include "test_data.h"

using namespace loopscope;
using namespace formattest;

class FloatReprTest : public QObject {
    Q_OBJECT
  private slots:
    void repr_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expectedRepr");
        QTest::addColumn<QString>("expectedStr");
        const auto rows = readRows("float_repr.tsv");
        QVERIFY(rows.size() > 300);
        for (size_t i = 0; i < rows.size(); ++i) {
            QTest::newRow(rowName(i, rows[i]).constData())
                << QString::fromStdString(rows[i][0]) << QString::fromStdString(rows[i][1])
                << QString::fromStdString(rows[i][2]);
        }
    }
    void repr()
    {
        QFETCH(QString, input);
        QFETCH(QString, expectedRepr);
        QFETCH(QString, expectedStr);
        const double x = parseHexFloat(input.toStdString());
        QCOMPARE(QString::fromStdString(floatRepr(x)), expectedRepr);
        QCOMPARE(QString::fromStdString(floatRepr(x)), expectedStr);
    }

    void round_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("ndigits");
        QTest::addColumn<QString>("expected");
        const auto rows = readRows("float_round.tsv");
        QVERIFY(rows.size() > 1000);
        for (size_t i = 0; i < rows.size(); ++i) {
            QTest::newRow(rowName(i, rows[i]).constData())
                << QString::fromStdString(rows[i][0]) << QString::fromStdString(rows[i][1])
                << QString::fromStdString(rows[i][2]);
        }
    }
    void round()
    {
        QFETCH(QString, input);
        QFETCH(QString, ndigits);
        QFETCH(QString, expected);
        const double x = parseHexFloat(input.toStdString());
        if (ndigits == "none") {
            const FloatToIntResult r = floatRoundToInt(x);
            const std::string got = r.ok ? std::to_string(r.value) : errorText(r.errorType, r.error);
            QCOMPARE(QString::fromStdString(got), expected);
            return;
        }
        const std::optional<double> r = floatRound(x, ndigits.toLongLong());
        if (expected.startsWith('!')) {
            QVERIFY(!r.has_value());
            QCOMPARE(expected, QString("!OverflowError: rounded value too large to represent"));
            return;
        }
        QVERIFY(r.has_value());
        const double want = parseHexFloat(expected.toStdString());
        if (std::isnan(want)) {
            QVERIFY(std::isnan(*r));
        } else {
            QCOMPARE(std::bit_cast<uint64_t>(*r), std::bit_cast<uint64_t>(want));
        }
    }

    void formatDoubleCodes()
    {
        // The digit generator directly, for the cases format() reaches only through a spec.
        QCOMPARE(QString::fromStdString(formatDouble(2.5, 'f', 0, false, false)), QString("2"));
        QCOMPARE(QString::fromStdString(formatDouble(2.5, 'f', 0, true, false)), QString("2."));
        QCOMPARE(QString::fromStdString(formatDouble(-0.0, 'g', 6, false, false)), QString("-0"));
        QCOMPARE(QString::fromStdString(formatDouble(1e-5, 'r', 0, false, true)), QString("1e-05"));
        QCOMPARE(QString::fromStdString(formatDouble(-INFINITY, 'F', 2, false, false)), QString("-INF"));
        QCOMPARE(QString::fromStdString(formatDouble(NAN, 'E', 2, false, false)), QString("NAN"));
        QCOMPARE(QString::fromStdString(formatDouble(123456.0, 'g', 3, true, false)), QString("1.23e+05"));
    }

    void truncate()
    {
        QCOMPARE(floatTruncateToInt(-2.9).value, int64_t{-2});
        QCOMPARE(floatTruncateToInt(9.2e18).value, int64_t{9200000000000000000});
        QVERIFY(!floatTruncateToInt(9.3e18).ok);
        // Beyond int64_t these report overflow; the VM then makes a big int (engine/bigint.h).
        QCOMPARE(QString::fromStdString(floatRoundToInt(1e300).errorType), QString("OverflowError"));
        QCOMPARE(floatRoundToInt(-9223372036854775808.0).value, INT64_MIN);
        QVERIFY(!floatRoundToInt(9223372036854775808.0).ok);
        QCOMPARE(floatRoundToInt(2.5).value, int64_t{2});
        QCOMPARE(floatRoundToInt(-3.5).value, int64_t{-4});
        QCOMPARE(QString::fromStdString(floatTruncateToInt(NAN).error),
                 QString("cannot convert float NaN to integer"));
    }
};

QTEST_GUILESS_MAIN(FloatReprTest)
#include "tst_float_repr.moc"
