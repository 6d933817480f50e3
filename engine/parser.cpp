// The parser: recursive descent over the token vector, one function per grammar rule of
// CPython 3.11's Grammar/python.gram (simplified where the subset allows). Errors are reported
// with CPython's messages and locations: the specific messages of its `invalid_*` rules for the
// common mistakes, "invalid syntax" at the furthest token looked at otherwise, tokenizer errors
// taking precedence as they do in CPython, and the compiler's checks ('return' outside function,
// 'await' outside async function, ...) reported only when the whole file parsed.

#include "parser.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <limits>

#include "bigint.h"
#include "engine_stack.h"
#include "lexer.h"
#include "memory_budget.h"

namespace loopscope {
namespace {

// Thrown to unwind the recursive descent once [Parser::error_] holds the error.
struct ParseFailure {};

// What kind of scope encloses the code being parsed, for the compiler-level checks.
enum class FrameKind : uint8_t { Module, Class, Function, AsyncFunction, Lambda };

struct Frame {
    FrameKind kind;
    int loopDepth = 0;
};

// State shared between a parser and the sub-parsers of its f-string replacement fields.
struct SharedState {
    std::vector<Frame> frames{{FrameKind::Module}};
    std::optional<SyntaxError> symtableError; // reported first, like CPython's symtable pass
    std::optional<SyntaxError> compilerError; // the first compiler-stage error in source order
};

// CPython 3.11's parser gives up with a bare MemoryError past 6000 levels of its own rules
// (MAXSTACK). DepthGuard units approximate those levels for what can nest without brackets
// (brackets stop at 200 in the lexer): one per `not`, unary operator and conditional
// expression, two per `**` and lambda; the limit puts `x = not not ... a` at CPython's
// threshold of 5967 `not`s. Below it the compiler's limit (compiler.h) applies.
constexpr int kMaxParserLevels = 5972;
constexpr int kMaxFStringNesting = 2;

class Parser {
  public:
    Parser(std::string_view source, const LexResult& lex, Module& module, SharedState& shared)
        : src_(source), lex_(lex), tokens_(lex.tokens), module_(module), shared_(shared),
          errorSource_(source), errorLines_(&lex.lineStarts)
    {
    }

    std::optional<SyntaxError> error_;
    int furthestLine() const { return tokens_[furthest_].line; }
    int currentLine() const { return tokens_[pos_ < tokens_.size() ? pos_ : tokens_.size() - 1].line; }
    bool errorFromLexer_ = false;
    bool errorExempt_ = false; // "unexpected indent" and EOF errors: tokenizer errors do not replace them

    // file: [statements] ENDMARKER
    void parseFile()
    {
        while (peek().kind != TokenKind::EndMarker)
            statement(module_.body);
    }

    // fstring_expr: star_expressions ')' (the source is "(" + padding + expression + ")")
    Expr* parseFStringExpression()
    {
        expect(TokenKind::LPar);
        Expr* e = starExpressionsOrYield();
        if (peek().kind != TokenKind::RPar)
            failGeneric();
        advance();
        if (peek().kind != TokenKind::Newline && peek().kind != TokenKind::EndMarker)
            failGeneric();
        return e;
    }

  private:
    // -- Tokens -------------------------------------------------------------------

    const Token& peek(int ahead = 0)
    {
        size_t index = pos_ + ahead;
        if (index >= tokens_.size())
            index = tokens_.size() - 1;
        if (index > furthest_)
            furthest_ = index;
        const Token& token = tokens_[index];
        if (token.kind == TokenKind::LexError) {
            error_ = lex_.error;
            errorFromLexer_ = true;
            errorExempt_ = lex_.errorAtEndOfFile;
            throw ParseFailure{};
        }
        if (token.kind == TokenKind::EndMarker && lex_.unclosedAtEnd)
            failUnclosedBracket();
        return token;
    }

    bool check(TokenKind kind, int ahead = 0) { return peek(ahead).kind == kind; }

    const Token& advance()
    {
        const Token& token = peek();
        if (pos_ + 1 < tokens_.size())
            ++pos_;
        return token;
    }

    bool accept(TokenKind kind)
    {
        if (!check(kind))
            return false;
        advance();
        return true;
    }

    const Token& expect(TokenKind kind)
    {
        if (!check(kind))
            failGeneric();
        return advance();
    }

    const Token& previous() const { return tokens_[pos_ > 0 ? pos_ - 1 : 0]; }

    std::string tokenText(const Token& token) const
    {
        return std::string(src_.substr(token.start, token.end - token.start));
    }

    bool isName(const Token& token, const char* word) const
    {
        return token.kind == TokenKind::Name && src_.substr(token.start, token.end - token.start) == word;
    }

    // -- Node construction --------------------------------------------------------

    template <typename T> T* node(const Token& first)
    {
        T* n = module_.arena.make<T>();
        n->line = first.line;
        n->col = first.col;
        n->endLine = first.endLine;
        n->endCol = first.endCol;
        return n;
    }

    template <typename T> T* nodeAt(const SourceSpan& first)
    {
        T* n = module_.arena.make<T>();
        n->line = first.line;
        n->col = first.col;
        return n;
    }

    // Ends [n] where the last consumed token ends.
    template <typename T> T* finish(T* n)
    {
        const Token& last = previous();
        n->endLine = last.endLine;
        n->endCol = last.endCol;
        return n;
    }

    static void spanTo(SourceSpan* n, const SourceSpan& last)
    {
        n->endLine = last.endLine;
        n->endCol = last.endCol;
    }

    // -- Errors -------------------------------------------------------------------

    SyntaxError makeError(const char* type, std::string message, int line, int col, int endLine, int endCol)
    {
        SyntaxError error;
        error.type = type;
        error.message = std::move(message);
        error.line = line;
        error.endLine = endLine;
        std::string_view text = sourceLine(errorSource_, *errorLines_, line);
        error.text = std::string(text);
        error.offset = characterColumn(text, col) + 1;
        error.endOffset = characterColumn(sourceLine(errorSource_, *errorLines_, endLine), endCol) + 1;
        return error;
    }

    [[noreturn]] void raise(SyntaxError error, bool exempt = false)
    {
        error_ = std::move(error);
        errorExempt_ = exempt;
        throw ParseFailure{};
    }

    // An error located at [token], the way CPython locates errors at its last token.
    SyntaxError errorAtToken(const Token& token, std::string message, const char* type = "SyntaxError")
    {
        if (token.kind == TokenKind::Indent || token.kind == TokenKind::Dedent ||
            token.kind == TokenKind::EndMarker) {
            SyntaxError error =
                makeError(type, std::move(message), token.line, token.col, token.line, token.col);
            error.offset -= 1; // CPython reports the raw column for these zero-width tokens
            error.endOffset = -1;
            return error;
        }
        SyntaxError error =
            makeError(type, std::move(message), token.line, token.col, token.endLine, token.endCol);
        if (token.kind == TokenKind::Newline)
            error.endOffset = error.offset;
        return error;
    }

    // [from] and [to] are nodes or tokens: anything with line/col/endLine/endCol.
    template <typename From, typename To>
    SyntaxError errorAtRange(const From& from, const To& to, std::string message)
    {
        return makeError("SyntaxError", std::move(message), from.line, from.col, to.endLine, to.endCol);
    }

    template <typename Span> SyntaxError errorAtNode(const Span& n, std::string message)
    {
        return errorAtRange(n, n, std::move(message));
    }

    // "invalid syntax" at the furthest token looked at, or CPython's indentation messages
    // when that token is an INDENT or DEDENT.
    [[noreturn]] void failGeneric()
    {
        const Token& token = tokens_[furthest_];
        if (token.kind == TokenKind::Indent)
            raise(errorAtToken(token, "unexpected indent", "IndentationError"), true);
        if (token.kind == TokenKind::Dedent)
            raise(errorAtToken(token, "unexpected unindent", "IndentationError"), true);
        raise(errorAtToken(token, "invalid syntax"));
    }

    [[noreturn]] void failUnclosedBracket()
    {
        const OpenBracket& open = *lex_.unclosedAtEnd;
        char message[40];
        std::snprintf(message, sizeof message, "'%c' was never closed", open.bracket);
        SyntaxError error = makeError("SyntaxError", message, open.line, open.col, open.line, open.col);
        error.endOffset = 0;
        raise(std::move(error), true);
    }

    template <typename Span> [[noreturn]] void refuse(const Span& where, const std::string& what)
    {
        raise(errorAtNode(where, "Loopscope does not support " + what));
    }

    // Keeps the compiler-stage error that comes first in the file, as CPython's compiler walks
    // the tree in source order.
    void deferCompilerError(SyntaxError error)
    {
        const auto& current = shared_.compilerError;
        if (!current || error.line < current->line ||
            (error.line == current->line && error.offset < current->offset))
            shared_.compilerError = std::move(error);
    }

    void deferSymtableError(SyntaxError error)
    {
        if (!shared_.symtableError)
            shared_.symtableError = std::move(error);
    }

    Frame& frame() { return shared_.frames.back(); }

    // Guards recursion depth so that no input can overflow the C++ stack (kMaxParserLevels).
    struct DepthGuard {
        Parser& parser;
        int units;
        explicit DepthGuard(Parser& p, int u = 1) : parser(p), units(u)
        {
            parser.depth_ += units;
            if (parser.depth_ > kMaxParserLevels || engineStackExhausted())
                parser.stackOverflow();
        }
        ~DepthGuard() { parser.depth_ -= units; }
    };

    // CPython stops at once, without looking further for syntax errors, and prints a bare
    // MemoryError; Loopscope names the line and says why.
    [[noreturn]] void stackOverflow()
    {
        SyntaxError error;
        error.type = "MemoryError";
        error.message = "the parser's stack overflowed: the source is nested too deeply to parse";
        error.line = error.endLine = peek().line;
        overflowed_ = true;
        raise(std::move(error), true);
    }

    // -- Statements ---------------------------------------------------------------

    // statement: compound_stmt | simple_stmts
    void statement(StmtList& out)
    {
        DepthGuard guard(*this);
        const Token& t = peek();
        switch (t.kind) {
        case TokenKind::KwDef:
            out.push_back(functionDef({}, nullptr));
            return;
        case TokenKind::KwClass:
            out.push_back(classDef({}, nullptr));
            return;
        case TokenKind::At:
            out.push_back(decorated());
            return;
        case TokenKind::KwIf:
            out.push_back(ifStatement());
            return;
        case TokenKind::KwWhile:
            out.push_back(whileStatement());
            return;
        case TokenKind::KwFor:
            out.push_back(forStatement(nullptr));
            return;
        case TokenKind::KwTry:
            out.push_back(tryStatement());
            return;
        case TokenKind::KwWith:
            out.push_back(withStatement(nullptr));
            return;
        case TokenKind::KwAsync: {
            const Token& asyncToken = advance();
            if (check(TokenKind::KwDef))
                out.push_back(functionDef({}, &asyncToken));
            else if (check(TokenKind::KwFor))
                out.push_back(forStatement(&asyncToken));
            else if (check(TokenKind::KwWith))
                out.push_back(withStatement(&asyncToken));
            else
                failGeneric();
            return;
        }
        default:
            if (t.kind == TokenKind::Name && isName(t, "match") && looksLikeMatchStatement())
                refuse(t, "the match statement (use if/elif instead)");
            simpleStatements(out);
        }
    }

