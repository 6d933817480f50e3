// The builtin types: creating the class objects, the MRO (C3), user classes, constructors of
// builtin types (int(), str(), list(), ...) and the special attributes every object answers.

#include <cmath>

#include "../bigint.h"
#include "../format/float_repr.h"
#include "iterators.h"

namespace loopscope {

// -- Classes ---------------------------------------------------------------------------------------

ClassObj* VM::newBuiltinClass(const std::string& name, ClassObj* base, ObjKind instanceKind)
{
    auto* cls = new ClassObj(name, types.type);
    ++cls->refcount; // builtin classes live until the run ends
    cls->builtin = true;
    cls->instanceKind = instanceKind;
    cls->qualname = intern(name);
    if (base) {
        cls->bases.push_back(Value::object(base));
        cls->isBaseException = base->isBaseException;
    }
    computeMro(cls);
    cls->dict->table.set(Value::object(names.__module__), intern("builtins"));
    return cls;
}

void VM::addMethod(ClassObj* cls, const char* name, NativeFn fn)
{
    Value f = newNative(cls->name + "." + name, fn);
    f.as<NativeFunctionObj>()->selfClass = Value::object(cls);
    cls->dict->table.set(intern(name), f);
}

// C3 linearization, as CPython computes __mro__.
void VM::computeMro(ClassObj* cls)
{
    std::vector<std::vector<ClassObj*>> sequences;
    for (const Value& b : cls->bases)
        sequences.push_back(b.as<ClassObj>()->mro);
    std::vector<ClassObj*> direct;
    for (const Value& b : cls->bases)
        direct.push_back(b.as<ClassObj>());
    sequences.push_back(direct);
    std::vector<ClassObj*> result{cls};
    for (;;) {
        bool allEmpty = true;
        for (auto& s : sequences)
            allEmpty &= s.empty();
        if (allEmpty)
            break;
        ClassObj* candidate = nullptr;
        for (auto& s : sequences) {
            if (s.empty())
                continue;
            ClassObj* head = s.front();
            bool inTail = false;
            for (auto& t : sequences)
                for (size_t i = 1; i < t.size(); ++i)
                    inTail |= t[i] == head;
            if (!inTail) {
                candidate = head;
                break;
            }
        }
        if (!candidate) {
            std::string names;
            for (const Value& b : cls->bases)
                names += (names.empty() ? "" : ", ") + b.as<ClassObj>()->name;
            raise(ExcType::TypeError,
                  "Cannot create a consistent method resolution order (MRO) for bases " + names);
        }
        result.push_back(candidate);
        for (auto& s : sequences)
            if (!s.empty() && s.front() == candidate)
                s.erase(s.begin());
    }
    cls->mro = result;
}

// Calls [fn] with [positional] arguments and the keyword arguments in [keywords] (a dict, or
// Empty for none).
Value callWithKeywords(VM& vm, const Value& fn, std::vector<Value> positional, const Value& keywords)
{
    CallArgs a;
    std::vector<Value> names;
    size_t count = positional.size();
    if (keywords.isObject()) {
        size_t pos = 0;
        while (const DictTable::Entry* e = keywords.as<DictObj>()->table.next(pos)) {
            names.push_back(e->key);
            positional.push_back(e->value);
        }
    }
    Value nameTuple = vm.newTuple(names);
    a.args = positional.data();
    a.count = count;
    if (!names.empty()) {
        a.kwValues = positional.data() + count;
        a.kwNames = nameTuple.as<TupleObj>();
    }
    return vm.call(fn, a);
}

ClassObj* VM::mostDerivedMetaclass(ClassObj* metaclass, const std::vector<Value>& bases)
{
    ClassObj* winner = metaclass;
    for (const Value& b : bases) {
        ClassObj* candidate = typeOf(b);
        if (winner->isSubclassOf(candidate))
            continue;
        if (candidate->isSubclassOf(winner)) {
            winner = candidate;
            continue;
        }
        raise(ExcType::TypeError,
              "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
              "subclass of the metaclasses of all its bases");
    }
    return winner;
}

Value VM::makeClass(const std::string& name, std::vector<Value> bases, Value namespaceDict,
                    ClassObj* metaclass, const Value& keywords)
{
    if (bases.empty())
        bases.push_back(Value::object(types.object));
    for (const Value& b : bases) {
        if (!isKind(b, ObjKind::Class))
            raise(ExcType::TypeError, "bases must be types");
    }
    if (!metaclass)
        metaclass = types.type;
    auto* cls = new ClassObj(name, metaclass);
    Value result = Value::object(cls);
    if (!metaclass->builtin)
        ++metaclass->refcount; // classes do not count references to their metaclass: pin it
    cls->bases = bases;
    computeMro(cls);
    for (ClassObj* c : cls->mro) {
        if (c->isBaseException)
            cls->isBaseException = true;
        if (c->builtin && c->instanceKind != ObjKind::Instance && cls->instanceKind == ObjKind::Instance)
            cls->instanceKind = c->instanceKind;
    }
    size_t pos = 0;
    while (const DictTable::Entry* e = namespaceDict.as<DictObj>()->table.next(pos)) {
        // As in CPython, these two are class methods even when written as plain functions.
        bool implicitClassMethod = isKind(e->value, ObjKind::Function) && isStr(e->key) &&
                                   (e->key.as<StrObj>() == names.__init_subclass__ ||
                                    e->key.as<StrObj>() == names.__class_getitem__);
        cls->dict->table.set(e->key, implicitClassMethod
                                         ? Value::object(new MethodWrapperObj(ObjKind::ClassMethod, e->value))
                                         : e->value);
    }
    if (Value* q = cls->dict->table.findStr(names.__qualname__))
        cls->qualname = *q;
    else
        cls->qualname = newStr(name);
    cls->hasUserInit = cls->lookup(names.__init__) != nullptr;
    for (ClassObj* c : cls->mro)
        cls->hasUserSetattr |= !c->builtin && c->dict->table.findStr(names.__setattr__) != nullptr;
    for (ClassObj* c : cls->mro) {
        size_t p = 0;
        while (const DictTable::Entry* e = c->dict->table.next(p))
            cls->hasDataDescriptors |= isKind(e->value, ObjKind::Property);
    }
    // __set_name__ on descriptors, then __init_subclass__ of the parent.
    pos = 0;
    std::vector<std::pair<Value, Value>> entries;
    while (const DictTable::Entry* e = cls->dict->table.next(pos))
        entries.emplace_back(e->key, e->value);
    for (auto& [key, value] : entries) {
        if (isUserKind(value)) {
            Value setName = lookupSpecial(value, names.__set_name__);
            if (!setName.isEmpty())
                call(setName, {value, result, key});
        }
    }
    // super(cls, cls).__init_subclass__(**keywords): object's takes no keywords.
    bool anyKeywords = keywords.isObject() && keywords.as<DictObj>()->table.size() != 0;
    for (size_t i = 1; i < cls->mro.size(); ++i) {
        ClassObj* parent = cls->mro[i];
        if (parent->builtin) {
            if (anyKeywords)
                raise(ExcType::TypeError, name + ".__init_subclass__() takes no keyword arguments");
            break;
        }
        if (Value* hook = parent->dict->table.findStr(names.__init_subclass__)) {
            Value fn = isKind(*hook, ObjKind::ClassMethod) ? hook->as<MethodWrapperObj>()->func : *hook;
            callWithKeywords(*this, fn, {result}, keywords);
            break;
        }
    }
    return result;
}

bool isUserKind(const Value& v)
{
    return v.isObject() &&
           (v.asObject()->kind == ObjKind::Instance || v.asObject()->kind == ObjKind::Exception);
}

// -- Special attributes ----------------------------------------------------------------------------

Value specialAttr(VM& vm, const Value& obj, StrObj* name, bool& found)
{
    found = true;
    const std::string& n = name->text;
    if (name == vm.names.__class__)
        return Value::object(vm.typeOf(obj));
    if (obj.isObject()) {
        Obj* o = obj.asObject();
        switch (o->kind) {
        case ObjKind::Class: {
            auto* c = static_cast<ClassObj*>(o);
            if (n == "__name__")
                return vm.newStr(c->name);
            if (n == "__qualname__")
                return c->qualname;
            if (n == "__mro__") {
                std::vector<Value> items;
                for (ClassObj* m : c->mro)
                    items.push_back(Value::object(m));
                return vm.newTuple(items);
            }
            if (n == "__bases__")
                return vm.newTuple(c->bases);
            if (n == "__base__")
                return c->bases.empty() ? Value::none() : c->bases[0];
            if (n == "__dict__")
                return c->dictValue;
            if (n == "__doc__")
                return Value::none();
            break;
        }
        case ObjKind::Function: {
            auto* f = static_cast<FunctionObj*>(o);
            if (n == "__name__")
                return f->name;
            if (n == "__qualname__")
                return f->qualname;
            if (n == "__module__")
                return f->module.isEmpty() ? Value::none() : f->module;
            if (n == "__doc__")
                return f->doc.isEmpty() ? Value::none() : f->doc;
            if (n == "__dict__") {
                if (!f->dict.isObject())
                    f->dict = vm.newDict();
                return f->dict;
            }
            if (n == "__defaults__")
                return f->defaults.empty() ? Value::none() : vm.newTuple(f->defaults);
            if (n == "__code__")
                return f->code;
            if (n == "__globals__")
                return f->globals;
            break;
        }
        case ObjKind::NativeFunction: {
            auto* f = static_cast<NativeFunctionObj*>(o);
            if (n == "__name__" || n == "__qualname__") {
                std::string short_ =
                    f->name.substr(f->name.rfind('.') == std::string::npos ? 0 : f->name.rfind('.') + 1);
                return vm.newStr(n == "__name__" ? short_ : f->name);
            }
            if (n == "__self__")
                return f->bound.isEmpty() ? Value::none() : f->bound;
            if (n == "__module__" || n == "__doc__")
                return Value::none();
            break;
        }
        case ObjKind::BoundMethod: {
            auto* m = static_cast<BoundMethodObj*>(o);
            if (n == "__self__")
                return m->self;
            if (n == "__func__")
                return m->func;
            Value v;
            found = vm.tryGetAttr(m->func, name, v);
            return v;
        }
        case ObjKind::Generator: {
            auto* g = static_cast<GeneratorObj*>(o);
            if (n == "__name__")
                return g->name();
            if (n == "__qualname__")
                return g->qualname();
            if (n == "cr_running" || n == "gi_running" || n == "ag_running")
                return Value::boolean(g->running);
            if (n == "cr_frame" || n == "gi_frame" || n == "ag_frame")
                return g->finished() ? Value::none() : obj;
            if (n == "cr_await" || n == "gi_yieldfrom" || n == "ag_await")
                return g->yieldFrom.isEmpty() ? Value::none() : g->yieldFrom.value();
            if (n == "cr_code" || n == "gi_code" || n == "ag_code")
                return g->code();
            if (n == "f_lineno")
                return Value::integer(g->frame() ? g->frame()->line() : 0);
            break;
        }
        case ObjKind::Code: {
            auto* c = static_cast<CodeObj*>(o);
            if (n == "co_name")
                return c->name;
            if (n == "co_qualname")
                return c->qualname;
            if (n == "co_firstlineno")
                return Value::integer(c->firstLine);
            if (n == "co_filename")
                return vm.newStr(c->filename);
            if (n == "co_flags")
                return Value::integer(((c->flags & kCoroutine) ? 0x80 : 0) |
                                      ((c->flags & kGenerator) ? 0x20 : 0) |
                                      ((c->flags & kAsyncGenerator) ? 0x200 : 0));
            break;
        }
        case ObjKind::Property: {
            auto* p = static_cast<PropertyObj*>(o);
            if (n == "fget")
                return p->fget.isEmpty() ? Value::none() : p->fget;
            if (n == "fset")
                return p->fset.isEmpty() ? Value::none() : p->fset;
            if (n == "fdel")
                return p->fdel.isEmpty() ? Value::none() : p->fdel;
            if (n == "__doc__")
                return p->doc.isEmpty() ? Value::none() : p->doc;
            break;
        }
        case ObjKind::StaticMethod:
        case ObjKind::ClassMethod:
            if (n == "__func__" || n == "__wrapped__")
                return static_cast<MethodWrapperObj*>(o)->func;
            break;
        case ObjKind::Range: {
            auto* r = static_cast<RangeObj*>(o);
            if (n == "start")
                return Value::integer(r->start);
            if (n == "stop")
                return Value::integer(r->stop);
            if (n == "step")
                return Value::integer(r->step);
            break;
        }
        case ObjKind::Slice: {
            auto* s = static_cast<SliceObj*>(o);
            if (n == "start")
                return s->start;
            if (n == "stop")
                return s->stop;
            if (n == "step")
                return s->step;
            break;
        }
        case ObjKind::Module:
            if (n == "__name__")
                return static_cast<ModuleObj*>(o)->name;
            break;
        case ObjKind::Instance:
        case ObjKind::Exception:
            if (n == "__dict__") {
                // A snapshot: instance attributes live in an inline table.
                auto* d = new DictObj();
                Value dv = Value::object(d);
                size_t pos = 0;
                while (const DictTable::Entry* e = static_cast<InstanceObj*>(o)->attrs.next(pos))
                    d->table.set(e->key, e->value);
                return dv;
            }
            break;
        default:
            break;
        }
    }
    if (isBigInt(obj) && (n == "real" || n == "numerator"))
        return obj;
    if (isBigInt(obj) && (n == "imag" || n == "denominator"))
        return Value::integer(n == "imag" ? 0 : 1);
    if (obj.isInt() || obj.isBool()) {
        if (n == "real" || n == "numerator")
            return Value::integer(obj.asInt());
        if (n == "imag")
            return Value::integer(0);
        if (n == "denominator")
            return Value::integer(1);
    }
    if (obj.isFloat()) {
        if (n == "real")
            return obj;
        if (n == "imag")
            return Value::floating(0);
    }
    found = false;
    return Value();
}

// -- Constructors of builtin types -----------------------------------------------------------------

Value parseIntText(VM& vm, const std::string& text, int64_t base); // builtins/functions.cpp
Value parseFloatText(VM& vm, const std::string& text);             // builtins/functions.cpp

static Value constructObject(VM& vm, const CallArgs& a)
{
    ClassObj* cls = a[0].as<ClassObj>();
    if (cls == vm.types.object) {
        if (a.count > 1 || a.kwCount())
            vm.raise(ExcType::TypeError, "object() takes no arguments");
    }
    return Value::object(new InstanceObj(cls));
}

static Value constructInt(VM& vm, const CallArgs& a)
{
    if (a.count == 1)
        return Value::integer(0);
    const Value& v = a[1];
    const Value* baseArg = a.count > 2 ? &a[2] : a.keyword("base");
    if (baseArg) {
        if (!isStr(v))
            vm.raise(ExcType::TypeError, "int() can't convert non-string with explicit base");
        return parseIntText(vm, strText(v), vm.toIndex(*baseArg));
    }
    if (v.isIntLike())
        return Value::integer(v.asInt());
    if (isBigInt(v))
        return v;
    if (v.isFloat()) {
        double d = v.asFloat();
        if (std::isnan(d))
            vm.raise(ExcType::ValueError, "cannot convert float NaN to integer");
        if (std::isinf(d))
            vm.raise(ExcType::OverflowError, "cannot convert float infinity to integer");
        return intFromDouble(d);
    }
    if (isStr(v))
        return parseIntText(vm, strText(v), 10);
    if (isKind(v, ObjKind::Bytes))
        return parseIntText(vm, v.as<BytesObj>()->data, 10);
    if (isUserKind(v)) {
        Value m = vm.lookupSpecial(v, vm.names.__int__);
        if (m.isEmpty())
            m = vm.lookupSpecial(v, vm.names.__index__);
        if (!m.isEmpty())
            return vm.call(m, {v});
    }
    vm.raise(ExcType::TypeError,
             "int() argument must be a string, a bytes-like object or a real number, not '" + vm.typeName(v) +
                 "'");
}

static Value constructFloat(VM& vm, const CallArgs& a)
{
    if (a.count == 1)
        return Value::floating(0);
    const Value& v = a[1];
    if (v.isNumber() || isBigInt(v))
        return Value::floating(vm.toDouble(v));
    if (isStr(v))
        return parseFloatText(vm, strText(v));
    if (isUserKind(v)) {
        Value m = vm.lookupSpecial(v, vm.names.__float__);
        if (!m.isEmpty())
            return vm.call(m, {v});
    }
    vm.raise(ExcType::TypeError,
             "float() argument must be a string or a real number, not '" + vm.typeName(v) + "'");
}

static Value constructBool(VM& vm, const CallArgs& a)
{
    return Value::boolean(a.count > 1 && vm.truthy(a[1]));
}

static Value adoptSubclass(const CallArgs& a, Value object);

static Value constructStr(VM& vm, const CallArgs& a)
{
    if (!a[0].as<ClassObj>()->builtin)
        return adoptSubclass(a, vm.newStr(a.count == 1 ? std::string() : vm.str(a[1])));
    if (a.count == 1)
        return vm.intern("");
    if (isKind(a[1], ObjKind::Bytes) && a.count > 2)
        return vm.newStr(a[1].as<BytesObj>()->data);
    return vm.strValue(a[1]);
}

static Value constructBytes(VM& vm, const CallArgs& a)
{
    if (a.count == 1)
        return Value::object(new BytesObj(""));
    const Value& v = a[1];
    if (isStr(v))
        return Value::object(new BytesObj(strText(v)));
    if (v.isIntLike())
        return Value::object(new BytesObj(std::string(size_t(std::max<int64_t>(0, v.asInt())), '\0')));
    std::string data;
    for (const Value& x : vm.toVector(v)) {
        int64_t b = vm.toIndex(x);
        if (b < 0 || b > 255)
            vm.raise(ExcType::ValueError, "bytes must be in range(0, 256)");
        data += char(b);
    }
    return Value::object(new BytesObj(std::move(data)));
}

// Instances of a user subclass of list, dict or tuple are the builtin object with the
// subclass as its type. Classes normally live as long as their instances keep them; these
// objects do not hold a counted reference, so the class is pinned until the run ends.
static Value adoptSubclass(const CallArgs& a, Value object)
{
    ClassObj* cls = a[0].as<ClassObj>();
    if (!cls->builtin) {
        object.asObject()->cls = cls;
        ++cls->refcount;
    }
    return object;
}

static Value constructTuple(VM& vm, const CallArgs& a)
{
    if (a.count == 1)
        return adoptSubclass(a, vm.newTuple({}));
    if (isKind(a[1], ObjKind::Tuple) && a[0].as<ClassObj>()->builtin)
        return a[1];
    return adoptSubclass(a, vm.newTuple(vm.toVector(a[1])));
}

static Value constructList(VM& vm, const CallArgs& a)
{
    if (a.count == 1 || !a[0].as<ClassObj>()->builtin)
        return adoptSubclass(a, vm.newList()); // a subclass fills itself in list.__init__
    return vm.newList(vm.toVector(a[1]));
}

void dictUpdateFrom(VM& vm, DictObj* dict, const Value& source); // builtins/dict_methods.cpp

static Value constructDict(VM& vm, const CallArgs& a)
{
    auto* d = new DictObj();
    Value result = Value::object(d);
    if (!a[0].as<ClassObj>()->builtin)
        return adoptSubclass(a, result); // a subclass fills itself in dict.__init__
    if (a.count > 2)
        vm.raise(ExcType::TypeError, "dict expected at most 1 argument, got " + std::to_string(a.count - 1));
    if (a.count == 2)
        dictUpdateFrom(vm, d, a[1]);
    for (size_t i = 0; i < a.kwCount(); ++i)
        d->table.set(a.kwNames->items[i], a.kwValues[i]);
    return result;
}

static Value constructSet(VM& vm, const CallArgs& a)
{
    bool frozen = a[0].as<ClassObj>() == vm.types.frozenset;
    auto* s = new SetObj(frozen);
    Value result = Value::object(s);
    if (a.count > 1)
        for (const Value& v : vm.toVector(a[1]))
            s->table.add(v);
    return result;
}

static Value constructRange(VM& vm, const CallArgs& a)
{
    if (a.count < 2 || a.count > 4)
        vm.raise(ExcType::TypeError,
                 a.count < 2 ? "range expected at least 1 argument, got 0"
                             : "range expected at most 3 arguments, got " + std::to_string(a.count - 1));
    int64_t start = 0, stop, step = 1;
    if (a.count == 2) {
        stop = vm.toIndex(a[1]);
    } else {
        start = vm.toIndex(a[1]);
        stop = vm.toIndex(a[2]);
        if (a.count == 4)
            step = vm.toIndex(a[3]);
    }
    if (step == 0)
        vm.raise(ExcType::ValueError, "range() arg 3 must not be zero");
    return Value::object(new RangeObj(start, stop, step));
}

static Value constructSlice(VM& vm, const CallArgs& a)
{
    (void)vm;
    if (a.count == 2)
        return Value::object(new SliceObj(Value::none(), a[1], Value::none()));
    return Value::object(
        new SliceObj(a[1], a.count > 2 ? a[2] : Value::none(), a.count > 3 ? a[3] : Value::none()));
}

// The keyword arguments of [a] as a dict (Empty when there are none).
static Value keywordDict(VM& vm, const CallArgs& a)
{
    if (!a.kwCount())
        return Value();
    Value d = vm.newDict();
    for (size_t i = 0; i < a.kwCount(); ++i)
        d.as<DictObj>()->table.set(a.kwNames->items[i], a.kwValues[i]);
    return d;
}

// type(x), type(name, bases, namespace), and Meta(name, bases, namespace) for a metaclass
// without a __new__ of its own ([a] starts with the class being called).
static Value constructType(VM& vm, const CallArgs& a)
{
    ClassObj* meta = a[0].as<ClassObj>();
    if (a.count == 2 && meta == vm.types.type)
        return Value::object(vm.typeOf(a[1]));
    if (a.count != 4)
        vm.raise(ExcType::TypeError, "type() takes 1 or 3 arguments");
    if (!isKind(a[3], ObjKind::Dict))
        vm.raise(ExcType::TypeError, "type.__new__() argument 3 must be dict, not " + vm.typeName(a[3]));
    std::vector<Value> bases = vm.toVector(a[2]);
    ClassObj* winner = vm.mostDerivedMetaclass(meta, bases);
    if (winner != meta && meta == vm.types.type) {
        // type(name, bases, ns) with a base of another metaclass: that metaclass makes it.
        Value tuple = vm.newTuple(bases);
        return vm.call(Value::object(winner), {a[1], tuple, a[3]});
    }
    return vm.makeClass(vm.str(a[1]), bases, a[3], winner, keywordDict(vm, a));
}

static Value constructProperty(VM& vm, const CallArgs& a)
{
    (void)vm;
    auto* p = new PropertyObj();
    Value result = Value::object(p);
    if (a.count > 1)
        p->fget = a[1];
    if (a.count > 2)
        p->fset = a[2];
    if (a.count > 3)
        p->fdel = a[3];
    if (const Value* v = a.keyword("fget"))
        p->fget = *v;
    if (const Value* v = a.keyword("fset"))
        p->fset = *v;
    if (const Value* v = a.keyword("fdel"))
        p->fdel = *v;
    if (const Value* v = a.keyword("doc"))
        p->doc = *v;
    return result;
}

static Value constructStaticMethod(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "staticmethod", 2, 2);
    return Value::object(new MethodWrapperObj(ObjKind::StaticMethod, a[1]));
}

