#include "compiler.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "bigint.h"
#include "chunk.h"
#include "parser.h"
#include "symtable.h"
#include "vm.h"

namespace loopscope {

std::string strRepr(std::string_view s); // interpreter.cpp

namespace {

struct CompileError {
    SyntaxError error;
};

// A control-flow construct that return/break/continue must unwind (CPython's fblock).
struct FBlock {
    enum Kind {
        WhileLoop,
        ForLoop,
        AsyncForLoop,
        TryExcept,
        FinallyTry,
        FinallyEnd,
        HandlerCleanup,
        With,
        AsyncWith
    };
    Kind kind;
    int start = -1; // loops: continue target
    int exit = -1;  // loops: break target
    const StmtList* finalbody = nullptr;
    std::string name; // HandlerCleanup: the `as` name, if any
};

FBlock makeBlock(FBlock::Kind kind, int start = -1, int exit = -1, const StmtList* finalbody = nullptr,
                 std::string name = {})
{
    FBlock block;
    block.kind = kind;
    block.start = start;
    block.exit = exit;
    block.finalbody = finalbody;
    block.name = std::move(name);
    return block;
}

struct Label {
    int target = -1;
    std::vector<size_t> patches;
};

struct Unit {
    Scope* scope = nullptr;
    CodeObj* code = nullptr;
    Value codeValue;
    std::vector<Label> labels;
    std::unordered_map<std::string, int> nameIndex, varIndex, derefIndex, constIndex;
    std::vector<FBlock> fblocks;
    int line = 1;
    CodeObj::Span span; // of the node being compiled
    std::string qualname;
};

class Compiler {
  public:
    Compiler(VM& vm, SymbolTable& symbols, std::string_view source, std::string filename, bool hidden)
        : vm_(vm), symbols_(symbols), source_(source), filename_(std::move(filename)), hidden_(hidden)
    {
    }

    Value compileModuleCode(const Module& module)
    {
        Scope* scope = symbols_.moduleScope();
        enterUnit(scope, "<module>", "<module>", 1);
        unit_->code->flags |= kModule | kUsesLocalsDict;
        futureAnnotations_ = importsFutureAnnotations(module.body);
        if (hasAnnotations(module.body))
            setupAnnotations();
        compileBody(module.body);
        // The implicit `return None` belongs to the last statement's line, as in CPython.
        if (!module.body.empty())
            unit_->line = module.body.back()->line;
        emitConst(Value::none());
        emit(Op::RETURN_VALUE);
        return leaveUnit();
    }

  private:
    // -- Annotations ---------------------------------------------------------------------------

    // Whether [body] annotates a name anywhere outside nested functions and classes (CPython's
    // find_ann): then the body starts with an empty __annotations__.
    static bool hasAnnotations(const StmtList& body)
    {
        for (const Stmt* s : body) {
            switch (s->kind) {
            case StmtKind::AnnAssign:
                return true;
            case StmtKind::If:
                if (hasAnnotations(s->as<IfStmt>()->body) || hasAnnotations(s->as<IfStmt>()->orelse))
                    return true;
                break;
            case StmtKind::While:
                if (hasAnnotations(s->as<WhileStmt>()->body) || hasAnnotations(s->as<WhileStmt>()->orelse))
                    return true;
                break;
            case StmtKind::For:
                if (hasAnnotations(s->as<ForStmt>()->body) || hasAnnotations(s->as<ForStmt>()->orelse))
                    return true;
                break;
            case StmtKind::With:
                if (hasAnnotations(s->as<WithStmt>()->body))
                    return true;
                break;
            case StmtKind::Try: {
                auto* t = s->as<TryStmt>();
                if (hasAnnotations(t->body) || hasAnnotations(t->orelse) || hasAnnotations(t->finalbody))
                    return true;
                for (const ExceptHandler* h : t->handlers)
                    if (hasAnnotations(h->body))
                        return true;
                break;
            }
            default:
                break;
            }
        }
        return false;
    }

    // `from __future__ import annotations` among the leading statements (after a docstring):
    // annotations are then kept as their source text (PEP 563).
    static bool importsFutureAnnotations(const StmtList& body)
    {
        for (size_t i = 0; i < body.size(); ++i) {
            const Stmt* s = body[i];
            if (i == 0 && s->kind == StmtKind::Expr)
                continue; // the docstring
            if (s->kind != StmtKind::ImportFrom || s->as<ImportFromStmt>()->module != "__future__")
                return false;
            for (const Alias* name : s->as<ImportFromStmt>()->names)
                if (name->name == "annotations")
                    return true;
        }
        return false;
    }

    void setupAnnotations()
    {
        emit(Op::BUILD_MAP, 0);
        emit(Op::STORE_NAME, nameArg("__annotations__"));
    }

    // An annotation as PEP 563 stores it: CPython's ast.unparse of the expression, for the forms
    // annotations take (names, attributes, subscripts, `|`, literals); the source text otherwise.
    std::string annotationText(const Expr* e) const
    {
        auto join = [&](const std::vector<Expr*>& elts) {
            std::string out;
            for (size_t i = 0; i < elts.size(); ++i)
                out += (i ? ", " : "") + annotationText(elts[i]);
            return out;
        };
        switch (e->kind) {
        case ExprKind::Name:
            return e->as<NameExpr>()->id;
        case ExprKind::Attribute:
            return annotationText(e->as<AttributeExpr>()->value) + "." + e->as<AttributeExpr>()->attr;
        case ExprKind::Subscript: {
            const Expr* index = e->as<SubscriptExpr>()->index;
            std::string inside = index->kind == ExprKind::Tuple && !index->as<TupleExpr>()->elts.empty()
                                     ? join(index->as<TupleExpr>()->elts)
                                     : annotationText(index);
            return annotationText(e->as<SubscriptExpr>()->value) + "[" + inside + "]";
        }
        case ExprKind::BinOp: {
            auto* b = e->as<BinOpExpr>();
            if (b->op == BinaryOperator::BitOr)
                return annotationText(b->left) + " | " + annotationText(b->right);
            break;
        }
        case ExprKind::List:
            return "[" + join(e->as<ListExpr>()->elts) + "]";
        case ExprKind::Tuple: {
            const auto& elts = e->as<TupleExpr>()->elts;
            return "(" + join(elts) + (elts.size() == 1 ? ",)" : ")");
        }
        case ExprKind::Constant: {
            auto* c = e->as<ConstantExpr>();
            switch (c->constantKind) {
            case ConstantKind::None:
                return "None";
            case ConstantKind::Bool:
                return c->boolValue ? "True" : "False";
            case ConstantKind::Ellipsis:
                return "...";
            case ConstantKind::Str:
                return strRepr(c->stringValue);
            case ConstantKind::Int:
                return c->stringValue.empty() ? std::to_string(c->intValue) : c->stringValue;
            default:
                break;
            }
            break;
        }
        default:
            break;
        }
        return sourceText(e);
    }

    // The source text of [node], its lines joined as written.
    std::string sourceText(const SourceSpan* node) const
    {
        size_t start = offsetOf(node->line, node->col), end = offsetOf(node->endLine, node->endCol);
        return end > start ? std::string(source_.substr(start, end - start)) : std::string();
    }

    size_t offsetOf(int line, int col) const
    {
        size_t offset = 0;
        for (int l = 1; l < line && offset < source_.size(); ++l) {
            size_t nl = source_.find('\n', offset);
            if (nl == std::string_view::npos)
                return source_.size();
            offset = nl + 1;
        }
        return std::min(source_.size(), offset + size_t(col));
    }

