#pragma once
// How format() lays a number out once its digits are known (CPython's
// calc_number_widths and fill_number): fill, sign, prefix, zero padding with
// grouping separators, digits, decimal point and remainder.

#include <cstdint>
#include <string>
#include <string_view>

#include "format_spec.h"

namespace loopscope {

// A number's text split as CPython's calc_number_widths sees it.
struct NumberText {
    bool negative = false;
    std::string prefix; // "0x" and friends
    std::string digits; // the integer digits (or the one character of 'c')
    bool hasDecimal = false;
    std::string remainder; // after the point: fraction, exponent, '%', "inf"
};

// | lpadding | sign | prefix | spadding | grouped digits | . | remainder | rpadding |
// [localeN] is the 'n' type, which groups by the C locale: not at all.
std::string layoutNumber(const NumberText& number, const FormatSpec& spec, bool localeN);

// [fill] (one UTF-8 code point) repeated [count] times.
std::string repeatFill(const std::string& fill, int64_t count);

// The digits of [magnitude] in [base] (2..16), upper-case letters if [upper].
std::string toBase(uint64_t magnitude, int base, bool upper);

} // namespace loopscope
