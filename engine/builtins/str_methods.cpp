// Methods of str and bytes, and %-formatting and str.format.

#include <algorithm>
#include <cctype>

#include "../bigint.h"
#include "../format/format_spec.h"
#include "../format/percent_format.h"
#include "../format/str_format.h"
#include "../vm.h"

namespace loopscope {

std::vector<uint32_t> utf8Decode(std::string_view s);
std::string utf8EncodeAll(const std::vector<uint32_t>& cps);
std::string asciiOf(VM& vm, const Value& v);

// The str a method of str works on. An instance of a user class deriving from str (a StrEnum
// member, a `class Color(str, Enum)` member) keeps its str in `_value_`.
static const std::string& selfText(VM& vm, const CallArgs& a, const char* name)
{
    if (a.count > 0 && isStr(a[0]))
        return strText(a[0]);
    if (a.count > 0 && isUserKind(a[0]) && vm.typeOf(a[0])->isSubclassOf(vm.types.str)) {
        Value* inner = static_cast<InstanceObj*>(a[0].asObject())->attrs.findStr(vm.internStr("_value_"));
        if (inner && isStr(*inner))
            return strText(*inner);
    }
    vm.raise(ExcType::TypeError, std::string("descriptor '") + name + "' requires a 'str' object");
}

static const std::string& strArg(VM& vm, const Value& v, const char* what)
{
    if (!isStr(v))
        vm.raise(ExcType::TypeError, std::string(what) + " must be str, not " + vm.typeName(v));
    return strText(v);
}

static bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static Value strStrip(VM& vm, const CallArgs& a, bool left, bool right)
{
    const std::string& s = selfText(vm, a, "strip");
    std::string chars;
    bool useChars = a.count > 1 && !a[1].isNone();
    if (useChars)
        chars = strArg(vm, a[1], "strip arg");
    auto strip = [&](char c) { return useChars ? chars.find(c) != std::string::npos : isSpace(c); };
    size_t b = 0, e = s.size();
    if (left)
        while (b < e && strip(s[b]))
            ++b;
    if (right)
        while (e > b && strip(s[e - 1]))
            --e;
    return vm.newStr(s.substr(b, e - b));
}

static std::vector<std::string> splitText(const std::string& s, const std::string* sep, int64_t maxsplit)
{
    std::vector<std::string> out;
    if (!sep) {
        size_t i = 0;
        while (i < s.size()) {
            while (i < s.size() && isSpace(s[i]))
                ++i;
            if (i >= s.size())
                break;
            if (maxsplit >= 0 && int64_t(out.size()) >= maxsplit) {
                size_t e = s.size();
                while (e > i && isSpace(s[e - 1]))
                    --e;
                out.push_back(s.substr(i, e - i));
                return out;
            }
            size_t j = i;
            while (j < s.size() && !isSpace(s[j]))
                ++j;
            out.push_back(s.substr(i, j - i));
            i = j;
        }
        return out;
    }
    size_t start = 0;
    while (maxsplit < 0 || int64_t(out.size()) < maxsplit) {
        size_t pos = s.find(*sep, start);
        if (pos == std::string::npos)
            break;
        out.push_back(s.substr(start, pos - start));
        start = pos + sep->size();
    }
    out.push_back(s.substr(start));
    return out;
}

static Value strSplit(VM& vm, const CallArgs& a)
{
    const std::string& s = selfText(vm, a, "split");
    const Value* sepArg = a.count > 1 ? &a[1] : a.keyword("sep");
    const Value* maxArg = a.count > 2 ? &a[2] : a.keyword("maxsplit");
    std::string sep;
    bool hasSep = sepArg && !sepArg->isNone();
    if (hasSep) {
        sep = strArg(vm, *sepArg, "must be str or None, not");
        if (sep.empty())
            vm.raise(ExcType::ValueError, "empty separator");
    }
    int64_t maxsplit = maxArg ? vm.toIndex(*maxArg) : -1;
    std::vector<Value> items;
    for (auto& part : splitText(s, hasSep ? &sep : nullptr, maxsplit))
        items.push_back(vm.newStr(std::move(part)));
    return vm.newList(std::move(items));
}

static Value strRsplit(VM& vm, const CallArgs& a)
{
    const std::string& s = selfText(vm, a, "rsplit");
    const Value* sepArg = a.count > 1 ? &a[1] : a.keyword("sep");
    const Value* maxArg = a.count > 2 ? &a[2] : a.keyword("maxsplit");
    int64_t maxsplit = maxArg ? vm.toIndex(*maxArg) : -1;
    if (maxsplit < 0)
        return strSplit(vm, a);
    std::vector<std::string> parts;
    if (sepArg && !sepArg->isNone()) {
        std::string sep = strText(*sepArg);
        size_t end = s.size();
        while (int64_t(parts.size()) < maxsplit) {
            if (end < sep.size())
                break;
            size_t pos = s.rfind(sep, end - sep.size());
            if (pos == std::string::npos)
                break;
            parts.push_back(s.substr(pos + sep.size(), end - pos - sep.size()));
            end = pos;
        }
        parts.push_back(s.substr(0, end));
    } else {
        size_t end = s.size();
        while (end > 0 && isSpace(s[end - 1]))
            --end;
        while (end > 0 && int64_t(parts.size()) < maxsplit) {
            size_t b = end;
            while (b > 0 && !isSpace(s[b - 1]))
                --b;
            parts.push_back(s.substr(b, end - b));
            end = b;
            while (end > 0 && isSpace(s[end - 1]))
                --end;
        }
        if (end > 0)
            parts.push_back(s.substr(0, end));
    }
    std::reverse(parts.begin(), parts.end());
    std::vector<Value> items;
    for (auto& p : parts)
        items.push_back(vm.newStr(std::move(p)));
    return vm.newList(std::move(items));
}

static Value strJoin(VM& vm, const CallArgs& a)
{
    const std::string& sep = selfText(vm, a, "join");
    checkArgs(vm, a, "join", 2, 2);
    std::vector<Value> items = vm.toVector(a[1]);
    // The size first, then one allocation, as CPython: a join past the memory budget fails at
    // once instead of copying hundreds of megabytes into a growing buffer (which Cancel could not
    // interrupt either).
    uint64_t total = items.empty() ? 0 : sep.size() * (items.size() - 1);
    for (size_t i = 0; i < items.size(); ++i) {
        if (!isStr(items[i]))
            vm.raise(ExcType::TypeError, "sequence item " + std::to_string(i) + ": expected str instance, " +
                                             vm.typeName(items[i]) + " found");
        total += strText(items[i]).size();
    }
    std::string out;
    out.reserve(total);
    for (size_t i = 0; i < items.size(); ++i) {
        if ((i & 0xffff) == 0xffff)
            vm.pollCancel();
        if (i)
            out += sep;
        out += strText(items[i]);
    }
    return vm.newStr(std::move(out));
}

static Value strReplace(VM& vm, const CallArgs& a)
{
    const std::string& s = selfText(vm, a, "replace");
    checkArgs(vm, a, "replace", 3, 4);
    const std::string& from = strArg(vm, a[1], "replace() argument 1");
    const std::string& to = strArg(vm, a[2], "replace() argument 2");
    int64_t count = a.count > 3 ? vm.toIndex(a[3]) : -1;
    std::string out;
    if (from.empty()) {
        std::vector<uint32_t> cps = utf8Decode(s);
        int64_t done = 0;
        for (size_t i = 0; i <= cps.size(); ++i) {
            if (count < 0 || done < count) {
                out += to;
                ++done;
            }
            if (i < cps.size())
                out += utf8EncodeAll({cps[i]});
        }
        return vm.newStr(std::move(out));
    }
    size_t start = 0;
    int64_t done = 0;
    while (count < 0 || done < count) {
        size_t pos = s.find(from, start);
        if (pos == std::string::npos)
            break;
        out += s.substr(start, pos - start);
        out += to;
        start = pos + from.size();
        ++done;
    }
    out += s.substr(start);
    return vm.newStr(std::move(out));
}

// Converts code-point [start, end) arguments of find/count/startswith into byte offsets.
static void byteRange(VM& vm, const CallArgs& a, size_t firstArg, const std::string& s, size_t& b, size_t& e)
{
    StrObj tmp(s);
    int64_t n = int64_t(tmp.length());
    int64_t start = 0, end = n;
    if (a.count > firstArg && !a[firstArg].isNone())
        start = vm.toIndex(a[firstArg]);
    if (a.count > firstArg + 1 && !a[firstArg + 1].isNone())
        end = vm.toIndex(a[firstArg + 1]);
    if (start < 0)
        start = std::max<int64_t>(0, start + n);
    if (end < 0)
        end = std::max<int64_t>(0, end + n);
    start = std::min(start, n);
    end = std::min(end, n);
    if (tmp.ascii) {
        b = size_t(start);
        e = size_t(std::max(start, end));
        return;
    }
    auto offset = [&](int64_t cp) {
        size_t i = 0;
        int64_t k = 0;
        while (i < s.size() && k < cp) {
            ++i;
            while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80)
                ++i;
            ++k;
        }
        return i;
    };
    b = offset(start);
    e = std::max(b, offset(end));
}

