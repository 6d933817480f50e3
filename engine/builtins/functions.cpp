// The builtin functions (print, len, sorted, isinstance, ...) and the helpers they share.

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "../bigint.h"
#include "../format/float_repr.h"
#include "../format/format_spec.h"
#include "iterators.h"

namespace loopscope {

// -- Helpers ---------------------------------------------------------------------------------------

void checkArgs(VM& vm, const CallArgs& args, const char* name, size_t min, size_t max)
{
    if (args.count < min || args.count > max) {
        std::string expected = min == max         ? "exactly " + std::to_string(min)
                               : args.count < min ? "at least " + std::to_string(min)
                                                  : "at most " + std::to_string(max);
        size_t n = args.count;
        vm.raise(ExcType::TypeError, std::string(name) + "() takes " + expected + " argument" +
                                         (min == max && min == 1 ? "" : "s") + " (" + std::to_string(n) +
                                         " given)");
    }
}

static void noKeywords(VM& vm, const CallArgs& a, const char* name)
{
    if (a.kwCount())
        vm.raise(ExcType::TypeError, std::string(name) + "() takes no keyword arguments");
}

Value makeModule(VM& vm, const std::string& name)
{
    Value module = Value::object(new ModuleObj(vm.intern(name)));
    auto& globals = module.as<ModuleObj>()->dict()->table;
    globals.set(Value::object(vm.names.__name__), vm.intern(name));
    globals.set(Value::object(vm.names.__builtins__), vm.builtinsDict);
    globals.set(Value::object(vm.names.__doc__), Value::none());
    return module;
}

void moduleSet(VM& vm, const Value& module, const char* name, Value value)
{
    module.as<ModuleObj>()->dict()->table.set(vm.intern(name), std::move(value));
}

void moduleAddFunction(VM& vm, const Value& module, const char* name, NativeFn fn)
{
    std::string qualified = name;
    moduleSet(vm, module, name, vm.newNative(qualified, fn));
}

std::vector<uint32_t> utf8Decode(std::string_view s)
{
    std::vector<uint32_t> out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        uint32_t cp;
        size_t n;
        if (c < 0x80) {
            cp = c;
            n = 1;
        } else if ((c >> 5) == 0x6) {
            cp = c & 0x1f;
            n = 2;
        } else if ((c >> 4) == 0xE) {
            cp = c & 0x0f;
            n = 3;
        } else {
            cp = c & 0x07;
            n = 4;
        }
        for (size_t k = 1; k < n && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
        out.push_back(cp);
        i += n;
    }
    return out;
}

std::string utf8EncodeAll(const std::vector<uint32_t>& cps)
{
    std::string out;
    for (uint32_t cp : cps)
        out += utf8Encode(cp);
    return out;
}

std::string strRepr(std::string_view s); // object_protocols.cpp

std::string asciiOf(VM& vm, const Value& v)
{
    std::string r = vm.repr(v);
    std::string out;
    for (uint32_t cp : utf8Decode(r)) {
        char buf[16];
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x100) {
            std::snprintf(buf, sizeof buf, "\\x%02x", cp);
            out += buf;
        } else if (cp < 0x10000) {
            std::snprintf(buf, sizeof buf, "\\u%04x", cp);
            out += buf;
        } else {
            std::snprintf(buf, sizeof buf, "\\U%08x", cp);
            out += buf;
        }
    }
    return out;
}

static std::string stripSpaces(const std::string& text)
{
    size_t a = text.find_first_not_of(" \t\n\r\f\v");
    if (a == std::string::npos)
        return "";
    size_t b = text.find_last_not_of(" \t\n\r\f\v");
    return text.substr(a, b - a + 1);
}

Value parseIntText(VM& vm, const std::string& text, int64_t base)
{
    std::string s = stripSpaces(text);
    std::string digits;
    bool negative = false;
    size_t i = 0;
    auto invalid = [&]() {
        vm.raise(ExcType::ValueError,
                 "invalid literal for int() with base " + std::to_string(base) + ": " + strRepr(text));
    };
    if (base != 0 && (base < 2 || base > 36))
        vm.raise(ExcType::ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        negative = s[i] == '-';
        ++i;
    }
    if (i + 1 < s.size() && s[i] == '0') {
        char p = char(std::tolower(s[i + 1]));
        int prefixBase = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (prefixBase && (base == 0 || base == prefixBase)) {
            base = prefixBase;
            i += 2;
            if (i < s.size() && s[i] == '_')
                ++i;
        }
    }
    if (base == 0) {
        base = 10;
        if (s.size() - i > 1 && s[i] == '0' && s.find_first_not_of("0_", i) != std::string::npos)
            invalid();
    }
    std::string digitText;
    bool lastUnderscore = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c == '_') {
            if (digitText.empty() || lastUnderscore)
                invalid();
            lastUnderscore = true;
            continue;
        }
        lastUnderscore = false;
        int d = std::isdigit(static_cast<unsigned char>(c))   ? c - '0'
                : std::isalpha(static_cast<unsigned char>(c)) ? std::tolower(c) - 'a' + 10
                                                              : 99;
        if (d >= base)
            invalid();
        digitText += c;
    }
    if (digitText.empty() || lastUnderscore)
        invalid();
    return intFromDigits(vm, digitText, int(base), negative);
}

