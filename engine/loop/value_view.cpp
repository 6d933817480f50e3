// Values as the loop inspector shows them (value_view.h).

#include "value_view.h"

#include "../object.h"
#include "../vm.h"

namespace loopscope {

namespace {

constexpr std::string_view kCut = "...";

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

// A list, tuple, dict, set or frozenset itself (not a subclass, which may have its own __repr__).
bool isPlainContainer(VM& vm, const Value& value)
{
    if (!value.isObject())
        return false;
    const ClassObj* cls = value.asObject()->cls;
    const BuiltinTypes& t = vm.types;
    return cls == t.list || cls == t.tuple || cls == t.dict || cls == t.set || cls == t.frozenset;
}

// Containers whose repr is worth keeping for the other frames that hold them.
bool isCacheable(const Value& value)
{
    if (!value.isObject())
        return false;
    switch (value.asObject()->kind) {
    case ObjKind::List:
    case ObjKind::Tuple:
    case ObjKind::Dict:
    case ObjKind::Set:
    case ObjKind::FrozenSet:
    case ObjKind::Instance:
        return true;
    default:
        return false;
    }
}

} // namespace

std::string ValueViewer::wholeRepr(const Value& value)
{
    if (limits_.reprChars == 0)
        return safeRepr(vm_, value);
    std::string out;
    if (appendBoundedRepr(out, value, limits_.reprChars) && out.size() <= limits_.reprChars)
        return out;
    out.resize(limits_.reprChars);
    out += kCut;
    return out;
}

bool ValueViewer::appendBoundedRepr(std::string& out, const Value& value, size_t budget)
{
    if (!isPlainContainer(vm_, value)) {
        out += safeRepr(vm_, value);
        return out.size() <= budget;
    }
    const Obj* o = value.asObject();
    const bool isDict = o->kind == ObjKind::Dict;
    if (inProgress_.count(o)) {
        out += isDict ? "{...}" : o->kind == ObjKind::List ? "[...]" : "...";
        return out.size() <= budget;
    }
    inProgress_.insert(o);
    bool fits = true;
    auto items = [&](const std::vector<Value>& values) {
        for (size_t i = 0; i < values.size() && fits; ++i) {
            if (i)
                out += ", ";
            fits = appendBoundedRepr(out, values[i], budget);
        }
    };
    switch (o->kind) {
    case ObjKind::List:
        out += '[';
        items(static_cast<const ListObj*>(o)->items);
        out += ']';
        break;
    case ObjKind::Tuple: {
        const auto& values = static_cast<const TupleObj*>(o)->items;
        out += '(';
        items(values);
        out += values.size() == 1 ? ",)" : ")";
        break;
    }
    case ObjKind::Set:
    case ObjKind::FrozenSet: {
        const std::vector<Value> keys = static_cast<const SetObj*>(o)->table.keysInOrder();
        const bool frozen = o->kind == ObjKind::FrozenSet;
        if (keys.empty()) {
            out += frozen ? "frozenset()" : "set()";
            break;
        }
        out += frozen ? "frozenset({" : "{";
        items(keys);
        out += frozen ? "})" : "}";
        break;
    }
    case ObjKind::Dict: {
        out += '{';
        const DictTable& table = static_cast<const DictObj*>(o)->table;
        size_t position = 0;
        bool first = true;
        while (const DictTable::Entry* entry = table.next(position)) {
            if (!first)
                out += ", ";
            first = false;
            fits = appendBoundedRepr(out, entry->key, budget);
            if (!fits)
                break;
            out += ": ";
            fits = appendBoundedRepr(out, entry->value, budget);
            if (!fits)
                break;
        }
        out += '}';
        break;
    }
    default:
        break;
    }
    inProgress_.erase(o);
    return fits && out.size() <= budget;
}

std::string ValueViewer::reprOf(const Value& value)
{
    if (!isCacheable(value))
        return wholeRepr(value);
    const void* key = value.asObject();
    auto it = reprs_.find(key);
    if (it == reprs_.end())
        it = reprs_.emplace(key, wholeRepr(value)).first;
    return it->second;
}

void ValueViewer::addItem(ValueView& view, std::string label, const Value& item, int depth)
{
    ++view.itemCount;
    if (view.items.size() < limits_.items)
        view.items.push_back({std::move(label), this->view(item, depth - 1)});
}

ValueView ValueViewer::view(const Value& value, int depth)
{
    ValueView view;
    view.repr = reprOf(value);
    view.reprCut = limits_.reprChars && view.repr.size() > limits_.reprChars;
    view.typeName = vm_.typeOf(value)->name;
    if (depth <= 0 || !value.isObject())
        return view;
    const Obj* o = value.asObject();
    auto sequence = [&](const std::vector<Value>& items) {
        for (size_t i = 0; i < items.size(); ++i)
            addItem(view, std::to_string(i), items[i], depth);
    };
    auto table = [&](const DictTable& entries, bool keysAreNames) {
        size_t position = 0;
        while (const DictTable::Entry* entry = entries.next(position)) {
            std::string label = keysAreNames && isStr(entry->key) ? strText(entry->key) : reprOf(entry->key);
            addItem(view, std::move(label), entry->value, depth);
        }
    };
    switch (o->kind) {
    case ObjKind::List:
        sequence(static_cast<const ListObj*>(o)->items);
        break;
    case ObjKind::Tuple:
        sequence(static_cast<const TupleObj*>(o)->items);
        break;
    case ObjKind::Set:
    case ObjKind::FrozenSet:
        sequence(static_cast<const SetObj*>(o)->table.keysInOrder());
        break;
    case ObjKind::Dict:
        table(static_cast<const DictObj*>(o)->table, false);
        break;
    case ObjKind::Instance:
        // A user object: its attributes, as vars(obj) shows them.
        table(static_cast<const InstanceObj*>(o)->attrs, true);
        break;
    default:
        break;
    }
    return view;
}

} // namespace loopscope
