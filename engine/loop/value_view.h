#pragma once
// A Python value as the loop inspector shows it: its repr, its type, and for a container its
// items (each a ValueView of its own), so that the window can expand a list, a dict or an
// object's attributes without asking the VM again. Taken while the VM lives; afterwards it is
// plain data that any thread may read.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "../value.h"

namespace loopscope {

class VM;

struct ValueView {
    std::string repr;     // repr(value), as CPython prints it; "<repr failed: Type: message>" if it raised
    std::string typeName; // type(value).__name__
    // list, tuple, set, frozenset, deque: ("0", item), ("1", item), ...; dict: (repr(key), value);
    // an object with a __dict__: (attribute, value). Empty for anything else.
    std::vector<std::pair<std::string, ValueView>> items;
    size_t itemCount = 0; // how many items the value holds (items may hold fewer: see the limits)
};

// How much of a value's structure a ValueView keeps. Reprs are always whole (they are what
// CPython shows); only the expandable items are limited.
struct ValueViewLimits {
    int depth = 2;         // levels of items below the value itself
    size_t items = 100;    // items kept per container
};

// Views [value] with [vm]'s repr. May run Python code (a class's __repr__); an exception it
// raises is shown in the repr, never thrown.
ValueView viewValue(VM& vm, const Value& value, const ValueViewLimits& limits = {});

} // namespace loopscope
