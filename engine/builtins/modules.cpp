// The native modules: sys, random (bit-exact with CPython through engine/random/) and _loopscope
// (the contract with the asyncio prelude).

#include <cmath>
#include <numeric>

#include "../bigint.h"
#include "../format/float_repr.h"
#include "../loop/task.h"
#include "../vm.h"

namespace loopscope {

// -- sys -------------------------------------------------------------------------------------------

namespace {
thread_local ClassObj* tStreamClass = nullptr;
thread_local Obj* tStderr = nullptr; // owned by the sys module
} // namespace

// Writes [text] to a file-like [stream]: sys.stdout / sys.stderr natively, else stream.write().
Value sysStreamWrite(VM& vm, const Value& stream, const std::string& text)
{
    if (isKind(stream, ObjKind::Native) && stream.asObject()->cls == tStreamClass) {
        if (stream.asObject() == tStderr)
            vm.writeStderr(text);
        else
            vm.writeStdout(text);
        return Value::integer(int64_t(text.size()));
    }
    return vm.callMethod(stream, vm.names.write, {vm.newStr(text)});
}

// sys.version_info: a tuple with named fields, printed as CPython prints it.
static Value versionInfo(VM& vm)
{
    ClassObj* cls = vm.newBuiltinClass("version_info", vm.types.tuple, ObjKind::Tuple);
    cls->builtin = false; // so that its own __repr__ applies to the tuple it is
    cls->dict->table.set(Value::object(vm.names.__module__), vm.intern("sys"));
    static const char* const fields[] = {"major", "minor", "micro", "releaselevel", "serial"};
    for (size_t i = 0; i < 5; ++i) {
        auto* p = new PropertyObj();
        Value property = Value::object(p);
        // The getter is bound to its field's index: it receives (index, the tuple).
        p->fget = vm.newNative(
            fields[i],
            [](VM&, const CallArgs& a) { return a[1].as<TupleObj>()->items[size_t(a[0].asInt())]; },
            Value::integer(int64_t(i)));
        cls->dict->table.set(vm.intern(fields[i]), property);
    }
    cls->hasDataDescriptors = true;
    vm.addMethod(cls, "__repr__", [](VM& vm, const CallArgs& a) {
        const auto& items = a[0].as<TupleObj>()->items;
        return vm.newStr("sys.version_info(major=" + vm.repr(items[0]) + ", minor=" + vm.repr(items[1]) +
                         ", micro=" + vm.repr(items[2]) + ", releaselevel=" + vm.repr(items[3]) +
                         ", serial=" + vm.repr(items[4]) + ")");
    });
    Value info = vm.newTuple(
        {Value::integer(3), Value::integer(11), Value::integer(7), vm.newStr("final"), Value::integer(0)});
    info.asObject()->cls = cls;
    ++cls->refcount;
    return info;
}

static Value makeSys(VM& vm)
{
    Value m = makeModule(vm, "sys");
    tStreamClass = vm.newBuiltinClass("TextIOWrapper", vm.types.object, ObjKind::Native);
    vm.addMethod(tStreamClass, "write", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "write", 2, 2);
        if (!isStr(a[1]))
            vm.raise(ExcType::TypeError, "write() argument must be str, not " + vm.typeName(a[1]));
        return sysStreamWrite(vm, a[0], strText(a[1]));
    });
    vm.addMethod(tStreamClass, "flush", [](VM&, const CallArgs&) { return Value::none(); });
    Value out = Value::object(new NativeObj(tStreamClass));
    Value err = Value::object(new NativeObj(tStreamClass));
    tStderr = err.asObject();
    moduleSet(vm, m, "stdout", out);
    moduleSet(vm, m, "stderr", err);
    moduleSet(vm, m, "__stdout__", out);
    moduleSet(vm, m, "__stderr__", err);
    moduleSet(vm, m, "argv", vm.newList({vm.newStr(vm.options().filename)}));
    moduleSet(vm, m, "version", vm.newStr("3.11.7 (Loopscope)"));
    moduleSet(vm, m, "version_info", versionInfo(vm));
    moduleSet(vm, m, "hexversion", Value::integer(0x30B07F0));
    // The simulator behaves as CPython on Linux (asyncio picks its loop by platform).
    moduleSet(vm, m, "platform", vm.newStr("linux"));
    moduleSet(vm, m, "byteorder", vm.newStr("little"));
    moduleSet(vm, m, "executable", vm.newStr("python3"));
    moduleSet(vm, m, "path", vm.newList({vm.newStr("")}));
    moduleSet(vm, m, "flags", Value::none());
    moduleSet(vm, m, "maxsize", Value::integer(INT64_MAX));
    moduleAddFunction(vm, m, "exit", [](VM& vm, const CallArgs& a) -> Value {
        std::vector<Value> args;
        if (a.count > 0)
            args.push_back(a[0]);
        vm.raiseValue(vm.newException(vm.excClass(ExcType::SystemExit), args));
    });
    moduleAddFunction(vm, m, "get_int_max_str_digits",
                      [](VM& vm, const CallArgs&) { return Value::integer(vm.maxStrDigits); });
    moduleAddFunction(vm, m, "set_int_max_str_digits", [](VM& vm, const CallArgs& a) {
        const Value* limit = a.count > 0 ? &a[0] : a.keyword("maxdigits");
        if (!limit)
            vm.raise(ExcType::TypeError,
                     "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
        int64_t n = vm.toIndex(*limit);
        if (n != 0 && n < kMinMaxStrDigits)
            vm.raise(ExcType::ValueError,
                     "maxdigits must be 0 or larger than " + std::to_string(kMinMaxStrDigits));
        vm.maxStrDigits = n;
        return Value::none();
    });
    moduleAddFunction(vm, m, "getrecursionlimit", [](VM& vm, const CallArgs&) {
        return Value::integer(vm.options().budgets.recursionDepth);
    });
    moduleAddFunction(vm, m, "setrecursionlimit", [](VM&, const CallArgs&) { return Value::none(); });
    moduleAddFunction(vm, m, "exc_info", [](VM& vm, const CallArgs&) {
        Value e = vm.handledException();
        if (e.isEmpty())
            return vm.newTuple({Value::none(), Value::none(), Value::none()});
        return vm.newTuple({Value::object(vm.typeOf(e)), e, Value::none()});
    });
    moduleAddFunction(vm, m, "exception", [](VM& vm, const CallArgs&) {
        Value e = vm.handledException();
        return e.isEmpty() ? Value::none() : e;
    });
    return m;
}

