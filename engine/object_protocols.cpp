// The object protocols of the VM: type of a value, repr/str, truth, hashing, equality and
// ordering, arithmetic, attributes, iteration, subscripts, formatting, instantiation.
// Builtin kinds are handled in C++ directly; user classes through their dunder methods.

#include <algorithm>
#include <cmath>
#include <cstring>

#include "bigint.h"
#include "builtins/iterators.h"
#include "engine_stack.h"
#include "format/float_repr.h"
#include "format/format_spec.h"
#include "format/percent_format.h"
#include "memory_budget.h"
#include "vm.h"

namespace loopscope {

// -- Types -----------------------------------------------------------------------------------------

std::string VM::typeName(const Value& v) const
{
    return typeOf(v)->name;
}

bool VM::isInstanceOf(const Value& v, ClassObj* cls)
{
    return typeOf(v)->isSubclassOf(cls);
}

Value VM::lookupSpecial(const Value& obj, StrObj* name)
{
    ClassObj* cls = typeOf(obj);
    if (Value* v = cls->lookup(name))
        return *v;
    return Value();
}

// Looks [name] up on the class of a user object, skipping the builtin base classes.
static Value userOverride(VM& vm, const Value& obj, StrObj* name)
{
    ClassObj* cls = vm.typeOf(obj);
    for (ClassObj* c : cls->mro) {
        if (c->builtin)
            return Value();
        if (Value* v = c->dict->table.findStr(name))
            return *v;
    }
    return Value();
}

// The method [name] of the metaclass of class [v], when that metaclass is a user class and
// defines it (for len(Color), Color['RED'], ... on an enum); Empty otherwise.
static Value metaclassMethod(VM& vm, const Value& v, StrObj* name)
{
    if (!isKind(v, ObjKind::Class) || v.asObject()->cls->builtin)
        return Value();
    return userOverride(vm, v, name);
}

// -- repr and str ----------------------------------------------------------------------------------

static std::string hexAddress(const void* p)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%012llx",
                  static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(p)));
    return buf;
}

std::string strRepr(std::string_view s)
{
    bool hasSingle = s.find('\'') != std::string_view::npos;
    bool hasDouble = s.find('"') != std::string_view::npos;
    char quote = hasSingle && !hasDouble ? '"' : '\'';
    std::string out(1, quote);
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += char(c);
        }
    }
    out += quote;
    return out;
}

static std::string bytesRepr(std::string_view s)
{
    bool hasSingle = s.find('\'') != std::string_view::npos;
    bool hasDouble = s.find('"') != std::string_view::npos;
    char quote = hasSingle && !hasDouble ? '"' : '\'';
    std::string out = "b";
    out += quote;
    for (unsigned char c : s) {
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c >= 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += char(c);
        }
    }
    out += quote;
    return out;
}

namespace {
// Guards repr of containers against cycles ("[...]").
thread_local std::vector<const Obj*> tReprStack;
struct ReprGuard {
    explicit ReprGuard(const Obj* o) : object(o)
    {
        for (const Obj* p : tReprStack)
            if (p == o)
                recursive = true;
        if (!recursive)
            tReprStack.push_back(o);
    }
    ~ReprGuard()
    {
        if (!recursive)
            tReprStack.pop_back();
    }
    const Obj* object;
    bool recursive = false;
};
} // namespace

static std::string classRepr(VM& vm, ClassObj* cls)
{
    if (cls->builtin)
        return "<class '" + cls->name + "'>";
    Value* module = cls->dict->table.findStr(vm.names.__module__);
    std::string qual = isStr(cls->qualname) ? strText(cls->qualname) : cls->name;
    if (module && isStr(*module))
        return "<class '" + strText(*module) + "." + qual + "'>";
    return "<class '" + qual + "'>";
}

// Calls a __repr__ of the program's and checks that it gave a str.
static std::string callRepr(VM& vm, const Value& method, const Value& v)
{
    Value r = vm.call(method, {v});
    if (!isStr(r))
        vm.raise(ExcType::TypeError, "__repr__ returned non-string (type " + vm.typeName(r) + ")");
    return strText(r);
}

std::string VM::repr(const Value& v)
{
    switch (v.tag()) {
    case Tag::Empty:
        return "<NULL>";
    case Tag::None:
        return "None";
    case Tag::Bool:
        return v.asBool() ? "True" : "False";
    case Tag::Int:
        return std::to_string(v.asInt());
    case Tag::Float:
        return floatRepr(v.asFloat());
    case Tag::Object:
        break;
    }
    Obj* o = v.asObject();
    NativeRecursion recursion(*this, " while getting the repr of an object");
    if (o == notImplemented.asObject())
        return "NotImplemented";
    if (o == ellipsis.asObject())
        return "Ellipsis";
    if (!o->cls->builtin && (o->kind == ObjKind::List || o->kind == ObjKind::Dict ||
                             o->kind == ObjKind::Tuple || o->kind == ObjKind::Set)) {
        Value method = userOverride(*this, v, names.__repr__);
        if (!method.isEmpty())
            return callRepr(*this, method, v);
    }
    if (o->cls != types.dict && o->kind == ObjKind::Dict && o->cls->builtin) {
        Value method = lookupSpecial(v, names.__repr__);
        if (isKind(method, ObjKind::NativeFunction) &&
            method.as<NativeFunctionObj>()->name != "dict.__repr__")
            return str(call(method, {v}));
    }
    switch (o->kind) {
    case ObjKind::BigInt:
        return intToString(*this, v);
    case ObjKind::Str:
        return strRepr(static_cast<StrObj*>(o)->text);
    case ObjKind::Bytes:
        return bytesRepr(static_cast<BytesObj*>(o)->data);
    case ObjKind::List:
    case ObjKind::Tuple: {
        bool isList = o->kind == ObjKind::List;
        ReprGuard guard(o);
        if (guard.recursive)
            return isList ? "[...]" : "(...)";
        const auto& items = isList ? static_cast<ListObj*>(o)->items : static_cast<TupleObj*>(o)->items;
        std::string out = isList ? "[" : "(";
        for (size_t i = 0; i < items.size(); ++i) {
            if (i)
                out += ", ";
            out += repr(items[i]);
        }
        if (!isList && items.size() == 1)
            out += ",";
        out += isList ? "]" : ")";
        return out;
    }
    case ObjKind::Dict: {
        ReprGuard guard(o);
        if (guard.recursive)
            return "{...}";
        std::string out = "{";
        size_t pos = 0;
        bool first = true;
        while (const DictTable::Entry* e = static_cast<DictObj*>(o)->table.next(pos)) {
            if (!first)
                out += ", ";
            first = false;
            out += repr(e->key) + ": " + repr(e->value);
        }
        return out + "}";
    }
    case ObjKind::Set:
    case ObjKind::FrozenSet: {
        auto* s = static_cast<SetObj*>(o);
        bool frozen = o->kind == ObjKind::FrozenSet;
        if (s->table.size() == 0)
            return frozen ? "frozenset()" : "set()";
        ReprGuard guard(o);
        if (guard.recursive)
            return "set(...)";
        std::string out = frozen ? "frozenset({" : "{";
        bool first = true;
        for (const Value& key : s->table.keysInOrder()) {
            if (!first)
                out += ", ";
            first = false;
            out += repr(key);
        }
        return out + (frozen ? "})" : "}");
    }
    case ObjKind::Range: {
        auto* r = static_cast<RangeObj*>(o);
        std::string out = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
        if (r->step != 1)
            out += ", " + std::to_string(r->step);
        return out + ")";
    }
    case ObjKind::Slice: {
        auto* s = static_cast<SliceObj*>(o);
        return "slice(" + repr(s->start) + ", " + repr(s->stop) + ", " + repr(s->step) + ")";
    }
    case ObjKind::DictView: {
        auto* view = static_cast<DictViewObj*>(o);
        const char* name = view->which == DictViewObj::Which::Keys     ? "dict_keys"
                           : view->which == DictViewObj::Which::Values ? "dict_values"
                                                                       : "dict_items";
        std::vector<Value> items = toVector(v);
        return std::string(name) + "(" + repr(newList(items)) + ")";
    }
    case ObjKind::Function: {
        auto* f = static_cast<FunctionObj*>(o);
        return "<function " + strText(f->qualname) + " at " + hexAddress(o) + ">";
    }
    case ObjKind::NativeFunction: {
        auto* f = static_cast<NativeFunctionObj*>(o);
        std::string shortName =
            f->name.substr(f->name.rfind('.') == std::string::npos ? 0 : f->name.rfind('.') + 1);
        if (!f->bound.isEmpty() && !isKind(f->bound, ObjKind::Module))
            return "<built-in method " + shortName + " of " + typeName(f->bound) + " object at " +
                   hexAddress(f->bound.isObject() ? f->bound.asObject() : o) + ">";
        return "<built-in function " + shortName + ">";
    }
    case ObjKind::BoundMethod: {
        auto* m = static_cast<BoundMethodObj*>(o);
        if (isKind(m->func, ObjKind::NativeFunction)) {
            const std::string& full = m->func.as<NativeFunctionObj>()->name;
            std::string shortName =
                full.substr(full.rfind('.') == std::string::npos ? 0 : full.rfind('.') + 1);
            std::string self = isKind(m->self, ObjKind::Class)
                                   ? repr(m->self)
                                   : typeName(m->self) + " object at " +
                                         hexAddress(m->self.isObject() ? m->self.asObject() : o);
            return "<built-in method " + shortName + " of " + self + ">";
        }
        std::string name =
            isKind(m->func, ObjKind::Function) ? strText(m->func.as<FunctionObj>()->qualname) : "?";
        return "<bound method " + name + " of " + repr(m->self) + ">";
    }
    case ObjKind::Class: {
        Value method = metaclassMethod(*this, v, names.__repr__);
        if (!method.isEmpty())
            return callRepr(*this, method, v);
        return classRepr(*this, static_cast<ClassObj*>(o));
    }
    case ObjKind::Module: {
        auto* m = static_cast<ModuleObj*>(o);
        return "<module '" + strText(m->name) + "' (built-in)>";
    }
    case ObjKind::Generator: {
        auto* g = static_cast<GeneratorObj*>(o);
        const char* what = g->genKind == GeneratorKind::Coroutine        ? "coroutine"
                           : g->genKind == GeneratorKind::AsyncGenerator ? "async_generator"
                                                                         : "generator";
        return "<" + std::string(what) + " object " + strText(g->qualname()) + " at " + hexAddress(o) + ">";
    }
    case ObjKind::Cell:
        return "<cell at " + hexAddress(o) + ">";
    case ObjKind::Code:
        return "<code object " + strText(static_cast<CodeObj*>(o)->name) + ">";
    case ObjKind::Property:
        return "<property object at " + hexAddress(o) + ">";
    case ObjKind::StaticMethod:
        return "<staticmethod(" + repr(static_cast<MethodWrapperObj*>(o)->func) + ")>";
    case ObjKind::ClassMethod:
        return "<classmethod(" + repr(static_cast<MethodWrapperObj*>(o)->func) + ")>";
    case ObjKind::Super:
        return "<super: <class '" + static_cast<SuperObj*>(o)->startAfter.as<ClassObj>()->name + "'>, <" +
               typeName(static_cast<SuperObj*>(o)->self) + " object>>";
    case ObjKind::Instance:
    case ObjKind::Exception:
    case ObjKind::Iterator:
    case ObjKind::Native: {
        Value method = lookupSpecial(v, names.__repr__);
        if (!method.isEmpty() && !(isKind(method, ObjKind::NativeFunction) &&
                                   method.as<NativeFunctionObj>()->name == "object.__repr__")) {
            Value r = call(method, {v});
            if (!isStr(r))
                raise(ExcType::TypeError, "__repr__ returned non-string (type " + typeName(r) + ")");
            return strText(r);
        }
        ClassObj* cls = o->cls;
        Value* module = cls->dict->table.findStr(names.__module__);
        std::string qual = isStr(cls->qualname) ? strText(cls->qualname) : cls->name;
        std::string prefix =
            (module && isStr(*module) && strText(*module) != "builtins") ? strText(*module) + "." : "";
        return "<" + prefix + qual + " object at " + hexAddress(o) + ">";
    }
    }
    return "<object>";
}

