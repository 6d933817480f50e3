// The Python face of native coroutines: send(), throw(), close(), __await__, and the names and
// repr a coroutine object has.

#include "native_coroutine.h"

#include <cstdio>

#include "../vm.h"
#include "native_args.h"

namespace loopscope {

Value driveNativeAwaitable(VM& vm, const Value& awaitable, Value send, Value throwExc)
{
    Value out;
    const ResumeStatus status =
        static_cast<NativeObj*>(awaitable.asObject())->resumeAwait(vm, std::move(send), std::move(throwExc), out);
    if (status == ResumeStatus::Yielded)
        return out;
    vm.raiseValue(vm.newException(vm.excClass(ExcType::StopIteration),
                                  out.isNone() ? std::vector<Value>{} : std::vector<Value>{out}));
}

Value throwArgument(VM& vm, const CallArgs& a)
{
    // throw(exc), or the legacy throw(type[, value])
    checkArgs(vm, a, "throw", 2, 4);
    Value exc = a[1];
    if (isKind(exc, ObjKind::Class))
        exc = a.count > 2 && !a[2].isNone() ? vm.call(exc, {a[2]}) : vm.call(exc, {});
    return exc;
}

namespace {

NativeObj* selfCoroutine(VM& vm, const CallArgs& a)
{
    if (a.count == 0 || !isAwaitDriver(a[0]))
        vm.raise(ExcType::TypeError, "a native coroutine method needs a coroutine");
    return static_cast<NativeObj*>(a[0].asObject());
}

std::string lastPart(const char* qualname)
{
    const std::string q = qualname;
    const size_t dot = q.rfind('.');
    return dot == std::string::npos ? q : q.substr(dot + 1);
}

} // namespace

ClassObj* makeNativeCoroutineClass(VM& vm)
{
    ClassObj* c = vm.newBuiltinClass("coroutine", vm.types.object, ObjKind::Native);
    vm.addMethod(c, "send", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "send", 2, 2);
        selfCoroutine(vm, a);
        return driveNativeAwaitable(vm, a[0], a[1], Value());
    });
    vm.addMethod(c, "throw", [](VM& vm, const CallArgs& a) {
        selfCoroutine(vm, a);
        return driveNativeAwaitable(vm, a[0], Value(), throwArgument(vm, a));
    });
    vm.addMethod(c, "close", [](VM& vm, const CallArgs& a) {
        selfCoroutine(vm, a)->closeAwait(vm);
        return Value::none();
    });
    vm.addMethod(c, "__await__", [](VM& vm, const CallArgs& a) {
        selfCoroutine(vm, a);
        return a[0];
    });
    vm.addMethod(c, "__next__", [](VM& vm, const CallArgs& a) {
        selfCoroutine(vm, a);
        return driveNativeAwaitable(vm, a[0], Value::none(), Value());
    });
    vm.addMethod(c, "__repr__", [](VM& vm, const CallArgs& a) {
        NativeObj* coro = selfCoroutine(vm, a);
        char address[32];
        std::snprintf(address, sizeof address, "0x%llx", static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(coro)));
        return vm.newStr(std::string("<coroutine object ") + coro->coroutineQualname() + " at " + address + ">");
    });
    addNativeProperty(vm, c, "__name__", [](VM& vm, const CallArgs& a) {
        return vm.newStr(lastPart(selfCoroutine(vm, a)->coroutineQualname()));
    });
    addNativeProperty(vm, c, "__qualname__", [](VM& vm, const CallArgs& a) {
        return vm.newStr(selfCoroutine(vm, a)->coroutineQualname());
    });
    addNativeProperty(vm, c, "cr_frame", [](VM&, const CallArgs&) { return Value::none(); });
    addNativeProperty(vm, c, "cr_code", [](VM&, const CallArgs&) { return Value::none(); });
    addNativeProperty(vm, c, "cr_await", [](VM&, const CallArgs&) { return Value::none(); });
    addNativeProperty(vm, c, "cr_running", [](VM&, const CallArgs&) { return Value::boolean(false); });
    return c;
}

} // namespace loopscope
