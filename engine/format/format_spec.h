#pragma once
// The format-spec mini-language of format(), f-strings and str.format:
//   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
// applied to ints, floats, strings and other objects, with CPython 3.11's exact
// results and error messages.
//
// Usage from the VM, for format(value, spec) / f"{value:spec}":
//   int or bool   -> formatInt(i, spec, "int" or "bool")   (a bool with an empty spec gives
//                                                          "True"/"False", as in CPython)
//   float         -> formatFloat(d, spec)
//   str           -> formatString(s, spec)
//   anything else -> formatObject(str(value), spec, typeName)   (object.__format__)
// Strings are UTF-8; widths, precision and fill count code points.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "format_result.h"
#include "utf8.h" // the UTF-8 helpers were declared here first; callers rely on it

namespace loopscope {

struct FormatSpec {
    std::string fill = " ";      // one code point, UTF-8 encoded
    char align = 0;              // '<', '>', '^', '=' or 0 (type's default)
    char sign = 0;               // '+', '-', ' ' or 0 (same as '-')
    bool noNegativeZero = false; // 'z': -0.0 after rounding prints as 0.0
    bool alternate = false;      // '#'
    bool zeroPadding = false;    // '0' before the width
    int64_t width = -1;          // -1: none
    char grouping = 0;           // ',', '_' or 0
    int64_t precision = -1;      // -1: none
    char type = 0;               // 'b','c','d','e','E','f','F','g','G','n','o','s','x','X','%' or 0
    uint32_t typeCodePoint = 0;  // the type as written (for messages when it is not ASCII)
};

struct FormatSpecParse {
    bool ok = true;
    FormatSpec spec;
    std::string errorType; // "ValueError"
    std::string error;     // e.g. "Invalid format specifier"
};

// Parses [spec]. [defaultType] is the type the value's __format__ assumes when none is
// given ('d' for int, 's' for str, 0 for float); [defaultAlign] is '>' for numbers and
// '<' for str; [typeName] names the value's type in "Invalid format specifier '...' for
// object of type 'int'".
FormatSpecParse parseFormatSpec(std::string_view spec, char defaultType, char defaultAlign,
                                std::string_view typeName);

// int.__format__ (also bool.__format__ for a non-empty spec: pass "bool" as [typeName]
// so errors name it). Float types ('e','f','g','%',...) convert to float first.
FormatResult formatInt(int64_t value, std::string_view spec, std::string_view typeName = "int");

// An int of any size, as int.__format__ needs it.
struct IntOperand {
    bool negative = false;
    // The digits of the absolute value in base 2, 8, 10 or 16 (lower case), or the error that
    // converting it raises (CPython's limit on decimal digits).
    std::function<FormatResult(int base)> magnitude;
    std::optional<double> asDouble; // float(value); unset: too large for a float
    std::optional<int64_t> small;   // the value when it fits in int64_t
};
FormatResult formatInt(const IntOperand& value, std::string_view spec);

// float.__format__.
FormatResult formatFloat(double value, std::string_view spec);

// str.__format__ for a UTF-8 [value].
FormatResult formatString(std::string_view value, std::string_view spec);

// object.__format__: an empty spec gives [strValue] (the object's str()); any other
// spec is CPython's TypeError "unsupported format string passed to T.__format__".
FormatResult formatObject(std::string_view strValue, std::string_view spec, std::string_view typeName);

} // namespace loopscope
