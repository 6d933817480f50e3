// The engine's public API (engine.h): parse, compile and run a scenario, or disassemble it.

#include "engine.h"

#include <new>

#include "compiler.h"
#include "disasm.h"
#include "engine_stack.h"
#include "memory_budget.h"
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
    HostAllocations host;
    const StringId text = r.ok ? StringId{} : observer->intern(r.errorType + ": " + r.errorMessage);
    observer->record(
        TraceEvent::runEnded(time, r.ok ? EndStatus::Ok : EndStatus::Failed, text, uint32_t(r.errorLine)));
}

RunResult syntaxFailure(const SyntaxError& error, const RunOptions& options, TraceObserver* observer)
{
    RunResult r;
    r.ok = false;
    r.errorType = error.type;
    r.errorMessage = error.message;
    r.errorLine = error.line;
    HostAllocations host;
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

namespace {

// Ends [result] with the uncaught Python exception [exc] and reports it as CPython would.
void reportUncaught(VM& vm, const Value& exc, RunResult& result)
{
    ClassObj* cls = vm.typeOf(exc);
    if (cls->isSubclassOf(vm.excClass(ExcType::SystemExit))) {
        const auto& args = exc.as<ExceptionObj>()->args.as<TupleObj>()->items;
        Value code = args.empty() ? Value::none() : args[0];
        if (code.isNone() || (code.isIntLike() && code.asInt() == 0))
            return;
        result.ok = false;
        result.errorType = "SystemExit";
        result.errorMessage = vm.str(code);
        if (!code.isIntLike())
            vm.writeReport(result.errorMessage + "\n");
        return;
    }
    result.ok = false;
    result.errorType = errorTypeName(vm, exc);
    result.errorMessage = vm.str(exc);
    vm.writeReport(vm.formatException(exc));
}

void reportLimit(VM* vm, const RunOptions& options, const LimitReached& limit, RunResult& result)
{
    result.ok = false;
    result.errorType = limit.type;
    result.errorMessage = limit.message;
    result.cancelled = limit.type == "Cancelled";
    const std::string text = limit.type + ": " + limit.message + "\n";
    if (vm)
        vm->writeReport(text);
    else if (options.writeStderr)
        options.writeStderr(text);
}

// Parses, compiles and runs [source] under [budget]; the VM and every object are gone when it
// returns.
RunResult runCounted(std::string_view source, const RunOptions& options, TraceObserver* observer,
                     MemoryBudget& budget)
{
    if (std::optional<SyntaxError> encoding = prepareSource(source, options.filename))
        return syntaxFailure(*encoding, options, observer);
    ParseResult parsed = parseModule(source);
    if (!parsed.ok())
        return syntaxFailure(*parsed.error, options, observer);
    RunResult result;
    VM vm(options, observer);
    try {
        vm.sourceLines = splitLines(source);
        CompileResult compiled = compileModule(vm, *parsed.module, source, options.filename, false);
        if (compiled.error)
            return syntaxFailure(*compiled.error, options, observer);
        parsed.module.reset(); // the tree is not needed to run, and counts against the budget
        Value module = makeModule(vm, "__main__");
        moduleSet(vm, module, "__file__", vm.newStr(options.filename));
        vm.modules["__main__"] = module;
        try {
            vm.runModule(compiled.code, module);
        } catch (PyException& e) {
            // Printing the exception may run its __str__, which may fail in turn.
            try {
                reportUncaught(vm, e.exception, result);
            } catch (PyException&) {
                result.ok = false;
                result.errorType = errorTypeName(vm, e.exception);
                vm.writeReport(result.errorType + ": <exception str() failed>\n");
            }
        }
        // The program ended (normally or by an exception): its variables are freed now. After a
        // limit or a deadlock (LimitReached, caught below) real Python would still be running.
        vm.clearModuleAtExit(module);
    } catch (LimitReached& limit) {
        reportLimit(&vm, options, limit, result);
    } catch (std::bad_alloc& e) {
        // Outside any Python frame: while compiling or setting up.
        auto* refused = dynamic_cast<MemoryBudgetExceeded*>(&e);
        budget.stop();
        reportLimit(
            &vm, options,
            LimitReached{"MemoryError",
                         "the scenario needs more than its " + formatByteCount(options.budgets.memoryBytes) +
                             " of memory" +
                             (refused && refused->requested >= (1u << 20)
                                  ? " (it asked for " + formatByteCount(refused->requested) + " at once)"
                                  : "") +
                             " before it ran; raise the budget with --max-memory"},
            result);
    }
    budget.stop(); // the report and the teardown must not fail
    result.endTime = vm.now();
    result.stats = vm.runStats();
    result.traceBytes = vm.traceBytesUsed();
    result.outputLines = vm.outputLinesUsed();
    result.outputBytes = vm.outputBytesUsed();
    endRun(observer, result.endTime, result);
    return result;
}

RunResult runOnThisThread(std::string_view source, const RunOptions& options, TraceObserver* observer)
{
    // Everything the scenario makes, from its parsed source on, counts against its memory budget;
    // the trace and the output callbacks do not (HostAllocations in the VM).
    MemoryBudget budget(options.budgets.memoryBytes);
    // The trace's streaming stores are made visible before it changes threads, however the
    // run ends (TraceEvents::publish).
    struct PublishTrace {
        ~PublishTrace() { TraceEvents::publish(); }
    } publishTrace;
    RunResult result;
    try {
        result = runCounted(source, options, observer, budget);
    } catch (std::bad_alloc&) {
        // Even setting the VM up did not fit.
        budget.stop();
        result = RunResult{};
        reportLimit(
            nullptr, options,
            LimitReached{"MemoryError", "the scenario's memory budget of " +
                                            formatByteCount(options.budgets.memoryBytes) +
                                            " is too small to start; raise the budget with --max-memory"},
            result);
        endRun(observer, 0, result);
    }
    result.peakMemoryBytes = budget.peak();
    result.heapAllocations = budget.allocations();
    return result;
}

std::string disassembleOnThisThread(std::string_view source, std::string_view filename)
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

} // namespace

RunResult runScenario(std::string_view source, const RunOptions& options, TraceObserver* observer)
{
    RunResult result;
    runOnEngineStack([&] { result = runOnThisThread(source, options, observer); });
    return result;
}

std::string disassembleScenario(std::string_view source, std::string_view filename)
{
    std::string listing;
    runOnEngineStack([&] { listing = disassembleOnThisThread(source, filename); });
    return listing;
}

} // namespace loopscope
