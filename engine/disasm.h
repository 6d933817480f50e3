#pragma once
// The disassembler: a readable listing of a code object and every code object nested in it,
// in the spirit of CPython's `dis` (line, offset, opcode name, argument, what it refers to).

#include <string>

#include "chunk.h"

namespace loopscope {

class VM;

std::string disassemble(VM& vm, const CodeObj* code);

} // namespace loopscope