Value parseFloatText(VM& vm, const std::string& text)
{
    std::string s = stripSpaces(text);
    std::string lower;
    for (char c : s)
        if (c != '_')
            lower += char(std::tolower(static_cast<unsigned char>(c)));
    std::string body = lower;
    bool negative = false;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        negative = body[0] == '-';
        body = body.substr(1);
    }
    if (body == "inf" || body == "infinity")
        return Value::floating(negative ? -INFINITY : INFINITY);
    if (body == "nan")
        return Value::floating(NAN);
    bool ok = !body.empty() && body.find_first_not_of("0123456789.e+-") == std::string::npos &&
              (std::isdigit(static_cast<unsigned char>(body[0])) || body[0] == '.');
    if (ok) {
        errno = 0;
        char* end = nullptr;
        double d = std::strtod(lower.c_str(), &end);
        if (end && *end == '\0')
            return Value::floating(d);
    }
    vm.raise(ExcType::ValueError, "could not convert string to float: " + strRepr(text));
}

// -- Output ----------------------------------------------------------------------------------------

Value sysStreamWrite(VM& vm, const Value& stream, const std::string& text); // builtins/modules.cpp

static Value builtinPrint(VM& vm, const CallArgs& a)
{
    std::string sep = " ", end = "\n";
    Value file;
    for (size_t i = 0; i < a.kwCount(); ++i) {
        const std::string& k = strText(a.kwNames->items[i]);
        const Value& v = a.kwValues[i];
        if (k == "sep" || k == "end") {
            if (!v.isNone() && !isStr(v))
                vm.raise(ExcType::TypeError, k + " must be None or a string, not " + vm.typeName(v));
            if (isStr(v))
                (k == "sep" ? sep : end) = strText(v);
        } else if (k == "file") {
            file = v;
        } else if (k != "flush") {
            vm.raise(ExcType::TypeError, "'" + k + "' is an invalid keyword argument for print()");
        }
    }
    std::string text;
    for (size_t i = 0; i < a.count; ++i) {
        if (i)
            text += sep;
        text += vm.str(a[i]);
    }
    text += end;
    if (file.isEmpty() || file.isNone())
        vm.writeStdout(text);
    else
        sysStreamWrite(vm, file, text);
    return Value::none();
}

// -- Builtins --------------------------------------------------------------------------------------

static Value builtinLen(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "len", 1, 1);
    return Value::integer(vm.length(a[0]));
}

static Value builtinRepr(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "repr", 1, 1);
    return vm.newStr(vm.repr(a[0]));
}

static Value builtinAscii(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "ascii", 1, 1);
    return vm.newStr(asciiOf(vm, a[0]));
}

static Value builtinAbs(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "abs", 1, 1);
    const Value& v = a[0];
    if (isInteger(v))
        return intAbs(v);
    if (v.isFloat())
        return Value::floating(std::fabs(v.asFloat()));
    if (isUserKind(v)) {
        Value m = vm.lookupSpecial(v, vm.names.__abs__);
        if (!m.isEmpty())
            return vm.call(m, {v});
    }
    vm.raise(ExcType::TypeError, "bad operand type for abs(): '" + vm.typeName(v) + "'");
}

// min() and max() with their key= and default= keywords.
static Value minMax(VM& vm, const CallArgs& a, bool isMax)
{
    const char* name = isMax ? "max" : "min";
    const Value* key = a.keyword("key");
    const Value* dflt = a.keyword("default");
    if (a.count == 0)
        vm.raise(ExcType::TypeError, std::string(name) + " expected at least 1 argument, got 0");
    std::vector<Value> items;
    if (a.count == 1) {
        items = vm.toVector(a[0]);
    } else {
        if (dflt)
            vm.raise(ExcType::TypeError, std::string("Cannot specify a default for ") + name +
                                             "() with multiple positional arguments");
        items.assign(a.args, a.args + a.count);
    }
    if (items.empty()) {
        if (dflt)
            return *dflt;
        vm.raise(ExcType::ValueError, std::string(name) + "() arg is an empty sequence");
    }
    vm.chargeWork(items.size());
    Value best = items[0];
    Value bestKey = key && !key->isNone() ? vm.call(*key, {best}) : best;
    for (size_t i = 1; i < items.size(); ++i) {
        Value k = key && !key->isNone() ? vm.call(*key, {items[i]}) : items[i];
        if (vm.compare(k, bestKey, isMax ? CompareKind::Gt : CompareKind::Lt)) {
            best = items[i];
            bestKey = k;
        }
    }
    return best;
}

