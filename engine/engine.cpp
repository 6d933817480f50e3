// The engine's public API (engine.h): parse, compile and run a scenario, or disassemble it.

#include "engine.h"

#include <new>

#include "compiler.h"
#include "disasm.h"
#include "parser.h"
#include "source_text.h"
#include "vm.h"

namespace loopscope {

namespace {

std::vector<std::string> splitLines(std::string_view source)
{
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= source.size()) {
        size_t nl = source.find('\n', start);
        if (nl == std::string_view::npos) {
            if (start < source.size())
                lines.emplace_back(source.substr(start));
            break;
        }
        lines.emplace_back(source.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

void endRun(TraceObserver* observer, double time, const RunResult& r)
{
    if (!observer)
        return;
    const StringId text = r.ok ? StringId{} : observer->intern(r.errorType + ": " + r.errorMessage);
    observer->record(TraceEvent::runEnded(time, r.ok ? EndStatus::Ok : EndStatus::Failed, text,
                                          uint32_t(r.errorLine)));
}

RunResult syntaxFailure(const SyntaxError& error, const RunOptions& options, TraceObserver* observer)
{
    RunResult r;
    r.ok = false;
    r.errorType = error.type;
    r.errorMessage = error.message;
    r.errorLine = error.line;
    if (options.writeStderr)
        options.writeStderr(formatSyntaxError(error, options.filename));
    endRun(observer, 0, r);
    return r;
}

// The class name CPython prints for an uncaught exception's type.
std::string errorTypeName(VM& vm, const Value& exc)
{
    return vm.typeOf(exc)->name;
}

} // namespace

RunResult runScenario(std::string_view source, const RunOptions& options, TraceObserver* observer)
{
    if (std::optional<SyntaxError> encoding = prepareSource(source, options.filename))
        return syntaxFailure(*encoding, options, observer);
    ParseResult parsed = parseModule(source);
    if (!parsed.ok())
        return syntaxFailure(*parsed.error, options, observer);
    RunResult result;
    double endTime = 0;
    {
        VM vm(options, observer);
        vm.sourceLines = splitLines(source);
        CompileResult compiled = compileModule(vm, *parsed.module, source, options.filename, false);
        if (compiled.error)
            return syntaxFailure(*compiled.error, options, observer);
        Value module = makeModule(vm, "__main__");
        moduleSet(vm, module, "__file__", vm.newStr(options.filename));
        vm.modules["__main__"] = module;
        bool endedByLimit = false;
        try {
            try {
                vm.runModule(compiled.code, module);
            } catch (PyException& e) {
                const Value& exc = e.exception;
                ClassObj* cls = vm.typeOf(exc);
                std::string message = vm.str(exc);
                bool isLimit = (isKind(vm.limitExceededClass, ObjKind::Class) &&
                                cls->isSubclassOf(vm.limitExceededClass.as<ClassObj>())) ||
                               (isKind(vm.deadlockClass, ObjKind::Class) &&
                                cls->isSubclassOf(vm.deadlockClass.as<ClassObj>()));
                if (cls->isSubclassOf(vm.excClass(ExcType::SystemExit))) {
                    const auto& args = exc.as<ExceptionObj>()->args.as<TupleObj>()->items;
                    Value code = args.empty() ? Value::none() : args[0];
                    if (!(code.isNone() || (code.isIntLike() && code.asInt() == 0))) {
                        result.ok = false;
                        result.errorType = "SystemExit";
                        result.errorMessage = vm.str(code);
                        if (!code.isIntLike())
                            vm.writeStderr(vm.str(code) + "\n");
                    }
                } else if (isLimit) {
                    endedByLimit = true;
                    result.ok = false;
                    result.errorType = cls->name;
                    result.errorMessage = message;
                    vm.writeStderr(cls->name + ": " + message + "\n");
                } else {
                    result.ok = false;
                    result.errorType = errorTypeName(vm, exc);
                    result.errorMessage = message;
                    vm.writeStderr(vm.formatException(exc));
                }
            }
            // The program ended (normally or by an exception): its variables are freed now.
            // After a limit or a deadlock real Python would still be running: nothing more.
            if (!endedByLimit)
                vm.clearModuleAtExit(module);
        } catch (LimitReached& limit) {
            result.ok = false;
            result.errorType = limit.type;
            result.errorMessage = limit.message;
            result.cancelled = options.cancel && options.cancel->load(std::memory_order_relaxed);
            vm.writeStderr(limit.type + ": " + limit.message + "\n");
        } catch (std::bad_alloc&) {
            result.ok = false;
            result.errorType = "MemoryError";
            result.errorMessage = "the scenario ran out of memory";
            vm.writeStderr("MemoryError: the scenario ran out of memory\n");
        }
        endTime = vm.now();
        result.endTime = endTime;
        result.stats = vm.runStats();
        endRun(observer, endTime, result);
    }
    return result;
}

std::string disassembleScenario(std::string_view source, std::string_view filename)
{
    if (std::optional<SyntaxError> encoding = prepareSource(source, filename))
        return formatSyntaxError(*encoding, filename);
    ParseResult parsed = parseModule(source);
    if (!parsed.ok())
        return formatSyntaxError(*parsed.error, filename);
    RunOptions options;
    options.filename = std::string(filename);
    VM vm(options, nullptr);
    CompileResult compiled = compileModule(vm, *parsed.module, source, options.filename, false);
    if (compiled.error)
        return formatSyntaxError(*compiled.error, filename);
    return disassemble(vm, compiled.code.as<CodeObj>());
}

} // namespace loopscope
