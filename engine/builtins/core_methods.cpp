// Methods of object, int, float, functions and the other small builtin types.

#include <cmath>

#include "../format/float_repr.h"
#include "../vm.h"

namespace loopscope {

static Value objectNew(VM& vm, const CallArgs& a)
{
    if (a.count == 0 || !isKind(a[0], ObjKind::Class))
        vm.raise(ExcType::TypeError, "object.__new__(X): X is not a type object");
    ClassObj* cls = a[0].as<ClassObj>();
    if (cls->isBaseException) {
        auto* e = new ExceptionObj(cls);
        Value v = Value::object(e);
        e->args = vm.newTuple(std::vector<Value>(a.args + 1, a.args + a.count));
        return v;
    }
    return Value::object(new InstanceObj(cls));
}

static Value objectSetattr(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "__setattr__", 3, 3);
    if (!isUserKind(a[0]))
        vm.raise(ExcType::AttributeError,
                 "'" + vm.typeName(a[0]) + "' object has no attribute '" + vm.str(a[1]) + "'");
    static_cast<InstanceObj*>(a[0].asObject())->attrs.set(vm.intern(vm.str(a[1])), a[2]);
    return Value::none();
}

static Value objectDelattr(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "__delattr__", 2, 2);
    if (!isUserKind(a[0]) ||
        !static_cast<InstanceObj*>(a[0].asObject())->attrs.erase(vm.intern(vm.str(a[1]))))
        vm.raise(ExcType::AttributeError,
                 "'" + vm.typeName(a[0]) + "' object has no attribute '" + vm.str(a[1]) + "'");
    return Value::none();
}

static Value objectGetattribute(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "__getattribute__", 2, 2);
    return vm.getAttr(a[0], vm.internStr(vm.str(a[1])));
}

static Value objectRepr(VM& vm, const CallArgs& a)
{
    ClassObj* cls = vm.typeOf(a[0]);
    Value* module = cls->dict->table.findStr(vm.names.__module__);
    std::string qual = isStr(cls->qualname) ? strText(cls->qualname) : cls->name;
    std::string prefix =
        (module && isStr(*module) && strText(*module) != "builtins") ? strText(*module) + "." : "";
    char buf[32];
    std::snprintf(
        buf, sizeof buf, "0x%012llx",
        static_cast<unsigned long long>(a[0].isObject() ? reinterpret_cast<uintptr_t>(a[0].asObject()) : 0));
    if (!isUserKind(a[0]) && !isKind(a[0], ObjKind::Native))
        return vm.newStr(vm.repr(a[0]));
    return vm.newStr("<" + prefix + qual + " object at " + buf + ">");
}

