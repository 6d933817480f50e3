#include "chunk.h"

namespace loopscope {

namespace {
struct OpInfo {
    const char* name;
    int effect;
    const char* meaning;
};
const OpInfo kOps[] = {
#define OP(name, effect, meaning) {#name, effect, meaning},
#include "opcodes.def"
#undef OP
};
} // namespace

const char* opName(Op op)
{
    return op < Op::Count ? kOps[int(op)].name : "?";
}
const char* opMeaning(Op op)
{
    return op < Op::Count ? kOps[int(op)].meaning : "?";
}

// The stack effect of [op] with [arg]; [jumping] selects the effect along the jump edge.
int opStackEffect(Op op, uint32_t arg, bool jumping)
{
    int n = int(arg);
    switch (op) {
    case Op::BUILD_TUPLE:
    case Op::BUILD_LIST:
    case Op::BUILD_SET:
    case Op::BUILD_STRING:
        return 1 - n;
    case Op::BUILD_MAP:
        return 1 - 2 * n;
    case Op::BUILD_SLICE:
        return 1 - n;
    case Op::FORMAT_VALUE:
        return (arg & 4) ? -1 : 0;
    case Op::UNPACK_SEQUENCE:
        return n - 1;
    case Op::UNPACK_EX:
        return int(arg & 0xff) + int(arg >> 8);
    case Op::CALL:
        return -n;
    case Op::CALL_KW:
        return -n - 1;
    case Op::CALL_EX:
        return (arg & 1) ? -2 : -1;
    case Op::CALL_METHOD:
        return -n - 1;
    case Op::CALL_METHOD_KW:
        return -n - 2;
    case Op::MAKE_FUNCTION:
        return -((arg & 1) ? 1 : 0) - ((arg & 2) ? 1 : 0) - ((arg & 8) ? 1 : 0);
    case Op::RAISE_VARARGS:
        return -n;
    case Op::FOR_ITER:
        return jumping ? -1 : 1;
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP:
        return jumping ? 0 : -1;
    case Op::SEND:
        return jumping ? -1 : 0;
    case Op::SETUP_FINALLY:
        return jumping ? 1 : 0;
    case Op::SETUP_WITH:
        return jumping ? 1 : 1;
    default:
        return op < Op::Count ? kOps[int(op)].effect : 0;
    }
}

} // namespace loopscope
