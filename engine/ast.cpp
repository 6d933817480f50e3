// Operator names and dumpAst(): the readable face of the AST.

#include "ast.h"

#include <charconv>
#include <cstdio>
#include <limits>

namespace loopscope {

const char* operatorName(BoolOperator op)
{
    return op == BoolOperator::And ? "And" : "Or";
}

const char* operatorName(BinaryOperator op)
{
    static const char* const names[] = {"Add",    "Sub",    "Mult",  "MatMult", "Div",    "Mod",     "Pow",
                                        "LShift", "RShift", "BitOr", "BitXor",  "BitAnd", "FloorDiv"};
    return names[static_cast<int>(op)];
}

const char* operatorSymbol(BinaryOperator op)
{
    static const char* const symbols[] = {"+",  "-",  "*", "@", "/", "%", "**",
                                          "<<", ">>", "|", "^", "&", "//"};
    return symbols[static_cast<int>(op)];
}

const char* operatorName(UnaryOperator op)
{
    static const char* const names[] = {"Invert", "Not", "UAdd", "USub"};
    return names[static_cast<int>(op)];
}

const char* operatorName(CompareOperator op)
{
    static const char* const names[] = {"Eq",  "NotEq", "Lt",    "LtE", "Gt",
                                        "GtE", "Is",    "IsNot", "In",  "NotIn"};
    return names[static_cast<int>(op)];
}

namespace {

const char* contextName(ExprContext ctx)
{
    return ctx == ExprContext::Store ? "Store" : ctx == ExprContext::Del ? "Del" : "Load";
}

// Quotes [text] roughly as Python's repr() would, enough to read test expectations.
std::string quoted(const std::string& text, bool isBytes)
{
    std::string out = isBytes ? "b'" : "'";
    for (unsigned char c : text) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\'':
            out += "\\'";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (c < 0x20 || c == 0x7f || (isBytes && c >= 0x80)) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
                out += buffer;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '\'';
    return out;
}

// repr() of a float as CPython writes it: the shortest round-trip digits, positional notation
// for exponents from -4 to 15, scientific otherwise ("1e+16", "1.5e-05").
std::string floatRepr(double value)
{
    if (value != value)
        return "nan";
    if (value == std::numeric_limits<double>::infinity())
        return "inf";
    if (value == -std::numeric_limits<double>::infinity())
        return "-inf";
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    std::string text(buffer, result.ptr);
    size_t e = text.find('e');
    int exponent = std::stoi(text.substr(e + 1));
    std::string mantissa = text.substr(0, e);
    bool negative = mantissa[0] == '-';
    if (negative)
        mantissa.erase(0, 1);
    std::string digits;
    for (char ch : mantissa)
        if (ch != '.')
            digits += ch;
    std::string out = negative ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
        if (exponent < 0) {
            out += "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
        } else if (static_cast<int>(digits.size()) <= exponent + 1) {
            out += digits +
                   std::string(static_cast<size_t>(exponent + 1 - static_cast<int>(digits.size())), '0') +
                   ".0";
        } else {
            out += digits.substr(0, static_cast<size_t>(exponent + 1)) + "." +
                   digits.substr(static_cast<size_t>(exponent + 1));
        }
        return out;
    }
    out += digits.substr(0, 1);
    if (digits.size() > 1)
        out += "." + digits.substr(1);
    char exponentText[16];
    std::snprintf(exponentText, sizeof exponentText, "e%c%02d", exponent < 0 ? '-' : '+',
                  exponent < 0 ? -exponent : exponent);
    return out + exponentText;
}

class Dumper {
  public:
    std::string out;

