// parse_tool FILE: prints the AST of FILE as dumpAst() writes it (exit status 0), or its
// SyntaxError as "Type|message|line|offset|endLine|endOffset" followed by the error as
// CPython prints it (exit status 1). compare_with_cpython.py drives it; it is handy by hand too.

#include <fstream>
#include <iostream>
#include <sstream>

#include "parser.h"

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: parse_tool FILE\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "cannot read " << argv[1] << "\n";
        return 2;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    loopscope::ParseResult result = loopscope::parseModule(buffer.str());
    if (result.ok()) {
        std::cout << loopscope::dumpAst(*result.module) << "\n";
        return 0;
    }
    const loopscope::SyntaxError& e = *result.error;
    std::cout << e.type << "|" << e.message << "|" << e.line << "|" << e.offset << "|" << e.endLine << "|"
              << e.endOffset << "\n"
              << loopscope::formatSyntaxError(e, argv[1]);
    return 1;
}
