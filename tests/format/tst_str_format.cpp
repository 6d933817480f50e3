// str.format: the template parser against CPython's own parser (_string.formatter_parser
// and formatter_field_name_split) and its errors, and rendering with a small resolver
// against str.format's results.

#include <QtTest>

#include <algorithm>
#include <map>
#include <variant>

#include "format/format_spec.h"
#include "format/str_format.h"
#include "test_data.h"

using namespace loopscope;
using namespace formattest;

namespace {

// The parse as one token a piece, in the notation gen_data.py writes.
std::string describe(const FormatTemplate& tmpl)
{
    std::string out;
    auto add = [&](const std::string& token) {
        if (!out.empty()) {
            out += '\x1e';
        }
        out += token;
    };
    std::string pendingLiteral;
    for (const FormatPiece& piece : tmpl.pieces) {
        if (!piece.isField) {
            add("L" + piece.literal);
            continue;
        }
        const FormatField& f = piece.field;
        const size_t firstEnd = f.text.find_first_of(".[");
        const std::string first = f.text.substr(0, firstEnd);
        std::string token = "F";
        if (first.empty() || f.byKeyword) {
            token += "=" + (f.byKeyword ? f.keyword : std::string());
        } else {
            token += "#" + std::to_string(f.position);
        }
        for (const FieldAccessor& a : f.accessors) {
            token += a.isAttribute ? "." : "[";
            token += a.isIntegerKey ? "#" + std::to_string(a.index) : a.name;
        }
        token += "!";
        if (f.conversion) {
            token += f.conversion;
        }
        token += ":" + f.specText;
        add(token);
    }
    return out;
}

// CPython's "{{" handling splits a literal where the escape is; join adjacent literals
// on both sides before comparing.
std::string joinLiterals(const std::string& tokens)
{
    std::string out;
    bool lastWasLiteral = false;
    for (const std::string& token : split(tokens, '\x1e')) {
        if (token.empty()) {
            continue;
        }
        const bool literal = token[0] == 'L';
        if (literal && lastWasLiteral) {
            out += token.substr(1);
        } else {
            if (!out.empty()) {
                out += '\x1e';
            }
            out += token;
        }
        lastWasLiteral = literal;
    }
    return out;
}

using Value = std::variant<int64_t, double, std::string>;

std::string pyStr(const Value& v)
{
    if (auto i = std::get_if<int64_t>(&v)) {
        return std::to_string(*i);
    }
    if (auto d = std::get_if<double>(&v)) {
        return formatFloat(*d, "").text;
    }
    return std::get<std::string>(v);
}

std::string pyRepr(const Value& v)
{
    if (auto s = std::get_if<std::string>(&v)) {
        return "'" + *s + "'"; // the test strings hold no quotes or escapes
    }
    return pyStr(v);
}

std::string typeName(const Value& v)
{
    return std::holds_alternative<int64_t>(v) ? "int" : std::holds_alternative<double>(v) ? "float" : "str";
}

} // namespace