    // -- Units and emission --------------------------------------------------------------------
    void enterUnit(Scope* scope, const std::string& name, const std::string& qualname, int line)
    {
        auto unit = std::make_unique<Unit>();
        unit->scope = scope;
        unit->code = new CodeObj();
        unit->codeValue = Value::object(unit->code);
        unit->code->name = vm_.intern(name);
        unit->code->qualname = vm_.newStr(qualname);
        unit->code->filename = filename_;
        unit->code->firstLine = line;
        unit->line = line;
        unit->qualname = qualname;
        if (hidden_)
            unit->code->flags |= kHidden;
        CodeObj* code = unit->code;
        if (scope->isFunctionLike()) {
            for (const std::string& p : scope->params)
                addVar(*unit, p);
            for (const std::string& n : scope->localOrder) {
                NameScope ns = scope->scopeOf(n);
                if (ns == NameScope::Local)
                    addVar(*unit, n);
            }
        }
        for (const std::string& c : scope->cellvars) {
            unit->derefIndex[c] = int(code->cellvars.size());
            code->cellvars.push_back(vm_.intern(c));
            int fromArg = -1;
            for (size_t i = 0; i < scope->params.size(); ++i)
                if (scope->params[i] == c)
                    fromArg = int(i);
            code->cellFromArg.push_back(fromArg);
        }
        for (const std::string& f : scope->freevars) {
            unit->derefIndex[f] = int(code->cellvars.size() + code->freevars.size());
            code->freevars.push_back(vm_.intern(f));
        }
        units_.push_back(std::move(unit));
        unit_ = units_.back().get();
    }

    static void addVar(Unit& unit, const std::string& name)
    {
        if (unit.varIndex.count(name))
            return;
        unit.varIndex[name] = int(unit.code->varnames.size());
        unit.code->varnames.push_back(VM::current().intern(name));
    }

    Value leaveUnit()
    {
        for (Label& label : unit_->labels)
            for (size_t at : label.patches)
                unit_->code->code[at] = encode(opOf(unit_->code->code[at]), uint32_t(label.target));
        computeMaxStack(unit_->code);
        Value result = unit_->codeValue;
        units_.pop_back();
        unit_ = units_.empty() ? nullptr : units_.back().get();
        return result;
    }

    // The deepest the value stack can get, by following every path (jumps and fallthrough).
    static void computeMaxStack(CodeObj* code)
    {
        std::vector<int> depth(code->code.size() + 1, -1);
        std::vector<uint32_t> work;
        int maxDepth = 0;
        // Each instruction is reached with one depth; a compiler bug that made two paths
        // disagree must not make this loop forever, so the first depth seen wins.
        auto reach = [&](uint32_t at, int d) {
            if (at >= depth.size() || d < 0)
                return;
            if (depth[at] < 0) {
                depth[at] = d;
                work.push_back(at);
            } else if (depth[at] != d && std::getenv("LOOPSCOPE_DEBUG_STACK")) {
                std::fprintf(stderr, "stack depth mismatch in %s at %u: %d vs %d\n",
                             strText(code->qualname).c_str(), at, depth[at], d);
            }
        };
        reach(0, 0);
        while (!work.empty()) {
            uint32_t at = work.back();
            work.pop_back();
            if (at >= code->code.size())
                continue;
            int d = depth[at];
            Op op = opOf(code->code[at]);
            uint32_t arg = argOf(code->code[at]);
            if (d > maxDepth)
                maxDepth = d;
            if (isJump(op)) {
                int jd = d + opStackEffect(op, arg, true);
                if (jd > maxDepth)
                    maxDepth = jd;
                reach(arg, jd);
            }
            if (op == Op::JUMP || op == Op::RETURN_VALUE || op == Op::RERAISE || op == Op::RAISE_VARARGS)
                continue;
            int nd = d + opStackEffect(op, arg, false);
            if (nd > maxDepth)
                maxDepth = nd;
            reach(at + 1, nd);
        }
        // Exact: a generator's frame has no slot beyond it (vm.cpp checks the depth at every
        // instruction in debug and sanitizer builds, CHECK_STACK).
        code->maxStack = maxDepth;
    }

    size_t emit(Op op, uint32_t arg = 0)
    {
        unit_->code->code.push_back(encode(op, arg));
        unit_->code->lines.push_back(uint32_t(unit_->line));
        unit_->code->spans.push_back(unit_->span);
        return unit_->code->code.size() - 1;
    }

    int newLabel()
    {
        unit_->labels.emplace_back();
        return int(unit_->labels.size() - 1);
    }
    void bind(int label) { unit_->labels[size_t(label)].target = int(unit_->code->code.size()); }
    void emitJump(Op op, int label)
    {
        size_t at = emit(op, 0);
        Label& l = unit_->labels[size_t(label)];
        if (l.target >= 0)
            unit_->code->code[at] = encode(op, uint32_t(l.target));
        else
            l.patches.push_back(at);
    }

    uint32_t addConst(Value v, const std::string& key)
    {
        if (!key.empty()) {
            auto it = unit_->constIndex.find(key);
            if (it != unit_->constIndex.end())
                return uint32_t(it->second);
            unit_->constIndex[key] = int(unit_->code->constants.size());
        }
        unit_->code->constants.push_back(std::move(v));
        return uint32_t(unit_->code->constants.size() - 1);
    }

    void emitConst(const Value& v)
    {
        std::string key;
        switch (v.tag()) {
        case Tag::None:
            key = "N";
            break;
        case Tag::Bool:
            key = v.asBool() ? "T" : "F";
            break;
        case Tag::Int:
            key = "i" + std::to_string(v.asInt());
            break;
        case Tag::Float: {
            uint64_t bits;
            double d = v.asFloat();
            std::memcpy(&bits, &d, 8);
            key = "f" + std::to_string(bits);
            break;
        }
        default:
            if (isStr(v))
                key = "s" + strText(v);
            break;
        }
        emit(Op::LOAD_CONST, addConst(v, key));
    }

    uint32_t nameArg(const std::string& name)
    {
        auto it = unit_->nameIndex.find(name);
        if (it != unit_->nameIndex.end())
            return uint32_t(it->second);
        int index = int(unit_->code->names.size());
        unit_->code->names.push_back(vm_.intern(name));
        unit_->nameIndex[name] = index;
        return uint32_t(index);
    }

    [[noreturn]] void fail(const SourceSpan& at, const std::string& message)
    {
        SyntaxError e;
        e.message = message;
        e.line = at.line;
        e.offset = at.col + 1;
        e.endLine = at.endLine;
        e.endOffset = at.endCol + 1;
        throw CompileError{e};
    }

    struct LineScope {
        LineScope(Unit* u, int line) : unit(u), saved(u->line)
        {
            if (line > 0)
                u->line = line;
        }
        ~LineScope() { unit->line = saved; }
        Unit* unit;
        int saved;
    };

    // The instructions emitted while it lives belong to [node] (and its line).
    struct NodeScope {
        NodeScope(Unit* u, const SourceSpan* node) : line(u, node->line), unit(u), saved(u->span)
        {
            if (node->line > 0)
                u->span = CodeObj::Span{node->col, node->endLine, node->endCol};
        }
        ~NodeScope() { unit->span = saved; }
        LineScope line;
        Unit* unit;
        CodeObj::Span saved;
    };

    // -- Names -------------------------------------------------------------------------------
    void compileName(const std::string& name, ExprContext ctx)
    {
        Scope* scope = unit_->scope;
        NameScope ns = scope->scopeOf(name);
        auto pick = [&](Op load, Op store, Op del) {
            return ctx == ExprContext::Load ? load : ctx == ExprContext::Store ? store : del;
        };
        if (scope->kind == ScopeKind::Module) {
            emit(pick(Op::LOAD_NAME, Op::STORE_NAME, Op::DELETE_NAME), nameArg(name));
            return;
        }
        if (scope->kind == ScopeKind::Class) {
            if (ns == NameScope::Free && unit_->derefIndex.count(name)) {
                emit(pick(Op::LOAD_CLASSDEREF, Op::STORE_DEREF, Op::DELETE_DEREF),
                     uint32_t(unit_->derefIndex[name]));
            } else if (ns == NameScope::GlobalExplicit) {
                emit(pick(Op::LOAD_GLOBAL, Op::STORE_GLOBAL, Op::DELETE_GLOBAL), nameArg(name));
            } else {
                emit(pick(Op::LOAD_NAME, Op::STORE_NAME, Op::DELETE_NAME), nameArg(name));
            }
            return;
        }
        switch (ns) {
        case NameScope::Local:
            emit(pick(Op::LOAD_FAST, Op::STORE_FAST, Op::DELETE_FAST), uint32_t(unit_->varIndex.at(name)));
            break;
        case NameScope::Cell:
        case NameScope::Free:
            emit(pick(Op::LOAD_DEREF, Op::STORE_DEREF, Op::DELETE_DEREF),
                 uint32_t(unit_->derefIndex.at(name)));
            break;
        default:
            emit(pick(Op::LOAD_GLOBAL, Op::STORE_GLOBAL, Op::DELETE_GLOBAL), nameArg(name));
            break;
        }
    }

