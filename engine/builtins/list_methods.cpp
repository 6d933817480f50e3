// Methods of list and tuple.

#include <algorithm>

#include "../vm.h"

namespace loopscope {

void sortValues(VM& vm, std::vector<Value>& items, const Value& key, bool reverse); // functions.cpp
void sliceIndices(VM& vm, const SliceObj* s, int64_t length, int64_t& start, int64_t& stop, int64_t& step,
                  int64_t& count);

static std::vector<Value>& listItems(VM& vm, const CallArgs& a, const char* name)
{
    if (a.count == 0 || !isKind(a[0], ObjKind::List))
        vm.raise(ExcType::TypeError,
                 std::string("descriptor '") + name + "' for 'list' objects doesn't apply");
    return a[0].as<ListObj>()->items;
}

static const std::vector<Value>& seqItems(const Value& v)
{
    return isKind(v, ObjKind::List) ? v.as<ListObj>()->items : v.as<TupleObj>()->items;
}

static Value listAppend(VM& vm, const CallArgs& a)
{
    auto& items = listItems(vm, a, "append");
    checkArgs(vm, a, "list.append", 2, 2);
    items.push_back(a[1]);
    return Value::none();
}

static Value listExtend(VM& vm, const CallArgs& a)
{
    auto& items = listItems(vm, a, "extend");
    checkArgs(vm, a, "list.extend", 2, 2);
    std::vector<Value> more = vm.toVector(a[1]);
    items.insert(items.end(), more.begin(), more.end());
    return Value::none();
}

static Value listInsert(VM& vm, const CallArgs& a)
{
    auto& items = listItems(vm, a, "insert");
    checkArgs(vm, a, "insert", 3, 3);
    int64_t i = vm.toIndex(a[1]);
    int64_t n = int64_t(items.size());
    if (i < 0)
        i = std::max<int64_t>(0, i + n);
    i = std::min(i, n);
    vm.chargeWork(uint64_t(n - i)); // the items that move
    items.insert(items.begin() + i, a[2]);
    return Value::none();
}

static Value listPop(VM& vm, const CallArgs& a)
{
    auto& items = listItems(vm, a, "pop");
    checkArgs(vm, a, "pop", 1, 2);
    if (items.empty())
        vm.raise(ExcType::IndexError, "pop from empty list");
    int64_t n = int64_t(items.size());
    int64_t i = a.count > 1 ? vm.toIndex(a[1]) : n - 1;
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        vm.raise(ExcType::IndexError, "pop index out of range");
    vm.chargeWork(uint64_t(n - i));
    Value v = std::move(items[size_t(i)]);
    items.erase(items.begin() + i);
    return v;
}

static Value listRemove(VM& vm, const CallArgs& a)
{
    auto& items = listItems(vm, a, "remove");
    checkArgs(vm, a, "list.remove", 2, 2);
    vm.chargeWork(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].is(a[1]) || vm.equals(items[i], a[1])) {
            items.erase(items.begin() + long(i));
            return Value::none();
        }
    }
    vm.raise(ExcType::ValueError, "list.remove(x): x not in list");
}

static Value seqIndex(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "index", 2, 4);
    const auto& items = seqItems(a[0]);
    int64_t n = int64_t(items.size());
    int64_t start = a.count > 2 ? vm.toIndex(a[2]) : 0;
    int64_t stop = a.count > 3 ? vm.toIndex(a[3]) : n;
    if (start < 0)
        start = std::max<int64_t>(0, start + n);
    if (stop < 0)
        stop = std::max<int64_t>(0, stop + n);
    vm.chargeWork(uint64_t(n));
    for (int64_t i = start; i < std::min(stop, n); ++i)
        if (items[size_t(i)].is(a[1]) || vm.equals(items[size_t(i)], a[1]))
            return Value::integer(i);
    if (isKind(a[0], ObjKind::List))
        vm.raise(ExcType::ValueError, vm.repr(a[1]) + " is not in list");
    vm.raise(ExcType::ValueError, "tuple.index(x): x not in tuple");
}

static Value seqCount(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "count", 2, 2);
    vm.chargeWork(seqItems(a[0]).size());
    int64_t n = 0;
    for (const Value& v : seqItems(a[0]))
        if (v.is(a[1]) || vm.equals(v, a[1]))
            ++n;
    return Value::integer(n);
}