std::string VM::str(const Value& v)
{
    if (isStr(v))
        return strText(v);
    if (isUserKind(v) || isKind(v, ObjKind::Native) || !metaclassMethod(*this, v, names.__str__).isEmpty()) {
        Value method = lookupSpecial(v, names.__str__);
        if (!method.isEmpty() && !(isKind(method, ObjKind::NativeFunction) &&
                                   method.as<NativeFunctionObj>()->name == "object.__str__")) {
            Value r = call(method, {v});
            if (!isStr(r))
                raise(ExcType::TypeError, "__str__ returned non-string (type " + typeName(r) + ")");
            return strText(r);
        }
    }
    return repr(v);
}

Value VM::strValue(const Value& v)
{
    if (isStr(v))
        return v;
    return newStr(str(v));
}

// -- Truth and hashing -----------------------------------------------------------------------------

bool VM::truthy(const Value& v)
{
    switch (v.tag()) {
    case Tag::Empty:
    case Tag::None:
        return false;
    case Tag::Bool:
    case Tag::Int:
        return v.asInt() != 0;
    case Tag::Float:
        return v.asFloat() != 0.0;
    case Tag::Object:
        break;
    }
    Obj* o = v.asObject();
    switch (o->kind) {
    case ObjKind::Str:
        return !static_cast<StrObj*>(o)->text.empty();
    case ObjKind::Bytes:
        return !static_cast<BytesObj*>(o)->data.empty();
    case ObjKind::List:
        return !static_cast<ListObj*>(o)->items.empty();
    case ObjKind::Tuple:
        return !static_cast<TupleObj*>(o)->items.empty();
    case ObjKind::Dict:
        return static_cast<DictObj*>(o)->table.size() != 0;
    case ObjKind::Set:
    case ObjKind::FrozenSet:
        return static_cast<SetObj*>(o)->table.size() != 0;
    case ObjKind::Range:
        return static_cast<RangeObj*>(o)->length() != 0;
    case ObjKind::DictView:
        return static_cast<DictViewObj*>(o)->dict.as<DictObj>()->table.size() != 0;
    case ObjKind::Instance:
    case ObjKind::Exception:
    case ObjKind::Native: {
        Value method = lookupSpecial(v, names.__bool__);
        if (!method.isEmpty()) {
            Value r = call(method, {v});
            if (!r.isBool())
                raise(ExcType::TypeError, "__bool__ should return bool, returned " + typeName(r));
            return r.asBool();
        }
        method = lookupSpecial(v, names.__len__);
        if (!method.isEmpty())
            return toIndex(call(method, {v})) != 0;
        return true;
    }
    default:
        return true;
    }
}

static constexpr int64_t kHashModulus = (int64_t(1) << 61) - 1;

static int64_t hashInt(int64_t i)
{
    // CPython: the absolute value reduced modulo 2**61 - 1, with the sign; -1 becomes -2.
    uint64_t magnitude = i < 0 ? 0 - uint64_t(i) : uint64_t(i);
    int64_t h = int64_t(magnitude % uint64_t(kHashModulus));
    if (i < 0)
        h = -h;
    return h == -1 ? -2 : h;
}

static int64_t hashDouble(double v)
{
    if (std::isinf(v))
        return v > 0 ? 314159 : -314159;
    if (std::isnan(v))
        return 0;
    int e;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & uint64_t(kHashModulus)) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = uint64_t(m);
        m -= double(y);
        x += y;
        if (x >= uint64_t(kHashModulus))
            x -= uint64_t(kHashModulus);
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & uint64_t(kHashModulus)) | x >> (61 - e);
    int64_t h = int64_t(x) * sign;
    return h == -1 ? -2 : h;
}

static int64_t hashTuple(VM& vm, const std::vector<Value>& items)
{
    // CPython hashes nested tuples without a recursion count; only the stack bounds the depth.
    if (engineStackExhausted())
        vm.raise(ExcType::RecursionError, "maximum recursion depth exceeded while hashing a tuple");
    // CPython 3.8+ tuple hash (xxHash-based).
    const uint64_t prime1 = 11400714785074694791ull, prime2 = 14029467366897019727ull,
                   prime5 = 2870177450012600261ull;
    uint64_t acc = prime5;
    for (const Value& item : items) {
        uint64_t lane = uint64_t(vm.hash(item));
        acc += lane * prime2;
        acc = (acc << 31) | (acc >> 33);
        acc *= prime1;
    }
    acc += items.size() ^ (prime5 ^ 3527539ull);
    if (acc == uint64_t(-1))
        return 1546275796;
    return int64_t(acc);
}

int64_t VM::hash(const Value& v)
{
    switch (v.tag()) {
    case Tag::Empty:
        return 0;
    case Tag::None:
        return 0x5f3759df;
    case Tag::Bool:
    case Tag::Int:
        return hashInt(v.asInt());
    case Tag::Float: {
        double d = v.asFloat();
        if (d == std::floor(d) && std::fabs(d) < 9.2e18)
            return hashInt(int64_t(d));
        return hashDouble(d);
    }
    case Tag::Object:
        break;
    }
    Obj* o = v.asObject();
    switch (o->kind) {
    case ObjKind::Str:
        return static_cast<StrObj*>(o)->hashValue();
    case ObjKind::Bytes: {
        uint64_t h = 1469598103934665603ull;
        for (unsigned char c : static_cast<BytesObj*>(o)->data)
            h = (h ^ c) * 1099511628211ull;
        return int64_t(h >> 2);
    }
    case ObjKind::Tuple: {
        auto* t = static_cast<TupleObj*>(o);
        if (t->hash == -1)
            t->hash = hashTuple(*this, t->items);
        return t->hash;
    }
    case ObjKind::FrozenSet: {
        auto* s = static_cast<SetObj*>(o);
        if (s->hash == -1) {
            // CPython's frozenset hash: shuffle each element hash, xor them, then mix.
            uint64_t h = 0;
            for (const auto& slot : s->table.slots()) {
                if (slot.key.isEmpty())
                    continue;
                uint64_t x = uint64_t(slot.hash);
                h ^= ((x ^ 89869747ull) ^ (x << 16)) * 3644798167ull;
            }
            h ^= (uint64_t(s->table.size()) + 1) * 1927868237ull;
            h ^= (h >> 11) ^ (h >> 25);
            h = h * 69069u + 907133923ull;
            if (h == uint64_t(-1))
                h = 590923713ull;
            s->hash = int64_t(h);
        }
        return s->hash;
    }
    case ObjKind::BigInt:
        return intHash(v);
    case ObjKind::List:
    case ObjKind::Dict:
    case ObjKind::Set:
    case ObjKind::Slice:
        raise(ExcType::TypeError, "unhashable type: '" + typeName(v) + "'");
    case ObjKind::Instance:
    case ObjKind::Exception:
    case ObjKind::Native: {
        ClassObj* cls = o->cls;
        for (ClassObj* c : cls->mro) {
            Value* h = c->dict->table.findStr(names.__hash__);
            if (h) {
                if (h->isNone())
                    raise(ExcType::TypeError, "unhashable type: '" + typeName(v) + "'");
                // A builtin class's own __hash__ counts for native objects (weakref.ref).
                if (c->builtin && (o->kind != ObjKind::Native || c == types.object))
                    break;
                Value r = call(*h, {v});
                if (!isInteger(r))
                    raise(ExcType::TypeError, "__hash__ method should return an integer");
                // As CPython: a result that fits is used as it is (-1 excepted), a bigger one is hashed.
                if (r.isIntLike())
                    return r.asInt() == -1 ? -2 : r.asInt();
                return intHash(r);
            }
            if (!c->builtin && c->dict->table.findStr(names.__eq__))
                raise(ExcType::TypeError, "unhashable type: '" + typeName(v) + "'");
        }
        break;
    }
    default:
        break;
    }
    return identityHash(o);
}

// -- Comparison ------------------------------------------------------------------------------------

// Comparing long texts costs instructions (a loop of `s == t` on 10 MB strings is a runaway);
// short ones, the common case, skip the accounting.
static void chargeTextWork(VM& vm, size_t bytes)
{
    if (bytes >= 4096)
        vm.chargeWork(bytes / VM::kBytesPerInstruction);
}

template <typename T> static bool ordered(const T& x, const T& y, CompareKind kind)
{
    switch (kind) {
    case CompareKind::Lt:
        return x < y;
    case CompareKind::Le:
        return x <= y;
    case CompareKind::Eq:
        return x == y;
    case CompareKind::Ne:
        return x != y;
    case CompareKind::Gt:
        return x > y;
    case CompareKind::Ge:
        return x >= y;
    }
    return false;
}

static bool sequencesEqual(VM& vm, const std::vector<Value>& a, const std::vector<Value>& b)
{
    VM::NativeRecursion recursion(vm, " in comparison");
    vm.chargeWork(std::min(a.size(), b.size()));
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!a[i].is(b[i]) && !vm.equals(a[i], b[i]))
            return false;
    return true;
}

// Compares two numbers (int, bool, big int or float) exactly, as CPython does across int and
// float. False when either is not a number.
static bool compareNumbers(const Value& a, const Value& b, CompareKind kind, bool& result)
{
    bool floatA = a.isFloat(), floatB = b.isFloat();
    if (!(floatA || isInteger(a)) || !(floatB || isInteger(b)))
        return false;
    if (floatA && floatB) {
        result = ordered(a.asFloat(), b.asFloat(), kind);
    } else if (floatA || floatB) {
        double d = floatA ? a.asFloat() : b.asFloat();
        if (std::isnan(d)) {
            result = kind == CompareKind::Ne;
            return true;
        }
        int c = intCompareDouble(floatA ? b : a, d);
        result = ordered(floatA ? -c : c, 0, kind);
    } else {
        result = ordered(intCompare(a, b), 0, kind);
    }
    return true;
}