    // A `match subject:` header: the logical line starts with the soft keyword `match`, is not
    // an assignment to a variable called match, and ends with a colon.
    bool looksLikeMatchStatement() const
    {
        TokenKind next = tokens_[std::min(pos_ + 1, tokens_.size() - 1)].kind;
        if (next == TokenKind::Equal || next == TokenKind::Colon || next == TokenKind::Dot ||
            next == TokenKind::Newline || next == TokenKind::Comma)
            return false;
        for (size_t i = pos_ + 1; i + 1 < tokens_.size(); ++i) {
            if (tokens_[i].kind == TokenKind::Newline || tokens_[i].kind == TokenKind::LexError)
                return tokens_[i - 1].kind == TokenKind::Colon;
        }
        return false;
    }

    // simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
    void simpleStatements(StmtList& out)
    {
        while (true) {
            out.push_back(simpleStatement());
            if (accept(TokenKind::Semi)) {
                if (check(TokenKind::Newline))
                    break;
                continue;
            }
            break;
        }
        if (!check(TokenKind::Newline))
            failGeneric();
        advance();
    }

    Stmt* simpleStatement()
    {
        const Token& t = peek();
        switch (t.kind) {
        case TokenKind::KwPass:
            advance();
            return finish(node<PassStmt>(t));
        case TokenKind::KwBreak:
        case TokenKind::KwContinue: {
            advance();
            Stmt* s = t.kind == TokenKind::KwBreak ? static_cast<Stmt*>(finish(node<BreakStmt>(t)))
                                                   : static_cast<Stmt*>(finish(node<ContinueStmt>(t)));
            if (frame().loopDepth == 0)
                deferCompilerError(errorAtNode(*s, t.kind == TokenKind::KwBreak
                                                       ? "'break' outside loop"
                                                       : "'continue' not properly in loop"));
            return s;
        }
        case TokenKind::KwReturn:
            return returnStatement();
        case TokenKind::KwRaise:
            return raiseStatement();
        case TokenKind::KwGlobal:
        case TokenKind::KwNonlocal:
            return globalStatement();
        case TokenKind::KwDel:
            return delStatement();
        case TokenKind::KwAssert:
            return assertStatement();
        case TokenKind::KwImport:
            return importStatement();
        case TokenKind::KwFrom:
            return fromImportStatement();
        default:
            return expressionStatement();
        }
    }

    // return_stmt: 'return' [star_expressions]
    Stmt* returnStatement()
    {
        auto* s = node<ReturnStmt>(advance());
        if (startsExpression(peek()) || check(TokenKind::Star))
            s->value = starExpressions();
        finish(s);
        checkNotStarred(s->value);
        FrameKind kind = frame().kind;
        if (kind != FrameKind::Function && kind != FrameKind::AsyncFunction)
            deferCompilerError(errorAtNode(*s, "'return' outside function"));
        return s;
    }

    // raise_stmt: 'raise' [expression ['from' expression]]
    Stmt* raiseStatement()
    {
        auto* s = node<RaiseStmt>(advance());
        if (startsExpression(peek())) {
            s->exc = expression();
            if (accept(TokenKind::KwFrom))
                s->cause = expression();
        }
        return finish(s);
    }

    // global_stmt: 'global' NAME (',' NAME)*   nonlocal_stmt: 'nonlocal' NAME (',' NAME)*
    Stmt* globalStatement()
    {
        const Token& keyword = advance();
        std::vector<std::string> names;
        do {
            names.push_back(tokenText(expect(TokenKind::Name)));
        } while (accept(TokenKind::Comma));
        if (keyword.kind == TokenKind::KwGlobal) {
            auto* s = node<GlobalStmt>(keyword);
            s->names = std::move(names);
            return finish(s);
        }
        auto* s = node<NonlocalStmt>(keyword);
        s->names = std::move(names);
        // "nonlocal declaration not allowed at module level" is left to the symbol table, which
        // also knows whether the name was assigned first (CPython reports that instead).
        return finish(s);
    }

    // del_stmt: 'del' del_targets
    Stmt* delStatement()
    {
        auto* s = node<DeleteStmt>(advance());
        do {
            if (check(TokenKind::Star)) {
                auto* starred = node<StarredExpr>(advance());
                starred->value = bitwiseOr();
                raise(errorAtNode(*finish(starred), "cannot delete starred"));
            }
            if (!startsExpression(peek()))
                break;
            Expr* target = bitwiseOr();
            if (const Expr* bad = invalidTarget(target, true))
                raise(errorAtNode(*bad, std::string("cannot delete ") + expressionName(bad)));
            setContext(target, ExprContext::Del);
            s->targets.push_back(target);
        } while (accept(TokenKind::Comma));
        if (s->targets.empty())
            failGeneric();
        return finish(s);
    }

    // assert_stmt: 'assert' expression [',' expression]
    Stmt* assertStatement()
    {
        auto* s = node<AssertStmt>(advance());
        s->test = expression();
        if (accept(TokenKind::Comma))
            s->msg = expression();
        return finish(s);
    }

    // dotted_name: NAME ('.' NAME)*
    std::string dottedName()
    {
        std::string name = tokenText(expect(TokenKind::Name));
        while (accept(TokenKind::Dot))
            name += "." + tokenText(expect(TokenKind::Name));
        return name;
    }

    // import_name: 'import' dotted_as_name (',' dotted_as_name)*
    Stmt* importStatement()
    {
        auto* s = node<ImportStmt>(advance());
        do {
            auto* alias = node<Alias>(peek());
            alias->name = dottedName();
            if (accept(TokenKind::KwAs))
                alias->asname = tokenText(expect(TokenKind::Name));
            s->names.push_back(finish(alias));
        } while (accept(TokenKind::Comma));
        return finish(s);
    }

    // import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
    Stmt* fromImportStatement()
    {
        auto* s = node<ImportFromStmt>(advance());
        while (check(TokenKind::Dot) || check(TokenKind::Ellipsis))
            s->level += advance().kind == TokenKind::Dot ? 1 : 3;
        if (!check(TokenKind::KwImport))
            s->module = dottedName();
        const Token& importToken = expect(TokenKind::KwImport);
        if (s->level > 0)
            refuse(*finish(s), "relative imports (scenarios are single files)");
        if (check(TokenKind::Star)) {
            advance();
            refuse(importToken, "'from " + s->module + " import *'; import the names you use");
        }
        bool parenthesized = accept(TokenKind::LPar);
        do {
            if (parenthesized && check(TokenKind::RPar))
                break;
            auto* alias = node<Alias>(peek());
            alias->name = tokenText(expect(TokenKind::Name));
            if (accept(TokenKind::KwAs))
                alias->asname = tokenText(expect(TokenKind::Name));
            s->names.push_back(finish(alias));
            if (!parenthesized && check(TokenKind::Comma) && check(TokenKind::Newline, 1)) {
                advance();
                raise(errorAtToken(peek(), "trailing comma not allowed without surrounding parentheses"));
            }
        } while (accept(TokenKind::Comma));
        if (parenthesized)
            expect(TokenKind::RPar);
        return finish(s);
    }

    // expression_stmt, assignment, augmented and annotated assignment:
    //   star_expressions | (star_targets '=')+ (yield_expr | star_expressions)
    //   | single_target augassign (yield_expr | star_expressions)
    //   | single_target ':' expression ['=' (yield_expr | star_expressions)]
    Stmt* expressionStatement()
    {
        const Token& first = peek();
        Expr* e = starExpressionsOrYield();
        const Token& next = peek();
        if (next.kind == TokenKind::Equal)
            return assignment(first, e);
        if (next.kind == TokenKind::Colon)
            return annotatedAssignment(first, e);
        if (auto op = augmentedOperator(next.kind))
            return augmentedAssignment(first, e, *op);
        auto* s = node<ExprStmt>(first);
        s->value = e;
        checkNotStarred(e);
        return finish(s);
    }

    Stmt* assignment(const Token& first, Expr* firstTarget)
    {
        auto* s = node<AssignStmt>(first);
        std::vector<Expr*> chain{firstTarget};
        while (accept(TokenKind::Equal)) {
            if (!startsExpression(peek()) && !check(TokenKind::Star) && !check(TokenKind::KwYield))
                failGeneric();
            chain.push_back(starExpressionsOrYield());
        }
        for (size_t i = 0; i + 1 < chain.size(); ++i) {
            Expr* target = chain[i];
            if (target->kind == ExprKind::Yield || target->kind == ExprKind::YieldFrom)
                raise(errorAtNode(*target, "assignment to yield expression not possible"));
            if (const Expr* bad = invalidTarget(target, false)) {
                if (i == 0 && isMaybeComparison(target, chain[1]))
                    raise(errorAtNode(*target, std::string("cannot assign to ") + expressionName(target) +
                                                   " here. Maybe you meant '==' instead of '='?"));
                raise(errorAtNode(*bad, std::string("cannot assign to ") + expressionName(bad)));
            }
            setContext(target, ExprContext::Store);
            checkStarredTargets(target);
            s->targets.push_back(target);
        }
        s->value = chain.back();
        checkNotStarred(s->value);
        return finish(s);
    }

    // The compiler's check that a lone `*x` is not used as a value (`x = *a`, `return *a`).
    void checkNotStarred(const Expr* value)
    {
        if (value && value->kind == ExprKind::Starred)
            deferCompilerError(errorAtNode(*value, "can't use starred expression here"));
    }

    // CPython's invalid_named_expression: `1 = x` reads like a comparison with a typo, unless the
    // left side is a display or a singleton or the right side continues with another '='.
    bool isMaybeComparison(const Expr* target, const Expr* value) const
    {
        if (target->kind == ExprKind::List || target->kind == ExprKind::Tuple ||
            target->kind == ExprKind::GeneratorExp)
            return false;
        if (target->kind == ExprKind::Constant) {
            auto kind = target->as<ConstantExpr>()->constantKind;
            if (kind == ConstantKind::None || kind == ConstantKind::Bool)
                return false;
        }
        if (!isBitwiseOrLevel(target))
            return false;
        const Expr* head = value;
        if (value->kind == ExprKind::Tuple && !value->as<TupleExpr>()->parenthesized &&
            !value->as<TupleExpr>()->elts.empty())
            head = value->as<TupleExpr>()->elts.front();
        return isBitwiseOrLevel(head) && tokens_[pos_].kind != TokenKind::Equal &&
               tokens_[pos_].kind != TokenKind::ColonEqual;
    }

    static bool isBitwiseOrLevel(const Expr* e)
    {
        switch (e->kind) {
        case ExprKind::Compare:
        case ExprKind::BoolOp:
        case ExprKind::IfExp:
        case ExprKind::Lambda:
        case ExprKind::Starred:
        case ExprKind::Yield:
        case ExprKind::YieldFrom:
        case ExprKind::NamedExpr:
            return false;
        case ExprKind::UnaryOp:
            return e->as<UnaryOpExpr>()->op != UnaryOperator::Not;
        case ExprKind::Tuple:
            return e->as<TupleExpr>()->parenthesized;
        default:
            return true;
        }
    }