static Value builtinSum(VM& vm, const CallArgs& a)
{
    if (a.count < 1 || a.count > 2)
        vm.raise(ExcType::TypeError,
                 "sum() takes at most 2 arguments (" + std::to_string(a.count) + " given)");
    Value total = a.count > 1 ? a[1] : (a.keyword("start") ? *a.keyword("start") : Value::integer(0));
    if (isStr(total))
        vm.raise(ExcType::TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    Value it = vm.getIter(a[0]);
    Value item;
    while (vm.iterNext(it, item)) {
        if (total.isInt() && item.isInt()) {
            int64_t r;
            if (!__builtin_add_overflow(total.asInt(), item.asInt(), &r)) {
                total = Value::integer(r);
                continue;
            }
        }
        total = vm.binaryOp(BinaryOp::Add, total, item);
    }
    return total;
}

// Sorts [items] stably by [key] (may be None), descending if [reverse]. Works on a copy so
// an exception from a comparison leaves the caller's list intact.
void sortValues(VM& vm, std::vector<Value>& items, const Value& key, bool reverse)
{
    // About n log2 n comparisons.
    vm.chargeWork(uint64_t(items.size()) * uint64_t(std::bit_width(items.size())));
    std::vector<Value> keys;
    bool useKey = !key.isEmpty() && !key.isNone();
    keys.reserve(items.size());
    for (const Value& v : items)
        keys.push_back(useKey ? vm.call(key, {v}) : v);
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    if (reverse)
        std::reverse(order.begin(), order.end());
    // CPython sorts reversed input ascending and reverses the result, which keeps equal keys
    // in their original order either way.
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        const Value& kx = keys[x];
        const Value& ky = keys[y];
        if (kx.isInt() && ky.isInt())
            return kx.asInt() < ky.asInt();
        return vm.compare(kx, ky, CompareKind::Lt);
    });
    if (reverse)
        std::reverse(order.begin(), order.end());
    std::vector<Value> sorted;
    sorted.reserve(items.size());
    for (size_t i : order)
        sorted.push_back(items[i]);
    items = std::move(sorted);
}

static Value builtinSorted(VM& vm, const CallArgs& a)
{
    if (a.count != 1)
        vm.raise(ExcType::TypeError, "sorted expected 1 argument, got " + std::to_string(a.count));
    std::vector<Value> items = vm.toVector(a[0]);
    const Value* key = a.keyword("key");
    const Value* reverse = a.keyword("reverse");
    sortValues(vm, items, key ? *key : Value(), reverse && vm.truthy(*reverse));
    return vm.newList(std::move(items));
}

static Value builtinReversed(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "reversed", 1, 1);
    const Value& v = a[0];
    if (isKind(v, ObjKind::List) || isKind(v, ObjKind::Tuple) || isKind(v, ObjKind::Str) ||
        isKind(v, ObjKind::Range)) {
        auto* it =
            new FunctionIterator(iteratorClasses().reversed, [](VM& vm, FunctionIterator& self, Value& out) {
                if (self.counter <= 0)
                    return false;
                const Value& seq = self.sources[0];
                int64_t n = vm.length(seq);
                if (self.counter > n) {
                    self.counter = 0;
                    return false;
                }
                out = vm.getItem(seq, Value::integer(--self.counter));
                return true;
            });
        Value result = Value::object(it);
        it->sources.push_back(v);
        it->counter = vm.length(v);
        return result;
    }
    if (isKind(v, ObjKind::Dict) || isKind(v, ObjKind::DictView)) {
        std::vector<Value> items = vm.toVector(v);
        std::reverse(items.begin(), items.end());
        return vm.getIter(vm.newList(std::move(items)));
    }
    Value m = vm.lookupSpecial(v, vm.names.__reversed__);
    if (!m.isEmpty())
        return vm.call(m, {v});
    if (!vm.lookupSpecial(v, vm.names.__getitem__).isEmpty() &&
        !vm.lookupSpecial(v, vm.names.__len__).isEmpty()) {
        std::vector<Value> items;
        for (int64_t i = vm.length(v); i-- > 0;)
            items.push_back(vm.getItem(v, Value::integer(i)));
        return vm.getIter(vm.newList(std::move(items)));
    }
    vm.raise(ExcType::TypeError, "'" + vm.typeName(v) + "' object is not reversible");
}