// -- random ----------------------------------------------------------------------------------------

template <typename T> static T randomValue(VM& vm, const RandomResult<T>& r)
{
    if (!r.ok)
        vm.raiseNamed(r.errorType, r.error);
    return r.value;
}

// random.getrandbits(k) for any k: 32-bit words from the generator, least significant first,
// the last one cut to the bits that remain (CPython's _random_Random_getrandbits_impl).
static Value randomBits(VM& vm, int64_t k)
{
    if (k < 0)
        vm.raise(ExcType::ValueError, "number of bits must be non-negative");
    if (k <= 63)
        return Value::integer(int64_t(vm.random.getrandbits(k).value));
    checkIntResultBits(vm, double(k));
    std::vector<uint32_t> words(size_t((k - 1) / 32 + 1));
    int64_t left = k;
    for (uint32_t& word : words) {
        word = vm.random.generator().nextUint32();
        if (left < 32)
            word >>= (32 - left);
        left -= 32;
    }
    Mpz z;
    mpz_import(z.get(), words.size(), -1, sizeof(uint32_t), 0, 0, words.data());
    return intFromMpz(z.get());
}

int64_t hashForSeed(VM& vm, const Value& v)
{
    return vm.hash(v);
}

static Value makeRandom(VM& vm)
{
    Value m = makeModule(vm, "random");
    moduleAddFunction(vm, m, "seed", [](VM& vm, const CallArgs& a) {
        if (a.count == 0 || a[0].isNone()) {
            vm.random.seedUnsigned(vm.options().seed);
        } else if (a[0].isIntLike()) {
            vm.random.seed(a[0].asInt());
        } else if (isBigInt(a[0])) {
            MpzView z(a[0]);
            std::vector<uint32_t> words((mpz_sizeinbase(z.get(), 2) + 31) / 32);
            size_t count = 0;
            mpz_export(words.data(), &count, -1, sizeof(uint32_t), 0, 0, z.get()); // |n|, low word first
            words.resize(count);
            vm.random.seedWords(std::move(words));
        } else if (isStr(a[0])) {
            vm.random.seedText(strText(a[0]));
        } else if (isKind(a[0], ObjKind::Bytes)) {
            vm.random.seedBytes(a[0].as<BytesObj>()->data);
        } else if (a[0].isFloat()) {
            vm.random.seed(vm.hash(a[0]));
        } else {
            vm.raise(ExcType::TypeError,
                     "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
        }
        return Value::none();
    });
    moduleAddFunction(vm, m, "random",
                      [](VM& vm, const CallArgs&) { return Value::floating(vm.random.random()); });
    moduleAddFunction(vm, m, "uniform", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "uniform", 2, 2);
        return Value::floating(vm.random.uniform(vm.toDouble(a[0]), vm.toDouble(a[1])));
    });
    moduleAddFunction(vm, m, "randint", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "randint", 2, 2);
        return Value::integer(randomValue(vm, vm.random.randint(vm.toIndex(a[0]), vm.toIndex(a[1]))));
    });
    moduleAddFunction(vm, m, "randrange", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "randrange", 1, 3);
        if (a.count == 1)
            return Value::integer(randomValue(vm, vm.random.randrange(vm.toIndex(a[0]))));
        return Value::integer(randomValue(
            vm, vm.random.randrange(vm.toIndex(a[0]), vm.toIndex(a[1]), a.count > 2 ? vm.toIndex(a[2]) : 1)));
    });
    moduleAddFunction(vm, m, "getrandbits", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "getrandbits", 1, 1);
        return randomBits(vm, vm.toIndex(a[0]));
    });
    moduleAddFunction(vm, m, "randbytes", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "randbytes", 1, 1);
        int64_t n = vm.toIndex(a[0]);
        if (n < 0)
            vm.raise(ExcType::ValueError, "number of bits must be non-negative");
        // CPython: getrandbits(n * 8).to_bytes(n, 'little')
        MpzView z(randomBits(vm, n * 8));
        std::string out(size_t(n), '\0');
        size_t count = 0;
        mpz_export(out.data(), &count, -1, 1, 0, 0, z.get());
        return Value::object(new BytesObj(std::move(out)));
    });
    moduleAddFunction(vm, m, "choice", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "choice", 1, 1);
        int64_t n = vm.length(a[0]);
        size_t i = randomValue(vm, vm.random.choiceIndex(size_t(n)));
        return vm.getItem(a[0], Value::integer(int64_t(i)));
    });
    moduleAddFunction(vm, m, "shuffle", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "shuffle", 1, 1);
        if (!isKind(a[0], ObjKind::List))
            vm.raise(ExcType::TypeError,
                     "'" + vm.typeName(a[0]) + "' object does not support item assignment");
        vm.random.shuffle(a[0].as<ListObj>()->items);
        return Value::none();
    });
    moduleAddFunction(vm, m, "sample", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "sample", 2, 2);
        if (isKind(a[0], ObjKind::Set) || isKind(a[0], ObjKind::FrozenSet) || isKind(a[0], ObjKind::Dict))
            vm.raise(ExcType::TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
        std::vector<Value> population = vm.toVector(a[0]);
        std::vector<size_t> picks =
            randomValue(vm, vm.random.sampleIndices(population.size(), vm.toIndex(a[1])));
        std::vector<Value> out;
        for (size_t i : picks)
            out.push_back(population[i]);
        return vm.newList(std::move(out));
    });
    moduleAddFunction(vm, m, "choices", [](VM& vm, const CallArgs& a) {
        std::vector<Value> population = vm.toVector(a[0]);
        const Value* kArg = a.keyword("k");
        int64_t k = kArg ? vm.toIndex(*kArg) : 1;
        const Value* weights = a.count > 1 ? &a[1] : a.keyword("weights");
        const Value* cum = a.keyword("cum_weights");
        std::vector<Value> out;
        size_t n = population.size();
        if ((!weights || weights->isNone()) && (!cum || cum->isNone())) {
            for (int64_t i = 0; i < k; ++i)
                out.push_back(population[size_t(std::floor(vm.random.random() * double(n)))]);
            return vm.newList(std::move(out));
        }
        std::vector<double> cumulative;
        if (cum && !cum->isNone()) {
            for (const Value& w : vm.toVector(*cum))
                cumulative.push_back(vm.toDouble(w));
        } else {
            double total = 0;
            for (const Value& w : vm.toVector(*weights)) {
                total += vm.toDouble(w);
                cumulative.push_back(total);
            }
        }
        if (cumulative.size() != n)
            vm.raise(ExcType::ValueError, "The number of weights does not match the population");
        double total = cumulative.back();
        for (int64_t i = 0; i < k; ++i) {
            double x = vm.random.random() * total;
            size_t lo =
                size_t(std::upper_bound(cumulative.begin(), cumulative.end() - 1, x) - cumulative.begin());
            out.push_back(population[lo]);
        }
        return vm.newList(std::move(out));
    });
    return m;
}

