#pragma once
// Inline caches of LOAD_ATTR and LOAD_METHOD: one entry per instruction, remembering where the
// attribute was found last time, and the facts that keep that answer valid.
//   - a module's attribute: the value's slot in the module dict, valid while the dict gains
//     or loses no key (DictTable::version);
//   - an instance's own attribute: its position in the instance dict, valid for any instance
//     of the same class whose dict holds that name at that position (instances made by the
//     same __init__ share the layout), while no class dict changed (classLookupEpoch);
//   - a method found on the class: the class attribute's slot, valid for any object of that
//     class that has no attribute of its own of that name, while no class dict changed.
// A miss takes the full protocol (VM::getAttr, VM::loadMethod) and refills the entry.

#include <cstdint>

#include "object.h"

namespace loopscope {

struct AttrCache {
    enum class Kind : uint8_t { Empty, ModuleValue, InstanceSlot, ClassMethod };
    Kind kind = Kind::Empty;
    uint32_t index = 0;          // InstanceSlot: the entry's position in the instance dict
    const void* owner = nullptr; // ModuleValue: the module's DictTable; else the object's class
    uint64_t version = 0;        // ModuleValue: the dict's version; else classLookupEpoch()
    const Value* slot = nullptr; // ModuleValue: the value; ClassMethod: the class attribute
};

// The attribute table of [obj]'s own attributes, or null if it has none (or no table).
inline const DictTable* ownAttributes(const Obj* obj)
{
    if (obj->kind == ObjKind::Instance || obj->kind == ObjKind::Exception)
        return &static_cast<const InstanceObj*>(obj)->attrs;
    if (obj->kind == ObjKind::Native) {
        const DictObj* attrs = static_cast<const NativeObj*>(obj)->attrs;
        return attrs ? &attrs->table : nullptr;
    }
    return nullptr;
}

// cachedAttr for a [cache] of kind ModuleValue, with [o] the object: forced inline, for
// LOAD_METHOD takes it first when it calls a module's function (`asyncio.sleep(0)`: once a switch).
[[gnu::always_inline]] inline bool cachedModuleValue(const AttrCache& cache, const Obj* o, Value& out)
{
    if (o->kind != ObjKind::Module)
        return false;
    const DictTable& table = static_cast<const ModuleObj*>(o)->dict()->table;
    if (&table != cache.owner || table.version() != cache.version)
        return false;
    out = *cache.slot;
    return true;
}

// LOAD_ATTR's fast path: true with the value in [out] when [cache] answers for [obj].[name].
inline bool cachedAttr(const AttrCache& cache, const Value& obj, const StrObj* name, Value& out)
{
    if (!obj.isObject())
        return false;
    const Obj* o = obj.asObject();
    switch (cache.kind) {
    case AttrCache::Kind::ModuleValue:
        return cachedModuleValue(cache, o, out);
    case AttrCache::Kind::InstanceSlot:
        if (o->cls == cache.owner && o->kind == ObjKind::Instance && cache.version == classLookupEpoch()) {
            const auto& entries = static_cast<const InstanceObj*>(o)->attrs.entries();
            if (cache.index < entries.size() && entries[cache.index].key.isObject() &&
                entries[cache.index].key.asObject() == name) {
                out = entries[cache.index].value;
                return true;
            }
        }
        return false;
    default:
        return false;
    }
}

// LOAD_METHOD's fast path: true with the class's function in [method] (to be called with
// [obj] as self) when [cache] answers for [obj].[name].
inline bool cachedMethod(const AttrCache& cache, const Value& obj, const StrObj* name, Value& method)
{
    if (cache.kind != AttrCache::Kind::ClassMethod || !obj.isObject())
        return false;
    const Obj* o = obj.asObject();
    if (o->cls != cache.owner || cache.version != classLookupEpoch())
        return false;
    if (const DictTable* own = ownAttributes(o); own && own->size() != 0 && own->findStr(name))
        return false;
    method = *cache.slot;
    return true;
}

// Refills [cache] after a full lookup of [obj].[name] that gave [result].
void fillAttrCache(AttrCache& cache, const Value& obj, const StrObj* name, const Value& result);
// Refills [cache] after VM::loadMethod found the class attribute of [obj].[name] (a function
// called with self).
void fillMethodCache(AttrCache& cache, const Value& obj, const StrObj* name);

} // namespace loopscope
