#pragma once
// The lexer: Python 3.11's tokenizer for scenario source. It produces the whole token vector
// at once (NEWLINE, INDENT and DEDENT included, brackets joining lines, backslash
// continuations) and stops at the first error, which it records the way CPython's tokenizer
// reports it. String and number tokens are only delimited and checked here; the parser decodes
// their values (strings with describeStringToken and decodeEscapes below).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax_error.h"
#include "token.h"

namespace loopscope {

// Where an unclosed bracket was opened, for "'(' was never closed".
struct OpenBracket {
    char bracket = '(';
    int line = 0;
    int col = 0; // 0-based byte column
};

struct LexResult {
    std::vector<Token> tokens; // ends with EndMarker, or with LexError when [error] is set
    std::optional<SyntaxError> error;
    bool errorAtEndOfFile = false; // the error is "unexpected EOF while parsing"
    // Set when the file ended inside brackets: the innermost one still open.
    std::optional<OpenBracket> unclosedAtEnd;
    std::vector<uint32_t> lineStarts; // byte offset where each line begins; index 0 is line 1
};

LexResult tokenize(std::string_view source);

// The text of 1-based [line] of [source] without its line break ("" past the end).
std::string_view sourceLine(std::string_view source, const std::vector<uint32_t>& lineStarts, int line);

// The number of characters (UTF-8 code points) in the first [byteCol] bytes of [lineText].
int characterColumn(std::string_view lineText, int byteCol);

// What a string token's prefix says about it.
struct StringTokenInfo {
    bool raw = false;
    bool bytes = false;
    bool formatted = false;
    int prefixLength = 0;
    int quoteLength = 1;    // 1 or 3
    std::string_view body;  // between the quotes
    uint32_t bodyStart = 0; // byte offset of body in the source
};
StringTokenInfo describeStringToken(std::string_view tokenText, uint32_t tokenStart);

// Decodes the escapes of a non-raw string body. Returns false and sets [errorMessage] (CPython's
// "(unicode error) ..." wording) when an escape is malformed or refused.
bool decodeEscapes(std::string_view body, bool isBytes, std::string& out, std::string& errorMessage);

} // namespace loopscope