    // The compiler's checks on starred assignment targets.
    void checkStarredTargets(Expr* target)
    {
        if (target->kind == ExprKind::Starred) {
            deferCompilerError(errorAtNode(*target, "starred assignment target must be in a list or tuple"));
            return;
        }
        const std::vector<Expr*>* elts = nullptr;
        if (target->kind == ExprKind::Tuple)
            elts = &target->as<TupleExpr>()->elts;
        else if (target->kind == ExprKind::List)
            elts = &target->as<ListExpr>()->elts;
        if (!elts)
            return;
        int starred = 0;
        for (Expr* e : *elts) {
            if (e->kind == ExprKind::Starred) {
                ++starred;
                checkStarredTargets(e->as<StarredExpr>()->value);
            } else {
                checkStarredTargets(e);
            }
        }
        if (starred > 1)
            deferCompilerError(errorAtNode(*target, "multiple starred expressions in assignment"));
    }

    Stmt* annotatedAssignment(const Token& first, Expr* target)
    {
        if (target->kind == ExprKind::Tuple)
            raise(errorAtNode(*target, "only single target (not tuple) can be annotated"));
        if (target->kind == ExprKind::List)
            raise(errorAtNode(*target, "only single target (not list) can be annotated"));
        if (target->kind != ExprKind::Name && target->kind != ExprKind::Attribute &&
            target->kind != ExprKind::Subscript)
            raise(errorAtNode(*target, "illegal target for annotation"));
        advance();
        auto* s = node<AnnAssignStmt>(first);
        setContext(target, ExprContext::Store);
        s->target = target;
        s->simple = target->kind == ExprKind::Name && first.kind != TokenKind::LPar;
        s->annotation = expression();
        if (accept(TokenKind::Equal))
            s->value = starExpressionsOrYield();
        return finish(s);
    }

    Stmt* augmentedAssignment(const Token& first, Expr* target, BinaryOperator op)
    {
        if (target->kind != ExprKind::Name && target->kind != ExprKind::Attribute &&
            target->kind != ExprKind::Subscript)
            raise(errorAtNode(*target, std::string("'") + expressionName(target) +
                                           "' is an illegal expression for augmented assignment"));
        advance();
        auto* s = node<AugAssignStmt>(first);
        setContext(target, ExprContext::Store);
        s->target = target;
        s->op = op;
        if (!startsExpression(peek()) && !check(TokenKind::Star) && !check(TokenKind::KwYield))
            failGeneric();
        s->value = starExpressionsOrYield();
        return finish(s);
    }

    static std::optional<BinaryOperator> augmentedOperator(TokenKind kind)
    {
        switch (kind) {
        case TokenKind::PlusEqual:
            return BinaryOperator::Add;
        case TokenKind::MinEqual:
            return BinaryOperator::Sub;
        case TokenKind::StarEqual:
            return BinaryOperator::Mult;
        case TokenKind::AtEqual:
            return BinaryOperator::MatMult;
        case TokenKind::SlashEqual:
            return BinaryOperator::Div;
        case TokenKind::PercentEqual:
            return BinaryOperator::Mod;
        case TokenKind::AmperEqual:
            return BinaryOperator::BitAnd;
        case TokenKind::VBarEqual:
            return BinaryOperator::BitOr;
        case TokenKind::CircumflexEqual:
            return BinaryOperator::BitXor;
        case TokenKind::LeftShiftEqual:
            return BinaryOperator::LShift;
        case TokenKind::RightShiftEqual:
            return BinaryOperator::RShift;
        case TokenKind::DoubleStarEqual:
            return BinaryOperator::Pow;
        case TokenKind::DoubleSlashEqual:
            return BinaryOperator::FloorDiv;
        default:
            return std::nullopt;
        }
    }

    // -- Compound statements ------------------------------------------------------

    // The ':' ending a compound statement's header. [forced] mirrors the grammar's `&&':'`,
    // which reports "expected ':'" whatever token stands there; otherwise only before NEWLINE.
    void headerColon(bool forced)
    {
        const Token& t = peek();
        if (t.kind == TokenKind::Colon) {
            advance();
            return;
        }
        if (t.kind == TokenKind::Newline || forced)
            raise(errorAtToken(t, "expected ':'"));
        failGeneric();
    }

    // block: NEWLINE INDENT statements DEDENT | simple_stmts
    StmtList block(const char* what, int headerLine)
    {
        StmtList body;
        if (!check(TokenKind::Newline)) {
            simpleStatements(body);
            return body;
        }
        advance();
        const Token& t = peek();
        if (t.kind != TokenKind::Indent) {
            char message[120];
            std::snprintf(message, sizeof message, "expected an indented block after %s on line %d", what,
                          headerLine);
            SyntaxError error = errorAtToken(t, message, "IndentationError");
            if (t.kind == TokenKind::EndMarker)
                error.offset = 0; // at end of file `python3 FILE` shows no caret
            raise(std::move(error));
        }
        advance();
        while (!check(TokenKind::Dedent) && !check(TokenKind::EndMarker))
            statement(body);
        accept(TokenKind::Dedent);
        return body;
    }

    // decorators: ('@' named_expression NEWLINE)+ (function_def | class_def)
    Stmt* decorated()
    {
        const Token& first = peek();
        std::vector<Expr*> decorators;
        while (accept(TokenKind::At)) {
            decorators.push_back(namedExpression());
            expect(TokenKind::Newline);
        }
        if (check(TokenKind::KwDef))
            return functionDef(std::move(decorators), nullptr, &first);
        if (check(TokenKind::KwClass))
            return classDef(std::move(decorators), &first);
        if (check(TokenKind::KwAsync) && check(TokenKind::KwDef, 1)) {
            const Token& asyncToken = advance();
            return functionDef(std::move(decorators), &asyncToken, &first);
        }
        failGeneric();
    }

    // function_def: ['async'] 'def' NAME '(' [params] ')' ['->' expression] ':' block
    Stmt* functionDef(std::vector<Expr*> decorators, const Token* asyncToken,
                      const Token* decoratorStart = nullptr)
    {
        const Token& defToken = expect(TokenKind::KwDef);
        const Token& start = asyncToken ? *asyncToken : defToken;
        auto* s = node<FunctionDefStmt>(start);
        (void)decoratorStart; // CPython's FunctionDef starts at 'def'; decorators keep their own lines
        s->isAsync = asyncToken != nullptr;
        s->decorators = std::move(decorators);
        s->name = tokenText(expect(TokenKind::Name));
        if (!check(TokenKind::LPar))
            raise(errorAtToken(peek(), "expected '('"));
        advance();
        s->args = parameters(TokenKind::RPar);
        expect(TokenKind::RPar);
        if (accept(TokenKind::RArrow))
            s->returns = expression();
        headerColon(true);
        shared_.frames.push_back({s->isAsync ? FrameKind::AsyncFunction : FrameKind::Function});
        s->body = block("function definition", start.line);
        shared_.frames.pop_back();
        return finish(s);
    }

    // params: parameters separated by ',' up to [closer]; lambda parameters take no annotations.
    //   param [= default] | '/' | '*' [param] | '**' param
    Arguments* parameters(TokenKind closer)
    {
        auto* args = module_.arena.make<Arguments>();
        bool lambda = closer == TokenKind::Colon;
        bool sawDefault = false, sawStar = false, sawKwarg = false;
        const Token* bareStar = nullptr;
        std::vector<std::string> seen;
        auto parameter = [&]() {
            const Token& nameToken = expect(TokenKind::Name);
            auto* arg = node<Arg>(nameToken);
            arg->name = tokenText(nameToken);
            if (!lambda && accept(TokenKind::Colon))
                arg->annotation = expression();
            finish(arg);
            for (const auto& other : seen)
                if (other == arg->name)
                    deferSymtableError(
                        errorAtNode(*arg, "duplicate argument '" + arg->name + "' in function definition"));
            seen.push_back(arg->name);
            return arg;
        };
        while (!check(closer)) {
            const Token& t = peek();
            if (sawKwarg)
                raise(errorAtToken(t, "arguments cannot follow var-keyword argument"));
            if (t.kind == TokenKind::Slash) {
                if (sawStar || !args->posonlyargs.empty() || args->args.empty())
                    failGeneric();
                advance();
                args->posonlyargs = std::move(args->args);
                args->args.clear();
            } else if (t.kind == TokenKind::DoubleStar) {
                advance();
                args->kwarg = parameter();
                sawKwarg = true;
            } else if (t.kind == TokenKind::Star) {
                if (sawStar)
                    raise(errorAtToken(t, "* argument may appear only once"));
                advance();
                sawStar = true;
                if (check(TokenKind::Name))
                    args->vararg = parameter();
                else
                    bareStar = &t;
            } else {
                Arg* arg = parameter();
                Expr* value = nullptr;
                if (check(TokenKind::Equal)) {
                    const Token& equal = advance();
                    if (check(TokenKind::Comma) || check(closer))
                        raise(errorAtToken(equal, "expected default value expression"));
                    value = expression();
                }
                if (sawStar) {
                    args->kwonlyargs.push_back(arg);
                    args->kwDefaults.push_back(value);
                } else {
                    if (value) {
                        sawDefault = true;
                        args->defaults.push_back(value);
                    } else if (sawDefault) {
                        raise(errorAtNode(*arg, "non-default argument follows default argument"));
                    }
                    args->args.push_back(arg);
                }
            }
            if (!accept(TokenKind::Comma))
                break;
        }
        if (bareStar && args->kwonlyargs.empty())
            raise(errorAtToken(*bareStar, "named arguments must follow bare *"));
        return args;
    }

    // class_def: 'class' NAME ['(' [arguments] ')'] ':' block
    Stmt* classDef(std::vector<Expr*> decorators, const Token* decoratorStart)
    {
        (void)decoratorStart;
        const Token& classToken = advance();
        auto* s = node<ClassDefStmt>(classToken);
        s->decorators = std::move(decorators);
        s->name = tokenText(expect(TokenKind::Name));
        if (accept(TokenKind::LPar)) {
            callArguments(s->bases, s->keywords);
            expect(TokenKind::RPar);
        }
        headerColon(false);
        shared_.frames.push_back({FrameKind::Class});
        s->body = block("class definition", classToken.line);
        shared_.frames.pop_back();
        return finish(s);
    }

    // if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
    Stmt* ifStatement()
    {
        const Token& keyword = advance();
        auto* s = node<IfStmt>(keyword);
        s->test = namedExpression();
        headerColon(false);
        s->body =
            block(keyword.kind == TokenKind::KwElif ? "'elif' statement" : "'if' statement", keyword.line);
        if (check(TokenKind::KwElif)) {
            DepthGuard guard(*this); // each elif nests one level deeper, as in CPython's parser
            s->orelse.push_back(ifStatement());
        } else if (check(TokenKind::KwElse)) {
            s->orelse = elseBlock();
        }
        return finish(s);
    }

    // else_block: 'else' &&':' block
    StmtList elseBlock()
    {
        const Token& keyword = advance();
        headerColon(true);
        return block("'else' statement", keyword.line);
    }

    // while_stmt: 'while' named_expression ':' block [else_block]
    Stmt* whileStatement()
    {
        const Token& keyword = advance();
        auto* s = node<WhileStmt>(keyword);
        s->test = namedExpression();
        headerColon(false);
        ++frame().loopDepth;
        s->body = block("'while' statement", keyword.line);
        --frame().loopDepth;
        if (check(TokenKind::KwElse))
            s->orelse = elseBlock();
        return finish(s);
    }