    // -- Statements --------------------------------------------------------------------------
    void compileBody(const StmtList& body)
    {
        for (const Stmt* s : body)
            compileStmt(s);
    }

    void compileStmt(const Stmt* s)
    {
        NodeScope node(unit_, s);
        switch (s->kind) {
        case StmtKind::Expr:
            compileExpr(s->as<ExprStmt>()->value);
            emit(Op::POP_TOP);
            break;
        case StmtKind::Assign: {
            auto* a = s->as<AssignStmt>();
            compileExpr(a->value);
            for (size_t i = 0; i < a->targets.size(); ++i) {
                if (i + 1 < a->targets.size())
                    emit(Op::DUP_TOP);
                compileStore(a->targets[i]);
            }
            break;
        }
        case StmtKind::AugAssign:
            compileAugAssign(s->as<AugAssignStmt>());
            break;
        case StmtKind::AnnAssign: {
            auto* a = s->as<AnnAssignStmt>();
            if (a->value) {
                compileExpr(a->value);
                compileStore(a->target);
            }
            // A simple name in a module or class body records its annotation, as CPython does;
            // dataclasses and enum read __annotations__.
            bool recorded = unit_->scope->kind == ScopeKind::Module || unit_->scope->kind == ScopeKind::Class;
            if (recorded && a->simple && a->target->kind == ExprKind::Name) {
                if (futureAnnotations_)
                    emitConst(vm_.newStr(annotationText(a->annotation)));
                else
                    compileExpr(a->annotation);
                emit(Op::LOAD_NAME, nameArg("__annotations__"));
                emitConst(vm_.newStr(a->target->as<NameExpr>()->id));
                emit(Op::STORE_SUBSCR);
            }
            break;
        }
        case StmtKind::If:
            compileIf(s->as<IfStmt>());
            break;
        case StmtKind::While:
            compileWhile(s->as<WhileStmt>());
            break;
        case StmtKind::For:
            if (s->as<ForStmt>()->isAsync)
                compileAsyncFor(s->as<ForStmt>());
            else
                compileFor(s->as<ForStmt>());
            break;
        case StmtKind::Break:
            compileBreakContinue(s, true);
            break;
        case StmtKind::Continue:
            compileBreakContinue(s, false);
            break;
        case StmtKind::Pass:
            emit(Op::NOP);
            break;
        case StmtKind::Return: {
            auto* r = s->as<ReturnStmt>();
            if (r->value)
                compileExpr(r->value);
            else
                emitConst(Value::none());
            unwindAll(true);
            LineScope back(unit_, s->line);
            emit(Op::RETURN_VALUE);
            break;
        }
        case StmtKind::FunctionDef:
            compileFunctionDef(s->as<FunctionDefStmt>());
            break;
        case StmtKind::ClassDef:
            compileClassDef(s->as<ClassDefStmt>());
            break;
        case StmtKind::Try: {
            auto* t = s->as<TryStmt>();
            if (!t->finalbody.empty())
                compileTryFinally(t);
            else
                compileTryExcept(t);
            break;
        }
        case StmtKind::Raise: {
            auto* r = s->as<RaiseStmt>();
            uint32_t n = 0;
            if (r->exc) {
                compileExpr(r->exc);
                n = 1;
                if (r->cause) {
                    compileExpr(r->cause);
                    n = 2;
                }
            }
            emit(Op::RAISE_VARARGS, n);
            break;
        }
        case StmtKind::With:
            compileWith(s->as<WithStmt>(), 0);
            break;
        case StmtKind::Global:
        case StmtKind::Nonlocal:
            break;
        case StmtKind::Delete:
            for (Expr* t : s->as<DeleteStmt>()->targets)
                compileDelete(t);
            break;
        case StmtKind::Assert: {
            auto* a = s->as<AssertStmt>();
            int end = newLabel();
            compileExpr(a->test);
            // CPython's raise carries the test's position: tracebacks underline the test.
            NodeScope failing(unit_, a->test);
            emitJump(Op::POP_JUMP_IF_TRUE, end);
            emit(Op::LOAD_ASSERTION_ERROR);
            if (a->msg) {
                compileExpr(a->msg);
                emit(Op::CALL, 1);
            }
            emit(Op::RAISE_VARARGS, 1);
            bind(end);
            break;
        }
        case StmtKind::Import:
            for (Alias* alias : s->as<ImportStmt>()->names) {
                std::string first = alias->name.substr(0, alias->name.find('.'));
                if (alias->asname.empty()) {
                    // `import a.b` loads a.b and binds the top-level name a.
                    emitConst(Value::none());
                    emit(Op::IMPORT_NAME, nameArg(alias->name));
                    compileName(first, ExprContext::Store);
                } else {
                    // `import a.b as c` binds the submodule itself (fromlist True).
                    emitConst(Value::boolean(true));
                    emit(Op::IMPORT_NAME, nameArg(alias->name));
                    compileName(alias->asname, ExprContext::Store);
                }
            }
            break;
        case StmtKind::ImportFrom: {
            auto* f = s->as<ImportFromStmt>();
            std::vector<Value> fromlist;
            for (Alias* alias : f->names)
                fromlist.push_back(vm_.newStr(alias->name));
            emit(Op::LOAD_CONST, addConst(vm_.newTuple(fromlist), ""));
            emit(Op::IMPORT_NAME, nameArg(f->module));
            if (f->names.size() == 1 && f->names[0]->name == "*") {
                emit(Op::IMPORT_STAR);
                break;
            }
            for (Alias* alias : f->names) {
                emit(Op::IMPORT_FROM, nameArg(alias->name));
                compileName(alias->asname.empty() ? alias->name : alias->asname, ExprContext::Store);
            }
            emit(Op::POP_TOP);
            break;
        }
        }
    }

    void compileAugAssign(const AugAssignStmt* a)
    {
        uint32_t op = uint32_t(a->op) | kInplace;
        switch (a->target->kind) {
        case ExprKind::Name: {
            const std::string& id = a->target->as<NameExpr>()->id;
            compileName(id, ExprContext::Load);
            compileExpr(a->value);
            emit(Op::BINARY_OP, op);
            compileName(id, ExprContext::Store);
            break;
        }
        case ExprKind::Attribute: {
            auto* at = a->target->as<AttributeExpr>();
            compileExpr(at->value);
            emit(Op::DUP_TOP);
            emit(Op::LOAD_ATTR, nameArg(at->attr));
            compileExpr(a->value);
            emit(Op::BINARY_OP, op);
            emit(Op::ROT_TWO);
            emit(Op::STORE_ATTR, nameArg(at->attr));
            break;
        }
        case ExprKind::Subscript: {
            auto* sub = a->target->as<SubscriptExpr>();
            compileExpr(sub->value);
            compileSubscriptIndex(sub->index);
            emit(Op::DUP_TOP_TWO);
            emit(Op::BINARY_SUBSCR);
            compileExpr(a->value);
            emit(Op::BINARY_OP, op);
            emit(Op::ROT_THREE);
            emit(Op::STORE_SUBSCR);
            break;
        }
        default:
            fail(*a->target,
                 "'" + std::string("expression") + "' is an illegal expression for augmented assignment");
        }
    }

    void compileIf(const IfStmt* s)
    {
        int elseLabel = newLabel(), end = newLabel();
        compileExpr(s->test);
        emitJump(Op::POP_JUMP_IF_FALSE, elseLabel);
        compileBody(s->body);
        if (!s->orelse.empty())
            emitJump(Op::JUMP, end);
        bind(elseLabel);
        compileBody(s->orelse);
        bind(end);
    }

    void compileWhile(const WhileStmt* s)
    {
        int start = newLabel(), exit = newLabel(), orelse = newLabel();
        bind(start);
        compileExpr(s->test);
        emitJump(Op::POP_JUMP_IF_FALSE, orelse);
        unit_->fblocks.push_back(makeBlock(FBlock::WhileLoop, start, exit));
        compileBody(s->body);
        unit_->fblocks.pop_back();
        {
            LineScope line(unit_, s->line);
            emitJump(Op::JUMP, start);
        }
        bind(orelse);
        compileBody(s->orelse);
        bind(exit);
    }

