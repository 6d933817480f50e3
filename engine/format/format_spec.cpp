#include "format_spec.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <vector>

#include "float_repr.h"
#include "number_layout.h"
#include "utf8.h"

namespace loopscope {

// -- Parsing the spec -----------------------------------------------------------

namespace {

bool isAlignment(uint32_t c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

FormatSpecParse parseError(std::string message)
{
    FormatSpecParse result;
    result.ok = false;
    result.errorType = "ValueError";
    result.error = std::move(message);
    return result;
}

// Reads a run of decimal digits at [pos]. Returns the number of digits read, or -1
// when the number does not fit (CPython: "Too many decimal digits in format string").
int readInteger(const std::vector<uint32_t>& cps, size_t& pos, int64_t& value)
{
    int consumed = 0;
    value = 0;
    while (pos < cps.size() && cps[pos] >= '0' && cps[pos] <= '9') {
        const int digit = static_cast<int>(cps[pos] - '0');
        if (value > (INT64_MAX - digit) / 10) {
            return -1;
        }
        value = value * 10 + digit;
        ++pos;
        ++consumed;
    }
    return consumed;
}

// The type as CPython names it in messages: itself when printable ASCII, else "\\x..".
std::string describeTypeChar(const FormatSpec& spec)
{
    const uint32_t c = spec.typeCodePoint ? spec.typeCodePoint : static_cast<unsigned char>(spec.type);
    if (c > 32 && c < 128) {
        return std::string(1, static_cast<char>(c));
    }
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "\\x%x", c);
    return buffer;
}

} // namespace

// format_spec: [[fill]align][sign]['z']['#']['0'][width][grouping]['.' precision][type]
FormatSpecParse parseFormatSpec(std::string_view specText, char defaultType, char defaultAlign,
                                std::string_view typeName)
{
    const std::vector<uint32_t> cps = utf8CodePoints(specText);
    FormatSpecParse result;
    FormatSpec& spec = result.spec;
    spec.align = defaultAlign;
    spec.type = defaultType;
    size_t pos = 0;
    const size_t end = cps.size();
    bool fillSpecified = false;
    bool alignSpecified = false;
    if (end - pos >= 2 && isAlignment(cps[pos + 1])) {
        spec.fill = utf8Encode(cps[pos]);
        spec.align = static_cast<char>(cps[pos + 1]);
        fillSpecified = alignSpecified = true;
        pos += 2;
    } else if (end - pos >= 1 && isAlignment(cps[pos])) {
        spec.align = static_cast<char>(cps[pos]);
        alignSpecified = true;
        ++pos;
    }
    if (pos < end && (cps[pos] == '+' || cps[pos] == '-' || cps[pos] == ' ')) {
        spec.sign = static_cast<char>(cps[pos++]);
    }
    if (pos < end && cps[pos] == 'z') {
        spec.noNegativeZero = true;
        ++pos;
    }
    if (pos < end && cps[pos] == '#') {
        spec.alternate = true;
        ++pos;
    }
    // A '0' before the width means zero padding after the sign, unless a fill was given.
    if (!fillSpecified && pos < end && cps[pos] == '0') {
        spec.fill = "0";
        spec.zeroPadding = true;
        if (!alignSpecified && defaultAlign == '>') {
            spec.align = '=';
        }
        ++pos;
    }
    int64_t number = 0;
    int consumed = readInteger(cps, pos, number);
    if (consumed < 0) {
        return parseError("Too many decimal digits in format string");
    }
    spec.width = consumed == 0 ? -1 : number;
    if (pos < end && cps[pos] == ',') {
        spec.grouping = ',';
        ++pos;
    }
    if (pos < end && cps[pos] == '_') {
        if (spec.grouping != 0) {
            return parseError("Cannot specify both ',' and '_'.");
        }
        spec.grouping = '_';
        ++pos;
    }
    if (pos < end && cps[pos] == ',' && spec.grouping == '_') {
        return parseError("Cannot specify both ',' and '_'.");
    }
    if (pos < end && cps[pos] == '.') {
        ++pos;
        consumed = readInteger(cps, pos, number);
        if (consumed < 0) {
            return parseError("Too many decimal digits in format string");
        }
        if (consumed == 0) {
            return parseError("Format specifier missing precision");
        }
        spec.precision = number;
    }
    if (end - pos > 1) {
        return parseError("Invalid format specifier '" + std::string(specText) + "' for object of type '" +
                          std::string(typeName) + "'");
    }
    if (end - pos == 1) {
        spec.typeCodePoint = cps[pos];
        spec.type = cps[pos] < 0x80 ? static_cast<char>(cps[pos]) : '\x7f'; // never a valid type
    }
    if (spec.grouping != 0) {
        switch (spec.type) {
        case 'd':
        case 'e':
        case 'f':
        case 'g':
        case 'E':
        case 'G':
        case '%':
        case 'F':
        case '\0':
            break;
        case 'b':
        case 'o':
        case 'x':
        case 'X':
            if (spec.grouping == '_') {
                break; // every four digits in bin/oct/hex
            }
            [[fallthrough]];
        default:
            return parseError(std::string("Cannot specify '") + spec.grouping + "' with '" +
                              describeTypeChar(spec) + "'.");
        }
    }
    return result;
}

// -- Floats ---------------------------------------------------------------------

namespace {

FormatResult unknownCode(const FormatSpec& spec, std::string_view typeName)
{
    return FormatResult::failure("ValueError", "Unknown format code '" + describeTypeChar(spec) +
                                                   "' for object of type '" + std::string(typeName) + "'");
}

// The body of float.__format__ once the spec is parsed and its type checked.
FormatResult formatParsedFloat(double value, const FormatSpec& spec)
{
    char type = spec.type;
    int defaultPrecision = 6;
    bool addDotZero = false;
    if (type == '\0') {
        // No type: like repr, or with a precision like 'g' keeping one digit past the point.
        addDotZero = true;
        type = 'r';
        defaultPrecision = 0;
    }
    if (type == 'n') {
        type = 'g';
    }
    bool addPercent = false;
    if (type == '%') {
        type = 'f';
        value *= 100;
        addPercent = true;
    }
    if (spec.precision > 0x7fffffff) {
        return FormatResult::failure("ValueError", "precision too big");
    }
    if (spec.precision > kMaxFormattedLength) {
        return FormatResult::failure("MemoryError", "");
    }
    int precision = static_cast<int>(spec.precision);
    if (precision < 0) {
        precision = defaultPrecision;
    } else if (type == 'r') {
        type = 'g';
    }
    std::string body = formatDouble(value, type, precision, spec.alternate, addDotZero);
    if (spec.noNegativeZero && std::isfinite(value) && !body.empty() && body[0] == '-') {
        // 'z': a value that rounded to zero loses its sign.
        const size_t mantissaEnd = std::min(body.find_first_of("eE"), body.size());
        if (body.find_first_not_of("0.", 1) >= mantissaEnd) {
            body.erase(0, 1);
        }
    }
    if (addPercent) {
        body.push_back('%');
    }
    NumberText number;
    size_t index = 0;
    if (!body.empty() && body[0] == '-') {
        number.negative = true;
        index = 1;
    }
    size_t digitsEnd = index;
    while (digitsEnd < body.size() && std::isdigit(static_cast<unsigned char>(body[digitsEnd]))) {
        ++digitsEnd;
    }
    number.digits = body.substr(index, digitsEnd - index);
    number.hasDecimal = digitsEnd < body.size() && body[digitsEnd] == '.';
    number.remainder = body.substr(digitsEnd + (number.hasDecimal ? 1 : 0));
    return FormatResult::success(layoutNumber(number, spec, spec.type == 'n'));
}

} // namespace

// -- The __format__ methods -----------------------------------------------------

namespace {

// The width alone decides; a float's precision is checked where it is used.
bool tooLarge(const FormatSpec& spec)
{
    return spec.width > kMaxFormattedLength;
}

} // namespace

// int.__format__ once the value is described by [value] (any size).
static FormatResult formatIntOperand(const IntOperand& value, std::string_view specText,
                                     std::string_view typeName)
{
    FormatSpecParse parsed = parseFormatSpec(specText, 'd', '>', typeName);
    if (!parsed.ok) {
        return FormatResult::failure(parsed.errorType, parsed.error);
    }
    if (tooLarge(parsed.spec)) {
        return FormatResult::failure("MemoryError", "");
    }
    const FormatSpec& spec = parsed.spec;
    switch (spec.type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
        break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
        if (!value.asDouble) {
            return FormatResult::failure("OverflowError", "int too large to convert to float");
        }
        return formatParsedFloat(*value.asDouble, spec);
    default:
        return unknownCode(spec, typeName);
    }
    if (spec.precision != -1) {
        return FormatResult::failure("ValueError", "Precision not allowed in integer format specifier");
    }
    if (spec.noNegativeZero) {
        return FormatResult::failure("ValueError",
                                     "Negative zero coercion (z) not allowed in integer format specifier");
    }
    NumberText number;
    if (spec.type == 'c') {
        if (spec.sign != 0) {
            return FormatResult::failure("ValueError", "Sign not allowed with integer format specifier 'c'");
        }
        if (spec.alternate) {
            return FormatResult::failure("ValueError",
                                         "Alternate form (#) not allowed with integer format specifier 'c'");
        }
        if (!value.small) {
            return FormatResult::failure("OverflowError", "Python int too large to convert to C long");
        }
        if (*value.small < 0 || *value.small > 0x10ffff) {
            return FormatResult::failure("OverflowError", "%c arg not in range(0x110000)");
        }
        number.digits = utf8Encode(static_cast<uint32_t>(*value.small));
        return FormatResult::success(layoutNumber(number, spec, false));
    }
    int base = 10;
    const char* prefix = "";
    switch (spec.type) {
    case 'b':
        base = 2;
        prefix = "0b";
        break;
    case 'o':
        base = 8;
        prefix = "0o";
        break;
    case 'x':
        base = 16;
        prefix = "0x";
        break;
    case 'X':
        base = 16;
        prefix = "0X";
        break;
    default:
        break;
    }
    number.negative = value.negative;
    FormatResult digits = value.magnitude(base);
    if (!digits.ok) {
        return digits;
    }
    number.digits = std::move(digits.text);
    if (spec.type == 'X') {
        std::transform(number.digits.begin(), number.digits.end(), number.digits.begin(),
                       [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
    }
    if (spec.alternate) {
        number.prefix = prefix;
    }
    return FormatResult::success(layoutNumber(number, spec, spec.type == 'n'));
}

FormatResult formatInt(int64_t value, std::string_view specText, std::string_view typeName)
{
    if (specText.empty()) {
        if (typeName == "bool") {
            return FormatResult::success(value ? "True" : "False");
        }
        return FormatResult::success(std::to_string(value));
    }
    IntOperand operand;
    operand.negative = value < 0;
    operand.small = value;
    operand.asDouble = static_cast<double>(value);
    const uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    operand.magnitude = [magnitude](int base) {
        return FormatResult::success(toBase(magnitude, base, false));
    };
    return formatIntOperand(operand, specText, typeName);
}

FormatResult formatInt(const IntOperand& value, std::string_view specText)
{
    if (specText.empty()) {
        FormatResult digits = value.magnitude(10);
        if (digits.ok && value.negative) {
            digits.text.insert(0, "-");
        }
        return digits;
    }
    return formatIntOperand(value, specText, "int");
}

FormatResult formatFloat(double value, std::string_view specText)
{
    if (specText.empty()) {
        return FormatResult::success(floatRepr(value));
    }
    FormatSpecParse parsed = parseFormatSpec(specText, '\0', '>', "float");
    if (!parsed.ok) {
        return FormatResult::failure(parsed.errorType, parsed.error);
    }
    if (tooLarge(parsed.spec)) {
        return FormatResult::failure("MemoryError", "");
    }
    switch (parsed.spec.type) {
    case '\0':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
        return formatParsedFloat(value, parsed.spec);
    default:
        return unknownCode(parsed.spec, "float");
    }
}

FormatResult formatString(std::string_view value, std::string_view specText)
{
    if (specText.empty()) {
        return FormatResult::success(std::string(value));
    }
    FormatSpecParse parsed = parseFormatSpec(specText, 's', '<', "str");
    if (!parsed.ok) {
        return FormatResult::failure(parsed.errorType, parsed.error);
    }
    if (tooLarge(parsed.spec)) {
        return FormatResult::failure("MemoryError", "");
    }
    const FormatSpec& spec = parsed.spec;
    if (spec.type != 's') {
        return unknownCode(spec, "str");
    }
    if (spec.sign == ' ') {
        return FormatResult::failure("ValueError", "Space not allowed in string format specifier");
    }
    if (spec.sign != 0) {
        return FormatResult::failure("ValueError", "Sign not allowed in string format specifier");
    }
    if (spec.noNegativeZero) {
        return FormatResult::failure("ValueError",
                                     "Negative zero coercion (z) not allowed in string format specifier");
    }
    if (spec.alternate) {
        return FormatResult::failure("ValueError",
                                     "Alternate form (#) not allowed in string format specifier");
    }
    if (spec.align == '=') {
        return FormatResult::failure("ValueError", "'=' alignment not allowed in string format specifier");
    }
    std::string_view shown = value;
    int64_t length = static_cast<int64_t>(utf8Length(value));
    if (spec.precision >= 0 && length >= spec.precision) {
        shown = utf8Prefix(value, static_cast<size_t>(spec.precision));
        length = spec.precision;
    }
    const int64_t total = std::max(spec.width, length);
    int64_t left = 0;
    if (spec.align == '>') {
        left = total - length;
    } else if (spec.align == '^') {
        left = (total - length) / 2;
    }
    const int64_t right = total - length - left;
    return FormatResult::success(repeatFill(spec.fill, left) + std::string(shown) +
                                 repeatFill(spec.fill, right));
}

FormatResult formatObject(std::string_view strValue, std::string_view spec, std::string_view typeName)
{
    if (spec.empty()) {
        return FormatResult::success(std::string(strValue));
    }
    return FormatResult::failure("TypeError", "unsupported format string passed to " + std::string(typeName) +
                                                  ".__format__");
}

} // namespace loopscope
