// format(value, spec) for int, bool, float, str and other objects against CPython 3.11.

#include <QtTest>

#include "format/format_spec.h"
#include "test_data.h"

using namespace loopscope;
using namespace formattest;

class FormatSpecTest : public QObject {
    Q_OBJECT
  private slots:
    void format_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("expected");
        const auto rows = readRows("format_spec.tsv");
        QVERIFY(rows.size() > 4000);
        for (size_t i = 0; i < rows.size(); ++i) {
            QTest::newRow(rowName(i, rows[i]).constData())
                << QString::fromStdString(rows[i][0]) << QString::fromStdString(rows[i][1])
                << QString::fromStdString(rows[i][2]) << QString::fromStdString(rows[i][3]);
        }
    }
    void format()
    {
        QFETCH(QString, kind);
        QFETCH(QString, value);
        QFETCH(QString, spec);
        QFETCH(QString, expected);
        const std::string v = value.toStdString();
        const std::string s = spec.toStdString();
        FormatResult r;
        if (kind == "int") {
            r = formatInt(std::stoll(v), s);
        } else if (kind == "bool") {
            r = formatInt(std::stoll(v), s, "bool");
        } else if (kind == "float") {
            r = formatFloat(parseHexFloat(v), s);
        } else if (kind == "str") {
            r = formatString(v, s);
        } else {
            r = formatObject(v, s, kind.mid(7).toStdString());
        }
        const std::string got = r.ok ? r.text : errorText(r.errorType, r.error);
        QCOMPARE(QString::fromStdString(got), expected);
    }

    void parsedFields()
    {
        const FormatSpecParse p = parseFormatSpec("*^+z#012,.3f", 0, '>', "float");
        QVERIFY(p.ok);
        QCOMPARE(QString::fromStdString(p.spec.fill), QString("*"));
        QCOMPARE(p.spec.align, '^');
        QCOMPARE(p.spec.sign, '+');
        QVERIFY(p.spec.noNegativeZero);
        QVERIFY(p.spec.alternate);
        QVERIFY(!p.spec.zeroPadding); // with a fill given, "012" is just the width
        QCOMPARE(p.spec.width, int64_t{12});
        QCOMPARE(p.spec.grouping, ',');
        QCOMPARE(p.spec.precision, int64_t{3});
        QCOMPARE(p.spec.type, 'f');
        const FormatSpecParse zero = parseFormatSpec("+08", 'd', '>', "int");
        QVERIFY(zero.spec.zeroPadding);
        QCOMPARE(zero.spec.align, '=');
        QCOMPARE(QString::fromStdString(zero.spec.fill), QString("0"));
        QCOMPARE(parseFormatSpec("08", 's', '<', "str").spec.align, '<');
        QCOMPARE(QString::fromStdString(parseFormatSpec("99999999999999999999", 'd', '>', "int").error),
                 QString("Too many decimal digits in format string"));
    }

    void limits()
    {
        // Large precisions that CPython handles without allocating, and the ones it rejects.
        QCOMPARE(QString::fromStdString(formatString("ab", ".999999999").text), QString("ab"));
        QCOMPARE(QString::fromStdString(formatInt(1, ".999999999").error),
                 QString("Precision not allowed in integer format specifier"));
        QCOMPARE(QString::fromStdString(formatFloat(1.0, ".9999999999").error), QString("precision too big"));
        // Widths that would build gigabytes fail with MemoryError instead.
        QCOMPARE(QString::fromStdString(formatInt(1, "1000000000").errorType), QString("MemoryError"));
        QCOMPARE(QString::fromStdString(formatString("x", "1000000000").errorType), QString("MemoryError"));
        QCOMPARE(QString::fromStdString(formatFloat(1.0, ".1000000000").errorType), QString("MemoryError"));
        QCOMPARE(formatFloat(1.0, ".1000f").text.size(), size_t{1002});
        QCOMPARE(formatFloat(1e308, ",.2f").text.size(), size_t{309 + 102 + 3});
    }

    void utf8Helpers()
    {
        QCOMPARE(utf8Length("héllo ж"), size_t{7});
        QCOMPARE(QString::fromStdString(std::string(utf8Prefix("héllo", 2))), QString("hé"));
        QCOMPARE(QString::fromStdString(utf8Encode(0x1F600)), QString::fromUcs4(U"\U0001F600"));
        QCOMPARE(utf8CodePoints("aж").size(), size_t{2});
    }
};

QTEST_GUILESS_MAIN(FormatSpecTest)
#include "tst_format_spec.moc"
