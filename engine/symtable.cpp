#include "symtable.h"

#include <algorithm>
#include <set>

namespace loopscope {

namespace {
enum : unsigned {
    kAssigned = 1,
    kParam = 2,
    kUsed = 4,
    kDeclGlobal = 8,
    kDeclNonlocal = 16,
};

struct ScopeError {
    SyntaxError error;
};
} // namespace

NameScope Scope::scopeOf(const std::string& name) const
{
    auto it = resolved.find(name);
    if (it != resolved.end())
        return it->second;
    return kind == ScopeKind::Module ? NameScope::GlobalImplicit : NameScope::GlobalImplicit;
}

Scope* SymbolTable::scopeFor(const void* node) const
{
    auto it = byNode_.find(node);
    return it == byNode_.end() ? nullptr : it->second;
}

// Walks the tree recording names per scope, then resolves them from the module down.
class SymbolVisitor {
  public:
    explicit SymbolVisitor(SymbolTable& table) : table_(table) {}

    Scope* newScope(ScopeKind kind, std::string name, const void* node, int line)
    {
        auto scope = std::make_unique<Scope>();
        scope->kind = kind;
        scope->name = std::move(name);
        scope->parent = current_;
        scope->line = line;
        Scope* raw = scope.get();
        table_.scopes_.push_back(std::move(scope));
        table_.byNode_[node] = raw;
        return raw;
    }

    [[noreturn]] void fail(const SourceSpan& at, std::string message)
    {
        SyntaxError e;
        e.message = std::move(message);
        e.line = at.line;
        e.offset = at.col + 1;
        e.endLine = at.endLine;
        e.endOffset = at.endCol + 1;
        throw ScopeError{e};
    }

    void note(const std::string& name, unsigned flag)
    {
        unsigned& f = current_->flags[name];
        if ((flag & (kAssigned | kParam)) && !(f & (kAssigned | kParam)))
            current_->localOrder.push_back(name);
        f |= flag;
    }

    // -- Statements --------------------------------------------------------------------------
    void visitBody(const StmtList& body)
    {
        for (const Stmt* s : body)
            visitStmt(s);
    }