    void expr(const Expr* e)
    {
        if (!e) {
            out += "_";
            return;
        }
        switch (e->kind) {
        case ExprKind::Constant:
            constant(e->as<ConstantExpr>());
            break;
        case ExprKind::Name: {
            auto* n = e->as<NameExpr>();
            open("Name");
            out += n->id;
            if (n->ctx != ExprContext::Load)
                word(contextName(n->ctx));
            close();
            break;
        }
        case ExprKind::Attribute: {
            auto* n = e->as<AttributeExpr>();
            open("Attribute");
            expr(n->value);
            word(n->attr);
            if (n->ctx != ExprContext::Load)
                word(contextName(n->ctx));
            close();
            break;
        }
        case ExprKind::Subscript: {
            auto* n = e->as<SubscriptExpr>();
            open("Subscript");
            expr(n->value);
            space();
            expr(n->index);
            if (n->ctx != ExprContext::Load)
                word(contextName(n->ctx));
            close();
            break;
        }
        case ExprKind::Slice: {
            auto* n = e->as<SliceExpr>();
            open("Slice");
            expr(n->lower);
            space();
            expr(n->upper);
            space();
            expr(n->step);
            close();
            break;
        }
        case ExprKind::Call: {
            auto* n = e->as<CallExpr>();
            open("Call");
            expr(n->func);
            space();
            exprs(n->args);
            if (!n->keywords.empty()) {
                space();
                keywords(n->keywords);
            }
            close();
            break;
        }
        case ExprKind::UnaryOp: {
            auto* n = e->as<UnaryOpExpr>();
            open("UnaryOp");
            out += operatorName(n->op);
            space();
            expr(n->operand);
            close();
            break;
        }
        case ExprKind::BinOp: {
            auto* n = e->as<BinOpExpr>();
            open("BinOp");
            out += operatorName(n->op);
            space();
            expr(n->left);
            space();
            expr(n->right);
            close();
            break;
        }
        case ExprKind::BoolOp: {
            auto* n = e->as<BoolOpExpr>();
            open("BoolOp");
            out += operatorName(n->op);
            space();
            exprs(n->values);
            close();
            break;
        }
        case ExprKind::Compare: {
            auto* n = e->as<CompareExpr>();
            open("Compare");
            expr(n->left);
            for (size_t i = 0; i < n->ops.size(); ++i) {
                word(operatorName(n->ops[i]));
                space();
                expr(n->comparators[i]);
            }
            close();
            break;
        }
        case ExprKind::Lambda: {
            auto* n = e->as<LambdaExpr>();
            open("Lambda");
            arguments(n->args);
            space();
            expr(n->body);
            close();
            break;
        }
        case ExprKind::IfExp: {
            auto* n = e->as<IfExpExpr>();
            open("IfExp");
            expr(n->test);
            space();
            expr(n->body);
            space();
            expr(n->orelse);
            close();
            break;
        }
        case ExprKind::List: {
            auto* n = e->as<ListExpr>();
            open("List");
            exprs(n->elts);
            if (n->ctx != ExprContext::Load)
                word(contextName(n->ctx));
            close();
            break;
        }
        case ExprKind::Tuple: {
            auto* n = e->as<TupleExpr>();
            open("Tuple");
            exprs(n->elts);
            if (n->ctx != ExprContext::Load)
                word(contextName(n->ctx));
            close();
            break;
        }
        case ExprKind::Set: {
            open("Set");
            exprs(e->as<SetExpr>()->elts);
            close();
            break;
        }
        case ExprKind::Dict: {
            auto* n = e->as<DictExpr>();
            open("Dict");
            out += '[';
            for (size_t i = 0; i < n->keys.size(); ++i) {
                if (i)
                    space();
                if (n->keys[i]) {
                    expr(n->keys[i]);
                    out += ": ";
                } else {
                    out += "**";
                }
                expr(n->values[i]);
            }
            out += ']';
            close();
            break;
        }
        case ExprKind::ListComp: {
            auto* n = e->as<ListCompExpr>();
            comprehension("ListComp", n->elt, nullptr, n->generators);
            break;
        }
        case ExprKind::SetComp: {
            auto* n = e->as<SetCompExpr>();
            comprehension("SetComp", n->elt, nullptr, n->generators);
            break;
        }
        case ExprKind::DictComp: {
            auto* n = e->as<DictCompExpr>();
            comprehension("DictComp", n->key, n->value, n->generators);
            break;
        }
        case ExprKind::GeneratorExp: {
            auto* n = e->as<GeneratorExpExpr>();
            comprehension("GeneratorExp", n->elt, nullptr, n->generators);
            break;
        }
        case ExprKind::Await:
            unary("Await", e->as<AwaitExpr>()->value);
            break;
        case ExprKind::Yield:
            unary("Yield", e->as<YieldExpr>()->value);
            break;
        case ExprKind::YieldFrom:
            unary("YieldFrom", e->as<YieldFromExpr>()->value);
            break;
        case ExprKind::NamedExpr: {
            auto* n = e->as<NamedExprExpr>();
            open("NamedExpr");
            expr(n->target);
            space();
            expr(n->value);
            close();
            break;
        }
        case ExprKind::Starred: {
            auto* n = e->as<StarredExpr>();
            open("Starred");
            expr(n->value);
            if (n->ctx != ExprContext::Load)
                word(contextName(n->ctx));
            close();
            break;
        }
        case ExprKind::JoinedStr: {
            open("JoinedStr");
            exprs(e->as<JoinedStrExpr>()->values);
            close();
            break;
        }
        case ExprKind::FormattedValue: {
            auto* n = e->as<FormattedValueExpr>();
            open("FormattedValue");
            expr(n->value);
            if (n->conversion != -1) {
                out += " !";
                out += static_cast<char>(n->conversion);
            }
            if (n->formatSpec) {
                space();
                expr(n->formatSpec);
            }
            close();
            break;
        }
        }
    }