bool VM::equals(const Value& a, const Value& b)
{
    if (a.isIntLike() && b.isIntLike())
        return a.asInt() == b.asInt();
    if (a.isFloat() && b.isFloat())
        return a.asFloat() == b.asFloat();
    bool numbersEqual;
    if (compareNumbers(a, b, CompareKind::Eq, numbersEqual))
        return numbersEqual;
    if (a.isNone() || b.isNone())
        return a.isNone() && b.isNone();
    if (a.isObject() && b.isObject()) {
        Obj* x = a.asObject();
        Obj* y = b.asObject();
        if (x->kind == y->kind) {
            switch (x->kind) {
            case ObjKind::Str:
                if (x == y)
                    return true;
                chargeTextWork(*this, static_cast<StrObj*>(x)->text.size());
                return static_cast<StrObj*>(x)->text == static_cast<StrObj*>(y)->text;
            case ObjKind::Bytes:
                chargeTextWork(*this, static_cast<BytesObj*>(x)->data.size());
                return static_cast<BytesObj*>(x)->data == static_cast<BytesObj*>(y)->data;
            case ObjKind::Tuple:
                return sequencesEqual(*this, static_cast<TupleObj*>(x)->items,
                                      static_cast<TupleObj*>(y)->items);
            case ObjKind::List:
                return sequencesEqual(*this, static_cast<ListObj*>(x)->items,
                                      static_cast<ListObj*>(y)->items);
            case ObjKind::Range: {
                auto* r = static_cast<RangeObj*>(x);
                auto* s = static_cast<RangeObj*>(y);
                int64_t n = r->length();
                if (n != s->length())
                    return false;
                if (n == 0)
                    return true;
                if (r->start != s->start)
                    return false;
                return n == 1 || r->step == s->step;
            }
            case ObjKind::Dict: {
                auto& t1 = static_cast<DictObj*>(x)->table;
                auto& t2 = static_cast<DictObj*>(y)->table;
                if (t1.size() != t2.size())
                    return false;
                NativeRecursion recursion(*this, " in comparison");
                size_t pos = 0;
                while (const DictTable::Entry* e = t1.next(pos)) {
                    Value* other = t2.find(e->key);
                    if (!other || !equals(e->value, *other))
                        return false;
                }
                return true;
            }
            default:
                break;
            }
        }
        auto isKeysView = [](Obj* o) {
            return o->kind == ObjKind::DictView &&
                   static_cast<DictViewObj*>(o)->which != DictViewObj::Which::Values;
        };
        if ((isKeysView(x) && (y->kind == ObjKind::Set || y->kind == ObjKind::FrozenSet || isKeysView(y))) ||
            (isKeysView(y) && (x->kind == ObjKind::Set || x->kind == ObjKind::FrozenSet))) {
            auto asSet = [&](const Value& v) {
                if (isKind(v, ObjKind::DictView)) {
                    Value s = Value::object(new SetObj());
                    for (const Value& item : toVector(v))
                        s.as<SetObj>()->table.add(item);
                    return s;
                }
                return v;
            };
            return equals(asSet(a), asSet(b));
        }
        if ((x->kind == ObjKind::Set || x->kind == ObjKind::FrozenSet) &&
            (y->kind == ObjKind::Set || y->kind == ObjKind::FrozenSet)) {
            auto& t1 = static_cast<SetObj*>(x)->table;
            auto& t2 = static_cast<SetObj*>(y)->table;
            if (t1.size() != t2.size())
                return false;
            for (const auto& slot : t1.slots())
                if (!slot.key.isEmpty() && !t2.contains(slot.key))
                    return false;
            return true;
        }
        if (x == y)
            return true;
    }
    if (isUserKind(a) || isUserKind(b) || isKind(a, ObjKind::Native) || isKind(b, ObjKind::Native))
        return truthy(richCompare(a, b, CompareKind::Eq));
    if (a.isObject() && b.isObject())
        return a.asObject() == b.asObject();
    return false;
}

static const char* compareSymbol(CompareKind kind)
{
    switch (kind) {
    case CompareKind::Lt:
        return "<";
    case CompareKind::Le:
        return "<=";
    case CompareKind::Eq:
        return "==";
    case CompareKind::Ne:
        return "!=";
    case CompareKind::Gt:
        return ">";
    case CompareKind::Ge:
        return ">=";
    }
    return "?";
}

static CompareKind swapped(CompareKind kind)
{
    switch (kind) {
    case CompareKind::Lt:
        return CompareKind::Gt;
    case CompareKind::Le:
        return CompareKind::Ge;
    case CompareKind::Gt:
        return CompareKind::Lt;
    case CompareKind::Ge:
        return CompareKind::Le;
    default:
        return kind;
    }
}

static bool compareSequences(VM& vm, const std::vector<Value>& a, const std::vector<Value>& b,
                             CompareKind kind)
{
    VM::NativeRecursion recursion(vm, " in comparison");
    vm.chargeWork(std::min(a.size(), b.size()));
    size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        if (a[i].is(b[i]) || vm.equals(a[i], b[i]))
            continue;
        if (kind == CompareKind::Eq)
            return false;
        if (kind == CompareKind::Ne)
            return true;
        return vm.compare(a[i], b[i], kind);
    }
    return ordered(a.size(), b.size(), kind);
}

static StrObj* dunderFor(VM& vm, CompareKind kind)
{
    switch (kind) {
    case CompareKind::Lt:
        return vm.names.__lt__;
    case CompareKind::Le:
        return vm.names.__le__;
    case CompareKind::Eq:
        return vm.names.__eq__;
    case CompareKind::Ne:
        return vm.names.__ne__;
    case CompareKind::Gt:
        return vm.names.__gt__;
    case CompareKind::Ge:
        return vm.names.__ge__;
    }
    return nullptr;
}

Value VM::richCompare(const Value& a, const Value& b, CompareKind kind)
{
    if (a.isIntLike() && b.isIntLike())
        return Value::boolean(ordered(a.asInt(), b.asInt(), kind));
    if (a.isFloat() && b.isFloat())
        return Value::boolean(ordered(a.asFloat(), b.asFloat(), kind));
    bool numbersCompare;
    if (compareNumbers(a, b, kind, numbersCompare))
        return Value::boolean(numbersCompare);
    bool userA = isUserKind(a) || isKind(a, ObjKind::Native);
    bool userB = isUserKind(b) || isKind(b, ObjKind::Native);
    if (userA || userB) {
        // A subclass's reflected method goes first, as in CPython.
        bool reflectedFirst = userB && typeOf(b) != typeOf(a) && typeOf(b)->isSubclassOf(typeOf(a));
        for (int attempt = 0; attempt < 2; ++attempt) {
            bool useB = (attempt == 0) == reflectedFirst;
            const Value& self = useB ? b : a;
            const Value& other = useB ? a : b;
            CompareKind k = useB ? swapped(kind) : kind;
            if (!(useB ? userB : userA))
                continue;
            // Native objects (deque, weakref, ...) compare through their builtin methods.
            Value method = isKind(self, ObjKind::Native) ? lookupSpecial(self, dunderFor(*this, k))
                                                         : userOverride(*this, self, dunderFor(*this, k));
            if (method.isEmpty())
                continue;
            Value r = call(method, {self, other});
            if (!r.is(notImplemented))
                return r;
        }
        if (kind == CompareKind::Eq)
            return Value::boolean(a.is(b));
        if (kind == CompareKind::Ne) {
            // Default __ne__ inverts __eq__.
            for (int attempt = 0; attempt < 2; ++attempt) {
                const Value& self = attempt == 0 ? a : b;
                const Value& other = attempt == 0 ? b : a;
                if (!(attempt == 0 ? userA : userB))
                    continue;
                Value method = userOverride(*this, self, names.__eq__);
                if (method.isEmpty())
                    continue;
                Value r = call(method, {self, other});
                if (!r.is(notImplemented))
                    return Value::boolean(!truthy(r));
            }
            return Value::boolean(!a.is(b));
        }
    } else if (kind == CompareKind::Eq || kind == CompareKind::Ne) {
        return Value::boolean(equals(a, b) == (kind == CompareKind::Eq));
    } else if (a.isObject() && b.isObject()) {
        Obj* x = a.asObject();
        Obj* y = b.asObject();
        if (x->kind == ObjKind::Str && y->kind == ObjKind::Str)
            return Value::boolean(
                (chargeTextWork(*this, static_cast<StrObj*>(x)->text.size()),
                 ordered(static_cast<StrObj*>(x)->text, static_cast<StrObj*>(y)->text, kind)));
        if (x->kind == ObjKind::Bytes && y->kind == ObjKind::Bytes)
            return Value::boolean(
                ordered(static_cast<BytesObj*>(x)->data, static_cast<BytesObj*>(y)->data, kind));
        if (x->kind == ObjKind::List && y->kind == ObjKind::List)
            return Value::boolean(compareSequences(*this, static_cast<ListObj*>(x)->items,
                                                   static_cast<ListObj*>(y)->items, kind));
        if (x->kind == ObjKind::Tuple && y->kind == ObjKind::Tuple)
            return Value::boolean(compareSequences(*this, static_cast<TupleObj*>(x)->items,
                                                   static_cast<TupleObj*>(y)->items, kind));
        bool setX = x->kind == ObjKind::Set || x->kind == ObjKind::FrozenSet;
        (void)setX;
        bool setY = y->kind == ObjKind::Set || y->kind == ObjKind::FrozenSet;
        if (setX && setY) {
            auto& t1 = static_cast<SetObj*>(x)->table;
            auto& t2 = static_cast<SetObj*>(y)->table;
            auto subset = [&](const SetTable& p, const SetTable& q) {
                for (const auto& slot : p.slots())
                    if (!slot.key.isEmpty() && !q.contains(slot.key))
                        return false;
                return true;
            };
            switch (kind) {
            case CompareKind::Le:
                return Value::boolean(subset(t1, t2));
            case CompareKind::Lt:
                return Value::boolean(t1.size() < t2.size() && subset(t1, t2));
            case CompareKind::Ge:
                return Value::boolean(subset(t2, t1));
            case CompareKind::Gt:
                return Value::boolean(t1.size() > t2.size() && subset(t2, t1));
            default:
                break;
            }
        }
    }
    raise(ExcType::TypeError, std::string("'") + compareSymbol(kind) +
                                  "' not supported between instances of '" + typeName(a) + "' and '" +
                                  typeName(b) + "'");
}

bool VM::compare(const Value& a, const Value& b, CompareKind kind)
{
    if (a.isInt() && b.isInt())
        return ordered(a.asInt(), b.asInt(), kind);
    Value r = richCompare(a, b, kind);
    return r.isBool() ? r.asBool() : truthy(r);
}

// -- Arithmetic ------------------------------------------------------------------------------------

static const char* binarySymbol(BinaryOp op)
{
    static const char* const symbols[] = {"+",  "-",  "*", "@", "/", "%", "**",
                                          "<<", ">>", "|", "^", "&", "//"};
    return symbols[int(op)];
}

// Small-int arithmetic; what would overflow int64_t goes to the big-int arithmetic (bigint.h).
static Value intBinary(VM& vm, BinaryOp op, int64_t x, int64_t y)
{
    int64_t r;
    switch (op) {
    case BinaryOp::Add:
        if (__builtin_add_overflow(x, y, &r))
            break;
        return Value::integer(r);
    case BinaryOp::Sub:
        if (__builtin_sub_overflow(x, y, &r))
            break;
        return Value::integer(r);
    case BinaryOp::Mult:
        if (__builtin_mul_overflow(x, y, &r))
            break;
        return Value::integer(r);
    case BinaryOp::Div:
        break;
    case BinaryOp::FloorDiv:
        if (y == 0)
            vm.raise(ExcType::ZeroDivisionError, "integer division or modulo by zero");
        if (x == INT64_MIN && y == -1)
            break;
        r = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0)))
            --r;
        return Value::integer(r);
    case BinaryOp::Mod:
        if (y == 0)
            vm.raise(ExcType::ZeroDivisionError, "integer modulo by zero");
        if (y == -1)
            return Value::integer(0);
        r = x % y;
        if (r != 0 && ((r < 0) != (y < 0)))
            r += y;
        return Value::integer(r);
    case BinaryOp::Pow: {
        if (y < 0)
            break;
        int64_t result = 1, base = x;
        bool overflowed = false;
        for (int64_t e = y; e > 0 && !overflowed; e >>= 1) {
            if (e & 1)
                overflowed |= __builtin_mul_overflow(result, base, &result);
            if (e > 1)
                overflowed |= __builtin_mul_overflow(base, base, &base);
        }
        if (overflowed)
            break;
        return Value::integer(result);
    }
    case BinaryOp::LShift:
        if (y < 0)
            vm.raise(ExcType::ValueError, "negative shift count");
        if (x == 0)
            return Value::integer(0);
        if (y >= 63 || (x > 0 ? x > (INT64_MAX >> y) : x < (INT64_MIN >> y)))
            break;
        return Value::integer(int64_t(uint64_t(x) << y));
    case BinaryOp::RShift:
        if (y < 0)
            vm.raise(ExcType::ValueError, "negative shift count");
        return Value::integer(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
    case BinaryOp::Or:
        return Value::integer(x | y);
    case BinaryOp::Xor:
        return Value::integer(x ^ y);
    case BinaryOp::And:
        return Value::integer(x & y);
    default:
        return Value();
    }
    return intBinaryOp(vm, op, Value::integer(x), Value::integer(y));
}

