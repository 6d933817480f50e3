// How deeply a tree nests, measured as CPython's compiler measures it (ast.h: kMaxCompileDepth).
// The walk keeps its own stack instead of recursing: the tree may be far deeper than the limit
// (the parser builds `1+1+...` with 300k terms in a loop), and this is what finds out.

#include <vector>

#include "ast.h"

namespace loopscope {

namespace {

struct Pending {
    const SourceSpan* node;
    bool isStmt;
    int depth; // of [node] itself
};

class DepthWalker {
  public:
    explicit DepthWalker(int limit) : limit_(limit) {}

    const SourceSpan* run(const StmtList& body)
    {
        pushStmts(body, 1);
        while (!stack_.empty()) {
            Pending p = stack_.back();
            stack_.pop_back();
            if (p.depth > limit_)
                return p.node;
            if (p.isStmt)
                pushChildren(static_cast<const Stmt*>(p.node), p.depth + 1);
            else
                pushChildren(static_cast<const Expr*>(p.node), p.depth + 1);
        }
        return nullptr;
    }

  private:
    // Children are pushed last-first so that they are visited in source order. Only statements
    // and expressions count a level; arguments, keywords, comprehension clauses, handlers and
    // with-items pass their children the depth of the node that holds them, as in CPython.
    void push(const Expr* e, int depth)
    {
        if (e)
            stack_.push_back({e, false, depth});
    }
    void pushAll(const std::vector<Expr*>& list, int depth)
    {
        for (auto it = list.rbegin(); it != list.rend(); ++it)
            push(*it, depth);
    }
    void pushStmts(const StmtList& list, int depth)
    {
        for (auto it = list.rbegin(); it != list.rend(); ++it)
            stack_.push_back({*it, true, depth});
    }
    void pushKeywords(const std::vector<Keyword*>& keywords, int depth)
    {
        for (auto it = keywords.rbegin(); it != keywords.rend(); ++it)
            push((*it)->value, depth);
    }
    void pushArguments(const Arguments* a, int depth)
    {
        if (!a)
            return;
        auto annotations = [&](const std::vector<Arg*>& args) {
            for (auto it = args.rbegin(); it != args.rend(); ++it)
                push((*it)->annotation, depth);
        };
        if (a->kwarg)
            push(a->kwarg->annotation, depth);
        annotations(a->kwonlyargs);
        if (a->vararg)
            push(a->vararg->annotation, depth);
        annotations(a->args);
        annotations(a->posonlyargs);
        pushAll(a->kwDefaults, depth);
        pushAll(a->defaults, depth);
    }
    void pushGenerators(const std::vector<Comprehension*>& generators, int depth)
    {
        for (auto it = generators.rbegin(); it != generators.rend(); ++it) {
            pushAll((*it)->ifs, depth);
            push((*it)->iter, depth);
            push((*it)->target, depth);
        }
    }

    void pushChildren(const Expr* e, int d)
    {
        switch (e->kind) {
        case ExprKind::Constant:
        case ExprKind::Name:
            return;
        case ExprKind::Attribute:
            return push(e->as<AttributeExpr>()->value, d);
        case ExprKind::Subscript:
            push(e->as<SubscriptExpr>()->index, d);
            return push(e->as<SubscriptExpr>()->value, d);
        case ExprKind::Slice: {
            const auto* s = e->as<SliceExpr>();
            push(s->step, d);
            push(s->upper, d);
            return push(s->lower, d);
        }
        case ExprKind::Call: {
            const auto* c = e->as<CallExpr>();
            pushKeywords(c->keywords, d);
            pushAll(c->args, d);
            return push(c->func, d);
        }
        case ExprKind::UnaryOp:
            return push(e->as<UnaryOpExpr>()->operand, d);
        case ExprKind::BinOp:
            push(e->as<BinOpExpr>()->right, d);
            return push(e->as<BinOpExpr>()->left, d);
        case ExprKind::BoolOp:
            return pushAll(e->as<BoolOpExpr>()->values, d);
        case ExprKind::Compare:
            pushAll(e->as<CompareExpr>()->comparators, d);
            return push(e->as<CompareExpr>()->left, d);
        case ExprKind::Lambda:
            push(e->as<LambdaExpr>()->body, d);
            return pushArguments(e->as<LambdaExpr>()->args, d);
        case ExprKind::IfExp: {
            const auto* i = e->as<IfExpExpr>();
            push(i->orelse, d);
            push(i->body, d);
            return push(i->test, d);
        }
        case ExprKind::List:
            return pushAll(e->as<ListExpr>()->elts, d);
        case ExprKind::Tuple:
            return pushAll(e->as<TupleExpr>()->elts, d);
        case ExprKind::Set:
            return pushAll(e->as<SetExpr>()->elts, d);
        case ExprKind::Dict: {
            const auto* dict = e->as<DictExpr>();
            for (size_t i = dict->keys.size(); i-- > 0;) {
                push(dict->values[i], d);
                push(dict->keys[i], d);
            }
            return;
        }
        case ExprKind::ListComp:
            pushGenerators(e->as<ListCompExpr>()->generators, d);
            return push(e->as<ListCompExpr>()->elt, d);
        case ExprKind::SetComp:
            pushGenerators(e->as<SetCompExpr>()->generators, d);
            return push(e->as<SetCompExpr>()->elt, d);
        case ExprKind::GeneratorExp:
            pushGenerators(e->as<GeneratorExpExpr>()->generators, d);
            return push(e->as<GeneratorExpExpr>()->elt, d);
        case ExprKind::DictComp:
            pushGenerators(e->as<DictCompExpr>()->generators, d);
            push(e->as<DictCompExpr>()->value, d);
            return push(e->as<DictCompExpr>()->key, d);
        case ExprKind::Await:
            return push(e->as<AwaitExpr>()->value, d);
        case ExprKind::Yield:
            return push(e->as<YieldExpr>()->value, d);
        case ExprKind::YieldFrom:
            return push(e->as<YieldFromExpr>()->value, d);
        case ExprKind::NamedExpr:
            push(e->as<NamedExprExpr>()->value, d);
            return push(e->as<NamedExprExpr>()->target, d);
        case ExprKind::Starred:
            return push(e->as<StarredExpr>()->value, d);
        case ExprKind::JoinedStr:
            return pushAll(e->as<JoinedStrExpr>()->values, d);
        case ExprKind::FormattedValue:
            push(e->as<FormattedValueExpr>()->formatSpec, d);
            return push(e->as<FormattedValueExpr>()->value, d);
        }
    }