static int64_t cpIndex(const std::string& s, size_t byte)
{
    int64_t n = 0;
    for (size_t i = 0; i < byte && i < s.size(); ++i)
        n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    return n;
}

static Value strFind(VM& vm, const CallArgs& a, bool reverse, bool raiseIfMissing)
{
    const std::string& s = selfText(vm, a, "find");
    checkArgs(vm, a, "find", 2, 4);
    const std::string& sub = strArg(vm, a[1], "must be str, not");
    size_t b, e;
    byteRange(vm, a, 2, s, b, e);
    std::string_view window = std::string_view(s).substr(b, e - b);
    vm.chargeWork(window.size() / VM::kBytesPerInstruction);
    size_t pos = reverse ? window.rfind(sub) : window.find(sub);
    if (pos == std::string::npos || (e - b) < sub.size()) {
        if (raiseIfMissing)
            vm.raise(ExcType::ValueError, "substring not found");
        return Value::integer(-1);
    }
    return Value::integer(cpIndex(s, b + pos));
}

static Value strCount(VM& vm, const CallArgs& a)
{
    const std::string& s = selfText(vm, a, "count");
    checkArgs(vm, a, "count", 2, 4);
    const std::string& sub = strArg(vm, a[1], "must be str, not");
    size_t b, e;
    byteRange(vm, a, 2, s, b, e);
    std::string_view window = std::string_view(s).substr(b, e - b);
    vm.chargeWork(window.size() / VM::kBytesPerInstruction);
    if (sub.empty())
        return Value::integer(cpIndex(std::string(window), window.size()) + 1);
    int64_t n = 0;
    for (size_t pos = window.find(sub); pos != std::string::npos; pos = window.find(sub, pos + sub.size()))
        ++n;
    return Value::integer(n);
}