class StrFormatTest : public QObject {
    Q_OBJECT
  private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("tmpl");
        QTest::addColumn<QString>("structure");
        QTest::addColumn<QString>("formatted");
        const auto rows = readRows("str_format_parse.tsv");
        QVERIFY(rows.size() >= 60);
        for (size_t i = 0; i < rows.size(); ++i) {
            QTest::newRow(rowName(i, rows[i]).constData())
                << QString::fromStdString(rows[i][0]) << QString::fromStdString(rows[i][1])
                << QString::fromStdString(rows[i][2]);
        }
    }
    void parse()
    {
        QFETCH(QString, tmpl);
        QFETCH(QString, structure);
        QFETCH(QString, formatted);
        const FormatTemplate parsed = parseFormatTemplate(tmpl.toStdString());
        if (formatted.startsWith("!ValueError")) {
            // CPython's str.format rejects the template (some of these only at format time:
            // numbering switches, bad conversions, nesting too deep).
            QVERIFY(!parsed.ok);
            QCOMPARE(QString::fromStdString(errorText(parsed.errorType, parsed.error)), formatted);
            return;
        }
        if (structure.startsWith('!')) {
            // CPython's parser rejects the template, but str.format raised another error
            // first, while formatting a field before the bad part: the parse must keep that
            // field ahead of the error so the VM raises the same way.
            QVERIFY(!parsed.ok);
            QCOMPARE(QString::fromStdString(errorText(parsed.errorType, parsed.error)), structure);
            QVERIFY(std::any_of(parsed.pieces.begin(), parsed.pieces.end(),
                                [](const FormatPiece& p) { return p.isField; }));
            return;
        }
        QVERIFY2(parsed.ok, parsed.error.c_str());
        QCOMPARE(QString::fromStdString(joinLiterals(describe(parsed))),
                 QString::fromStdString(joinLiterals(structure.toStdString())));
    }

    void render_data()
    {
        QTest::addColumn<QString>("tmpl");
        QTest::addColumn<QString>("expected");
        const auto rows = readRows("str_format_render.tsv");
        QVERIFY(rows.size() >= 30);
        for (size_t i = 0; i < rows.size(); ++i) {
            QTest::newRow(rowName(i, rows[i]).constData())
                << QString::fromStdString(rows[i][0]) << QString::fromStdString(rows[i][1]);
        }
    }
    void render()
    {
        QFETCH(QString, tmpl);
        QFETCH(QString, expected);
        // The arguments gen_data.py formats with: (42, 3.5, "ab", -7), w=8, p=2, name="Ada", x=1.25.
        const std::vector<Value> args = {int64_t{42}, 3.5, std::string("ab"), int64_t{-7}};
        const std::map<std::string, Value> kwargs = {
            {"w", int64_t{8}}, {"p", int64_t{2}}, {"name", std::string("Ada")}, {"x", 1.25}};
        std::string raised;
        std::vector<Value> pending;
        FieldCallbacks callbacks;
        callbacks.resolve = [&](const FormatField& field) -> bool {
            Value value;
            if (field.byKeyword) {
                auto it = kwargs.find(field.keyword);
                if (it == kwargs.end()) {
                    raised = "!KeyError: '" + field.keyword + "'";
                    return false;
                }
                value = it->second;
            } else {
                if (field.position >= args.size()) {
                    raised = "!IndexError: Replacement index " + std::to_string(field.position) +
                             " out of range for positional args tuple";
                    return false;
                }
                value = args[field.position];
            }
            for (const FieldAccessor& a : field.accessors) {
                const auto* text = std::get_if<std::string>(&value);
                if (a.isAttribute || !text || !a.isIntegerKey) {
                    raised =
                        "!AttributeError: '" + typeName(value) + "' object has no attribute '" + a.name + "'";
                    return false;
                }
                if (static_cast<size_t>(a.index) >= text->size()) {
                    raised = "!IndexError: string index out of range";
                    return false;
                }
                value = std::string(1, (*text)[static_cast<size_t>(a.index)]);
            }
            if (!field.incomplete && (field.conversion == 'r' || field.conversion == 'a')) {
                value = pyRepr(value);
            } else if (!field.incomplete && field.conversion == 's') {
                value = pyStr(value);
            }
            pending.push_back(value);
            return true;
        };
        callbacks.format = [&](std::string_view spec) -> std::optional<std::string> {
            const Value value = pending.back();
            pending.pop_back();
            FormatResult r;
            if (auto i = std::get_if<int64_t>(&value)) {
                r = formatInt(*i, spec);
            } else if (auto d = std::get_if<double>(&value)) {
                r = formatFloat(*d, spec);
            } else {
                r = formatString(std::get<std::string>(value), spec);
            }
            if (!r.ok) {
                raised = errorText(r.errorType, r.error);
                return std::nullopt;
            }
            return r.text;
        };
        const FormatTemplate parsed = parseFormatTemplate(tmpl.toStdString());
        const FormatResult r = renderFormatTemplate(parsed, callbacks);
        std::string got = r.ok ? r.text : errorText(r.errorType, r.error);
        if (!r.ok && r.errorType.empty()) {
            got = raised;
        }
        QCOMPARE(QString::fromStdString(got), expected);
        if (r.ok) {
            QVERIFY(pending.empty());
            // The one-callback form gives the same text for a template that formats.
            const FormatResult simple = renderFormatTemplate(
                parsed, [&](const FormatField& field, std::string_view spec) -> std::optional<std::string> {
                    if (!callbacks.resolve(field)) {
                        return std::nullopt;
                    }
                    return callbacks.format(spec);
                });
            QCOMPARE(QString::fromStdString(simple.text), expected);
        }
    }

    void errorComesAfterEarlierFields()
    {
        // CPython formats "{0}" before it meets the stray '}', so the VM must see the
        // first field resolved before the error is reported.
        const FormatTemplate parsed = parseFormatTemplate("{0} }");
        QVERIFY(!parsed.ok);
        QCOMPARE(parsed.pieces.size(), size_t{1});
        int calls = 0;
        const FormatResult r = renderFormatTemplate(parsed, [&](const FormatField&, std::string_view) {
            ++calls;
            return std::optional<std::string>("x");
        });
        QCOMPARE(calls, 1);
        // A bad accessor: CPython looks "0" up before it notices the empty attribute.
        const FormatTemplate accessor = parseFormatTemplate("{0.}");
        QVERIFY(!accessor.ok);
        QCOMPARE(accessor.pieces.size(), size_t{1});
        QVERIFY(accessor.pieces[0].field.incomplete);
        QCOMPARE(QString::fromStdString(r.error), QString("Single '}' encountered in format string"));
    }
};

QTEST_GUILESS_MAIN(StrFormatTest)
#include "tst_str_format.moc"