    void pushChildren(const Stmt* s, int d)
    {
        switch (s->kind) {
        case StmtKind::Expr:
            return push(s->as<ExprStmt>()->value, d);
        case StmtKind::Assign:
            push(s->as<AssignStmt>()->value, d);
            return pushAll(s->as<AssignStmt>()->targets, d);
        case StmtKind::AugAssign:
            push(s->as<AugAssignStmt>()->value, d);
            return push(s->as<AugAssignStmt>()->target, d);
        case StmtKind::AnnAssign: {
            const auto* a = s->as<AnnAssignStmt>();
            push(a->value, d);
            push(a->annotation, d);
            return push(a->target, d);
        }
        case StmtKind::If: {
            const auto* i = s->as<IfStmt>();
            pushStmts(i->orelse, d);
            pushStmts(i->body, d);
            return push(i->test, d);
        }
        case StmtKind::While: {
            const auto* w = s->as<WhileStmt>();
            pushStmts(w->orelse, d);
            pushStmts(w->body, d);
            return push(w->test, d);
        }
        case StmtKind::For: {
            const auto* f = s->as<ForStmt>();
            pushStmts(f->orelse, d);
            pushStmts(f->body, d);
            push(f->iter, d);
            return push(f->target, d);
        }
        case StmtKind::Return:
            return push(s->as<ReturnStmt>()->value, d);
        case StmtKind::FunctionDef: {
            const auto* f = s->as<FunctionDefStmt>();
            pushStmts(f->body, d);
            push(f->returns, d);
            pushArguments(f->args, d);
            return pushAll(f->decorators, d);
        }
        case StmtKind::ClassDef: {
            const auto* c = s->as<ClassDefStmt>();
            pushStmts(c->body, d);
            pushKeywords(c->keywords, d);
            pushAll(c->bases, d);
            return pushAll(c->decorators, d);
        }
        case StmtKind::Try: {
            const auto* t = s->as<TryStmt>();
            pushStmts(t->finalbody, d);
            pushStmts(t->orelse, d);
            for (auto it = t->handlers.rbegin(); it != t->handlers.rend(); ++it) {
                pushStmts((*it)->body, d);
                push((*it)->type, d);
            }
            return pushStmts(t->body, d);
        }
        case StmtKind::Raise:
            push(s->as<RaiseStmt>()->cause, d);
            return push(s->as<RaiseStmt>()->exc, d);
        case StmtKind::With: {
            const auto* w = s->as<WithStmt>();
            pushStmts(w->body, d);
            for (auto it = w->items.rbegin(); it != w->items.rend(); ++it) {
                push((*it)->optionalVars, d);
                push((*it)->contextExpr, d);
            }
            return;
        }
        case StmtKind::Delete:
            return pushAll(s->as<DeleteStmt>()->targets, d);
        case StmtKind::Assert:
            push(s->as<AssertStmt>()->msg, d);
            return push(s->as<AssertStmt>()->test, d);
        case StmtKind::Break:
        case StmtKind::Continue:
        case StmtKind::Pass:
        case StmtKind::Global:
        case StmtKind::Nonlocal:
        case StmtKind::Import:
        case StmtKind::ImportFrom:
            return;
        }
    }

    int limit_;
    std::vector<Pending> stack_;
};

} // namespace

const SourceSpan* firstNodeDeeperThan(const Module& module, int limit)
{
    return DepthWalker(limit).run(module.body);
}

} // namespace loopscope
