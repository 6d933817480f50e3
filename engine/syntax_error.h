#pragma once
// A SyntaxError (or IndentationError / TabError) found while reading a scenario, shaped like
// CPython 3.11's exception object so that it can be printed exactly as `python3 file.py` does.

#include <string>
#include <string_view>

namespace loopscope {

struct SyntaxError {
    std::string type = "SyntaxError"; // "SyntaxError", "IndentationError" or "TabError"
    std::string message;              // e.g. "expected ':'"
    int line = 0;                     // 1-based
    int offset = 0;                   // 1-based character column of the first caret, 0 = none
    int endLine = 0;                  // 1-based; equal to line for one-line errors
    int endOffset = 0;                // 1-based column just past the last caret; 0 or -1 = one caret
    std::string text;                 // the source line [line], without its newline
    bool messageOnly = false;         // printed as "Type: message" alone (a file that is not UTF-8)
};

// The error as CPython 3.11 prints it on stderr, ending in a newline:
//   File "demo.py", line 3
//     def myFunc2()
//                  ^
// SyntaxError: expected ':'
std::string formatSyntaxError(const SyntaxError& error, std::string_view filename);

} // namespace loopscope
