#pragma once
// The compiler: AST (ast.h) in, code objects (chunk.h) out. One pass per scope after the
// symbol table (symtable.h) decided where each name lives.

#include <optional>
#include <string>
#include <string_view>

#include "ast.h"
#include "syntax_error.h"
#include "value.h"

namespace loopscope {

class VM;

struct CompileResult {
    Value code;                       // CodeObj of the module, when ok
    std::optional<SyntaxError> error; // a SyntaxError found while compiling
};

// Compiles [module] (parsed from [source]) into the code object of a module body.
// [hidden] marks prelude code, which tracebacks leave out.
CompileResult compileModule(VM& vm, const Module& module, std::string_view source,
                            const std::string& filename, bool hidden);

// Parses and compiles [source]; a convenience for the VM's importer and the tests.
CompileResult compileSource(VM& vm, std::string_view source, const std::string& filename, bool hidden);

} // namespace loopscope