// Inlined: float arithmetic is on the hot path of numeric loops.
[[gnu::always_inline]] static inline Value floatBinary(VM& vm, BinaryOp op, double x, double y)
{
    switch (op) {
    case BinaryOp::Add:
        return Value::floating(x + y);
    case BinaryOp::Sub:
        return Value::floating(x - y);
    case BinaryOp::Mult:
        return Value::floating(x * y);
    case BinaryOp::Div:
        if (y == 0)
            vm.raise(ExcType::ZeroDivisionError, "float division by zero");
        return Value::floating(x / y);
    case BinaryOp::FloorDiv: {
        if (y == 0)
            vm.raise(ExcType::ZeroDivisionError, "float floor division by zero");
        double mod = std::fmod(x, y);
        double div = (x - mod) / y;
        if (mod != 0 && ((y < 0) != (mod < 0)))
            div -= 1.0;
        double floordiv = std::floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
        if (div == 0)
            floordiv = std::copysign(0.0, x / y);
        return Value::floating(floordiv);
    }
    case BinaryOp::Mod: {
        if (y == 0)
            vm.raise(ExcType::ZeroDivisionError, "float modulo");
        double mod = std::fmod(x, y);
        if (mod != 0) {
            if ((y < 0) != (mod < 0))
                mod += y;
        } else {
            mod = std::copysign(0.0, y);
        }
        return Value::floating(mod);
    }
    case BinaryOp::Pow:
        if (x == 0 && y < 0)
            vm.raise(ExcType::ZeroDivisionError, "0.0 cannot be raised to a negative power");
        if (x < 0 && y != std::floor(y))
            vm.raise(ExcType::ValueError,
                     "Loopscope has no complex numbers: a negative number to a fractional power");
        return Value::floating(std::pow(x, y));
    default:
        break;
    }
    return Value();
}

// [n] copies of [s], by doubling what is already there, as CPython does: "x" * 10**8 is a few
// dozen memcpy calls, not 10**8 appends. Cancel is polled between chunks of 8 MB, so that the
// window's Cancel stops a copy of hundreds of megabytes at once.
static std::string repeatText(VM& vm, const std::string& s, int64_t n)
{
    checkAllocation(s.size(), uint64_t(n));
    const size_t total = s.size() * size_t(n);
    constexpr size_t kChunk = size_t(8) << 20;
    std::string out;
    out.reserve(total);
    if (total == 0)
        return out;
    out = s;
    while (out.size() < total) {
        vm.pollCancel();
        // Reserved: the source (the string's own start) stays where it is.
        out.append(out.data(), std::min({out.size(), total - out.size(), kChunk}));
    }
    return out;
}

static Value repeatSequence(VM& vm, const Value& seq, int64_t n)
{
    if (n < 0)
        n = 0;
    Obj* o = seq.asObject();
    if (o->kind == ObjKind::Str)
        return vm.newStr(repeatText(vm, static_cast<StrObj*>(o)->text, n));
    if (o->kind == ObjKind::Bytes)
        return Value::object(new BytesObj(repeatText(vm, static_cast<BytesObj*>(o)->data, n)));
    const auto& items =
        o->kind == ObjKind::List ? static_cast<ListObj*>(o)->items : static_cast<TupleObj*>(o)->items;
    checkAllocation(items.size() * sizeof(Value), uint64_t(n));
    std::vector<Value> out;
    out.reserve(items.size() * size_t(n));
    for (int64_t i = 0; i < n; ++i)
        out.insert(out.end(), items.begin(), items.end());
    return o->kind == ObjKind::List ? vm.newList(std::move(out)) : vm.newTuple(std::move(out));
}

static bool isSequenceKind(const Value& v)
{
    return isKind(v, ObjKind::Str) || isKind(v, ObjKind::List) || isKind(v, ObjKind::Tuple) ||
           isKind(v, ObjKind::Bytes);
}

static StrObj* binaryDunder(VM& vm, BinaryOp op, bool reflected)
{
    Names& n = vm.names;
    switch (op) {
    case BinaryOp::Add:
        return reflected ? n.__radd__ : n.__add__;
    case BinaryOp::Sub:
        return reflected ? n.__rsub__ : n.__sub__;
    case BinaryOp::Mult:
        return reflected ? n.__rmul__ : n.__mul__;
    case BinaryOp::MatMult:
        return reflected ? n.__rmatmul__ : n.__matmul__;
    case BinaryOp::Div:
        return reflected ? n.__rtruediv__ : n.__truediv__;
    case BinaryOp::Mod:
        return reflected ? n.__rmod__ : n.__mod__;
    case BinaryOp::Pow:
        return reflected ? n.__rpow__ : n.__pow__;
    case BinaryOp::LShift:
        return reflected ? n.__rlshift__ : n.__lshift__;
    case BinaryOp::RShift:
        return reflected ? n.__rrshift__ : n.__rshift__;
    case BinaryOp::Or:
        return reflected ? n.__ror__ : n.__or__;
    case BinaryOp::Xor:
        return reflected ? n.__rxor__ : n.__xor__;
    case BinaryOp::And:
        return reflected ? n.__rand__ : n.__and__;
    case BinaryOp::FloorDiv:
        return reflected ? n.__rfloordiv__ : n.__floordiv__;
    }
    return nullptr;
}

Value percentFormatValue(VM& vm, const Value& format, const Value& args); // builtins/str_methods.cpp
Value setBinaryOp(VM& vm, BinaryOp op, const Value& a, const Value& b);   // builtins/set_methods.cpp

Value VM::binaryOp(BinaryOp op, const Value& a, const Value& b, bool inplace)
{
    if (a.isIntLike() && b.isIntLike()) {
        Value r = intBinary(*this, op, a.asInt(), b.asInt());
        if (!r.isEmpty())
            return r;
    } else if (a.isNumber() && b.isNumber()) {
        Value r = floatBinary(*this, op, a.toDouble(), b.toDouble());
        if (!r.isEmpty())
            return r;
    } else if (isInteger(a) && isInteger(b)) {
        Value r = intBinaryOp(*this, op, a, b);
        if (!r.isEmpty())
            return r;
    } else if ((a.isFloat() || isInteger(a)) && (b.isFloat() || isInteger(b))) {
        Value r = floatBinary(*this, op, toDouble(a), toDouble(b));
        if (!r.isEmpty())
            return r;
    }
    bool userA = isUserKind(a) || isKind(a, ObjKind::Native);
    bool userB = isUserKind(b) || isKind(b, ObjKind::Native);
    if (userA || userB) {
        if (inplace && userA) {
            static const char* const inplaceNames[] = {"__iadd__",     "__isub__", "__imul__", "__imatmul__",
                                                       "__itruediv__", "__imod__", "__ipow__", "__ilshift__",
                                                       "__irshift__",  "__ior__",  "__ixor__", "__iand__",
                                                       "__ifloordiv__"};
            Value method = lookupSpecial(a, internStr(inplaceNames[int(op)]));
            if (!method.isEmpty()) {
                Value r = call(method, {a, b});
                if (!r.is(notImplemented))
                    return r;
            }
        }
        bool reflectedFirst = userB && typeOf(b) != typeOf(a) && typeOf(b)->isSubclassOf(typeOf(a));
        for (int attempt = 0; attempt < 2; ++attempt) {
            bool useB = (attempt == 0) == reflectedFirst;
            if (useB && !userB)
                continue;
            if (!useB && !userA)
                continue;
            if (useB && typeOf(a) == typeOf(b) && attempt == 1)
                continue;
            Value method = lookupSpecial(useB ? b : a, binaryDunder(*this, op, useB));
            if (method.isEmpty())
                continue;
            Value r = call(method, {useB ? b : a, useB ? a : b});
            if (!r.is(notImplemented))
                return r;
        }
    } else if (a.isObject()) {
        Obj* x = a.asObject();
        switch (op) {
        case BinaryOp::Add:
            if (b.isObject() && x->kind == b.asObject()->kind) {
                switch (x->kind) {
                case ObjKind::Str:
                    return newStr(strText(a) + strText(b));
                case ObjKind::Bytes:
                    return Value::object(new BytesObj(a.as<BytesObj>()->data + b.as<BytesObj>()->data));
                case ObjKind::List: {
                    if (inplace) {
                        auto& items = a.as<ListObj>()->items;
                        std::vector<Value> extra = b.as<ListObj>()->items;
                        items.insert(items.end(), extra.begin(), extra.end());
                        return a;
                    }
                    std::vector<Value> items = a.as<ListObj>()->items;
                    const auto& more = b.as<ListObj>()->items;
                    items.insert(items.end(), more.begin(), more.end());
                    return newList(std::move(items));
                }
                case ObjKind::Tuple: {
                    std::vector<Value> items = a.as<TupleObj>()->items;
                    const auto& more = b.as<TupleObj>()->items;
                    items.insert(items.end(), more.begin(), more.end());
                    return newTuple(std::move(items));
                }
                default:
                    break;
                }
            }
            if (x->kind == ObjKind::List && inplace) {
                auto& items = a.as<ListObj>()->items;
                for (Value& v : toVector(b))
                    items.push_back(std::move(v));
                return a;
            }
            if (x->kind == ObjKind::Str)
                raise(ExcType::TypeError, "can only concatenate str (not \"" + typeName(b) + "\") to str");
            if (x->kind == ObjKind::List)
                raise(ExcType::TypeError, "can only concatenate list (not \"" + typeName(b) + "\") to list");
            if (x->kind == ObjKind::Tuple)
                raise(ExcType::TypeError,
                      "can only concatenate tuple (not \"" + typeName(b) + "\") to tuple");
            break;
        case BinaryOp::Mult:
            if (isSequenceKind(a)) {
                if (isBigInt(b))
                    raise(ExcType::OverflowError, "cannot fit 'int' into an index-sized integer");
                if (b.isIntLike()) {
                    if (inplace && x->kind == ObjKind::List) {
                        Value r = repeatSequence(*this, a, b.asInt());
                        a.as<ListObj>()->items = r.as<ListObj>()->items;
                        return a;
                    }
                    return repeatSequence(*this, a, b.asInt());
                }
                raise(ExcType::TypeError, "can't multiply sequence by non-int of type '" + typeName(b) + "'");
            }
            break;
        case BinaryOp::Mod:
            if (x->kind == ObjKind::Str)
                return percentFormatValue(*this, a, b);
            break;
        case BinaryOp::Or:
        case BinaryOp::And:
        case BinaryOp::Sub:
        case BinaryOp::Xor:
            if ((x->kind == ObjKind::Set || x->kind == ObjKind::FrozenSet) &&
                (isKind(b, ObjKind::Set) || isKind(b, ObjKind::FrozenSet))) {
                Value r = setBinaryOp(*this, op, a, b);
                if (inplace && x->kind == ObjKind::Set) {
                    auto* target = a.as<SetObj>();
                    target->table.clear();
                    for (const auto& slot : r.as<SetObj>()->table.slots())
                        if (!slot.key.isEmpty())
                            target->table.add(slot.key);
                    return a;
                }
                return r;
            }
            if (op == BinaryOp::Or && x->kind == ObjKind::Dict && isKind(b, ObjKind::Dict)) {
                DictObj* target = inplace ? a.as<DictObj>() : new DictObj();
                Value result = Value::object(target);
                if (!inplace) {
                    size_t pos = 0;
                    while (const DictTable::Entry* e = a.as<DictObj>()->table.next(pos))
                        target->table.set(e->key, e->value);
                }
                size_t pos = 0;
                while (const DictTable::Entry* e = b.as<DictObj>()->table.next(pos))
                    target->table.set(e->key, e->value);
                return result;
            }
            break;
        default:
            break;
        }
    } else if (isInteger(a) && isSequenceKind(b) && op == BinaryOp::Mult) {
        if (isBigInt(a))
            raise(ExcType::OverflowError, "cannot fit 'int' into an index-sized integer");
        return repeatSequence(*this, b, a.asInt());
    }
    if (op == BinaryOp::Or && (isKind(a, ObjKind::Class) || isKind(b, ObjKind::Class)) &&
        (isKind(a, ObjKind::Class) || a.isNone()) && (isKind(b, ObjKind::Class) || b.isNone())) {
        // int | None: types.UnionType.
        Value unite = getAttr(importModule("types"), internStr("_union"));
        return call(unite, {a, b});
    }
    raise(ExcType::TypeError, std::string("unsupported operand type(s) for ") + binarySymbol(op) +
                                  (inplace ? "=" : "") + ": '" + typeName(a) + "' and '" + typeName(b) + "'");
}