    void stmt(const Stmt* s)
    {
        switch (s->kind) {
        case StmtKind::Expr:
            unary("Expr", s->as<ExprStmt>()->value);
            break;
        case StmtKind::Assign: {
            auto* n = s->as<AssignStmt>();
            open("Assign");
            exprs(n->targets);
            space();
            expr(n->value);
            close();
            break;
        }
        case StmtKind::AugAssign: {
            auto* n = s->as<AugAssignStmt>();
            open("AugAssign");
            expr(n->target);
            word(operatorName(n->op));
            space();
            expr(n->value);
            close();
            break;
        }
        case StmtKind::AnnAssign: {
            auto* n = s->as<AnnAssignStmt>();
            open("AnnAssign");
            expr(n->target);
            space();
            expr(n->annotation);
            space();
            expr(n->value);
            close();
            break;
        }
        case StmtKind::If: {
            auto* n = s->as<IfStmt>();
            open("If");
            expr(n->test);
            space();
            stmts(n->body);
            if (!n->orelse.empty()) {
                space();
                stmts(n->orelse);
            }
            close();
            break;
        }
        case StmtKind::While: {
            auto* n = s->as<WhileStmt>();
            open("While");
            expr(n->test);
            space();
            stmts(n->body);
            if (!n->orelse.empty()) {
                space();
                stmts(n->orelse);
            }
            close();
            break;
        }
        case StmtKind::For: {
            auto* n = s->as<ForStmt>();
            open(n->isAsync ? "AsyncFor" : "For");
            expr(n->target);
            space();
            expr(n->iter);
            space();
            stmts(n->body);
            if (!n->orelse.empty()) {
                space();
                stmts(n->orelse);
            }
            close();
            break;
        }
        case StmtKind::Break:
            out += "(Break)";
            break;
        case StmtKind::Continue:
            out += "(Continue)";
            break;
        case StmtKind::Pass:
            out += "(Pass)";
            break;
        case StmtKind::Return:
            unary("Return", s->as<ReturnStmt>()->value);
            break;
        case StmtKind::FunctionDef: {
            auto* n = s->as<FunctionDefStmt>();
            open(n->isAsync ? "AsyncFunctionDef" : "FunctionDef");
            out += n->name;
            space();
            arguments(n->args);
            space();
            stmts(n->body);
            if (!n->decorators.empty()) {
                out += " @";
                exprs(n->decorators);
            }
            if (n->returns) {
                out += " -> ";
                expr(n->returns);
            }
            close();
            break;
        }
        case StmtKind::ClassDef: {
            auto* n = s->as<ClassDefStmt>();
            open("ClassDef");
            out += n->name;
            space();
            exprs(n->bases);
            if (!n->keywords.empty()) {
                space();
                keywords(n->keywords);
            }
            space();
            stmts(n->body);
            if (!n->decorators.empty()) {
                out += " @";
                exprs(n->decorators);
            }
            close();
            break;
        }
        case StmtKind::Try: {
            auto* n = s->as<TryStmt>();
            open(n->isStar ? "TryStar" : "Try");
            stmts(n->body);
            out += " [";
            for (size_t i = 0; i < n->handlers.size(); ++i) {
                if (i)
                    space();
                auto* h = n->handlers[i];
                open("ExceptHandler");
                expr(h->type);
                word(h->name.empty() ? "_" : h->name);
                space();
                stmts(h->body);
                close();
            }
            out += "] ";
            stmts(n->orelse);
            space();
            stmts(n->finalbody);
            close();
            break;
        }
        case StmtKind::Raise: {
            auto* n = s->as<RaiseStmt>();
            open("Raise");
            expr(n->exc);
            space();
            expr(n->cause);
            close();
            break;
        }
        case StmtKind::With: {
            auto* n = s->as<WithStmt>();
            open(n->isAsync ? "AsyncWith" : "With");
            out += '[';
            for (size_t i = 0; i < n->items.size(); ++i) {
                if (i)
                    space();
                open("withitem");
                expr(n->items[i]->contextExpr);
                space();
                expr(n->items[i]->optionalVars);
                close();
            }
            out += "] ";
            stmts(n->body);
            close();
            break;
        }
        case StmtKind::Global:
            names("Global", s->as<GlobalStmt>()->names);
            break;
        case StmtKind::Nonlocal:
            names("Nonlocal", s->as<NonlocalStmt>()->names);
            break;
        case StmtKind::Delete: {
            open("Delete");
            exprs(s->as<DeleteStmt>()->targets);
            close();
            break;
        }
        case StmtKind::Assert: {
            auto* n = s->as<AssertStmt>();
            open("Assert");
            expr(n->test);
            space();
            expr(n->msg);
            close();
            break;
        }
        case StmtKind::Import: {
            open("Import");
            aliases(s->as<ImportStmt>()->names);
            close();
            break;
        }
        case StmtKind::ImportFrom: {
            auto* n = s->as<ImportFromStmt>();
            open("ImportFrom");
            out += n->module;
            space();
            aliases(n->names);
            close();
            break;
        }
        }
    }

