#pragma once
// Small helpers for the native methods of asyncio's core types: reading an argument that may
// come positionally or by keyword, and defining a property backed by native functions.

#include "../vm.h"

namespace loopscope {

// Argument [index] of [a] (self is index 0) when given positionally, else keyword [name], else null.
inline const Value* argOrKeyword(const CallArgs& a, size_t index, std::string_view name)
{
    if (a.count > index)
        return &a.args[index];
    return a.keyword(name);
}

// Adds a property [name] to [cls] whose getter (and setter, when given) are native functions.
inline void addNativeProperty(VM& vm, ClassObj* cls, const char* name, NativeFn getter, NativeFn setter = nullptr)
{
    auto* p = new PropertyObj();
    Value property = Value::object(p);
    p->fget = vm.newNative(cls->name + "." + name, getter);
    if (setter)
        p->fset = vm.newNative(cls->name + "." + name, setter);
    cls->dict->table.set(vm.intern(name), property);
    cls->hasDataDescriptors = true;
}

} // namespace loopscope