static Value builtinEnumerate(VM& vm, const CallArgs& a)
{
    if (a.count < 1 || a.count > 2)
        vm.raise(ExcType::TypeError, "enumerate() takes at most 2 arguments");
    auto* it =
        new FunctionIterator(iteratorClasses().enumerate, [](VM& vm, FunctionIterator& self, Value& out) {
            Value item;
            if (!vm.iterNext(self.sources[0], item))
                return false;
            int64_t n = self.counter++;
            out = vm.newTuple({Value::integer(n), std::move(item)});
            return true;
        });
    Value result = Value::object(it);
    it->sources.push_back(vm.getIter(a[0]));
    const Value* start = a.count > 1 ? &a[1] : a.keyword("start");
    it->counter = start ? vm.toIndex(*start) : 0;
    return result;
}

static Value builtinZip(VM& vm, const CallArgs& a)
{
    auto* it = new FunctionIterator(iteratorClasses().zip, [](VM& vm, FunctionIterator& self, Value& out) {
        if (self.sources.empty() || self.exhausted)
            return false;
        std::vector<Value> items;
        for (size_t i = 0; i < self.sources.size(); ++i) {
            Value item;
            if (!vm.iterNext(self.sources[i], item)) {
                self.exhausted = true;
                if (self.strict) {
                    if (i > 0)
                        vm.raise(ExcType::ValueError, "zip() argument " + std::to_string(i + 1) +
                                                          " is shorter than argument" +
                                                          (i == 1 ? " 1" : "s 1-" + std::to_string(i)));
                    for (size_t j = 1; j < self.sources.size(); ++j) {
                        Value extra;
                        if (vm.iterNext(self.sources[j], extra))
                            vm.raise(ExcType::ValueError, "zip() argument " + std::to_string(j + 1) +
                                                              " is longer than argument" +
                                                              (j == 1 ? " 1" : "s 1-" + std::to_string(j)));
                    }
                }
                return false;
            }
            items.push_back(std::move(item));
        }
        out = vm.newTuple(std::move(items));
        return true;
    });
    Value result = Value::object(it);
    for (size_t i = 0; i < a.count; ++i)
        it->sources.push_back(vm.getIter(a[i]));
    if (const Value* strict = a.keyword("strict"))
        it->strict = vm.truthy(*strict);
    return result;
}

static Value builtinMap(VM& vm, const CallArgs& a)
{
    if (a.count < 2)
        vm.raise(ExcType::TypeError, "map() must have at least two arguments.");
    auto* it = new FunctionIterator(iteratorClasses().map, [](VM& vm, FunctionIterator& self, Value& out) {
        std::vector<Value> args;
        for (const Value& src : self.sources) {
            Value item;
            if (!vm.iterNext(src, item))
                return false;
            args.push_back(std::move(item));
        }
        CallArgs ca;
        ca.args = args.data();
        ca.count = args.size();
        out = vm.call(self.function, ca);
        return true;
    });
    Value result = Value::object(it);
    it->function = a[0];
    for (size_t i = 1; i < a.count; ++i)
        it->sources.push_back(vm.getIter(a[i]));
    return result;
}

static Value builtinFilter(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "filter", 2, 2);
    auto* it = new FunctionIterator(iteratorClasses().filter, [](VM& vm, FunctionIterator& self, Value& out) {
        Value item;
        while (vm.iterNext(self.sources[0], item)) {
            bool keep = self.function.isNone() ? vm.truthy(item) : vm.truthy(vm.call(self.function, {item}));
            if (keep) {
                out = std::move(item);
                return true;
            }
        }
        return false;
    });
    Value result = Value::object(it);
    it->function = a[0];
    it->sources.push_back(vm.getIter(a[1]));
    return result;
}

static Value builtinAnyAll(VM& vm, const CallArgs& a, bool isAll)
{
    checkArgs(vm, a, isAll ? "all" : "any", 1, 1);
    Value it = vm.getIter(a[0]);
    Value item;
    while (vm.iterNext(it, item))
        if (vm.truthy(item) != isAll)
            return Value::boolean(!isAll);
    return Value::boolean(isAll);
}

static bool isInstanceCheck(VM& vm, const Value& obj, const Value& cls, const char* fn)
{
    if (isKind(cls, ObjKind::Tuple)) {
        for (const Value& c : cls.as<TupleObj>()->items)
            if (isInstanceCheck(vm, obj, c, fn))
                return true;
        return false;
    }
    if (!isKind(cls, ObjKind::Class))
        vm.raise(ExcType::TypeError,
                 std::string(fn) + "() arg 2 must be a type, a tuple of types, or a union");
    if (vm.typeOf(obj)->isSubclassOf(cls.as<ClassObj>()))
        return true;
    // A metaclass may widen the test (abc's virtual subclasses, typing's protocols).
    if (!vm.typeOf(cls)->builtin) {
        Value hook = vm.lookupSpecial(cls, vm.internStr("__instancecheck__"));
        if (!hook.isEmpty())
            return vm.truthy(vm.call(hook, {cls, obj}));
    }
    return false;
}