// -- _loopscope ------------------------------------------------------------------------------------

static Value makeLoopscope(VM& vm)
{
    Value m = makeModule(vm, "_loopscope");
    moduleAddFunction(vm, m, "time", [](VM& vm, const CallArgs&) { return Value::floating(vm.now()); });
    addTraceConstants(vm, m);
    moduleAddFunction(vm, m, "coro_line", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "coro_line", 1, 1);
        return Value::integer(coroutineLine(a[0]));
    });
    // format_exception(exc): the traceback and "Type: message" CPython prints for [exc].
    moduleAddFunction(vm, m, "format_exception", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "format_exception", 1, 1);
        return vm.newStr(vm.formatException(a[0]));
    });
    // The module [name] if something imported it already, else None: asyncio logs through
    // logging only when the program uses logging.
    moduleAddFunction(vm, m, "loaded_module", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "loaded_module", 1, 1);
        auto it = vm.modules.find(vm.str(a[0]));
        return it == vm.modules.end() ? Value::none() : it->second;
    });
    // The module [name] if something imported it already, else None: asyncio logs through
    // logging only when the program uses logging.
    moduleAddFunction(vm, m, "loaded_module", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "loaded_module", 1, 1);
        auto it = vm.modules.find(vm.str(a[0]));
        return it == vm.modules.end() ? Value::none() : it->second;
    });
    moduleAddFunction(vm, m, "is_coroutine", [](VM&, const CallArgs& a) {
        return Value::boolean(isKind(a[0], ObjKind::Generator) &&
                              a[0].as<GeneratorObj>()->genKind == GeneratorKind::Coroutine);
    });
    moduleAddFunction(vm, m, "is_coroutine_function", [](VM& vm, const CallArgs& a) {
        Value f = a[0];
        for (int depth = 0; depth < 10; ++depth) {
            if (isKind(f, ObjKind::BoundMethod)) {
                f = f.as<BoundMethodObj>()->func;
                continue;
            }
            if (isKind(f, ObjKind::Function))
                return Value::boolean(f.as<FunctionObj>()->codeObj()->flags & kCoroutine);
            // functools.partial objects keep the wrapped callable in .func
            Value inner;
            if (isUserKind(f) && vm.tryGetAttr(f, vm.internStr("func"), inner)) {
                f = inner;
                continue;
            }
            break;
        }
        return Value::boolean(false);
    });
    moduleAddFunction(vm, m, "warn", [](VM& vm, const CallArgs& a) {
        // warn(text, kind=WARNING_OTHER, task=0)
        checkArgs(vm, a, "warn", 1, 3);
        const auto kind = a.count > 1 ? WarningKind(vm.toIndex(a[1])) : WarningKind::Other;
        const TaskId task{a.count > 2 ? uint32_t(vm.toIndex(a[2])) : 0u};
        vm.warn(vm.str(a[0]), kind, task);
        return Value::none();
    });
    // task_joined(task, awaited): [task] waits for [awaited] among others (gather, asyncio.wait,
    // a TaskGroup): the timeline's fan-in arrows.
    moduleAddFunction(vm, m, "task_joined", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "task_joined", 2, 2);
        vm.record(TraceEvent::taskJoined(vm.now(), TaskId{uint32_t(vm.toIndex(a[0]))},
                                         TaskId{uint32_t(vm.toIndex(a[1]))}));
        return Value::none();
    });
    Value limitNs = vm.newDict();
    limitNs.as<DictObj>()->table.set(vm.intern("__module__"), vm.intern("_loopscope"));
    vm.limitExceededClass =
        vm.makeClass("LimitExceeded", {Value::object(vm.excClass(ExcType::Exception))}, limitNs);
    Value deadlockNs = vm.newDict();
    deadlockNs.as<DictObj>()->table.set(vm.intern("__module__"), vm.intern("_loopscope"));
    vm.deadlockClass = vm.makeClass("Deadlock", {Value::object(vm.excClass(ExcType::Exception))}, deadlockNs);
    moduleSet(vm, m, "LimitExceeded", vm.limitExceededClass);
    moduleSet(vm, m, "Deadlock", vm.deadlockClass);
    return m;
}

void registerNativeModules(VM& vm)
{
    vm.nativeModules["sys"] = makeSys(vm);
    vm.nativeModules["random"] = makeRandom(vm);
    vm.nativeModules["_loopscope"] = makeLoopscope(vm);
    vm.nativeModules["_asyncio"] = makeAsyncioModule(vm);
}

} // namespace loopscope
