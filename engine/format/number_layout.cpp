#include "number_layout.h"

#include <algorithm>
#include <vector>

#include "utf8.h"

namespace loopscope {

std::string repeatFill(const std::string& fill, int64_t count)
{
    std::string out;
    for (int64_t i = 0; i < count; ++i) {
        out += fill;
    }
    return out;
}

std::string toBase(uint64_t magnitude, int base, bool upper)
{
    if (magnitude == 0) {
        return "0";
    }
    const char* alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string out;
    while (magnitude > 0) {
        out.insert(out.begin(), alphabet[magnitude % static_cast<uint64_t>(base)]);
        magnitude /= static_cast<uint64_t>(base);
    }
    return out;
}

namespace {

// Inserts [separator] every [groupSize] digits from the right and pads with zeros on
// the left up to [minWidth] characters, putting separators into the padding too
// (CPython's _PyUnicode_InsertThousandsGrouping). groupSize 0 means no grouping.
std::string groupDigits(std::string_view digits, int64_t digitCount, int64_t minWidth, int groupSize,
                        char separator)
{
    if (groupSize == 0) {
        const int64_t zeros = std::max<int64_t>(0, minWidth - digitCount);
        return std::string(static_cast<size_t>(zeros), '0') + std::string(digits);
    }
    std::vector<std::string> chunks; // right to left
    int64_t remaining = static_cast<int64_t>(digits.size());
    bool useSeparator = false;
    while (true) {
        const int64_t take = std::min<int64_t>(groupSize, std::max<int64_t>({remaining, minWidth, 1}));
        const int64_t zeros = std::max<int64_t>(0, take - remaining);
        const int64_t chars = std::max<int64_t>(0, std::min(remaining, take));
        std::string chunk(static_cast<size_t>(zeros), '0');
        chunk.append(digits.substr(static_cast<size_t>(remaining - chars), static_cast<size_t>(chars)));
        if (useSeparator) {
            chunk.push_back(separator);
        }
        chunks.push_back(std::move(chunk));
        useSeparator = true;
        remaining -= chars;
        minWidth -= take;
        if (remaining <= 0 && minWidth <= 0) {
            break;
        }
        minWidth -= 1; // the separator
    }
    std::string out;
    for (auto it = chunks.rbegin(); it != chunks.rend(); ++it) {
        out += *it;
    }
    return out;
}

} // namespace

// | lpadding | sign | prefix | spadding | grouped digits | . | remainder | rpadding |
std::string layoutNumber(const NumberText& number, const FormatSpec& spec, bool localeN)
{
    int groupSize = 0;
    char separator = 0;
    if (!localeN && spec.grouping != 0) {
        separator = spec.grouping;
        const bool byFour = spec.grouping == '_' &&
                            (spec.type == 'b' || spec.type == 'o' || spec.type == 'x' || spec.type == 'X');
        groupSize = byFour ? 4 : 3;
    }
    char signChar = 0;
    if (spec.sign == '+') {
        signChar = number.negative ? '-' : '+';
    } else if (spec.sign == ' ') {
        signChar = number.negative ? '-' : ' ';
    } else if (number.negative) {
        signChar = '-';
    }
    const int64_t digitCount = static_cast<int64_t>(utf8Length(number.digits));
    const int64_t nonDigits = (signChar ? 1 : 0) + static_cast<int64_t>(number.prefix.size()) +
                              (number.hasDecimal ? 1 : 0) + static_cast<int64_t>(number.remainder.size());
    const int64_t minWidth = (spec.fill == "0" && spec.align == '=') ? spec.width - nonDigits : 0;
    const std::string grouped = digitCount == 0
                                    ? std::string()
                                    : groupDigits(number.digits, digitCount, minWidth, groupSize, separator);
    const int64_t groupedLength = static_cast<int64_t>(utf8Length(grouped));
    const int64_t padding = spec.width - (nonDigits + groupedLength);
    int64_t left = 0, middle = 0, right = 0;
    if (padding > 0) {
        switch (spec.align) {
        case '<':
            right = padding;
            break;
        case '^':
            left = padding / 2;
            right = padding - left;
            break;
        case '=':
            middle = padding;
            break;
        default:
            left = padding;
            break;
        }
    }
    std::string out = repeatFill(spec.fill, left);
    if (signChar) {
        out.push_back(signChar);
    }
    out += number.prefix;
    out += repeatFill(spec.fill, middle);
    out += grouped;
    if (number.hasDecimal) {
        out.push_back('.');
    }
    out += number.remainder;
    out += repeatFill(spec.fill, right);
    return out;
}

} // namespace loopscope
