#include "float_repr.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <system_error>

namespace loopscope {

namespace {

// The decimal digits of a finite, non-negative double, as a digit string with no
// leading zeros and the position of the decimal point: value = 0.DIGITS * 10^decimalPoint
// (David Gay's dtoa convention, which CPython's layout code is written against).
struct DecimalDigits {
    std::string digits;
    int decimalPoint = 0;
};

// Splits to_chars' scientific output "d.ddde+XX" into digits and point position.
DecimalDigits splitScientific(std::string_view text)
{
    DecimalDigits result;
    const size_t exponentAt = text.find('e');
    for (size_t i = 0; i < exponentAt; ++i) {
        if (text[i] != '.') {
            result.digits.push_back(text[i]);
        }
    }
    int exponent = 0;
    std::from_chars(text.data() + exponentAt + (text[exponentAt + 1] == '+' ? 2 : 1),
                    text.data() + text.size(), exponent);
    result.decimalPoint = exponent + 1;
    return result;
}

// Shortest round-trip digits (dtoa mode 0).
DecimalDigits shortestDigits(double magnitude)
{
    char buffer[64];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, magnitude, std::chars_format::scientific).ptr;
    return splitScientific(std::string_view(buffer, end - buffer));
}

// [significant] correctly rounded significant digits, trailing zeros removed (dtoa mode 2).
DecimalDigits significantDigits(double magnitude, int significant)
{
    std::string buffer(static_cast<size_t>(significant) + 32, '\0');
    auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), magnitude,
                             std::chars_format::scientific, significant - 1)
                   .ptr;
    DecimalDigits result = splitScientific(std::string_view(buffer.data(), end - buffer.data()));
    while (result.digits.size() > 1 && result.digits.back() == '0') {
        result.digits.pop_back();
    }
    if (result.digits == "0") {
        result.decimalPoint = 1;
    }
    return result;
}

// Lays out [d] as CPython's format_float_short does for codes 'g' and 'r'.
std::string layoutDigits(const DecimalDigits& d, char code, int precision, bool alternate, bool addDotZero,
                         bool upper)
{
    const int digitCount = static_cast<int>(d.digits.size());
    int decimalPoint = d.decimalPoint;
    int visibleEnd = digitCount;
    bool useExponent = false;
    if (code == 'g') {
        useExponent = decimalPoint <= -4 || decimalPoint > (addDotZero ? precision - 1 : precision);
        if (alternate) {
            visibleEnd = precision;
        }
    } else { // 'r'
        useExponent = decimalPoint <= -4 || decimalPoint > 16;
    }
    int exponent = 0;
    if (useExponent) {
        exponent = decimalPoint - 1;
        decimalPoint = 1;
    }
    // The output is the slice [visibleStart, visibleEnd) of the digits padded with zeros on
    // both sides, with the point before position [decimalPoint].
    const int visibleStart = decimalPoint <= 0 ? decimalPoint - 1 : 0;
    if (!useExponent && addDotZero) {
        visibleEnd = std::max(visibleEnd, decimalPoint + 1);
    } else {
        visibleEnd = std::max(visibleEnd, decimalPoint);
    }
    std::string out;
    for (int position = visibleStart; position < visibleEnd; ++position) {
        if (position == decimalPoint) {
            out.push_back('.');
        }
        out.push_back(position >= 0 && position < digitCount ? d.digits[position] : '0');
    }
    if (visibleEnd == decimalPoint && alternate) {
        out.push_back('.');
    }
    if (useExponent) {
        char exponentText[16];
        std::snprintf(exponentText, sizeof exponentText, "%c%+.02d", upper ? 'E' : 'e', exponent);
        out += exponentText;
    }
    return out;
}

std::string upperCased(std::string text)
{
    for (char& c : text) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return text;
}

// The exact decimal expansion of a finite double: every double is a dyadic rational,
// so at most 1074 fractional digits are needed.
std::string exactDecimal(double magnitude)
{
    std::string buffer(1500, '\0');
    auto end =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), magnitude, std::chars_format::fixed, 1074)
            .ptr;
    buffer.resize(end - buffer.data());
    return buffer;
}

} // namespace

