#pragma once
// Native iterators of the builtin containers and of the iterator builtins (enumerate, zip,
// map, filter, reversed). Each is an IteratorObj whose next() yields one item at a time.

#include <vector>
#include "../object.h"
#include "../vm.h"

namespace loopscope {

struct SequenceIterator final : IteratorObj {
    SequenceIterator(ClassObj* cls, Value seq) : IteratorObj(cls), seq(std::move(seq)) {}
    bool next(VM& vm, Value& out) override;
    Value seq; // list, tuple, str or bytes, read live
    size_t index = 0;
    size_t byteOffset = 0; // for non-ASCII strs
};

struct RangeIterator final : IteratorObj {
    RangeIterator(ClassObj* cls, int64_t start, int64_t step, int64_t count)
        : IteratorObj(cls), current(start), step(step), remaining(count)
    {
    }
    bool next(VM&, Value& out) override
    {
        if (remaining <= 0)
            return false;
        out = Value::integer(current);
        current += step;
        --remaining;
        return true;
    }
    int64_t current, step, remaining;
};

struct DictIterator final : IteratorObj {
    DictIterator(ClassObj* cls, Value dict, DictViewObj::Which which);
    bool next(VM& vm, Value& out) override;
    Value dict;
    DictViewObj::Which which;
    size_t position = 0;
    size_t initialSize;
};

struct SetIterator final : IteratorObj {
    SetIterator(ClassObj* cls, Value set);
    bool next(VM& vm, Value& out) override;
    Value set;
    size_t position = 0;
    size_t initialSize;
    std::vector<Value> keys; // the set's keys in iteration order, taken when iteration starts
};

// An iterator calling a C++ function for each item: enumerate, zip, map, filter, ...
struct FunctionIterator final : IteratorObj {
    using Step = bool (*)(VM& vm, FunctionIterator& self, Value& out);
    FunctionIterator(ClassObj* cls, Step step) : IteratorObj(cls), step(step) {}
    bool next(VM& vm, Value& out) override { return step(vm, *this, out); }
    Step step;
    std::vector<Value> sources; // underlying iterators
    Value function;             // map/filter function, or Empty
    int64_t counter = 0;        // enumerate's count, reversed's index
    bool strict = false;
    bool exhausted = false;
};

// The native iterator classes, created at VM start.
struct IteratorClasses {
    ClassObj *listIterator, *tupleIterator, *strIterator, *rangeIterator, *dictKeyIterator,
        *dictValueIterator, *dictItemIterator, *setIterator, *enumerate, *zip, *map, *filter, *reversed,
        *callIterator, *generic;
};
IteratorClasses& iteratorClasses();
void registerIteratorClasses(VM& vm);

} // namespace loopscope