Value VM::unaryOp(Op op, const Value& v)
{
    switch (op) {
    case Op::UNARY_NEGATIVE:
        if (isInteger(v))
            return intNegate(v);
        if (v.isFloat())
            return Value::floating(-v.asFloat());
        break;
    case Op::UNARY_POSITIVE:
        if (v.isIntLike())
            return Value::integer(v.asInt());
        if (v.isFloat() || isBigInt(v))
            return v;
        break;
    case Op::UNARY_INVERT:
        if (v.isIntLike())
            return Value::integer(~v.asInt());
        if (isBigInt(v))
            return intBinaryOp(*this, BinaryOp::Xor, v, Value::integer(-1)); // ~x == x ^ -1
        break;
    default:
        break;
    }
    StrObj* dunder = op == Op::UNARY_NEGATIVE   ? names.__neg__
                     : op == Op::UNARY_POSITIVE ? names.__pos__
                                                : names.__invert__;
    if (isUserKind(v)) {
        Value method = lookupSpecial(v, dunder);
        if (!method.isEmpty())
            return call(method, {v});
    }
    const char* symbol = op == Op::UNARY_NEGATIVE ? "-" : op == Op::UNARY_POSITIVE ? "+" : "~";
    raise(ExcType::TypeError,
          std::string("bad operand type for unary ") + symbol + ": '" + typeName(v) + "'");
}

// -- Attributes ------------------------------------------------------------------------------------

// Binds what a class lookup found to [obj], as the descriptor protocol does.
static Value bindFound(VM& vm, const Value& found, const Value& obj, ClassObj* cls)
{
    if (!found.isObject())
        return found;
    switch (found.asObject()->kind) {
    case ObjKind::Function:
        return vm.bindMethod(found, obj);
    case ObjKind::NativeFunction:
        // Methods of builtin types bind; a builtin function stored on a class does not (as
        // in CPython: `converter = time.localtime` stays a plain function).
        if (found.as<NativeFunctionObj>()->selfClass.isEmpty())
            return found;
        return vm.bindMethod(found, obj);
    case ObjKind::StaticMethod:
        return found.as<MethodWrapperObj>()->func;
    case ObjKind::ClassMethod:
        return vm.bindMethod(found.as<MethodWrapperObj>()->func, Value::object(cls));
    case ObjKind::Property: {
        auto* p = found.as<PropertyObj>();
        if (p->fget.isEmpty() || p->fget.isNone())
            vm.raise(ExcType::AttributeError, "property object has no getter");
        return vm.call(p->fget, {obj});
    }
    default:
        return found;
    }
}

Value exceptionSpecialAttr(VM& vm, ExceptionObj* e, StrObj* name, bool& found); // builtins/exceptions.cpp
Value specialAttr(VM& vm, const Value& obj, StrObj* name, bool& found);         // builtins/types.cpp

bool VM::tryGetAttr(const Value& obj, StrObj* name, Value& out)
{
    try {
        out = getAttr(obj, name);
        return true;
    } catch (PyException& e) {
        if (isInstance(e.exception, ExcType::AttributeError))
            return false;
        throw;
    }
}

Value VM::getAttr(const Value& obj, StrObj* name)
{
    ClassObj* cls = typeOf(obj);
    if (obj.isObject()) {
        Obj* o = obj.asObject();
        switch (o->kind) {
        case ObjKind::Instance:
        case ObjKind::Exception: {
            auto* inst = static_cast<InstanceObj*>(o);
            // When the instance dict was already searched and has gained no key since (the
            // class lookup runs no code once cached), the second search below is skipped.
            bool searchedInstance = false;
            uint64_t searchedVersion = 0;
            if (!cls->hasDataDescriptors) {
                if (Value* v = inst->attrs.findStr(name))
                    return *v;
                searchedInstance = true;
                searchedVersion = inst->attrs.version();
            }
            Value* classAttr = cls->lookup(name);
            if (classAttr && isKind(*classAttr, ObjKind::Property))
                return bindFound(*this, *classAttr, obj, cls);
            if (!searchedInstance || inst->attrs.version() != searchedVersion)
                if (Value* v = inst->attrs.findStr(name))
                    return *v;
            if (o->kind == ObjKind::Exception) {
                bool found = false;
                Value v = exceptionSpecialAttr(*this, static_cast<ExceptionObj*>(o), name, found);
                if (found)
                    return v;
            }
            if (classAttr)
                return bindFound(*this, *classAttr, obj, cls);
            bool found = false;
            Value special = specialAttr(*this, obj, name, found);
            if (found)
                return special;
            Value getattrHook = userOverride(*this, obj, names.__getattr__);
            if (!getattrHook.isEmpty())
                return call(getattrHook, {obj, Value::object(name)});
            raise(ExcType::AttributeError,
                  "'" + cls->name + "' object has no attribute '" + name->text + "'");
        }
        case ObjKind::Class: {
            auto* c = static_cast<ClassObj*>(o);
            // type's __name__ and __qualname__ are data descriptors of the metaclass in CPython:
            // they win over anything of that name in the class dict (a property for instances).
            if (name == names.__name__ || name == names.__qualname__) {
                bool found = false;
                Value special = specialAttr(*this, obj, name, found);
                if (found)
                    return special;
            }
            if (Value* v = c->lookup(name)) {
                if (isKind(*v, ObjKind::ClassMethod))
                    return bindMethod(v->as<MethodWrapperObj>()->func, obj);
                if (isKind(*v, ObjKind::StaticMethod))
                    return v->as<MethodWrapperObj>()->func;
                return *v;
            }
            bool found = false;
            Value special = specialAttr(*this, obj, name, found);
            if (found)
                return special;
            if (Value* v = cls->lookup(name))
                return bindFound(*this, *v, obj, cls);
            Value getattrHook = metaclassMethod(*this, obj, names.__getattr__);
            if (!getattrHook.isEmpty())
                return call(getattrHook, {obj, Value::object(name)});
            raise(ExcType::AttributeError,
                  "type object '" + c->name + "' has no attribute '" + name->text + "'");
        }
        case ObjKind::Module: {
            auto* m = static_cast<ModuleObj*>(o);
            if (Value* v = m->dict()->table.findStr(name))
                return *v;
            if (name == names.__name__)
                return m->name;
            if (name == names.__dict__)
                return m->globals;
            if (Value* hook = m->dict()->table.findStr(names.__getattr__))
                return call(*hook, {Value::object(name)}); // a module's own __getattr__ (PEP 562)
            raise(ExcType::AttributeError,
                  "module '" + strText(m->name) + "' has no attribute '" + name->text + "'");
        }
        case ObjKind::Function: {
            auto* f = static_cast<FunctionObj*>(o);
            if (f->dict.isObject())
                if (Value* v = f->dict.as<DictObj>()->table.findStr(name))
                    return *v;
            break;
        }
        case ObjKind::Native: {
            auto* native = static_cast<NativeObj*>(o);
            if (!native->attrs)
                break;
            // Properties (data descriptors) win over the instance's own attributes, methods lose.
            Value* classAttr = cls->lookup(name);
            if (classAttr && isKind(*classAttr, ObjKind::Property))
                return bindFound(*this, *classAttr, obj, cls);
            if (Value* v = native->attrs->table.findStr(name))
                return *v;
            if (classAttr)
                return bindFound(*this, *classAttr, obj, cls);
            break;
        }
        case ObjKind::Super: {
            auto* s = static_cast<SuperObj*>(o);
            ClassObj* start = s->startAfter.as<ClassObj>();
            // super() in a class method looks along the class's own MRO; in a metaclass's method
            // (self is a class that is not a subclass of [start]), along its metaclass's.
            bool classSelf = isKind(s->self, ObjKind::Class) && s->self.as<ClassObj>()->isSubclassOf(start);
            ClassObj* selfType = classSelf ? s->self.as<ClassObj>() : typeOf(s->self);
            bool after = false;
            for (ClassObj* c : selfType->mro) {
                if (after) {
                    if (Value* v = c->dict->table.findStr(name)) {
                        if (classSelf) {
                            if (isKind(*v, ObjKind::ClassMethod))
                                return bindMethod(v->as<MethodWrapperObj>()->func, s->self);
                            if (isKind(*v, ObjKind::StaticMethod))
                                return v->as<MethodWrapperObj>()->func;
                            return *v;
                        }
                        return bindFound(*this, *v, s->self, selfType);
                    }
                }
                if (c == start)
                    after = true;
            }
            raise(ExcType::AttributeError, "'super' object has no attribute '" + name->text + "'");
        }
        default:
            break;
        }
    }
    if (Value* v = cls->lookup(name))
        return bindFound(*this, *v, obj, cls);
    bool found = false;
    Value special = specialAttr(*this, obj, name, found);
    if (found)
        return special;
    if (isKind(obj, ObjKind::Native) && !cls->builtin) {
        Value getattrHook = userOverride(*this, obj, names.__getattr__);
        if (!getattrHook.isEmpty())
            return call(getattrHook, {obj, Value::object(name)});
    }
    raise(ExcType::AttributeError, "'" + cls->name + "' object has no attribute '" + name->text + "'");
}