std::string formatDouble(double x, char code, int precision, bool alternate, bool addDotZero)
{
    const bool upper = code == 'E' || code == 'F' || code == 'G';
    if (std::isnan(x)) {
        return upper ? "NAN" : "nan"; // CPython never signs a nan
    }
    const std::string sign = std::signbit(x) ? "-" : "";
    if (std::isinf(x)) {
        return sign + (upper ? "INF" : "inf");
    }
    const double magnitude = std::fabs(x);
    const char lowerCode = static_cast<char>(std::tolower(static_cast<unsigned char>(code)));
    std::string body;
    if (lowerCode == 'f' || lowerCode == 'e') {
        std::string buffer(static_cast<size_t>(precision) + 400, '\0');
        const auto format = lowerCode == 'f' ? std::chars_format::fixed : std::chars_format::scientific;
        auto end =
            std::to_chars(buffer.data(), buffer.data() + buffer.size(), magnitude, format, precision).ptr;
        body.assign(buffer.data(), end);
        if (alternate && precision == 0) {
            // '#' keeps the point even without fractional digits: "2." and "2.e+00".
            const size_t exponentAt = body.find('e');
            body.insert(exponentAt == std::string::npos ? body.size() : exponentAt, ".");
        }
        if (upper) {
            body = upperCased(body);
        }
    } else if (lowerCode == 'g') {
        const int significant = precision == 0 ? 1 : precision;
        body = layoutDigits(significantDigits(magnitude, significant), 'g', significant, alternate,
                            addDotZero, upper);
    } else { // 'r'
        body = layoutDigits(shortestDigits(magnitude), 'r', 0, alternate, addDotZero, upper);
    }
    return sign + body;
}

std::string floatRepr(double x)
{
    return formatDouble(x, 'r', 0, false, true);
}

std::optional<double> floatRound(double x, int64_t ndigits)
{
    if (!std::isfinite(x) || ndigits > 323) {
        return x; // CPython: more digits than a double holds leave it unchanged
    }
    if (ndigits < -308) {
        return 0.0 * x;
    }
    // Round the exact decimal expansion half-to-even at the wanted position, as
    // CPython does with dtoa's mode 3, then read the result back.
    const std::string exact = exactDecimal(std::fabs(x));
    const size_t point = exact.find('.');
    std::string digits = exact.substr(0, point) + exact.substr(point + 1);
    const int64_t integerDigits = static_cast<int64_t>(point);
    const int64_t keep = integerDigits + ndigits; // digits kept from the left
    std::string kept;
    if (keep <= 0) {
        // Everything is rounded away; only a value above half of 10^-ndigits survives.
        if (keep == 0) {
            const bool aboveHalf = digits[0] > '5' || (digits[0] == '5' &&
                                                       digits.find_first_not_of('0', 1) != std::string::npos);
            kept = aboveHalf ? "1" : "0";
        } else {
            kept = "0";
        }
        const std::string text = (std::signbit(x) ? "-" : "") + kept + "e" + std::to_string(-ndigits);
        const double value = std::strtod(text.c_str(), nullptr);
        if (std::isinf(value)) {
            return std::nullopt;
        }
        return value;
    }
    kept = digits.substr(0, static_cast<size_t>(keep));
    const char firstDropped = static_cast<size_t>(keep) < digits.size() ? digits[keep] : '0';
    const bool restNonZero =
        static_cast<size_t>(keep) + 1 < digits.size() &&
        digits.find_first_not_of('0', static_cast<size_t>(keep) + 1) != std::string::npos;
    const bool lastOdd = (kept.back() - '0') % 2 == 1;
    const bool roundUp = firstDropped > '5' || (firstDropped == '5' && (restNonZero || lastOdd));
    if (roundUp) {
        int i = static_cast<int>(kept.size()) - 1;
        while (i >= 0 && kept[i] == '9') {
            kept[i] = '0';
            --i;
        }
        if (i < 0) {
            kept.insert(kept.begin(), '1');
        } else {
            ++kept[i];
        }
    }
    // kept holds the digits of round(x) * 10^ndigits.
    const std::string text = (std::signbit(x) ? "-" : "") + kept + "e" + std::to_string(-ndigits);
    const double value = std::strtod(text.c_str(), nullptr);
    if (std::isinf(value)) {
        return std::nullopt;
    }
    return value;
}

namespace {

FloatToIntResult toInt64(double integral)
{
    if (std::isnan(integral)) {
        return FloatToIntResult{false, 0, "ValueError", "cannot convert float NaN to integer"};
    }
    if (std::isinf(integral)) {
        return FloatToIntResult{false, 0, "OverflowError", "cannot convert float infinity to integer"};
    }
    // 2^63 is exactly representable; everything in [-2^63, 2^63) fits.
    if (integral >= 9223372036854775808.0 || integral < -9223372036854775808.0) {
        return FloatToIntResult{false, 0, "OverflowError", "int too large to convert"};
    }
    return FloatToIntResult{true, static_cast<int64_t>(integral), {}, {}};
}

} // namespace

FloatToIntResult floatRoundToInt(double x)
{
    return toInt64(std::nearbyint(x)); // the default rounding mode is half-to-even
}

FloatToIntResult floatTruncateToInt(double x)
{
    return toInt64(std::trunc(x));
}

} // namespace loopscope