void registerCoreMethods(VM& vm)
{
    ClassObj* o = vm.types.object;
    vm.addMethod(o, "__init__", [](VM&, const CallArgs&) { return Value::none(); });
    Value newFn = vm.newNative("object.__new__", objectNew);
    o->dict->table.set(vm.intern("__new__"),
                       Value::object(new MethodWrapperObj(ObjKind::StaticMethod, newFn)));
    vm.addMethod(o, "__repr__", objectRepr);
    vm.addMethod(o, "__str__", [](VM& vm, const CallArgs& a) { return vm.newStr(vm.repr(a[0])); });
    vm.addMethod(o, "__eq__", [](VM& vm, const CallArgs& a) {
        return a[0].is(a[1]) ? Value::boolean(true) : vm.notImplemented;
    });
    vm.addMethod(o, "__ne__", [](VM& vm, const CallArgs& a) {
        Value r = vm.richCompare(a[0], a[1], CompareKind::Eq);
        return r.is(vm.notImplemented) ? r : Value::boolean(!vm.truthy(r));
    });
    // object.__hash__ is the identity hash, whatever a subclass's own __hash__ does.
    vm.addMethod(o, "__hash__", [](VM& vm, const CallArgs& a) {
        if (a.count && (isUserKind(a[0]) || isKind(a[0], ObjKind::Native)))
            return Value::integer(identityHash(a[0].asObject()));
        return Value::integer(vm.hash(a[0]));
    });
    vm.addMethod(o, "__setattr__", objectSetattr);
    vm.addMethod(o, "__delattr__", objectDelattr);
    vm.addMethod(o, "__getattribute__", objectGetattribute);
    vm.addMethod(o, "__format__", [](VM& vm, const CallArgs& a) {
        return vm.newStr(vm.format(vm.strValue(a[0]), strText(a[1])));
    });
    vm.addMethod(o, "__dir__", [](VM& vm, const CallArgs& a) {
        return vm.call(*vm.builtinsDict.as<DictObj>()->table.findStr(vm.internStr("dir")), {a[0]});
    });
    Value initSubclass = vm.newNative("object.__init_subclass__", [](VM& vm, const CallArgs& a) {
        if (a.kwCount())
            vm.raise(ExcType::TypeError,
                     (a.count && isKind(a[0], ObjKind::Class) ? a[0].as<ClassObj>()->name : "object") +
                         ".__init_subclass__() takes no keyword arguments");
        return Value::none();
    });
    o->dict->table.set(vm.intern("__init_subclass__"),
                       Value::object(new MethodWrapperObj(ObjKind::ClassMethod, initSubclass)));

    ClassObj* f = vm.types.floatType;
    vm.addMethod(f, "is_integer", [](VM&, const CallArgs& a) {
        double d = a[0].asFloat();
        return Value::boolean(std::isfinite(d) && d == std::floor(d));
    });
    vm.addMethod(f, "conjugate", [](VM&, const CallArgs& a) { return a[0]; });
    vm.addMethod(f, "__float__", [](VM&, const CallArgs& a) { return a[0]; });
    vm.addMethod(f, "__int__",
                 [](VM& vm, const CallArgs& a) { return vm.call(Value::object(vm.types.intType), {a[0]}); });
    vm.addMethod(f, "__format__",
                 [](VM& vm, const CallArgs& a) { return vm.newStr(vm.format(a[0], strText(a[1]))); });
    vm.addMethod(f, "as_integer_ratio", [](VM& vm, const CallArgs& a) {
        double d = a[0].asFloat();
        if (!std::isfinite(d))
            vm.raise(std::isnan(d) ? ExcType::ValueError : ExcType::OverflowError,
                     std::isnan(d) ? "cannot convert NaN to integer ratio"
                                   : "cannot convert Infinity to integer ratio");
        int e;
        double m = std::frexp(d, &e);
        for (int k = 0; k < 300 && m != std::floor(m); ++k) {
            m *= 2.0;
            --e;
        }
        // m is an integer below 2**53; the ratio is m * 2**e.
        Value num = Value::integer(int64_t(m)), den = Value::integer(1);
        if (e > 0)
            num = vm.binaryOp(BinaryOp::LShift, num, Value::integer(e));
        else
            den = vm.binaryOp(BinaryOp::LShift, den, Value::integer(-e));
        return vm.newTuple({num, den});
    });
    ClassObj* b = vm.types.boolType;
    (void)b;
    ClassObj* fn = vm.types.function;
    vm.addMethod(fn, "__get__", [](VM& vm, const CallArgs& a) {
        if (a.count < 2 || a[1].isNone())
            return a[0];
        return vm.bindMethod(a[0], a[1]);
    });
    ClassObj* p = vm.types.property;
    vm.addMethod(p, "getter", [](VM& vm, const CallArgs& a) {
        auto* old = a[0].as<PropertyObj>();
        auto* np = new PropertyObj();
        Value result = Value::object(np);
        np->fget = a[1];
        np->fset = old->fset;
        np->fdel = old->fdel;
        (void)vm;
        return result;
    });
    vm.addMethod(p, "setter", [](VM& vm, const CallArgs& a) {
        auto* old = a[0].as<PropertyObj>();
        auto* np = new PropertyObj();
        Value result = Value::object(np);
        np->fget = old->fget;
        np->fset = a[1];
        np->fdel = old->fdel;
        (void)vm;
        return result;
    });
    vm.addMethod(p, "deleter", [](VM& vm, const CallArgs& a) {
        auto* old = a[0].as<PropertyObj>();
        auto* np = new PropertyObj();
        Value result = Value::object(np);
        np->fget = old->fget;
        np->fset = old->fset;
        np->fdel = a[1];
        (void)vm;
        return result;
    });
    vm.addMethod(p, "__get__", [](VM& vm, const CallArgs& a) {
        if (a.count < 2 || a[1].isNone())
            return a[0];
        return vm.call(a[0].as<PropertyObj>()->fget, {a[1]});
    });
    ClassObj* t = vm.types.type;
    // type.__new__(mcs, name, bases, namespace, **keywords): what a metaclass's __new__ reaches
    // through super().__new__; the class it makes has [mcs] as its type.
    Value typeNew = vm.newNative("type.__new__", [](VM& vm, const CallArgs& a) -> Value {
        if (a.count != 4 || !isKind(a[0], ObjKind::Class) ||
            !a[0].as<ClassObj>()->isSubclassOf(vm.types.type))
            vm.raise(ExcType::TypeError, "type.__new__() takes exactly 3 arguments (" +
                                             std::to_string(a.count ? a.count - 1 : 0) + " given)");
        if (!isKind(a[3], ObjKind::Dict))
            vm.raise(ExcType::TypeError, "type.__new__() argument 3 must be dict, not " + vm.typeName(a[3]));
        Value keywords;
        if (a.kwCount()) {
            keywords = vm.newDict();
            for (size_t k = 0; k < a.kwCount(); ++k)
                keywords.as<DictObj>()->table.set(a.kwNames->items[k], a.kwValues[k]);
        }
        std::vector<Value> bases = vm.toVector(a[2]);
        ClassObj* meta = vm.mostDerivedMetaclass(a[0].as<ClassObj>(), bases);
        return vm.makeClass(vm.str(a[1]), bases, a[3], meta, keywords);
    });
    t->dict->table.set(vm.intern("__new__"),
                       Value::object(new MethodWrapperObj(ObjKind::StaticMethod, typeNew)));
    vm.addMethod(t, "__init__", [](VM&, const CallArgs&) { return Value::none(); });
    // type.__setattr__/__delattr__: what a metaclass's own hooks delegate to with super().
    vm.addMethod(t, "__setattr__", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "__setattr__", 3, 3);
        if (!isKind(a[0], ObjKind::Class) || !isStr(a[1]))
            vm.raise(ExcType::TypeError, "descriptor '__setattr__' requires a 'type' object");
        auto* cls = a[0].as<ClassObj>();
        if (cls->builtin)
            vm.raise(ExcType::TypeError,
                     "cannot set '" + strText(a[1]) + "' attribute of immutable type '" + cls->name + "'");
        if (isKind(a[2], ObjKind::Property))
            cls->hasDataDescriptors = true;
        cls->dict->table.set(vm.intern(strText(a[1])), a[2]);
        return Value::none();
    });
    vm.addMethod(t, "__delattr__", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "__delattr__", 2, 2);
        if (!isKind(a[0], ObjKind::Class) || !isStr(a[1]))
            vm.raise(ExcType::TypeError, "descriptor '__delattr__' requires a 'type' object");
        auto* cls = a[0].as<ClassObj>();
        if (cls->builtin || !cls->dict->table.erase(vm.intern(strText(a[1]))))
            vm.raise(ExcType::AttributeError,
                     "type object '" + cls->name + "' has no attribute '" + strText(a[1]) + "'");
        return Value::none();
    });
    // type.__call__(cls, ...): creating an instance, for a metaclass's __call__ to delegate to.
    vm.addMethod(t, "__call__", [](VM& vm, const CallArgs& a) {
        if (a.count == 0 || !isKind(a[0], ObjKind::Class))
            vm.raise(ExcType::TypeError, "descriptor '__call__' requires a 'type' object");
        CallArgs rest = a;
        rest.args = a.args + 1;
        rest.count = a.count - 1;
        return vm.instantiate(a[0].as<ClassObj>(), rest);
    });
    vm.addMethod(t, "mro", [](VM& vm, const CallArgs& a) {
        std::vector<Value> items;
        for (ClassObj* c : a[0].as<ClassObj>()->mro)
            items.push_back(Value::object(c));
        return vm.newList(items);
    });
    vm.addMethod(t, "__subclasses__", [](VM& vm, const CallArgs&) { return vm.newList(); });
}

} // namespace loopscope
