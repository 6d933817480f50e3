#include "disasm.h"

#include <cstdio>

#include "vm.h"

namespace loopscope {

static const char* const kCompareNames[] = {"<", "<=", "==", "!=", ">", ">="};
static const char* const kBinaryNames[] = {"+",  "-",  "*", "@", "/", "%", "**",
                                           "<<", ">>", "|", "^", "&", "//"};

// What the argument of [word] refers to, in words, or "".
static std::string describeArg(VM& vm, const CodeObj* code, uint32_t word)
{
    Op op = opOf(word);
    uint32_t arg = argOf(word);
    switch (op) {
    case Op::LOAD_CONST: {
        if (arg >= code->constants.size())
            return "?";
        const Value& v = code->constants[arg];
        if (isKind(v, ObjKind::Code))
            return "<code object " + strText(v.as<CodeObj>()->name) + ">";
        return vm.repr(v);
    }
    case Op::LOAD_FAST:
    case Op::STORE_FAST:
    case Op::DELETE_FAST:
        return arg < code->varnames.size() ? strText(code->varnames[arg]) : "?";
    case Op::LOAD_DEREF:
    case Op::STORE_DEREF:
    case Op::DELETE_DEREF:
    case Op::LOAD_CLOSURE:
    case Op::LOAD_CLASSDEREF: {
        size_t n = code->cellvars.size();
        if (arg < n)
            return strText(code->cellvars[arg]);
        return arg - n < code->freevars.size() ? strText(code->freevars[arg - n]) : "?";
    }
    case Op::LOAD_GLOBAL:
    case Op::STORE_GLOBAL:
    case Op::DELETE_GLOBAL:
    case Op::LOAD_NAME:
    case Op::STORE_NAME:
    case Op::DELETE_NAME:
    case Op::LOAD_ATTR:
    case Op::STORE_ATTR:
    case Op::DELETE_ATTR:
    case Op::LOAD_METHOD:
    case Op::IMPORT_NAME:
    case Op::IMPORT_FROM:
        return arg < code->names.size() ? strText(code->names[arg]) : "?";
    case Op::COMPARE_OP:
        return arg < 6 ? kCompareNames[arg] : "?";
    case Op::BINARY_OP:
        return (arg & 15) < 13 ? std::string(kBinaryNames[arg & 15]) + ((arg & kInplace) ? "=" : "") : "?";
    default:
        if (isJump(op))
            return "to " + std::to_string(arg);
        return "";
    }
}

static void disassembleOne(VM& vm, const CodeObj* code, std::string& out, std::vector<const CodeObj*>& nested)
{
    out += "Disassembly of " + strText(code->qualname) + " (line " + std::to_string(code->firstLine) + "):\n";
    uint32_t lastLine = 0;
    for (uint32_t i = 0; i < code->code.size(); ++i) {
        uint32_t word = code->code[i];
        uint32_t line = code->lines[i];
        char buf[160];
        std::string lineText = line != lastLine ? std::to_string(line) : "";
        lastLine = line;
        Op op = opOf(word);
        std::string detail = describeArg(vm, code, word);
        bool hasArg = op != Op::NOP &&
                      !(opStackEffect(op, 0) == opStackEffect(op, 1) && argOf(word) == 0 && detail.empty());
        if (hasArg)
            std::snprintf(buf, sizeof buf, "%4s %6u %-22s %5u", lineText.c_str(), i, opName(op), argOf(word));
        else
            std::snprintf(buf, sizeof buf, "%4s %6u %s", lineText.c_str(), i, opName(op));
        out += buf;
        if (!detail.empty())
            out += " (" + detail + ")";
        out += "\n";
    }
    for (const Value& c : code->constants)
        if (isKind(c, ObjKind::Code))
            nested.push_back(c.as<CodeObj>());
}

std::string disassemble(VM& vm, const CodeObj* code)
{
    std::string out;
    std::vector<const CodeObj*> pending{code};
    bool first = true;
    while (!pending.empty()) {
        const CodeObj* c = pending.front();
        pending.erase(pending.begin());
        if (!first)
            out += "\n";
        first = false;
        std::vector<const CodeObj*> nested;
        disassembleOne(vm, c, out, nested);
        pending.insert(pending.begin(), nested.begin(), nested.end());
    }
    return out;
}

} // namespace loopscope
