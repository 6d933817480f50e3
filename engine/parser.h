#pragma once
// The parser: scenario source text in, an AST (ast.h) or a CPython-shaped SyntaxError out.

#include <memory>
#include <optional>
#include <string_view>

#include "ast.h"
#include "syntax_error.h"

namespace loopscope {

struct ParseResult {
    std::unique_ptr<Module> module;   // set when the source parsed
    std::optional<SyntaxError> error; // set otherwise (module is then null)
    bool ok() const { return module != nullptr; }
};

// Parses a whole file. Errors are CPython 3.11's: its messages, lines and columns, tokenizer
// errors taking precedence as in CPython. Besides syntax, the parser makes the compiler-stage
// checks CPython makes without a symbol table ('return'/'yield' outside function, 'await'
// outside async function, 'break'/'continue' outside loop, async for/with/comprehensions
// outside async functions, starred targets, repeated keyword arguments, duplicate parameters),
// reporting them only when the file parsed. Name-binding checks (global/nonlocal) are left to
// the symbol table. Constructs that are valid Python but outside Loopscope's subset are refused
// with a SyntaxError whose message begins "Loopscope does not support".
ParseResult parseModule(std::string_view source);

} // namespace loopscope
