// Methods of dict and of its views.

#include "../vm.h"

namespace loopscope {

static DictObj* selfDict(VM& vm, const CallArgs& a, const char* name)
{
    if (a.count == 0 || !isKind(a[0], ObjKind::Dict))
        vm.raise(ExcType::TypeError,
                 std::string("descriptor '") + name + "' for 'dict' objects doesn't apply");
    return a[0].as<DictObj>();
}

// dict.update's argument: a mapping (keys() and []) or an iterable of pairs.
void dictUpdateFrom(VM& vm, DictObj* dict, const Value& source)
{
    if (isKind(source, ObjKind::Dict)) {
        std::vector<std::pair<Value, Value>> entries;
        size_t pos = 0;
        while (const DictTable::Entry* e = source.as<DictObj>()->table.next(pos))
            entries.emplace_back(e->key, e->value);
        for (auto& [k, v] : entries)
            dict->table.set(k, v);
        return;
    }
    Value keys;
    if (!isKind(source, ObjKind::List) && !isKind(source, ObjKind::Tuple) &&
        vm.tryGetAttr(source, vm.names.keys, keys)) {
        for (const Value& k : vm.toVector(vm.call(keys, {})))
            dict->table.set(k, vm.getItem(source, k));
        return;
    }
    size_t index = 0;
    for (const Value& item : vm.toVector(source)) {
        std::vector<Value> pair;
        if (isKind(item, ObjKind::Tuple) || isKind(item, ObjKind::List) || isKind(item, ObjKind::Str)) {
            pair = vm.toVector(item);
        } else {
            vm.raise(ExcType::TypeError, "cannot convert dictionary update sequence element #" +
                                             std::to_string(index) + " to a sequence");
        }
        if (pair.size() != 2)
            vm.raise(ExcType::ValueError, "dictionary update sequence element #" + std::to_string(index) +
                                              " has length " + std::to_string(pair.size()) +
                                              "; 2 is required");
        dict->table.set(pair[0], pair[1]);
        ++index;
    }
}

static Value dictGet(VM& vm, const CallArgs& a)
{
    DictObj* d = selfDict(vm, a, "get");
    checkArgs(vm, a, "get", 2, 3);
    if (Value* v = d->table.find(a[1]))
        return *v;
    return a.count > 2 ? a[2] : Value::none();
}

static Value dictPop(VM& vm, const CallArgs& a)
{
    DictObj* d = selfDict(vm, a, "pop");
    checkArgs(vm, a, "pop", 2, 3);
    Value removed;
    if (d->table.erase(a[1], &removed))
        return removed;
    if (a.count > 2)
        return a[2];
    vm.raiseValue(vm.newException(vm.excClass(ExcType::KeyError), {a[1]}));
}

static Value dictSetdefault(VM& vm, const CallArgs& a)
{
    DictObj* d = selfDict(vm, a, "setdefault");
    checkArgs(vm, a, "setdefault", 2, 3);
    if (Value* v = d->table.find(a[1]))
        return *v;
    Value dflt = a.count > 2 ? a[2] : Value::none();
    d->table.set(a[1], dflt);
    return dflt;
}

static Value dictUpdate(VM& vm, const CallArgs& a)
{
    DictObj* d = selfDict(vm, a, "update");
    if (a.count > 2)
        vm.raise(ExcType::TypeError,
                 "update expected at most 1 argument, got " + std::to_string(a.count - 1));
    if (a.count == 2)
        dictUpdateFrom(vm, d, a[1]);
    for (size_t i = 0; i < a.kwCount(); ++i)
        d->table.set(a.kwNames->items[i], a.kwValues[i]);
    return Value::none();
}

static Value dictPopitem(VM& vm, const CallArgs& a)
{
    DictObj* d = selfDict(vm, a, "popitem");
    Value k, v;
    if (!d->table.popLast(k, v))
        vm.raise(ExcType::KeyError, "popitem(): dictionary is empty");
    return vm.newTuple({k, v});
}

static Value dictCopy(VM& vm, const CallArgs& a)
{
    DictObj* d = selfDict(vm, a, "copy");
    auto* copy = new DictObj();
    Value result = Value::object(copy);
    size_t pos = 0;
    while (const DictTable::Entry* e = d->table.next(pos))
        copy->table.set(e->key, e->value);
    return result;
}

static Value dictFromkeys(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "fromkeys", 2, 3);
    auto* d = new DictObj();
    Value result = Value::object(d);
    Value v = a.count > 2 ? a[2] : Value::none();
    for (const Value& k : vm.toVector(a[1]))
        d->table.set(k, v);
    return result;
}

void registerDictMethods(VM& vm)
{
    ClassObj* d = vm.types.dict;
    vm.addMethod(d, "__init__", [](VM& vm, const CallArgs& a) {
        DictObj* d = selfDict(vm, a, "__init__");
        if (a.count > 2)
            vm.raise(ExcType::TypeError,
                     "dict expected at most 1 argument, got " + std::to_string(a.count - 1));
        if (a.count == 2)
            dictUpdateFrom(vm, d, a[1]);
        for (size_t i = 0; i < a.kwCount(); ++i)
            d->table.set(a.kwNames->items[i], a.kwValues[i]);
        return Value::none();
    });
    vm.addMethod(d, "get", dictGet);
    vm.addMethod(d, "pop", dictPop);
    vm.addMethod(d, "setdefault", dictSetdefault);
    vm.addMethod(d, "update", dictUpdate);
    vm.addMethod(d, "popitem", dictPopitem);
    vm.addMethod(d, "copy", dictCopy);
    vm.addMethod(d, "clear", [](VM& vm, const CallArgs& a) {
        selfDict(vm, a, "clear")->table.clear();
        return Value::none();
    });
    vm.addMethod(d, "keys", [](VM& vm, const CallArgs& a) {
        selfDict(vm, a, "keys");
        return Value::object(new DictViewObj(a[0], DictViewObj::Which::Keys));
    });
    vm.addMethod(d, "values", [](VM& vm, const CallArgs& a) {
        selfDict(vm, a, "values");
        return Value::object(new DictViewObj(a[0], DictViewObj::Which::Values));
    });
    vm.addMethod(d, "items", [](VM& vm, const CallArgs& a) {
        selfDict(vm, a, "items");
        return Value::object(new DictViewObj(a[0], DictViewObj::Which::Items));
    });
    Value fromkeys = vm.newNative("dict.fromkeys", dictFromkeys);
    d->dict->table.set(vm.intern("fromkeys"),
                       Value::object(new MethodWrapperObj(ObjKind::ClassMethod, fromkeys)));
    vm.addMethod(d, "__len__", [](VM& vm, const CallArgs& a) { return Value::integer(vm.length(a[0])); });
    vm.addMethod(d, "__getitem__", [](VM& vm, const CallArgs& a) { return vm.getItem(a[0], a[1]); });
    vm.addMethod(d, "__setitem__", [](VM& vm, const CallArgs& a) {
        vm.setItem(a[0], a[1], a[2]);
        return Value::none();
    });
    vm.addMethod(d, "__delitem__", [](VM& vm, const CallArgs& a) {
        vm.delItem(a[0], a[1]);
        return Value::none();
    });
    vm.addMethod(d, "__contains__",
                 [](VM& vm, const CallArgs& a) { return Value::boolean(vm.contains(a[0], a[1])); });
    vm.addMethod(d, "__iter__", [](VM& vm, const CallArgs& a) { return vm.getIter(a[0]); });
}

} // namespace loopscope
