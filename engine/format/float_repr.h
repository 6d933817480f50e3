#pragma once
// Floats as CPython prints and rounds them: repr/str, round(x, n), round(x),
// and the digit generator that format() and %-formatting build upon.

#include <cstdint>
#include <optional>
#include <string>

namespace loopscope {

// repr(x) (and str(x), which is the same in Python 3): the shortest digits that
// round-trip, in fixed notation when the decimal exponent is in [-4, 16), else
// in exponent notation ("1e+16", "1e-05"); integral values keep ".0"; "inf",
// "-inf", "nan", "-0.0".
std::string floatRepr(double x);

// round(x, ndigits) for a float: the double nearest to x rounded, correctly and
// half-to-even on x's exact binary value, to [ndigits] decimal places (which may be
// negative). inf and nan come back unchanged. nullopt means CPython's
// OverflowError "rounded value too large to represent".
std::optional<double> floatRound(double x, int64_t ndigits);

// round(x) with no ndigits: half-to-even to an integer. Fails like CPython:
// OverflowError "cannot convert float infinity to integer", ValueError "cannot
// convert float NaN to integer", and OverflowError "int too large to convert" when
// the result does not fit the VM's 64-bit int.
struct FloatToIntResult {
    bool ok = true;
    int64_t value = 0;
    std::string errorType;
    std::string error;
};
FloatToIntResult floatRoundToInt(double x);

// int(x) for a float: truncation toward zero, with the same errors as floatRoundToInt.
FloatToIntResult floatTruncateToInt(double x);

// The core of every float formatting, like CPython's PyOS_double_to_string.
// [code] is 'e', 'E', 'f', 'F', 'g', 'G' or 'r' (repr: shortest digits, precision
// ignored). [alternate] is the '#' flag (always keep the point; 'g' keeps trailing
// zeros). [addDotZero] appends ".0" when the text would otherwise look like an int
// (used by repr and by format()'s no-type float). Non-finite values give "inf" /
// "nan" ("INF" / "NAN" for upper-case codes), with a '-' for negative values.
// No sign is added for positive values and no padding is applied.
std::string formatDouble(double x, char code, int precision, bool alternate, bool addDotZero);

} // namespace loopscope
