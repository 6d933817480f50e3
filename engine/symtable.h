#pragma once
// The symbol table pass (CPython's symtable.c): before compiling, every scope (module, class,
// function, lambda, comprehension) learns where each of its names lives: a fast local, a cell
// captured by an inner function, a free variable of an enclosing function, or a global.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ast.h"
#include "syntax_error.h"

namespace loopscope {

enum class ScopeKind : uint8_t { Module, Class, Function, Lambda, Comprehension };

enum class NameScope : uint8_t { Local, Cell, Free, GlobalExplicit, GlobalImplicit };

struct Scope {
    ScopeKind kind = ScopeKind::Module;
    std::string name;
    Scope* parent = nullptr;
    int line = 0;
    bool isAsync = false;     // async def, or a comprehension with async parts
    bool isGenerator = false; // contains yield
    bool usesAwait = false;
    bool needsClassCell = false;         // class scope: a method uses super() or __class__
    std::vector<std::string> params;     // in order
    std::vector<std::string> localOrder; // locals in first-binding order (params first)
    // Flags collected from the source, then the resolved scope of each name.
    std::unordered_map<std::string, unsigned> flags;
    std::unordered_map<std::string, NameScope> resolved;
    std::vector<std::string> cellvars, freevars; // in the order the compiler numbers them

    NameScope scopeOf(const std::string& name) const;
    bool isFunctionLike() const
    {
        return kind == ScopeKind::Function || kind == ScopeKind::Lambda || kind == ScopeKind::Comprehension;
    }
};

class SymbolTable {
  public:
    // Analyzes [module]. Returns a SyntaxError for misplaced nonlocal/global/await/return/yield.
    std::optional<SyntaxError> build(const Module& module);
    Scope* scopeFor(const void* node) const;
    Scope* moduleScope() const { return module_; }

  private:
    friend class SymbolVisitor;
    std::vector<std::unique_ptr<Scope>> scopes_;
    std::unordered_map<const void*, Scope*> byNode_;
    Scope* module_ = nullptr;
};

} // namespace loopscope