    void compileFor(const ForStmt* s)
    {
        int start = newLabel(), exit = newLabel(), cleanup = newLabel();
        compileExpr(s->iter);
        emit(Op::GET_ITER);
        bind(start);
        emitJump(Op::FOR_ITER, cleanup);
        compileStore(s->target);
        unit_->fblocks.push_back(makeBlock(FBlock::ForLoop, start, exit));
        compileBody(s->body);
        unit_->fblocks.pop_back();
        {
            LineScope line(unit_, s->line);
            emitJump(Op::JUMP, start);
        }
        bind(cleanup);
        compileBody(s->orelse);
        bind(exit);
    }

    void emitAwait()
    {
        emit(Op::GET_AWAITABLE);
        emitConst(Value::none());
        emitYieldFromLoop();
    }

    void emitYieldFromLoop()
    {
        int send = newLabel(), exit = newLabel();
        bind(send);
        emitJump(Op::SEND, exit);
        emit(Op::YIELD_VALUE);
        emitJump(Op::JUMP, send);
        bind(exit);
    }

    void compileAsyncFor(const ForStmt* s)
    {
        int start = newLabel(), exit = newLabel(), handler = newLabel(), orelse = newLabel();
        compileExpr(s->iter);
        emit(Op::GET_AITER);
        bind(start);
        emitJump(Op::SETUP_FINALLY, handler);
        emit(Op::GET_ANEXT);
        emitConst(Value::none());
        emitYieldFromLoop();
        emit(Op::POP_BLOCK);
        compileStore(s->target);
        unit_->fblocks.push_back(makeBlock(FBlock::AsyncForLoop, start, exit));
        compileBody(s->body);
        unit_->fblocks.pop_back();
        {
            LineScope line(unit_, s->line);
            emitJump(Op::JUMP, start);
        }
        bind(handler);
        emit(Op::END_ASYNC_FOR);
        emitJump(Op::JUMP, orelse);
        bind(orelse);
        compileBody(s->orelse);
        bind(exit);
    }

    // Emits what leaving [block] early needs; [preserveTos] keeps a return value on top.
    void unwindBlock(const FBlock& block, bool preserveTos)
    {
        switch (block.kind) {
        case FBlock::WhileLoop:
            break;
        case FBlock::ForLoop:
        case FBlock::AsyncForLoop:
            if (preserveTos)
                emit(Op::ROT_TWO);
            emit(Op::POP_TOP);
            break;
        case FBlock::TryExcept:
            emit(Op::POP_BLOCK);
            break;
        case FBlock::FinallyTry: {
            emit(Op::POP_BLOCK);
            // The finally body runs inline; its own fblock is gone while it compiles.
            FBlock saved = block;
            std::vector<FBlock> outer(unit_->fblocks.begin(), unit_->fblocks.end());
            compileBody(*saved.finalbody);
            break;
        }
        case FBlock::FinallyEnd:
            if (preserveTos)
                emit(Op::ROT_TWO);
            emit(Op::POP_TOP);
            emit(Op::POP_EXCEPT);
            break;
        case FBlock::HandlerCleanup:
            if (!block.name.empty())
                emit(Op::POP_BLOCK);
            emit(Op::POP_EXCEPT);
            if (!block.name.empty()) {
                emitConst(Value::none());
                compileName(block.name, ExprContext::Store);
                compileName(block.name, ExprContext::Del);
            }
            break;
        case FBlock::With:
        case FBlock::AsyncWith:
            emit(Op::POP_BLOCK);
            if (preserveTos)
                emit(Op::ROT_TWO);
            emitConst(Value::none());
            emitConst(Value::none());
            emitConst(Value::none());
            emit(Op::CALL, 3);
            if (block.kind == FBlock::AsyncWith) {
                emit(Op::GET_AWAITABLE, 2);
                emitConst(Value::none());
                emitYieldFromLoop();
            }
            emit(Op::POP_TOP);
            break;
        }
    }

    void unwindAll(bool preserveTos)
    {
        std::vector<FBlock> saved = unit_->fblocks;
        while (!unit_->fblocks.empty()) {
            FBlock block = unit_->fblocks.back();
            unit_->fblocks.pop_back();
            unwindBlock(block, preserveTos);
        }
        unit_->fblocks = saved;
    }

    void compileBreakContinue(const Stmt* s, bool isBreak)
    {
        std::vector<FBlock> saved = unit_->fblocks;
        while (!unit_->fblocks.empty()) {
            FBlock block = unit_->fblocks.back();
            bool loop = block.kind == FBlock::WhileLoop || block.kind == FBlock::ForLoop ||
                        block.kind == FBlock::AsyncForLoop;
            if (loop) {
                if (isBreak) {
                    unwindBlock(block, false);
                    emitJump(Op::JUMP, block.exit);
                } else {
                    emitJump(Op::JUMP, block.start);
                }
                unit_->fblocks = saved;
                return;
            }
            unit_->fblocks.pop_back();
            unwindBlock(block, false);
        }
        unit_->fblocks = saved;
        fail(*s, isBreak ? "'break' outside loop" : "'continue' not properly in loop");
    }

    void compileTryExcept(const TryStmt* t)
    {
        if (t->isStar) {
            compileTryStar(t);
            return;
        }
        int handler = newLabel(), end = newLabel(), orelse = newLabel();
        emitJump(Op::SETUP_FINALLY, handler);
        unit_->fblocks.push_back(makeBlock(FBlock::TryExcept));
        compileBody(t->body);
        unit_->fblocks.pop_back();
        emit(Op::POP_BLOCK);
        emitJump(Op::JUMP, orelse);
        bind(handler);
        for (const ExceptHandler* h : t->handlers) {
            LineScope line(unit_, h->line);
            int next = newLabel();
            if (h->type) {
                emit(Op::DUP_TOP);
                compileExpr(h->type);
                emit(Op::CHECK_EXC_MATCH);
                emitJump(Op::POP_JUMP_IF_FALSE, next);
            }
            if (!h->name.empty()) {
                compileName(h->name, ExprContext::Store);
                int cleanup = newLabel();
                emitJump(Op::SETUP_FINALLY, cleanup);
                unit_->fblocks.push_back(makeBlock(FBlock::HandlerCleanup, -1, -1, nullptr, h->name));
                compileBody(h->body);
                unit_->fblocks.pop_back();
                emit(Op::POP_BLOCK);
                emit(Op::POP_EXCEPT);
                emitConst(Value::none());
                compileName(h->name, ExprContext::Store);
                compileName(h->name, ExprContext::Del);
                emitJump(Op::JUMP, end);
                bind(cleanup);
                emitConst(Value::none());
                compileName(h->name, ExprContext::Store);
                compileName(h->name, ExprContext::Del);
                emit(Op::RERAISE);
            } else {
                emit(Op::POP_TOP);
                unit_->fblocks.push_back(makeBlock(FBlock::HandlerCleanup));
                compileBody(h->body);
                unit_->fblocks.pop_back();
                emit(Op::POP_EXCEPT);
                emitJump(Op::JUMP, end);
            }
            bind(next);
        }
        emit(Op::RERAISE);
        bind(orelse);
        compileBody(t->orelse);
        bind(end);
    }