static Value builtinIsinstance(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "isinstance", 2, 2);
    return Value::boolean(isInstanceCheck(vm, a[0], a[1], "isinstance"));
}

static Value builtinIssubclass(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "issubclass", 2, 2);
    if (!isKind(a[0], ObjKind::Class))
        vm.raise(ExcType::TypeError, "issubclass() arg 1 must be a class");
    std::vector<Value> classes =
        isKind(a[1], ObjKind::Tuple) ? a[1].as<TupleObj>()->items : std::vector<Value>{a[1]};
    for (const Value& c : classes) {
        if (!isKind(c, ObjKind::Class))
            vm.raise(ExcType::TypeError,
                     "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        if (a[0].as<ClassObj>()->isSubclassOf(c.as<ClassObj>()))
            return Value::boolean(true);
        if (!vm.typeOf(c)->builtin) {
            Value hook = vm.lookupSpecial(c, vm.internStr("__subclasscheck__"));
            if (!hook.isEmpty() && vm.truthy(vm.call(hook, {c, a[0]})))
                return Value::boolean(true);
        }
    }
    return Value::boolean(false);
}

static StrObj* attrName(VM& vm, const Value& v, const char* fn)
{
    if (!isStr(v))
        vm.raise(ExcType::TypeError,
                 std::string(fn) + "(): attribute name must be string, not '" + vm.typeName(v) + "'");
    // A name written in the program is interned already: no need to look it up again.
    return v.as<StrObj>()->interned ? v.as<StrObj>() : vm.internStr(strText(v));
}

static Value builtinGetattr(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "getattr", 2, 3);
    StrObj* name = attrName(vm, a[1], "getattr");
    if (a.count == 3) {
        Value out;
        if (vm.tryGetAttr(a[0], name, out))
            return out;
        return a[2];
    }
    return vm.getAttr(a[0], name);
}

static Value builtinSetattr(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "setattr", 3, 3);
    vm.setAttr(a[0], attrName(vm, a[1], "setattr"), a[2]);
    return Value::none();
}

static Value builtinDelattr(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "delattr", 2, 2);
    vm.delAttr(a[0], attrName(vm, a[1], "delattr"));
    return Value::none();
}

static Value builtinHasattr(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "hasattr", 2, 2);
    Value out;
    return Value::boolean(vm.tryGetAttr(a[0], attrName(vm, a[1], "hasattr"), out));
}

static Value builtinCallable(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "callable", 1, 1);
    return Value::boolean(vm.isCallable(a[0]));
}

static Value builtinChr(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "chr", 1, 1);
    int64_t cp = vm.toIndex(a[0]);
    if (cp < 0 || cp >= 0x110000)
        vm.raise(ExcType::ValueError, "chr() arg not in range(0x110000)");
    return vm.newStr(utf8Encode(uint32_t(cp)));
}

static Value builtinOrd(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "ord", 1, 1);
    if (isKind(a[0], ObjKind::Bytes)) {
        const std::string& d = a[0].as<BytesObj>()->data;
        if (d.size() != 1)
            vm.raise(ExcType::TypeError, "ord() expected a character, but string of length " +
                                             std::to_string(d.size()) + " found");
        return Value::integer(static_cast<unsigned char>(d[0]));
    }
    if (!isStr(a[0]))
        vm.raise(ExcType::TypeError,
                 "ord() expected string of length 1, but " + vm.typeName(a[0]) + " found");
    std::vector<uint32_t> cps = utf8Decode(strText(a[0]));
    if (cps.size() != 1)
        vm.raise(ExcType::TypeError,
                 "ord() expected a character, but string of length " + std::to_string(cps.size()) + " found");
    return Value::integer(cps[0]);
}

static Value radix(VM& vm, const CallArgs& a, const char* name, int base, const char* prefix)
{
    checkArgs(vm, a, name, 1, 1);
    Value v = a[0];
    if (!isInteger(v)) {
        Value index = vm.lookupSpecial(v, vm.names.__index__);
        if (!isUserKind(v) || index.isEmpty())
            vm.raise(ExcType::TypeError,
                     "'" + vm.typeName(v) + "' object cannot be interpreted as an integer");
        v = vm.call(index, {v});
    }
    std::string digits = intToString(vm, intAbs(v), base);
    return vm.newStr((intSign(v) < 0 ? "-" : "") + std::string(prefix) + digits);
}