bool VM::loadMethod(const Value& obj, StrObj* name, Value& method)
{
    ClassObj* cls = typeOf(obj);
    bool instance = isUserKind(obj);
    bool plainObject = obj.isObject() && obj.asObject()->kind != ObjKind::Class &&
                       obj.asObject()->kind != ObjKind::Module && obj.asObject()->kind != ObjKind::Super &&
                       obj.asObject()->kind != ObjKind::Function;
    if (!obj.isObject() || plainObject) {
        Value* found = cls->lookup(name);
        if (found && found->isObject() &&
            (found->asObject()->kind == ObjKind::Function ||
             (found->asObject()->kind == ObjKind::NativeFunction &&
              !found->as<NativeFunctionObj>()->selfClass.isEmpty()))) {
            const bool shadowed =
                instance ? static_cast<InstanceObj*>(obj.asObject())->attrs.findStr(name) != nullptr
                : isKind(obj, ObjKind::Native) && static_cast<NativeObj*>(obj.asObject())->attrs
                    ? static_cast<NativeObj*>(obj.asObject())->attrs->table.findStr(name) != nullptr
                    : false;
            if (!shadowed) {
                method = *found;
                return true;
            }
        }
    }
    method = getAttr(obj, name);
    return false;
}

// Sets [name] through a property of [cls] and returns true, or returns false when [cls] has none.
static bool setThroughProperty(VM& vm, ClassObj* cls, const Value& obj, StrObj* name, const Value& value)
{
    Value* classAttr = cls->lookup(name);
    if (!classAttr || !isKind(*classAttr, ObjKind::Property))
        return false;
    auto* p = classAttr->as<PropertyObj>();
    if (p->fset.isEmpty() || p->fset.isNone())
        vm.raise(ExcType::AttributeError,
                 "property '" + name->text + "' of '" + cls->name + "' object has no setter");
    vm.call(p->fset, {obj, value});
    return true;
}

void VM::setAttr(const Value& obj, StrObj* name, Value value)
{
    if (obj.isObject()) {
        Obj* o = obj.asObject();
        switch (o->kind) {
        case ObjKind::Native: {
            ClassObj* cls = o->cls;
            if (setThroughProperty(*this, cls, obj, name, value))
                return;
            if (cls->builtin && !cls->nativeInstanceDict)
                break;
            Value hook = cls->hasUserSetattr ? userOverride(*this, obj, names.__setattr__) : Value();
            if (!hook.isEmpty()) {
                call(hook, {obj, Value::object(name), value});
                return;
            }
            static_cast<NativeObj*>(o)->attributes().set(Value::object(name), std::move(value));
            return;
        }
        case ObjKind::Instance:
        case ObjKind::Exception: {
            ClassObj* cls = o->cls;
            if (cls->hasDataDescriptors && setThroughProperty(*this, cls, obj, name, value))
                return;
            Value hook = cls->hasUserSetattr ? userOverride(*this, obj, names.__setattr__) : Value();
            if (!hook.isEmpty()) {
                call(hook, {obj, Value::object(name), value});
                return;
            }
            if (o->kind == ObjKind::Exception) {
                auto* e = static_cast<ExceptionObj*>(o);
                if (name->text == "__cause__") {
                    e->cause = value.isNone() ? Value() : value;
                    e->suppressContext = true;
                    return;
                }
                if (name->text == "__context__") {
                    e->context = value.isNone() ? Value() : value;
                    return;
                }
                if (name->text == "__suppress_context__") {
                    e->suppressContext = truthy(value);
                    return;
                }
                if (name->text == "args") {
                    e->args = newTuple(toVector(value));
                    return;
                }
                if (name->text == "__traceback__")
                    return;
            }
            static_cast<InstanceObj*>(o)->attrs.set(Value::object(name), std::move(value));
            return;
        }
        case ObjKind::Class: {
            auto* c = static_cast<ClassObj*>(o);
            if (c->builtin)
                raise(ExcType::TypeError,
                      "cannot set '" + name->text + "' attribute of immutable type '" + c->name + "'");
            Value hook = metaclassMethod(*this, obj, names.__setattr__);
            if (!hook.isEmpty()) {
                call(hook, {obj, Value::object(name), value});
                return;
            }
            if (name == names.__name__) {
                c->name = str(value);
                return;
            }
            if (name == names.__qualname__)
                c->qualname = value;
            if (isKind(value, ObjKind::Property))
                c->hasDataDescriptors = true;
            if (name == names.__setattr__)
                c->hasUserSetattr = true;
            c->dict->table.set(Value::object(name), std::move(value));
            return;
        }
        case ObjKind::Module:
            static_cast<ModuleObj*>(o)->dict()->table.set(Value::object(name), std::move(value));
            return;
        case ObjKind::Function: {
            auto* f = static_cast<FunctionObj*>(o);
            if (name == names.__name__) {
                f->name = value;
                return;
            }
            if (name == names.__qualname__) {
                f->qualname = value;
                return;
            }
            if (name == names.__doc__) {
                f->doc = value;
                return;
            }
            if (name == names.__module__) {
                f->module = value;
                return;
            }
            if (!f->dict.isObject())
                f->dict = newDict();
            f->dict.as<DictObj>()->table.set(Value::object(name), std::move(value));
            return;
        }
        default:
            break;
        }
    }
    raise(ExcType::AttributeError, "'" + typeName(obj) + "' object has no attribute '" + name->text + "'");
}

void VM::delAttr(const Value& obj, StrObj* name)
{
    if (isUserKind(obj)) {
        ClassObj* cls = typeOf(obj);
        Value* classAttr = cls->lookup(name);
        if (classAttr && isKind(*classAttr, ObjKind::Property)) {
            auto* p = classAttr->as<PropertyObj>();
            if (p->fdel.isEmpty() || p->fdel.isNone())
                raise(ExcType::AttributeError,
                      "property '" + name->text + "' of '" + cls->name + "' object has no deleter");
            call(p->fdel, {obj});
            return;
        }
        if (static_cast<InstanceObj*>(obj.asObject())->attrs.erase(Value::object(name)))
            return;
    } else if (isKind(obj, ObjKind::Class) && !obj.as<ClassObj>()->builtin) {
        Value hook = metaclassMethod(*this, obj, internStr("__delattr__"));
        if (!hook.isEmpty()) {
            call(hook, {obj, Value::object(name)});
            return;
        }
        if (obj.as<ClassObj>()->dict->table.erase(Value::object(name)))
            return;
    } else if (isKind(obj, ObjKind::Module)) {
        if (obj.as<ModuleObj>()->dict()->table.erase(Value::object(name)))
            return;
    } else if (isKind(obj, ObjKind::Native)) {
        auto* native = obj.as<NativeObj>();
        if (native->attrs && native->attrs->table.erase(Value::object(name)))
            return;
    }
    raise(ExcType::AttributeError, "'" + typeName(obj) + "' object has no attribute '" + name->text + "'");
}

// -- Iteration -------------------------------------------------------------------------------------

Value VM::getIter(const Value& v)
{
    if (v.isObject()) {
        Obj* o = v.asObject();
        IteratorClasses& ic = iteratorClasses();
        switch (o->kind) {
        case ObjKind::List:
            return Value::object(new SequenceIterator(ic.listIterator, v));
        case ObjKind::Tuple:
            return Value::object(new SequenceIterator(ic.tupleIterator, v));
        case ObjKind::Str:
            return Value::object(new SequenceIterator(ic.strIterator, v));
        case ObjKind::Bytes:
            return Value::object(new SequenceIterator(ic.generic, v));
        case ObjKind::Range: {
            auto* r = static_cast<RangeObj*>(o);
            return Value::object(new RangeIterator(ic.rangeIterator, r->start, r->step, r->length()));
        }
        case ObjKind::Dict:
            return Value::object(new DictIterator(ic.dictKeyIterator, v, DictViewObj::Which::Keys));
        case ObjKind::DictView: {
            auto* view = static_cast<DictViewObj*>(o);
            ClassObj* cls = view->which == DictViewObj::Which::Keys     ? ic.dictKeyIterator
                            : view->which == DictViewObj::Which::Values ? ic.dictValueIterator
                                                                        : ic.dictItemIterator;
            return Value::object(new DictIterator(cls, view->dict, view->which));
        }
        case ObjKind::Set:
        case ObjKind::FrozenSet:
            return Value::object(new SetIterator(ic.setIterator, v));
        case ObjKind::Iterator:
            return v;
        case ObjKind::Generator:
            if (static_cast<GeneratorObj*>(o)->genKind == GeneratorKind::Generator)
                return v;
            break;
        default: {
            Value method = isKind(v, ObjKind::Class) ? metaclassMethod(*this, v, names.__iter__)
                                                     : lookupSpecial(v, names.__iter__);
            if (!method.isEmpty()) {
                Value it = call(method, {v});
                if (lookupSpecial(it, names.__next__).isEmpty() && !isKind(it, ObjKind::Iterator) &&
                    !isKind(it, ObjKind::Generator))
                    raise(ExcType::TypeError, "iter() returned non-iterator of type '" + typeName(it) + "'");
                return it;
            }
            if (!lookupSpecial(v, names.__getitem__).isEmpty() && !isKind(v, ObjKind::Class)) {
                // The old sequence protocol: v[0], v[1], ... until IndexError.
                auto* it = new FunctionIterator(ic.generic, [](VM& vm, FunctionIterator& self, Value& out) {
                    if (self.exhausted)
                        return false;
                    try {
                        out = vm.getItem(self.sources[0], Value::integer(self.counter++));
                        return true;
                    } catch (PyException& e) {
                        if (vm.isInstance(e.exception, ExcType::IndexError) ||
                            vm.isInstance(e.exception, ExcType::StopIteration)) {
                            self.exhausted = true;
                            return false;
                        }
                        throw;
                    }
                });
                it->sources.push_back(v);
                return Value::object(it);
            }
        }
        }
    }
    raise(ExcType::TypeError, "'" + typeName(v) + "' object is not iterable");
}

bool VM::iterNextOther(const Value& iter, Value& out)
{
    spendNativeStep();
    if (iter.isObject()) {
        Obj* o = iter.asObject();
        if (o->kind == ObjKind::Generator) {
            auto* gen = static_cast<GeneratorObj*>(o);
            if (gen->genKind == GeneratorKind::Generator)
                return resume(gen, Value::none(), Value(), out) == ResumeStatus::Yielded;
        }
    }
    Value method = lookupSpecial(iter, names.__next__);
    if (method.isEmpty())
        raise(ExcType::TypeError, "'" + typeName(iter) + "' object is not an iterator");
    try {
        out = call(method, {iter});
        return true;
    } catch (PyException& e) {
        if (isInstance(e.exception, ExcType::StopIteration))
            return false;
        throw;
    }
}

std::vector<Value> VM::toVector(const Value& iterable)
{
    if (isKind(iterable, ObjKind::List))
        return iterable.as<ListObj>()->items;
    if (isKind(iterable, ObjKind::Tuple))
        return iterable.as<TupleObj>()->items;
    std::vector<Value> out;
    Value it = getIter(iterable);
    Value item;
    while (iterNext(it, item))
        out.push_back(std::move(item));
    return out;
}

// -- Subscripts ------------------------------------------------------------------------------------

int64_t VM::toIndex(const Value& v, const char* what)
{
    if (v.isIntLike())
        return v.asInt();
    if (isBigInt(v))
        raise(ExcType::OverflowError, "cannot fit 'int' into an index-sized integer");
    if (isUserKind(v)) {
        Value method = lookupSpecial(v, names.__index__);
        if (!method.isEmpty()) {
            Value r = call(method, {v});
            if (isInteger(r))
                return toIndex(r);
        }
    }
    if (what)
        raise(ExcType::TypeError, std::string(what));
    raise(ExcType::TypeError, "'" + typeName(v) + "' object cannot be interpreted as an integer");
}

