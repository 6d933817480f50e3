// Python's int beyond 64 bits, on GMP (see bigint.h).

#include "bigint.h"

#include <cmath>
#include <cstring>

#include "memory_budget.h"
#include "vm.h"

namespace loopscope {

// -- Memory ----------------------------------------------------------------------------------------

// GMP's limbs count toward the memory budget like every other allocation of the scenario; GMP
// cannot unwind an exception, so past the limit they are granted and the VM ends the run at its
// next check (checkIntResultBits keeps any single result far below the limit).
static void* gmpAllocate(size_t bytes)
{
    return budgetedAllocate(bytes);
}

static void* gmpReallocate(void* old, size_t oldBytes, size_t bytes)
{
    return budgetedReallocate(old, oldBytes, bytes);
}

static void gmpFree(void* p, size_t bytes)
{
    budgetedFree(p, bytes);
}

static void useCountingAllocator()
{
    static const bool installed = [] {
        mp_set_memory_functions(gmpAllocate, gmpReallocate, gmpFree);
        return true;
    }();
    (void)installed;
}

void checkIntResultBits(VM& vm, double bits)
{
    // One GMP operation cannot be interrupted by the instruction budget: results are capped at
    // 2**26 bits (about 20 million decimal digits, a fraction of a second to compute) as well as
    // by the memory budget, so that no single expression runs for long.
    constexpr double kMaxBits = double(int64_t(1) << 26);
    if (bits > kMaxBits || bits / 8 > double(vm.options().budgets.memoryBytes))
        vm.raise(ExcType::MemoryError, "");
}

// -- Objects and views -----------------------------------------------------------------------------

BigIntObj::BigIntObj() : Obj(ObjKind::BigInt, VM::current().types.intType)
{
    useCountingAllocator();
    mpz_init(value);
}

BigIntObj::~BigIntObj()
{
    mpz_clear(value);
}

Mpz::Mpz()
{
    useCountingAllocator();
    mpz_init(value_);
}

Mpz::Mpz(int64_t value)
{
    useCountingAllocator();
    mpz_init_set_si(value_, long(value));
}

Mpz::~Mpz()
{
    mpz_clear(value_);
}

MpzView::MpzView(const Value& v)
{
    if (isBigInt(v)) {
        keep_ = v;
        view_ = v.as<BigIntObj>()->value;
        return;
    }
    useCountingAllocator();
    mpz_init_set_si(local_, long(v.asInt()));
    ownsLocal_ = true;
    view_ = local_;
}

MpzView::~MpzView()
{
    if (ownsLocal_)
        mpz_clear(local_);
}

// Charges the budget for an operation that produced [z] (see VM::chargeWork): 8 units a limb,
// about what the interpreter does in the time GMP multiplies numbers that long.
static Value charged(VM& vm, mpz_srcptr z)
{
    vm.chargeWork(mpz_size(z) * 8);
    return intFromMpz(z);
}

Value intFromMpz(mpz_srcptr z)
{
    static_assert(sizeof(long) == sizeof(int64_t), "GMP's long must hold an int64_t");
    if (mpz_fits_slong_p(z))
        return Value::integer(int64_t(mpz_get_si(z)));
    auto* big = new BigIntObj();
    Value result = Value::object(big);
    mpz_set(big->value, z);
    return result;
}

int64_t intBitLength(const Value& v)
{
    if (isBigInt(v))
        return int64_t(mpz_sizeinbase(v.as<BigIntObj>()->value, 2));
    uint64_t m = v.asInt() < 0 ? 0 - uint64_t(v.asInt()) : uint64_t(v.asInt());
    return m == 0 ? 0 : 64 - __builtin_clzll(m);
}

int intSign(const Value& v)
{
    if (isBigInt(v))
        return mpz_sgn(v.as<BigIntObj>()->value);
    return v.asInt() < 0 ? -1 : v.asInt() > 0;
}

// -- Conversion to and from float ------------------------------------------------------------------

// num / den (den > 0) as the nearest double, ties to even, subnormals included. False when the
// result is too large for a double.
static bool ratioToDouble(mpz_srcptr num, mpz_srcptr den, double& out)
{
    int sign = mpz_sgn(num);
    if (sign == 0) {
        out = 0.0;
        return true;
    }
    Mpz a, b, q, r;
    mpz_abs(a.get(), num);
    mpz_set(b.get(), den);
    // The exponent E of the quotient: 2**E <= a/b < 2**(E+1).
    int64_t e = int64_t(mpz_sizeinbase(a.get(), 2)) - int64_t(mpz_sizeinbase(b.get(), 2));
    {
        Mpz shifted;
        if (e >= 0) {
            mpz_mul_2exp(shifted.get(), b.get(), mp_bitcnt_t(e));
            if (mpz_cmp(a.get(), shifted.get()) < 0)
                --e;
        } else {
            mpz_mul_2exp(shifted.get(), a.get(), mp_bitcnt_t(-e));
            if (mpz_cmp(shifted.get(), b.get()) < 0)
                --e;
        }
    }
    if (e > 1023)
        return false;
    // Quotient in units of the last place the result can hold, then rounded half to even.
    int64_t ulp = std::max<int64_t>(e - 52, -1074);
    if (ulp < 0)
        mpz_mul_2exp(a.get(), a.get(), mp_bitcnt_t(-ulp));
    else
        mpz_mul_2exp(b.get(), b.get(), mp_bitcnt_t(ulp));
    mpz_fdiv_qr(q.get(), r.get(), a.get(), b.get());
    mpz_mul_2exp(r.get(), r.get(), 1);
    int half = mpz_cmp(r.get(), b.get());
    if (half > 0 || (half == 0 && mpz_odd_p(q.get())))
        mpz_add_ui(q.get(), q.get(), 1);
    double mantissa = mpz_get_d(q.get()); // at most 2**53: exact
    double result = std::ldexp(mantissa, int(ulp));
    if (std::isinf(result))
        return false;
    out = sign < 0 ? -result : result;
    return true;
}

double intToDouble(VM& vm, const Value& v)
{
    if (!isBigInt(v))
        return double(v.asInt());
    Mpz one(1);
    double out;
    if (!ratioToDouble(v.as<BigIntObj>()->value, one.get(), out))
        vm.raise(ExcType::OverflowError, "int too large to convert to float");
    return out;
}

double intFrexp(const Value& v, int64_t& exponent)
{
    MpzView x(v);
    Mpz magnitude, scale;
    mpz_abs(magnitude.get(), x.get());
    exponent = int64_t(mpz_sizeinbase(magnitude.get(), 2));
    mpz_setbit(scale.get(), mp_bitcnt_t(exponent));
    double m = 0;
    ratioToDouble(magnitude.get(), scale.get(), m); // in [0.5, 1]: cannot overflow
    if (m == 1.0) {
        m = 0.5;
        ++exponent;
    }
    return mpz_sgn(x.get()) < 0 ? -m : m;
}

Value intFromDouble(double d)
{
    double t = std::trunc(d);
    if (t >= -9223372036854775808.0 && t < 9223372036854775808.0)
        return Value::integer(int64_t(t));
    Mpz z;
    mpz_set_d(z.get(), t); // exact: a double this large is an integer
    return intFromMpz(z.get());
}

Value intTrueDivide(VM& vm, const Value& a, const Value& b)
{
    if (intSign(b) == 0)
        vm.raise(ExcType::ZeroDivisionError, "division by zero");
    // Both exactly representable: the hardware division is correctly rounded.
    constexpr int64_t kExact = int64_t(1) << 53;
    if (!isBigInt(a) && !isBigInt(b) && a.asInt() >= -kExact && a.asInt() <= kExact && b.asInt() >= -kExact &&
        b.asInt() <= kExact)
        return Value::floating(double(a.asInt()) / double(b.asInt()));
    MpzView x(a), y(b);
    Mpz num, den;
    mpz_set(num.get(), x.get());
    mpz_abs(den.get(), y.get());
    if (mpz_sgn(y.get()) < 0)
        mpz_neg(num.get(), num.get());
    double out;
    if (!ratioToDouble(num.get(), den.get(), out))
        vm.raise(ExcType::OverflowError, "integer division result too large for a float");
    if (out == 0.0 && (mpz_sgn(x.get()) < 0) != (mpz_sgn(y.get()) < 0) && mpz_sgn(x.get()) != 0)
        out = -0.0;
    return Value::floating(out);
}

// -- Comparison and hashing ------------------------------------------------------------------------

int intCompare(const Value& a, const Value& b)
{
    if (!isBigInt(a) && !isBigInt(b))
        return a.asInt() < b.asInt() ? -1 : a.asInt() > b.asInt();
    MpzView x(a), y(b);
    int c = mpz_cmp(x.get(), y.get());
    return c < 0 ? -1 : c > 0;
}

int intCompareDouble(const Value& i, double d)
{
    if (std::isinf(d))
        return d > 0 ? -1 : 1;
    constexpr int64_t kExact = int64_t(1) << 53;
    if (!isBigInt(i) && i.asInt() >= -kExact && i.asInt() <= kExact) {
        double x = double(i.asInt());
        return x < d ? -1 : x > d;
    }
    MpzView x(i);
    int c = mpz_cmp_d(x.get(), d); // exact
    return c < 0 ? -1 : c > 0;
}

int64_t intHash(const Value& v)
{
    constexpr uint64_t kModulus = (uint64_t(1) << 61) - 1;
    int64_t h;
    if (isBigInt(v)) {
        mpz_srcptr z = v.as<BigIntObj>()->value;
        h = int64_t(mpz_tdiv_ui(z, kModulus)); // the remainder of |z|
        if (mpz_sgn(z) < 0)
            h = -h;
    } else {
        int64_t i = v.asInt();
        uint64_t magnitude = i < 0 ? 0 - uint64_t(i) : uint64_t(i);
        h = int64_t(magnitude % kModulus);
        if (i < 0)
            h = -h;
    }
    return h == -1 ? -2 : h;
}

// -- Arithmetic ------------------------------------------------------------------------------------

Value intNegate(const Value& v)
{
    if (!isBigInt(v) && v.asInt() != INT64_MIN)
        return Value::integer(-v.asInt());
    MpzView x(v);
    Mpz r;
    mpz_neg(r.get(), x.get());
    return intFromMpz(r.get());
}

Value intAbs(const Value& v)
{
    return intSign(v) < 0 ? intNegate(v) : (v.isBool() ? Value::integer(v.asInt()) : v);
}

// A non-negative shift count or exponent as an unsigned long; false when [v] is larger.
static bool smallCount(const Value& v, unsigned long& out)
{
    if (isBigInt(v)) {
        if (!mpz_fits_ulong_p(v.as<BigIntObj>()->value))
            return false;
        out = mpz_get_ui(v.as<BigIntObj>()->value);
        return true;
    }
    out = (unsigned long)v.asInt();
    return true;
}

static Value intPower(VM& vm, const Value& a, const Value& b)
{
    if (intSign(b) < 0) {
        // int ** negative int is float arithmetic, as in CPython.
        double x = intToDouble(vm, a), y = intToDouble(vm, b);
        if (x == 0)
            vm.raise(ExcType::ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return Value::floating(std::pow(x, y));
    }
    MpzView x(a);
    if (mpz_cmpabs_ui(x.get(), 1) <= 0) {
        // 0, 1 and -1 stay small whatever the exponent.
        if (mpz_sgn(x.get()) >= 0)
            return intSign(b) == 0 ? Value::integer(1) : Value::integer(int64_t(mpz_get_si(x.get())));
        MpzView y(b);
        return Value::integer(mpz_even_p(y.get()) ? 1 : -1);
    }
    unsigned long exponent = 0;
    if (!smallCount(b, exponent))
        vm.raise(ExcType::MemoryError, "");
    checkIntResultBits(vm, double(mpz_sizeinbase(x.get(), 2)) * double(exponent));
    Mpz r;
    mpz_pow_ui(r.get(), x.get(), exponent);
    return charged(vm, r.get());
}

static Value intShift(VM& vm, BinaryOp op, const Value& a, const Value& b)
{
    if (intSign(b) < 0)
        vm.raise(ExcType::ValueError, "negative shift count");
    MpzView x(a);
    unsigned long count = 0;
    bool fits = smallCount(b, count);
    Mpz r;
    if (op == BinaryOp::RShift) {
        if (!fits || count >= mpz_sizeinbase(x.get(), 2))
            return Value::integer(mpz_sgn(x.get()) < 0 ? -1 : 0);
        mpz_fdiv_q_2exp(r.get(), x.get(), count);
        return charged(vm, r.get());
    }
    if (mpz_sgn(x.get()) == 0)
        return Value::integer(0);
    if (!fits)
        vm.raise(ExcType::OverflowError, "too many digits in integer");
    checkIntResultBits(vm, double(mpz_sizeinbase(x.get(), 2)) + double(count));
    mpz_mul_2exp(r.get(), x.get(), count);
    return charged(vm, r.get());
}

Value intBinaryOp(VM& vm, BinaryOp op, const Value& a, const Value& b)
{
    switch (op) {
    case BinaryOp::Div:
        return intTrueDivide(vm, a, b);
    case BinaryOp::Pow:
        return intPower(vm, a, b);
    case BinaryOp::LShift:
    case BinaryOp::RShift:
        return intShift(vm, op, a, b);
    case BinaryOp::MatMult:
        return Value();
    default:
        break;
    }
    MpzView x(a), y(b);
    Mpz r;
    switch (op) {
    case BinaryOp::Add:
        mpz_add(r.get(), x.get(), y.get());
        break;
    case BinaryOp::Sub:
        mpz_sub(r.get(), x.get(), y.get());
        break;
    case BinaryOp::Mult:
        checkIntResultBits(vm, double(mpz_sizeinbase(x.get(), 2)) + double(mpz_sizeinbase(y.get(), 2)));
        mpz_mul(r.get(), x.get(), y.get());
        break;
    case BinaryOp::FloorDiv:
        if (mpz_sgn(y.get()) == 0)
            vm.raise(ExcType::ZeroDivisionError, "integer division or modulo by zero");
        mpz_fdiv_q(r.get(), x.get(), y.get());
        break;
    case BinaryOp::Mod:
        if (mpz_sgn(y.get()) == 0)
            vm.raise(ExcType::ZeroDivisionError, "integer modulo by zero");
        mpz_fdiv_r(r.get(), x.get(), y.get());
        break;
    case BinaryOp::Or:
        mpz_ior(r.get(), x.get(), y.get());
        break;
    case BinaryOp::Xor:
        mpz_xor(r.get(), x.get(), y.get());
        break;
    case BinaryOp::And:
        mpz_and(r.get(), x.get(), y.get());
        break;
    default:
        return Value();
    }
    return charged(vm, r.get());
}

Value intPowMod(VM& vm, const Value& base, const Value& exp, const Value& mod)
{
    MpzView b(base), e(exp), m(mod);
    if (mpz_sgn(m.get()) == 0)
        vm.raise(ExcType::ValueError, "pow() 3rd argument cannot be 0");
    Mpz modulus, r;
    mpz_abs(modulus.get(), m.get());
    if (mpz_cmp_ui(modulus.get(), 1) == 0)
        return Value::integer(0);
    if (mpz_sgn(e.get()) < 0) {
        Mpz inverse;
        if (!mpz_invert(inverse.get(), b.get(), modulus.get()))
            vm.raise(ExcType::ValueError, "base is not invertible for the given modulus");
        Mpz positive;
        mpz_neg(positive.get(), e.get());
        mpz_powm(r.get(), inverse.get(), positive.get(), modulus.get());
    } else {
        mpz_powm(r.get(), b.get(), e.get(), modulus.get());
    }
    // The result takes the sign of the modulus, as % does.
    if (mpz_sgn(m.get()) < 0 && mpz_sgn(r.get()) != 0)
        mpz_sub(r.get(), r.get(), modulus.get());
    return charged(vm, r.get());
}

// -- Text ------------------------------------------------------------------------------------------

static std::string digitLimitMessage(VM& vm)
{
    return "Exceeds the limit (" + std::to_string(vm.maxStrDigits) +
           " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";
}

// True when [z] has more decimal digits than the limit allows for certain, judged before
// converting it (mpz_sizeinbase is exact or one too many).
static bool surelyOverDigitLimit(VM& vm, mpz_srcptr z)
{
    return vm.maxStrDigits > 0 && int64_t(mpz_sizeinbase(z, 10)) - 1 > vm.maxStrDigits;
}

// The digits of |z| in [base], or the digit-limit error.
static FormatResult magnitudeDigits(VM& vm, mpz_srcptr z, int base)
{
    if (base == 10 && surelyOverDigitLimit(vm, z))
        return FormatResult::failure("ValueError", digitLimitMessage(vm));
    vm.chargeWork(mpz_size(z));
    std::string text(mpz_sizeinbase(z, base) + 2, '\0');
    mpz_get_str(text.data(), base, z);
    text.resize(std::strlen(text.c_str()));
    if (text[0] == '-')
        text.erase(0, 1);
    if (base == 10 && vm.maxStrDigits > 0 && int64_t(text.size()) > vm.maxStrDigits)
        return FormatResult::failure("ValueError", digitLimitMessage(vm));
    return FormatResult::success(std::move(text));
}

std::string intToString(VM& vm, const Value& v, int base)
{
    if (!isBigInt(v) && base == 10)
        return std::to_string(v.asInt());
    MpzView x(v);
    FormatResult digits = magnitudeDigits(vm, x.get(), base);
    if (!digits.ok)
        vm.raise(ExcType::ValueError, digits.error);
    return mpz_sgn(x.get()) < 0 ? "-" + digits.text : digits.text;
}

IntOperand intOperand(VM& vm, const Value& v)
{
    IntOperand operand;
    operand.negative = intSign(v) < 0;
    if (!isBigInt(v)) {
        operand.small = v.asInt();
        operand.asDouble = double(v.asInt());
    } else {
        Mpz one(1);
        double d;
        if (ratioToDouble(v.as<BigIntObj>()->value, one.get(), d))
            operand.asDouble = d;
    }
    Value keep = v;
    operand.magnitude = [&vm, keep](int base) {
        MpzView x(keep);
        return magnitudeDigits(vm, x.get(), base);
    };
    return operand;
}

Value intFromDigits(VM& vm, std::string_view digits, int base, bool negative)
{
    bool powerOfTwo = (base & (base - 1)) == 0;
    if (!powerOfTwo && vm.maxStrDigits > 0 && int64_t(digits.size()) > vm.maxStrDigits)
        vm.raise(ExcType::ValueError, "Exceeds the limit (" + std::to_string(vm.maxStrDigits) +
                                          " digits) for integer string conversion: value has " +
                                          std::to_string(digits.size()) +
                                          " digits; use sys.set_int_max_str_digits() to increase the limit");
    if (digits.size() <= 18 && base <= 10) {
        int64_t value = 0;
        for (char c : digits)
            value = value * base + (c - '0');
        return Value::integer(negative ? -value : value);
    }
    Mpz z;
    std::string text(digits);
    mpz_set_str(z.get(), text.c_str(), base);
    if (negative)
        mpz_neg(z.get(), z.get());
    return intFromMpz(z.get());
}

} // namespace loopscope