static Value listSort(VM& vm, const CallArgs& a)
{
    auto& items = listItems(vm, a, "sort");
    if (a.count > 1)
        vm.raise(ExcType::TypeError, "sort() takes no positional arguments");
    const Value* key = a.keyword("key");
    const Value* reverse = a.keyword("reverse");
    std::vector<Value> copy = items;
    sortValues(vm, copy, key ? *key : Value(), reverse && vm.truthy(*reverse));
    items = std::move(copy);
    return Value::none();
}

void registerListMethods(VM& vm)
{
    ClassObj* l = vm.types.list;
    vm.addMethod(l, "__init__", [](VM& vm, const CallArgs& a) {
        auto& items = listItems(vm, a, "__init__");
        if (a.count > 1) {
            std::vector<Value> fresh = vm.toVector(a[1]);
            items = std::move(fresh);
        }
        return Value::none();
    });
    vm.addMethod(l, "append", listAppend);
    vm.addMethod(l, "extend", listExtend);
    vm.addMethod(l, "insert", listInsert);
    vm.addMethod(l, "pop", listPop);
    vm.addMethod(l, "remove", listRemove);
    vm.addMethod(l, "index", seqIndex);
    vm.addMethod(l, "count", seqCount);
    vm.addMethod(l, "sort", listSort);
    vm.addMethod(l, "reverse", [](VM& vm, const CallArgs& a) {
        auto& items = listItems(vm, a, "reverse");
        vm.chargeWork(items.size());
        std::reverse(items.begin(), items.end());
        return Value::none();
    });
    vm.addMethod(l, "clear", [](VM& vm, const CallArgs& a) {
        std::vector<Value> old;
        old.swap(listItems(vm, a, "clear"));
        return Value::none();
    });
    vm.addMethod(l, "copy", [](VM& vm, const CallArgs& a) { return vm.newList(listItems(vm, a, "copy")); });
    vm.addMethod(l, "__len__", [](VM& vm, const CallArgs& a) { return Value::integer(vm.length(a[0])); });
    vm.addMethod(l, "__getitem__", [](VM& vm, const CallArgs& a) { return vm.getItem(a[0], a[1]); });
    vm.addMethod(l, "__setitem__", [](VM& vm, const CallArgs& a) {
        vm.setItem(a[0], a[1], a[2]);
        return Value::none();
    });
    vm.addMethod(l, "__contains__",
                 [](VM& vm, const CallArgs& a) { return Value::boolean(vm.contains(a[0], a[1])); });
    vm.addMethod(l, "__iter__", [](VM& vm, const CallArgs& a) { return vm.getIter(a[0]); });
    ClassObj* t = vm.types.tuple;
    Value tupleNew = vm.newNative("tuple.__new__", [](VM& vm, const CallArgs& a) {
        if (a.count == 0 || !isKind(a[0], ObjKind::Class))
            vm.raise(ExcType::TypeError, "tuple.__new__(X): X is not a type object");
        Value t = vm.newTuple(a.count > 1 ? vm.toVector(a[1]) : std::vector<Value>{});
        ClassObj* cls = a[0].as<ClassObj>();
        if (!cls->builtin) {
            t.asObject()->cls = cls;
            ++cls->refcount;
        }
        return t;
    });
    t->dict->table.set(vm.intern("__new__"),
                       Value::object(new MethodWrapperObj(ObjKind::StaticMethod, tupleNew)));
    vm.addMethod(t, "index", seqIndex);
    vm.addMethod(t, "count", seqCount);
    vm.addMethod(t, "__len__", [](VM& vm, const CallArgs& a) { return Value::integer(vm.length(a[0])); });
    vm.addMethod(t, "__getitem__", [](VM& vm, const CallArgs& a) { return vm.getItem(a[0], a[1]); });
    vm.addMethod(t, "__contains__",
                 [](VM& vm, const CallArgs& a) { return Value::boolean(vm.contains(a[0], a[1])); });
    vm.addMethod(t, "__iter__", [](VM& vm, const CallArgs& a) { return vm.getIter(a[0]); });
    ClassObj* r = vm.types.range;
    vm.addMethod(r, "index", [](VM& vm, const CallArgs& a) {
        auto* range = a[0].as<RangeObj>();
        if (!vm.contains(a[0], a[1]))
            vm.raise(ExcType::ValueError, vm.repr(a[1]) + " is not in range");
        return Value::integer((a[1].asInt() - range->start) / range->step);
    });
    vm.addMethod(r, "count",
                 [](VM& vm, const CallArgs& a) { return Value::integer(vm.contains(a[0], a[1]) ? 1 : 0); });
}

} // namespace loopscope
