// Reading a scenario's bytes as CPython reads a source file (see source_text.h).

#include "source_text.h"

#include <cstdio>
#include <string>

namespace loopscope {

namespace {

// The length of the valid UTF-8 sequence at [i], or 0 when the bytes there are not one (the
// strict decoder's rules: no overlong forms, no surrogates, nothing past U+10FFFF).
size_t sequenceLength(std::string_view s, size_t i)
{
    auto byte = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0x100u; };
    auto inRange = [&](size_t k, unsigned lo, unsigned hi) { return byte(k) >= lo && byte(k) <= hi; };
    unsigned c = byte(i);
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return inRange(i + 1, 0x80, 0xBF) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        return inRange(i + 1, lo, hi) && inRange(i + 2, 0x80, 0xBF) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        return inRange(i + 1, lo, hi) && inRange(i + 2, 0x80, 0xBF) && inRange(i + 3, 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

} // namespace

std::optional<SyntaxError> prepareSource(std::string_view& source, std::string_view filename)
{
    if (source.substr(0, 3) == "\xEF\xBB\xBF")
        source.remove_prefix(3);
    int line = 1;
    for (size_t i = 0; i < source.size();) {
        size_t n = sequenceLength(source, i);
        if (n == 0) {
            char byte[8];
            std::snprintf(byte, sizeof byte, "\\x%02x", static_cast<unsigned char>(source[i]));
            SyntaxError error;
            error.message = "Non-UTF-8 code starting with '" + std::string(byte) + "' in file " +
                            std::string(filename) + " on line " + std::to_string(line) +
                            ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";
            error.line = line;
            error.endLine = line;
            error.messageOnly = true;
            return error;
        }
        if (source[i] == '\n')
            ++line;
        i += n;
    }
    return std::nullopt;
}

} // namespace loopscope