static Value builtinDivmod(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "divmod", 2, 2);
    if (isInteger(a[0]) && isInteger(a[1]) && intSign(a[1]) == 0)
        vm.raise(ExcType::ZeroDivisionError, "integer division or modulo by zero");
    bool floats = (a[0].isFloat() || a[1].isFloat()) && (a[0].isFloat() || isInteger(a[0])) &&
                  (a[1].isFloat() || isInteger(a[1]));
    if (floats && (a[1].isFloat() ? a[1].asFloat() == 0 : intSign(a[1]) == 0))
        vm.raise(ExcType::ZeroDivisionError, "float divmod()");
    Value q = vm.binaryOp(BinaryOp::FloorDiv, a[0], a[1]);
    Value r = vm.binaryOp(BinaryOp::Mod, a[0], a[1]);
    return vm.newTuple({q, r});
}

static Value builtinPow(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "pow", 2, 3);
    if (a.count == 3 && !a[2].isNone()) {
        if (!isInteger(a[0]) || !isInteger(a[1]) || !isInteger(a[2]))
            vm.raise(ExcType::TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        return intPowMod(vm, a[0], a[1], a[2]);
    }
    return vm.binaryOp(BinaryOp::Pow, a[0], a[1]);
}

static Value builtinRound(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "round", 1, 2);
    const Value& v = a[0];
    bool hasDigits = a.count > 1 && !a[1].isNone();
    if (const Value* nd = a.keyword("ndigits"))
        hasDigits = !nd->isNone();
    Value digitsValue = a.count > 1 ? a[1] : (a.keyword("ndigits") ? *a.keyword("ndigits") : Value::none());
    if (isInteger(v)) {
        Value self = v.isBool() ? Value::integer(v.asInt()) : v;
        if (!hasDigits)
            return self;
        int64_t nd = vm.toIndex(digitsValue);
        if (nd >= 0)
            return self;
        // Round half to even at 10**-nd: x - r where r = x mod 10**-nd, adjusted upward past half.
        Value p = vm.binaryOp(BinaryOp::Pow, Value::integer(10), Value::integer(-nd));
        Value r = vm.binaryOp(BinaryOp::Mod, self, p);
        Value down = vm.binaryOp(BinaryOp::Sub, self, r);
        int c = intCompare(vm.binaryOp(BinaryOp::Mult, r, Value::integer(2)), p);
        bool oddQuotient = intSign(vm.binaryOp(BinaryOp::Mod, vm.binaryOp(BinaryOp::FloorDiv, self, p),
                                               Value::integer(2))) != 0;
        if (c > 0 || (c == 0 && oddQuotient))
            return vm.binaryOp(BinaryOp::Add, down, p);
        return down;
    }
    if (v.isFloat()) {
        if (!hasDigits) {
            FloatToIntResult r = floatRoundToInt(v.asFloat());
            if (!r.ok) {
                if (r.error == "int too large to convert")
                    return intFromDouble(std::nearbyint(v.asFloat()));
                if (r.errorType == "OverflowError")
                    vm.raise(ExcType::OverflowError, r.error);
                vm.raise(ExcType::ValueError, r.error);
            }
            return Value::integer(r.value);
        }
        std::optional<double> r = floatRound(v.asFloat(), vm.toIndex(digitsValue));
        if (!r)
            vm.raise(ExcType::OverflowError, "rounded value too large to represent");
        return Value::floating(*r);
    }
    if (isUserKind(v)) {
        Value m = vm.lookupSpecial(v, vm.names.__round__);
        if (!m.isEmpty())
            return hasDigits ? vm.call(m, {v, digitsValue}) : vm.call(m, {v});
    }
    vm.raise(ExcType::TypeError, "type " + vm.typeName(v) + " doesn't define __round__ method");
}

static Value builtinHash(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "hash", 1, 1);
    return Value::integer(vm.hash(a[0]));
}

static Value builtinId(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "id", 1, 1);
    if (a[0].isObject())
        return Value::integer(int64_t(reinterpret_cast<uintptr_t>(a[0].asObject())));
    return Value::integer(vm.hash(a[0]) * 16 + int64_t(a[0].tag()));
}

static Value builtinIter(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "iter", 1, 2);
    if (a.count == 2) {
        auto* it = new FunctionIterator(iteratorClasses().callIterator,
                                        [](VM& vm, FunctionIterator& self, Value& out) {
                                            if (self.exhausted)
                                                return false;
                                            out = vm.call(self.function, {});
                                            if (vm.equals(out, self.sources[0])) {
                                                self.exhausted = true;
                                                return false;
                                            }
                                            return true;
                                        });
        Value result = Value::object(it);
        it->function = a[0];
        it->sources.push_back(a[1]);
        return result;
    }
    return vm.getIter(a[0]);
}

