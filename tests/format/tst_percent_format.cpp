// "format % args" against CPython 3.11: every conversion and flag over ints, floats,
// strs, bools and other objects, tuples and single operands, mappings and errors.

#include <QtTest>

#include "format/percent_format.h"
#include "test_data.h"

using namespace loopscope;
using namespace formattest;

namespace {

// One argument column: kind, value, type name, str, repr, ascii (see gen_data.py).
struct TestArg {
    PercentArg arg;
    std::string str, repr, ascii;
};

TestArg parseArg(const std::string& column, uint64_t handle)
{
    const auto parts = split(column, '\x1f');
    TestArg t;
    t.arg.handle = handle;
    t.arg.typeName = parts.at(2);
    t.str = parts.at(3);
    t.repr = parts.at(4);
    t.ascii = parts.at(5);
    switch (parts.at(0)[0]) {
    case 'i':
        t.arg.kind = PercentArg::Kind::Int;
        t.arg.intValue = std::stoll(parts[1]);
        break;
    case 'f':
        t.arg.kind = PercentArg::Kind::Float;
        t.arg.floatValue = parseHexFloat(parts[1]);
        break;
    case 's':
        t.arg.kind = PercentArg::Kind::Str;
        t.arg.text = parts[1];
        break;
    default:
        t.arg.kind = PercentArg::Kind::Other;
    }
    return t;
}

PercentCallbacks callbacksFor(const std::vector<TestArg>& args)
{
    PercentCallbacks callbacks;
    callbacks.stringify = [&args](const PercentArg& arg, char conversion) -> std::optional<std::string> {
        const TestArg& t = args.at(arg.handle);
        return conversion == 's' ? t.str : conversion == 'r' ? t.repr : t.ascii;
    };
    return callbacks;
}

} // namespace

class PercentFormatTest : public QObject {
    Q_OBJECT
  private slots:
    void positional_data()
    {
        QTest::addColumn<int>("rowIndex");
        rows_ = readRows("percent.tsv");
        QVERIFY(rows_.size() > 2500);
        for (size_t i = 0; i < rows_.size(); ++i) {
            QTest::newRow(rowName(i, rows_[i]).constData()) << static_cast<int>(i);
        }
    }
    void positional()
    {
        QFETCH(int, rowIndex);
        const Row& row = rows_.at(static_cast<size_t>(rowIndex));
        std::vector<TestArg> args;
        for (size_t c = 3; c < row.size(); ++c) {
            args.push_back(parseArg(row[c], args.size()));
        }
        PercentOperand operand;
        operand.isTuple = row[1] == "tuple";
        operand.isMapping = row[1] == "mapping-single";
        for (const TestArg& t : args) {
            operand.items.push_back(t.arg);
        }
        const PercentCallbacks callbacks = callbacksFor(args);
        const FormatResult r = percentFormat(row[0], operand, callbacks);
        const std::string got = r.ok ? r.text : errorText(r.errorType, r.error);
        QCOMPARE(QString::fromStdString(got), QString::fromStdString(row[2]));
    }

    void mapping_data()
    {
        QTest::addColumn<int>("rowIndex");
        mappingRows_ = readRows("percent_mapping.tsv");
        QVERIFY(mappingRows_.size() >= 10);
        for (size_t i = 0; i < mappingRows_.size(); ++i) {
            QTest::newRow(rowName(i, mappingRows_[i]).constData()) << static_cast<int>(i);
        }
    }
    void mapping()
    {
        QFETCH(int, rowIndex);
        const Row& row = mappingRows_.at(static_cast<size_t>(rowIndex));
        std::vector<std::string> keys;
        std::vector<TestArg> values;
        for (size_t c = 2; c < row.size(); ++c) {
            const size_t eq = row[c].find('=');
            keys.push_back(row[c].substr(0, eq));
            values.push_back(parseArg(row[c].substr(eq + 1), values.size()));
        }
        PercentOperand operand;
        operand.isMapping = true;
        PercentArg dict;
        dict.typeName = "dict";
        operand.items.push_back(dict);
        PercentCallbacks callbacks = callbacksFor(values);
        std::string lookupError;
        callbacks.lookupKey = [&](std::string_view key) -> std::optional<PercentArg> {
            for (size_t i = 0; i < keys.size(); ++i) {
                if (keys[i] == key) {
                    return values[i].arg;
                }
            }
            lookupError = "!KeyError: '" + std::string(key) + "'";
            return std::nullopt;
        };
        const FormatResult r = percentFormat(row[0], operand, callbacks);
        std::string got = r.ok ? r.text : errorText(r.errorType, r.error);
        if (!r.ok && r.errorType.empty()) {
            got = lookupError;
        }
        QCOMPARE(QString::fromStdString(got), QString::fromStdString(row[1]));
    }

    void callbackFailureStops()
    {
        PercentOperand operand;
        operand.isTuple = true;
        PercentArg other;
        other.typeName = "Broken";
        operand.items = {other, other};
        int calls = 0;
        PercentCallbacks callbacks;
        callbacks.stringify = [&](const PercentArg&, char) -> std::optional<std::string> {
            ++calls;
            return std::nullopt;
        };
        const FormatResult r = percentFormat("%s %s", operand, callbacks);
        QVERIFY(!r.ok);
        QVERIFY(r.errorType.empty());
        QCOMPARE(calls, 1);
    }

  private:
    std::vector<Row> rows_;
    std::vector<Row> mappingRows_;
};

QTEST_GUILESS_MAIN(PercentFormatTest)
#include "tst_percent_format.moc"
