// Methods of int: bit_length, bit_count, to_bytes, from_bytes, as_integer_ratio and the
// dunder methods (int.__add__(1, 2), super().__lt__(other) in a subclass), for small and big
// ints alike (bigint.h).

#include <algorithm>

#include "../bigint.h"
#include "../vm.h"

namespace loopscope {

namespace {

// self as an int: bool's methods are int's. An instance of a user class deriving from int (an
// IntEnum member) keeps its int in `_value_`.
Value selfInt(VM& vm, const CallArgs& a, const char* name)
{
    if (a.count > 0 && isInteger(a[0]))
        return a[0].isBool() ? Value::integer(a[0].asInt()) : a[0];
    if (a.count > 0 && isUserKind(a[0]) && vm.typeOf(a[0])->isSubclassOf(vm.types.intType)) {
        Value* inner = static_cast<InstanceObj*>(a[0].asObject())->attrs.findStr(vm.internStr("_value_"));
        if (inner && isInteger(*inner))
            return *inner;
    }
    vm.raise(ExcType::TypeError, std::string("descriptor '") + name + "' requires a 'int' object");
}

const Value* argument(const CallArgs& a, size_t position, const char* keyword)
{
    if (a.count > position)
        return &a.args[position];
    return a.keyword(keyword);
}

bool littleEndian(VM& vm, const Value* order)
{
    if (!order)
        return false; // "big" is the default since 3.11
    if (!isStr(*order))
        vm.raise(ExcType::TypeError,
                 "to_bytes() argument 'byteorder' must be str, not " + vm.typeName(*order));
    const std::string& text = strText(*order);
    if (text != "little" && text != "big")
        vm.raise(ExcType::ValueError, "byteorder must be either 'little' or 'big'");
    return text == "little";
}

Value toBytes(VM& vm, const CallArgs& a)
{
    Value self = selfInt(vm, a, "to_bytes");
    const Value* lengthArg = argument(a, 1, "length");
    int64_t length = lengthArg ? vm.toIndex(*lengthArg) : 1;
    if (length < 0)
        vm.raise(ExcType::ValueError, "length argument must be non-negative");
    bool little = littleEndian(vm, argument(a, 2, "byteorder"));
    const Value* signedArg = a.keyword("signed");
    bool isSigned = signedArg && vm.truthy(*signedArg);
    if (!isSigned && intSign(self) < 0)
        vm.raise(ExcType::OverflowError, "can't convert negative int to unsigned");
    // Two's complement of a negative value in [length] bytes: value + 256**length.
    Value bits = Value::integer(8 * length);
    Value value = self;
    if (intSign(self) < 0)
        value = vm.binaryOp(BinaryOp::Add, self, vm.binaryOp(BinaryOp::LShift, Value::integer(1), bits));
    bool fits = intSign(value) >= 0 && intBitLength(value) <= 8 * length;
    if (isSigned && fits && length > 0) {
        // The sign bit must agree with the sign.
        bool topBit = intBitLength(value) == 8 * length;
        fits = topBit == (intSign(self) < 0);
        if (intSign(self) == 0)
            fits = true;
    }
    if (!fits || (length == 0 && intSign(self) != 0))
        vm.raise(ExcType::OverflowError, "int too big to convert");
    MpzView z(value);
    std::string out(size_t(length), '\0');
    size_t written = 0;
    mpz_export(out.data() + size_t(length) -
                   std::min<size_t>(size_t(length), (mpz_sizeinbase(z.get(), 2) + 7) / 8),
               &written, 1, 1, 1, 0, z.get());
    if (little)
        std::reverse(out.begin(), out.end());
    return Value::object(new BytesObj(std::move(out)));
}

Value fromBytes(VM& vm, const CallArgs& a)
{
    // a[0] is the class (a classmethod).
    const Value* bytesArg = argument(a, 1, "bytes");
    if (!bytesArg)
        vm.raise(ExcType::TypeError, "from_bytes() missing required argument 'bytes' (pos 1)");
    std::string data;
    if (isKind(*bytesArg, ObjKind::Bytes)) {
        data = bytesArg->as<BytesObj>()->data;
    } else if (isStr(*bytesArg)) {
        vm.raise(ExcType::TypeError, "cannot convert 'str' object to bytes");
    } else {
        for (const Value& item : vm.toVector(*bytesArg)) {
            int64_t b = vm.toIndex(item);
            if (b < 0 || b > 255)
                vm.raise(ExcType::ValueError, "bytes must be in range(0, 256)");
            data += char(b);
        }
    }
    bool little = littleEndian(vm, argument(a, 2, "byteorder"));
    const Value* signedArg = a.keyword("signed");
    bool isSigned = signedArg && vm.truthy(*signedArg);
    if (little)
        std::reverse(data.begin(), data.end());
    Mpz z;
    if (!data.empty())
        mpz_import(z.get(), data.size(), 1, 1, 1, 0, data.data());
    if (isSigned && !data.empty() && (static_cast<unsigned char>(data[0]) & 0x80)) {
        Mpz modulus;
        mpz_setbit(modulus.get(), mp_bitcnt_t(8 * data.size()));
        mpz_sub(z.get(), z.get(), modulus.get());
    }
    return intFromMpz(z.get());
}

// int.__op__(self, other): NotImplemented unless [other] is an int too.
template <BinaryOp op, bool reflected> Value dunderBinary(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "int operation", 2, 2);
    Value self = selfInt(vm, a, "__op__");
    if (!isInteger(a[1]))
        return vm.notImplemented;
    return reflected ? vm.binaryOp(op, a[1], self) : vm.binaryOp(op, self, a[1]);
}

template <CompareKind kind> Value dunderCompare(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "int comparison", 2, 2);
    Value self = selfInt(vm, a, "__cmp__");
    if (!isInteger(a[1]))
        return vm.notImplemented;
    return vm.richCompare(self, a[1], kind);
}

} // namespace

