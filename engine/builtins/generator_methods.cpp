// Methods of generators, coroutines and async generators (send, throw, close, asend, athrow,
// aclose, __anext__), and the awaitables that async generator methods return.

#include "../vm.h"

namespace loopscope {

namespace {
thread_local ClassObj* tAsyncGenAwaitableClass = nullptr;

// The awaitable returned by asend(), athrow(), aclose() and __anext__() of an async
// generator. Sending into it resumes the generator; the generator's own `yield` finishes
// the awaitable with StopIteration(value), while values that awaits inside the generator
// pass up (futures for the event loop) are yielded through.
struct AsyncGenAwaitable final : NativeObj {
    enum class Mode : uint8_t { Send, Throw, Close };
    AsyncGenAwaitable(Value gen, Mode mode, Value value)
        : NativeObj(tAsyncGenAwaitableClass), gen(std::move(gen)), mode(mode), value(std::move(value))
    {
    }
    Value gen;
    Mode mode;
    Value value; // the first value to send, or the exception to throw
    bool started = false;
    bool done = false;
};

bool isWrapped(VM& vm, const Value& v)
{
    return isKind(v, ObjKind::Native) && v.asObject()->cls == vm.types.object;
}

Value unwrap(const Value& v)
{
    return static_cast<AsyncGenWrappedObj*>(v.asObject())->value;
}

[[noreturn]] void stopIteration(VM& vm, const Value& v)
{
    vm.raiseValue(vm.newException(vm.excClass(ExcType::StopIteration),
                                  v.isNone() ? std::vector<Value>{} : std::vector<Value>{v}));
}

// One step of an async generator awaitable: [send] is what the awaiting coroutine sent,
// [throwExc] what it threw in.
Value asyncGenStep(VM& vm, AsyncGenAwaitable* aw, Value send, Value throwExc)
{
    if (aw->done)
        vm.raise(ExcType::RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    auto* gen = aw->gen.as<GeneratorObj>();
    Value out;
    ResumeStatus status;
    try {
        if (!aw->started) {
            aw->started = true;
            if (aw->mode == AsyncGenAwaitable::Mode::Send) {
                if (gen->finished()) {
                    aw->done = true;
                    vm.raise(ExcType::StopAsyncIteration, "");
                }
                status = vm.resume(gen, throwExc.isEmpty() ? aw->value : Value(), throwExc, out);
            } else {
                if (gen->finished() || (!gen->started && aw->mode == AsyncGenAwaitable::Mode::Close)) {
                    aw->done = true;
                    if (!gen->finished())
                        vm.generatorClose(aw->gen);
                    if (aw->mode == AsyncGenAwaitable::Mode::Close)
                        stopIteration(vm, Value::none());
                    vm.raiseValue(aw->value);
                }
                status = vm.resume(gen, Value(), aw->value, out);
            }
        } else {
            status = vm.resume(gen, std::move(send), std::move(throwExc), out);
        }
    } catch (PyException& e) {
        aw->done = true;
        if (aw->mode == AsyncGenAwaitable::Mode::Close &&
            (vm.isInstance(e.exception, ExcType::GeneratorExit) ||
             vm.isInstance(e.exception, ExcType::StopAsyncIteration)))
            stopIteration(vm, Value::none());
        throw;
    }
    if (status == ResumeStatus::Returned) {
        aw->done = true;
        if (aw->mode == AsyncGenAwaitable::Mode::Close)
            stopIteration(vm, Value::none());
        vm.raise(ExcType::StopAsyncIteration, "");
    }
    if (isWrapped(vm, out)) {
        aw->done = true;
        if (aw->mode == AsyncGenAwaitable::Mode::Close)
            vm.raise(ExcType::RuntimeError, "async generator ignored GeneratorExit");
        stopIteration(vm, unwrap(out));
    }
    return out;
}

AsyncGenAwaitable* selfAwaitable(VM& vm, const CallArgs& a)
{
    if (a.count == 0 || !isKind(a[0], ObjKind::Native) || a[0].asObject()->cls != tAsyncGenAwaitableClass)
        vm.raise(ExcType::TypeError, "expected an async generator awaitable");
    return static_cast<AsyncGenAwaitable*>(a[0].asObject());
}

GeneratorObj* selfGen(VM& vm, const CallArgs& a, GeneratorKind kind, const char* name)
{
    if (a.count == 0 || !isKind(a[0], ObjKind::Generator) || a[0].as<GeneratorObj>()->genKind != kind)
        vm.raise(ExcType::TypeError, std::string("descriptor '") + name + "' requires a generator object");
    return a[0].as<GeneratorObj>();
}

// gen.throw(exc) / gen.throw(type, value): the exception instance to throw.
Value throwArgument(VM& vm, const CallArgs& a)
{
    if (a.count < 2)
        vm.raise(ExcType::TypeError, "throw expected at least 1 argument, got 0");
    Value exc = a[1];
    if (isKind(exc, ObjKind::Class)) {
        if (!exc.as<ClassObj>()->isBaseException)
            vm.raise(ExcType::TypeError,
                     "exceptions must be classes or instances deriving from BaseException, not type");
        exc = a.count > 2 && !a[2].isNone() ? (isKind(a[2], ObjKind::Exception) ? a[2] : vm.call(exc, {a[2]}))
                                            : vm.call(exc, {});
    } else if (!isKind(exc, ObjKind::Exception)) {
        vm.raise(ExcType::TypeError,
                 "exceptions must be classes or instances deriving from BaseException, not " +
                     vm.typeName(exc));
    }
    return exc;
}
} // namespace

void registerGeneratorMethods(VM& vm)
{
    for (ClassObj* c : {vm.types.generator, vm.types.coroutine}) {
        bool coro = c == vm.types.coroutine;
        GeneratorKind kind = coro ? GeneratorKind::Coroutine : GeneratorKind::Generator;
        (void)kind;
        vm.addMethod(c, "send", [](VM& vm, const CallArgs& a) {
            checkArgs(vm, a, "send", 2, 2);
            return vm.generatorSend(a[0], a[1]);
        });
        vm.addMethod(c, "throw",
                     [](VM& vm, const CallArgs& a) { return vm.generatorThrow(a[0], throwArgument(vm, a)); });
        vm.addMethod(c, "close", [](VM& vm, const CallArgs& a) {
            vm.generatorClose(a[0]);
            return Value::none();
        });
    }
    vm.addMethod(vm.types.generator, "__iter__", [](VM&, const CallArgs& a) { return a[0]; });
    vm.addMethod(vm.types.generator, "__next__", [](VM& vm, const CallArgs& a) {
        selfGen(vm, a, GeneratorKind::Generator, "__next__");
        return vm.generatorSend(a[0], Value::none());
    });
    // A coroutine is awaitable through itself; __await__ gives an iterator over it.
    vm.addMethod(vm.types.coroutine, "__await__", [](VM&, const CallArgs& a) { return a[0]; });

    tAsyncGenAwaitableClass = vm.newBuiltinClass("async_generator_asend", vm.types.object, ObjKind::Native);
    ClassObj* aw = tAsyncGenAwaitableClass;
    vm.addMethod(aw, "send", [](VM& vm, const CallArgs& a) {
        return asyncGenStep(vm, selfAwaitable(vm, a), a.count > 1 ? a[1] : Value::none(), Value());
    });
    vm.addMethod(aw, "__next__", [](VM& vm, const CallArgs& a) {
        return asyncGenStep(vm, selfAwaitable(vm, a), Value::none(), Value());
    });
    vm.addMethod(aw, "throw", [](VM& vm, const CallArgs& a) {
        return asyncGenStep(vm, selfAwaitable(vm, a), Value(), throwArgument(vm, a));
    });
    vm.addMethod(aw, "close", [](VM& vm, const CallArgs& a) {
        selfAwaitable(vm, a)->done = true;
        return Value::none();
    });
    vm.addMethod(aw, "__await__", [](VM&, const CallArgs& a) { return a[0]; });
    vm.addMethod(aw, "__iter__", [](VM&, const CallArgs& a) { return a[0]; });

    ClassObj* ag = vm.types.asyncGenerator;
    vm.addMethod(ag, "__aiter__", [](VM&, const CallArgs& a) { return a[0]; });
    vm.addMethod(ag, "__anext__", [](VM& vm, const CallArgs& a) {
        selfGen(vm, a, GeneratorKind::AsyncGenerator, "__anext__");
        return Value::object(new AsyncGenAwaitable(a[0], AsyncGenAwaitable::Mode::Send, Value::none()));
    });
    vm.addMethod(ag, "asend", [](VM& vm, const CallArgs& a) {
        selfGen(vm, a, GeneratorKind::AsyncGenerator, "asend");
        checkArgs(vm, a, "asend", 2, 2);
        return Value::object(new AsyncGenAwaitable(a[0], AsyncGenAwaitable::Mode::Send, a[1]));
    });
    vm.addMethod(ag, "athrow", [](VM& vm, const CallArgs& a) {
        selfGen(vm, a, GeneratorKind::AsyncGenerator, "athrow");
        return Value::object(
            new AsyncGenAwaitable(a[0], AsyncGenAwaitable::Mode::Throw, throwArgument(vm, a)));
    });
    vm.addMethod(ag, "aclose", [](VM& vm, const CallArgs& a) {
        selfGen(vm, a, GeneratorKind::AsyncGenerator, "aclose");
        Value exit = vm.newException(vm.excClass(ExcType::GeneratorExit), {});
        return Value::object(new AsyncGenAwaitable(a[0], AsyncGenAwaitable::Mode::Close, exit));
    });
}

} // namespace loopscope
