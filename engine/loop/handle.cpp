// Handle and TimerHandle as Python sees them: construction, cancel(), cancelled(), when(), the
// ordering of timers, and their reprs. The loop's use of them is in event_loop.cpp.

#include "handle.h"

#include "../vm.h"
#include "asyncio_runtime.h"
#include "event_loop.h"

namespace loopscope {

HandleObj::HandleObj(ClassObj* cls, Value loopValue, Value callbackValue, Value argsValue, bool timer)
    : NativeObj(cls, NativeKind::Handle), isTimer(timer), loop(std::move(loopValue)),
      callback(std::move(callbackValue)), args(std::move(argsValue))
{
}

void HandleObj::cancel(VM& vm)
{
    if (cancelled)
        return;
    if (isTimer && scheduled && isNative(loop, NativeKind::EventLoop))
        ++loop.as<EventLoopObj>()->timerCancelledCount;
    // Also after a timer fired: it may wait in the ready queue, where the loop will skip it.
    if (scheduled || queued)
        vm.record(TraceEvent::handleCancelled(vm.now(), owner, id));
    cancelled = true;
    callback = Value();
    args = Value();
}

std::string callableName(VM& vm, const Value& callback)
{
    Value name;
    if (vm.tryGetAttr(callback, vm.names.__qualname__, name) && isStr(name) && !strText(name).empty())
        return strText(name);
    if (vm.tryGetAttr(callback, vm.names.__name__, name) && isStr(name) && !strText(name).empty())
        return strText(name);
    return vm.typeName(callback);
}

std::string formatCallback(VM& vm, const Value& callback, const Value* args, size_t count)
{
    std::string text = callableName(vm, callback) + "(";
    for (size_t i = 0; i < count; ++i)
        text += (i ? ", " : "") + vm.repr(args[i]);
    return text + ")";
}

// CPython's format_helpers._format_callback_source: a plain function also says where it is
// defined.
static std::string formatCallbackSource(VM& vm, const Value& callback, const Value& args)
{
    const auto* tuple = isKind(args, ObjKind::Tuple) ? args.as<TupleObj>() : nullptr;
    std::string text =
        formatCallback(vm, callback, tuple ? tuple->items.data() : nullptr, tuple ? tuple->items.size() : 0);
    if (isKind(callback, ObjKind::Function)) {
        CodeObj* code = callback.as<FunctionObj>()->codeObj();
        if (!(code->flags & kHidden))
            text += " at " + code->filename + ":" + std::to_string(code->firstLine);
    }
    return text;
}

std::string HandleObj::repr(VM& vm) const
{
    // CPython's order: "cancelled" first, then a timer's "when=".
    std::string text = "<" + cls->name;
    if (cancelled)
        text += " cancelled";
    if (isTimer)
        text += " when=" + vm.repr(whenValue);
    if (!callback.isEmpty())
        text += " " + formatCallbackSource(vm, callback, args);
    return text + ">";
}

std::string formatCallbackForMessage(VM& vm, const Value& callback, const Value& args)
{
    return formatCallbackSource(vm, callback, args);
}

// -- Python methods --------------------------------------------------------------------------

namespace {

HandleObj* selfHandle(VM& vm, const CallArgs& a, const char* method)
{
    if (a.count == 0 || !isNative(a[0], NativeKind::Handle))
        vm.raise(ExcType::TypeError, std::string("descriptor '") + method + "' requires a 'Handle' object");
    return a[0].as<HandleObj>();
}

// Handle(callback, args, loop, context=None) and TimerHandle(when, callback, args, loop,
// context=None), as CPython's constructors take them.
Value constructHandle(VM& vm, const CallArgs& a, bool timer)
{
    ClassObj* cls = a[0].as<ClassObj>();
    const size_t needed = timer ? 5 : 4;
    if (a.count < needed)
        vm.raise(ExcType::TypeError, std::string(timer ? "TimerHandle" : "Handle") + ".__init__() missing arguments");
    const size_t base = timer ? 2 : 1;
    Value args = a[base + 1];
    if (!isKind(args, ObjKind::Tuple))
        args = vm.newTuple(args.isNone() ? std::vector<Value>{} : vm.toVector(args));
    auto* h = new HandleObj(cls, a[base + 2], a[base], args, timer);
    Value result = Value::object(h);
    if (!cls->builtin)
        ++cls->refcount;
    if (timer) {
        h->whenValue = a[1];
        h->when = vm.toDouble(a[1]);
    }
    return result;
}

// TimerHandle's comparisons: by deadline, and equal when deadline, callback, arguments and
// cancellation all are (CPython's __eq__).
Value compareTimers(VM& vm, const CallArgs& a, CompareKind kind)
{
    checkArgs(vm, a, "comparison", 2, 2);
    if (!isNative(a[1], NativeKind::Handle) || !a[1].as<HandleObj>()->isTimer)
        return vm.notImplemented;
    HandleObj* x = selfHandle(vm, a, "comparison");
    HandleObj* y = a[1].as<HandleObj>();
    auto equal = [&] {
        return x->when == y->when && vm.equals(x->callback, y->callback) && vm.equals(x->args, y->args) &&
               x->cancelled == y->cancelled;
    };
    switch (kind) {
    case CompareKind::Lt:
        return Value::boolean(x->when < y->when);
    case CompareKind::Le:
        return Value::boolean(x->when < y->when || equal());
    case CompareKind::Gt:
        return Value::boolean(x->when > y->when);
    case CompareKind::Ge:
        return Value::boolean(x->when > y->when || equal());
    case CompareKind::Eq:
        return Value::boolean(equal());
    case CompareKind::Ne:
        return Value::boolean(!equal());
    }
    return vm.notImplemented;
}

} // namespace

void registerHandleClasses(VM& vm, AsyncioRuntime& rt, const Value& module)
{
    ClassObj* handle = vm.newBuiltinClass("Handle", vm.types.object, ObjKind::Native);
    handle->dict->table.set(vm.intern("__module__"), vm.intern("asyncio.events"));
    handle->construct = [](VM& vm, const CallArgs& a) { return constructHandle(vm, a, false); };
    vm.addMethod(handle, "__init__", [](VM&, const CallArgs&) { return Value::none(); });
    vm.addMethod(handle, "cancel", [](VM& vm, const CallArgs& a) {
        selfHandle(vm, a, "cancel")->cancel(vm);
        return Value::none();
    });
    vm.addMethod(handle, "cancelled", [](VM& vm, const CallArgs& a) {
        return Value::boolean(selfHandle(vm, a, "cancelled")->cancelled);
    });
    vm.addMethod(handle, "get_context", [](VM&, const CallArgs&) { return Value::none(); });
    vm.addMethod(handle, "__repr__", [](VM& vm, const CallArgs& a) {
        return vm.newStr(selfHandle(vm, a, "__repr__")->repr(vm));
    });
    vm.addMethod(handle, "_run", [](VM& vm, const CallArgs& a) {
        HandleObj* h = selfHandle(vm, a, "_run");
        if (!h->callback.isEmpty()) {
            const Value callback = h->callback;
            const Value args = h->args;
            const auto& items = args.as<TupleObj>()->items;
            CallArgs ca;
            ca.args = items.data();
            ca.count = items.size();
            vm.call(callback, ca);
        }
        return Value::none();
    });
    rt.handleClass = handle;

    ClassObj* timer = vm.newBuiltinClass("TimerHandle", handle, ObjKind::Native);
    timer->dict->table.set(vm.intern("__module__"), vm.intern("asyncio.events"));
    timer->construct = [](VM& vm, const CallArgs& a) { return constructHandle(vm, a, true); };
    vm.addMethod(timer, "when", [](VM& vm, const CallArgs& a) { return selfHandle(vm, a, "when")->whenValue; });
    vm.addMethod(timer, "__hash__", [](VM& vm, const CallArgs& a) {
        return Value::integer(vm.hash(selfHandle(vm, a, "__hash__")->whenValue));
    });
    vm.addMethod(timer, "__lt__", [](VM& vm, const CallArgs& a) { return compareTimers(vm, a, CompareKind::Lt); });
    vm.addMethod(timer, "__le__", [](VM& vm, const CallArgs& a) { return compareTimers(vm, a, CompareKind::Le); });
    vm.addMethod(timer, "__gt__", [](VM& vm, const CallArgs& a) { return compareTimers(vm, a, CompareKind::Gt); });
    vm.addMethod(timer, "__ge__", [](VM& vm, const CallArgs& a) { return compareTimers(vm, a, CompareKind::Ge); });
    vm.addMethod(timer, "__eq__", [](VM& vm, const CallArgs& a) { return compareTimers(vm, a, CompareKind::Eq); });
    vm.addMethod(timer, "__ne__", [](VM& vm, const CallArgs& a) { return compareTimers(vm, a, CompareKind::Ne); });
    rt.timerHandleClass = timer;

    moduleSet(vm, module, "Handle", Value::object(handle));
    moduleSet(vm, module, "TimerHandle", Value::object(timer));
}

} // namespace loopscope
