// _weakref: weak references for the weakref module (engine/prelude/weakref.py). A reference
// does not keep its object alive; when the object's last strong reference goes, every weak
// reference to it reads None from then on. (Callbacks are accepted but not called: running
// Python code from inside an object's release is not safe in this VM.)

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "../vm.h"

namespace loopscope {

namespace {

struct WeakRefObj;

// Every object with weak references, and the references to it.
thread_local std::unordered_map<Obj*, std::vector<WeakRefObj*>> tReferences;
thread_local ClassObj* tReferenceClass = nullptr;

struct WeakRefObj final : NativeObj {
    WeakRefObj(ClassObj* cls, Obj* target) : NativeObj(cls), target(target) {}
    ~WeakRefObj() override
    {
        if (!target)
            return;
        auto it = tReferences.find(target);
        if (it == tReferences.end())
            return;
        auto& refs = it->second;
        refs.erase(std::remove(refs.begin(), refs.end(), this), refs.end());
        if (refs.empty())
            tReferences.erase(it); // the target keeps its flag: clearing finds nothing, harmlessly
    }
    Obj* target; // null once the object is gone
    Value callback;
    int64_t hash = -1;
    bool hashed = false;
};

bool referenceable(const Value& v)
{
    if (!v.isObject())
        return false;
    switch (v.asObject()->kind) {
    case ObjKind::Instance:
    case ObjKind::Exception:
    case ObjKind::Class:
    case ObjKind::Function:
    case ObjKind::BoundMethod:
    case ObjKind::Set:
    case ObjKind::FrozenSet:
    case ObjKind::Generator:
    case ObjKind::Native:
    case ObjKind::Code:
    case ObjKind::Module:
        return true;
    default:
        return false;
    }
}

WeakRefObj* self(VM& vm, const CallArgs& a)
{
    if (a.count == 0 || !isKind(a[0], ObjKind::Native) || a[0].asObject()->cls != tReferenceClass)
        vm.raise(ExcType::TypeError, "descriptor requires a 'weakref.ReferenceType' object");
    return static_cast<WeakRefObj*>(a[0].asObject());
}

Value construct(VM& vm, const CallArgs& a)
{
    if (a.count < 2 || a.count > 3)
        vm.raise(ExcType::TypeError, "__new__ expected at most 2 arguments");
    if (!referenceable(a[1]))
        vm.raise(ExcType::TypeError, "cannot create weak reference to '" + vm.typeName(a[1]) + "' object");
    auto* ref = new WeakRefObj(tReferenceClass, a[1].asObject());
    Value result = Value::object(ref);
    if (a.count == 3 && !a[2].isNone())
        ref->callback = a[2];
    a[1].asObject()->weaklyReferenced = true;
    tReferences[a[1].asObject()].push_back(ref);
    return result;
}

Value target(WeakRefObj* ref)
{
    return ref->target ? Value::object(ref->target) : Value::none();
}

std::string hexAddress(const void* p)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%012llx",
                  static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(p)));
    return buf;
}

} // namespace

void clearWeakReferences(Obj* object)
{
    auto it = tReferences.find(object);
    if (it == tReferences.end())
        return;
    for (WeakRefObj* ref : it->second)
        ref->target = nullptr;
    tReferences.erase(it);
}

void registerWeakrefModule(VM& vm)
{
    tReferences.clear();
    Value m = makeModule(vm, "_weakref");
    tReferenceClass = vm.newBuiltinClass("weakref.ReferenceType", vm.types.object, ObjKind::Native);
    tReferenceClass->name = "ReferenceType";
    tReferenceClass->construct = construct;
    vm.addMethod(tReferenceClass, "__call__", [](VM& vm, const CallArgs& a) { return target(self(vm, a)); });
    vm.addMethod(tReferenceClass, "__hash__", [](VM& vm, const CallArgs& a) {
        WeakRefObj* ref = self(vm, a);
        if (!ref->hashed) {
            if (!ref->target)
                vm.raise(ExcType::TypeError, "weak object has gone away");
            ref->hash = vm.hash(target(ref));
            ref->hashed = true;
        }
        return Value::integer(ref->hash);
    });
    vm.addMethod(tReferenceClass, "__eq__", [](VM& vm, const CallArgs& a) {
        WeakRefObj* ref = self(vm, a);
        if (!isKind(a[1], ObjKind::Native) || a[1].asObject()->cls != tReferenceClass)
            return vm.notImplemented;
        auto* other = static_cast<WeakRefObj*>(a[1].asObject());
        if (ref->target && other->target)
            return Value::boolean(vm.equals(target(ref), target(other)));
        return Value::boolean(ref == other);
    });
    vm.addMethod(tReferenceClass, "__repr__", [](VM& vm, const CallArgs& a) {
        WeakRefObj* ref = self(vm, a);
        if (!ref->target)
            return vm.newStr("<weakref at " + hexAddress(ref) + "; dead>");
        return vm.newStr("<weakref at " + hexAddress(ref) + "; to '" + vm.typeName(target(ref)) + "' at " +
                         hexAddress(ref->target) + ">");
    });
    vm.addMethod(tReferenceClass, "__callback__", [](VM& vm, const CallArgs& a) {
        WeakRefObj* ref = self(vm, a);
        return ref->callback.isEmpty() ? Value::none() : ref->callback;
    });
    moduleSet(vm, m, "ref", Value::object(tReferenceClass));
    moduleAddFunction(vm, m, "getweakrefcount", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "getweakrefcount", 1, 1);
        auto it = a[0].isObject() ? tReferences.find(a[0].asObject()) : tReferences.end();
        return Value::integer(it == tReferences.end() ? 0 : int64_t(it->second.size()));
    });
    moduleAddFunction(vm, m, "getweakrefs", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "getweakrefs", 1, 1);
        std::vector<Value> refs;
        auto it = a[0].isObject() ? tReferences.find(a[0].asObject()) : tReferences.end();
        if (it != tReferences.end())
            for (WeakRefObj* ref : it->second)
                refs.push_back(Value::object(ref));
        return vm.newList(std::move(refs));
    });
    vm.nativeModules["_weakref"] = m;
}

} // namespace loopscope
