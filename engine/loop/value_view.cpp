// Values as the loop inspector shows them (value_view.h).

#include "value_view.h"

#include "../object.h"
#include "../vm.h"

namespace loopscope {

namespace {

std::string safeRepr(VM& vm, const Value& value)
{
    try {
        return vm.repr(value);
    } catch (PyException& e) {
        // A __repr__ that raises must not end the read-out: say so where the repr would be.
        std::string text = vm.typeOf(e.exception)->name;
        try {
            const std::string message = vm.str(e.exception);
            if (!message.empty())
                text += ": " + message;
        } catch (PyException&) {
        }
        return "<repr failed: " + text + ">";
    }
}

void addItem(VM& vm, ValueView& view, std::string label, const Value& item, const ValueViewLimits& limits)
{
    ++view.itemCount;
    if (view.items.size() >= limits.items)
        return;
    ValueViewLimits inner = limits;
    --inner.depth;
    view.items.emplace_back(std::move(label), viewValue(vm, item, inner));
}

void addSequence(VM& vm, ValueView& view, const auto& items, const ValueViewLimits& limits)
{
    size_t index = 0;
    for (const Value& item : items)
        addItem(vm, view, std::to_string(index++), item, limits);
}

void addTable(VM& vm, ValueView& view, const DictTable& table, bool keysAreNames, const ValueViewLimits& limits)
{
    size_t position = 0;
    while (const DictTable::Entry* entry = table.next(position)) {
        std::string label = keysAreNames && isStr(entry->key) ? strText(entry->key) : safeRepr(vm, entry->key);
        addItem(vm, view, std::move(label), entry->value, limits);
    }
}

} // namespace

ValueView viewValue(VM& vm, const Value& value, const ValueViewLimits& limits)
{
    ValueView view;
    view.repr = safeRepr(vm, value);
    view.typeName = vm.typeOf(value)->name;
    if (limits.depth <= 0 || !value.isObject())
        return view;
    const Obj* o = value.asObject();
    switch (o->kind) {
    case ObjKind::List:
        addSequence(vm, view, static_cast<const ListObj*>(o)->items, limits);
        break;
    case ObjKind::Tuple:
        addSequence(vm, view, static_cast<const TupleObj*>(o)->items, limits);
        break;
    case ObjKind::Set:
    case ObjKind::FrozenSet:
        addSequence(vm, view, static_cast<const SetObj*>(o)->table.keysInOrder(), limits);
        break;
    case ObjKind::Dict:
        addTable(vm, view, static_cast<const DictObj*>(o)->table, false, limits);
        break;
    case ObjKind::Instance:
        // A user object: its attributes, as vars(obj) shows them.
        addTable(vm, view, static_cast<const InstanceObj*>(o)->attrs, true, limits);
        break;
    default:
        break;
    }
    return view;
}

} // namespace loopscope