static Value constructClassMethod(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "classmethod", 2, 2);
    return Value::object(new MethodWrapperObj(ObjKind::ClassMethod, a[1]));
}

// super() with no arguments finds the class from the calling method's __class__ cell and
// self from its first argument.
static Value constructSuper(VM& vm, const CallArgs& a)
{
    if (a.count >= 3)
        return Value::object(new SuperObj(a[1], a[2]));
    Frame* f = vm.currentFrame();
    if (!f || f->code->argcount == 0)
        vm.raise(ExcType::RuntimeError, "super(): no arguments");
    Value self = f->slot(0);
    if (self.isEmpty()) {
        // self may have been moved into a cell.
        for (size_t i = 0; i < f->code->cellvars.size(); ++i)
            if (f->code->cellFromArg[i] == 0)
                self = f->slot(f->code->varnames.size() + i).as<CellObj>()->value;
    }
    Value cls;
    size_t ncells = f->code->cellvars.size();
    for (size_t i = 0; i < f->code->freevars.size(); ++i) {
        if (strText(f->code->freevars[i]) == "__class__") {
            cls = f->slot(f->code->varnames.size() + ncells + i).as<CellObj>()->value;
        }
    }
    if (!isKind(cls, ObjKind::Class))
        vm.raise(ExcType::RuntimeError, "super(): __class__ cell not found");
    if (a.count == 2)
        cls = a[1];
    return Value::object(new SuperObj(cls, self));
}

