// The native modules: sys, math, time (on the virtual clock), random (bit-exact with CPython
// through engine/random/) and _loopscope (the contract with the asyncio prelude).

#include <cmath>
#include <numeric>

#include "../format/float_repr.h"
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
    moduleSet(vm, m, "version", vm.newStr("3.11.0 (Loopscope)"));
    moduleSet(vm, m, "version_info",
              vm.newTuple({Value::integer(3), Value::integer(11), Value::integer(0), vm.newStr("final"),
                           Value::integer(0)}));
    moduleSet(vm, m, "platform", vm.newStr("loopscope"));
    moduleSet(vm, m, "maxsize", Value::integer(INT64_MAX));
    moduleAddFunction(vm, m, "exit", [](VM& vm, const CallArgs& a) -> Value {
        std::vector<Value> args;
        if (a.count > 0)
            args.push_back(a[0]);
        vm.raiseValue(vm.newException(vm.excClass(ExcType::SystemExit), args));
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

// -- math ------------------------------------------------------------------------------------------

static double num(VM& vm, const Value& v)
{
    return vm.toDouble(v);
}

static Value mathResult(VM& vm, double r, bool domainCheck = true)
{
    if (domainCheck && std::isnan(r))
        vm.raise(ExcType::ValueError, "math domain error");
    if (domainCheck && std::isinf(r))
        vm.raise(ExcType::OverflowError, "math range error");
    return Value::floating(r);
}

#define MATH1(name, expr)                                                                                    \
    moduleAddFunction(vm, m, name, [](VM& vm, const CallArgs& a) -> Value {                                  \
        checkArgs(vm, a, name, 1, 1);                                                                        \
        double x = num(vm, a[0]);                                                                            \
        if (std::isnan(x))                                                                                   \
            return Value::floating(x);                                                                       \
        if (std::isinf(x) && !std::isinf(expr))                                                              \
            vm.raise(ExcType::ValueError, "math domain error");                                              \
        double r = expr;                                                                                     \
        if (std::isinf(r) && !std::isinf(x))                                                                 \
            vm.raise(ExcType::OverflowError, "math range error");                                            \
        return mathResult(vm, r, !std::isinf(x));                                                            \
    })

static Value toIntegral(VM& vm, double d)
{
    if (std::isnan(d))
        vm.raise(ExcType::ValueError, "cannot convert float NaN to integer");
    if (std::isinf(d))
        vm.raise(ExcType::OverflowError, "cannot convert float infinity to integer");
    if (std::fabs(d) >= 9.2233720368547758e18)
        vm.raise(ExcType::OverflowError, "Loopscope ints are 64-bit: the result does not fit");
    return Value::integer(int64_t(d));
}

static Value makeMath(VM& vm)
{
    Value m = makeModule(vm, "math");
    moduleSet(vm, m, "pi", Value::floating(M_PI));
    moduleSet(vm, m, "e", Value::floating(M_E));
    moduleSet(vm, m, "tau", Value::floating(2 * M_PI));
    moduleSet(vm, m, "inf", Value::floating(INFINITY));
    moduleSet(vm, m, "nan", Value::floating(NAN));
    MATH1("sqrt", (x < 0 ? NAN : std::sqrt(x)));
    MATH1("exp", std::exp(x));
    MATH1("sin", std::sin(x));
    MATH1("cos", std::cos(x));
    MATH1("tan", std::tan(x));
    MATH1("asin", std::asin(x));
    MATH1("acos", std::acos(x));
    MATH1("atan", std::atan(x));
    MATH1("sinh", std::sinh(x));
    MATH1("cosh", std::cosh(x));
    MATH1("tanh", std::tanh(x));
    MATH1("log2", (x <= 0 ? NAN : std::log2(x)));
    MATH1("log10", (x <= 0 ? NAN : std::log10(x)));
    MATH1("fabs", std::fabs(x));
    MATH1("degrees", x * 180.0 / M_PI);
    MATH1("radians", x * M_PI / 180.0);
    moduleAddFunction(vm, m, "log", [](VM& vm, const CallArgs& a) -> Value {
        checkArgs(vm, a, "log", 1, 2);
        double x = num(vm, a[0]);
        if (x <= 0)
            vm.raise(ExcType::ValueError, "math domain error");
        double r = std::log(x);
        if (a.count == 2) {
            double b = num(vm, a[1]);
            if (b <= 0)
                vm.raise(ExcType::ValueError, "math domain error");
            if (b == 1)
                vm.raise(ExcType::ZeroDivisionError, "float division by zero");
            r /= std::log(b);
        }
        return Value::floating(r);
    });
    moduleAddFunction(vm, m, "floor", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "floor", 1, 1);
        if (a[0].isIntLike())
            return Value::integer(a[0].asInt());
        return toIntegral(vm, std::floor(num(vm, a[0])));
    });
    moduleAddFunction(vm, m, "ceil", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "ceil", 1, 1);
        if (a[0].isIntLike())
            return Value::integer(a[0].asInt());
        return toIntegral(vm, std::ceil(num(vm, a[0])));
    });
    moduleAddFunction(vm, m, "trunc", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "trunc", 1, 1);
        if (a[0].isIntLike())
            return Value::integer(a[0].asInt());
        return toIntegral(vm, std::trunc(num(vm, a[0])));
    });
    moduleAddFunction(vm, m, "pow", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "pow", 2, 2);
        double x = num(vm, a[0]), y = num(vm, a[1]);
        if (x == 0 && y < 0)
            vm.raise(ExcType::ValueError, "math domain error");
        return mathResult(vm, std::pow(x, y), std::isfinite(x) && std::isfinite(y));
    });
    moduleAddFunction(vm, m, "atan2", [](VM& vm, const CallArgs& a) {
        return Value::floating(std::atan2(num(vm, a[0]), num(vm, a[1])));
    });
    moduleAddFunction(vm, m, "copysign", [](VM& vm, const CallArgs& a) {
        return Value::floating(std::copysign(num(vm, a[0]), num(vm, a[1])));
    });
    moduleAddFunction(vm, m, "fmod", [](VM& vm, const CallArgs& a) {
        double y = num(vm, a[1]);
        if (y == 0)
            vm.raise(ExcType::ValueError, "math domain error");
        return Value::floating(std::fmod(num(vm, a[0]), y));
    });
    moduleAddFunction(vm, m, "hypot", [](VM& vm, const CallArgs& a) {
        double s = 0;
        for (size_t i = 0; i < a.count; ++i)
            s = std::hypot(s, num(vm, a[i]));
        return Value::floating(s);
    });
    moduleAddFunction(vm, m, "dist", [](VM& vm, const CallArgs& a) {
        std::vector<Value> p = vm.toVector(a[0]), q = vm.toVector(a[1]);
        if (p.size() != q.size())
            vm.raise(ExcType::ValueError, "both points must have the same number of dimensions");
        double s = 0;
        for (size_t i = 0; i < p.size(); ++i)
            s = std::hypot(s, num(vm, p[i]) - num(vm, q[i]));
        return Value::floating(s);
    });
    moduleAddFunction(vm, m, "isnan",
                      [](VM& vm, const CallArgs& a) { return Value::boolean(std::isnan(num(vm, a[0]))); });
    moduleAddFunction(vm, m, "isinf",
                      [](VM& vm, const CallArgs& a) { return Value::boolean(std::isinf(num(vm, a[0]))); });
    moduleAddFunction(vm, m, "isfinite",
                      [](VM& vm, const CallArgs& a) { return Value::boolean(std::isfinite(num(vm, a[0]))); });
    moduleAddFunction(vm, m, "isclose", [](VM& vm, const CallArgs& a) {
        double x = num(vm, a[0]), y = num(vm, a[1]);
        double rel = a.keyword("rel_tol") ? num(vm, *a.keyword("rel_tol")) : 1e-9;
        double abs = a.keyword("abs_tol") ? num(vm, *a.keyword("abs_tol")) : 0.0;
        if (x == y)
            return Value::boolean(true);
        if (std::isinf(x) || std::isinf(y))
            return Value::boolean(false);
        double diff = std::fabs(y - x);
        return Value::boolean(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abs);
    });
    moduleAddFunction(vm, m, "gcd", [](VM& vm, const CallArgs& a) {
        int64_t g = 0;
        for (size_t i = 0; i < a.count; ++i)
            g = std::gcd(g, vm.toIndex(a[i]));
        return Value::integer(g < 0 ? -g : g);
    });
    moduleAddFunction(vm, m, "lcm", [](VM& vm, const CallArgs& a) {
        int64_t l = 1;
        for (size_t i = 0; i < a.count; ++i) {
            int64_t x = vm.toIndex(a[i]);
            if (x == 0)
                return Value::integer(0);
            int64_t g = std::gcd(l, x);
            if (__builtin_mul_overflow(l / g, x < 0 ? -x : x, &l))
                vm.raise(ExcType::OverflowError, "Loopscope ints are 64-bit: lcm() does not fit");
        }
        return Value::integer(l);
    });
    moduleAddFunction(vm, m, "factorial", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "factorial", 1, 1);
        if (!a[0].isIntLike())
            vm.raise(ExcType::TypeError,
                     "'" + vm.typeName(a[0]) + "' object cannot be interpreted as an integer");
        int64_t n = a[0].asInt();
        if (n < 0)
            vm.raise(ExcType::ValueError, "factorial() not defined for negative values");
        int64_t r = 1;
        for (int64_t i = 2; i <= n; ++i)
            if (__builtin_mul_overflow(r, i, &r))
                vm.raise(ExcType::OverflowError,
                         "Loopscope ints are 64-bit: factorial(" + std::to_string(n) + ") does not fit");
        return Value::integer(r);
    });
    moduleAddFunction(vm, m, "comb", [](VM& vm, const CallArgs& a) {
        int64_t n = vm.toIndex(a[0]), k = vm.toIndex(a[1]);
        if (n < 0 || k < 0)
            vm.raise(ExcType::ValueError,
                     n < 0 ? "n must be a non-negative integer" : "k must be a non-negative integer");
        if (k > n)
            return Value::integer(0);
        k = std::min(k, n - k);
        __int128 r = 1;
        for (int64_t i = 1; i <= k; ++i) {
            r = r * (n - k + i) / i;
            if (r > INT64_MAX)
                vm.raise(ExcType::OverflowError, "Loopscope ints are 64-bit: comb() does not fit");
        }
        return Value::integer(int64_t(r));
    });
    moduleAddFunction(vm, m, "perm", [](VM& vm, const CallArgs& a) {
        int64_t n = vm.toIndex(a[0]), k = a.count > 1 && !a[1].isNone() ? vm.toIndex(a[1]) : n;
        if (k > n)
            return Value::integer(0);
        int64_t r = 1;
        for (int64_t i = n - k + 1; i <= n; ++i)
            if (__builtin_mul_overflow(r, i, &r))
                vm.raise(ExcType::OverflowError, "Loopscope ints are 64-bit: perm() does not fit");
        return Value::integer(r);
    });
    moduleAddFunction(vm, m, "prod", [](VM& vm, const CallArgs& a) {
        Value r = a.keyword("start") ? *a.keyword("start") : Value::integer(1);
        for (const Value& v : vm.toVector(a[0]))
            r = vm.binaryOp(BinaryOp::Mult, r, v);
        return r;
    });
    moduleAddFunction(vm, m, "fsum", [](VM& vm, const CallArgs& a) {
        // Neumaier summation: exact enough to match CPython's fsum on ordinary inputs.
        double sum = 0, c = 0;
        for (const Value& v : vm.toVector(a[0])) {
            double x = num(vm, v);
            double t = sum + x;
            if (std::fabs(sum) >= std::fabs(x))
                c += (sum - t) + x;
            else
                c += (x - t) + sum;
            sum = t;
        }
        return Value::floating(sum + c);
    });
    moduleAddFunction(vm, m, "modf", [](VM& vm, const CallArgs& a) {
        double ip;
        double fp = std::modf(num(vm, a[0]), &ip);
        return vm.newTuple({Value::floating(fp), Value::floating(ip)});
    });
    moduleAddFunction(vm, m, "frexp", [](VM& vm, const CallArgs& a) {
        int e;
        double mant = std::frexp(num(vm, a[0]), &e);
        return vm.newTuple({Value::floating(mant), Value::integer(e)});
    });
    moduleAddFunction(vm, m, "ldexp", [](VM& vm, const CallArgs& a) {
        return Value::floating(std::ldexp(num(vm, a[0]), int(vm.toIndex(a[1]))));
    });
    moduleAddFunction(vm, m, "isqrt", [](VM& vm, const CallArgs& a) {
        int64_t n = vm.toIndex(a[0]);
        if (n < 0)
            vm.raise(ExcType::ValueError, "isqrt() argument must be nonnegative");
        int64_t r = int64_t(std::sqrt(double(n)));
        while (r * r > n)
            --r;
        while ((r + 1) * (r + 1) <= n)
            ++r;
        return Value::integer(r);
    });
    return m;
}

