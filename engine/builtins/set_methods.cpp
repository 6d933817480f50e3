// Methods and operators of set and frozenset.

#include "../vm.h"

namespace loopscope {

static SetObj* selfSet(VM& vm, const CallArgs& a, const char* name)
{
    if (a.count == 0 || !(isKind(a[0], ObjKind::Set) || isKind(a[0], ObjKind::FrozenSet)))
        vm.raise(ExcType::TypeError,
                 std::string("descriptor '") + name + "' for 'set' objects doesn't apply");
    return a[0].as<SetObj>();
}

static std::vector<Value> setItems(const SetObj* s)
{
    return s->table.keysInOrder();
}

static Value newSetLike(const Value& like)
{
    return Value::object(new SetObj(isKind(like, ObjKind::FrozenSet)));
}

Value setBinaryOp(VM& vm, BinaryOp op, const Value& a, const Value& b)
{
    (void)vm;
    Value result = newSetLike(a);
    auto* out = result.as<SetObj>();
    auto* x = a.as<SetObj>();
    auto* y = b.as<SetObj>();
    switch (op) {
    case BinaryOp::Or:
        for (const Value& v : setItems(x))
            out->table.add(v);
        for (const Value& v : setItems(y))
            out->table.add(v);
        break;
    case BinaryOp::And:
        for (const Value& v : setItems(x))
            if (y->table.contains(v))
                out->table.add(v);
        break;
    case BinaryOp::Sub:
        for (const Value& v : setItems(x))
            if (!y->table.contains(v))
                out->table.add(v);
        break;
    case BinaryOp::Xor:
        for (const Value& v : setItems(x))
            if (!y->table.contains(v))
                out->table.add(v);
        for (const Value& v : setItems(y))
            if (!x->table.contains(v))
                out->table.add(v);
        break;
    default:
        break;
    }
    return result;
}

// union/intersection/difference/symmetric_difference accept any iterables.
static Value setMethodOp(VM& vm, const CallArgs& a, BinaryOp op, const char* name)
{
    selfSet(vm, a, name);
    Value acc = a[0];
    if (a.count == 1) {
        Value copy = newSetLike(a[0]);
        for (const Value& v : setItems(a[0].as<SetObj>()))
            copy.as<SetObj>()->table.add(v);
        return copy;
    }
    for (size_t i = 1; i < a.count; ++i) {
        Value other = a[i];
        if (!isKind(other, ObjKind::Set) && !isKind(other, ObjKind::FrozenSet)) {
            Value s = Value::object(new SetObj());
            for (const Value& v : vm.toVector(other))
                s.as<SetObj>()->table.add(v);
            other = s;
        }
        acc = setBinaryOp(vm, op, acc, other);
    }
    return acc;
}

static Value setUpdateOp(VM& vm, const CallArgs& a, BinaryOp op, const char* name)
{
    SetObj* s = selfSet(vm, a, name);
    Value r = setMethodOp(vm, a, op, name);
    s->table.clear();
    for (const Value& v : setItems(r.as<SetObj>()))
        s->table.add(v);
    return Value::none();
}

void registerSetMethods(VM& vm)
{
    for (ClassObj* c : {vm.types.set, vm.types.frozenset}) {
        vm.addMethod(c, "union",
                     [](VM& vm, const CallArgs& a) { return setMethodOp(vm, a, BinaryOp::Or, "union"); });
        vm.addMethod(c, "intersection", [](VM& vm, const CallArgs& a) {
            return setMethodOp(vm, a, BinaryOp::And, "intersection");
        });
        vm.addMethod(c, "difference", [](VM& vm, const CallArgs& a) {
            return setMethodOp(vm, a, BinaryOp::Sub, "difference");
        });
        vm.addMethod(c, "symmetric_difference", [](VM& vm, const CallArgs& a) {
            return setMethodOp(vm, a, BinaryOp::Xor, "symmetric_difference");
        });
        vm.addMethod(c, "issubset", [](VM& vm, const CallArgs& a) {
            SetObj* s = selfSet(vm, a, "issubset");
            Value other = a[1];
            std::vector<Value> items = vm.toVector(other);
            Value set = Value::object(new SetObj());
            for (const Value& v : items)
                set.as<SetObj>()->table.add(v);
            for (const Value& v : setItems(s))
                if (!set.as<SetObj>()->table.contains(v))
                    return Value::boolean(false);
            return Value::boolean(true);
        });
        vm.addMethod(c, "issuperset", [](VM& vm, const CallArgs& a) {
            SetObj* s = selfSet(vm, a, "issuperset");
            for (const Value& v : vm.toVector(a[1]))
                if (!s->table.contains(v))
                    return Value::boolean(false);
            return Value::boolean(true);
        });
        vm.addMethod(c, "isdisjoint", [](VM& vm, const CallArgs& a) {
            SetObj* s = selfSet(vm, a, "isdisjoint");
            for (const Value& v : vm.toVector(a[1]))
                if (s->table.contains(v))
                    return Value::boolean(false);
            return Value::boolean(true);
        });
        vm.addMethod(c, "copy", [](VM& vm, const CallArgs& a) {
            return setMethodOp(vm, CallArgs{a.args, 1}, BinaryOp::Or, "copy");
        });
        vm.addMethod(c, "__len__", [](VM& vm, const CallArgs& a) { return Value::integer(vm.length(a[0])); });
        vm.addMethod(c, "__contains__",
                     [](VM& vm, const CallArgs& a) { return Value::boolean(vm.contains(a[0], a[1])); });
        vm.addMethod(c, "__iter__", [](VM& vm, const CallArgs& a) { return vm.getIter(a[0]); });
    }
    ClassObj* s = vm.types.set;
    vm.addMethod(s, "add", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "set.add", 2, 2);
        selfSet(vm, a, "add")->table.add(a[1]);
        return Value::none();
    });
    vm.addMethod(s, "discard", [](VM& vm, const CallArgs& a) {
        selfSet(vm, a, "discard")->table.discard(a[1]);
        return Value::none();
    });
    vm.addMethod(s, "remove", [](VM& vm, const CallArgs& a) {
        if (!selfSet(vm, a, "remove")->table.discard(a[1]))
            vm.raiseValue(vm.newException(vm.excClass(ExcType::KeyError), {a[1]}));
        return Value::none();
    });
    vm.addMethod(s, "pop", [](VM& vm, const CallArgs& a) {
        SetObj* set = selfSet(vm, a, "pop");
        for (const Value& key : set->table.keysInOrder()) {
            {
                Value v = key;
                set->table.discard(v);
                return v;
            }
        }
        vm.raise(ExcType::KeyError, "pop from an empty set");
    });
    vm.addMethod(s, "clear", [](VM& vm, const CallArgs& a) {
        selfSet(vm, a, "clear")->table.clear();
        return Value::none();
    });
    vm.addMethod(s, "update",
                 [](VM& vm, const CallArgs& a) { return setUpdateOp(vm, a, BinaryOp::Or, "update"); });
    vm.addMethod(s, "intersection_update", [](VM& vm, const CallArgs& a) {
        return setUpdateOp(vm, a, BinaryOp::And, "intersection_update");
    });
    vm.addMethod(s, "difference_update", [](VM& vm, const CallArgs& a) {
        return setUpdateOp(vm, a, BinaryOp::Sub, "difference_update");
    });
    vm.addMethod(s, "symmetric_difference_update", [](VM& vm, const CallArgs& a) {
        return setUpdateOp(vm, a, BinaryOp::Xor, "symmetric_difference_update");
    });
}

} // namespace loopscope
