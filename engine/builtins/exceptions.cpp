// The exception classes: the standard hierarchy (exceptions.def), BaseException's methods,
// the special attributes of exceptions, and ExceptionGroup's split for except*.

#include "../vm.h"

namespace loopscope {

static Value constructException(VM& vm, const CallArgs& a)
{
    ClassObj* cls = a[0].as<ClassObj>();
    auto* e = new ExceptionObj(cls);
    Value result = Value::object(e);
    e->args = vm.newTuple(std::vector<Value>(a.args + 1, a.args + a.count));
    return result;
}

static ExceptionObj* self(VM& vm, const CallArgs& a, const char* name)
{
    if (a.count == 0 || !isKind(a[0], ObjKind::Exception))
        vm.raise(ExcType::TypeError,
                 std::string("descriptor '") + name + "' requires a 'BaseException' object");
    return a[0].as<ExceptionObj>();
}

static const std::vector<Value>& argsOf(ExceptionObj* e)
{
    return e->args.as<TupleObj>()->items;
}

static Value exceptionInit(VM& vm, const CallArgs& a)
{
    ExceptionObj* e = self(vm, a, "__init__");
    e->args = vm.newTuple(std::vector<Value>(a.args + 1, a.args + a.count));
    return Value::none();
}

static Value exceptionStr(VM& vm, const CallArgs& a)
{
    ExceptionObj* e = self(vm, a, "__str__");
    const auto& args = argsOf(e);
    if (vm.typeOf(a[0])->isSubclassOf(vm.excClass(ExcType::KeyError)) && args.size() == 1)
        return vm.newStr(vm.repr(args[0]));
    if (args.empty())
        return vm.intern("");
    if (args.size() == 1)
        return vm.strValue(args[0]);
    return vm.newStr(vm.repr(e->args));
}

static Value exceptionRepr(VM& vm, const CallArgs& a)
{
    ExceptionObj* e = self(vm, a, "__repr__");
    const auto& args = argsOf(e);
    std::string name = vm.typeOf(a[0])->name;
    if (args.size() == 1)
        return vm.newStr(name + "(" + vm.repr(args[0]) + ")");
    return vm.newStr(name + vm.repr(e->args));
}

static Value exceptionWithTraceback(VM& vm, const CallArgs& a)
{
    self(vm, a, "with_traceback");
    return a[0];
}

static Value exceptionAddNote(VM& vm, const CallArgs& a)
{
    ExceptionObj* e = self(vm, a, "add_note");
    checkArgs(vm, a, "add_note", 2, 2);
    if (!isStr(a[1]))
        vm.raise(ExcType::TypeError, "note must be a str, not '" + vm.typeName(a[1]) + "'");
    if (!isKind(e->notes, ObjKind::List))
        e->notes = vm.newList();
    e->notes.as<ListObj>()->items.push_back(a[1]);
    return Value::none();
}

Value exceptionSpecialAttr(VM& vm, ExceptionObj* e, StrObj* name, bool& found)
{
    found = true;
    const std::string& n = name->text;
    if (n == "args")
        return e->args;
    if (n == "__cause__")
        return e->cause.isEmpty() ? Value::none() : e->cause;
    if (n == "__context__")
        return e->context.isEmpty() ? Value::none() : e->context;
    if (n == "__suppress_context__")
        return Value::boolean(e->suppressContext);
    if (n == "__traceback__")
        return Value::none();
    if (n == "__notes__" && isKind(e->notes, ObjKind::List))
        return e->notes;
    ClassObj* cls = e->cls;
    const auto& args = argsOf(e);
    if ((n == "value" && cls->isSubclassOf(vm.excClass(ExcType::StopIteration))) ||
        (n == "code" && cls->isSubclassOf(vm.excClass(ExcType::SystemExit))))
        return args.empty() ? Value::none() : args[0];
    if (cls->isSubclassOf(vm.excClass(ExcType::BaseExceptionGroup))) {
        if (n == "message")
            return args.empty() ? vm.intern("") : args[0];
        if (n == "exceptions")
            return args.size() > 1 ? vm.newTuple(vm.toVector(args[1])) : vm.newTuple({});
    }
    if (cls->isSubclassOf(vm.excClass(ExcType::OSError))) {
        if (n == "errno" || n == "strerror" || n == "filename")
            return Value::none();
    }
    if (n == "name" && cls->isSubclassOf(vm.excClass(ExcType::NameError)))
        return Value::none();
    found = false;
    return Value();
}

// -- Exception groups ------------------------------------------------------------------------------

static Value constructExceptionGroup(VM& vm, const CallArgs& a)
{
    ClassObj* cls = a[0].as<ClassObj>();
    if (a.count != 3)
        vm.raise(ExcType::TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (" +
                                         std::to_string(a.count - 1) + " given)");
    if (!isStr(a[1]))
        vm.raise(ExcType::TypeError, "argument 1 must be str, not " + vm.typeName(a[1]));
    std::vector<Value> excs = vm.toVector(a[2]);
    if (excs.empty())
        vm.raise(ExcType::ValueError, "second argument (exceptions) must be a non-empty sequence");
    bool allExceptions = true;
    for (const Value& x : excs) {
        if (!isKind(x, ObjKind::Exception))
            vm.raise(ExcType::ValueError, "Item " + std::to_string(&x - excs.data()) +
                                              " of second argument (exceptions) is not an exception");
        allExceptions &= vm.isInstance(x, ExcType::Exception);
    }
    if (cls == vm.excClass(ExcType::BaseExceptionGroup) && allExceptions)
        cls = vm.excClass(ExcType::ExceptionGroup);
    if (cls->isSubclassOf(vm.excClass(ExcType::ExceptionGroup)) && !allExceptions)
        vm.raise(ExcType::TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    auto* e = new ExceptionObj(cls);
    Value result = Value::object(e);
    e->args = vm.newTuple({a[1], vm.newTuple(excs)});
    return result;
}

static Value groupStr(VM& vm, const CallArgs& a)
{
    ExceptionObj* e = self(vm, a, "__str__");
    const auto& args = argsOf(e);
    size_t n = args.size() > 1 ? vm.toVector(args[1]).size() : 0;
    return vm.newStr(vm.str(args[0]) + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") +
                     ")");
}

Value VM::makeExceptionGroup(const std::string& message, std::vector<Value> exceptions)
{
    Value argv[2] = {newStr(message), newList(std::move(exceptions))};
    return newException(excClass(ExcType::BaseExceptionGroup), {argv[0], argv[1]});
}

// Splits [exc] into the part that matches [cls] and the rest, keeping the group's shape.
static void splitGroup(VM& vm, const Value& exc, const Value& cls, Value& match, Value& rest)
{
    if (vm.exceptionMatches(exc, cls)) {
        match = exc;
        rest = Value();
        return;
    }
    if (!vm.isInstance(exc, ExcType::BaseExceptionGroup)) {
        match = Value();
        rest = exc;
        return;
    }
    auto* e = exc.as<ExceptionObj>();
    const auto& args = argsOf(e);
    std::vector<Value> matched, others;
    for (const Value& sub : vm.toVector(args[1])) {
        Value m, r;
        splitGroup(vm, sub, cls, m, r);
        if (!m.isEmpty())
            matched.push_back(m);
        if (!r.isEmpty())
            others.push_back(r);
    }
    auto derive = [&](std::vector<Value> items) {
        Value g = vm.makeExceptionGroup(vm.str(args[0]), std::move(items));
        auto* ge = g.as<ExceptionObj>();
        ge->cause = e->cause;
        ge->context = e->context;
        ge->suppressContext = e->suppressContext;
        ge->traceback = e->traceback;
        ge->notes = e->notes;
        return g;
    };
    match = matched.empty() ? Value() : derive(matched);
    rest = others.empty() ? Value() : derive(others);
}

void VM::splitExceptionGroup(const Value& exc, const Value& cls, Value& match, Value& rest)
{
    if (isKind(cls, ObjKind::Class) &&
        cls.as<ClassObj>()->isSubclassOf(excClass(ExcType::BaseExceptionGroup)))
        raise(ExcType::TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
    if (!vm_isGroup(exc)) {
        // A naked exception caught by except* is wrapped in a group.
        if (exceptionMatches(exc, cls)) {
            match = makeExceptionGroup("", {exc});
            rest = Value();
        } else {
            match = Value();
            rest = exc;
        }
        return;
    }
    splitGroup(*this, exc, cls, match, rest);
}

bool VM::vm_isGroup(const Value& exc)
{
    return isInstance(exc, ExcType::BaseExceptionGroup);
}

static Value groupSplitMethod(VM& vm, const CallArgs& a, bool wantRest)
{
    checkArgs(vm, a, wantRest ? "split" : "subgroup", 2, 2);
    Value match, rest;
    Value cls = a[1];
    if (vm.isCallable(cls) && !isKind(cls, ObjKind::Class)) {
        // A predicate: filter leaf exceptions by calling it.
        std::vector<Value> m, r;
        for (const Value& sub : vm.toVector(argsOf(a[0].as<ExceptionObj>())[1]))
            (vm.truthy(vm.call(cls, {sub})) ? m : r).push_back(sub);
        std::string message = vm.str(argsOf(a[0].as<ExceptionObj>())[0]);
        match = m.empty() ? Value() : vm.makeExceptionGroup(message, m);
        rest = r.empty() ? Value() : vm.makeExceptionGroup(message, r);
    } else {
        splitGroup(vm, a[0], cls, match, rest);
    }
    Value mv = match.isEmpty() ? Value::none() : match;
    Value rv = rest.isEmpty() ? Value::none() : rest;
    if (wantRest)
        return vm.newTuple({mv, rv});
    return mv;
}

// -- Setup -----------------------------------------------------------------------------------------

void registerExceptions(VM& vm)
{
    const char* const names[] = {
#define EXC(name, parent) #name,
#include "exceptions.def"
#undef EXC
    };
    const ExcType parents[] = {
#define EXC(name, parent) ExcType::parent,
#include "exceptions.def"
#undef EXC
    };
    auto& builtins = vm.builtinsDict.as<DictObj>()->table;
    for (size_t i = 0; i < size_t(ExcType::Count); ++i) {
        ClassObj* base = i == 0 ? vm.types.object : vm.types.exceptions[size_t(parents[i])];
        ClassObj* cls = vm.newBuiltinClass(names[i], base, ObjKind::Exception);
        cls->isBaseException = true;
        vm.types.exceptions[i] = cls;
        builtins.set(vm.intern(names[i]), Value::object(cls));
    }
    // ExceptionGroup is both a BaseExceptionGroup and an Exception.
    ClassObj* eg = vm.excClass(ExcType::ExceptionGroup);
    eg->bases = {Value::object(vm.excClass(ExcType::BaseExceptionGroup)),
                 Value::object(vm.excClass(ExcType::Exception))};
    vm.computeMro(eg);
    ClassObj* base = vm.excClass(ExcType::BaseException);
    base->construct = constructException;
    vm.addMethod(base, "__init__", exceptionInit);
    vm.addMethod(base, "__str__", exceptionStr);
    vm.addMethod(base, "__repr__", exceptionRepr);
    vm.addMethod(base, "with_traceback", exceptionWithTraceback);
    vm.addMethod(base, "add_note", exceptionAddNote);
    ClassObj* group = vm.excClass(ExcType::BaseExceptionGroup);
    group->construct = constructExceptionGroup;
    vm.addMethod(group, "__init__", [](VM&, const CallArgs&) { return Value::none(); });
    vm.addMethod(group, "__str__", groupStr);
    vm.addMethod(group, "split", [](VM& vm, const CallArgs& a) { return groupSplitMethod(vm, a, true); });
    vm.addMethod(group, "subgroup", [](VM& vm, const CallArgs& a) { return groupSplitMethod(vm, a, false); });
    vm.addMethod(group, "derive", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "derive", 2, 2);
        return vm.makeExceptionGroup(vm.str(argsOf(a[0].as<ExceptionObj>())[0]), vm.toVector(a[1]));
    });
    // Aliases CPython keeps for compatibility.
    builtins.set(vm.intern("EnvironmentError"), Value::object(vm.excClass(ExcType::OSError)));
    builtins.set(vm.intern("IOError"), Value::object(vm.excClass(ExcType::OSError)));
}

} // namespace loopscope