    // for_stmt: ['async'] 'for' star_targets 'in' star_expressions ':' block [else_block]
    Stmt* forStatement(const Token* asyncToken)
    {
        const Token& keyword = advance();
        auto* s = node<ForStmt>(asyncToken ? *asyncToken : keyword);
        s->isAsync = asyncToken != nullptr;
        s->target = targetList();
        expect(TokenKind::KwIn);
        s->iter = starExpressions();
        headerColon(false);
        ++frame().loopDepth;
        s->body = block("'for' statement", keyword.line);
        --frame().loopDepth;
        if (check(TokenKind::KwElse))
            s->orelse = elseBlock();
        finish(s);
        if (s->isAsync && frame().kind != FrameKind::AsyncFunction)
            deferCompilerError(errorAtNode(*s, "'async for' outside async function"));
        return s;
    }

    // with_stmt: ['async'] 'with' ( '(' with_item (',' with_item)* [','] ')' | with_item (',' with_item)* )
    // ':' block
    Stmt* withStatement(const Token* asyncToken)
    {
        const Token& keyword = advance();
        auto* s = node<WithStmt>(asyncToken ? *asyncToken : keyword);
        s->isAsync = asyncToken != nullptr;
        bool parsed = false;
        if (check(TokenKind::LPar)) {
            // The parenthesized form, if the parentheses hold items and are followed by ':'.
            size_t savedPos = pos_, savedFurthest = furthest_;
            SharedState savedShared = shared_;
            try {
                advance();
                std::vector<WithItem*> items;
                do {
                    if (check(TokenKind::RPar))
                        break;
                    items.push_back(withItem());
                } while (accept(TokenKind::Comma));
                expect(TokenKind::RPar);
                if (check(TokenKind::Colon)) {
                    s->items = std::move(items);
                    parsed = true;
                } else {
                    throw ParseFailure{};
                }
            } catch (ParseFailure&) {
                if (errorFromLexer_ || overflowed_)
                    throw;
                pos_ = savedPos;
                furthest_ = savedFurthest;
                shared_ = savedShared;
                error_.reset();
            }
        }
        if (!parsed) {
            do {
                s->items.push_back(withItem());
            } while (accept(TokenKind::Comma));
        }
        headerColon(false);
        s->body = block("'with' statement", keyword.line);
        finish(s);
        if (s->isAsync && frame().kind != FrameKind::AsyncFunction)
            deferCompilerError(errorAtNode(*s, "'async with' outside async function"));
        return s;
    }

    // with_item: expression ['as' star_target]
    WithItem* withItem()
    {
        auto* item = node<WithItem>(peek());
        item->contextExpr = expression();
        if (accept(TokenKind::KwAs)) {
            item->optionalVars = singleTarget();
        }
        return finish(item);
    }

    // try_stmt: 'try' &&':' block (except_block+ [else_block] [finally_block] | finally_block)
    Stmt* tryStatement()
    {
        const Token& keyword = advance();
        auto* s = node<TryStmt>(keyword);
        headerColon(true);
        s->body = block("'try' statement", keyword.line);
        bool sawPlain = false, sawStar = false;
        while (check(TokenKind::KwExcept)) {
            const Token& exceptToken = advance();
            bool star = accept(TokenKind::Star);
            if ((star && sawPlain) || (!star && sawStar))
                raise(errorAtToken(exceptToken, "cannot have both 'except' and 'except*' on the same 'try'"));
            (star ? sawStar : sawPlain) = true;
            auto* handler = node<ExceptHandler>(exceptToken);
            if (star && check(TokenKind::Colon))
                raise(errorAtToken(peek(), "expected one or more exception types"));
            if (!check(TokenKind::Colon) && !check(TokenKind::Newline)) {
                handler->type = expression();
                if (check(TokenKind::Comma)) {
                    const Token& typeStart = tokens_[tokenIndexAt(*handler->type)];
                    while (accept(TokenKind::Comma))
                        expression();
                    raise(errorAtRange(typeStart, previous(),
                                       "multiple exception types must be parenthesized"));
                }
                if (accept(TokenKind::KwAs))
                    handler->name = tokenText(expect(TokenKind::Name));
            }
            headerColon(false);
            handler->body = block(star ? "'except*' statement" : "'except' statement", exceptToken.line);
            s->handlers.push_back(finish(handler));
        }
        s->isStar = sawStar;
        if (!s->handlers.empty() && check(TokenKind::KwElse))
            s->orelse = elseBlock();
        if (check(TokenKind::KwFinally)) {
            const Token& finallyToken = advance();
            headerColon(true);
            s->finalbody = block("'finally' statement", finallyToken.line);
        }
        if (s->handlers.empty() && s->finalbody.empty())
            raise(errorAtToken(peek(), "expected 'except' or 'finally' block"));
        return finish(s);
    }

    size_t tokenIndexAt(const SourceSpan& n) const
    {
        for (size_t i = pos_; i-- > 0;)
            if (tokens_[i].line == n.line && tokens_[i].col == n.col)
                return i;
        return pos_;
    }

    // -- Targets ------------------------------------------------------------------

    // star_targets as written after 'for': star_target (',' star_target)* [',']
    Expr* targetList()
    {
        const Token& first = peek();
        std::vector<Expr*> targets;
        bool trailingComma = false;
        do {
            if (check(TokenKind::KwIn) && !targets.empty()) {
                trailingComma = true;
                break;
            }
            targets.push_back(singleTarget());
        } while (accept(TokenKind::Comma));
        if (targets.size() == 1 && !trailingComma)
            return targets.front();
        auto* tuple = node<TupleExpr>(first);
        tuple->elts = std::move(targets);
        tuple->ctx = ExprContext::Store;
        return finish(tuple);
    }

    // star_target: ['*'] (t_primary | '(' ... ')' | '[' ... ']'), checked to be assignable.
    Expr* singleTarget()
    {
        const Token& first = peek();
        Expr* target;
        if (accept(TokenKind::Star)) {
            auto* starred = node<StarredExpr>(first);
            starred->value = primary();
            target = finish(starred);
        } else {
            target = primary();
        }
        if (const Expr* bad = invalidTarget(target, false))
            raise(errorAtNode(*bad, std::string("cannot assign to ") + expressionName(bad)));
        setContext(target, ExprContext::Store);
        return target;
    }

    // The first sub-expression of [e] that cannot be assigned to (or deleted), or null.
    static const Expr* invalidTarget(const Expr* e, bool forDelete)
    {
        switch (e->kind) {
        case ExprKind::Name:
        case ExprKind::Attribute:
        case ExprKind::Subscript:
            return nullptr;
        case ExprKind::Starred:
            return forDelete ? e : invalidTarget(e->as<StarredExpr>()->value, forDelete);
        case ExprKind::Tuple:
        case ExprKind::List: {
            const auto& elts =
                e->kind == ExprKind::Tuple ? e->as<TupleExpr>()->elts : e->as<ListExpr>()->elts;
            for (const Expr* elt : elts)
                if (const Expr* bad = invalidTarget(elt, forDelete))
                    return bad;
            return nullptr;
        }
        default:
            return e;
        }
    }

    static void setContext(Expr* e, ExprContext ctx)
    {
        switch (e->kind) {
        case ExprKind::Name:
            e->as<NameExpr>()->ctx = ctx;
            break;
        case ExprKind::Attribute:
            e->as<AttributeExpr>()->ctx = ctx;
            break;
        case ExprKind::Subscript:
            e->as<SubscriptExpr>()->ctx = ctx;
            break;
        case ExprKind::Starred:
            e->as<StarredExpr>()->ctx = ctx;
            setContext(e->as<StarredExpr>()->value, ctx);
            break;
        case ExprKind::Tuple:
            e->as<TupleExpr>()->ctx = ctx;
            for (Expr* elt : e->as<TupleExpr>()->elts)
                setContext(elt, ctx);
            break;
        case ExprKind::List:
            e->as<ListExpr>()->ctx = ctx;
            for (Expr* elt : e->as<ListExpr>()->elts)
                setContext(elt, ctx);
            break;
        default:
            break;
        }
    }

  public:
    // CPython's _PyPegen_get_expr_name: how error messages name an expression.
    static const char* expressionName(const Expr* e)
    {
        switch (e->kind) {
        case ExprKind::Attribute:
            return "attribute";
        case ExprKind::Subscript:
            return "subscript";
        case ExprKind::Starred:
            return "starred";
        case ExprKind::Name:
            return "name";
        case ExprKind::List:
            return "list";
        case ExprKind::Tuple:
            return "tuple";
        case ExprKind::Lambda:
            return "lambda";
        case ExprKind::Call:
            return "function call";
        case ExprKind::BoolOp:
        case ExprKind::BinOp:
        case ExprKind::UnaryOp:
            return "expression";
        case ExprKind::GeneratorExp:
            return "generator expression";
        case ExprKind::Yield:
        case ExprKind::YieldFrom:
            return "yield expression";
        case ExprKind::Await:
            return "await expression";
        case ExprKind::ListComp:
            return "list comprehension";
        case ExprKind::SetComp:
            return "set comprehension";
        case ExprKind::DictComp:
            return "dict comprehension";
        case ExprKind::Dict:
            return "dict literal";
        case ExprKind::Set:
            return "set display";
        case ExprKind::JoinedStr:
        case ExprKind::FormattedValue:
            return "f-string expression";
        case ExprKind::Constant: {
            auto* c = e->as<ConstantExpr>();
            if (c->constantKind == ConstantKind::None)
                return "None";
            if (c->constantKind == ConstantKind::Bool)
                return c->boolValue ? "True" : "False";
            if (c->constantKind == ConstantKind::Ellipsis)
                return "ellipsis";
            return "literal";
        }
        case ExprKind::Compare:
            return "comparison";
        case ExprKind::IfExp:
            return "conditional expression";
        case ExprKind::NamedExpr:
            return "named expression";
        case ExprKind::Slice:
            return "slice";
        }
        return "expression";
    }

  private:
    // -- Expressions --------------------------------------------------------------

    // Whether [t] can begin an expression (used to decide between optional parts).
    static bool startsExpression(const Token& t)
    {
        switch (t.kind) {
        case TokenKind::Name:
        case TokenKind::Number:
        case TokenKind::String:
        case TokenKind::LPar:
        case TokenKind::LSqb:
        case TokenKind::LBrace:
        case TokenKind::Minus:
        case TokenKind::Plus:
        case TokenKind::Tilde:
        case TokenKind::Ellipsis:
        case TokenKind::KwNot:
        case TokenKind::KwLambda:
        case TokenKind::KwAwait:
        case TokenKind::KwNone:
        case TokenKind::KwTrue:
        case TokenKind::KwFalse:
            return true;
        default:
            return false;
        }
    }

    // The tokens that can start a second expression written right after a first one.
    static bool startsJuxtaposedExpression(const Token& t)
    {
        switch (t.kind) {
        case TokenKind::Name:
        case TokenKind::Number:
        case TokenKind::String:
        case TokenKind::LBrace:
        case TokenKind::Tilde:
        case TokenKind::Ellipsis:
        case TokenKind::KwNot:
        case TokenKind::KwLambda:
        case TokenKind::KwAwait:
        case TokenKind::KwNone:
        case TokenKind::KwTrue:
        case TokenKind::KwFalse:
            return true;
        default:
            return false;
        }
    }

    // star_expressions, or a yield expression where the grammar allows one in its place.
    Expr* starExpressionsOrYield()
    {
        if (check(TokenKind::KwYield))
            return yieldExpression();
        return starExpressions();
    }