    void stmts(const StmtList& list)
    {
        out += '[';
        for (size_t i = 0; i < list.size(); ++i) {
            if (i)
                space();
            stmt(list[i]);
        }
        out += ']';
    }

  private:
    void open(const char* name)
    {
        out += '(';
        out += name;
        out += ' ';
    }
    void close() { out += ')'; }
    void space() { out += ' '; }
    void word(const std::string& w)
    {
        out += ' ';
        out += w;
    }

    void unary(const char* name, const Expr* value)
    {
        if (!value) {
            out += '(';
            out += name;
            out += ')';
            return;
        }
        open(name);
        expr(value);
        close();
    }

    void exprs(const std::vector<Expr*>& list)
    {
        out += '[';
        for (size_t i = 0; i < list.size(); ++i) {
            if (i)
                space();
            expr(list[i]);
        }
        out += ']';
    }

    void keywords(const std::vector<Keyword*>& list)
    {
        out += '{';
        for (size_t i = 0; i < list.size(); ++i) {
            if (i)
                space();
            out += list[i]->arg.empty() ? "**" : list[i]->arg + "=";
            expr(list[i]->value);
        }
        out += '}';
    }

    void names(const char* node, const std::vector<std::string>& list)
    {
        open(node);
        for (size_t i = 0; i < list.size(); ++i) {
            if (i)
                space();
            out += list[i];
        }
        close();
    }

