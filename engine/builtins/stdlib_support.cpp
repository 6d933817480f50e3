// _stdlib: what the standard-library modules written in Python (engine/prelude/) need from the
// VM: who called them (logging's %(lineno)d, warnings' "file:line:"), a scenario source line,
// and an exception's traceback as CPython prints it (logging.exception, traceback).

#include "../vm.h"

namespace loopscope {

namespace {

// The innermost frame of the scenario's own code: prelude frames (logging, warnings) are hidden.
Frame* scenarioFrame(VM& vm, int64_t skip)
{
    for (Frame* f = vm.currentFrame(); f; f = f->back) {
        if (f->code->flags & kHidden)
            continue;
        if (skip-- <= 0)
            return f;
    }
    return nullptr;
}

Value caller(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "caller", 0, 1);
    Frame* f = scenarioFrame(vm, a.count ? vm.toIndex(a[0]) : 0);
    if (!f)
        return vm.newTuple({vm.newStr("(unknown file)"), Value::integer(0), vm.newStr("(unknown function)")});
    return vm.newTuple({vm.newStr(f->code->filename), Value::integer(f->line()), f->code->name});
}

Value sourceLine(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "source_line", 1, 1);
    int64_t line = vm.toIndex(a[0]);
    if (line < 1 || size_t(line) > vm.sourceLines.size())
        return vm.intern("");
    return vm.newStr(vm.sourceLines[size_t(line - 1)]);
}

Value formatException(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "format_exception", 1, 1);
    return vm.newStr(vm.formatException(a[0], true));
}

} // namespace

void registerStdlibSupport(VM& vm)
{
    Value m = makeModule(vm, "_stdlib");
    moduleAddFunction(vm, m, "caller", caller);
    moduleAddFunction(vm, m, "source_line", sourceLine);
    moduleAddFunction(vm, m, "format_exception", formatException);
    moduleSet(vm, m, "filename", vm.newStr(vm.options().filename));
    vm.nativeModules["_stdlib"] = m;
}

} // namespace loopscope
