#pragma once
// Reading a scenario's bytes as CPython reads a source file: a UTF-8 byte order mark is
// skipped, and bytes that are not UTF-8 are a SyntaxError with CPython's message and line.

#include <optional>
#include <string_view>

#include "syntax_error.h"

namespace loopscope {

// Removes a leading UTF-8 BOM from [source]; returns the SyntaxError CPython reports when the
// rest is not valid UTF-8 ("Non-UTF-8 code starting with '\xe9' in file x.py on line 2, ...").
std::optional<SyntaxError> prepareSource(std::string_view& source, std::string_view filename);

} // namespace loopscope
