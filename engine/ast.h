#pragma once
// The abstract syntax tree of a scenario, shaped after CPython's `ast` module so that a
// reader who knows `ast.dump()` finds the same node names and fields.
//
// Ownership and lifetime: every node lives in the Arena of the Module that the parser returns
// (parser.h: parseModule). Nodes are plain structs reached through raw, non-owning pointers;
// they stay valid exactly as long as the Module does. Nothing is reference counted; the Module
// destroys all nodes at once.
//
// Positions: `line` and `endLine` are 1-based; `col` and `endCol` are 0-based byte offsets into
// the UTF-8 source line, like CPython's `col_offset`/`end_col_offset`. (SyntaxError carets use
// CPython's 1-based offset instead; see syntax_error.h.)
//
// Walking: every Expr has an ExprKind and every Stmt a StmtKind. Switch on `kind` and downcast
// with `node->as<CallExpr>()` (checked only by ENGINE-level asserts in debug builds). Optional
// children are null pointers; lists are std::vector of pointers and never contain null unless a
// field comment says so (Dict keys for `**` unpacking, Keyword::arg empty for `**kwargs`).
// dumpAst() below prints a compact s-expression of any tree, handy in tests.

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace loopscope {

// -- Arena --------------------------------------------------------------------

// Bump allocator for AST nodes. Objects that need destruction (those holding vectors or
// strings) get a link just before them in the arena and are destroyed in reverse order when the
// arena dies: a list inside the blocks, not a vector beside them, whose doubling would cost a
// 10 MB program tens of megabytes of its memory budget.
class Arena {
  public:
    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    ~Arena()
    {
        for (Destructor* d = last_; d; d = d->previous)
            d->destroy(d + 1);
    }

    template <typename T, typename... Args> T* make(Args&&... args)
    {
        if constexpr (std::is_trivially_destructible_v<T>) {
            return new (allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
        } else {
            static_assert(alignof(T) <= alignof(Destructor), "the node follows its link directly");
            void* memory = allocate(sizeof(Destructor) + sizeof(T), alignof(Destructor));
            T* object = new (static_cast<Destructor*>(memory) + 1) T(std::forward<Args>(args)...);
            // Linked once constructed: a constructor that throws leaves nothing to destroy.
            last_ = new (memory) Destructor{[](void* p) { static_cast<T*>(p)->~T(); }, last_};
            return object;
        }
    }

  private:
    void* allocate(size_t size, size_t align)
    {
        size_t offset = (used_ + align - 1) & ~(align - 1);
        if (blocks_.empty() || offset + size > blockSize_) {
            size_t wanted = size + align > kBlockSize ? size + align : kBlockSize;
            blocks_.push_back(std::make_unique<std::byte[]>(wanted));
            blockSize_ = wanted;
            used_ = 0;
            offset = 0;
            // make_unique<byte[]> memory is aligned for max_align_t, enough for every node.
        }
        used_ = offset + size;
        return blocks_.back().get() + offset;
    }

    // The object it destroys follows it in the block.
    struct alignas(16) Destructor {
        void (*destroy)(void*);
        Destructor* previous;
    };
    static constexpr size_t kBlockSize = 64 * 1024;
    std::vector<std::unique_ptr<std::byte[]>> blocks_;
    Destructor* last_ = nullptr;
    size_t used_ = 0;
    size_t blockSize_ = 0;
};

// -- Common -------------------------------------------------------------------

struct SourceSpan {
    int line = 0;    // 1-based
    int col = 0;     // 0-based byte offset
    int endLine = 0; // 1-based
    int endCol = 0;  // 0-based byte offset just past the node
};

// Whether an expression is read, assigned to or deleted (CPython's Load/Store/Del).
enum class ExprContext : uint8_t { Load, Store, Del };

enum class BoolOperator : uint8_t { And, Or };
enum class BinaryOperator : uint8_t {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv
};
enum class UnaryOperator : uint8_t { Invert, Not, UAdd, USub };
enum class CompareOperator : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

const char* operatorName(BoolOperator op);     // "And", "Or"
const char* operatorName(BinaryOperator op);   // "Add", ... (CPython's ast class names)
const char* operatorName(UnaryOperator op);    // "Invert", "Not", "UAdd", "USub"
const char* operatorName(CompareOperator op);  // "Eq", "NotEq", ...
const char* operatorSymbol(BinaryOperator op); // "+", "-", ... (for messages)

// -- Expressions --------------------------------------------------------------

enum class ExprKind : uint8_t {
    Constant,
    Name,
    Attribute,
    Subscript,
    Slice,
    Call,
    UnaryOp,
    BinOp,
    BoolOp,
    Compare,
    Lambda,
    IfExp,
    List,
    Tuple,
    Set,
    Dict,
    ListComp,
    SetComp,
    DictComp,
    GeneratorExp,
    Await,
    Yield,
    YieldFrom,
    NamedExpr,
    Starred,
    JoinedStr,
    FormattedValue
};

struct Expr : SourceSpan {
    explicit Expr(ExprKind k) : kind(k) {}
    ExprKind kind;
    template <typename T> T* as()
    {
        assert(kind == T::kKind);
        return static_cast<T*>(this);
    }
    template <typename T> const T* as() const
    {
        assert(kind == T::kKind);
        return static_cast<const T*>(this);
    }
};

template <ExprKind K> struct ExprOf : Expr {
    static constexpr ExprKind kKind = K;
    ExprOf() : Expr(K) {}
};

struct Arguments;
struct Comprehension;

enum class ConstantKind : uint8_t { None, Bool, Ellipsis, Int, Float, Str, Bytes };

// 42, 1.5, 'text', b'raw', True, None, ...
struct ConstantExpr : ExprOf<ExprKind::Constant> {
    ConstantKind constantKind = ConstantKind::None;
    bool boolValue = false;
    int64_t intValue = 0;
    double floatValue = 0;
    // Str: UTF-8 text; Bytes: the raw bytes; Int beyond int64_t: its decimal digits (intValue
    // unused). One string for all three: a 10 MB program has millions of constants.
    std::string stringValue;
};

struct NameExpr : ExprOf<ExprKind::Name> {
    std::string id;
    ExprContext ctx = ExprContext::Load;
};

// value.attr
struct AttributeExpr : ExprOf<ExprKind::Attribute> {
    Expr* value = nullptr;
    std::string attr;
    ExprContext ctx = ExprContext::Load;
};

// value[index]; index is a SliceExpr for a[1:2], a TupleExpr for a[1, 2:3].
struct SubscriptExpr : ExprOf<ExprKind::Subscript> {
    Expr* value = nullptr;
    Expr* index = nullptr;
    ExprContext ctx = ExprContext::Load;
};

// lower:upper:step inside a subscript; each part may be null.
struct SliceExpr : ExprOf<ExprKind::Slice> {
    Expr* lower = nullptr;
    Expr* upper = nullptr;
    Expr* step = nullptr;
};

// name=value in a call or a class header; an empty [arg] means **value.
struct Keyword : SourceSpan {
    std::string arg;
    Expr* value = nullptr;
};

// func(args..., keywords...); args may contain StarredExpr for *iterable. Keywords keep source
// order among themselves; CPython evaluates all positional args (incl. *x) before keywords.
struct CallExpr : ExprOf<ExprKind::Call> {
    Expr* func = nullptr;
    std::vector<Expr*> args;
    std::vector<Keyword*> keywords;
};

struct UnaryOpExpr : ExprOf<ExprKind::UnaryOp> {
    UnaryOperator op = UnaryOperator::Not;
    Expr* operand = nullptr;
};

struct BinOpExpr : ExprOf<ExprKind::BinOp> {
    Expr* left = nullptr;
    BinaryOperator op = BinaryOperator::Add;
    Expr* right = nullptr;
};

// a and b and c: one node with three values (CPython flattens same-operator chains).
struct BoolOpExpr : ExprOf<ExprKind::BoolOp> {
    BoolOperator op = BoolOperator::And;
    std::vector<Expr*> values;
};

// a < b <= c: ops.size() == comparators.size().
struct CompareExpr : ExprOf<ExprKind::Compare> {
    Expr* left = nullptr;
    std::vector<CompareOperator> ops;
    std::vector<Expr*> comparators;
};

struct LambdaExpr : ExprOf<ExprKind::Lambda> {
    Arguments* args = nullptr; // never null
    Expr* body = nullptr;
};

// body if test else orelse
struct IfExpExpr : ExprOf<ExprKind::IfExp> {
    Expr* test = nullptr;
    Expr* body = nullptr;
    Expr* orelse = nullptr;
};

// [a, *b]; also an assignment target when ctx is Store.
struct ListExpr : ExprOf<ExprKind::List> {
    std::vector<Expr*> elts;
    ExprContext ctx = ExprContext::Load;
};

struct TupleExpr : ExprOf<ExprKind::Tuple> {
    std::vector<Expr*> elts;
    ExprContext ctx = ExprContext::Load;
    bool parenthesized = false; // written with its own parentheses (for messages only)
};

struct SetExpr : ExprOf<ExprKind::Set> {
    std::vector<Expr*> elts;
};

// {k: v, **other}: keys[i] is null where values[i] is unpacked with **.
struct DictExpr : ExprOf<ExprKind::Dict> {
    std::vector<Expr*> keys;
    std::vector<Expr*> values;
};

// One `[async] for target in iter [if cond]...` clause of a comprehension.
struct Comprehension : SourceSpan {
    Expr* target = nullptr;
    Expr* iter = nullptr;
    std::vector<Expr*> ifs;
    bool isAsync = false;
};

struct ListCompExpr : ExprOf<ExprKind::ListComp> {
    Expr* elt = nullptr;
    std::vector<Comprehension*> generators;
};

struct SetCompExpr : ExprOf<ExprKind::SetComp> {
    Expr* elt = nullptr;
    std::vector<Comprehension*> generators;
};

struct DictCompExpr : ExprOf<ExprKind::DictComp> {
    Expr* key = nullptr;
    Expr* value = nullptr;
    std::vector<Comprehension*> generators;
};

struct GeneratorExpExpr : ExprOf<ExprKind::GeneratorExp> {
    Expr* elt = nullptr;
    std::vector<Comprehension*> generators;
};

struct AwaitExpr : ExprOf<ExprKind::Await> {
    Expr* value = nullptr;
};

struct YieldExpr : ExprOf<ExprKind::Yield> {
    Expr* value = nullptr; // null for a bare `yield`
};

struct YieldFromExpr : ExprOf<ExprKind::YieldFrom> {
    Expr* value = nullptr;
};

// target := value; target is always a NameExpr with ctx Store.
struct NamedExprExpr : ExprOf<ExprKind::NamedExpr> {
    Expr* target = nullptr;
    Expr* value = nullptr;
};

// *value in a call, a display or an assignment target.
struct StarredExpr : ExprOf<ExprKind::Starred> {
    Expr* value = nullptr;
    ExprContext ctx = ExprContext::Load;
};

// f"...": values are Str ConstantExprs and FormattedValueExprs, in order. Also used for a
// format spec that holds replacement fields, e.g. the `{width}` in f"{x:{width}}".
struct JoinedStrExpr : ExprOf<ExprKind::JoinedStr> {
    std::vector<Expr*> values;
};

// {value!conversion:formatSpec} inside an f-string.
struct FormattedValueExpr : ExprOf<ExprKind::FormattedValue> {
    Expr* value = nullptr;
    int conversion = -1;                 // -1 none, else 's', 'r' or 'a'
    JoinedStrExpr* formatSpec = nullptr; // null when there is no ':spec'
};

// -- Function signatures ------------------------------------------------------

struct Arg : SourceSpan {
    std::string name;
    Expr* annotation = nullptr; // parsed, ignored by Loopscope
};

// def f(a, b=1, *args, c, d=2, **kwargs): CPython's ast.arguments.
struct Arguments {
    std::vector<Arg*> posonlyargs; // before `/` (the parser may refuse `/`)
    std::vector<Arg*> args;
    Arg* vararg = nullptr; // *args
    std::vector<Arg*> kwonlyargs;
    std::vector<Expr*> kwDefaults; // parallel to kwonlyargs; null where there is no default
    Arg* kwarg = nullptr;          // **kwargs
    std::vector<Expr*> defaults;   // defaults of the LAST defaults.size() of posonlyargs+args
};

// -- Statements ---------------------------------------------------------------

enum class StmtKind : uint8_t {
    Expr,
    Assign,
    AugAssign,
    AnnAssign,
    If,
    While,
    For,
    Break,
    Continue,
    Pass,
    Return,
    FunctionDef,
    ClassDef,
    Try,
    Raise,
    With,
    Global,
    Nonlocal,
    Delete,
    Assert,
    Import,
    ImportFrom
};

struct Stmt : SourceSpan {
    explicit Stmt(StmtKind k) : kind(k) {}
    StmtKind kind;
    template <typename T> T* as()
    {
        assert(kind == T::kKind);
        return static_cast<T*>(this);
    }
    template <typename T> const T* as() const
    {
        assert(kind == T::kKind);
        return static_cast<const T*>(this);
    }
};

template <StmtKind K> struct StmtOf : Stmt {
    static constexpr StmtKind kKind = K;
    StmtOf() : Stmt(K) {}
};

using StmtList = std::vector<Stmt*>;

struct ExprStmt : StmtOf<StmtKind::Expr> {
    Expr* value = nullptr;
};

// a = b = value: targets in source order, each with ctx Store.
struct AssignStmt : StmtOf<StmtKind::Assign> {
    std::vector<Expr*> targets;
    Expr* value = nullptr;
};

// target op= value
struct AugAssignStmt : StmtOf<StmtKind::AugAssign> {
    Expr* target = nullptr;
    BinaryOperator op = BinaryOperator::Add;
    Expr* value = nullptr;
};

// target: annotation [= value]
struct AnnAssignStmt : StmtOf<StmtKind::AnnAssign> {
    Expr* target = nullptr;
    Expr* annotation = nullptr;
    Expr* value = nullptr; // may be null
    bool simple = true;    // target is a plain name not in parentheses
};

// if/elif/else: an elif is an IfStmt alone in the orelse of the one before.
struct IfStmt : StmtOf<StmtKind::If> {
    Expr* test = nullptr;
    StmtList body;
    StmtList orelse;
};

struct WhileStmt : StmtOf<StmtKind::While> {
    Expr* test = nullptr;
    StmtList body;
    StmtList orelse;
};

struct ForStmt : StmtOf<StmtKind::For> {
    Expr* target = nullptr;
    Expr* iter = nullptr;
    StmtList body;
    StmtList orelse;
    bool isAsync = false;
};

struct BreakStmt : StmtOf<StmtKind::Break> {};
struct ContinueStmt : StmtOf<StmtKind::Continue> {};
struct PassStmt : StmtOf<StmtKind::Pass> {};

struct ReturnStmt : StmtOf<StmtKind::Return> {
    Expr* value = nullptr; // may be null
};

// [decorators] [async] def name(args) [-> returns]: body
struct FunctionDefStmt : StmtOf<StmtKind::FunctionDef> {
    std::string name;
    Arguments* args = nullptr; // never null
    StmtList body;
    std::vector<Expr*> decorators; // outermost first, as written
    Expr* returns = nullptr;       // parsed, ignored
    bool isAsync = false;
};

// [decorators] class name[(bases, keywords)]: body
struct ClassDefStmt : StmtOf<StmtKind::ClassDef> {
    std::string name;
    std::vector<Expr*> bases;
    std::vector<Keyword*> keywords; // metaclass= and the keywords for __init_subclass__
    StmtList body;
    std::vector<Expr*> decorators;
};

// except [type [as name]]: body
struct ExceptHandler : SourceSpan {
    Expr* type = nullptr; // null for a bare `except:`
    std::string name;     // empty when there is no `as name`
    StmtList body;
};

// try/except/else/finally; isStar for `except*` (all handlers are star or none are).
struct TryStmt : StmtOf<StmtKind::Try> {
    StmtList body;
    std::vector<ExceptHandler*> handlers;
    StmtList orelse;
    StmtList finalbody;
    bool isStar = false;
};

// raise [exc [from cause]]
struct RaiseStmt : StmtOf<StmtKind::Raise> {
    Expr* exc = nullptr;
    Expr* cause = nullptr;
};

struct WithItem : SourceSpan {
    Expr* contextExpr = nullptr;
    Expr* optionalVars = nullptr; // the `as` target (ctx Store), or null
};

// [async] with item, item: body
struct WithStmt : StmtOf<StmtKind::With> {
    std::vector<WithItem*> items;
    StmtList body;
    bool isAsync = false;
};

struct GlobalStmt : StmtOf<StmtKind::Global> {
    std::vector<std::string> names;
};

struct NonlocalStmt : StmtOf<StmtKind::Nonlocal> {
    std::vector<std::string> names;
};

// del a, b[0], c.d: targets with ctx Del.
struct DeleteStmt : StmtOf<StmtKind::Delete> {
    std::vector<Expr*> targets;
};

struct AssertStmt : StmtOf<StmtKind::Assert> {
    Expr* test = nullptr;
    Expr* msg = nullptr; // may be null
};

// `name` may be dotted ("asyncio.exceptions"); asname empty when absent.
struct Alias : SourceSpan {
    std::string name;
    std::string asname;
};

// import a.b as c, d
struct ImportStmt : StmtOf<StmtKind::Import> {
    std::vector<Alias*> names;
};

// from module import a as b, c   (level counts leading dots; the parser refuses level > 0)
struct ImportFromStmt : StmtOf<StmtKind::ImportFrom> {
    std::string module;
    std::vector<Alias*> names;
    int level = 0;
};

// -- Module -------------------------------------------------------------------

// A parsed file: owns every node through [arena].
struct Module {
    Arena arena;
    StmtList body;
};

// CPython's compiler gives up (RecursionError: "maximum recursion depth exceeded during
// compilation") when statements and expressions nest deeper than its recursion limit of 1000
// times COMPILER_STACK_FRAME_SCALE (3). Every pass after the parser recurses no deeper than this.
constexpr int kMaxCompileDepth = 3000;

// The first node, in source order, that lies deeper than [limit] statements and expressions
// (the outermost statement is at depth 1), or null. Does not recurse (ast_depth.cpp).
const SourceSpan* firstNodeDeeperThan(const Module& module, int limit);

// A compact s-expression of [module], one top-level statement per line, e.g.
// `(Assign (Name x Store) (BinOp Add (Constant 1) (Constant 2)))`. Positions are left out.
std::string dumpAst(const Module& module);
std::string dumpAst(const Stmt* stmt);
std::string dumpAst(const Expr* expr);

} // namespace loopscope
