#include "PythonHighlighter.h"

#include <algorithm>

#include <QSet>

namespace loopscope {

namespace {

// Block states: inside a triple-quoted string that began on an earlier line.
enum BlockState { kNormal = 0, kInTripleSingle = 1, kInTripleDouble = 2 };

const QSet<QString>& keywords()
{
    static const QSet<QString> words = {
        QStringLiteral("False"),  QStringLiteral("None"),     QStringLiteral("True"),
        QStringLiteral("and"),    QStringLiteral("as"),       QStringLiteral("assert"),
        QStringLiteral("async"),  QStringLiteral("await"),    QStringLiteral("break"),
        QStringLiteral("class"),  QStringLiteral("continue"), QStringLiteral("def"),
        QStringLiteral("del"),    QStringLiteral("elif"),     QStringLiteral("else"),
        QStringLiteral("except"), QStringLiteral("finally"),  QStringLiteral("for"),
        QStringLiteral("from"),   QStringLiteral("global"),   QStringLiteral("if"),
        QStringLiteral("import"), QStringLiteral("in"),       QStringLiteral("is"),
        QStringLiteral("lambda"), QStringLiteral("nonlocal"), QStringLiteral("not"),
        QStringLiteral("or"),     QStringLiteral("pass"),     QStringLiteral("raise"),
        QStringLiteral("return"), QStringLiteral("try"),      QStringLiteral("while"),
        QStringLiteral("with"),   QStringLiteral("yield"),    QStringLiteral("match"),
        QStringLiteral("case"),
    };
    return words;
}

const QSet<QString>& builtins()
{
    static const QSet<QString> words = {
        QStringLiteral("print"),      QStringLiteral("len"),       QStringLiteral("range"),
        QStringLiteral("list"),       QStringLiteral("dict"),      QStringLiteral("set"),
        QStringLiteral("tuple"),      QStringLiteral("str"),       QStringLiteral("int"),
        QStringLiteral("float"),      QStringLiteral("bool"),      QStringLiteral("enumerate"),
        QStringLiteral("zip"),        QStringLiteral("sum"),       QStringLiteral("min"),
        QStringLiteral("max"),        QStringLiteral("sorted"),    QStringLiteral("isinstance"),
        QStringLiteral("super"),      QStringLiteral("self"),      QStringLiteral("Exception"),
        QStringLiteral("ValueError"), QStringLiteral("TypeError"), QStringLiteral("RuntimeError"),
        QStringLiteral("KeyError"),   QStringLiteral("asyncio"),   QStringLiteral("repr"),
        QStringLiteral("type"),       QStringLiteral("object"),    QStringLiteral("abs"),
        QStringLiteral("any"),        QStringLiteral("all"),       QStringLiteral("map"),
        QStringLiteral("filter"),     QStringLiteral("iter"),      QStringLiteral("next"),
    };
    return words;
}

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isIdentifierPart(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument* document) : QSyntaxHighlighter(document)
{
    setDark(false);
}

QTextCharFormat PythonHighlighter::format(Kind kind) const
{
    return formats_[int(kind)];
}

void PythonHighlighter::setDark(bool dark)
{
    auto make = [](const QColor& color, bool bold = false, bool italic = false) {
        QTextCharFormat f;
        f.setForeground(color);
        if (bold)
            f.setFontWeight(QFont::Bold);
        f.setFontItalic(italic);
        return f;
    };
    formats_[int(Kind::Plain)] = QTextCharFormat();
    // Colours in the spirit of common editor themes, readable on their base.
    formats_[int(Kind::Keyword)] = make(dark ? QColor(0xc6, 0x78, 0xdd) : QColor(0x7c, 0x1f, 0xa2), true);
    formats_[int(Kind::Builtin)] = make(dark ? QColor(0x56, 0xb6, 0xc2) : QColor(0x00, 0x6b, 0x7a));
    formats_[int(Kind::String)] = make(dark ? QColor(0x98, 0xc3, 0x79) : QColor(0x2e, 0x7d, 0x32));
    formats_[int(Kind::Number)] = make(dark ? QColor(0xd1, 0x9a, 0x66) : QColor(0xb3, 0x5a, 0x00));
    formats_[int(Kind::Comment)] =
        make(dark ? QColor(0x7f, 0x84, 0x8e) : QColor(0x75, 0x75, 0x75), false, true);
    formats_[int(Kind::Decorator)] = make(dark ? QColor(0xe5, 0xc0, 0x7b) : QColor(0x9e, 0x6a, 0x00));
    formats_[int(Kind::Definition)] = make(dark ? QColor(0x61, 0xaf, 0xef) : QColor(0x15, 0x65, 0xc0), true);
    rehighlight();
}

void PythonHighlighter::highlightBlock(const QString& text)
{
    const int n = int(text.size());
    int i = 0;
    setCurrentBlockState(kNormal);

    // Ends a string that began with [quote] at [from] (past its opening); returns where it ends
    // (n if it does not end on this line).
    auto stringEnd = [&](int from, const QString& quote) {
        for (int j = from; j < n; ++j) {
            if (text[j] == QLatin1Char('\\')) {
                ++j;
                continue;
            }
            if (text.mid(j, quote.size()) == quote)
                return j + int(quote.size());
        }
        return n;
    };

    // A triple-quoted string that continues from the line above.
    const int carried = previousBlockState();
    if (carried == kInTripleSingle || carried == kInTripleDouble) {
        const QString quote = carried == kInTripleSingle ? QStringLiteral("'''") : QStringLiteral("\"\"\"");
        const int end = stringEnd(0, quote);
        setFormat(0, end, formats_[int(Kind::String)]);
        if (end >= n && !text.endsWith(quote)) {
            setCurrentBlockState(carried);
            return;
        }
        i = end;
    }

    QString previousWord;
    while (i < n) {
        const QChar c = text[i];
        if (c == QLatin1Char('#')) {
            setFormat(i, n - i, formats_[int(Kind::Comment)]);
            return;
        }
        if (c == QLatin1Char('@') && text.left(i).trimmed().isEmpty()) {
            int j = i + 1;
            while (j < n && (isIdentifierPart(text[j]) || text[j] == QLatin1Char('.')))
                ++j;
            setFormat(i, j - i, formats_[int(Kind::Decorator)]);
            i = j;
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            const QString triple(3, c);
            const bool isTriple = text.mid(i, 3) == triple;
            const QString quote = isTriple ? triple : QString(c);
            const int end = stringEnd(i + int(quote.size()), quote);
            setFormat(i, end - i, formats_[int(Kind::String)]);
            if (isTriple && end >= n && !(n - i >= 6 && text.endsWith(triple))) {
                setCurrentBlockState(c == QLatin1Char('\'') ? kInTripleSingle : kInTripleDouble);
                return;
            }
            i = end;
            continue;
        }
        if (c.isDigit()) {
            int j = i;
            while (j < n &&
                   (text[j].isLetterOrNumber() || text[j] == QLatin1Char('.') || text[j] == QLatin1Char('_')))
                ++j;
            setFormat(i, j - i, formats_[int(Kind::Number)]);
            i = j;
            continue;
        }
        if (isIdentifierStart(c)) {
            int j = i;
            while (j < n && isIdentifierPart(text[j]))
                ++j;
            const QString word = text.mid(i, j - i);
            // A string prefix: f"...", rb'...'.
            if (j < n && (text[j] == QLatin1Char('"') || text[j] == QLatin1Char('\'')) && word.size() <= 2 &&
                std::all_of(word.begin(), word.end(),
                            [](QChar p) { return QStringLiteral("rbfuRBFU").contains(p); })) {
                setFormat(i, j - i, formats_[int(Kind::String)]);
                i = j;
                continue;
            }
            if (previousWord == QLatin1String("def") || previousWord == QLatin1String("class"))
                setFormat(i, j - i, formats_[int(Kind::Definition)]);
            else if (keywords().contains(word))
                setFormat(i, j - i, formats_[int(Kind::Keyword)]);
            else if (builtins().contains(word) && (i == 0 || text[i - 1] != QLatin1Char('.')))
                setFormat(i, j - i, formats_[int(Kind::Builtin)]);
            previousWord = word;
            i = j;
            continue;
        }
        if (!c.isSpace())
            previousWord.clear();
        ++i;
    }
}

} // namespace loopscope