double VM::toDouble(const Value& v)
{
    if (v.isNumber())
        return v.toDouble();
    if (isBigInt(v))
        return intToDouble(*this, v);
    if (isUserKind(v)) {
        Value method = lookupSpecial(v, names.__float__);
        if (!method.isEmpty())
            return toDouble(call(method, {v}));
    }
    raise(ExcType::TypeError, "must be real number, not " + typeName(v));
}

// Resolves a slice against a sequence of [length]: start, stop, step and the item count.
void sliceIndices(VM& vm, const SliceObj* s, int64_t length, int64_t& start, int64_t& stop, int64_t& step,
                  int64_t& count)
{
    step = s->step.isNone()
               ? 1
               : vm.toIndex(s->step, "slice indices must be integers or None or have an __index__ method");
    if (step == 0)
        vm.raise(ExcType::ValueError, "slice step cannot be zero");
    auto clamp = [&](const Value& v, int64_t dflt, bool isStart) {
        if (v.isNone())
            return dflt;
        // A big int bound lies past either end.
        int64_t i = isBigInt(v)
                        ? (intSign(v) < 0 ? INT64_MIN / 2 : INT64_MAX / 2)
                        : vm.toIndex(v, "slice indices must be integers or None or have an __index__ method");
        if (i < 0) {
            i += length;
            if (i < 0)
                i = step < 0 ? -1 : 0;
        } else if (i >= length) {
            i = step < 0 ? length - 1 : length;
        }
        (void)isStart;
        return i;
    };
    start = clamp(s->start, step < 0 ? length - 1 : 0, true);
    stop = clamp(s->stop, step < 0 ? -1 : length, false);
    if (step > 0)
        count = stop > start ? (stop - start - 1) / step + 1 : 0;
    else
        count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
}

std::vector<uint32_t> utf8Decode(std::string_view s);
std::string utf8EncodeAll(const std::vector<uint32_t>& cps);

static int64_t normalizeIndex(VM& vm, const Value& key, int64_t length, const char* what)
{
    if (!key.isIntLike() && !isUserKind(key) && !isBigInt(key))
        vm.raise(ExcType::TypeError,
                 std::string(what) + " indices must be integers or slices, not " + vm.typeName(key));
    if (isBigInt(key))
        vm.raise(ExcType::IndexError, "cannot fit 'int' into an index-sized integer");
    int64_t i = vm.toIndex(key);
    if (i < 0)
        i += length;
    if (i < 0 || i >= length)
        vm.raise(ExcType::IndexError, std::string(what) + " index out of range");
    return i;
}

Value VM::getItem(const Value& obj, const Value& key)
{
    if (obj.isObject()) {
        Obj* o = obj.asObject();
        switch (o->kind) {
        case ObjKind::List:
        case ObjKind::Tuple: {
            bool isList = o->kind == ObjKind::List;
            const auto& items = isList ? static_cast<ListObj*>(o)->items : static_cast<TupleObj*>(o)->items;
            if (isKind(key, ObjKind::Slice)) {
                int64_t start, stop, step, count;
                sliceIndices(*this, key.as<SliceObj>(), int64_t(items.size()), start, stop, step, count);
                std::vector<Value> out;
                out.reserve(size_t(count));
                for (int64_t i = 0, j = start; i < count; ++i, j += step)
                    out.push_back(items[size_t(j)]);
                return isList ? newList(std::move(out)) : newTuple(std::move(out));
            }
            return items[size_t(
                normalizeIndex(*this, key, int64_t(items.size()), isList ? "list" : "tuple"))];
        }
        case ObjKind::Str: {
            auto* s = static_cast<StrObj*>(o);
            if (s->ascii) {
                if (isKind(key, ObjKind::Slice)) {
                    int64_t start, stop, step, count;
                    sliceIndices(*this, key.as<SliceObj>(), int64_t(s->text.size()), start, stop, step,
                                 count);
                    if (step == 1)
                        return newStr(s->text.substr(size_t(start), size_t(count)));
                    std::string out;
                    for (int64_t i = 0, j = start; i < count; ++i, j += step)
                        out += s->text[size_t(j)];
                    return newStr(std::move(out));
                }
                int64_t i = normalizeIndex(*this, key, int64_t(s->text.size()), "string");
                return intern(std::string_view(s->text).substr(size_t(i), 1));
            }
            std::vector<uint32_t> cps = utf8Decode(s->text);
            if (isKind(key, ObjKind::Slice)) {
                int64_t start, stop, step, count;
                sliceIndices(*this, key.as<SliceObj>(), int64_t(cps.size()), start, stop, step, count);
                std::vector<uint32_t> out;
                for (int64_t i = 0, j = start; i < count; ++i, j += step)
                    out.push_back(cps[size_t(j)]);
                return newStr(utf8EncodeAll(out));
            }
            int64_t i = normalizeIndex(*this, key, int64_t(cps.size()), "string");
            return newStr(utf8EncodeAll({cps[size_t(i)]}));
        }
        case ObjKind::Bytes: {
            auto* b = static_cast<BytesObj*>(o);
            if (isKind(key, ObjKind::Slice)) {
                int64_t start, stop, step, count;
                sliceIndices(*this, key.as<SliceObj>(), int64_t(b->data.size()), start, stop, step, count);
                std::string out;
                for (int64_t i = 0, j = start; i < count; ++i, j += step)
                    out += b->data[size_t(j)];
                return Value::object(new BytesObj(std::move(out)));
            }
            int64_t i = normalizeIndex(*this, key, int64_t(b->data.size()), "index");
            return Value::integer(static_cast<unsigned char>(b->data[size_t(i)]));
        }
        case ObjKind::Range: {
            auto* r = static_cast<RangeObj*>(o);
            if (isKind(key, ObjKind::Slice)) {
                int64_t start, stop, step, count;
                sliceIndices(*this, key.as<SliceObj>(), r->length(), start, stop, step, count);
                int64_t newStart = r->start + start * r->step;
                int64_t newStep = r->step * step;
                return Value::object(new RangeObj(newStart, newStart + count * newStep, newStep));
            }
            int64_t i = normalizeIndex(*this, key, r->length(), "range object");
            return Value::integer(r->start + i * r->step);
        }
        case ObjKind::Dict: {
            if (Value* v = static_cast<DictObj*>(o)->table.find(key))
                return *v;
            if (!o->cls->isSubclassOf(types.dict) || o->cls != types.dict) {
                Value missing = lookupSpecial(obj, names.__missing__);
                if (!missing.isEmpty())
                    return call(missing, {obj, key});
            }
            raiseValue(newException(excClass(ExcType::KeyError), {key}));
        }
        case ObjKind::Class: {
            Value method = metaclassMethod(*this, obj, names.__getitem__);
            if (!method.isEmpty())
                return call(method, {obj, key});
            if (Value* m = static_cast<ClassObj*>(o)->lookup(names.__class_getitem__))
                return call(isKind(*m, ObjKind::ClassMethod) ? m->as<MethodWrapperObj>()->func : *m,
                            {obj, key});
            if (static_cast<ClassObj*>(o)->builtin) {
                // list[int] and friends: types.GenericAlias.
                Value alias = getAttr(importModule("types"), internStr("GenericAlias"));
                return call(alias, {obj, key});
            }
            break;
        }
        default: {
            Value method = lookupSpecial(obj, names.__getitem__);
            if (!method.isEmpty())
                return call(method, {obj, key});
        }
        }
    }
    raise(ExcType::TypeError, "'" + typeName(obj) + "' object is not subscriptable");
}

void VM::setItem(const Value& obj, const Value& key, Value value)
{
    if (obj.isObject()) {
        Obj* o = obj.asObject();
        switch (o->kind) {
        case ObjKind::List: {
            auto& items = static_cast<ListObj*>(o)->items;
            if (isKind(key, ObjKind::Slice)) {
                int64_t start, stop, step, count;
                sliceIndices(*this, key.as<SliceObj>(), int64_t(items.size()), start, stop, step, count);
                std::vector<Value> replacement = toVector(value);
                chargeWork(items.size()); // the items after the slice move
                if (step == 1) {
                    if (stop < start)
                        stop = start;
                    items.erase(items.begin() + start, items.begin() + stop);
                    items.insert(items.begin() + start, replacement.begin(), replacement.end());
                    return;
                }
                if (int64_t(replacement.size()) != count)
                    raise(ExcType::ValueError, "attempt to assign sequence of size " +
                                                   std::to_string(replacement.size()) +
                                                   " to extended slice of size " + std::to_string(count));
                for (int64_t i = 0, j = start; i < count; ++i, j += step)
                    items[size_t(j)] = replacement[size_t(i)];
                return;
            }
            items[size_t(normalizeIndex(*this, key, int64_t(items.size()), "list assignment"))] =
                std::move(value);
            return;
        }
        case ObjKind::Dict:
            static_cast<DictObj*>(o)->table.set(key, std::move(value));
            return;
        case ObjKind::Instance:
        case ObjKind::Exception:
        case ObjKind::Native: {
            Value method = lookupSpecial(obj, names.__setitem__);
            if (!method.isEmpty()) {
                call(method, {obj, key, value});
                return;
            }
            break;
        }
        default:
            break;
        }
    }
    raise(ExcType::TypeError, "'" + typeName(obj) + "' object does not support item assignment");
}

void VM::delItem(const Value& obj, const Value& key)
{
    if (obj.isObject()) {
        Obj* o = obj.asObject();
        switch (o->kind) {
        case ObjKind::List: {
            auto& items = static_cast<ListObj*>(o)->items;
            if (isKind(key, ObjKind::Slice)) {
                int64_t start, stop, step, count;
                sliceIndices(*this, key.as<SliceObj>(), int64_t(items.size()), start, stop, step, count);
                std::vector<bool> remove(items.size(), false);
                for (int64_t i = 0, j = start; i < count; ++i, j += step)
                    remove[size_t(j)] = true;
                std::vector<Value> kept;
                for (size_t i = 0; i < items.size(); ++i)
                    if (!remove[i])
                        kept.push_back(std::move(items[i]));
                items = std::move(kept);
                return;
            }
            int64_t i = normalizeIndex(*this, key, int64_t(items.size()), "list assignment");
            chargeWork(items.size() - size_t(i));
            items.erase(items.begin() + i);
            return;
        }
        case ObjKind::Dict:
            if (!static_cast<DictObj*>(o)->table.erase(key))
                raiseValue(newException(excClass(ExcType::KeyError), {key}));
            return;
        case ObjKind::Instance:
        case ObjKind::Exception:
        case ObjKind::Native: {
            Value method = lookupSpecial(obj, names.__delitem__);
            if (!method.isEmpty()) {
                call(method, {obj, key});
                return;
            }
            break;
        }
        default:
            break;
        }
    }
    raise(ExcType::TypeError, "'" + typeName(obj) + "' object doesn't support item deletion");
}

// `in` for a container without __contains__: a scan of its iteration.
static bool containsByIteration(VM& vm, const Value& container, const Value& item)
{
    Value it = vm.getIter(container);
    Value x;
    while (vm.iterNext(it, x))
        if (x.is(item) || vm.equals(x, item))
            return true;
    return false;
}

