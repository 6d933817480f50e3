#pragma once
// Code objects: the bytecode of one function, class body or module, with its constants, names
// and line table. Instructions are 32-bit words: opcode in the low 8 bits, argument above.

#include <cstdint>
#include <string>
#include <vector>

#include "object.h"

namespace loopscope {

enum class Op : uint8_t {
#define OP(name, effect, meaning) name,
#include "opcodes.def"
#undef OP
    Count
};

const char* opName(Op op);
int opStackEffect(Op op, uint32_t arg, bool jumping = false);
const char* opMeaning(Op op);

inline uint32_t encode(Op op, uint32_t arg)
{
    return uint32_t(op) | (arg << 8);
}
inline Op opOf(uint32_t word)
{
    return Op(word & 0xff);
}
inline uint32_t argOf(uint32_t word)
{
    return word >> 8;
}
inline bool isJump(Op op)
{
    switch (op) {
    case Op::JUMP:
    case Op::POP_JUMP_IF_FALSE:
    case Op::POP_JUMP_IF_TRUE:
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP:
    case Op::FOR_ITER:
    case Op::SETUP_FINALLY:
    case Op::SETUP_WITH:
    case Op::SETUP_ASYNC_WITH:
    case Op::SEND:
        return true;
    default:
        return false;
    }
}

// The operator of BINARY_OP; the in-place forms (+=) add kInplace.
enum class BinaryOp : uint8_t {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    Or,
    Xor,
    And,
    FloorDiv
};
constexpr uint32_t kInplace = 16;
enum class CompareKind : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

enum CodeFlags : uint32_t {
    kVarargs = 1,
    kVarkw = 2,
    kGenerator = 4,
    kCoroutine = 8,
    kAsyncGenerator = 16,
    kClassBody = 32,
    kModule = 64,
    kUsesLocalsDict = 128, // module and class bodies: names live in a dict
    kHidden = 256,         // prelude code: hidden from tracebacks
};

struct CodeObj final : Obj {
    CodeObj();
    std::vector<uint32_t> code;
    std::vector<uint32_t> lines; // the source line of each instruction (the line table)
    // The source span of the AST node each instruction was compiled for (CPython's positions
    // table): tracebacks draw their ^^^ carets from it. col/endCol are 0-based byte offsets.
    struct Span {
        int32_t col = -1;
        int32_t endLine = 0;
        int32_t endCol = -1;
    };
    std::vector<Span> spans;
    std::vector<Value> constants;
    std::vector<Value> names;     // interned strs: globals, attributes, imports
    std::vector<Value> varnames;  // locals, parameters first
    std::vector<Value> cellvars;  // locals captured by inner functions
    std::vector<Value> freevars;  // variables of enclosing functions
    std::vector<int> cellFromArg; // for each cellvar: the parameter it starts as, or -1
    int argcount = 0;             // positional parameters (incl. positional-only)
    int posonlyargcount = 0;
    int kwonlyargcount = 0;
    uint32_t flags = 0;
    int maxStack = 0;
    int firstLine = 0;
    Value name, qualname;
    std::string filename;
    // LOAD_GLOBAL's inline cache, one entry per instruction, made on first use: where the
    // name was found, valid while neither the globals nor the builtins gained or lost a key.
    struct GlobalCacheEntry {
        uint64_t globalsVersion = 0;
        uint64_t builtinsVersion = 0;
        const Value* slot = nullptr;
    };
    std::vector<GlobalCacheEntry> globalCache;

    int localCount() const { return int(varnames.size()); }
    int slotCount() const { return int(varnames.size() + cellvars.size() + freevars.size()); }
    bool isGeneratorLike() const { return flags & (kGenerator | kCoroutine | kAsyncGenerator); }
    int lineAt(uint32_t ip) const { return ip < lines.size() ? int(lines[ip]) : firstLine; }
    Span spanAt(uint32_t ip) const { return ip < spans.size() ? spans[ip] : Span{}; }
};

} // namespace loopscope
