#include "iterators.h"

namespace loopscope {

namespace {
thread_local IteratorClasses tIteratorClasses;
}

IteratorClasses& iteratorClasses()
{
    return tIteratorClasses;
}

static size_t utf8Width(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if ((c >> 5) == 0x6)
        return 2;
    if ((c >> 4) == 0xE)
        return 3;
    return 4;
}

bool SequenceIterator::next(VM& vm, Value& out)
{
    if (seq.isEmpty())
        return false;
    Obj* o = seq.asObject();
    switch (o->kind) {
    case ObjKind::List: {
        auto& items = static_cast<ListObj*>(o)->items;
        if (index >= items.size())
            break;
        out = items[index++];
        return true;
    }
    case ObjKind::Tuple: {
        auto& items = static_cast<TupleObj*>(o)->items;
        if (index >= items.size())
            break;
        out = items[index++];
        return true;
    }
    case ObjKind::Str: {
        auto* s = static_cast<StrObj*>(o);
        if (byteOffset >= s->text.size())
            break;
        size_t w = utf8Width(static_cast<unsigned char>(s->text[byteOffset]));
        out = vm.intern(std::string_view(s->text).substr(byteOffset, w));
        byteOffset += w;
        return true;
    }
    case ObjKind::Bytes: {
        auto* b = static_cast<BytesObj*>(o);
        if (index >= b->data.size())
            break;
        out = Value::integer(static_cast<unsigned char>(b->data[index++]));
        return true;
    }
    default:
        break;
    }
    seq.clear();
    return false;
}

DictIterator::DictIterator(ClassObj* cls, Value d, DictViewObj::Which w)
    : IteratorObj(cls), dict(std::move(d)), which(w), initialSize(dict.as<DictObj>()->table.size())
{
}

bool DictIterator::next(VM& vm, Value& out)
{
    if (dict.isEmpty())
        return false;
    const DictTable& table = dict.as<DictObj>()->table;
    if (table.size() != initialSize) {
        initialSize = size_t(-1);
        vm.raise(ExcType::RuntimeError, "dictionary changed size during iteration");
    }
    const DictTable::Entry* e = table.next(position);
    if (!e) {
        dict.clear();
        return false;
    }
    switch (which) {
    case DictViewObj::Which::Keys:
        out = e->key;
        break;
    case DictViewObj::Which::Values:
        out = e->value;
        break;
    case DictViewObj::Which::Items:
        out = vm.newTuple({e->key, e->value});
        break;
    }
    return true;
}

SetIterator::SetIterator(ClassObj* cls, Value s)
    : IteratorObj(cls), set(std::move(s)), initialSize(set.as<SetObj>()->table.size()),
      keys(set.as<SetObj>()->table.keysInOrder())
{
}

bool SetIterator::next(VM& vm, Value& out)
{
    if (set.isEmpty())
        return false;
    const SetTable& table = set.as<SetObj>()->table;
    if (table.size() != initialSize)
        vm.raise(ExcType::RuntimeError, "Set changed size during iteration");
    if (position < keys.size()) {
        out = keys[position++];
        return true;
    }
    set.clear();
    keys.clear();
    return false;
}

void registerIteratorClasses(VM& vm)
{
    auto& c = tIteratorClasses;
    ClassObj* object = vm.types.object;
    c.listIterator = vm.newBuiltinClass("list_iterator", object, ObjKind::Iterator);
    c.tupleIterator = vm.newBuiltinClass("tuple_iterator", object, ObjKind::Iterator);
    c.strIterator = vm.newBuiltinClass("str_ascii_iterator", object, ObjKind::Iterator);
    c.rangeIterator = vm.newBuiltinClass("range_iterator", object, ObjKind::Iterator);
    c.dictKeyIterator = vm.newBuiltinClass("dict_keyiterator", object, ObjKind::Iterator);
    c.dictValueIterator = vm.newBuiltinClass("dict_valueiterator", object, ObjKind::Iterator);
    c.dictItemIterator = vm.newBuiltinClass("dict_itemiterator", object, ObjKind::Iterator);
    c.setIterator = vm.newBuiltinClass("set_iterator", object, ObjKind::Iterator);
    c.enumerate = vm.newBuiltinClass("enumerate", object, ObjKind::Iterator);
    c.zip = vm.newBuiltinClass("zip", object, ObjKind::Iterator);
    c.map = vm.newBuiltinClass("map", object, ObjKind::Iterator);
    c.filter = vm.newBuiltinClass("filter", object, ObjKind::Iterator);
    c.reversed = vm.newBuiltinClass("reversed", object, ObjKind::Iterator);
    c.callIterator = vm.newBuiltinClass("callable_iterator", object, ObjKind::Iterator);
    c.generic = vm.newBuiltinClass("iterator", object, ObjKind::Iterator);
    ClassObj* all[] = {c.listIterator,
                       c.tupleIterator,
                       c.strIterator,
                       c.rangeIterator,
                       c.dictKeyIterator,
                       c.dictValueIterator,
                       c.dictItemIterator,
                       c.setIterator,
                       c.enumerate,
                       c.zip,
                       c.map,
                       c.filter,
                       c.reversed,
                       c.callIterator,
                       c.generic};
    for (ClassObj* cls : all) {
        vm.addMethod(cls, "__iter__", [](VM&, const CallArgs& a) { return a[0]; });
        vm.addMethod(cls, "__next__", [](VM& vm, const CallArgs& a) {
            Value out;
            if (!static_cast<IteratorObj*>(a[0].asObject())->next(vm, out))
                vm.raiseValue(vm.newException(vm.excClass(ExcType::StopIteration), {}));
            return out;
        });
    }
}

} // namespace loopscope
