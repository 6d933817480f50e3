// Refilling the inline caches of LOAD_ATTR and LOAD_METHOD (inline_cache.h).

#include "inline_cache.h"

namespace loopscope {

void fillAttrCache(AttrCache& cache, const Value& obj, const StrObj* name, const Value& result)
{
    cache = AttrCache{};
    if (!obj.isObject())
        return;
    const Obj* o = obj.asObject();
    if (o->kind == ObjKind::Module) {
        const DictTable& table = static_cast<const ModuleObj*>(o)->dict()->table;
        if (const Value* slot = table.findStr(name); slot && slot->is(result))
            cache = AttrCache{AttrCache::Kind::ModuleValue, 0, &table, table.version(), slot};
        return;
    }
    // An instance's own attribute, when no class attribute of that name could take precedence.
    if (o->kind != ObjKind::Instance || o->cls->hasDataDescriptors || o->cls->lookup(name))
        return;
    const auto& entries = static_cast<const InstanceObj*>(o)->attrs.entries();
    for (size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].key.isObject() && entries[i].key.asObject() == name) {
            if (entries[i].value.is(result))
                cache = AttrCache{AttrCache::Kind::InstanceSlot, uint32_t(i), o->cls, classLookupEpoch(), nullptr};
            return;
        }
    }
}

void fillMethodCache(AttrCache& cache, const Value& obj, const StrObj* name)
{
    cache = AttrCache{};
    if (!obj.isObject())
        return;
    const Obj* o = obj.asObject();
    if (o->kind == ObjKind::Class || o->kind == ObjKind::Module || o->kind == ObjKind::Super ||
        o->kind == ObjKind::Function)
        return;
    if (const Value* slot = o->cls->lookup(name))
        cache = AttrCache{AttrCache::Kind::ClassMethod, 0, o->cls, classLookupEpoch(), slot};
}

} // namespace loopscope