    // try/except*: each handler takes the part of the group that matches its type; what no
    // handler took, plus whatever the handlers raised, is raised again at the end.
    void compileTryStar(const TryStmt* t)
    {
        int handler = newLabel(), end = newLabel(), orelse = newLabel();
        emitJump(Op::SETUP_FINALLY, handler);
        unit_->fblocks.push_back(makeBlock(FBlock::TryExcept));
        compileBody(t->body);
        unit_->fblocks.pop_back();
        emit(Op::POP_BLOCK);
        emitJump(Op::JUMP, orelse);
        bind(handler);
        // stack: orig. Keep [orig, raisedList, rest] while handlers run.
        emit(Op::BUILD_LIST, 0); // [orig, raised]
        emit(Op::ROT_TWO);       // [raised, orig]
        emit(Op::DUP_TOP);       // [raised, orig, rest]
        for (const ExceptHandler* h : t->handlers) {
            LineScope line(unit_, h->line);
            int next = newLabel();
            compileExpr(h->type);
            emit(Op::CHECK_EG_MATCH); // [raised, orig, rest, match]  (match None if no match)
            emit(Op::DUP_TOP);
            emitConst(Value::none());
            emit(Op::IS_OP, 0);
            emitJump(Op::POP_JUMP_IF_TRUE, next);
            int handlerFailed = newLabel(), handlerDone = newLabel();
            if (!h->name.empty())
                compileName(h->name, ExprContext::Store);
            else
                emit(Op::POP_TOP);
            emitJump(Op::SETUP_FINALLY, handlerFailed);
            unit_->fblocks.push_back(makeBlock(FBlock::TryExcept));
            compileBody(h->body);
            unit_->fblocks.pop_back();
            emit(Op::POP_BLOCK);
            emitJump(Op::JUMP, handlerDone);
            bind(handlerFailed); // [raised, orig, rest, exc]  ExceptClause pushed
            // raised.append(exc): the list is 3 below the exception.
            emit(Op::LIST_APPEND, 3);
            emit(Op::POP_EXCEPT);
            bind(handlerDone);
            if (!h->name.empty()) {
                emitConst(Value::none());
                compileName(h->name, ExprContext::Store);
                compileName(h->name, ExprContext::Del);
            }
            int after = newLabel();
            emitJump(Op::JUMP, after);
            bind(next);
            emit(Op::POP_TOP); // the None match
            bind(after);
        }
        // [raised, orig, rest] -> combine into what to raise (or None)
        emit(Op::PREP_RERAISE_STAR); // [toRaise]
        emit(Op::DUP_TOP);
        emitConst(Value::none());
        emit(Op::IS_OP, 0);
        int nothing = newLabel();
        emitJump(Op::POP_JUMP_IF_TRUE, nothing);
        emit(Op::RERAISE);
        bind(nothing);
        emit(Op::POP_TOP);
        emit(Op::POP_EXCEPT);
        emitJump(Op::JUMP, end);
        bind(orelse);
        compileBody(t->orelse);
        bind(end);
    }

    void compileTryFinally(const TryStmt* t)
    {
        int handler = newLabel(), end = newLabel();
        emitJump(Op::SETUP_FINALLY, handler);
        unit_->fblocks.push_back(makeBlock(FBlock::FinallyTry, -1, -1, &t->finalbody));
        if (!t->handlers.empty())
            compileTryExcept(t);
        else
            compileBody(t->body);
        unit_->fblocks.pop_back();
        emit(Op::POP_BLOCK);
        compileBody(t->finalbody);
        emitJump(Op::JUMP, end);
        bind(handler);
        unit_->fblocks.push_back(makeBlock(FBlock::FinallyEnd));
        compileBody(t->finalbody);
        unit_->fblocks.pop_back();
        emit(Op::RERAISE);
        bind(end);
    }

    void compileWith(const WithStmt* w, size_t item)
    {
        if (item == w->items.size()) {
            compileBody(w->body);
            return;
        }
        const WithItem* it = w->items[item];
        int handler = newLabel(), end = newLabel(), suppress = newLabel();
        compileExpr(it->contextExpr);
        if (w->isAsync) {
            emit(Op::BEFORE_ASYNC_WITH);
            emit(Op::GET_AWAITABLE, 1);
            emitConst(Value::none());
            emitYieldFromLoop();
            emitJump(Op::SETUP_ASYNC_WITH, handler);
        } else {
            emitJump(Op::SETUP_WITH, handler);
        }
        if (it->optionalVars)
            compileStore(it->optionalVars);
        else
            emit(Op::POP_TOP);
        unit_->fblocks.push_back(makeBlock(w->isAsync ? FBlock::AsyncWith : FBlock::With));
        compileWith(w, item + 1);
        unit_->fblocks.pop_back();
        LineScope line(unit_, w->line);
        emit(Op::POP_BLOCK);
        emitConst(Value::none());
        emitConst(Value::none());
        emitConst(Value::none());
        emit(Op::CALL, 3);
        if (w->isAsync) {
            emit(Op::GET_AWAITABLE, 2);
            emitConst(Value::none());
            emitYieldFromLoop();
        }
        emit(Op::POP_TOP);
        emitJump(Op::JUMP, end);
        bind(handler);
        emit(Op::WITH_EXCEPT_START);
        if (w->isAsync) {
            emit(Op::GET_AWAITABLE, 2);
            emitConst(Value::none());
            emitYieldFromLoop();
        }
        emitJump(Op::POP_JUMP_IF_TRUE, suppress);
        emit(Op::RERAISE);
        bind(suppress);
        emit(Op::POP_TOP);
        emit(Op::POP_EXCEPT);
        emit(Op::POP_TOP);
        bind(end);
    }

    // -- Functions and classes ---------------------------------------------------------------
    std::string childQualname(const std::string& name)
    {
        Scope* scope = unit_->scope;
        if (scope->kind == ScopeKind::Module)
            return name;
        if (scope->kind == ScopeKind::Class)
            return unit_->qualname + "." + name;
        return unit_->qualname + ".<locals>." + name;
    }

    // Emits the closure tuple for a child code object's free variables.
    void emitClosure(CodeObj* child)
    {
        for (const Value& f : child->freevars) {
            const std::string& name = strText(f);
            auto it = unit_->derefIndex.find(name);
            if (it == unit_->derefIndex.end())
                fail(SourceSpan{unit_->line, 0, unit_->line, 0},
                     "internal error: no cell for '" + name + "'");
            emit(Op::LOAD_CLOSURE, uint32_t(it->second));
        }
        emit(Op::BUILD_TUPLE, uint32_t(child->freevars.size()));
    }

    // Pushes a new function for [code]; defaults are already on the stack per [flags].
    void emitMakeFunction(const Value& code, uint32_t flags)
    {
        CodeObj* child = code.as<CodeObj>();
        if (!child->freevars.empty()) {
            emitClosure(child);
            flags |= 8;
        }
        emit(Op::LOAD_CONST, addConst(code, ""));
        emit(Op::MAKE_FUNCTION, flags);
    }

    uint32_t compileDefaults(const Arguments* args)
    {
        uint32_t flags = 0;
        if (!args->defaults.empty()) {
            for (Expr* d : args->defaults)
                compileExpr(d);
            emit(Op::BUILD_TUPLE, uint32_t(args->defaults.size()));
            flags |= 1;
        }
        size_t kwCount = 0;
        for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
            if (args->kwDefaults[i]) {
                emitConst(vm_.newStr(args->kwonlyargs[i]->name));
                compileExpr(args->kwDefaults[i]);
                ++kwCount;
            }
        }
        if (kwCount) {
            emit(Op::BUILD_MAP, uint32_t(kwCount));
            flags |= 2;
        }
        return flags;
    }

    void setSignature(CodeObj* code, const Arguments* args, Scope* scope)
    {
        code->posonlyargcount = int(args->posonlyargs.size());
        code->argcount = int(args->posonlyargs.size() + args->args.size());
        code->kwonlyargcount = int(args->kwonlyargs.size());
        if (args->vararg)
            code->flags |= kVarargs;
        if (args->kwarg)
            code->flags |= kVarkw;
        if (scope->isAsync && scope->isGenerator)
            code->flags |= kAsyncGenerator;
        else if (scope->isAsync)
            code->flags |= kCoroutine;
        else if (scope->isGenerator)
            code->flags |= kGenerator;
    }

    void compileFunctionDef(const FunctionDefStmt* f)
    {
        for (Expr* d : f->decorators)
            compileExpr(d);
        uint32_t flags = compileDefaults(f->args);
        Scope* scope = symbols_.scopeFor(f);
        int firstLine = f->decorators.empty() ? f->line : f->decorators.front()->line;
        enterUnit(scope, f->name, childQualname(f->name), firstLine);
        setSignature(unit_->code, f->args, scope);
        if (!f->body.empty() && f->body[0]->kind == StmtKind::Expr &&
            f->body[0]->as<ExprStmt>()->value->kind == ExprKind::Constant &&
            f->body[0]->as<ExprStmt>()->value->as<ConstantExpr>()->constantKind == ConstantKind::Str) {
            addConst(vm_.newStr(f->body[0]->as<ExprStmt>()->value->as<ConstantExpr>()->stringValue), "");
        } else {
            addConst(Value::none(), ""); // constants[0] is the docstring (CPython's convention)
        }
        compileBody(f->body);
        if (!f->body.empty())
            unit_->line = f->body.back()->line;
        emitConst(Value::none());
        emit(Op::RETURN_VALUE);
        Value code = leaveUnit();
        emitMakeFunction(code, flags);
        for (size_t i = 0; i < f->decorators.size(); ++i)
            emit(Op::CALL, 1);
        compileName(f->name, ExprContext::Store);
    }