void registerIntMethods(VM& vm)
{
    ClassObj* i = vm.types.intType;
    vm.addMethod(i, "bit_length", [](VM& vm, const CallArgs& a) {
        return Value::integer(intBitLength(selfInt(vm, a, "bit_length")));
    });
    vm.addMethod(i, "bit_count", [](VM& vm, const CallArgs& a) {
        MpzView z(intAbs(selfInt(vm, a, "bit_count")));
        return Value::integer(int64_t(mpz_popcount(z.get())));
    });
    auto identity = [](VM& vm, const CallArgs& a) { return selfInt(vm, a, "__int__"); };
    for (const char* name :
         {"conjugate", "__index__", "__int__", "__pos__", "__trunc__", "__floor__", "__ceil__"})
        vm.addMethod(i, name, identity);
    vm.addMethod(i, "__float__", [](VM& vm, const CallArgs& a) {
        return Value::floating(vm.toDouble(selfInt(vm, a, "__float__")));
    });
    vm.addMethod(i, "__neg__",
                 [](VM& vm, const CallArgs& a) { return intNegate(selfInt(vm, a, "__neg__")); });
    vm.addMethod(i, "__abs__", [](VM& vm, const CallArgs& a) { return intAbs(selfInt(vm, a, "__abs__")); });
    vm.addMethod(i, "__invert__", [](VM& vm, const CallArgs& a) {
        return vm.unaryOp(Op::UNARY_INVERT, selfInt(vm, a, "__invert__"));
    });
    vm.addMethod(i, "__bool__", [](VM& vm, const CallArgs& a) {
        return Value::boolean(intSign(selfInt(vm, a, "__bool__")) != 0);
    });
    vm.addMethod(i, "__hash__", [](VM& vm, const CallArgs& a) {
        return Value::integer(intHash(selfInt(vm, a, "__hash__")));
    });
    auto repr = [](VM& vm, const CallArgs& a) {
        selfInt(vm, a, "__repr__");
        return vm.newStr(vm.repr(a[0]));
    };
    vm.addMethod(i, "__repr__", repr);
    vm.addMethod(i, "__str__", repr);
    vm.addMethod(i, "__round__", [](VM& vm, const CallArgs& a) {
        Value round = *vm.builtinsDict.as<DictObj>()->table.findStr(vm.internStr("round"));
        if (a.count > 1)
            return vm.call(round, {selfInt(vm, a, "__round__"), a[1]});
        return vm.call(round, {selfInt(vm, a, "__round__")});
    });
    vm.addMethod(i, "as_integer_ratio", [](VM& vm, const CallArgs& a) {
        return vm.newTuple({selfInt(vm, a, "as_integer_ratio"), Value::integer(1)});
    });
    vm.addMethod(i, "__format__", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "__format__", 2, 2);
        if (!isStr(a[1]))
            vm.raise(ExcType::TypeError, "__format__() argument must be str, not " + vm.typeName(a[1]));
        return vm.newStr(vm.format(a[0], strText(a[1])));
    });
    vm.addMethod(i, "to_bytes", toBytes);
    Value fromBytesFn = vm.newNative("int.from_bytes", fromBytes);
    i->dict->table.set(vm.intern("from_bytes"),
                       Value::object(new MethodWrapperObj(ObjKind::ClassMethod, fromBytesFn)));

    vm.addMethod(i, "__add__", dunderBinary<BinaryOp::Add, false>);
    vm.addMethod(i, "__radd__", dunderBinary<BinaryOp::Add, true>);
    vm.addMethod(i, "__sub__", dunderBinary<BinaryOp::Sub, false>);
    vm.addMethod(i, "__rsub__", dunderBinary<BinaryOp::Sub, true>);
    vm.addMethod(i, "__mul__", dunderBinary<BinaryOp::Mult, false>);
    vm.addMethod(i, "__rmul__", dunderBinary<BinaryOp::Mult, true>);
    vm.addMethod(i, "__truediv__", dunderBinary<BinaryOp::Div, false>);
    vm.addMethod(i, "__rtruediv__", dunderBinary<BinaryOp::Div, true>);
    vm.addMethod(i, "__floordiv__", dunderBinary<BinaryOp::FloorDiv, false>);
    vm.addMethod(i, "__rfloordiv__", dunderBinary<BinaryOp::FloorDiv, true>);
    vm.addMethod(i, "__mod__", dunderBinary<BinaryOp::Mod, false>);
    vm.addMethod(i, "__rmod__", dunderBinary<BinaryOp::Mod, true>);
    vm.addMethod(i, "__pow__", dunderBinary<BinaryOp::Pow, false>);
    vm.addMethod(i, "__rpow__", dunderBinary<BinaryOp::Pow, true>);
    vm.addMethod(i, "__lshift__", dunderBinary<BinaryOp::LShift, false>);
    vm.addMethod(i, "__rlshift__", dunderBinary<BinaryOp::LShift, true>);
    vm.addMethod(i, "__rshift__", dunderBinary<BinaryOp::RShift, false>);
    vm.addMethod(i, "__rrshift__", dunderBinary<BinaryOp::RShift, true>);
    vm.addMethod(i, "__and__", dunderBinary<BinaryOp::And, false>);
    vm.addMethod(i, "__rand__", dunderBinary<BinaryOp::And, true>);
    vm.addMethod(i, "__or__", dunderBinary<BinaryOp::Or, false>);
    vm.addMethod(i, "__ror__", dunderBinary<BinaryOp::Or, true>);
    vm.addMethod(i, "__xor__", dunderBinary<BinaryOp::Xor, false>);
    vm.addMethod(i, "__rxor__", dunderBinary<BinaryOp::Xor, true>);
    vm.addMethod(i, "__eq__", dunderCompare<CompareKind::Eq>);
    vm.addMethod(i, "__ne__", dunderCompare<CompareKind::Ne>);
    vm.addMethod(i, "__lt__", dunderCompare<CompareKind::Lt>);
    vm.addMethod(i, "__le__", dunderCompare<CompareKind::Le>);
    vm.addMethod(i, "__gt__", dunderCompare<CompareKind::Gt>);
    vm.addMethod(i, "__ge__", dunderCompare<CompareKind::Ge>);
}

} // namespace loopscope
