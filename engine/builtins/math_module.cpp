// The math module: CPython's functions on floats, and the integer functions (factorial,
// comb, perm, gcd, lcm, isqrt) exact on ints of any size through GMP (bigint.h).

#include <cmath>

#include "../bigint.h"
#include "../vm.h"

namespace loopscope {

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

// math.floor/ceil/trunc: an int stays itself, an object may define the hook, a float is
// rounded by [round] and converted exactly.
static Value toIntegral(VM& vm, const CallArgs& a, const char* name, StrObj* hook, double (*round)(double))
{
    checkArgs(vm, a, name, 1, 1);
    if (isInteger(a[0]))
        return a[0].isBool() ? Value::integer(a[0].asInt()) : a[0];
    if (isUserKind(a[0])) {
        Value method = vm.lookupSpecial(a[0], hook);
        if (!method.isEmpty())
            return vm.call(method, {a[0]});
    }
    double d = round(num(vm, a[0]));
    if (std::isnan(d))
        vm.raise(ExcType::ValueError, "cannot convert float NaN to integer");
    if (std::isinf(d))
        vm.raise(ExcType::OverflowError, "cannot convert float infinity to integer");
    return intFromDouble(d);
}

// An integer argument of gcd/lcm/comb/...: ints, or objects with __index__.
static Value integerArg(VM& vm, const Value& v)
{
    if (isInteger(v))
        return v.isBool() ? Value::integer(v.asInt()) : v;
    Value index = isUserKind(v) ? vm.lookupSpecial(v, vm.names.__index__) : Value();
    if (index.isEmpty())
        vm.raise(ExcType::TypeError, "'" + vm.typeName(v) + "' object cannot be interpreted as an integer");
    Value r = vm.call(index, {v});
    if (!isInteger(r))
        vm.raise(ExcType::TypeError, "__index__ returned non-int (type " + vm.typeName(r) + ")");
    return r;
}

// The log of [v] by [logOf] (log, log2 or log10); an int too large for a float is split
// as m * 2**e first, as CPython's loghelper does.
static double logOf(VM& vm, const Value& v, double (*logFn)(double))
{
    if (isBigInt(v)) {
        if (intSign(v) <= 0)
            vm.raise(ExcType::ValueError, "math domain error");
        int64_t e = 0;
        double m = intFrexp(v, e);
        return logFn(m) + logFn(2.0) * double(e);
    }
    double x = num(vm, v);
    if (std::isnan(x))
        return x;
    if (x <= 0)
        vm.raise(ExcType::ValueError, "math domain error");
    return logFn(x);
}

// comb and perm: both counts must be non-negative; true when k > n (no way to choose: 0).
static bool chooseNothing(VM& vm, const Value& n, const Value& k)
{
    if (intSign(n) < 0)
        vm.raise(ExcType::ValueError, "n must be a non-negative integer");
    if (intSign(k) < 0)
        vm.raise(ExcType::ValueError, "k must be a non-negative integer");
    return intCompare(k, n) > 0;
}

// n as a GMP unsigned long, or OverflowError with [message].
static unsigned long ulongArg(VM& vm, const Value& n, const char* message)
{
    MpzView z(n);
    if (!mpz_fits_ulong_p(z.get()))
        vm.raise(ExcType::OverflowError, message);
    return mpz_get_ui(z.get());
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
    MATH1("fabs", std::fabs(x));
    MATH1("degrees", x * 180.0 / M_PI);
    MATH1("radians", x * M_PI / 180.0);
    moduleAddFunction(vm, m, "log", [](VM& vm, const CallArgs& a) -> Value {
        checkArgs(vm, a, "log", 1, 2);
        double r = logOf(vm, a[0], [](double x) { return std::log(x); });
        if (a.count == 2) {
            double b = logOf(vm, a[1], [](double x) { return std::log(x); });
            if (b == 0)
                vm.raise(ExcType::ZeroDivisionError, "float division by zero");
            r /= b;
        }
        return Value::floating(r);
    });
    moduleAddFunction(vm, m, "log2", [](VM& vm, const CallArgs& a) -> Value {
        checkArgs(vm, a, "log2", 1, 1);
        return Value::floating(logOf(vm, a[0], [](double x) { return std::log2(x); }));
    });
    moduleAddFunction(vm, m, "log10", [](VM& vm, const CallArgs& a) -> Value {
        checkArgs(vm, a, "log10", 1, 1);
        return Value::floating(logOf(vm, a[0], [](double x) { return std::log10(x); }));
    });
    moduleAddFunction(vm, m, "floor", [](VM& vm, const CallArgs& a) {
        return toIntegral(vm, a, "floor", vm.internStr("__floor__"), [](double x) { return std::floor(x); });
    });
    moduleAddFunction(vm, m, "ceil", [](VM& vm, const CallArgs& a) {
        return toIntegral(vm, a, "ceil", vm.internStr("__ceil__"), [](double x) { return std::ceil(x); });
    });
    moduleAddFunction(vm, m, "trunc", [](VM& vm, const CallArgs& a) {
        return toIntegral(vm, a, "trunc", vm.internStr("__trunc__"), [](double x) { return std::trunc(x); });
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
        Mpz g;
        for (size_t i = 0; i < a.count; ++i) {
            MpzView x(integerArg(vm, a[i]));
            mpz_gcd(g.get(), g.get(), x.get());
        }
        return intFromMpz(g.get());
    });
    moduleAddFunction(vm, m, "lcm", [](VM& vm, const CallArgs& a) {
        Mpz l(1);
        for (size_t i = 0; i < a.count; ++i) {
            MpzView x(integerArg(vm, a[i]));
            checkIntResultBits(vm, double(mpz_sizeinbase(l.get(), 2)) + double(mpz_sizeinbase(x.get(), 2)));
            mpz_lcm(l.get(), l.get(), x.get());
        }
        return intFromMpz(l.get());
    });
    moduleAddFunction(vm, m, "factorial", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "factorial", 1, 1);
        Value n = integerArg(vm, a[0]);
        if (intSign(n) < 0)
            vm.raise(ExcType::ValueError, "factorial() not defined for negative values");
        unsigned long k = ulongArg(vm, n, "factorial() argument should not exceed 9223372036854775807");
        checkIntResultBits(vm, double(k) * std::log2(double(k) + 1));
        Mpz r;
        mpz_fac_ui(r.get(), k);
        vm.chargeWork(mpz_size(r.get()));
        return intFromMpz(r.get());
    });
    moduleAddFunction(vm, m, "comb", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "comb", 2, 2);
        Value n = integerArg(vm, a[0]), k = integerArg(vm, a[1]);
        if (chooseNothing(vm, n, k))
            return Value::integer(0);
        Value rest = vm.binaryOp(BinaryOp::Sub, n, k);
        Value smaller = intCompare(rest, k) < 0 ? rest : k;
        unsigned long kk = ulongArg(vm, smaller, "min(n - k, k) must not exceed 9223372036854775807");
        MpzView nz(n);
        checkIntResultBits(vm, double(kk) * double(mpz_sizeinbase(nz.get(), 2)));
        Mpz r;
        mpz_bin_ui(r.get(), nz.get(), kk);
        vm.chargeWork(mpz_size(r.get()));
        return intFromMpz(r.get());
    });
    moduleAddFunction(vm, m, "perm", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "perm", 1, 2);
        Value n = integerArg(vm, a[0]);
        Value k = a.count > 1 && !a[1].isNone() ? integerArg(vm, a[1]) : n;
        if (chooseNothing(vm, n, k))
            return Value::integer(0);
        unsigned long kk = ulongArg(vm, k, "k must not exceed 9223372036854775807");
        MpzView nz(n);
        checkIntResultBits(vm, double(kk) * double(mpz_sizeinbase(nz.get(), 2)));
        // n * (n - 1) * ... * (n - k + 1)
        Mpz r(1), factor;
        mpz_set(factor.get(), nz.get());
        for (unsigned long i = 0; i < kk; ++i) {
            mpz_mul(r.get(), r.get(), factor.get());
            mpz_sub_ui(factor.get(), factor.get(), 1);
        }
        vm.chargeWork(mpz_size(r.get()) * 4);
        return intFromMpz(r.get());
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
        checkArgs(vm, a, "isqrt", 1, 1);
        Value n = integerArg(vm, a[0]);
        if (intSign(n) < 0)
            vm.raise(ExcType::ValueError, "isqrt() argument must be nonnegative");
        MpzView z(n);
        Mpz r;
        mpz_sqrt(r.get(), z.get());
        return intFromMpz(r.get());
    });
    return m;
}

void registerMathModule(VM& vm)
{
    vm.nativeModules["math"] = makeMath(vm);
}

} // namespace loopscope