bool VM::contains(const Value& container, const Value& item)
{
    if (container.isObject()) {
        Obj* o = container.asObject();
        switch (o->kind) {
        case ObjKind::List:
        case ObjKind::Tuple: {
            const auto& items =
                o->kind == ObjKind::List ? static_cast<ListObj*>(o)->items : static_cast<TupleObj*>(o)->items;
            chargeWork(items.size());
            for (size_t i = 0; i < items.size(); ++i)
                if (items[i].is(item) || equals(items[i], item))
                    return true;
            return false;
        }
        case ObjKind::Str:
            if (!isStr(item))
                raise(ExcType::TypeError,
                      "'in <string>' requires string as left operand, not " + typeName(item));
            chargeWork(static_cast<StrObj*>(o)->text.size() / kBytesPerInstruction);
            return static_cast<StrObj*>(o)->text.find(strText(item)) != std::string::npos;
        case ObjKind::Bytes:
            chargeWork(static_cast<BytesObj*>(o)->data.size() / kBytesPerInstruction);
            if (item.isIntLike())
                return static_cast<BytesObj*>(o)->data.find(char(item.asInt())) != std::string::npos;
            if (isKind(item, ObjKind::Bytes))
                return static_cast<BytesObj*>(o)->data.find(item.as<BytesObj>()->data) != std::string::npos;
            break;
        case ObjKind::Dict:
            return static_cast<DictObj*>(o)->table.find(item) != nullptr;
        case ObjKind::Set:
        case ObjKind::FrozenSet:
            return static_cast<SetObj*>(o)->table.contains(item);
        case ObjKind::Range: {
            auto* r = static_cast<RangeObj*>(o);
            if (item.isIntLike()) {
                int64_t i = item.asInt();
                if (r->step > 0 ? (i < r->start || i >= r->stop) : (i > r->start || i <= r->stop))
                    return false;
                return (i - r->start) % r->step == 0;
            }
            if (isBigInt(item)) // beyond int64, so beyond every range's bounds
                return false;
            break;
        }
        case ObjKind::DictView: {
            auto* view = static_cast<DictViewObj*>(o);
            if (view->which == DictViewObj::Which::Keys)
                return view->dict.as<DictObj>()->table.find(item) != nullptr;
            break;
        }
        case ObjKind::Instance:
        case ObjKind::Exception:
        case ObjKind::Native: {
            Value method = lookupSpecial(container, names.__contains__);
            if (!method.isEmpty())
                return truthy(call(method, {container, item}));
            break;
        }
        case ObjKind::Class: {
            Value method = metaclassMethod(*this, container, names.__contains__);
            if (!method.isEmpty())
                return truthy(call(method, {container, item}));
            if (!metaclassMethod(*this, container, names.__iter__).isEmpty())
                return containsByIteration(*this, container, item);
            break;
        }
        default:
            break;
        }
        if (!lookupSpecial(container, names.__iter__).isEmpty() ||
            !lookupSpecial(container, names.__getitem__).isEmpty() || o->kind == ObjKind::Iterator ||
            o->kind == ObjKind::Generator || o->kind == ObjKind::Range || o->kind == ObjKind::DictView) {
            return containsByIteration(*this, container, item);
        }
    }
    raise(ExcType::TypeError, "argument of type '" + typeName(container) + "' is not iterable");
}

int64_t VM::length(const Value& v)
{
    if (v.isObject()) {
        Obj* o = v.asObject();
        switch (o->kind) {
        case ObjKind::Str:
            return int64_t(static_cast<StrObj*>(o)->length());
        case ObjKind::Bytes:
            return int64_t(static_cast<BytesObj*>(o)->data.size());
        case ObjKind::List:
            return int64_t(static_cast<ListObj*>(o)->items.size());
        case ObjKind::Tuple:
            return int64_t(static_cast<TupleObj*>(o)->items.size());
        case ObjKind::Dict:
            return int64_t(static_cast<DictObj*>(o)->table.size());
        case ObjKind::Set:
        case ObjKind::FrozenSet:
            return int64_t(static_cast<SetObj*>(o)->table.size());
        case ObjKind::Range:
            return static_cast<RangeObj*>(o)->length();
        case ObjKind::DictView:
            return int64_t(static_cast<DictViewObj*>(o)->dict.as<DictObj>()->table.size());
        case ObjKind::Class:
        case ObjKind::Instance:
        case ObjKind::Exception:
        case ObjKind::Native: {
            Value method = o->kind == ObjKind::Class ? metaclassMethod(*this, v, names.__len__)
                                                     : lookupSpecial(v, names.__len__);
            if (!method.isEmpty()) {
                Value r = call(method, {v});
                if (!r.isIntLike())
                    raise(ExcType::TypeError,
                          "'" + typeName(r) + "' object cannot be interpreted as an integer");
                if (r.asInt() < 0)
                    raise(ExcType::ValueError, "__len__() should return >= 0");
                return r.asInt();
            }
            break;
        }
        default:
            break;
        }
    }
    raise(ExcType::TypeError, "object of type '" + typeName(v) + "' has no len()");
}

bool VM::isCallable(const Value& v)
{
    if (!v.isObject())
        return false;
    switch (v.asObject()->kind) {
    case ObjKind::Function:
    case ObjKind::NativeFunction:
    case ObjKind::BoundMethod:
    case ObjKind::Class:
        return true;
    default:
        return !lookupSpecial(v, names.__call__).isEmpty();
    }
}

// -- Formatting ------------------------------------------------------------------------------------

[[noreturn]] static void raiseFormatError(VM& vm, const FormatResult& r)
{
    vm.raiseNamed(r.errorType, r.error);
}

std::string VM::format(const Value& v, std::string_view spec)
{
    FormatResult r;
    if (v.isBool()) {
        if (spec.empty())
            return v.asBool() ? "True" : "False";
        r = formatInt(v.asInt(), spec, "bool");
    } else if (v.isInt()) {
        r = formatInt(v.asInt(), spec);
    } else if (isBigInt(v)) {
        r = formatInt(intOperand(*this, v), spec);
    } else if (v.isFloat()) {
        r = formatFloat(v.asFloat(), spec);
    } else if (isStr(v)) {
        r = formatString(strText(v), spec);
    } else {
        if (isUserKind(v)) {
            Value method = userOverride(*this, v, names.__format__);
            if (!method.isEmpty()) {
                Value out = call(method, {v, newStr(std::string(spec))});
                if (!isStr(out))
                    raise(ExcType::TypeError, "__format__ must return a str, not " + typeName(out));
                return strText(out);
            }
        }
        r = formatObject(str(v), spec, typeName(v));
    }
    if (!r.ok)
        raiseFormatError(*this, r);
    return r.text;
}

std::string asciiOf(VM& vm, const Value& v); // builtins/functions.cpp

Value VM::formatValueOp(const Value& v, int conversion, const Value& spec)
{
    Value converted = v;
    if (conversion == 1)
        converted = strValue(v);
    else if (conversion == 2)
        converted = newStr(repr(v));
    else if (conversion == 3)
        converted = newStr(asciiOf(*this, v));
    if (spec.isEmpty() && isStr(converted))
        return converted;
    return newStr(format(converted, spec.isEmpty() ? std::string_view() : std::string_view(strText(spec))));
}

// -- Instantiation ---------------------------------------------------------------------------------

Value VM::instantiate(ClassObj* cls, const CallArgs& args)
{
    if (cls == types.type && args.count == 1 && args.kwCount() == 0)
        return Value::object(typeOf(args[0]));
    if (!cls->cls->builtin) {
        // abc.ABCMeta records the abstract methods a class leaves unimplemented.
        Value* abstract = cls->dict->table.findStr(internStr("__abstractmethods__"));
        // As object.__new__ does, surplus arguments to a class without __init__ are reported first.
        bool userInit = false;
        for (ClassObj* c : cls->mro) {
            if (c->dict->table.findStr(names.__init__) || c->dict->table.findStr(names.__new__)) {
                userInit = !c->builtin;
                break;
            }
        }
        if (abstract && truthy(*abstract) && (userInit || (!args.count && !args.kwCount()))) {
            std::vector<Value> methods = toVector(*abstract);
            std::vector<std::string> sortedNames;
            for (const Value& m : methods)
                sortedNames.push_back(str(m));
            std::sort(sortedNames.begin(), sortedNames.end());
            std::string joined;
            for (const std::string& n : sortedNames)
                joined += (joined.empty() ? "" : ", ") + n;
            raise(ExcType::TypeError, "Can't instantiate abstract class " + cls->name +
                                          " with abstract method" + (sortedNames.size() > 1 ? "s " : " ") +
                                          joined);
        }
    }
    // A user-defined __new__ takes over creation.
    Value clsValue = Value::object(cls);
    Value instance;
    Value* userNew = nullptr;
    bool customConstruct = false; // a builtin base (str, list, ...) takes the arguments
    for (ClassObj* c : cls->mro) {
        if (c->builtin)
            break;
        if ((userNew = c->dict->table.findStr(names.__new__)))
            break;
    }
    if (userNew) {
        Value fn = isKind(*userNew, ObjKind::StaticMethod) ? userNew->as<MethodWrapperObj>()->func : *userNew;
        std::vector<Value> all{clsValue};
        all.insert(all.end(), args.args, args.args + args.count);
        for (size_t i = 0; i < args.kwCount(); ++i)
            all.push_back(args.kwValues[i]);
        CallArgs a = args;
        a.args = all.data();
        a.count = args.count + 1;
        if (args.kwCount())
            a.kwValues = all.data() + a.count;
        instance = call(fn, a);
        if (!isInstanceOf(instance, cls))
            return instance;
    } else {
        NativeFn construct = nullptr;
        for (ClassObj* c : cls->mro)
            if ((construct = c->construct))
                break;
        std::vector<Value> all{clsValue};
        all.insert(all.end(), args.args, args.args + args.count);
        for (size_t i = 0; i < args.kwCount(); ++i)
            all.push_back(args.kwValues[i]);
        CallArgs a = args;
        a.args = all.data();
        a.count = args.count + 1;
        if (args.kwCount())
            a.kwValues = all.data() + a.count;
        instance = construct(*this, a);
        customConstruct = construct != types.object->construct;
        if (cls->builtin)
            return instance;
    }
    // __init__ from the first class in the MRO that defines one.
    for (ClassObj* c : cls->mro) {
        Value* init = c->dict->table.findStr(names.__init__);
        if (!init)
            continue;
        if (c->builtin && !isKind(*init, ObjKind::Function)) {
            if (c == types.object && (args.count || args.kwCount()) && !userNew && !customConstruct) {
                bool hasCustomNew = false;
                if (!hasCustomNew)
                    raise(ExcType::TypeError, cls->name + "() takes no arguments");
            }
            if (c != types.object) {
                std::vector<Value> all{instance};
                all.insert(all.end(), args.args, args.args + args.count);
                for (size_t i = 0; i < args.kwCount(); ++i)
                    all.push_back(args.kwValues[i]);
                CallArgs a = args;
                a.args = all.data();
                a.count = args.count + 1;
                if (args.kwCount())
                    a.kwValues = all.data() + a.count;
                call(*init, a);
            }
            break;
        }
        std::vector<Value> all{instance};
        all.insert(all.end(), args.args, args.args + args.count);
        for (size_t i = 0; i < args.kwCount(); ++i)
            all.push_back(args.kwValues[i]);
        CallArgs a = args;
        a.args = all.data();
        a.count = args.count + 1;
        if (args.kwCount())
            a.kwValues = all.data() + a.count;
        Value r = call(*init, a);
        if (!r.isNone())
            raise(ExcType::TypeError, "__init__() should return None, not '" + typeName(r) + "'");
        break;
    }
    return instance;
}

} // namespace loopscope
