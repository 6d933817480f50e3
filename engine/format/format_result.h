#pragma once
// The result type shared by every formatting function in engine/format/.
// Formatting never throws: a failure carries the Python exception type and
// CPython's exact message, and the VM raises it.

#include <cstdint>
#include <string>
#include <utility>

namespace loopscope {

// A width or precision beyond this many characters fails with MemoryError instead of
// trying to build a string that large (CPython would try, and usually fail the same way).
inline constexpr int64_t kMaxFormattedLength = int64_t{1} << 28;

struct FormatResult {
    bool ok = true;
    std::string text;      // the formatted text when [ok]
    std::string errorType; // "ValueError", "TypeError", ... when not [ok]; "" means a
                           // callback of the VM failed and its exception is already pending
    std::string error;     // the exception's message, exactly as CPython words it

    static FormatResult success(std::string text) { return FormatResult{true, std::move(text), {}, {}}; }
    static FormatResult failure(std::string type, std::string message)
    {
        return FormatResult{false, {}, std::move(type), std::move(message)};
    }
    // The VM's own callback raised; the caller should propagate its pending exception.
    static FormatResult callbackFailed() { return FormatResult{false, {}, {}, {}}; }
};

} // namespace loopscope