static Value strStartsEnds(VM& vm, const CallArgs& a, bool ends)
{
    const std::string& s = selfText(vm, a, ends ? "endswith" : "startswith");
    checkArgs(vm, a, ends ? "endswith" : "startswith", 2, 4);
    size_t b, e;
    byteRange(vm, a, 2, s, b, e);
    std::string_view window = std::string_view(s).substr(b, e - b);
    std::vector<Value> options =
        isKind(a[1], ObjKind::Tuple) ? a[1].as<TupleObj>()->items : std::vector<Value>{a[1]};
    for (const Value& o : options) {
        if (!isStr(o))
            vm.raise(ExcType::TypeError, std::string(ends ? "endswith" : "startswith") +
                                             " first arg must be str or a tuple of str, not " +
                                             vm.typeName(o));
        const std::string& p = strText(o);
        if (p.size() <= window.size() &&
            (ends ? window.substr(window.size() - p.size()) == p : window.substr(0, p.size()) == p))
            return Value::boolean(true);
    }
    return Value::boolean(false);
}

// Case mapping beyond ASCII: Latin-1, Latin Extended-A, Greek and Cyrillic, which covers the
// text learners print; other scripts are left as they are.
static uint32_t upperCp(uint32_t c)
{
    if (c >= 'a' && c <= 'z')
        return c - 32;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7))
        return c - 32;
    if (c >= 0x100 && c <= 0x17F && (c & 1) && c != 0x131 && c != 0x138 && c != 0x149 &&
        !(c >= 0x139 && c <= 0x148))
        return c - 1;
    if (c >= 0x139 && c <= 0x148 && !(c & 1))
        return c - 1;
    if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2)
        return c - 32;
    if (c >= 0x430 && c <= 0x44F)
        return c - 32;
    if (c >= 0x450 && c <= 0x45F)
        return c - 80;
    return c;
}

