// The native part of the collections module (_collections): deque and defaultdict. The rest
// of collections (OrderedDict, Counter, namedtuple) is Python in engine/prelude/collections.py.

#include <deque>

#include "../vm.h"
#include "iterators.h"

namespace loopscope {

namespace {
thread_local ClassObj* tDequeClass = nullptr;
thread_local ClassObj* tDefaultDictClass = nullptr;

struct DequeObj final : NativeObj {
    DequeObj() : NativeObj(tDequeClass) {}
    std::deque<Value> items;
    int64_t maxlen = -1; // -1: unbounded
    uint64_t mutations = 0;
};

DequeObj* selfDeque(VM& vm, const CallArgs& a)
{
    if (a.count == 0 || !isKind(a[0], ObjKind::Native) || !a[0].asObject()->cls->isSubclassOf(tDequeClass))
        vm.raise(ExcType::TypeError, "descriptor requires a 'collections.deque' object");
    return static_cast<DequeObj*>(a[0].asObject());
}

void pushBack(DequeObj* d, Value v)
{
    if (d->maxlen == 0)
        return;
    d->items.push_back(std::move(v));
    if (d->maxlen >= 0 && int64_t(d->items.size()) > d->maxlen)
        d->items.pop_front();
    ++d->mutations;
}

void pushFront(DequeObj* d, Value v)
{
    if (d->maxlen == 0)
        return;
    d->items.push_front(std::move(v));
    if (d->maxlen >= 0 && int64_t(d->items.size()) > d->maxlen)
        d->items.pop_back();
    ++d->mutations;
}

Value constructDeque(VM& vm, const CallArgs& a)
{
    auto* d = new DequeObj();
    Value result = Value::object(d);
    if (a[0].as<ClassObj>() != tDequeClass) {
        d->cls = a[0].as<ClassObj>();
        ++d->cls->refcount;
    }
    const Value* maxlen = a.count > 2 ? &a[2] : a.keyword("maxlen");
    if (maxlen && !maxlen->isNone()) {
        d->maxlen = vm.toIndex(*maxlen);
        if (d->maxlen < 0)
            vm.raise(ExcType::ValueError, "maxlen must be non-negative");
    }
    const Value* iterable = a.count > 1 ? &a[1] : a.keyword("iterable");
    if (iterable && !iterable->isNone())
        for (Value& v : vm.toVector(*iterable))
            pushBack(d, std::move(v));
    return result;
}

int64_t dequeIndex(VM& vm, DequeObj* d, const Value& key)
{
    int64_t i = vm.toIndex(key);
    int64_t n = int64_t(d->items.size());
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        vm.raise(ExcType::IndexError, "deque index out of range");
    return i;
}

Value constructDefaultDict(VM& vm, const CallArgs& a)
{
    auto* d = new DictObj();
    Value result = Value::object(d);
    d->cls = a[0].as<ClassObj>();
    ++d->cls->refcount;
    if (a.count > 1) {
        if (!a[1].isNone() && !vm.isCallable(a[1]))
            vm.raise(ExcType::TypeError, "first argument must be callable or None");
        d->defaultFactory = a[1];
    }
    return result;
}
} // namespace

void dictUpdateFrom(VM& vm, DictObj* dict, const Value& source);

void registerCollectionsModule(VM& vm)
{
    Value m = makeModule(vm, "_collections");
    tDequeClass = vm.newBuiltinClass("deque", vm.types.object, ObjKind::Native);
    tDequeClass->dict->table.set(vm.intern("__module__"), vm.intern("collections"));
    tDequeClass->construct = constructDeque;
    ClassObj* c = tDequeClass;
    vm.addMethod(c, "__init__", [](VM&, const CallArgs&) { return Value::none(); });
    vm.addMethod(c, "append", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "append", 2, 2);
        pushBack(selfDeque(vm, a), a[1]);
        return Value::none();
    });
    vm.addMethod(c, "appendleft", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "appendleft", 2, 2);
        pushFront(selfDeque(vm, a), a[1]);
        return Value::none();
    });
    vm.addMethod(c, "pop", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        if (d->items.empty())
            vm.raise(ExcType::IndexError, "pop from an empty deque");
        Value v = std::move(d->items.back());
        d->items.pop_back();
        ++d->mutations;
        return v;
    });
    vm.addMethod(c, "popleft", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        if (d->items.empty())
            vm.raise(ExcType::IndexError, "pop from an empty deque");
        Value v = std::move(d->items.front());
        d->items.pop_front();
        ++d->mutations;
        return v;
    });
    vm.addMethod(c, "extend", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        for (Value& v : vm.toVector(a[1]))
            pushBack(d, std::move(v));
        return Value::none();
    });
    vm.addMethod(c, "extendleft", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        for (Value& v : vm.toVector(a[1]))
            pushFront(d, std::move(v));
        return Value::none();
    });
    vm.addMethod(c, "clear", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        std::deque<Value> old;
        old.swap(d->items);
        ++d->mutations;
        return Value::none();
    });
    vm.addMethod(c, "rotate", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        int64_t n = a.count > 1 ? vm.toIndex(a[1]) : 1;
        int64_t size = int64_t(d->items.size());
        if (size > 1) {
            n %= size;
            if (n < 0)
                n += size;
            for (int64_t i = 0; i < n; ++i) {
                Value v = std::move(d->items.back());
                d->items.pop_back();
                d->items.push_front(std::move(v));
            }
        }
        ++d->mutations;
        return Value::none();
    });
    vm.addMethod(c, "remove", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        for (size_t i = 0; i < d->items.size(); ++i) {
            if (d->items[i].is(a[1]) || vm.equals(d->items[i], a[1])) {
                d->items.erase(d->items.begin() + long(i));
                ++d->mutations;
                return Value::none();
            }
        }
        vm.raise(ExcType::ValueError, "deque.remove(x): x not in deque");
    });
    vm.addMethod(c, "count", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        int64_t n = 0;
        for (const Value& v : d->items)
            n += v.is(a[1]) || vm.equals(v, a[1]);
        return Value::integer(n);
    });
    vm.addMethod(c, "index", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        for (size_t i = 0; i < d->items.size(); ++i)
            if (d->items[i].is(a[1]) || vm.equals(d->items[i], a[1]))
                return Value::integer(int64_t(i));
        vm.raise(ExcType::ValueError, vm.repr(a[1]) + " is not in deque");
    });
    vm.addMethod(c, "reverse", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        std::reverse(d->items.begin(), d->items.end());
        return Value::none();
    });
    vm.addMethod(c, "copy", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        auto* copy = new DequeObj();
        Value result = Value::object(copy);
        copy->items = d->items;
        copy->maxlen = d->maxlen;
        (void)vm;
        return result;
    });
    vm.addMethod(c, "__len__", [](VM& vm, const CallArgs& a) {
        return Value::integer(int64_t(selfDeque(vm, a)->items.size()));
    });
    vm.addMethod(c, "__bool__",
                 [](VM& vm, const CallArgs& a) { return Value::boolean(!selfDeque(vm, a)->items.empty()); });
    vm.addMethod(c, "__getitem__", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        return d->items[size_t(dequeIndex(vm, d, a[1]))];
    });
    vm.addMethod(c, "__setitem__", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        d->items[size_t(dequeIndex(vm, d, a[1]))] = a[2];
        return Value::none();
    });
    vm.addMethod(c, "__delitem__", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        d->items.erase(d->items.begin() + dequeIndex(vm, d, a[1]));
        ++d->mutations;
        return Value::none();
    });
    vm.addMethod(c, "__contains__", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        for (const Value& v : d->items)
            if (v.is(a[1]) || vm.equals(v, a[1]))
                return Value::boolean(true);
        return Value::boolean(false);
    });
    vm.addMethod(c, "__iter__", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        auto* it =
            new FunctionIterator(iteratorClasses().generic, [](VM& vm, FunctionIterator& self, Value& out) {
                auto* d = static_cast<DequeObj*>(self.sources[0].asObject());
                if (uint64_t(self.function.asInt()) != d->mutations)
                    vm.raise(ExcType::RuntimeError, "deque mutated during iteration");
                if (self.counter >= int64_t(d->items.size()))
                    return false;
                out = d->items[size_t(self.counter++)];
                return true;
            });
        Value result = Value::object(it);
        it->sources.push_back(a[0]);
        it->function = Value::integer(int64_t(d->mutations));
        return result;
    });
    vm.addMethod(c, "__repr__", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        std::string out = "deque([";
        for (size_t i = 0; i < d->items.size(); ++i) {
            if (i)
                out += ", ";
            out += vm.repr(d->items[i]);
        }
        out += "]";
        if (d->maxlen >= 0)
            out += ", maxlen=" + std::to_string(d->maxlen);
        return vm.newStr(out + ")");
    });
    vm.addMethod(c, "__eq__", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        if (!isKind(a[1], ObjKind::Native) || a[1].asObject()->cls != tDequeClass)
            return vm.notImplemented;
        auto* o = static_cast<DequeObj*>(a[1].asObject());
        if (o->items.size() != d->items.size())
            return Value::boolean(false);
        for (size_t i = 0; i < d->items.size(); ++i)
            if (!vm.equals(d->items[i], o->items[i]))
                return Value::boolean(false);
        return Value::boolean(true);
    });
    auto* maxlen = new PropertyObj();
    c->dict->table.set(vm.intern("maxlen"), Value::object(maxlen));
    maxlen->fget = vm.newNative("deque.maxlen", [](VM& vm, const CallArgs& a) {
        DequeObj* d = selfDeque(vm, a);
        return d->maxlen < 0 ? Value::none() : Value::integer(d->maxlen);
    });
    moduleSet(vm, m, "deque", Value::object(tDequeClass));

    tDefaultDictClass = vm.newBuiltinClass("defaultdict", vm.types.dict, ObjKind::Dict);
    tDefaultDictClass->dict->table.set(vm.intern("__module__"), vm.intern("collections"));
    tDefaultDictClass->construct = constructDefaultDict;
    ClassObj* dd = tDefaultDictClass;
    vm.addMethod(dd, "__init__", [](VM& vm, const CallArgs& a) {
        DictObj* d = a[0].as<DictObj>();
        if (a.count > 2)
            dictUpdateFrom(vm, d, a[2]);
        for (size_t i = 0; i < a.kwCount(); ++i)
            d->table.set(a.kwNames->items[i], a.kwValues[i]);
        return Value::none();
    });
    vm.addMethod(dd, "__missing__", [](VM& vm, const CallArgs& a) {
        DictObj* d = a[0].as<DictObj>();
        if (d->defaultFactory.isEmpty() || d->defaultFactory.isNone())
            vm.raiseValue(vm.newException(vm.excClass(ExcType::KeyError), {a[1]}));
        Value v = vm.call(d->defaultFactory, {});
        d->table.set(a[1], v);
        return v;
    });
    vm.addMethod(dd, "__repr__", [](VM& vm, const CallArgs& a) {
        DictObj* d = a[0].as<DictObj>();
        std::string factory = d->defaultFactory.isEmpty() ? "None" : vm.repr(d->defaultFactory);
        auto* plain = new DictObj();
        Value pv = Value::object(plain);
        size_t pos = 0;
        while (const DictTable::Entry* e = d->table.next(pos))
            plain->table.set(e->key, e->value);
        return vm.newStr("defaultdict(" + factory + ", " + vm.repr(pv) + ")");
    });
    vm.addMethod(dd, "copy", [](VM& vm, const CallArgs& a) {
        DictObj* d = a[0].as<DictObj>();
        auto* copy = new DictObj();
        Value result = Value::object(copy);
        copy->cls = d->cls;
        copy->defaultFactory = d->defaultFactory;
        size_t pos = 0;
        while (const DictTable::Entry* e = d->table.next(pos))
            copy->table.set(e->key, e->value);
        (void)vm;
        return result;
    });
    moduleSet(vm, m, "defaultdict", Value::object(tDefaultDictClass));
    vm.nativeModules["_collections"] = m;
}

} // namespace loopscope