    void visitStmt(const Stmt* s)
    {
        switch (s->kind) {
        case StmtKind::Expr:
            visitExpr(s->as<ExprStmt>()->value);
            break;
        case StmtKind::Assign: {
            auto* a = s->as<AssignStmt>();
            visitExpr(a->value);
            for (Expr* t : a->targets)
                visitExpr(t);
            break;
        }
        case StmtKind::AugAssign: {
            auto* a = s->as<AugAssignStmt>();
            visitExpr(a->value);
            visitExpr(a->target);
            if (a->target->kind == ExprKind::Name)
                note(a->target->as<NameExpr>()->id, kUsed);
            break;
        }
        case StmtKind::AnnAssign: {
            auto* a = s->as<AnnAssignStmt>();
            if (a->value)
                visitExpr(a->value);
            if (a->value || a->target->kind != ExprKind::Name)
                visitExpr(a->target);
            else if (current_->kind != ScopeKind::Module && current_->kind != ScopeKind::Class)
                note(a->target->as<NameExpr>()->id, kAssigned);
            // Module and class bodies evaluate the annotation into __annotations__.
            if (current_->kind == ScopeKind::Module || current_->kind == ScopeKind::Class)
                visitExpr(a->annotation);
            break;
        }
        case StmtKind::If: {
            auto* i = s->as<IfStmt>();
            visitExpr(i->test);
            visitBody(i->body);
            visitBody(i->orelse);
            break;
        }
        case StmtKind::While: {
            auto* w = s->as<WhileStmt>();
            visitExpr(w->test);
            ++loopDepth_;
            visitBody(w->body);
            --loopDepth_;
            visitBody(w->orelse);
            break;
        }
        case StmtKind::For: {
            auto* f = s->as<ForStmt>();
            if (f->isAsync)
                requireAsync(*f, "'async for' outside async function");
            visitExpr(f->iter);
            visitExpr(f->target);
            ++loopDepth_;
            visitBody(f->body);
            --loopDepth_;
            visitBody(f->orelse);
            break;
        }
        case StmtKind::Break:
            if (loopDepth_ == 0)
                fail(*s, "'break' outside loop");
            break;
        case StmtKind::Continue:
            if (loopDepth_ == 0)
                fail(*s, "'continue' not properly in loop");
            break;
        case StmtKind::Pass:
            break;
        case StmtKind::Return: {
            auto* r = s->as<ReturnStmt>();
            if (!current_->isFunctionLike())
                fail(*s, "'return' outside function");
            if (r->value) {
                if (current_->isAsync && current_->isGenerator)
                    fail(*s, "'return' with value in async generator");
                visitExpr(r->value);
            }
            break;
        }
        case StmtKind::FunctionDef:
            visitFunction(s->as<FunctionDefStmt>());
            break;
        case StmtKind::ClassDef:
            visitClass(s->as<ClassDefStmt>());
            break;
        case StmtKind::Try: {
            auto* t = s->as<TryStmt>();
            visitBody(t->body);
            for (ExceptHandler* h : t->handlers) {
                if (h->type)
                    visitExpr(h->type);
                if (!h->name.empty())
                    note(h->name, kAssigned);
                visitBody(h->body);
            }
            visitBody(t->orelse);
            visitBody(t->finalbody);
            break;
        }
        case StmtKind::Raise: {
            auto* r = s->as<RaiseStmt>();
            if (r->exc)
                visitExpr(r->exc);
            if (r->cause)
                visitExpr(r->cause);
            break;
        }
        case StmtKind::With: {
            auto* w = s->as<WithStmt>();
            if (w->isAsync)
                requireAsync(*w, "'async with' outside async function");
            for (WithItem* item : w->items) {
                visitExpr(item->contextExpr);
                if (item->optionalVars)
                    visitExpr(item->optionalVars);
            }
            visitBody(w->body);
            break;
        }
        case StmtKind::Global:
            for (const std::string& n : s->as<GlobalStmt>()->names) {
                unsigned f = current_->flags[n];
                if (f & kParam)
                    fail(*s, "name '" + n + "' is parameter and global");
                if (f & (kAssigned | kUsed))
                    fail(*s, "name '" + n + "' is " + ((f & kAssigned) ? "assigned to" : "used") +
                                 " before global declaration");
                current_->flags[n] |= kDeclGlobal;
            }
            break;
        case StmtKind::Nonlocal:
            for (const std::string& n : s->as<NonlocalStmt>()->names) {
                if (current_->kind == ScopeKind::Module)
                    fail(*s, "nonlocal declaration not allowed at module level");
                unsigned f = current_->flags[n];
                if (f & kParam)
                    fail(*s, "name '" + n + "' is parameter and nonlocal");
                if (f & (kAssigned | kUsed))
                    fail(*s, "name '" + n + "' is " + ((f & kAssigned) ? "assigned to" : "used") +
                                 " before nonlocal declaration");
                current_->flags[n] |= kDeclNonlocal;
                nonlocalAt_[current_][n] = *s;
            }
            break;
        case StmtKind::Delete:
            for (Expr* t : s->as<DeleteStmt>()->targets)
                visitExpr(t);
            break;
        case StmtKind::Assert: {
            auto* a = s->as<AssertStmt>();
            visitExpr(a->test);
            if (a->msg)
                visitExpr(a->msg);
            break;
        }
        case StmtKind::Import:
            for (Alias* alias : s->as<ImportStmt>()->names) {
                std::string bound =
                    alias->asname.empty() ? alias->name.substr(0, alias->name.find('.')) : alias->asname;
                note(bound, kAssigned);
            }
            break;
        case StmtKind::ImportFrom:
            for (Alias* alias : s->as<ImportFromStmt>()->names) {
                if (alias->name == "*")
                    continue;
                note(alias->asname.empty() ? alias->name : alias->asname, kAssigned);
            }
            break;
        }
    }

    void requireAsync(const SourceSpan& at, const char* message)
    {
        Scope* s = current_;
        if (s->kind == ScopeKind::Comprehension) {
            while (s && s->kind == ScopeKind::Comprehension)
                s = s->parent;
        }
        if (!s || !s->isAsync)
            fail(at, message);
    }

    void visitArguments(const Arguments* args)
    {
        for (Expr* d : args->defaults)
            visitExpr(d);
        for (Expr* d : args->kwDefaults)
            if (d)
                visitExpr(d);
    }

    void declareParams(Scope* scope, const Arguments* args)
    {
        auto add = [&](const Arg* a) {
            if (scope->flags[a->name] & kParam)
                fail(*a, "duplicate argument '" + a->name + "' in function definition");
            scope->params.push_back(a->name);
            note(a->name, kParam);
        };
        for (Arg* a : args->posonlyargs)
            add(a);
        for (Arg* a : args->args)
            add(a);
        for (Arg* a : args->kwonlyargs)
            add(a);
        if (args->vararg)
            add(args->vararg);
        if (args->kwarg)
            add(args->kwarg);
    }

