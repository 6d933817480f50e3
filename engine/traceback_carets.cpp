// The ~~~^^^ line CPython 3.11 prints under a traceback's source line to point at the failing
// expression (traceback.py's format_frame_summary and _extract_caret_anchors_from_line_segment):
// ^ under the whole span, or, for a binary operation or a subscript on one line, ~ under the
// operands and ^ under the operator or the subscript.

#include <string>

#include "chunk.h"
#include "parser.h"

namespace loopscope {

namespace {

// Code points in the first [bytes] bytes of the UTF-8 [text].
size_t charsIn(const std::string& text, size_t bytes)
{
    size_t count = 0;
    for (size_t i = 0; i < bytes && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++count;
    return count;
}

size_t charLength(const std::string& text)
{
    return charsIn(text, text.size());
}

// The UTF-8 substring of code points [from, to).
std::string charSlice(const std::string& text, size_t from, size_t to)
{
    size_t start = text.size(), end = text.size(), index = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            continue;
        if (index == from)
            start = i;
        if (index == to) {
            end = i;
            break;
        }
        ++index;
    }
    return start <= end ? text.substr(start, end - start) : std::string();
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

struct Anchors {
    size_t leftEnd = 0, rightStart = 0;
};

// The anchors of a binary operation or a subscript that [segment] parses as, in bytes of the
// segment; [interpreter]: the interpreter's own rules (traceback.c), else traceback.py's.
bool extractAnchors(const std::string& segment, Anchors& anchors, bool interpreter)
{
    ParseResult parsed = parseModule(segment);
    if (!parsed.ok() || parsed.module->body.size() != 1 || parsed.module->body[0]->kind != StmtKind::Expr)
        return false;
    const Expr* e = parsed.module->body[0]->as<ExprStmt>()->value;
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\f'; };
    if (e->kind == ExprKind::BinOp) {
        auto* b = e->as<BinOpExpr>();
        size_t begin = size_t(b->left->endCol), end = size_t(b->right->col);
        if (interpreter) {
            // The first operator character, passing closing parentheses.
            bool found = false;
            for (size_t i = begin; i < end && i < segment.size(); ++i) {
                if (blank(segment[i]))
                    continue;
                anchors.leftEnd = i;
                anchors.rightStart = i + 1;
                if (i + 1 < end && !blank(segment[i + 1]))
                    ++anchors.rightStart;
                found = true;
                if (i + 1 < end && segment[i] == ')')
                    continue;
                break;
            }
            return found;
        }
        std::string operatorText = segment.substr(begin, end > begin ? end - begin : 0);
        size_t offset = 0;
        while (offset < operatorText.size() && isSpace(operatorText[offset]))
            ++offset;
        anchors.leftEnd = begin + offset;
        anchors.rightStart = anchors.leftEnd + 1;
        if (offset + 1 < operatorText.size() && !isSpace(operatorText[offset + 1]))
            ++anchors.rightStart;
        return true;
    }
    if (e->kind == ExprKind::Subscript) {
        auto* s = e->as<SubscriptExpr>();
        anchors.leftEnd = size_t(s->value->endCol);
        anchors.rightStart = size_t(s->index->endCol) + 1;
        if (interpreter) {
            while (anchors.leftEnd < segment.size() && segment[anchors.leftEnd] != '[')
                ++anchors.leftEnd;
            while (anchors.rightStart < segment.size() && segment[anchors.rightStart] != ']')
                ++anchors.rightStart;
            if (anchors.rightStart < segment.size())
                ++anchors.rightStart;
        }
        return true;
    }
    return false;
}

} // namespace

std::string errorCarets(const std::string& sourceLine, int lineNumber, const CodeObj::Span& span,
                        bool tracebackModule)
{
    if (span.col < 0 || span.endCol < 0 || span.endLine <= 0)
        return {};
    std::string line = sourceLine;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.pop_back();
    size_t first = 0;
    while (first < line.size() && isSpace(line[first]))
        ++first;
    size_t last = line.size();
    while (last > first && isSpace(line[last - 1]))
        --last;
    size_t leading = charsIn(line, first);
    size_t strippedLength = charLength(line.substr(first, last - first));
    if (strippedLength == 0)
        return {};
    size_t start = charsIn(line, size_t(span.col));
    size_t end = charsIn(line, size_t(span.endCol));
    Anchors anchors;
    bool hasAnchors = false;
    if (span.endLine == lineNumber) {
        if (end < start)
            return {};
        std::string segment = charSlice(line, start, end);
        hasAnchors = extractAnchors(segment, anchors, !tracebackModule);
        anchors.leftEnd = charsIn(segment, anchors.leftEnd);
        anchors.rightStart = charsIn(segment, anchors.rightStart);
    } else {
        end = charLength(line.substr(0, last));
    }
    // Carets that would underline the whole line say nothing: they are left out.
    bool show = tracebackModule
                    ? (end - start < strippedLength || (hasAnchors && anchors.rightStart > anchors.leftEnd))
                    : (end - start != strippedLength || hasAnchors);
    if (!show || start < leading)
        return {};
    std::string out = "    " + std::string(start - leading, ' ');
    for (size_t k = 0; k < end - start; ++k)
        out += hasAnchors ? (k >= anchors.leftEnd && k < anchors.rightStart ? '^' : '~') : '^';
    return out + "\n";
}

} // namespace loopscope