static uint32_t lowerCp(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    if (c >= 0x100 && c <= 0x17F && !(c & 1) && c != 0x130 && c != 0x138 && !(c >= 0x139 && c <= 0x148))
        return c + 1;
    if (c >= 0x139 && c <= 0x148 && (c & 1))
        return c + 1;
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
        return c + 32;
    if (c >= 0x410 && c <= 0x42F)
        return c + 32;
    if (c >= 0x400 && c <= 0x40F)
        return c + 80;
    return c;
}

static bool isCasedCp(uint32_t c)
{
    return upperCp(c) != c || lowerCp(c) != c;
}

// Whether [s] is all ASCII. Read from the text, not from a StrObj's flag: self may be an
// instance of a str subclass (found by the fuzzer: UBSan saw the flag read from an InstanceObj).
static bool asciiText(const std::string& s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

static Value mapChars(VM& vm, const CallArgs& a, int mode)
{
    const std::string& s = selfText(vm, a, "upper");
    if (!asciiText(s)) {
        std::vector<uint32_t> cps = utf8Decode(s);
        bool startOfWord = true;
        for (size_t i = 0; i < cps.size(); ++i) {
            uint32_t c = cps[i];
            switch (mode) {
            case 0:
                cps[i] = upperCp(c);
                break;
            case 1:
                cps[i] = lowerCp(c);
                break;
            case 2:
                cps[i] = i == 0 ? upperCp(c) : lowerCp(c);
                break;
            case 3:
                cps[i] = startOfWord ? upperCp(c) : lowerCp(c);
                startOfWord = !isCasedCp(c) && !(c < 0x80 && std::isalpha(int(c)));
                break;
            case 4:
                cps[i] = upperCp(c) != c ? upperCp(c) : lowerCp(c);
                break;
            }
        }
        return vm.newStr(utf8EncodeAll(cps));
    }
    std::string out = s;
    bool startOfWord = true;
    for (size_t i = 0; i < out.size(); ++i) {
        char& c = out[i];
        unsigned char u = static_cast<unsigned char>(c);
        switch (mode) {
        case 0:
            c = char(std::toupper(u));
            break;
        case 1:
            c = char(std::tolower(u));
            break;
        case 2:
            c = i == 0 ? char(std::toupper(u)) : char(std::tolower(u));
            break;
        case 3:
            c = startOfWord ? char(std::toupper(u)) : char(std::tolower(u));
            startOfWord = !std::isalpha(u);
            break;
        case 4:
            c = std::isupper(u) ? char(std::tolower(u)) : char(std::toupper(u));
            break;
        }
    }
    return vm.newStr(std::move(out));
}

static Value testChars(VM& vm, const CallArgs& a, int (*pred)(int), bool needCased = false)
{
    const std::string& s = selfText(vm, a, "is");
    if (s.empty())
        return Value::boolean(false);
    bool cased = false;
    for (unsigned char c : s) {
        if (needCased) {
            if (std::isalpha(c)) {
                cased = true;
                if (!pred(c))
                    return Value::boolean(false);
            }
        } else if (c >= 0x80 || !pred(c)) {
            return Value::boolean(false);
        }
    }
    return Value::boolean(!needCased || cased);
}

static Value strPad(VM& vm, const CallArgs& a, int align)
{
    const std::string& s = selfText(vm, a, "center");
    checkArgs(vm, a, "center", 2, 3);
    int64_t width = vm.toIndex(a[1]);
    std::string fill = " ";
    if (a.count > 2) {
        fill = strArg(vm, a[2], "The fill character");
        if (utf8Decode(fill).size() != 1)
            vm.raise(ExcType::TypeError, "The fill character must be exactly one character long");
    }
    int64_t len = int64_t(StrObj(s).length());
    if (width <= len)
        return a[0];
    int64_t total = width - len;
    int64_t left = align == 0 ? 0 : align == 2 ? total : total / 2 + (total & width & 1);
    int64_t right = total - left;
    std::string out;
    for (int64_t i = 0; i < left; ++i)
        out += fill;
    out += s;
    for (int64_t i = 0; i < right; ++i)
        out += fill;
    return vm.newStr(std::move(out));
}

static Value strZfill(VM& vm, const CallArgs& a)
{
    const std::string& s = selfText(vm, a, "zfill");
    checkArgs(vm, a, "zfill", 2, 2);
    int64_t width = vm.toIndex(a[1]);
    int64_t len = int64_t(StrObj(s).length());
    if (width <= len)
        return a[0];
    std::string out = s;
    size_t at = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
    out.insert(at, size_t(width - len), '0');
    return vm.newStr(std::move(out));
}

static Value strPartition(VM& vm, const CallArgs& a, bool reverse)
{
    const std::string& s = selfText(vm, a, "partition");
    checkArgs(vm, a, "partition", 2, 2);
    const std::string& sep = strArg(vm, a[1], "must be str, not");
    if (sep.empty())
        vm.raise(ExcType::ValueError, "empty separator");
    size_t pos = reverse ? s.rfind(sep) : s.find(sep);
    if (pos == std::string::npos)
        return reverse ? vm.newTuple({vm.intern(""), vm.intern(""), a[0]})
                       : vm.newTuple({a[0], vm.intern(""), vm.intern("")});
    return vm.newTuple({vm.newStr(s.substr(0, pos)), a[1], vm.newStr(s.substr(pos + sep.size()))});
}

static Value strSplitlines(VM& vm, const CallArgs& a)
{
    const std::string& s = selfText(vm, a, "splitlines");
    bool keep =
        (a.count > 1 && vm.truthy(a[1])) || (a.keyword("keepends") && vm.truthy(*a.keyword("keepends")));
    std::vector<Value> out;
    size_t start = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\n' || s[i] == '\r') {
            size_t end = i;
            if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')
                ++i;
            out.push_back(vm.newStr(s.substr(start, (keep ? i + 1 : end) - start)));
            start = i + 1;
        }
    }
    if (start < s.size())
        out.push_back(vm.newStr(s.substr(start)));
    return vm.newList(std::move(out));
}

