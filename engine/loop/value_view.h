#pragma once
// A Python value as the loop inspector shows it: its repr, its type, and for a container its
// items (each a ValueView of its own), so that the window can expand a list, a dict or an
// object's attributes without asking the VM again. Taken while the VM lives; afterwards it is
// plain data that any thread may read.

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "../value.h"

namespace loopscope {

class VM;

struct ValueViewItem;

struct ValueView {
    std::string repr;     // repr(value) as CPython prints it ("<repr failed: Type: message>" if it raised)
    bool reprCut = false; // the repr was cut at ValueViewLimits::reprChars (it ends with "...")
    std::string typeName; // type(value).__name__
    // list, tuple, set, frozenset: ("0", item), ("1", item), ...; dict: (repr(key), value); an
    // object with a __dict__: (attribute, value). Empty for anything else.
    // (A struct, not std::pair: a pair's constructors ask whether ValueView, still incomplete
    // here, is default-constructible, which clang refuses.)
    std::vector<ValueViewItem> items;
    size_t itemCount = 0; // how many items the value holds (items may hold fewer: see the limits)
};

struct ValueViewItem {
    std::string label; // "0", repr(key) or the attribute's name
    ValueView value;
};

// How much of a value a ValueView keeps.
struct ValueViewLimits {
    int depth = 2;        // levels of items below the value itself (0: the repr only)
    size_t items = 100;   // items kept per container
    size_t reprChars = 0; // reprs cut after this many bytes (0: whole, as `loopscope state` needs)
};

// Views values with one VM's repr. Within one viewer a container's repr is made once, however
// many frames hold it (one list shared by 100 workers costs one repr). May run Python code (a
// class's __repr__); an exception it raises is shown in the repr, never thrown.
class ValueViewer {
  public:
    ValueViewer(VM& vm, const ValueViewLimits& limits) : vm_(vm), limits_(limits) {}
    ValueView view(const Value& value) { return view(value, limits_.depth); }

  private:
    ValueView view(const Value& value, int depth);
    std::string reprOf(const Value& value);
    std::string wholeRepr(const Value& value);
    // A builtin container's repr built item by item and cut once it is longer than [budget].
    bool appendBoundedRepr(std::string& out, const Value& value, size_t budget);
    void addItem(ValueView& view, std::string label, const Value& item, int depth);

    VM& vm_;
    ValueViewLimits limits_;
    std::unordered_map<const void*, std::string> reprs_; // by object: containers only
    std::unordered_set<const void*> inProgress_;         // the bounded repr's containers being written
};

} // namespace loopscope