    // star_expressions: star_expression (',' star_expression)* [',']
    Expr* starExpressions()
    {
        const Token& first = peek();
        Expr* e = starExpression();
        if (!check(TokenKind::Comma))
            return e;
        auto* tuple = node<TupleExpr>(first);
        tuple->elts.push_back(e);
        while (accept(TokenKind::Comma)) {
            if (!startsExpression(peek()) && !check(TokenKind::Star))
                break;
            tuple->elts.push_back(starExpression());
        }
        return finish(tuple);
    }

    // star_expression: '*' bitwise_or | expression
    Expr* starExpression()
    {
        if (check(TokenKind::Star)) {
            auto* starred = node<StarredExpr>(advance());
            starred->value = bitwiseOr();
            return finish(starred);
        }
        return expression();
    }

    // star_named_expression: '*' bitwise_or | named_expression
    Expr* starNamedExpression()
    {
        if (check(TokenKind::Star)) {
            auto* starred = node<StarredExpr>(advance());
            starred->value = bitwiseOr();
            return finish(starred);
        }
        return namedExpression();
    }

    // named_expression: NAME ':=' expression | expression !':='
    Expr* namedExpression()
    {
        const Token& first = peek();
        if (first.kind == TokenKind::Name && check(TokenKind::ColonEqual, 1)) {
            auto* target = node<NameExpr>(advance());
            target->id = tokenText(first);
            target->ctx = ExprContext::Store;
            advance();
            auto* named = node<NamedExprExpr>(first);
            named->target = target;
            named->value = expression();
            return finish(named);
        }
        Expr* e = expression();
        if (check(TokenKind::ColonEqual))
            raise(
                errorAtNode(*e, std::string("cannot use assignment expressions with ") + expressionName(e)));
        if (!withoutInvalidRules_ && check(TokenKind::Equal))
            invalidNamedExpression(e);
        return e;
    }

