#pragma once
// printf-style formatting: "format % args" for str, as CPython 3.11 does it,
// including %(name)s with a mapping, '*' width/precision, flags "-+ #0", the
// conversions d i u o x X e E f F g G c s r a %, and CPython's error messages.
//
// The VM describes each argument as a PercentArg and answers str()/repr()/ascii()
// for it through a callback, so only the arguments a directive uses get converted.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "format_result.h"
#include "format_spec.h"

namespace loopscope {

struct PercentArg {
    enum class Kind : uint8_t {
        Int,   // int (and bool: set [typeName] "bool"; %s/%r then ask the callback)
        Float, // float
        Str,   // str: [text] holds it, %s uses it directly
        Other, // anything else: only %s, %r, %a work (through the callback)
    };
    Kind kind = Kind::Other;
    int64_t intValue = 0;
    std::shared_ptr<const IntOperand> wideInt; // Kind::Int beyond int64_t: its digits instead
    double floatValue = 0;
    std::string text;     // Kind::Str only
    std::string typeName; // Python type name for error messages: "list", "NoneType", ...
    uint64_t handle = 0;  // opaque to the formatter; handed back to the callbacks
};

struct PercentCallbacks {
    // str(arg) for conversion 's', repr(arg) for 'r', ascii(arg) for 'a'. nullopt means
    // the object's method raised; formatting stops with FormatResult::callbackFailed().
    std::function<std::optional<std::string>(const PercentArg& arg, char conversion)> stringify;
    // For "%(key)s": the mapping's value for [key]. nullopt means the lookup raised (for
    // a missing key the VM raises KeyError itself); formatting stops as above.
    std::function<std::optional<PercentArg>(std::string_view key)> lookupKey;
};

// The right-hand operand of '%' as CPython classifies it.
struct PercentOperand {
    // The tuple's items; or the single non-tuple operand as one item.
    std::vector<PercentArg> items;
    // The operand is a single tuple (its items are the arguments, "not all arguments
    // converted" applies) rather than one non-tuple value.
    bool isTuple = false;
    // The operand is a mapping (not a tuple, not a str): "%(key)s" may look keys up,
    // and unused positional items are not an error.
    bool isMapping = false;
};

// [format] % [operand].
FormatResult percentFormat(std::string_view format, const PercentOperand& operand,
                           const PercentCallbacks& callbacks);

} // namespace loopscope