    void aliases(const std::vector<Alias*>& list)
    {
        for (size_t i = 0; i < list.size(); ++i) {
            if (i)
                space();
            out += list[i]->name;
            if (!list[i]->asname.empty())
                out += " as " + list[i]->asname;
        }
    }

    void arg(const Arg* a)
    {
        out += a->name;
        if (a->annotation) {
            out += ':';
            expr(a->annotation);
        }
    }

    // (args a b=1 / c *rest d=2 **kw) with defaults attached to the parameters they belong to.
    void arguments(const Arguments* a)
    {
        out += "(args";
        size_t positional = a->posonlyargs.size() + a->args.size();
        size_t firstDefault = positional - a->defaults.size();
        size_t index = 0;
        auto positionalArg = [&](const Arg* p) {
            space();
            arg(p);
            if (index >= firstDefault) {
                out += '=';
                expr(a->defaults[index - firstDefault]);
            }
            ++index;
        };
        for (auto* p : a->posonlyargs)
            positionalArg(p);
        if (!a->posonlyargs.empty())
            out += " /";
        for (auto* p : a->args)
            positionalArg(p);
        if (a->vararg) {
            out += " *";
            arg(a->vararg);
        } else if (!a->kwonlyargs.empty()) {
            out += " *";
        }
        for (size_t i = 0; i < a->kwonlyargs.size(); ++i) {
            space();
            arg(a->kwonlyargs[i]);
            if (a->kwDefaults[i]) {
                out += '=';
                expr(a->kwDefaults[i]);
            }
        }
        if (a->kwarg) {
            out += " **";
            arg(a->kwarg);
        }
        out += ')';
    }

    void comprehension(const char* name, const Expr* elt, const Expr* value,
                       const std::vector<Comprehension*>& generators)
    {
        open(name);
        expr(elt);
        if (value) {
            space();
            expr(value);
        }
        for (auto* g : generators) {
            out += g->isAsync ? " (async-for " : " (for ";
            expr(g->target);
            space();
            expr(g->iter);
            for (auto* cond : g->ifs) {
                out += " if ";
                expr(cond);
            }
            out += ')';
        }
        close();
    }

    void constant(const ConstantExpr* c)
    {
        out += "(Constant ";
        switch (c->constantKind) {
        case ConstantKind::None:
            out += "None";
            break;
        case ConstantKind::Bool:
            out += c->boolValue ? "True" : "False";
            break;
        case ConstantKind::Ellipsis:
            out += "...";
            break;
        case ConstantKind::Int:
            out += c->stringValue.empty() ? std::to_string(c->intValue) : c->stringValue;
            break;
        case ConstantKind::Float:
            out += floatRepr(c->floatValue);
            break;
        case ConstantKind::Str:
            out += quoted(c->stringValue, false);
            break;
        case ConstantKind::Bytes:
            out += quoted(c->stringValue, true);
            break;
        }
        out += ')';
    }
};

} // namespace

std::string dumpAst(const Module& module)
{
    Dumper dumper;
    for (size_t i = 0; i < module.body.size(); ++i) {
        if (i)
            dumper.out += '\n';
        dumper.stmt(module.body[i]);
    }
    return dumper.out;
}

std::string dumpAst(const Stmt* stmt)
{
    Dumper dumper;
    dumper.stmt(stmt);
    return dumper.out;
}

std::string dumpAst(const Expr* expr)
{
    Dumper dumper;
    dumper.expr(expr);
    return dumper.out;
}

} // namespace loopscope