static Value builtinNext(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "next", 1, 2);
    Value out;
    if (!isKind(a[0], ObjKind::Iterator) && !isKind(a[0], ObjKind::Generator) &&
        vm.lookupSpecial(a[0], vm.names.__next__).isEmpty())
        vm.raise(ExcType::TypeError, "'" + vm.typeName(a[0]) + "' object is not an iterator");
    if (isKind(a[0], ObjKind::Generator) && a[0].as<GeneratorObj>()->genKind == GeneratorKind::Generator) {
        try {
            return vm.generatorSend(a[0], Value::none());
        } catch (PyException& e) {
            if (a.count == 2 && vm.isInstance(e.exception, ExcType::StopIteration))
                return a[1];
            throw;
        }
    }
    if (vm.iterNext(a[0], out))
        return out;
    if (a.count == 2)
        return a[1];
    vm.raiseValue(vm.newException(vm.excClass(ExcType::StopIteration), {}));
}

static Value builtinFormat(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "format", 1, 2);
    std::string spec = a.count > 1 ? strText(a[1]) : "";
    return vm.newStr(vm.format(a[0], spec));
}

static Value builtinVars(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "vars", 1, 1);
    return vm.getAttr(a[0], vm.names.__dict__);
}

static Value builtinDir(VM& vm, const CallArgs& a)
{
    std::vector<Value> names;
    auto addTable = [&](const DictTable& t) {
        size_t pos = 0;
        while (const DictTable::Entry* e = t.next(pos))
            names.push_back(e->key);
    };
    if (a.count == 0) {
        Frame* f = vm.currentFrame();
        if (f && f->locals())
            addTable(f->locals()->table);
        else if (f)
            for (const Value& v : f->code->varnames)
                names.push_back(v);
    } else if (isKind(a[0], ObjKind::Module)) {
        addTable(a[0].as<ModuleObj>()->dict()->table);
    } else {
        if (isUserKind(a[0]))
            addTable(static_cast<InstanceObj*>(a[0].asObject())->attrs);
        ClassObj* cls = isKind(a[0], ObjKind::Class) ? a[0].as<ClassObj>() : vm.typeOf(a[0]);
        for (ClassObj* c : cls->mro)
            addTable(c->dict->table);
    }
    std::vector<Value> unique;
    auto* seen = new SetObj();
    Value keep = Value::object(seen);
    for (Value& n : names)
        if (seen->table.add(n))
            unique.push_back(n);
    sortValues(vm, unique, Value(), false);
    return vm.newList(std::move(unique));
}

Value callWithKeywords(VM& vm, const Value& fn, std::vector<Value> positional,
                       const Value& keywords); // types.cpp

// __build_class__(body, name, *bases, metaclass=..., **keywords): picks the metaclass, runs
// the class body into the namespace it prepares, then has the metaclass make the class.
static Value builtinBuildClass(VM& vm, const CallArgs& a)
{
    if (a.count < 2 || !isKind(a[0], ObjKind::Function))
        vm.raise(ExcType::TypeError, "__build_class__: not enough arguments");
    auto* body = a[0].as<FunctionObj>();
    std::string name = vm.str(a[1]);
    std::vector<Value> bases;
    // A base that is not a class may stand for others (PEP 560: typing's Generic[T], NamedTuple).
    for (size_t i = 2; i < a.count; ++i) {
        Value entries;
        if (!isKind(a[i], ObjKind::Class) && vm.tryGetAttr(a[i], vm.internStr("__mro_entries__"), entries)) {
            std::vector<Value> original(a.args + 2, a.args + a.count);
            for (Value& v : vm.toVector(vm.call(entries, {vm.newTuple(original)})))
                bases.push_back(std::move(v));
            continue;
        }
        bases.push_back(a[i]);
    }
    Value metaclass, keywords;
    for (size_t i = 0; i < a.kwCount(); ++i) {
        if (strText(a.kwNames->items[i]) == "metaclass") {
            metaclass = a.kwValues[i];
            continue;
        }
        if (!keywords.isObject())
            keywords = vm.newDict();
        keywords.as<DictObj>()->table.set(a.kwNames->items[i], a.kwValues[i]);
    }
    // A metaclass that is a class is replaced by the most derived metaclass of the bases.
    if (metaclass.isEmpty() || isKind(metaclass, ObjKind::Class)) {
        ClassObj* requested = metaclass.isEmpty() ? (bases.empty() ? vm.types.type : vm.typeOf(bases[0]))
                                                  : metaclass.as<ClassObj>();
        metaclass = Value::object(vm.mostDerivedMetaclass(requested, bases));
    }
    Value basesTuple = vm.newTuple(bases);
    Value ns, prepare;
    if (!(isKind(metaclass, ObjKind::Class) && metaclass.as<ClassObj>()->builtin) &&
        vm.tryGetAttr(metaclass, vm.internStr("__prepare__"), prepare)) {
        ns = callWithKeywords(vm, prepare, {a[1], basesTuple}, keywords);
        if (!isKind(ns, ObjKind::Dict))
            vm.raise(ExcType::TypeError,
                     "Loopscope supports only a dict as the namespace __prepare__ returns, not " +
                         vm.typeName(ns));
    } else {
        ns = vm.newDict();
    }
    Frame* f = vm.newFrame(body->codeObj(), a[0], body->globals, ns);
    size_t nlocals = body->codeObj()->varnames.size();
    for (size_t i = 0; i < body->codeObj()->cellvars.size(); ++i)
        f->slot(nlocals + i) = Value::object(new CellObj());
    size_t base = nlocals + body->codeObj()->cellvars.size();
    for (size_t i = 0; i < body->closure.size(); ++i)
        f->slot(base + i) = body->closure[i];
    Value cell = vm.execute(f, Value());
    Value cls = metaclass.is(Value::object(vm.types.type))
                    ? vm.makeClass(name, bases, ns, nullptr, keywords)
                    : callWithKeywords(vm, metaclass, {a[1], basesTuple, ns}, keywords);
    if (isKind(cell, ObjKind::Cell))
        cell.as<CellObj>()->value = cls;
    return cls;
}