    void compileClassDef(const ClassDefStmt* c)
    {
        for (Expr* d : c->decorators)
            compileExpr(d);
        emit(Op::LOAD_BUILD_CLASS);
        Scope* scope = symbols_.scopeFor(c);
        std::string qualname = childQualname(c->name);
        enterUnit(scope, c->name, qualname, c->line);
        unit_->code->flags |= kClassBody | kUsesLocalsDict;
        emit(Op::LOAD_NAME, nameArg("__name__"));
        emit(Op::STORE_NAME, nameArg("__module__"));
        emitConst(vm_.newStr(qualname));
        emit(Op::STORE_NAME, nameArg("__qualname__"));
        if (hasAnnotations(c->body))
            setupAnnotations();
        compileBody(c->body);
        if (scope->needsClassCell) {
            emit(Op::LOAD_CLOSURE, uint32_t(unit_->derefIndex.at("__class__")));
        } else {
            emitConst(Value::none());
        }
        emit(Op::RETURN_VALUE);
        Value code = leaveUnit();
        emitMakeFunction(code, 0);
        emitConst(vm_.newStr(c->name));
        compileCallArgs(c->bases, c->keywords, 2);
        for (size_t i = 0; i < c->decorators.size(); ++i)
            emit(Op::CALL, 1);
        compileName(c->name, ExprContext::Store);
    }

    // -- Assignment targets ------------------------------------------------------------------
    void compileStore(const Expr* target)
    {
        LineScope line(unit_, target->line);
        switch (target->kind) {
        case ExprKind::Name:
            compileName(target->as<NameExpr>()->id, ExprContext::Store);
            break;
        case ExprKind::Attribute: {
            auto* a = target->as<AttributeExpr>();
            compileExpr(a->value);
            emit(Op::STORE_ATTR, nameArg(a->attr));
            break;
        }
        case ExprKind::Subscript: {
            auto* s = target->as<SubscriptExpr>();
            compileExpr(s->value);
            compileSubscriptIndex(s->index);
            emit(Op::STORE_SUBSCR);
            break;
        }
        case ExprKind::Tuple:
        case ExprKind::List: {
            const auto& elts = target->kind == ExprKind::Tuple ? target->as<TupleExpr>()->elts
                                                               : target->as<ListExpr>()->elts;
            size_t star = elts.size();
            for (size_t i = 0; i < elts.size(); ++i) {
                if (elts[i]->kind == ExprKind::Starred) {
                    if (star != elts.size())
                        fail(*elts[i], "multiple starred expressions in assignment");
                    star = i;
                }
            }
            if (star == elts.size()) {
                emit(Op::UNPACK_SEQUENCE, uint32_t(elts.size()));
            } else {
                emit(Op::UNPACK_EX, uint32_t(star) | (uint32_t(elts.size() - star - 1) << 8));
            }
            for (const Expr* e : elts)
                compileStore(e->kind == ExprKind::Starred ? e->as<StarredExpr>()->value : e);
            break;
        }
        case ExprKind::Starred:
            fail(*target, "starred assignment target must be in a list or tuple");
        default:
            fail(*target, "cannot assign to expression");
        }
    }

    void compileDelete(const Expr* target)
    {
        switch (target->kind) {
        case ExprKind::Name:
            compileName(target->as<NameExpr>()->id, ExprContext::Del);
            break;
        case ExprKind::Attribute:
            compileExpr(target->as<AttributeExpr>()->value);
            emit(Op::DELETE_ATTR, nameArg(target->as<AttributeExpr>()->attr));
            break;
        case ExprKind::Subscript:
            compileExpr(target->as<SubscriptExpr>()->value);
            compileSubscriptIndex(target->as<SubscriptExpr>()->index);
            emit(Op::DELETE_SUBSCR);
            break;
        case ExprKind::Tuple:
            for (Expr* e : target->as<TupleExpr>()->elts)
                compileDelete(e);
            break;
        case ExprKind::List:
            for (Expr* e : target->as<ListExpr>()->elts)
                compileDelete(e);
            break;
        default:
            fail(*target, "cannot delete expression");
        }
    }

    void compileSubscriptIndex(const Expr* index)
    {
        if (index->kind == ExprKind::Slice) {
            auto* s = index->as<SliceExpr>();
            auto part = [&](Expr* e) {
                if (e)
                    compileExpr(e);
                else
                    emitConst(Value::none());
            };
            part(s->lower);
            part(s->upper);
            if (s->step) {
                compileExpr(s->step);
                emit(Op::BUILD_SLICE, 3);
            } else {
                emit(Op::BUILD_SLICE, 2);
            }
        } else {
            compileExpr(index);
        }
    }