static Value constructNone(VM&, const CallArgs&)
{
    return Value::none();
}

// -- Setup -----------------------------------------------------------------------------------------

void registerIteratorClasses(VM& vm);

void VM::initTypes()
{
    // The names must exist before any class: classes store __module__.
    types = BuiltinTypes{};
    // `type` and `object` refer to each other: build them by hand.
    auto* typeCls = new ClassObj("type", nullptr);
    typeCls->cls = typeCls;
    ++typeCls->refcount;
    types.type = typeCls;
    auto* objectCls = new ClassObj("object", typeCls);
    ++objectCls->refcount;
    types.object = objectCls;
    types.str = nullptr;
#define NAME(id)                                                                                             \
    {                                                                                                        \
        std::string text = #id;                                                                              \
        if (text.size() > 1 && text.back() == '_' && text.rfind("__", 0) != 0)                               \
            text.pop_back();                                                                                 \
        names.id = nullptr;                                                                                  \
        pendingNames.push_back({&names.id, text});                                                           \
    }
#include "names.def"
#undef NAME
    // str must exist before any StrObj is made.
    auto* strCls = new ClassObj("str", typeCls);
    ++strCls->refcount;
    types.str = strCls;
    for (auto& [slot, text] : pendingNames)
        *slot = intern(text).as<StrObj>();
    pendingNames.clear();
    for (ClassObj* c : {typeCls, objectCls, strCls}) {
        c->builtin = true;
        c->qualname = intern(c->name);
        c->dict->cls = nullptr;
    }
    objectCls->mro = {objectCls};
    typeCls->bases = {Value::object(objectCls)};
    typeCls->mro = {typeCls, objectCls};
    strCls->bases = {Value::object(objectCls)};
    strCls->mro = {strCls, objectCls};
    types.dict = newBuiltinClass("dict", objectCls);
    // Dicts made before the dict class existed get their class now.
    for (ClassObj* c : {typeCls, objectCls, strCls, types.dict})
        c->dict->cls = types.dict;
    for (ClassObj* c : {typeCls, objectCls, strCls})
        c->dict->table.set(Value::object(names.__module__), intern("builtins"));
    types.none = newBuiltinClass("NoneType", objectCls);
    types.intType = newBuiltinClass("int", objectCls);
    types.boolType = newBuiltinClass("bool", types.intType);
    types.floatType = newBuiltinClass("float", objectCls);
    types.bytes = newBuiltinClass("bytes", objectCls);
    types.tuple = newBuiltinClass("tuple", objectCls);
    types.list = newBuiltinClass("list", objectCls);
    types.set = newBuiltinClass("set", objectCls);
    types.frozenset = newBuiltinClass("frozenset", objectCls);
    types.range = newBuiltinClass("range", objectCls);
    types.slice = newBuiltinClass("slice", objectCls);
    types.function = newBuiltinClass("function", objectCls);
    types.builtinFunction = newBuiltinClass("builtin_function_or_method", objectCls);
    types.method = newBuiltinClass("method", objectCls);
    types.module = newBuiltinClass("module", objectCls);
    types.cell = newBuiltinClass("cell", objectCls);
    types.code = newBuiltinClass("code", objectCls);
    types.generator = newBuiltinClass("generator", objectCls);
    types.coroutine = newBuiltinClass("coroutine", objectCls);
    types.asyncGenerator = newBuiltinClass("async_generator", objectCls);
    types.property = newBuiltinClass("property", objectCls);
    types.staticmethod = newBuiltinClass("staticmethod", objectCls);
    types.classmethod = newBuiltinClass("classmethod", objectCls);
    types.super = newBuiltinClass("super", objectCls);
    types.dictKeys = newBuiltinClass("dict_keys", objectCls);
    types.dictValues = newBuiltinClass("dict_values", objectCls);
    types.dictItems = newBuiltinClass("dict_items", objectCls);
    types.iterator = newBuiltinClass("iterator", objectCls);
    types.notImplementedType = newBuiltinClass("NotImplementedType", objectCls, ObjKind::Native);
    types.ellipsisType = newBuiltinClass("ellipsis", objectCls, ObjKind::Native);

    objectCls->construct = constructObject;
    typeCls->construct = constructType;
    strCls->construct = constructStr;
    types.intType->construct = constructInt;
    types.boolType->construct = constructBool;
    types.floatType->construct = constructFloat;
    types.bytes->construct = constructBytes;
    types.tuple->construct = constructTuple;
    types.list->construct = constructList;
    types.dict->construct = constructDict;
    types.set->construct = constructSet;
    types.frozenset->construct = constructSet;
    types.range->construct = constructRange;
    types.slice->construct = constructSlice;
    types.property->construct = constructProperty;
    types.staticmethod->construct = constructStaticMethod;
    types.classmethod->construct = constructClassMethod;
    types.super->construct = constructSuper;
    types.none->construct = constructNone;
    // types.MethodType(function, instance)
    types.method->construct = [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "method", 3, 3);
        if (!vm.isCallable(a[1]))
            vm.raise(ExcType::TypeError, "first argument must be callable");
        return vm.bindMethod(a[1], a[2]);
    };

    notImplemented = Value::object(new NativeObj(types.notImplementedType));
    ellipsis = Value::object(new NativeObj(types.ellipsisType));
    registerIteratorClasses(*this);
}

} // namespace loopscope