static Value refused(VM& vm, const CallArgs&)
{
    vm.raise(ExcType::NameError, "this builtin does not exist in Loopscope's simulator");
}

// -- Registration ----------------------------------------------------------------------------------

void registerCoreBuiltins(VM& vm)
{
    auto& b = vm.builtinsDict.as<DictObj>()->table;
    auto add = [&](const char* name, NativeFn fn) { b.set(vm.intern(name), vm.newNative(name, fn)); };
    add("print", builtinPrint);
    add("len", builtinLen);
    add("repr", builtinRepr);
    add("ascii", builtinAscii);
    add("abs", builtinAbs);
    add("min", [](VM& vm, const CallArgs& a) { return minMax(vm, a, false); });
    add("max", [](VM& vm, const CallArgs& a) { return minMax(vm, a, true); });
    add("sum", builtinSum);
    add("sorted", builtinSorted);
    add("reversed", builtinReversed);
    add("enumerate", builtinEnumerate);
    add("zip", builtinZip);
    add("map", builtinMap);
    add("filter", builtinFilter);
    add("any", [](VM& vm, const CallArgs& a) { return builtinAnyAll(vm, a, false); });
    add("all", [](VM& vm, const CallArgs& a) { return builtinAnyAll(vm, a, true); });
    add("isinstance", builtinIsinstance);
    add("issubclass", builtinIssubclass);
    add("getattr", builtinGetattr);
    add("setattr", builtinSetattr);
    add("delattr", builtinDelattr);
    add("hasattr", builtinHasattr);
    add("callable", builtinCallable);
    add("chr", builtinChr);
    add("ord", builtinOrd);
    add("hex", [](VM& vm, const CallArgs& a) { return radix(vm, a, "hex", 16, "0x"); });
    add("oct", [](VM& vm, const CallArgs& a) { return radix(vm, a, "oct", 8, "0o"); });
    add("bin", [](VM& vm, const CallArgs& a) { return radix(vm, a, "bin", 2, "0b"); });
    add("divmod", builtinDivmod);
    add("pow", builtinPow);
    add("round", builtinRound);
    add("hash", builtinHash);
    add("id", builtinId);
    add("iter", builtinIter);
    add("next", builtinNext);
    add("format", builtinFormat);
    add("vars", builtinVars);
    add("dir", builtinDir);
    add("__build_class__", builtinBuildClass);
    (void)refused;
    (void)noKeywords;
    BuiltinTypes& t = vm.types;
    std::pair<const char*, ClassObj*> classes[] = {{"object", t.object},
                                                   {"type", t.type},
                                                   {"int", t.intType},
                                                   {"bool", t.boolType},
                                                   {"float", t.floatType},
                                                   {"str", t.str},
                                                   {"bytes", t.bytes},
                                                   {"tuple", t.tuple},
                                                   {"list", t.list},
                                                   {"dict", t.dict},
                                                   {"set", t.set},
                                                   {"frozenset", t.frozenset},
                                                   {"range", t.range},
                                                   {"slice", t.slice},
                                                   {"property", t.property},
                                                   {"staticmethod", t.staticmethod},
                                                   {"classmethod", t.classmethod},
                                                   {"super", t.super}};
    for (auto& [name, cls] : classes)
        b.set(vm.intern(name), Value::object(cls));
    b.set(vm.intern("None"), Value::none());
    b.set(vm.intern("True"), Value::boolean(true));
    b.set(vm.intern("False"), Value::boolean(false));
    b.set(vm.intern("NotImplemented"), vm.notImplemented);
    b.set(vm.intern("Ellipsis"), vm.ellipsis);
    b.set(vm.intern("__name__"), vm.intern("builtins"));
}

} // namespace loopscope