    // CPython's invalid_named_expression: `if x = 1:` most likely meant `==`.
    void invalidNamedExpression(Expr* e)
    {
        bool isName = e->kind == ExprKind::Name;
        if (!isName && !isMaybeComparisonTarget(e))
            return;
        size_t savedPos = pos_, savedFurthest = furthest_;
        Expr* value = nullptr;
        withoutInvalidRules_ = true;
        try {
            advance();
            value = bitwiseOr();
        } catch (ParseFailure&) {
            withoutInvalidRules_ = false;
            if (errorFromLexer_ || errorExempt_)
                throw;
            error_.reset();
        }
        withoutInvalidRules_ = false;
        bool followedByAssignment =
            value && (tokens_[pos_].kind == TokenKind::Equal || tokens_[pos_].kind == TokenKind::ColonEqual);
        if (value && !followedByAssignment) {
            if (isName)
                raise(
                    errorAtRange(*e, *value, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
            raise(errorAtNode(*e, std::string("cannot assign to ") + expressionName(e) +
                                      " here. Maybe you meant '==' instead of '='?"));
        }
        pos_ = savedPos;
        furthest_ = savedFurthest;
    }

    static bool isMaybeComparisonTarget(const Expr* e)
    {
        if (e->kind == ExprKind::List || e->kind == ExprKind::Tuple || e->kind == ExprKind::GeneratorExp)
            return false;
        if (e->kind == ExprKind::Constant) {
            auto kind = e->as<ConstantExpr>()->constantKind;
            if (kind == ConstantKind::None || kind == ConstantKind::Bool)
                return false;
        }
        return isBitwiseOrLevel(e) && invalidTarget(e, false) != nullptr;
    }

    // expression: disjunction ['if' disjunction 'else' expression] | lambdef
    Expr* expression()
    {
        DepthGuard guard(*this);
        if (check(TokenKind::KwLambda))
            return lambda();
        size_t firstIndex = pos_;
        const Token& first = peek();
        Expr* e = disjunction();
        if (check(TokenKind::KwIf)) {
            advance();
            auto* ifExp = node<IfExpExpr>(first);
            ifExp->body = e;
            ifExp->test = disjunction();
            if (!check(TokenKind::KwElse)) {
                if (!check(TokenKind::Colon))
                    raise(errorAtRange(*e, *ifExp->test, "expected 'else' after 'if' expression"));
                failGeneric();
            }
            advance();
            ifExp->orelse = expression();
            return finish(ifExp);
        }
        if (!withoutInvalidRules_ && startsJuxtaposedExpression(peek()))
            invalidExpression(e, firstIndex);
        return e;
    }

    // CPython's invalid_expression and invalid_legacy_expression: two expressions side by side
    // inside brackets are most likely a missing comma; `print x` is Python 2.
    void invalidExpression(Expr* a, size_t firstIndex)
    {
        const Token& firstToken = tokens_[firstIndex];
        bool nameThenString = firstToken.kind == TokenKind::Name && firstIndex + 1 < tokens_.size() &&
                              tokens_[firstIndex + 1].kind == TokenKind::String;
        bool softKeyword =
            isName(firstToken, "match") || isName(firstToken, "case") || isName(firstToken, "_");
        bool inBrackets = previous().level > 0;
        bool legacyPrint = a->kind == ExprKind::Name && firstIndex + 1 == pos_ &&
                           (a->as<NameExpr>()->id == "print" || a->as<NameExpr>()->id == "exec");
        if (!(inBrackets && !nameThenString && !softKeyword) && !legacyPrint)
            return;
        size_t savedPos = pos_, savedFurthest = furthest_;
        SharedState savedShared = shared_;
        Expr* b = nullptr;
        withoutInvalidRules_ = true;
        try {
            b = legacyPrint && !(inBrackets && !nameThenString && !softKeyword) ? starExpressions()
                                                                                : expression();
        } catch (ParseFailure&) {
            withoutInvalidRules_ = false;
            if (errorFromLexer_ || errorExempt_)
                throw;
            error_.reset();
        }
        withoutInvalidRules_ = false;
        if (b) {
            if (inBrackets && !nameThenString && !softKeyword)
                raise(errorAtRange(*a, *b, "invalid syntax. Perhaps you forgot a comma?"));
            std::string name = a->as<NameExpr>()->id;
            raise(errorAtRange(
                *a, *b, "Missing parentheses in call to '" + name + "'. Did you mean " + name + "(...)?"));
        }
        pos_ = savedPos;
        furthest_ = savedFurthest;
        shared_ = savedShared;
    }

    // lambdef: 'lambda' [lambda_params] ':' expression
    Expr* lambda()
    {
        auto* l = node<LambdaExpr>(advance());
        l->args = parameters(TokenKind::Colon);
        expect(TokenKind::Colon);
        shared_.frames.push_back({FrameKind::Lambda});
        DepthGuard guard(*this); // with expression()'s own: two levels per lambda, as in CPython
        l->body = expression();
        shared_.frames.pop_back();
        return finish(l);
    }

    // disjunction: conjunction ('or' conjunction)*
    Expr* disjunction()
    {
        const Token& first = peek();
        Expr* e = conjunction();
        if (!check(TokenKind::KwOr))
            return e;
        auto* op = node<BoolOpExpr>(first);
        op->op = BoolOperator::Or;
        op->values.push_back(e);
        while (accept(TokenKind::KwOr))
            op->values.push_back(conjunction());
        return finish(op);
    }

    // conjunction: inversion ('and' inversion)*
    Expr* conjunction()
    {
        const Token& first = peek();
        Expr* e = inversion();
        if (!check(TokenKind::KwAnd))
            return e;
        auto* op = node<BoolOpExpr>(first);
        op->op = BoolOperator::And;
        op->values.push_back(e);
        while (accept(TokenKind::KwAnd))
            op->values.push_back(inversion());
        return finish(op);
    }

    // inversion: 'not' inversion | comparison
    Expr* inversion()
    {
        DepthGuard guard(*this);
        if (check(TokenKind::KwNot)) {
            auto* op = node<UnaryOpExpr>(advance());
            op->op = UnaryOperator::Not;
            op->operand = inversion();
            return finish(op);
        }
        return comparison();
    }

    std::optional<CompareOperator> compareOperator()
    {
        switch (peek().kind) {
        case TokenKind::EqEqual:
            advance();
            return CompareOperator::Eq;
        case TokenKind::NotEqual:
            advance();
            return CompareOperator::NotEq;
        case TokenKind::Less:
            advance();
            return CompareOperator::Lt;
        case TokenKind::LessEqual:
            advance();
            return CompareOperator::LtE;
        case TokenKind::Greater:
            advance();
            return CompareOperator::Gt;
        case TokenKind::GreaterEqual:
            advance();
            return CompareOperator::GtE;
        case TokenKind::KwIn:
            advance();
            return CompareOperator::In;
        case TokenKind::KwIs:
            advance();
            return accept(TokenKind::KwNot) ? CompareOperator::IsNot : CompareOperator::Is;
        case TokenKind::KwNot:
            if (check(TokenKind::KwIn, 1)) {
                advance();
                advance();
                return CompareOperator::NotIn;
            }
            return std::nullopt;
        default:
            return std::nullopt;
        }
    }

    // comparison: bitwise_or (compare_op bitwise_or)*
    Expr* comparison()
    {
        const Token& first = peek();
        Expr* e = bitwiseOr();
        auto op = compareOperator();
        if (!op)
            return e;
        auto* compare = node<CompareExpr>(first);
        compare->left = e;
        do {
            compare->ops.push_back(*op);
            compare->comparators.push_back(bitwiseOr());
        } while ((op = compareOperator()));
        return finish(compare);
    }

    // bitwise_or .. term: left-associative binary operators by precedence level.
    Expr* binaryLevel(int level)
    {
        if (level == 6)
            return factor();
        const Token& first = peek();
        Expr* left = binaryLevel(level + 1);
        while (true) {
            std::optional<BinaryOperator> op;
            TokenKind kind = peek().kind;
            switch (level) {
            case 0:
                if (kind == TokenKind::VBar)
                    op = BinaryOperator::BitOr;
                break;
            case 1:
                if (kind == TokenKind::Circumflex)
                    op = BinaryOperator::BitXor;
                break;
            case 2:
                if (kind == TokenKind::Amper)
                    op = BinaryOperator::BitAnd;
                break;
            case 3:
                if (kind == TokenKind::LeftShift)
                    op = BinaryOperator::LShift;
                if (kind == TokenKind::RightShift)
                    op = BinaryOperator::RShift;
                break;
            case 4:
                if (kind == TokenKind::Plus)
                    op = BinaryOperator::Add;
                if (kind == TokenKind::Minus)
                    op = BinaryOperator::Sub;
                break;
            case 5:
                if (kind == TokenKind::Star)
                    op = BinaryOperator::Mult;
                if (kind == TokenKind::Slash)
                    op = BinaryOperator::Div;
                if (kind == TokenKind::DoubleSlash)
                    op = BinaryOperator::FloorDiv;
                if (kind == TokenKind::Percent)
                    op = BinaryOperator::Mod;
                if (kind == TokenKind::At)
                    op = BinaryOperator::MatMult;
                break;
            }
            if (!op)
                return left;
            advance();
            auto* binary = node<BinOpExpr>(first);
            binary->left = left;
            binary->op = *op;
            binary->right = binaryLevel(level + 1);
            left = finish(binary);
        }
    }

    // bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
    Expr* bitwiseOr() { return binaryLevel(0); }

    // factor: ('+' | '-' | '~') factor | power
    Expr* factor()
    {
        DepthGuard guard(*this);
        const Token& t = peek();
        std::optional<UnaryOperator> op;
        if (t.kind == TokenKind::Plus)
            op = UnaryOperator::UAdd;
        else if (t.kind == TokenKind::Minus)
            op = UnaryOperator::USub;
        else if (t.kind == TokenKind::Tilde)
            op = UnaryOperator::Invert;
        if (!op)
            return power();
        advance();
        auto* unary = node<UnaryOpExpr>(t);
        unary->op = *op;
        unary->operand = factor();
        return finish(unary);
    }

    // power: await_primary ['**' factor]
    Expr* power()
    {
        const Token& first = peek();
        Expr* base = awaitPrimary();
        if (!accept(TokenKind::DoubleStar))
            return base;
        auto* binary = node<BinOpExpr>(first);
        binary->left = base;
        binary->op = BinaryOperator::Pow;
        DepthGuard guard(*this); // with factor()'s own: two levels per `**`, as in CPython
        binary->right = factor();
        return finish(binary);
    }

    // await_primary: 'await' primary | primary
    Expr* awaitPrimary()
    {
        if (!check(TokenKind::KwAwait))
            return primary();
        auto* a = node<AwaitExpr>(advance());
        a->value = primary();
        finish(a);
        checkAwait(*a);
        return a;
    }

    void checkAwait(const SourceSpan& where)
    {
        FrameKind kind = enclosingFunctionKind();
        if (kind == FrameKind::AsyncFunction)
            return;
        ++awaitCount_;
        deferCompilerError(errorAtNode(where, kind == FrameKind::Module || kind == FrameKind::Class
                                                  ? "'await' outside function"
                                                  : "'await' outside async function"));
    }

    FrameKind enclosingFunctionKind() { return frame().kind; }

    // primary: atom ('.' NAME | '(' [arguments] ')' | '[' slices ']')*
    Expr* primary()
    {
        DepthGuard guard(*this);
        const Token& first = peek();
        Expr* e = atom();
        while (true) {
            const Token& t = peek();
            if (t.kind == TokenKind::Dot) {
                advance();
                auto* attribute = node<AttributeExpr>(first);
                attribute->value = e;
                attribute->attr = tokenText(expect(TokenKind::Name));
                e = finish(attribute);
            } else if (t.kind == TokenKind::LPar) {
                advance();
                auto* call = node<CallExpr>(first);
                call->func = e;
                callArguments(call->args, call->keywords);
                expect(TokenKind::RPar);
                e = finish(call);
            } else if (t.kind == TokenKind::LSqb) {
                advance();
                auto* subscript = node<SubscriptExpr>(first);
                subscript->value = e;
                subscript->index = slices();
                expect(TokenKind::RSqb);
                e = finish(subscript);
            } else {
                return e;
            }
        }
    }

    // slices: slice !',' | ','.(slice | starred_expression)+ [',']
    Expr* slices()
    {
        const Token& first = peek();
        Expr* e = sliceItem();
        if (!check(TokenKind::Comma))
            return e;
        auto* tuple = node<TupleExpr>(first);
        tuple->elts.push_back(e);
        while (accept(TokenKind::Comma)) {
            if (check(TokenKind::RSqb))
                break;
            tuple->elts.push_back(sliceItem());
        }
        return finish(tuple);
    }

    // slice: [expression] ':' [expression] [':' [expression]] | named_expression
    Expr* sliceItem()
    {
        const Token& first = peek();
        if (check(TokenKind::Star))
            return starNamedExpression();
        Expr* lower = nullptr;
        if (!check(TokenKind::Colon)) {
            lower = namedExpression();
            if (!check(TokenKind::Colon))
                return lower;
        }
        auto* slice = node<SliceExpr>(first);
        slice->lower = lower;
        expect(TokenKind::Colon);
        if (startsExpression(peek()))
            slice->upper = expression();
        if (accept(TokenKind::Colon) && startsExpression(peek()))
            slice->step = expression();
        return finish(slice);
    }

    // arguments: ','.(starred_expression | (assignment_expression | expression !':=') !'='
    //            | NAME '=' expression | '**' expression)+ [','], or one bare generator expression.
    void callArguments(std::vector<Expr*>& args, std::vector<Keyword*>& keywords)
    {
        bool sawKeyword = false, sawDoubleStar = false;
        size_t argumentCount = 0;
        const char* misplacedPositional = nullptr; // reported after the whole list, where CPython does
        std::vector<std::string> keywordNames;
        GeneratorExpExpr* bareGenerator = nullptr;
        while (!check(TokenKind::RPar)) {
            const Token& t = peek();
            ++argumentCount;
            if (t.kind == TokenKind::DoubleStar) {
                advance();
                auto* keyword = node<Keyword>(t);
                keyword->value = expression();
                keywords.push_back(finish(keyword));
                sawDoubleStar = true;
            } else if (t.kind == TokenKind::Star) {
                if (sawDoubleStar)
                    raise(errorAtToken(t, "iterable argument unpacking follows keyword argument unpacking"));
                advance();
                auto* starred = node<StarredExpr>(t);
                starred->value = expression();
                args.push_back(finish(starred));
            } else if (t.kind == TokenKind::Name && check(TokenKind::Equal, 1)) {
                advance();
                advance();
                auto* keyword = node<Keyword>(t);
                keyword->arg = tokenText(t);
                keyword->value = expression();
                keywords.push_back(finish(keyword));
                sawKeyword = true;
                for (const auto& name : keywordNames)
                    if (name == keyword->arg)
                        deferCompilerError(errorAtNode(*keyword, "keyword argument repeated: " + name));
                keywordNames.push_back(keyword->arg);
            } else {
                Expr* e = namedExpressionInCall();
                if (check(TokenKind::KwFor) || check(TokenKind::KwAsync)) {
                    auto* generator = nodeAt<GeneratorExpExpr>(*e);
                    generator->elt = e;
                    generator->generators = comprehensionClauses();
                    e = finish(generator);
                    bareGenerator = bareGenerator ? bareGenerator : generator;
                    if (argumentCount > 1)
                        raise(errorAtNode(*e, "Generator expression must be parenthesized"));
                }
                if (check(TokenKind::Equal)) {
                    const Token& equal = peek();
                    raise(errorAtRange(*e, equal,
                                       "expression cannot contain assignment, perhaps you meant \"==\"?"));
                }
                if (sawDoubleStar && !misplacedPositional)
                    misplacedPositional = "positional argument follows keyword argument unpacking";
                else if (sawKeyword && !misplacedPositional)
                    misplacedPositional = "positional argument follows keyword argument";
                args.push_back(e);
            }
            if (!accept(TokenKind::Comma))
                break;
            if (bareGenerator)
                raise(errorAtNode(*bareGenerator, "Generator expression must be parenthesized"));
        }
        if (misplacedPositional)
            raise(errorAtToken(peek(), misplacedPositional));
    }

    // An argument: NAME ':=' expression | expression
    Expr* namedExpressionInCall()
    {
        const Token& first = peek();
        if (first.kind == TokenKind::Name && check(TokenKind::ColonEqual, 1))
            return namedExpression();
        return expression();
    }

    // -- Atoms ----------------------------------------------------------------------

    // atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple | group | genexp
    //       | list | listcomp | dict | set | dictcomp | setcomp | '...'
    Expr* atom()
    {
        const Token& t = peek();
        switch (t.kind) {
        case TokenKind::Name: {
            advance();
            auto* name = node<NameExpr>(t);
            name->id = tokenText(t);
            return name;
        }
        case TokenKind::KwTrue:
        case TokenKind::KwFalse: {
            advance();
            auto* c = node<ConstantExpr>(t);
            c->constantKind = ConstantKind::Bool;
            c->boolValue = t.kind == TokenKind::KwTrue;
            return c;
        }
        case TokenKind::KwNone: {
            advance();
            return node<ConstantExpr>(t);
        }
        case TokenKind::Ellipsis: {
            advance();
            auto* c = node<ConstantExpr>(t);
            c->constantKind = ConstantKind::Ellipsis;
            return c;
        }
        case TokenKind::Number:
            return number();
        case TokenKind::String:
            return strings();
        case TokenKind::LPar:
            return parenthesized();
        case TokenKind::LSqb:
            return listDisplay();
        case TokenKind::LBrace:
            return braceDisplay();
        default:
            failGeneric();
        }
    }

    Expr* number()
    {
        const Token& t = advance();
        auto* c = node<ConstantExpr>(t);
        std::string text;
        for (char ch : src_.substr(t.start, t.end - t.start))
            if (ch != '_')
                text += ch;
        if ((text.back() | 0x20) == 'j')
            refuse(*c, "complex numbers ('" + tokenText(t) + "')");
        int base = 10;
        size_t digits = 0;
        if (text.size() > 1 && text[0] == '0' && std::strchr("xXoObB", text[1])) {
            base = (text[1] | 0x20) == 'x' ? 16 : (text[1] | 0x20) == 'o' ? 8 : 2;
            digits = 2;
        } else if (text.find_first_of(".eE") != std::string::npos) {
            c->constantKind = ConstantKind::Float;
            auto result = std::from_chars(text.data(), text.data() + text.size(), c->floatValue);
            if (result.ec == std::errc::result_out_of_range)
                c->floatValue = text.find_first_of("123456789") < text.find_first_of("eE")
                                    ? std::numeric_limits<double>::infinity()
                                    : 0.0;
            return c;
        }
        c->constantKind = ConstantKind::Int;
        uint64_t value = 0;
        auto result = std::from_chars(text.data() + digits, text.data() + text.size(), value, base);
        if (result.ec == std::errc() && value <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
            c->intValue = static_cast<int64_t>(value);
            return c;
        }
        // Beyond int64_t: a big int, spelled in decimal for the compiler and the AST dump.
        if (base == 10 && int64_t(text.size()) > kDefaultMaxStrDigits)
            raise(errorAtNode(*c, "Exceeds the limit (" + std::to_string(kDefaultMaxStrDigits) +
                                      " digits) for integer string conversion: value has " +
                                      std::to_string(text.size()) +
                                      " digits; use sys.set_int_max_str_digits() to increase the limit - "
                                      "Consider hexadecimal for huge integer literals to avoid decimal "
                                      "conversion limits."));
        Mpz big;
        mpz_set_str(big.get(), text.c_str() + digits, base);
        c->stringValue.resize(mpz_sizeinbase(big.get(), 10) + 1);
        mpz_get_str(c->stringValue.data(), 10, big.get());
        c->stringValue.resize(std::strlen(c->stringValue.c_str()));
        return c;
    }

    // strings: STRING+ (adjacent literals concatenate; any f-string makes the whole a JoinedStr)
    Expr* strings()
    {
        const Token& first = peek();
        bool anyBytes = false, anyText = false, anyFormatted = false;
        std::vector<size_t> pieces;
        while (check(TokenKind::String)) {
            const Token& t = advance();
            StringTokenInfo info = describeStringToken(src_.substr(t.start, t.end - t.start), t.start);
            anyBytes |= info.bytes;
            anyText |= !info.bytes;
            anyFormatted |= info.formatted;
            pieces.push_back(pos_ - 1);
        }
        const Token& after = peek();
        if (anyBytes && anyText)
            raise(errorAtToken(after, "cannot mix bytes and nonbytes literals"));
        auto* joined = node<JoinedStrExpr>(first);
        std::string pending; // literal text not yet flushed into [joined]
        for (size_t index : pieces) {
            const Token& t = tokens_[index];
            StringTokenInfo info = describeStringToken(src_.substr(t.start, t.end - t.start), t.start);
            if (info.formatted) {
                fstringBody(info, t, after, *joined, pending, 0);
                continue;
            }
            if (info.bytes) {
                for (unsigned char ch : info.body)
                    if (ch >= 0x80)
                        raise(errorAtNode(t, "bytes can only contain ASCII literal characters"));
            }
            appendLiteral(info, info.body, t, after, pending);
        }
        if (!anyFormatted) {
            auto* c = node<ConstantExpr>(first);
            c->constantKind = anyBytes ? ConstantKind::Bytes : ConstantKind::Str;
            c->stringValue = std::move(pending);
            return finish(c);
        }
        flushLiteral(*joined, pending, first);
        return finish(joined);
    }

    void appendLiteral(const StringTokenInfo& info, std::string_view text, const Token& t, const Token& after,
                       std::string& pending)
    {
        if (info.raw) {
            for (char ch : text)
                if (ch != '\r')
                    pending += ch;
            return;
        }
        std::string decoded, message;
        if (!decodeEscapes(text, info.bytes, decoded, message)) {
            SyntaxError error = errorAtToken(after, message);
            (void)t;
            raise(std::move(error));
        }
        pending += decoded;
    }

    void flushLiteral(JoinedStrExpr& joined, std::string& pending, const Token& at)
    {
        if (pending.empty())
            return;
        auto* c = node<ConstantExpr>(at);
        c->constantKind = ConstantKind::Str;
        c->stringValue = std::move(pending);
        pending.clear();
        joined.values.push_back(c);
    }

    // -- F-strings --------------------------------------------------------------------

    // Splits an f-string body into literal text and replacement fields, appending to [joined].
    // [nesting] counts format specs we are inside (CPython allows two levels).
    void fstringBody(const StringTokenInfo& info, const Token& t, const Token& after, JoinedStrExpr& joined,
                     std::string& pending, int nesting)
    {
        std::string_view body = info.body;
        size_t literalStart = 0;
        size_t i = 0;
        auto flushText = [&](size_t end) {
            appendLiteral(info, body.substr(literalStart, end - literalStart), t, after, pending);
        };
        while (i < body.size()) {
            char c = body[i];
            if (c == '{' && i + 1 < body.size() && body[i + 1] == '{' && nesting == 0) {
                flushText(i + 1);
                i += 2;
                literalStart = i;
            } else if (c == '}' && i + 1 < body.size() && body[i + 1] == '}' && nesting == 0) {
                flushText(i + 1);
                i += 2;
                literalStart = i;
            } else if (c == '}') {
                raise(errorAtToken(after, "f-string: single '}' is not allowed"));
            } else if (c == '{') {
                flushText(i);
                i = replacementField(info, t, after, joined, pending, i, nesting);
                literalStart = i;
            } else {
                ++i;
            }
        }
        flushText(body.size());
    }

    // Parses the field starting at body[open] == '{' and returns the index just past its '}'.
    size_t replacementField(const StringTokenInfo& info, const Token& t, const Token& after,
                            JoinedStrExpr& joined, std::string& pending, size_t open, int nesting)
    {
        std::string_view body = info.body;
        // CPython 3.11 counts only format specs inside format specs (f'{x:{y:{z}}}'); an f-string
        // inside a replacement field is parsed afresh, nested as deep as its quotes allow.
        if (nesting >= kMaxFStringNesting)
            raise(errorAtToken(after, "f-string: expressions nested too deeply"));
        size_t i = open + 1;
        int depth = 0;
        char quote = 0;
        size_t exprEnd = std::string_view::npos;
        bool selfDocumenting = false;
        for (; i < body.size(); ++i) {
            char c = body[i];
            if (c == '\\')
                raise(errorAtToken(after, "f-string expression part cannot include a backslash"));
            if (quote) {
                if (c == quote)
                    quote = 0;
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(' || c == '{') {
                ++depth;
            } else if ((c == ']' || c == ')' || c == '}') && depth > 0) {
                --depth;
            } else if (c == '#') {
                raise(errorAtToken(after, "f-string expression part cannot include '#'"));
            } else if (depth == 0 && (c == '}' || c == ':')) {
                exprEnd = i;
                break;
            } else if (depth == 0 && c == '!' && (i + 1 >= body.size() || body[i + 1] != '=')) {
                exprEnd = i;
                break;
            } else if (depth == 0 && c == '=' && i + 1 < body.size() && body[i + 1] != '=' &&
                       !std::strchr("=!<>", body[i - 1])) {
                exprEnd = i;
                selfDocumenting = true;
                break;
            }
        }
        if (quote || exprEnd == std::string_view::npos)
            raise(errorAtToken(after, "f-string: expecting '}'"));
        std::string_view exprText = body.substr(open + 1, exprEnd - open - 1);
        if (exprText.find_first_not_of(" \t\r\n\f") == std::string_view::npos)
            raise(errorAtToken(after, "f-string: empty expression not allowed"));
        Expr* value = fstringExpression(exprText, info.bodyStart + static_cast<uint32_t>(open + 1));
        i = exprEnd;
        if (selfDocumenting) {
            ++i;
            while (i < body.size() && std::strchr(" \t\r\n\f", body[i]))
                ++i;
            pending += std::string(body.substr(open + 1, i - open - 1));
        }
        auto* field = nodeAt<FormattedValueExpr>(*value);
        spanTo(field, *value);
        field->value = value;
        if (i < body.size() && body[i] == '!') {
            char conversion = i + 1 < body.size() ? body[i + 1] : 0;
            if (conversion != 's' && conversion != 'r' && conversion != 'a') {
                if (i + 1 >= body.size())
                    raise(errorAtToken(after, "f-string: expecting '}'"));
                raise(
                    errorAtToken(after, "f-string: invalid conversion character: expected 's', 'r', or 'a'"));
            }
            field->conversion = conversion;
            i += 2;
            if (i >= body.size() || (body[i] != ':' && body[i] != '}'))
                raise(errorAtToken(after, "f-string: expecting '}'"));
        }
        if (i < body.size() && body[i] == ':') {
            ++i;
            size_t specStart = i;
            int specDepth = 0;
            for (; i < body.size(); ++i) {
                if (body[i] == '{')
                    ++specDepth;
                else if (body[i] == '}' && specDepth-- == 0)
                    break;
            }
            if (i >= body.size())
                raise(errorAtToken(after, "f-string: expecting '}'"));
            StringTokenInfo specInfo = info;
            specInfo.body = body.substr(specStart, i - specStart);
            specInfo.bodyStart = info.bodyStart + static_cast<uint32_t>(specStart);
            auto* spec = nodeAt<JoinedStrExpr>(*value);
            std::string specText;
            fstringBody(specInfo, t, after, *spec, specText, nesting + 1);
            flushLiteral(*spec, specText, t);
            field->formatSpec = spec;
        } else if (selfDocumenting && field->conversion == -1) {
            field->conversion = 'r';
        }
        if (i >= body.size() || body[i] != '}')
            raise(errorAtToken(after, "f-string: expecting '}'"));
        flushLiteral(joined, pending, t);
        joined.values.push_back(field);
        return i + 1;
    }

    // Parses one replacement field's expression as CPython 3.11 does: as the source "(expr)".
    // The sub-source is padded so that its tokens keep their line and column in the file;
    // errors are reported like CPython's, relative to "(expr)" and prefixed "f-string: ".
    Expr* fstringExpression(std::string_view exprText, uint32_t sourceOffset)
    {
        // Locate the line and column of [sourceOffset] in the file.
        auto after = std::upper_bound(errorLines_->begin(), errorLines_->end(), sourceOffset);
        int line = static_cast<int>(after - errorLines_->begin());
        int col = static_cast<int>(sourceOffset - (*errorLines_)[line - 1]);
        // "(" then padding that puts the expression at its file column (on a second line when
        // it does not start on the first); token lines are shifted to file lines afterwards.
        std::string sub = "(";
        int subLine = 1;
        if (line == 1) {
            sub.append(static_cast<size_t>(col > 0 ? col - 1 : 0), ' ');
        } else {
            sub += '\n';
            sub.append(static_cast<size_t>(col), ' ');
            subLine = 2;
        }
        sub.append(exprText);
        sub += ")";
        LexResult subLex = tokenize(sub);
        for (Token& token : subLex.tokens) {
            token.line += line - subLine;
            token.endLine += line - subLine;
        }
        Parser subParser(sub, subLex, module_, shared_);
        subParser.errorSource_ = errorSource_;
        subParser.errorLines_ = errorLines_;
        subParser.depth_ = depth_;
        try {
            return subParser.parseFStringExpression();
        } catch (ParseFailure&) {
            if (subParser.overflowed_) {
                overflowed_ = true;
                raise(*subParser.error_, true);
            }
            SyntaxError error = subParser.error_ ? *subParser.error_ : SyntaxError{};
            if (subParser.errorFromLexer_) {
                // Lexer errors carry the padded line; measure them on it.
                std::string_view padded = sourceLine(sub, subLex.lineStarts, error.line);
                int padChars = characterColumn(padded, col);
                error.offset = error.offset > 0 ? error.offset - padChars + 1 : error.offset;
                error.endOffset = error.endOffset > 0 ? error.endOffset - padChars + 1 : error.endOffset;
            } else {
                // Parser errors were measured on the file's line; make them relative to "(expr)".
                std::string_view fileLine = sourceLine(errorSource_, *errorLines_, line);
                int colChars = characterColumn(fileLine, col);
                error.offset = error.offset > 0 ? error.offset - colChars + 1 : error.offset;
                error.endOffset = error.endOffset > 0 ? error.endOffset - colChars + 1 : error.endOffset;
            }
            if (error.message.rfind("f-string", 0) != 0)
                error.message = "f-string: " + error.message;
            error.line = error.endLine = line;
            error.text = "(" + std::string(exprText) + ")";
            raise(std::move(error), subParser.errorExempt_);
        }
    }

    // -- Displays and comprehensions ----------------------------------------------------

    // tuple | group | genexp:  '(' [star_named_expression ',' [star_named_expressions]] ')'
    //   | '(' (yield_expr | named_expression) ')' | '(' named_expression for_if_clauses ')'
    Expr* parenthesized()
    {
        const Token& open = advance();
        if (check(TokenKind::RPar)) {
            advance();
            auto* tuple = node<TupleExpr>(open);
            tuple->parenthesized = true;
            return finish(tuple);
        }
        if (check(TokenKind::KwYield)) {
            Expr* y = yieldExpression();
            expect(TokenKind::RPar);
            return y;
        }
        Expr* first = starNamedExpression();
        if (check(TokenKind::KwFor) || check(TokenKind::KwAsync)) {
            auto* generator = node<GeneratorExpExpr>(open);
            generator->elt = first;
            generator->generators = comprehensionClauses();
            expect(TokenKind::RPar);
            return finish(generator);
        }
        if (!check(TokenKind::Comma)) {
            expect(TokenKind::RPar);
            if (first->kind == ExprKind::Starred)
                raise(errorAtNode(*first, "cannot use starred expression here"));
            return first;
        }
        auto* tuple = node<TupleExpr>(open);
        tuple->parenthesized = true;
        tuple->elts.push_back(first);
        while (accept(TokenKind::Comma)) {
            if (check(TokenKind::RPar))
                break;
            tuple->elts.push_back(starNamedExpression());
        }
        expect(TokenKind::RPar);
        return finish(tuple);
    }

    // list: '[' [star_named_expressions] ']'   listcomp: '[' named_expression for_if_clauses ']'
    Expr* listDisplay()
    {
        const Token& open = advance();
        auto* list = node<ListExpr>(open);
        if (accept(TokenKind::RSqb))
            return finish(list);
        size_t awaitsBefore = awaitCount_;
        Expr* first = starNamedExpression();
        if (check(TokenKind::KwFor) || check(TokenKind::KwAsync)) {
            auto* comp = node<ListCompExpr>(open);
            comp->elt = first;
            comp->generators = comprehensionClauses();
            expect(TokenKind::RSqb);
            return finishComprehension(comp, awaitsBefore);
        }
        list->elts.push_back(first);
        while (accept(TokenKind::Comma)) {
            if (check(TokenKind::RSqb))
                break;
            list->elts.push_back(starNamedExpression());
        }
        expect(TokenKind::RSqb);
        return finish(list);
    }

    // dict: '{' [double_starred_kvpairs] '}'   set: '{' star_named_expressions '}'
    // dictcomp: '{' kvpair for_if_clauses '}'  setcomp: '{' named_expression for_if_clauses '}'
    Expr* braceDisplay()
    {
        const Token& open = advance();
        if (accept(TokenKind::RBrace))
            return finish(node<DictExpr>(open));
        if (check(TokenKind::DoubleStar))
            return dictDisplay(open, nullptr, awaitCount_);
        size_t awaitsBefore = awaitCount_;
        Expr* first = starNamedExpression();
        if (check(TokenKind::Colon) && first->kind != ExprKind::Starred)
            return dictDisplay(open, first, awaitsBefore);
        if (check(TokenKind::KwFor) || check(TokenKind::KwAsync)) {
            auto* comp = node<SetCompExpr>(open);
            comp->elt = first;
            comp->generators = comprehensionClauses();
            expect(TokenKind::RBrace);
            return finishComprehension(comp, awaitsBefore);
        }
        auto* set = node<SetExpr>(open);
        set->elts.push_back(first);
        while (accept(TokenKind::Comma)) {
            if (check(TokenKind::RBrace))
                break;
            set->elts.push_back(starNamedExpression());
        }
        expect(TokenKind::RBrace);
        return finish(set);
    }

    Expr* dictDisplay(const Token& open, Expr* firstKey, size_t awaitsBefore)
    {
        auto* dict = node<DictExpr>(open);
        auto entry = [&](Expr* key) {
            if (!key && accept(TokenKind::DoubleStar)) {
                dict->keys.push_back(nullptr);
                dict->values.push_back(bitwiseOr());
                return;
            }
            if (!key)
                key = expression();
            if (!check(TokenKind::Colon)) {
                // CPython puts this caret on the key's last character.
                SyntaxError error = makeError("SyntaxError", "':' expected after dictionary key",
                                              key->endLine, key->endCol - 1, key->endLine, key->endCol);
                error.endOffset = 0;
                raise(std::move(error));
            }
            const Token& colon = advance();
            if (check(TokenKind::RBrace) || check(TokenKind::Comma))
                raise(errorAtToken(colon, "expression expected after dictionary key and ':'"));
            dict->keys.push_back(key);
            dict->values.push_back(expression());
        };
        entry(firstKey);
        if (firstKey && (check(TokenKind::KwFor) || check(TokenKind::KwAsync))) {
            auto* comp = node<DictCompExpr>(open);
            comp->key = dict->keys.front();
            comp->value = dict->values.front();
            comp->generators = comprehensionClauses();
            expect(TokenKind::RBrace);
            return finishComprehension(comp, awaitsBefore);
        }
        while (accept(TokenKind::Comma)) {
            if (check(TokenKind::RBrace))
                break;
            entry(nullptr);
        }
        expect(TokenKind::RBrace);
        return finish(dict);
    }

    // for_if_clauses: (['async'] 'for' star_targets 'in' disjunction ('if' disjunction)*)+
    std::vector<Comprehension*> comprehensionClauses()
    {
        std::vector<Comprehension*> clauses;
        while (check(TokenKind::KwFor) || (check(TokenKind::KwAsync) && check(TokenKind::KwFor, 1))) {
            auto* clause = node<Comprehension>(peek());
            clause->isAsync = accept(TokenKind::KwAsync);
            advance();
            clause->target = targetList();
            expect(TokenKind::KwIn);
            clause->iter = disjunction();
            while (accept(TokenKind::KwIf))
                clause->ifs.push_back(disjunction());
            clauses.push_back(finish(clause));
        }
        if (clauses.empty())
            failGeneric();
        return clauses;
    }

    // CPython's compiler refuses a list, set or dict comprehension that uses `async for` or
    // `await` outside an async function (generator expressions become async generators instead).
    template <typename T> T* finishComprehension(T* comp, size_t awaitsBefore)
    {
        finish(comp);
        bool anyAsync = false;
        for (const Comprehension* clause : comp->generators)
            anyAsync |= clause->isAsync;
        if ((anyAsync || awaitCount_ > awaitsBefore) && frame().kind != FrameKind::AsyncFunction &&
            comp->kind != ExprKind::GeneratorExp)
            deferCompilerError(
                errorAtNode(*comp, "asynchronous comprehension outside of an asynchronous function"));
        return comp;
    }

    // yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
    Expr* yieldExpression()
    {
        const Token& keyword = advance();
        Expr* result;
        if (accept(TokenKind::KwFrom)) {
            auto* y = node<YieldFromExpr>(keyword);
            y->value = expression();
            result = finish(y);
        } else {
            auto* y = node<YieldExpr>(keyword);
            if (startsExpression(peek()) || check(TokenKind::Star))
                y->value = starExpressions();
            result = finish(y);
        }
        FrameKind kind = frame().kind;
        if (kind != FrameKind::Function && kind != FrameKind::AsyncFunction && kind != FrameKind::Lambda)
            deferCompilerError(errorAtNode(*result, "'yield' outside function"));
        else if (kind == FrameKind::AsyncFunction && result->kind == ExprKind::YieldFrom)
            deferCompilerError(errorAtNode(*result, "'yield from' inside async function"));
        return result;
    }

    std::string_view src_;
    const LexResult& lex_;
    const std::vector<Token>& tokens_;
    Module& module_;
    SharedState& shared_;
    // The file that errors quote: [src_] itself, or for an f-string field's sub-parser the file
    // that holds the f-string (field tokens keep their file positions, see fstringExpression).
    std::string_view errorSource_;
    const std::vector<uint32_t>* errorLines_;
    size_t pos_ = 0;
    size_t furthest_ = 0;
    int depth_ = 0;
    bool overflowed_ = false; // the parser's stack overflowed: no backtracking retries it
    size_t awaitCount_ = 0;
    bool withoutInvalidRules_ = false; // set while trying the second expression of an invalid_* rule
};

} // namespace

ParseResult parseModule(std::string_view source)
{
    ParseResult result;
    auto module = std::make_unique<Module>();
    LexResult lex = tokenize(source);
    SharedState shared;
    Parser parser(source, lex, *module, shared);
    try {
        try {
            parser.parseFile();
        } catch (std::bad_alloc&) {
            // Past the memory budget: the tree so far goes, the error names the line reached.
            module.reset();
            SyntaxError error;
            error.type = "MemoryError";
            error.message = sourceTooBigMessage();
            error.line = error.endLine = parser.currentLine();
            result.error = std::move(error);
            return result;
        }
    } catch (ParseFailure&) {
        SyntaxError error = *parser.error_;
        // CPython tokenizes the rest of the file after a parser error: a tokenizer error anywhere
        // wins, and so does an unclosed bracket opened on an earlier line than the error.
        if (!parser.errorFromLexer_ && !parser.errorExempt_) {
            if (lex.error) {
                error = *lex.error;
            } else if (lex.unclosedAtEnd && parser.furthestLine() > lex.unclosedAtEnd->line) {
                const OpenBracket& open = *lex.unclosedAtEnd;
                std::string_view text = sourceLine(source, lex.lineStarts, open.line);
                error = SyntaxError{};
                error.message = std::string("'") + open.bracket + "' was never closed";
                error.line = error.endLine = open.line;
                error.offset = characterColumn(text, open.col) + 1;
                error.endOffset = 0;
                error.text = std::string(text);
            }
        }
        result.error = std::move(error);
        return result;
    }
    // CPython's next pass, the AST optimizer, refuses trees nested too deeply before the
    // symbol table and the compiler report anything.
    if (const SourceSpan* deep = firstNodeDeeperThan(*module, kMaxCompileDepth)) {
        SyntaxError error;
        error.type = "RecursionError";
        error.message = "maximum recursion depth exceeded during compilation";
        error.line = error.endLine = deep->line;
        result.error = std::move(error);
        return result;
    }
    if (shared.symtableError) {
        result.error = shared.symtableError;
        return result;
    }
    if (shared.compilerError) {
        result.error = shared.compilerError;
        return result;
    }
    result.module = std::move(module);
    return result;
}

// -- Printing ------------------------------------------------------------------

namespace {

// The byte index of 0-based character column [charCol] in [text] (CPython's printer works in
// UTF-8 bytes, so its caret line counts bytes too).
int byteColumn(std::string_view text, int charCol)
{
    int chars = 0;
    size_t i = 0;
    while (i < text.size() && chars < charCol) {
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            ++i;
        ++chars;
    }
    return static_cast<int>(i) + (charCol - chars);
}

} // namespace

std::string formatSyntaxError(const SyntaxError& error, std::string_view filename)
{
    if (error.messageOnly)
        return error.type + ": " + error.message + "\n";
    std::string out = "  File \"" + std::string(filename) + "\", line " + std::to_string(error.line) + "\n";
    std::string_view text = error.text;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    if (error.text.empty())
        return out + error.type + ": " + error.message + "\n";
    // Mirrors CPython 3.11's print_error_text: strip the indentation, keep the caret aligned.
    int offset = byteColumn(text, error.offset - 1);
    int endOffset = error.endOffset > 0 ? byteColumn(text, error.endOffset - 1) : -1;
    size_t strip = 0;
    while (strip < text.size() && (text[strip] == ' ' || text[strip] == '\t' || text[strip] == '\f'))
        ++strip;
    std::string_view shown = text.substr(strip);
    int length = static_cast<int>(shown.size());
    offset -= static_cast<int>(strip);
    endOffset -= static_cast<int>(strip);
    if (offset > length)
        offset = length;
    out += "    " + std::string(shown) + "\n";
    if (offset >= 0 && error.offset > 0) {
        int end;
        if (error.type != "SyntaxError")
            end = offset + 1; // indentation errors get a single caret
        else if (error.endLine > error.line)
            end = length;
        else if (error.endOffset > 0)
            end = endOffset;
        else
            end = offset + 1;
        if (end > length && end > offset + 1)
            end = length;
        int carets = end - offset > 0 ? end - offset : 1;
        out += "    ";
        for (int i = 0; i < offset; ++i)
            out += shown[i] == '\t' || shown[i] == '\f' ? shown[i] : ' ';
        out += std::string(static_cast<size_t>(carets), '^') + "\n";
    }
    out += error.type + ": " + error.message + "\n";
    return out;
}

} // namespace loopscope