    // -- Expressions -------------------------------------------------------------------------
    void compileExpr(const Expr* e)
    {
        NodeScope node(unit_, e);
        switch (e->kind) {
        case ExprKind::Constant:
            compileConstant(e->as<ConstantExpr>());
            break;
        case ExprKind::Name:
            compileName(e->as<NameExpr>()->id, ExprContext::Load);
            break;
        case ExprKind::Attribute:
            compileExpr(e->as<AttributeExpr>()->value);
            emit(Op::LOAD_ATTR, nameArg(e->as<AttributeExpr>()->attr));
            break;
        case ExprKind::Subscript:
            compileExpr(e->as<SubscriptExpr>()->value);
            compileSubscriptIndex(e->as<SubscriptExpr>()->index);
            emit(Op::BINARY_SUBSCR);
            break;
        case ExprKind::Slice:
            compileSubscriptIndex(e);
            break;
        case ExprKind::Call:
            compileCall(e->as<CallExpr>());
            break;
        case ExprKind::UnaryOp: {
            auto* u = e->as<UnaryOpExpr>();
            compileExpr(u->operand);
            switch (u->op) {
            case UnaryOperator::Invert:
                emit(Op::UNARY_INVERT);
                break;
            case UnaryOperator::Not:
                emit(Op::UNARY_NOT);
                break;
            case UnaryOperator::UAdd:
                emit(Op::UNARY_POSITIVE);
                break;
            case UnaryOperator::USub:
                emit(Op::UNARY_NEGATIVE);
                break;
            }
            break;
        }
        case ExprKind::BinOp: {
            auto* b = e->as<BinOpExpr>();
            compileExpr(b->left);
            compileExpr(b->right);
            LineScope back(unit_, e->line);
            emit(Op::BINARY_OP, uint32_t(b->op));
            break;
        }
        case ExprKind::BoolOp: {
            auto* b = e->as<BoolOpExpr>();
            int end = newLabel();
            for (size_t i = 0; i < b->values.size(); ++i) {
                compileExpr(b->values[i]);
                if (i + 1 < b->values.size())
                    emitJump(b->op == BoolOperator::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP,
                             end);
            }
            bind(end);
            break;
        }
        case ExprKind::Compare:
            compileCompare(e->as<CompareExpr>());
            break;
        case ExprKind::Lambda: {
            auto* l = e->as<LambdaExpr>();
            uint32_t flags = compileDefaults(l->args);
            Scope* scope = symbols_.scopeFor(l);
            enterUnit(scope, "<lambda>", childQualname("<lambda>"), l->line);
            setSignature(unit_->code, l->args, scope);
            addConst(Value::none(), "");
            compileExpr(l->body);
            if (!(unit_->code->flags & kGenerator))
                emit(Op::RETURN_VALUE);
            else {
                emit(Op::POP_TOP);
                emitConst(Value::none());
                emit(Op::RETURN_VALUE);
            }
            Value code = leaveUnit();
            emitMakeFunction(code, flags);
            break;
        }
        case ExprKind::IfExp: {
            auto* i = e->as<IfExpExpr>();
            int orelse = newLabel(), end = newLabel();
            compileExpr(i->test);
            emitJump(Op::POP_JUMP_IF_FALSE, orelse);
            compileExpr(i->body);
            emitJump(Op::JUMP, end);
            bind(orelse);
            compileExpr(i->orelse);
            bind(end);
            break;
        }
        case ExprKind::List:
            compileSequence(e->as<ListExpr>()->elts, Op::BUILD_LIST);
            break;
        case ExprKind::Tuple:
            compileSequence(e->as<TupleExpr>()->elts, Op::BUILD_TUPLE);
            break;
        case ExprKind::Set:
            compileSequence(e->as<SetExpr>()->elts, Op::BUILD_SET);
            break;
        case ExprKind::Dict:
            compileDict(e->as<DictExpr>());
            break;
        case ExprKind::ListComp: {
            auto* c = e->as<ListCompExpr>();
            compileComprehension(e, "<listcomp>", c->generators, c->elt, nullptr, Op::BUILD_LIST);
            break;
        }
        case ExprKind::SetComp: {
            auto* c = e->as<SetCompExpr>();
            compileComprehension(e, "<setcomp>", c->generators, c->elt, nullptr, Op::BUILD_SET);
            break;
        }
        case ExprKind::DictComp: {
            auto* c = e->as<DictCompExpr>();
            compileComprehension(e, "<dictcomp>", c->generators, c->key, c->value, Op::BUILD_MAP);
            break;
        }
        case ExprKind::GeneratorExp: {
            auto* c = e->as<GeneratorExpExpr>();
            compileComprehension(e, "<genexpr>", c->generators, c->elt, nullptr, Op::NOP);
            break;
        }
        case ExprKind::Await:
            compileExpr(e->as<AwaitExpr>()->value);
            emitAwait();
            break;
        case ExprKind::Yield: {
            auto* y = e->as<YieldExpr>();
            if (y->value)
                compileExpr(y->value);
            else
                emitConst(Value::none());
            if (unit_->code->flags & kAsyncGenerator || (unit_->scope->isAsync && unit_->scope->isGenerator))
                emit(Op::ASYNC_GEN_WRAP);
            emit(Op::YIELD_VALUE);
            break;
        }
        case ExprKind::YieldFrom:
            compileExpr(e->as<YieldFromExpr>()->value);
            emit(Op::GET_YIELD_FROM_ITER);
            emitConst(Value::none());
            emitYieldFromLoop();
            break;
        case ExprKind::NamedExpr: {
            auto* n = e->as<NamedExprExpr>();
            compileExpr(n->value);
            emit(Op::DUP_TOP);
            compileStore(n->target);
            break;
        }
        case ExprKind::Starred:
            fail(*e, "can't use starred expression here");
        case ExprKind::JoinedStr: {
            auto* j = e->as<JoinedStrExpr>();
            for (Expr* v : j->values)
                compileExpr(v);
            if (j->values.size() != 1 || j->values[0]->kind != ExprKind::Constant)
                emit(Op::BUILD_STRING, uint32_t(j->values.size()));
            break;
        }
        case ExprKind::FormattedValue: {
            auto* f = e->as<FormattedValueExpr>();
            compileExpr(f->value);
            uint32_t conv = f->conversion == 's'   ? 1
                            : f->conversion == 'r' ? 2
                            : f->conversion == 'a' ? 3
                                                   : 0;
            if (f->formatSpec) {
                compileExpr(f->formatSpec);
                conv |= 4;
            }
            emit(Op::FORMAT_VALUE, conv);
            break;
        }
        }
    }

    void compileConstant(const ConstantExpr* c)
    {
        switch (c->constantKind) {
        case ConstantKind::None:
            emitConst(Value::none());
            break;
        case ConstantKind::Bool:
            emitConst(Value::boolean(c->boolValue));
            break;
        case ConstantKind::Ellipsis:
            emit(Op::LOAD_CONST, addConst(vm_.ellipsis, "..."));
            break;
        case ConstantKind::Int:
            if (!c->stringValue.empty()) {
                Mpz big;
                mpz_set_str(big.get(), c->stringValue.c_str(), 10);
                emit(Op::LOAD_CONST, addConst(intFromMpz(big.get()), "I" + c->stringValue));
            } else {
                emitConst(Value::integer(c->intValue));
            }
            break;
        case ConstantKind::Float:
            emitConst(Value::floating(c->floatValue));
            break;
        case ConstantKind::Str:
            emitConst(vm_.newStr(c->stringValue));
            break;
        case ConstantKind::Bytes:
            emit(Op::LOAD_CONST, addConst(Value::object(new BytesObj(c->stringValue)), "b" + c->stringValue));
            break;
        }
    }

    void compileSequence(const std::vector<Expr*>& elts, Op build)
    {
        bool starred = false;
        for (Expr* e : elts)
            starred |= e->kind == ExprKind::Starred;
        if (!starred) {
            for (Expr* e : elts)
                compileExpr(e);
            emit(build, uint32_t(elts.size()));
            return;
        }
        emit(build == Op::BUILD_SET ? Op::BUILD_SET : Op::BUILD_LIST, 0);
        for (Expr* e : elts) {
            if (e->kind == ExprKind::Starred) {
                compileExpr(e->as<StarredExpr>()->value);
                emit(build == Op::BUILD_SET ? Op::SET_UPDATE : Op::LIST_EXTEND, 1);
            } else {
                compileExpr(e);
                emit(build == Op::BUILD_SET ? Op::SET_ADD : Op::LIST_APPEND, 1);
            }
        }
        if (build == Op::BUILD_TUPLE)
            emit(Op::LIST_TO_TUPLE);
    }

    void compileDict(const DictExpr* d)
    {
        bool unpack = false;
        for (Expr* k : d->keys)
            unpack |= k == nullptr;
        if (!unpack) {
            for (size_t i = 0; i < d->keys.size(); ++i) {
                compileExpr(d->keys[i]);
                compileExpr(d->values[i]);
            }
            emit(Op::BUILD_MAP, uint32_t(d->keys.size()));
            return;
        }
        emit(Op::BUILD_MAP, 0);
        for (size_t i = 0; i < d->keys.size(); ++i) {
            if (d->keys[i]) {
                compileExpr(d->keys[i]);
                compileExpr(d->values[i]);
                emit(Op::MAP_ADD, 1);
            } else {
                compileExpr(d->values[i]);
                emit(Op::DICT_UPDATE, 1);
            }
        }
    }

    void compileCompare(const CompareExpr* c)
    {
        auto emitOne = [&](CompareOperator op) {
            switch (op) {
            case CompareOperator::Eq:
                emit(Op::COMPARE_OP, uint32_t(CompareKind::Eq));
                break;
            case CompareOperator::NotEq:
                emit(Op::COMPARE_OP, uint32_t(CompareKind::Ne));
                break;
            case CompareOperator::Lt:
                emit(Op::COMPARE_OP, uint32_t(CompareKind::Lt));
                break;
            case CompareOperator::LtE:
                emit(Op::COMPARE_OP, uint32_t(CompareKind::Le));
                break;
            case CompareOperator::Gt:
                emit(Op::COMPARE_OP, uint32_t(CompareKind::Gt));
                break;
            case CompareOperator::GtE:
                emit(Op::COMPARE_OP, uint32_t(CompareKind::Ge));
                break;
            case CompareOperator::Is:
                emit(Op::IS_OP, 0);
                break;
            case CompareOperator::IsNot:
                emit(Op::IS_OP, 1);
                break;
            case CompareOperator::In:
                emit(Op::CONTAINS_OP, 0);
                break;
            case CompareOperator::NotIn:
                emit(Op::CONTAINS_OP, 1);
                break;
            }
        };
        compileExpr(c->left);
        if (c->ops.size() == 1) {
            compileExpr(c->comparators[0]);
            LineScope back(unit_, c->line);
            emitOne(c->ops[0]);
            return;
        }
        int cleanup = newLabel(), end = newLabel();
        for (size_t i = 0; i < c->ops.size(); ++i) {
            compileExpr(c->comparators[i]);
            if (i + 1 < c->ops.size()) {
                emit(Op::DUP_TOP);
                emit(Op::ROT_THREE);
                emitOne(c->ops[i]);
                emitJump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
            } else {
                emitOne(c->ops[i]);
            }
        }
        emitJump(Op::JUMP, end);
        bind(cleanup);
        emit(Op::ROT_TWO);
        emit(Op::POP_TOP);
        bind(end);
    }

