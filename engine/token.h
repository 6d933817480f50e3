#pragma once
// Tokens of the scenario language (Python 3.11's lexical grammar). The lexer (lexer.h) turns
// source text into a vector of these; the parser reads them with unlimited lookahead.

#include <cstdint>
#include <string_view>

namespace loopscope {

// One list defines every token kind: X(enumerator, spelling). Keywords and operators are
// recognised by their spelling; the other kinds have an empty one.
#define LOOPSCOPE_TOKENS(X)                                                                                  \
    X(EndMarker, "")                                                                                         \
    X(Name, "")                                                                                              \
    X(Number, "")                                                                                            \
    X(String, "")                                                                                            \
    X(Newline, "")                                                                                           \
    X(Indent, "")                                                                                            \
    X(Dedent, "")                                                                                            \
    X(LexError, "") /* stands where the lexer stopped; the parser reports its error */                       \
    X(Unknown, "")  /* a character no rule accepts, such as '$' or '?' */                                    \
    /* operators and delimiters */                                                                           \
    X(LPar, "(")                                                                                             \
    X(RPar, ")")                                                                                             \
    X(LSqb, "[")                                                                                             \
    X(RSqb, "]")                                                                                             \
    X(LBrace, "{")                                                                                           \
    X(RBrace, "}")                                                                                           \
    X(Colon, ":")                                                                                            \
    X(ColonEqual, ":=")                                                                                      \
    X(Comma, ",")                                                                                            \
    X(Semi, ";")                                                                                             \
    X(Plus, "+")                                                                                             \
    X(Minus, "-")                                                                                            \
    X(Star, "*")                                                                                             \
    X(DoubleStar, "**")                                                                                      \
    X(Slash, "/")                                                                                            \
    X(DoubleSlash, "//")                                                                                     \
    X(VBar, "|")                                                                                             \
    X(Amper, "&")                                                                                            \
    X(Less, "<")                                                                                             \
    X(Greater, ">")                                                                                          \
    X(Equal, "=")                                                                                            \
    X(Dot, ".")                                                                                              \
    X(Ellipsis, "...")                                                                                       \
    X(Percent, "%")                                                                                          \
    X(EqEqual, "==")                                                                                         \
    X(NotEqual, "!=")                                                                                        \
    X(LessEqual, "<=")                                                                                       \
    X(GreaterEqual, ">=")                                                                                    \
    X(Tilde, "~")                                                                                            \
    X(Circumflex, "^")                                                                                       \
    X(LeftShift, "<<")                                                                                       \
    X(RightShift, ">>")                                                                                      \
    X(At, "@")                                                                                               \
    X(RArrow, "->")                                                                                          \
    X(PlusEqual, "+=")                                                                                       \
    X(MinEqual, "-=")                                                                                        \
    X(StarEqual, "*=")                                                                                       \
    X(SlashEqual, "/=")                                                                                      \
    X(PercentEqual, "%=")                                                                                    \
    X(AmperEqual, "&=")                                                                                      \
    X(VBarEqual, "|=")                                                                                       \
    X(CircumflexEqual, "^=")                                                                                 \
    X(LeftShiftEqual, "<<=")                                                                                 \
    X(RightShiftEqual, ">>=")                                                                                \
    X(DoubleStarEqual, "**=")                                                                                \
    X(DoubleSlashEqual, "//=")                                                                               \
    X(AtEqual, "@=")                                                                                         \
    X(Exclamation, "!") /* only meaningful inside f-string replacement fields */                             \
    /* keywords */                                                                                           \
    X(KwFalse, "False")                                                                                      \
    X(KwNone, "None")                                                                                        \
    X(KwTrue, "True")                                                                                        \
    X(KwAnd, "and")                                                                                          \
    X(KwAs, "as")                                                                                            \
    X(KwAssert, "assert")                                                                                    \
    X(KwAsync, "async")                                                                                      \
    X(KwAwait, "await")                                                                                      \
    X(KwBreak, "break")                                                                                      \
    X(KwClass, "class")                                                                                      \
    X(KwContinue, "continue")                                                                                \
    X(KwDef, "def")                                                                                          \
    X(KwDel, "del")                                                                                          \
    X(KwElif, "elif")                                                                                        \
    X(KwElse, "else")                                                                                        \
    X(KwExcept, "except")                                                                                    \
    X(KwFinally, "finally")                                                                                  \
    X(KwFor, "for")                                                                                          \
    X(KwFrom, "from")                                                                                        \
    X(KwGlobal, "global")                                                                                    \
    X(KwIf, "if")                                                                                            \
    X(KwImport, "import")                                                                                    \
    X(KwIn, "in")                                                                                            \
    X(KwIs, "is")                                                                                            \
    X(KwLambda, "lambda")                                                                                    \
    X(KwNonlocal, "nonlocal")                                                                                \
    X(KwNot, "not")                                                                                          \
    X(KwOr, "or")                                                                                            \
    X(KwPass, "pass")                                                                                        \
    X(KwRaise, "raise")                                                                                      \
    X(KwReturn, "return")                                                                                    \
    X(KwTry, "try")                                                                                          \
    X(KwWhile, "while")                                                                                      \
    X(KwWith, "with")                                                                                        \
    X(KwYield, "yield")

enum class TokenKind : uint8_t {
#define LOOPSCOPE_TOKEN_ENUM(name, spelling) name,
    LOOPSCOPE_TOKENS(LOOPSCOPE_TOKEN_ENUM)
#undef LOOPSCOPE_TOKEN_ENUM
};

// The spelling of [kind] ("(", "while"), or its name for kinds without one ("Name").
const char* tokenKindName(TokenKind kind);

inline bool isKeyword(TokenKind kind)
{
    return kind >= TokenKind::KwFalse;
}

struct Token {
    TokenKind kind = TokenKind::EndMarker;
    uint32_t start = 0; // byte offset of the first character in the source
    uint32_t end = 0;   // byte offset just past the token
    int line = 0;       // 1-based
    int col = 0;        // 0-based byte column
    int endLine = 0;
    int endCol = 0;
    int level = 0; // bracket nesting depth in effect after this token
};

} // namespace loopscope