    void visitFunction(const FunctionDefStmt* f)
    {
        for (Expr* d : f->decorators)
            visitExpr(d);
        visitArguments(f->args);
        note(f->name, kAssigned);
        Scope* scope = newScope(ScopeKind::Function, f->name, f, f->line);
        scope->isAsync = f->isAsync;
        Scope* saved = current_;
        int savedLoops = loopDepth_;
        loopDepth_ = 0;
        current_ = scope;
        declareParams(scope, f->args);
        visitBody(f->body);
        current_ = saved;
        loopDepth_ = savedLoops;
    }

    void visitClass(const ClassDefStmt* c)
    {
        for (Expr* d : c->decorators)
            visitExpr(d);
        for (Expr* b : c->bases)
            visitExpr(b);
        for (Keyword* k : c->keywords)
            visitExpr(k->value);
        note(c->name, kAssigned);
        Scope* scope = newScope(ScopeKind::Class, c->name, c, c->line);
        Scope* saved = current_;
        int savedLoops = loopDepth_;
        loopDepth_ = 0;
        current_ = scope;
        visitBody(c->body);
        current_ = saved;
        loopDepth_ = savedLoops;
    }

    // -- Expressions -------------------------------------------------------------------------
    void visitExpr(const Expr* e)
    {
        if (!e)
            return;
        switch (e->kind) {
        case ExprKind::Constant:
            break;
        case ExprKind::Name: {
            auto* n = e->as<NameExpr>();
            if (n->ctx == ExprContext::Load) {
                note(n->id, kUsed);
                if ((n->id == "super" || n->id == "__class__") && current_->kind != ScopeKind::Module)
                    note("__class__", kUsed);
            } else {
                note(n->id, kAssigned);
            }
            break;
        }
        case ExprKind::Attribute:
            visitExpr(e->as<AttributeExpr>()->value);
            break;
        case ExprKind::Subscript:
            visitExpr(e->as<SubscriptExpr>()->value);
            visitExpr(e->as<SubscriptExpr>()->index);
            break;
        case ExprKind::Slice: {
            auto* s = e->as<SliceExpr>();
            visitExpr(s->lower);
            visitExpr(s->upper);
            visitExpr(s->step);
            break;
        }
        case ExprKind::Call: {
            auto* c = e->as<CallExpr>();
            visitExpr(c->func);
            for (Expr* a : c->args)
                visitExpr(a);
            for (Keyword* k : c->keywords)
                visitExpr(k->value);
            break;
        }
        case ExprKind::UnaryOp:
            visitExpr(e->as<UnaryOpExpr>()->operand);
            break;
        case ExprKind::BinOp:
            visitExpr(e->as<BinOpExpr>()->left);
            visitExpr(e->as<BinOpExpr>()->right);
            break;
        case ExprKind::BoolOp:
            for (Expr* v : e->as<BoolOpExpr>()->values)
                visitExpr(v);
            break;
        case ExprKind::Compare: {
            auto* c = e->as<CompareExpr>();
            visitExpr(c->left);
            for (Expr* x : c->comparators)
                visitExpr(x);
            break;
        }
        case ExprKind::Lambda: {
            auto* l = e->as<LambdaExpr>();
            visitArguments(l->args);
            Scope* scope = newScope(ScopeKind::Lambda, "<lambda>", l, l->line);
            Scope* saved = current_;
            current_ = scope;
            declareParams(scope, l->args);
            visitExpr(l->body);
            current_ = saved;
            break;
        }
        case ExprKind::IfExp: {
            auto* i = e->as<IfExpExpr>();
            visitExpr(i->test);
            visitExpr(i->body);
            visitExpr(i->orelse);
            break;
        }
        case ExprKind::List:
            for (Expr* x : e->as<ListExpr>()->elts)
                visitExpr(x);
            break;
        case ExprKind::Tuple:
            for (Expr* x : e->as<TupleExpr>()->elts)
                visitExpr(x);
            break;
        case ExprKind::Set:
            for (Expr* x : e->as<SetExpr>()->elts)
                visitExpr(x);
            break;
        case ExprKind::Dict: {
            auto* d = e->as<DictExpr>();
            for (size_t i = 0; i < d->values.size(); ++i) {
                if (d->keys[i])
                    visitExpr(d->keys[i]);
                visitExpr(d->values[i]);
            }
            break;
        }
        case ExprKind::ListComp: {
            auto* c = e->as<ListCompExpr>();
            visitComprehension(e, "<listcomp>", c->generators, c->elt, nullptr);
            break;
        }
        case ExprKind::SetComp: {
            auto* c = e->as<SetCompExpr>();
            visitComprehension(e, "<setcomp>", c->generators, c->elt, nullptr);
            break;
        }
        case ExprKind::DictComp: {
            auto* c = e->as<DictCompExpr>();
            visitComprehension(e, "<dictcomp>", c->generators, c->key, c->value);
            break;
        }
        case ExprKind::GeneratorExp: {
            auto* c = e->as<GeneratorExpExpr>();
            visitComprehension(e, "<genexpr>", c->generators, c->elt, nullptr);
            break;
        }
        case ExprKind::Await: {
            Scope* s = current_;
            while (s->kind == ScopeKind::Comprehension && s->parent && !s->isAsync)
                s = s->parent;
            if (current_->kind == ScopeKind::Module)
                fail(*e, "'await' outside function");
            if (!s->isAsync || s->kind == ScopeKind::Class || s->kind == ScopeKind::Module)
                fail(*e, "'await' outside async function");
            current_->usesAwait = true;
            if (current_->kind == ScopeKind::Comprehension)
                current_->isAsync = true;
            visitExpr(e->as<AwaitExpr>()->value);
            break;
        }
        case ExprKind::Yield:
        case ExprKind::YieldFrom: {
            if (!current_->isFunctionLike() || current_->kind == ScopeKind::Comprehension)
                fail(*e, current_->kind == ScopeKind::Comprehension ? "'yield' inside list comprehension"
                                                                    : "'yield' outside function");
            if (e->kind == ExprKind::YieldFrom && current_->isAsync)
                fail(*e, "'yield from' inside async function");
            current_->isGenerator = true;
            visitExpr(e->kind == ExprKind::Yield ? e->as<YieldExpr>()->value : e->as<YieldFromExpr>()->value);
            break;
        }
        case ExprKind::NamedExpr: {
            auto* n = e->as<NamedExprExpr>();
            visitExpr(n->value);
            // In a comprehension the target binds in the enclosing function (PEP 572).
            Scope* saved = current_;
            Scope* owner = current_;
            while (owner->kind == ScopeKind::Comprehension && owner->parent)
                owner = owner->parent;
            while (current_->kind == ScopeKind::Comprehension && current_->parent) {
                const std::string& id = n->target->as<NameExpr>()->id;
                current_->flags[id] |=
                    kUsed | (owner->kind == ScopeKind::Module ? kDeclGlobal : kDeclNonlocal);
                current_ = current_->parent;
            }
            visitExpr(n->target);
            current_ = saved;
            break;
        }
        case ExprKind::Starred:
            visitExpr(e->as<StarredExpr>()->value);
            break;
        case ExprKind::JoinedStr:
            for (Expr* v : e->as<JoinedStrExpr>()->values)
                visitExpr(v);
            break;
        case ExprKind::FormattedValue: {
            auto* f = e->as<FormattedValueExpr>();
            visitExpr(f->value);
            if (f->formatSpec)
                visitExpr(f->formatSpec);
            break;
        }
        }
    }