    // Positional args then keywords, for a call whose callable (and [extra] leading values
    // already counted as positional) is on the stack. Emits the CALL instruction.
    void compileCallArgs(const std::vector<Expr*>& args, const std::vector<Keyword*>& keywords,
                         uint32_t extra, bool method = false)
    {
        bool dynamic = false;
        for (Expr* a : args)
            dynamic |= a->kind == ExprKind::Starred;
        for (Keyword* k : keywords)
            dynamic |= k->arg.empty();
        if (!dynamic) {
            for (Expr* a : args)
                compileExpr(a);
            std::vector<Value> names;
            for (Keyword* k : keywords) {
                compileExpr(k->value);
                names.push_back(vm_.intern(k->arg));
            }
            uint32_t n = uint32_t(args.size() + keywords.size()) + extra;
            if (names.empty()) {
                emit(method ? Op::CALL_METHOD : Op::CALL, n);
            } else {
                emit(Op::LOAD_CONST, addConst(vm_.newTuple(names), ""));
                emit(method ? Op::CALL_METHOD_KW : Op::CALL_KW, n);
            }
            return;
        }
        // *args or **kwargs: build a tuple and a dict, then CALL_EX. The [extra] values on the
        // stack (class name and body for a class) are folded into the tuple first.
        emit(Op::BUILD_LIST, extra);
        for (Expr* a : args) {
            if (a->kind == ExprKind::Starred) {
                compileExpr(a->as<StarredExpr>()->value);
                emit(Op::LIST_EXTEND, 1);
            } else {
                compileExpr(a);
                emit(Op::LIST_APPEND, 1);
            }
        }
        emit(Op::LIST_TO_TUPLE);
        uint32_t flags = 0;
        if (!keywords.empty()) {
            emit(Op::BUILD_MAP, 0);
            for (Keyword* k : keywords) {
                if (k->arg.empty()) {
                    compileExpr(k->value);
                    emit(Op::DICT_MERGE, 1);
                } else {
                    emitConst(vm_.intern(k->arg));
                    compileExpr(k->value);
                    emit(Op::MAP_ADD, 1);
                }
            }
            flags |= 1;
        }
        emit(Op::CALL_EX, flags);
    }

    void compileCall(const CallExpr* c)
    {
        bool dynamic = false;
        for (Expr* a : c->args)
            dynamic |= a->kind == ExprKind::Starred;
        for (Keyword* k : c->keywords)
            dynamic |= k->arg.empty();
        if (c->func->kind == ExprKind::Attribute && !dynamic) {
            auto* a = c->func->as<AttributeExpr>();
            compileExpr(a->value);
            // As CPython: the method lookup belongs to the attribute, and a call spread over
            // lines to the line of the method's name.
            SourceSpan attribute = *a, call = *c;
            if (a->line != a->endLine) {
                attribute.line = call.line = a->endLine;
                attribute.col = call.col = std::max(0, a->endCol - int(a->attr.size()));
            }
            {
                NodeScope lookup(unit_, &attribute);
                emit(Op::LOAD_METHOD, nameArg(a->attr));
            }
            NodeScope calling(unit_, &call);
            compileCallArgs(c->args, c->keywords, 0, true);
            return;
        }
        compileExpr(c->func);
        compileCallArgs(c->args, c->keywords, 0);
    }

    void compileComprehension(const Expr* node, const char* name,
                              const std::vector<Comprehension*>& generators, const Expr* elt,
                              const Expr* value, Op build)
    {
        Scope* scope = symbols_.scopeFor(node);
        bool isGenexp = node->kind == ExprKind::GeneratorExp;
        enterUnit(scope, name, childQualname(name), node->line);
        unit_->code->argcount = 1;
        if (isGenexp)
            unit_->code->flags |= scope->isAsync ? kAsyncGenerator : kGenerator;
        else if (scope->isAsync)
            unit_->code->flags |= kCoroutine;
        if (!isGenexp)
            emit(build, 0);
        compileComprehensionLevel(generators, 0, elt, value, build, isGenexp);
        if (isGenexp)
            emitConst(Value::none());
        emit(Op::RETURN_VALUE);
        Value code = leaveUnit();
        emitMakeFunction(code, 0);
        compileExpr(generators[0]->iter);
        emit(generators[0]->isAsync ? Op::GET_AITER : Op::GET_ITER);
        emit(Op::CALL, 1);
        if (scope->isAsync && !isGenexp)
            emitAwait();
    }

    void compileComprehensionLevel(const std::vector<Comprehension*>& generators, size_t level,
                                   const Expr* elt, const Expr* value, Op build, bool isGenexp)
    {
        const Comprehension* g = generators[level];
        int start = newLabel(), end = newLabel(), handler = newLabel();
        if (level == 0) {
            emit(Op::LOAD_FAST, 0);
        } else {
            compileExpr(g->iter);
            emit(g->isAsync ? Op::GET_AITER : Op::GET_ITER);
        }
        bind(start);
        if (g->isAsync) {
            emitJump(Op::SETUP_FINALLY, handler);
            emit(Op::GET_ANEXT);
            emitConst(Value::none());
            emitYieldFromLoop();
            emit(Op::POP_BLOCK);
        } else {
            emitJump(Op::FOR_ITER, end);
        }
        compileStore(g->target);
        for (Expr* cond : g->ifs) {
            compileExpr(cond);
            emitJump(Op::POP_JUMP_IF_FALSE, start);
        }
        if (level + 1 < generators.size()) {
            compileComprehensionLevel(generators, level + 1, elt, value, build, isGenexp);
        } else {
            uint32_t depth = uint32_t(level + 2);
            if (isGenexp) {
                compileExpr(elt);
                if (unit_->code->flags & kAsyncGenerator)
                    emit(Op::ASYNC_GEN_WRAP);
                emit(Op::YIELD_VALUE);
                emit(Op::POP_TOP);
            } else if (build == Op::BUILD_LIST) {
                compileExpr(elt);
                emit(Op::LIST_APPEND, depth);
            } else if (build == Op::BUILD_SET) {
                compileExpr(elt);
                emit(Op::SET_ADD, depth);
            } else {
                compileExpr(elt);
                compileExpr(value);
                emit(Op::MAP_ADD, depth);
            }
        }
        emitJump(Op::JUMP, start);
        if (g->isAsync) {
            bind(handler);
            emit(Op::END_ASYNC_FOR);
        }
        bind(end);
    }

    VM& vm_;
    SymbolTable& symbols_;
    std::string_view source_;
    std::string filename_;
    bool hidden_;
    bool futureAnnotations_ = false;
    std::vector<std::unique_ptr<Unit>> units_;
    Unit* unit_ = nullptr;
};

std::string sourceLine(std::string_view source, int line)
{
    int current = 1;
    size_t start = 0;
    while (current < line) {
        size_t nl = source.find('\n', start);
        if (nl == std::string_view::npos)
            return "";
        start = nl + 1;
        ++current;
    }
    size_t nl = source.find('\n', start);
    return std::string(
        source.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
}

} // namespace

CompileResult compileModule(VM& vm, const Module& module, std::string_view source,
                            const std::string& filename, bool hidden)
{
    CompileResult result;
    SymbolTable symbols;
    if (auto error = symbols.build(module)) {
        error->text = sourceLine(source, error->line);
        result.error = error;
        return result;
    }
    try {
        Compiler compiler(vm, symbols, source, filename, hidden);
        result.code = compiler.compileModuleCode(module);
    } catch (CompileError& e) {
        e.error.text = sourceLine(source, e.error.line);
        result.error = e.error;
    }
    return result;
}

CompileResult compileSource(VM& vm, std::string_view source, const std::string& filename, bool hidden)
{
    ParseResult parsed = parseModule(source);
    if (!parsed.ok()) {
        CompileResult result;
        result.error = parsed.error;
        return result;
    }
    return compileModule(vm, *parsed.module, source, filename, hidden);
}

} // namespace loopscope
