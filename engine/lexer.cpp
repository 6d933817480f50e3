// The lexer, modelled on CPython 3.11's Parser/tokenizer.c: the same tokens, the same
// INDENT/DEDENT algorithm (tabs to multiples of 8, checked against a tab-size-1 column for
// TabError), and the same error messages and caret columns.

#include "lexer.h"

#include <cstdio>
#include <cstring>
#include <new>
#include <unordered_map>

#include "memory_budget.h"

namespace loopscope {

const char* tokenKindName(TokenKind kind)
{
    static const char* const spellings[] = {
#define LOOPSCOPE_TOKEN_SPELLING(name, spelling) spelling[0] ? spelling : #name,
        LOOPSCOPE_TOKENS(LOOPSCOPE_TOKEN_SPELLING)
#undef LOOPSCOPE_TOKEN_SPELLING
    };
    return spellings[static_cast<int>(kind)];
}

std::string_view sourceLine(std::string_view source, const std::vector<uint32_t>& lineStarts, int line)
{
    if (line < 1 || line > static_cast<int>(lineStarts.size()))
        return {};
    size_t begin = lineStarts[line - 1];
    size_t end = begin;
    while (end < source.size() && source[end] != '\n' && source[end] != '\r')
        ++end;
    return source.substr(begin, end - begin);
}

int characterColumn(std::string_view lineText, int byteCol)
{
    int chars = 0;
    for (int i = 0; i < byteCol && i < static_cast<int>(lineText.size()); ++i)
        if ((static_cast<unsigned char>(lineText[i]) & 0xC0) != 0x80)
            ++chars;
    if (byteCol > static_cast<int>(lineText.size()))
        chars += byteCol - static_cast<int>(lineText.size());
    return chars;
}

namespace {

bool isIdentifierStart(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool isIdentifierChar(unsigned char c)
{
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Decodes the UTF-8 sequence at [text], returning the code point and its length in [length].
uint32_t decodeUtf8(std::string_view text, size_t at, int& length)
{
    unsigned char c = text[at];
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    uint32_t cp = extra == 3 ? c & 0x07 : extra == 2 ? c & 0x0F : extra == 1 ? c & 0x1F : c;
    length = 1;
    for (int i = 0; i < extra && at + length < text.size(); ++i, ++length)
        cp = (cp << 6) | (static_cast<unsigned char>(text[at + length]) & 0x3F);
    return cp;
}

// Characters that CPython refuses in identifiers and that learners paste most often (smart
// quotes, dashes, currency, maths symbols, emoji). Letters from any script are accepted.
bool isInvalidIdentifierCodePoint(uint32_t cp)
{
    if (cp >= 0xA0 && cp <= 0xBF)
        return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
    return cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x3003) ||
           (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFEFF;
}

struct KeywordEntry {
    const char* spelling;
    TokenKind kind;
};

TokenKind keywordKind(std::string_view word)
{
    static const std::unordered_map<std::string_view, TokenKind> keywords = [] {
        std::unordered_map<std::string_view, TokenKind> map;
#define LOOPSCOPE_KEYWORD_ENTRY(name, spelling)                                                              \
    if (isKeyword(TokenKind::name))                                                                          \
        map.emplace(spelling, TokenKind::name);
        LOOPSCOPE_TOKENS(LOOPSCOPE_KEYWORD_ENTRY)
#undef LOOPSCOPE_KEYWORD_ENTRY
        return map;
    }();
    if (word.size() < 2 || word.size() > 8)
        return TokenKind::Name;
    auto it = keywords.find(word);
    return it == keywords.end() ? TokenKind::Name : it->second;
}

class Lexer {
  public:
    explicit Lexer(std::string_view source) : src_(source) {}

    LexResult run()
    {
        computeLineStarts();
        try {
            if (checkEncoding())
                scan();
        } catch (std::bad_alloc&) {
            // Past the memory budget: the tokens so far go, the error names the line reached.
            result_.tokens = {};
            SyntaxError error;
            error.type = "MemoryError";
            error.message = sourceTooBigMessage();
            error.line = error.endLine = line_;
            result_.error = std::move(error);
            Token token;
            token.kind = TokenKind::LexError;
            token.line = token.endLine = line_;
            result_.tokens.push_back(token);
        }
        result_.lineStarts = std::move(lineStarts_);
        return std::move(result_);
    }

  private:
    // -- Errors -------------------------------------------------------------------

    struct LexFailure {};

    // Records an error on [line] with CPython's 1-based [offset]/[endOffset] and stops.
    [[noreturn]] void fail(const char* type, std::string message, int line, int offset, int endOffset)
    {
        SyntaxError error;
        error.type = type;
        error.message = std::move(message);
        error.line = error.endLine = line;
        error.offset = offset;
        error.endOffset = endOffset;
        error.text = std::string(sourceLine(src_, lineStarts_, line));
        result_.error = std::move(error);
        Token token;
        token.kind = TokenKind::LexError;
        token.line = token.endLine = line;
        token.start = token.end = static_cast<uint32_t>(pos_);
        result_.tokens.push_back(token);
        throw LexFailure{};
    }

    // An error whose caret sits on the character before byte [at] (CPython reports the
    // position its tokenizer had reached).
    [[noreturn]] void failAt(std::string message, size_t at, int endOffset = -2)
    {
        int offset = charsBefore(at);
        fail("SyntaxError", std::move(message), line_, offset, endOffset == -2 ? offset : endOffset);
    }

    int charsBefore(size_t at) const
    {
        return characterColumn(src_.substr(lineStart_), static_cast<int>(at - lineStart_));
    }

    // -- Setup --------------------------------------------------------------------

    void computeLineStarts()
    {
        lineStarts_.push_back(0);
        for (size_t i = 0; i < src_.size(); ++i) {
            if (src_[i] == '\n' || (src_[i] == '\r' && (i + 1 >= src_.size() || src_[i + 1] != '\n')))
                lineStarts_.push_back(static_cast<uint32_t>(i + 1));
        }
        lineCount_ = static_cast<int>(lineStarts_.size());
        if (!src_.empty() && (src_.back() == '\n' || src_.back() == '\r'))
            --lineCount_; // the final line break ends the last line; it starts no new one
        if (lineCount_ == 0)
            lineCount_ = 1;
    }

    // Rejects bytes that are not UTF-8 and NUL bytes, as CPython does before tokenizing.
    bool checkEncoding()
    {
        for (size_t i = 0; i < src_.size();) {
            unsigned char c = src_[i];
            int extra = c < 0x80             ? 0
                        : (c & 0xE0) == 0xC0 ? 1
                        : (c & 0xF0) == 0xE0 ? 2
                        : (c & 0xF8) == 0xF0 ? 3
                                             : -1;
            bool valid = extra >= 0 && i + extra < src_.size() && !(extra == 1 && c < 0xC2);
            for (int k = 1; valid && k <= extra; ++k)
                valid = (static_cast<unsigned char>(src_[i + k]) & 0xC0) == 0x80;
            if (valid && extra >= 2) {
                // Strict UTF-8, as CPython decodes: no overlong forms, no surrogates (U+D800 to
                // U+DFFF), nothing past U+10FFFF.
                const unsigned char next = static_cast<unsigned char>(src_[i + 1]);
                valid = !(c == 0xE0 && next < 0xA0) && !(c == 0xED && next >= 0xA0) &&
                        !(c == 0xF0 && next < 0x90) && !(c == 0xF4 && next >= 0x90) && c <= 0xF4;
            }
            if (c == 0 || !valid) {
                int line = lineOf(i);
                char buffer[160];
                if (c == 0)
                    std::snprintf(buffer, sizeof buffer, "source code cannot contain null bytes");
                else
                    std::snprintf(
                        buffer, sizeof buffer,
                        "Non-UTF-8 code starting with '\\x%02x' on line %d, but no encoding declared; "
                        "see https://peps.python.org/pep-0263/ for details",
                        c, line);
                try {
                    pos_ = i;
                    fail("SyntaxError", buffer, line, 0, 0);
                } catch (LexFailure&) {
                }
                return false;
            }
            i += 1 + extra;
        }
        return true;
    }

    int lineOf(size_t at) const
    {
        size_t lo = 0, hi = lineStarts_.size();
        while (hi - lo > 1) {
            size_t mid = (lo + hi) / 2;
            if (lineStarts_[mid] <= at)
                lo = mid;
            else
                hi = mid;
        }
        return static_cast<int>(lo) + 1;
    }

    // -- Main loop ----------------------------------------------------------------

    char peekChar(size_t at) const { return at < src_.size() ? src_[at] : '\0'; }
    bool atEnd(size_t at) const { return at >= src_.size(); }

    // Moves past a line break at pos_ ("\n", "\r\n" or "\r") and starts the next line.
    void newLine()
    {
        if (src_[pos_] == '\r' && peekChar(pos_ + 1) == '\n')
            ++pos_;
        ++pos_;
        ++line_;
        lineStart_ = pos_;
    }

    void push(TokenKind kind, size_t start, size_t end)
    {
        Token token;
        token.kind = kind;
        token.start = static_cast<uint32_t>(start);
        token.end = static_cast<uint32_t>(end);
        // Only multi-line strings start on an earlier line than the one being scanned.
        token.line = start >= lineStart_ ? line_ : lineOf(start);
        token.col = static_cast<int>(start - lineStarts_[token.line - 1]);
        token.endLine = line_;
        token.endCol = static_cast<int>(end - lineStart_);
        token.level = static_cast<int>(brackets_.size());
        result_.tokens.push_back(token);
        if (kind != TokenKind::Newline && kind != TokenKind::Indent && kind != TokenKind::Dedent)
            lineHasTokens_ = true;
    }

    // INDENT/DEDENT tokens have no width; CPython puts their caret at the indentation's end.
    void pushIndentToken(TokenKind kind, int width)
    {
        Token token;
        token.kind = kind;
        token.start = token.end = static_cast<uint32_t>(pos_);
        token.line = token.endLine = line_;
        token.col = token.endCol = width;
        result_.tokens.push_back(token);
    }

    void scan()
    {
        indents_.push_back({0, 0});
        try {
            bool atLineStart = true;
            while (true) {
                if (atLineStart) {
                    atLineStart = false;
                    if (!handleIndentation()) {
                        atLineStart = true; // blank or comment-only line: consumed whole
                        continue;
                    }
                }
                if (atEnd(pos_)) {
                    finish();
                    return;
                }
                char c = src_[pos_];
                if (c == ' ' || c == '\t' || c == '\f') {
                    ++pos_;
                } else if (c == '#') {
                    while (!atEnd(pos_) && src_[pos_] != '\n' && src_[pos_] != '\r')
                        ++pos_;
                } else if (c == '\n' || c == '\r') {
                    if (brackets_.empty() && lineHasTokens_) {
                        push(TokenKind::Newline, pos_, pos_);
                        lineHasTokens_ = false;
                        newLine();
                        atLineStart = true;
                    } else {
                        newLine();
                        atLineStart = brackets_.empty();
                    }
                } else if (c == '\\') {
                    size_t next = pos_ + 1;
                    if (atEnd(next)) {
                        result_.errorAtEndOfFile = true;
                        fail("SyntaxError", "unexpected EOF while parsing", line_, charsBefore(next) + 1, -1);
                    }
                    if (src_[next] != '\n' && src_[next] != '\r')
                        failAt("unexpected character after line continuation character", next + 1, 0);
                    pos_ = next;
                    newLine();
                    if (atEnd(pos_) && brackets_.empty()) {
                        result_.errorAtEndOfFile = true;
                        fail("SyntaxError", "unexpected EOF while parsing", line_ - 1,
                             static_cast<int>(sourceLine(src_, lineStarts_, line_ - 1).size()) + 1, -1);
                    }
                } else {
                    scanToken();
                }
            }
        } catch (LexFailure&) {
        }
    }

    // Measures the indentation at the start of a line and emits INDENT/DEDENT tokens.
    // Returns false when the line is blank or holds only a comment.
    bool handleIndentation()
    {
        int col = 0, altCol = 0;
        size_t p = pos_;
        while (!atEnd(p)) {
            char c = src_[p];
            if (c == ' ') {
                ++col;
                ++altCol;
            } else if (c == '\t') {
                col = (col / 8 + 1) * 8;
                ++altCol;
            } else if (c == '\f') {
                col = altCol = 0;
            } else {
                break;
            }
            ++p;
        }
        char c = peekChar(p);
        if (atEnd(p) || c == '#' || c == '\n' || c == '\r') {
            pos_ = p;
            while (!atEnd(pos_) && src_[pos_] != '\n' && src_[pos_] != '\r')
                ++pos_;
            if (!atEnd(pos_))
                newLine();
            if (atEnd(pos_))
                return true; // let the main loop finish the file
            return false;
        }
        int width = static_cast<int>(p - pos_);
        pos_ = p;
        const Indent& top = indents_.back();
        if (col == top.col) {
            if (altCol != top.altCol)
                fail("TabError", "inconsistent use of tabs and spaces in indentation", line_, 1, 0);
        } else if (col > top.col) {
            if (altCol <= top.altCol)
                fail("TabError", "inconsistent use of tabs and spaces in indentation", line_, 1, 0);
            if (indents_.size() >= kMaxIndentLevels)
                fail("IndentationError", "too many levels of indentation", line_, 1, 0);
            indents_.push_back({col, altCol});
            pushIndentToken(TokenKind::Indent, width);
        } else {
            while (indents_.size() > 1 && col < indents_.back().col) {
                indents_.pop_back();
                pushIndentToken(TokenKind::Dedent, width);
            }
            if (col != indents_.back().col) {
                int length = static_cast<int>(sourceLine(src_, lineStarts_, line_).size());
                fail("IndentationError", "unindent does not match any outer indentation level", line_,
                     characterColumn(sourceLine(src_, lineStarts_, line_), length) + 1, -1);
            }
            if (altCol != indents_.back().altCol)
                fail("TabError", "inconsistent use of tabs and spaces in indentation", line_, 1, 0);
        }
        return true;
    }

    void finish()
    {
        if (!brackets_.empty()) {
            const auto& open = brackets_.back();
            result_.unclosedAtEnd = OpenBracket{open.bracket, open.line, open.col};
        } else if (lineHasTokens_) {
            push(TokenKind::Newline, pos_, pos_); // the implicit NEWLINE of an unterminated last line
        }
        // CPython places EOF's caret just past the last line, counting its line break.
        int lastLine = lineCount_;
        int lastLineLength = static_cast<int>(sourceLine(src_, lineStarts_, lastLine).size());
        int eofCol = lastLineLength + (src_.empty() || (src_.back() != '\n' && src_.back() != '\r') ? 0 : 1);
        while (indents_.size() > 1) {
            indents_.pop_back();
            Token token;
            token.kind = TokenKind::Dedent;
            token.start = token.end = static_cast<uint32_t>(src_.size());
            token.line = token.endLine = lastLine;
            token.col = token.endCol = eofCol;
            result_.tokens.push_back(token);
        }
        Token end;
        end.kind = TokenKind::EndMarker;
        end.start = end.end = static_cast<uint32_t>(src_.size());
        end.line = end.endLine = lastLine;
        end.col = end.endCol = eofCol;
        end.level = static_cast<int>(brackets_.size());
        result_.tokens.push_back(end);
    }

    // What str.isprintable() rejects among the code points that end up in source by accident
    // (copied no-break spaces, zero-width spaces, byte order marks): CPython names them by number.
    static bool isNonPrintable(uint32_t cp)
    {
        return (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) ||
               (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 ||
               (cp >= 0xD800 && cp <= 0xF8FF) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB);
    }

    // -- Tokens -------------------------------------------------------------------

    void scanToken()
    {
        size_t start = pos_;
        unsigned char c = src_[pos_];
        if (isStringStart(pos_)) {
            scanString(start);
        } else if (isIdentifierStart(c)) {
            while (!atEnd(pos_) && isIdentifierChar(src_[pos_])) {
                if (static_cast<unsigned char>(src_[pos_]) >= 0x80) {
                    int length = 0;
                    uint32_t cp = decodeUtf8(src_, pos_, length);
                    if (isInvalidIdentifierCodePoint(cp)) {
                        char buffer[64];
                        if (isNonPrintable(cp))
                            std::snprintf(buffer, sizeof buffer, "invalid non-printable character U+%04X",
                                          cp);
                        else
                            std::snprintf(buffer, sizeof buffer, "invalid character '%.*s' (U+%04X)", length,
                                          src_.data() + pos_, cp);
                        failAt(buffer, pos_ + length);
                    }
                    pos_ += length;
                } else {
                    ++pos_;
                }
            }
            push(keywordKind(src_.substr(start, pos_ - start)), start, pos_);
        } else if (isDigit(c) || (c == '.' && isDigit(peekChar(pos_ + 1)))) {
            scanNumber(start);
        } else {
            scanOperator(start);
        }
    }

    bool isStringStart(size_t at) const
    {
        size_t p = at;
        int prefix = 0;
        while (prefix < 2 && !atEnd(p) && std::strchr("rRbBuUfF", src_[p]) && src_[p] != '\0') {
            ++p;
            ++prefix;
        }
        char q = peekChar(p);
        if (q != '\'' && q != '"')
            return false;
        if (prefix == 2) {
            char a = static_cast<char>(src_[at] | 0x20), b = static_cast<char>(src_[at + 1] | 0x20);
            bool ok = (a == 'r' && (b == 'b' || b == 'f')) || (b == 'r' && (a == 'b' || a == 'f'));
            return ok;
        }
        return true;
    }

    void scanString(size_t start)
    {
        while (src_[pos_] != '\'' && src_[pos_] != '"')
            ++pos_;
        char quote = src_[pos_];
        int startLine = line_;
        size_t startLineStart = lineStart_;
        bool triple = peekChar(pos_ + 1) == quote && peekChar(pos_ + 2) == quote;
        pos_ += triple ? 3 : 1;
        while (true) {
            if (atEnd(pos_)) {
                restoreLine(startLine, startLineStart);
                int offset = charsBefore(start) + 1;
                char buffer[96];
                std::snprintf(buffer, sizeof buffer, "unterminated %sstring literal (detected at line %d)",
                              triple ? "triple-quoted " : "", lineCount_);
                fail("SyntaxError", buffer, startLine, offset, offset);
            }
            char c = src_[pos_];
            if (c == '\\') {
                ++pos_;
                if (atEnd(pos_))
                    continue;
                if (src_[pos_] == '\n' || src_[pos_] == '\r')
                    newLine();
                else
                    ++pos_;
            } else if (c == '\n' || c == '\r') {
                if (!triple) {
                    int detectedAt = line_;
                    restoreLine(startLine, startLineStart);
                    int offset = charsBefore(start) + 1;
                    char buffer[96];
                    std::snprintf(buffer, sizeof buffer, "unterminated string literal (detected at line %d)",
                                  detectedAt);
                    fail("SyntaxError", buffer, startLine, offset, offset);
                }
                newLine();
            } else if (c == quote) {
                if (!triple) {
                    ++pos_;
                    break;
                }
                if (peekChar(pos_ + 1) == quote && peekChar(pos_ + 2) == quote) {
                    pos_ += 3;
                    break;
                }
                ++pos_;
            } else {
                ++pos_;
            }
        }
        push(TokenKind::String, start, pos_);
    }

    void restoreLine(int line, size_t lineStart)
    {
        line_ = line;
        lineStart_ = lineStart;
    }

    // Consumes digits with single underscores between them. Returns false at a misplaced '_'.
    void scanDigits(bool (*isValid)(char), const char* kind)
    {
        while (true) {
            while (isValid(peekChar(pos_)))
                ++pos_;
            if (peekChar(pos_) != '_')
                return;
            ++pos_;
            if (!isValid(peekChar(pos_))) {
                char buffer[64];
                std::snprintf(buffer, sizeof buffer, "invalid %s literal", kind);
                failAt(buffer, pos_);
            }
        }
    }

    // CPython's verify_end_of_number: a number directly followed by a letter is an error,
    // except before the keywords that may follow a number in valid code (`1if x else y`).
    void verifyEndOfNumber(const char* kind)
    {
        unsigned char c = peekChar(pos_);
        if (!isIdentifierChar(c) || atEnd(pos_))
            return;
        if (c >= 0x80) {
            // A non-printable character after a number is reported as itself, not as the number.
            int length = 0;
            if (isNonPrintable(decodeUtf8(src_, pos_, length)))
                return;
        }
        std::string_view rest = src_.substr(pos_);
        for (const char* word : {"and", "else", "for", "if", "in", "is", "or", "not"})
            if (rest.substr(0, std::strlen(word)) == word)
                return;
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "invalid %s literal", kind);
        failAt(buffer, pos_);
    }

    void scanNumber(size_t start)
    {
        char c = src_[pos_];
        if (c == '0' && (peekChar(pos_ + 1) | 0x20) == 'x') {
            pos_ += 2;
            if (peekChar(pos_) == '_')
                ++pos_;
            if (!isHexDigit(peekChar(pos_)))
                failAt("invalid hexadecimal literal", pos_);
            scanDigits(isHexDigit, "hexadecimal");
            verifyEndOfNumber("hexadecimal");
        } else if (c == '0' && ((peekChar(pos_ + 1) | 0x20) == 'o' || (peekChar(pos_ + 1) | 0x20) == 'b')) {
            bool octal = (peekChar(pos_ + 1) | 0x20) == 'o';
            const char* kind = octal ? "octal" : "binary";
            char maxDigit = octal ? '7' : '1';
            pos_ += 2;
            if (peekChar(pos_) == '_')
                ++pos_;
            while (true) {
                char d = peekChar(pos_);
                if (d >= '0' && d <= maxDigit) {
                    ++pos_;
                } else if (d == '_' && peekChar(pos_ + 1) >= '0' && peekChar(pos_ + 1) <= maxDigit &&
                           pos_ > start + 2) {
                    ++pos_;
                } else {
                    break;
                }
            }
            char d = peekChar(pos_);
            if (pos_ == start + 2 || (pos_ == start + 3 && src_[start + 2] == '_')) {
                if (isDigit(d)) {
                    char buffer[64];
                    std::snprintf(buffer, sizeof buffer, "invalid digit '%c' in %s literal", d, kind);
                    failAt(buffer, pos_ + 1);
                }
                char buffer[64];
                std::snprintf(buffer, sizeof buffer, "invalid %s literal", kind);
                failAt(buffer, pos_);
            }
            if (isDigit(d)) {
                char buffer[64];
                std::snprintf(buffer, sizeof buffer, "invalid digit '%c' in %s literal", d, kind);
                failAt(buffer, pos_ + 1);
            }
            if (d == '_') {
                char buffer[64];
                std::snprintf(buffer, sizeof buffer, "invalid %s literal", kind);
                failAt(buffer, pos_ + 1);
            }
            verifyEndOfNumber(kind);
        } else {
            bool isFloat = false;
            bool leadingZeroError = false;
            if (c != '.') {
                scanDigits(isDigit, "decimal");
                // "0777" is an error, "000" and "0777.5" are not.
                std::string_view digits = src_.substr(start, pos_ - start);
                if (digits.size() > 1 && digits[0] == '0' &&
                    digits.find_first_not_of("0_") != std::string_view::npos)
                    leadingZeroError = true;
            }
            if (peekChar(pos_) == '.') {
                isFloat = true;
                ++pos_;
                if (isDigit(peekChar(pos_)))
                    scanDigits(isDigit, "decimal");
            }
            if ((peekChar(pos_) | 0x20) == 'e') {
                size_t e = pos_;
                ++pos_;
                if (peekChar(pos_) == '+' || peekChar(pos_) == '-') {
                    ++pos_;
                    if (!isDigit(peekChar(pos_)))
                        failAt("invalid decimal literal", pos_);
                } else if (!isDigit(peekChar(pos_))) {
                    pos_ = e;
                    verifyEndOfNumber("decimal");
                }
                if (pos_ > e) {
                    isFloat = true;
                    scanDigits(isDigit, "decimal");
                }
            }
            if ((peekChar(pos_) | 0x20) == 'j') {
                ++pos_;
                push(TokenKind::Number, start, pos_); // the parser refuses complex literals
                return;
            }
            if (leadingZeroError && !isFloat) {
                size_t zerosEnd = start;
                while (src_[zerosEnd] == '0' || src_[zerosEnd] == '_')
                    ++zerosEnd;
                fail(
                    "SyntaxError",
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
                    "integers",
                    line_, charsBefore(start) + 1, charsBefore(zerosEnd) + 1);
            }
            verifyEndOfNumber("decimal");
        }
        push(TokenKind::Number, start, pos_);
    }

    void scanOperator(size_t start)
    {
        static const struct {
            const char* spelling;
            TokenKind kind;
        } operators[] = {
            {"**=", TokenKind::DoubleStarEqual},
            {"//=", TokenKind::DoubleSlashEqual},
            {">>=", TokenKind::RightShiftEqual},
            {"<<=", TokenKind::LeftShiftEqual},
            {"...", TokenKind::Ellipsis},
            {"**", TokenKind::DoubleStar},
            {"//", TokenKind::DoubleSlash},
            {">>", TokenKind::RightShift},
            {"<<", TokenKind::LeftShift},
            {"==", TokenKind::EqEqual},
            {"!=", TokenKind::NotEqual},
            {"<=", TokenKind::LessEqual},
            {">=", TokenKind::GreaterEqual},
            {"->", TokenKind::RArrow},
            {":=", TokenKind::ColonEqual},
            {"+=", TokenKind::PlusEqual},
            {"-=", TokenKind::MinEqual},
            {"*=", TokenKind::StarEqual},
            {"/=", TokenKind::SlashEqual},
            {"%=", TokenKind::PercentEqual},
            {"&=", TokenKind::AmperEqual},
            {"|=", TokenKind::VBarEqual},
            {"^=", TokenKind::CircumflexEqual},
            {"@=", TokenKind::AtEqual},
            {"(", TokenKind::LPar},
            {")", TokenKind::RPar},
            {"[", TokenKind::LSqb},
            {"]", TokenKind::RSqb},
            {"{", TokenKind::LBrace},
            {"}", TokenKind::RBrace},
            {":", TokenKind::Colon},
            {",", TokenKind::Comma},
            {";", TokenKind::Semi},
            {"+", TokenKind::Plus},
            {"-", TokenKind::Minus},
            {"*", TokenKind::Star},
            {"/", TokenKind::Slash},
            {"|", TokenKind::VBar},
            {"&", TokenKind::Amper},
            {"<", TokenKind::Less},
            {">", TokenKind::Greater},
            {"=", TokenKind::Equal},
            {".", TokenKind::Dot},
            {"%", TokenKind::Percent},
            {"~", TokenKind::Tilde},
            {"^", TokenKind::Circumflex},
            {"@", TokenKind::At},
            {"!", TokenKind::Exclamation},
        };
        std::string_view rest = src_.substr(pos_);
        for (const auto& op : operators) {
            if (op.spelling[0] != rest[0])
                continue;
            size_t length = std::strlen(op.spelling);
            if (rest.substr(0, length) != op.spelling)
                continue;
            pos_ += length;
            if (op.kind == TokenKind::LPar || op.kind == TokenKind::LSqb || op.kind == TokenKind::LBrace) {
                if (brackets_.size() >= kMaxBracketDepth)
                    failAt("too many nested parentheses", pos_);
                brackets_.push_back({op.spelling[0], line_, static_cast<int>(start - lineStart_)});
            } else if (op.kind == TokenKind::RPar || op.kind == TokenKind::RSqb ||
                       op.kind == TokenKind::RBrace) {
                closeBracket(op.spelling[0]);
            }
            push(op.kind, start, pos_);
            return;
        }
        unsigned char c = src_[pos_];
        if (c < 0x20 || c == 0x7f) {
            char buffer[64];
            std::snprintf(buffer, sizeof buffer, "invalid non-printable character U+%04X", c);
            failAt(buffer, pos_ + 1);
        }
        ++pos_;
        push(TokenKind::Unknown, start, pos_); // '$', '?', '`': the parser says "invalid syntax"
    }

    void closeBracket(char closing)
    {
        if (brackets_.empty()) {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "unmatched '%c'", closing);
            failAt(buffer, pos_);
        }
        const Bracket& open = brackets_.back();
        char expected = open.bracket == '(' ? ')' : open.bracket == '[' ? ']' : '}';
        if (closing != expected) {
            char buffer[128];
            if (open.line != line_)
                std::snprintf(buffer, sizeof buffer,
                              "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                              closing, open.bracket, open.line);
            else
                std::snprintf(buffer, sizeof buffer,
                              "closing parenthesis '%c' does not match opening parenthesis '%c'", closing,
                              open.bracket);
            failAt(buffer, pos_);
        }
        brackets_.pop_back();
    }

    struct Indent {
        int col;
        int altCol;
    };
    struct Bracket {
        char bracket;
        int line;
        int col;
    };
    static constexpr size_t kMaxBracketDepth = 200; // CPython's MAXLEVEL
    static constexpr size_t kMaxIndentLevels = 100; // CPython's MAXINDENT

    std::string_view src_;
    LexResult result_;
    std::vector<uint32_t> lineStarts_;
    std::vector<Indent> indents_;
    std::vector<Bracket> brackets_;
    size_t pos_ = 0;
    size_t lineStart_ = 0;
    int line_ = 1;
    int lineCount_ = 1;
    bool lineHasTokens_ = false;
};

} // namespace

LexResult tokenize(std::string_view source)
{
    return Lexer(source).run();
}

// -- String literals ----------------------------------------------------------

StringTokenInfo describeStringToken(std::string_view text, uint32_t tokenStart)
{
    StringTokenInfo info;
    size_t p = 0;
    while (p < text.size() && text[p] != '\'' && text[p] != '"') {
        char c = static_cast<char>(text[p] | 0x20);
        info.raw |= c == 'r';
        info.bytes |= c == 'b';
        info.formatted |= c == 'f';
        ++p;
    }
    info.prefixLength = static_cast<int>(p);
    char quote = p < text.size() ? text[p] : '"';
    info.quoteLength = text.size() >= p + 6 && text[p + 1] == quote && text[p + 2] == quote ? 3 : 1;
    size_t bodyStart = p + info.quoteLength;
    size_t bodyEnd = text.size() >= bodyStart + info.quoteLength ? text.size() - info.quoteLength : bodyStart;
    info.body = text.substr(bodyStart, bodyEnd - bodyStart);
    info.bodyStart = tokenStart + static_cast<uint32_t>(bodyStart);
    return info;
}

namespace {

void appendUtf8(std::string& out, uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

} // namespace

bool decodeEscapes(std::string_view body, bool isBytes, std::string& out, std::string& errorMessage)
{
    const char* codec =
        isBytes ? "(value error) invalid \\x escape at position %zu"
                : "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s";
    auto truncated = [&](size_t at, size_t end, const char* what) {
        char buffer[160];
        if (isBytes)
            std::snprintf(buffer, sizeof buffer, codec, at);
        else
            std::snprintf(buffer, sizeof buffer, codec, at, end, what);
        errorMessage = buffer;
        return false;
    };
    out.reserve(body.size());
    for (size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c == '\r') { // a raw line break inside a triple-quoted string reads as "\n"
            out += '\n';
            if (i + 1 < body.size() && body[i + 1] == '\n')
                ++i;
            continue;
        }
        if (c != '\\' || i + 1 >= body.size()) {
            out += c;
            continue;
        }
        size_t escapeStart = i;
        char e = body[++i];
        switch (e) {
        case '\n':
            break;
        case '\r':
            if (i + 1 < body.size() && body[i + 1] == '\n')
                ++i;
            break;
        case '\\':
            out += '\\';
            break;
        case '\'':
            out += '\'';
            break;
        case '"':
            out += '"';
            break;
        case 'a':
            out += '\a';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'v':
            out += '\v';
            break;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7': {
            uint32_t value = e - '0';
            for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k)
                value = value * 8 + (body[++i] - '0');
            if (isBytes)
                out += static_cast<char>(value & 0xFF);
            else
                appendUtf8(out, value);
            break;
        }
        case 'x':
        case 'u':
        case 'U': {
            int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            if (isBytes && e != 'x') {
                out += '\\';
                out += e;
                break;
            }
            uint32_t value = 0;
            for (int k = 0; k < digits; ++k) {
                if (i + 1 >= body.size() || !isHexDigit(body[i + 1])) {
                    const char* what = e == 'x'   ? "truncated \\xXX escape"
                                       : e == 'u' ? "truncated \\uXXXX escape"
                                                  : "truncated \\UXXXXXXXX escape";
                    return truncated(escapeStart, i, what);
                }
                char h = body[++i];
                value = value * 16 + (isDigit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
            }
            if (isBytes) {
                out += static_cast<char>(value);
            } else {
                if (value > 0x10FFFF)
                    return truncated(escapeStart, i, "illegal Unicode character");
                appendUtf8(out, value);
            }
            break;
        }
        case 'N':
            if (!isBytes) {
                errorMessage = "Loopscope does not support \\N{...} escapes in strings";
                return false;
            }
            [[fallthrough]];
        default:
            // Unknown escapes stay as written (CPython only warns about them).
            out += '\\';
            out += e;
        }
    }
    return true;
}

} // namespace loopscope