    void visitComprehension(const Expr* node, const char* name, const std::vector<Comprehension*>& generators,
                            const Expr* elt, const Expr* value)
    {
        // The first iterable is evaluated in the enclosing scope.
        visitExpr(generators[0]->iter);
        Scope* scope = newScope(ScopeKind::Comprehension, name, node, node->line);
        Scope* saved = current_;
        current_ = scope;
        scope->params.push_back(".0");
        note(".0", kParam);
        if (node->kind == ExprKind::GeneratorExp)
            scope->isGenerator = true;
        for (size_t i = 0; i < generators.size(); ++i) {
            const Comprehension* g = generators[i];
            if (g->isAsync)
                scope->isAsync = true;
            if (i > 0)
                visitExpr(g->iter);
            visitExpr(g->target);
            for (Expr* cond : g->ifs)
                visitExpr(cond);
        }
        visitExpr(elt);
        visitExpr(value);
        current_ = saved;
        if (scope->isAsync && node->kind != ExprKind::GeneratorExp) {
            Scope* s = saved;
            while (s && s->kind == ScopeKind::Comprehension)
                s = s->parent;
            if (!s || !s->isAsync)
                fail(*node, "asynchronous comprehension outside of an asynchronous function");
        }
    }

    // -- Resolution --------------------------------------------------------------------------
    // Resolves [scope]'s names given the names bound in enclosing function scopes; returns the
    // free names it (or its children) need from outside.
    std::set<std::string> resolve(Scope* scope, const std::set<std::string>& boundAbove)
    {
        std::set<std::string> bound = boundAbove;
        std::set<std::string> localsHere;
        for (auto& [name, f] : scope->flags) {
            NameScope ns;
            if (f & kDeclGlobal) {
                ns = NameScope::GlobalExplicit;
            } else if (f & kDeclNonlocal) {
                if (!boundAbove.count(name)) {
                    auto at = nonlocalAt_[scope].find(name);
                    if (at != nonlocalAt_[scope].end())
                        fail(at->second, "no binding for nonlocal '" + name + "' found");
                }
                ns = NameScope::Free;
            } else if (f & (kAssigned | kParam)) {
                ns = NameScope::Local;
                localsHere.insert(name);
            } else if (boundAbove.count(name) && scope->kind != ScopeKind::Module) {
                ns = NameScope::Free;
            } else {
                ns = NameScope::GlobalImplicit;
            }
            scope->resolved[name] = ns;
        }
        if (scope->kind == ScopeKind::Class && scope->flags.count("__class__") == 0) {
            // __class__ is an implicit cell of every class body that a method might need.
        }
        std::set<std::string> childBound = bound;
        if (scope->isFunctionLike()) {
            for (const auto& n : localsHere)
                childBound.insert(n);
        }
        if (scope->kind == ScopeKind::Class)
            childBound.insert("__class__");
        for (auto& [name, ns] : scope->resolved)
            if (ns == NameScope::GlobalExplicit)
                childBound.erase(name);
        std::set<std::string> needed;
        for (auto& child : children_[scope]) {
            for (const std::string& name : resolve(child, childBound)) {
                if (scope->kind == ScopeKind::Class && name == "__class__") {
                    scope->needsClassCell = true;
                    continue;
                }
                auto it = scope->resolved.find(name);
                if (scope->isFunctionLike() && it != scope->resolved.end() &&
                    (it->second == NameScope::Local || it->second == NameScope::Cell)) {
                    it->second = NameScope::Cell;
                } else if (it != scope->resolved.end() && it->second == NameScope::Free) {
                    needed.insert(name);
                } else if (scope->kind == ScopeKind::Class) {
                    needed.insert(name);
                    if (it == scope->resolved.end())
                        scope->resolved[name] = NameScope::Free;
                } else if (it == scope->resolved.end() || it->second == NameScope::GlobalImplicit) {
                    scope->resolved[name] = NameScope::Free;
                    needed.insert(name);
                }
            }
        }
        for (auto& [name, ns] : scope->resolved)
            if (ns == NameScope::Free)
                needed.insert(name);
        // Number cells (params first, in order) and free variables.
        for (const std::string& name : scope->localOrder)
            if (scope->resolved[name] == NameScope::Cell)
                scope->cellvars.push_back(name);
        std::vector<std::string> frees;
        for (auto& [name, ns] : scope->resolved)
            if (ns == NameScope::Free)
                frees.push_back(name);
        std::sort(frees.begin(), frees.end());
        scope->freevars = frees;
        if (scope->kind == ScopeKind::Class && scope->needsClassCell)
            scope->cellvars.push_back("__class__");
        return needed;
    }

    void linkChildren()
    {
        for (auto& s : table_.scopes_)
            if (s->parent)
                children_[s->parent].push_back(s.get());
    }

    SymbolTable& table_;
    Scope* current_ = nullptr;
    int loopDepth_ = 0;
    std::map<Scope*, std::vector<Scope*>> children_;
    std::map<Scope*, std::map<std::string, SourceSpan>> nonlocalAt_;
};

std::optional<SyntaxError> SymbolTable::build(const Module& module)
{
    SymbolVisitor visitor(*this);
    try {
        module_ = visitor.newScope(ScopeKind::Module, "<module>", &module, 1);
        visitor.current_ = module_;
        visitor.visitBody(module.body);
        visitor.linkChildren();
        visitor.resolve(module_, {});
    } catch (ScopeError& e) {
        return e.error;
    }
    return std::nullopt;
}

} // namespace loopscope