static Value strRemoveAffix(VM& vm, const CallArgs& a, bool suffix)
{
    const std::string& s = selfText(vm, a, "removeprefix");
    checkArgs(vm, a, "removeprefix", 2, 2);
    const std::string& p = strArg(vm, a[1], "must be str, not");
    if (p.size() <= s.size() &&
        (suffix ? s.compare(s.size() - p.size(), p.size(), p) == 0 : s.compare(0, p.size(), p) == 0))
        return vm.newStr(suffix ? s.substr(0, s.size() - p.size()) : s.substr(p.size()));
    return a[0];
}

// -- Formatting ------------------------------------------------------------------------------------

[[noreturn]] static void raiseFormat(VM& vm, const FormatResult& r)
{
    if (r.errorType.empty())
        vm.raise(ExcType::SystemError, "formatting failed");
    vm.raiseNamed(r.errorType, r.error);
}

Value percentFormatValue(VM& vm, const Value& format, const Value& args)
{
    std::vector<Value> values;
    PercentOperand operand;
    operand.isTuple = isKind(args, ObjKind::Tuple);
    operand.isMapping = !operand.isTuple && !isStr(args) &&
                        (isKind(args, ObjKind::Dict) ||
                         (isUserKind(args) && !vm.lookupSpecial(args, vm.names.__getitem__).isEmpty()));
    if (operand.isTuple)
        values = args.as<TupleObj>()->items;
    else
        values.push_back(args);
    auto describe = [&](const Value& v, uint64_t handle) {
        PercentArg p;
        p.handle = handle;
        p.typeName = vm.typeName(v);
        if (v.isIntLike()) {
            p.kind = PercentArg::Kind::Int;
            p.intValue = v.asInt();
        } else if (isBigInt(v)) {
            p.kind = PercentArg::Kind::Int;
            p.wideInt = std::make_shared<IntOperand>(intOperand(vm, v));
        } else if (v.isFloat()) {
            p.kind = PercentArg::Kind::Float;
            p.floatValue = v.asFloat();
        } else if (isStr(v)) {
            p.kind = PercentArg::Kind::Str;
            p.text = strText(v);
        } else if (isUserKind(v) && !vm.lookupSpecial(v, vm.names.__index__).isEmpty()) {
            p.kind = PercentArg::Kind::Int;
            p.intValue = vm.toIndex(v);
        } else if (isUserKind(v) && !vm.lookupSpecial(v, vm.names.__float__).isEmpty()) {
            p.kind = PercentArg::Kind::Float;
            p.floatValue = vm.toDouble(v);
        }
        return p;
    };
    for (size_t i = 0; i < values.size(); ++i)
        operand.items.push_back(describe(values[i], i));
    std::vector<Value> looked;
    PercentCallbacks callbacks;
    std::optional<PyException> pending;
    callbacks.stringify = [&](const PercentArg& p, char conversion) -> std::optional<std::string> {
        const Value& v = p.handle >= (uint64_t(1) << 32) ? looked[size_t(p.handle - (uint64_t(1) << 32))]
                                                         : values[size_t(p.handle)];
        try {
            if (conversion == 'r')
                return vm.repr(v);
            if (conversion == 'a')
                return asciiOf(vm, v);
            return vm.str(v);
        } catch (PyException& e) {
            pending = e;
            return std::nullopt;
        }
    };
    callbacks.lookupKey = [&](std::string_view key) -> std::optional<PercentArg> {
        try {
            Value v = vm.getItem(args, vm.newStr(std::string(key)));
            looked.push_back(v);
            return describe(v, (uint64_t(1) << 32) + looked.size() - 1);
        } catch (PyException& e) {
            pending = e;
            return std::nullopt;
        }
    };
    FormatResult r = percentFormat(strText(format), operand, callbacks);
    if (!r.ok) {
        if (pending)
            throw *pending;
        raiseFormat(vm, r);
    }
    return vm.newStr(std::move(r.text));
}