// -- time ------------------------------------------------------------------------------------------

static Value makeTime(VM& vm)
{
    Value m = makeModule(vm, "time");
    NativeFn now = [](VM& vm, const CallArgs&) { return Value::floating(vm.now()); };
    moduleAddFunction(vm, m, "time", now);
    moduleAddFunction(vm, m, "monotonic", now);
    moduleAddFunction(vm, m, "perf_counter", now);
    moduleAddFunction(vm, m, "process_time", now);
    NativeFn nowNs = [](VM& vm, const CallArgs&) {
        return Value::integer(int64_t(std::llround(vm.now() * 1e9)));
    };
    moduleAddFunction(vm, m, "time_ns", nowNs);
    moduleAddFunction(vm, m, "monotonic_ns", nowNs);
    moduleAddFunction(vm, m, "perf_counter_ns", nowNs);
    // time.sleep blocks: the virtual clock moves while the caller keeps the loop.
    moduleAddFunction(vm, m, "sleep", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "sleep", 1, 1);
        double s = vm.toDouble(a[0]);
        // CPython converts to int64 nanoseconds (_PyTime_t) first, with these errors.
        if (std::isnan(s))
            vm.raise(ExcType::ValueError, "Invalid value NaN (not a number)");
        if (a[0].isIntLike() &&
            (a[0].asInt() > INT64_MAX / 1'000'000'000 || a[0].asInt() < INT64_MIN / 1'000'000'000))
            vm.raise(ExcType::OverflowError, "timestamp too large to convert to C _PyTime_t");
        if (!(std::fabs(s) * 1e9 < 9.223372036854775807e18))
            vm.raise(ExcType::OverflowError, "timestamp out of range for platform time_t");
        if (s < 0)
            vm.raise(ExcType::ValueError, "sleep length must be non-negative");
        // The task holds the loop while it sleeps: the virtual-time budget still holds.
        if (vm.now() + s > vm.options().budgets.virtualTime)
            vm.stopRun("LimitExceeded",
                       "virtual time would pass the limit of " +
                           vm.str(Value::floating(vm.options().budgets.virtualTime)) + " s (time.sleep(" +
                           vm.repr(a[0]) + ") at " + vm.str(Value::floating(vm.now())) + " s)",
                       "max-time");
        const double start = vm.now();
        vm.setNow(start + s);
        if (vm.tracing()) {
            const uint32_t text = vm.internTrace("time.sleep(" + vm.repr(a[0]) + ")");
            vm.record(
                TraceEvent::blockingCall(start, vm.currentTask, StringId{text}, vm.scenarioLine(), vm.now()));
        }
        return Value::none();
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
        uint64_t r = randomValue(vm, vm.random.getrandbits(vm.toIndex(a[0])));
        if (r > uint64_t(INT64_MAX))
            vm.raise(ExcType::OverflowError, "Loopscope ints are 64-bit: getrandbits(64) does not fit");
        return Value::integer(int64_t(r));
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
    moduleAddFunction(vm, m, "set_time", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "set_time", 1, 1);
        // The trace and the timeline rely on a clock that only moves forward.
        const double t = vm.toDouble(a[0]);
        if (!(t >= vm.now()) || std::isinf(t))
            vm.raise(ExcType::ValueError, "the virtual clock only moves forward, to a finite time");
        vm.setNow(t);
        return Value::none();
    });
    addTraceFunctions(vm, m);
    moduleAddFunction(vm, m, "coro_line", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "coro_line", 1, 1);
        if (!isKind(a[0], ObjKind::Generator))
            return Value::integer(0);
        auto* g = a[0].as<GeneratorObj>();
        if (g->finished())
            return Value::integer(0);
        if (!g->started)
            return Value::integer(g->frame->code->firstLine);
        // A coroutine suspended in an await of another coroutine reports the innermost
        // scenario line.
        GeneratorObj* inner = g;
        int line = g->frame->line();
        while (isKind(inner->yieldFrom, ObjKind::Generator)) {
            inner = inner->yieldFrom.as<GeneratorObj>();
            if (inner->finished() || (inner->frame->code->flags & kHidden))
                break;
            line = inner->frame->line();
        }
        return Value::integer(line);
    });
    // Task._step brackets each step with these: a step's own instruction budget, and the task
    // that limits name.
    moduleAddFunction(vm, m, "enter_step", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "enter_step", 1, 1);
        vm.enterTaskStep(a[0]);
        return Value::none();
    });
    moduleAddFunction(vm, m, "leave_step", [](VM& vm, const CallArgs&) {
        vm.leaveTaskStep();
        return Value::none();
    });
    // stop_run(type, message[, option]): ends the run on a limit or a deadlock; nothing in the
    // scenario can catch it. [option] names the command-line option that raises the budget.
    moduleAddFunction(vm, m, "stop_run", [](VM& vm, const CallArgs& a) -> Value {
        checkArgs(vm, a, "stop_run", 2, 3);
        std::string message = vm.str(a[1]);
        if (a.count > 2)
            message += "; raise the budget with --" + vm.str(a[2]);
        vm.stopRunWithMessage(vm.str(a[0]), message);
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
    moduleAddFunction(vm, m, "limits", [](VM& vm, const CallArgs&) {
        return vm.newTuple({Value::integer(int64_t(vm.options().budgets.loopPasses)),
                            Value::floating(vm.options().budgets.virtualTime)});
    });
    moduleAddFunction(vm, m, "set_current_task", [](VM& vm, const CallArgs& a) {
        vm.currentTask = TaskId{a.count ? uint32_t(vm.toIndex(a[0])) : 0u};
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
    vm.nativeModules["math"] = makeMath(vm);
    vm.nativeModules["time"] = makeTime(vm);
    vm.nativeModules["random"] = makeRandom(vm);
    vm.nativeModules["_loopscope"] = makeLoopscope(vm);
}

} // namespace loopscope
