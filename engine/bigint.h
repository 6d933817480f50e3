#pragma once
// Python's int beyond 64 bits. Ints that fit in int64_t live unboxed in a Value (Tag::Int);
// a result that does not fit becomes a BigIntObj holding a GMP integer, and every result that
// fits again goes back to the unboxed form, so each int has exactly one representation.
// The functions below take any integer Value (int, bool or big int) and do what CPython's
// int does: arithmetic, exact comparison with floats, the modular hash, correctly rounded
// conversion to float, and the str <-> int digit limit of CPython 3.11.

#include <cstdint>
#include <gmp.h>
#include <string>
#include <string_view>

#include "chunk.h"
#include "format/format_spec.h"
#include "object.h"

namespace loopscope {

class VM;

struct BigIntObj final : Obj {
    BigIntObj(); // zero; the class is the running VM's int
    ~BigIntObj() override;
    mpz_t value;
};

inline bool isBigInt(const Value& v)
{
    return isKind(v, ObjKind::BigInt);
}
// int, bool or big int: what Python's isinstance(v, int) accepts among builtin values.
inline bool isInteger(const Value& v)
{
    return v.isIntLike() || isBigInt(v);
}

// An mpz_t that frees itself.
class Mpz {
  public:
    Mpz();
    explicit Mpz(int64_t value);
    ~Mpz();
    Mpz(const Mpz&) = delete;
    Mpz& operator=(const Mpz&) = delete;
    mpz_ptr get() { return value_; }
    mpz_srcptr get() const { return value_; }

  private:
    mpz_t value_;
};

// Read-only GMP access to an integer Value without copying a big one.
class MpzView {
  public:
    explicit MpzView(const Value& v);
    ~MpzView();
    MpzView(const MpzView&) = delete;
    MpzView& operator=(const MpzView&) = delete;
    mpz_srcptr get() const { return view_; }

  private:
    Value keep_; // a big int stays alive as long as the view (it may be a temporary)
    mpz_t local_;
    mpz_srcptr view_;
    bool ownsLocal_ = false;
};

// The Value of [z]: unboxed when it fits in int64_t.
Value intFromMpz(mpz_srcptr z);

// [a] op [b] for two integers, exactly as Python's int; the small-int fast paths call it when
// they cannot answer. Returns Empty for an operator int does not support (@).
Value intBinaryOp(VM& vm, BinaryOp op, const Value& a, const Value& b);
Value intNegate(const Value& v);
Value intAbs(const Value& v);
// pow(base, exp, mod) for integers, negative exponents included (modular inverse).
Value intPowMod(VM& vm, const Value& base, const Value& exp, const Value& mod);
// a / b, correctly rounded as CPython's long_true_divide.
Value intTrueDivide(VM& vm, const Value& a, const Value& b);

// -1, 0 or 1.
int intCompare(const Value& a, const Value& b);
int intSign(const Value& v);
// Compares integer [i] with [d] exactly (CPython's float_richcompare); [d] must not be NaN.
int intCompareDouble(const Value& i, double d);

// hash(): the value modulo 2**61 - 1 with its sign, -1 becoming -2.
int64_t intHash(const Value& v);

// float(i), rounded half to even; OverflowError "int too large to convert to float".
double intToDouble(VM& vm, const Value& v);
// [v] as m * 2**exponent with 0.5 <= |m| < 1, m rounded half to even (CPython's _PyLong_Frexp).
double intFrexp(const Value& v, int64_t& exponent);
// int(d) for a finite [d], truncated toward zero.
Value intFromDouble(double d);

// The digits of [v] in [base] (2..36, lower case), with a '-' when negative and no prefix.
// Base 10 honours the digit limit (sys.set_int_max_str_digits): ValueError past it.
std::string intToString(VM& vm, const Value& v, int base = 10);
// [v] as the formatter sees it (format(), f-strings, %-formatting).
IntOperand intOperand(VM& vm, const Value& v);
// The int spelled by [digits] (no sign, no underscores, no prefix) in [base]; the caller has
// checked them. A non-power-of-two base honours the digit limit: ValueError past it.
Value intFromDigits(VM& vm, std::string_view digits, int base, bool negative);

int64_t intBitLength(const Value& v);
// Raises MemoryError when a result of [bits] bits could not fit the memory budget, before
// GMP tries to allocate it (GMP aborts the process when an allocation fails).
void checkIntResultBits(VM& vm, double bits);

// CPython 3.11's default limit on decimal digits in int <-> str conversions.
inline constexpr int64_t kDefaultMaxStrDigits = 4300;
// The shortest limit sys.set_int_max_str_digits accepts (other than 0, no limit).
inline constexpr int64_t kMinMaxStrDigits = 640;

} // namespace loopscope