static Value applyFormat(VM& vm, const std::string& text, const std::vector<Value>& args, const Value& kwargs,
                         bool isMap)
{
    FormatTemplate tmpl = parseFormatTemplate(text);
    std::optional<PyException> pending;
    FormatResult r = renderFormatTemplate(
        tmpl, [&](const FormatField& field, std::string_view spec) -> std::optional<std::string> {
            try {
                Value obj;
                if (field.byKeyword) {
                    Value key = vm.newStr(field.keyword);
                    if (isMap) {
                        obj = vm.getItem(kwargs, key);
                    } else {
                        Value* v = kwargs.isObject() ? kwargs.as<DictObj>()->table.find(key) : nullptr;
                        if (!v)
                            vm.raiseValue(vm.newException(vm.excClass(ExcType::KeyError), {key}));
                        obj = *v;
                    }
                } else {
                    if (isMap)
                        vm.raise(ExcType::ValueError, "Format string contains positional fields");
                    if (field.position >= args.size())
                        vm.raise(ExcType::IndexError, "Replacement index " + std::to_string(field.position) +
                                                          " out of range for positional args tuple");
                    obj = args[field.position];
                }
                for (const FieldAccessor& acc : field.accessors) {
                    if (acc.isAttribute)
                        obj = vm.getAttr(obj, vm.internStr(acc.name));
                    else if (acc.isIntegerKey)
                        obj = vm.getItem(obj, Value::integer(acc.index));
                    else
                        obj = vm.getItem(obj, vm.newStr(acc.name));
                }
                if (field.conversion == 'r')
                    obj = vm.newStr(vm.repr(obj));
                else if (field.conversion == 's')
                    obj = vm.strValue(obj);
                else if (field.conversion == 'a')
                    obj = vm.newStr(asciiOf(vm, obj));
                return vm.format(obj, spec);
            } catch (PyException& e) {
                pending = e;
                return std::nullopt;
            }
        });
    if (!r.ok) {
        if (pending)
            throw *pending;
        raiseFormat(vm, r);
    }
    return vm.newStr(std::move(r.text));
}

static Value strFormat(VM& vm, const CallArgs& a)
{
    const std::string& s = selfText(vm, a, "format");
    std::vector<Value> args(a.args + 1, a.args + a.count);
    Value kwargs = vm.newDict();
    for (size_t i = 0; i < a.kwCount(); ++i)
        kwargs.as<DictObj>()->table.set(a.kwNames->items[i], a.kwValues[i]);
    return applyFormat(vm, s, args, kwargs, false);
}

static Value strFormatMap(VM& vm, const CallArgs& a)
{
    const std::string& s = selfText(vm, a, "format_map");
    checkArgs(vm, a, "format_map", 2, 2);
    return applyFormat(vm, s, {}, a[1], true);
}

static Value strEncode(VM& vm, const CallArgs& a)
{
    const std::string& s = selfText(vm, a, "encode");
    return Value::object(new BytesObj(s));
}

static Value bytesDecode(VM& vm, const CallArgs& a)
{
    if (a.count == 0 || !isKind(a[0], ObjKind::Bytes))
        vm.raise(ExcType::TypeError, "descriptor 'decode' requires a 'bytes' object");
    return vm.newStr(a[0].as<BytesObj>()->data);
}

static Value strExpandtabs(VM& vm, const CallArgs& a)
{
    const std::string& s = selfText(vm, a, "expandtabs");
    int64_t size = a.count > 1 ? vm.toIndex(a[1]) : 8;
    std::string out;
    int64_t col = 0;
    for (char c : s) {
        if (c == '\t') {
            int64_t n = size > 0 ? size - col % size : 0;
            out.append(size_t(n), ' ');
            col += n;
        } else {
            out += c;
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return vm.newStr(std::move(out));
}

void registerStrMethods(VM& vm)
{
    ClassObj* s = vm.types.str;
    vm.addMethod(s, "strip", [](VM& vm, const CallArgs& a) { return strStrip(vm, a, true, true); });
    vm.addMethod(s, "lstrip", [](VM& vm, const CallArgs& a) { return strStrip(vm, a, true, false); });
    vm.addMethod(s, "rstrip", [](VM& vm, const CallArgs& a) { return strStrip(vm, a, false, true); });
    vm.addMethod(s, "split", strSplit);
    vm.addMethod(s, "rsplit", strRsplit);
    vm.addMethod(s, "splitlines", strSplitlines);
    vm.addMethod(s, "join", strJoin);
    vm.addMethod(s, "replace", strReplace);
    vm.addMethod(s, "find", [](VM& vm, const CallArgs& a) { return strFind(vm, a, false, false); });
    vm.addMethod(s, "rfind", [](VM& vm, const CallArgs& a) { return strFind(vm, a, true, false); });
    vm.addMethod(s, "index", [](VM& vm, const CallArgs& a) { return strFind(vm, a, false, true); });
    vm.addMethod(s, "rindex", [](VM& vm, const CallArgs& a) { return strFind(vm, a, true, true); });
    vm.addMethod(s, "count", strCount);
    vm.addMethod(s, "startswith", [](VM& vm, const CallArgs& a) { return strStartsEnds(vm, a, false); });
    vm.addMethod(s, "endswith", [](VM& vm, const CallArgs& a) { return strStartsEnds(vm, a, true); });
    vm.addMethod(s, "upper", [](VM& vm, const CallArgs& a) { return mapChars(vm, a, 0); });
    vm.addMethod(s, "lower", [](VM& vm, const CallArgs& a) { return mapChars(vm, a, 1); });
    vm.addMethod(s, "casefold", [](VM& vm, const CallArgs& a) { return mapChars(vm, a, 1); });
    vm.addMethod(s, "capitalize", [](VM& vm, const CallArgs& a) { return mapChars(vm, a, 2); });
    vm.addMethod(s, "title", [](VM& vm, const CallArgs& a) { return mapChars(vm, a, 3); });
    vm.addMethod(s, "swapcase", [](VM& vm, const CallArgs& a) { return mapChars(vm, a, 4); });
    vm.addMethod(s, "isdigit", [](VM& vm, const CallArgs& a) { return testChars(vm, a, isdigit); });
    vm.addMethod(s, "isdecimal", [](VM& vm, const CallArgs& a) { return testChars(vm, a, isdigit); });
    vm.addMethod(s, "isnumeric", [](VM& vm, const CallArgs& a) { return testChars(vm, a, isdigit); });
    vm.addMethod(s, "isalpha", [](VM& vm, const CallArgs& a) { return testChars(vm, a, isalpha); });
    vm.addMethod(s, "isalnum", [](VM& vm, const CallArgs& a) { return testChars(vm, a, isalnum); });
    vm.addMethod(s, "isspace", [](VM& vm, const CallArgs& a) { return testChars(vm, a, isspace); });
    vm.addMethod(s, "isupper", [](VM& vm, const CallArgs& a) { return testChars(vm, a, isupper, true); });
    vm.addMethod(s, "islower", [](VM& vm, const CallArgs& a) { return testChars(vm, a, islower, true); });
    vm.addMethod(s, "isidentifier", [](VM& vm, const CallArgs& a) {
        const std::string& t = selfText(vm, a, "isidentifier");
        bool ok = !t.empty() && !std::isdigit(static_cast<unsigned char>(t[0]));
        for (unsigned char c : t)
            ok &= std::isalnum(c) || c == '_' || c >= 0x80;
        return Value::boolean(ok);
    });
    vm.addMethod(s, "istitle", [](VM& vm, const CallArgs& a) {
        const std::string& t = selfText(vm, a, "istitle");
        bool cased = false, previousCased = false;
        for (unsigned char c : t) {
            if (std::isupper(c)) {
                if (previousCased)
                    return Value::boolean(false);
                previousCased = cased = true;
            } else if (std::islower(c)) {
                if (!previousCased)
                    return Value::boolean(false);
                previousCased = cased = true;
            } else {
                previousCased = false;
            }
        }
        return Value::boolean(cased);
    });
    vm.addMethod(s, "isascii", [](VM& vm, const CallArgs& a) {
        return Value::boolean(asciiText(selfText(vm, a, "isascii")));
    });
    vm.addMethod(s, "center", [](VM& vm, const CallArgs& a) { return strPad(vm, a, 1); });
    vm.addMethod(s, "ljust", [](VM& vm, const CallArgs& a) { return strPad(vm, a, 0); });
    vm.addMethod(s, "rjust", [](VM& vm, const CallArgs& a) { return strPad(vm, a, 2); });
    vm.addMethod(s, "zfill", strZfill);
    vm.addMethod(s, "partition", [](VM& vm, const CallArgs& a) { return strPartition(vm, a, false); });
    vm.addMethod(s, "rpartition", [](VM& vm, const CallArgs& a) { return strPartition(vm, a, true); });
    vm.addMethod(s, "removeprefix", [](VM& vm, const CallArgs& a) { return strRemoveAffix(vm, a, false); });
    vm.addMethod(s, "removesuffix", [](VM& vm, const CallArgs& a) { return strRemoveAffix(vm, a, true); });
    vm.addMethod(s, "format", strFormat);
    vm.addMethod(s, "format_map", strFormatMap);
    vm.addMethod(s, "encode", strEncode);
    vm.addMethod(s, "expandtabs", strExpandtabs);
    vm.addMethod(s, "__len__", [](VM& vm, const CallArgs& a) { return Value::integer(vm.length(a[0])); });
    vm.addMethod(s, "__contains__",
                 [](VM& vm, const CallArgs& a) { return Value::boolean(vm.contains(a[0], a[1])); });
    vm.addMethod(s, "__getitem__", [](VM& vm, const CallArgs& a) { return vm.getItem(a[0], a[1]); });
    vm.addMethod(s, "__add__",
                 [](VM& vm, const CallArgs& a) { return vm.binaryOp(BinaryOp::Add, a[0], a[1]); });
    vm.addMethod(s, "__mod__", [](VM& vm, const CallArgs& a) { return percentFormatValue(vm, a[0], a[1]); });
    vm.addMethod(s, "__format__",
                 [](VM& vm, const CallArgs& a) { return vm.newStr(vm.format(a[0], strText(a[1]))); });
    ClassObj* b = vm.types.bytes;
    vm.addMethod(b, "decode", bytesDecode);
    vm.addMethod(b, "hex", [](VM& vm, const CallArgs& a) {
        std::string out;
        char buf[4];
        for (unsigned char c : a[0].as<BytesObj>()->data) {
            std::snprintf(buf, sizeof buf, "%02x", c);
            out += buf;
        }
        return vm.newStr(out);
    });
}

} // namespace loopscope
