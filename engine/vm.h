#pragma once
// The virtual machine: frames, the dispatch loop, calls, generators, and the runtime state
// of one run (types, interned names, modules, the virtual clock, budgets, output).
// Protocol helpers (repr, hash, attribute lookup, operators, calls) are in object_protocols.cpp;
// builtin functions, methods and modules in builtins/.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "chunk.h"
#include "engine.h"
#include "memory_budget.h"
#include "object.h"
#include "random/py_random.h"

namespace loopscope {

// A Python exception travelling through C++ code. The VM catches it at the frame that
// handles it; across the public API it becomes a RunResult.
class MemoryBudget;

struct PyException {
    Value exception; // ExceptionObj
};

// A limit ended the run (a budget of budgets.def, or a deadlock): no except or finally clause
// of the scenario runs, the run ends with [type] and [message]. Thrown by VM::stopRun.
struct LimitReached {
    std::string type;
    std::string message;
};

// A handler block of a frame (SETUP_FINALLY / SETUP_WITH) or an active except clause.
struct Block {
    enum Type : uint8_t { Handler, ExceptClause };
    Type type;
    uint32_t target; // Handler: where to jump
    uint32_t level;  // stack depth to restore
    Value saved;     // ExceptClause: the exception handled before this clause began
};

// A frame's handler blocks: most frames never have one, so the stack is allocated on first use
// and a frame pays one pointer for it.
class BlockStack {
  public:
    bool empty() const { return !blocks_ || blocks_->empty(); }
    void push_back(Block block)
    {
        if (!blocks_)
            blocks_ = std::make_unique<std::vector<Block>>();
        blocks_->push_back(std::move(block));
    }
    void pop_back() { blocks_->pop_back(); }
    Block& back() { return blocks_->back(); }
    void clear()
    {
        if (blocks_)
            blocks_->clear();
    }
    const Block* begin() const { return blocks_ ? blocks_->data() : nullptr; }
    const Block* end() const { return blocks_ ? blocks_->data() + blocks_->size() : nullptr; }

  private:
    std::unique_ptr<std::vector<Block>> blocks_;
};

// One activation of a function, class body or module. Its slots (locals, cells, free
// variables, then the value stack) are allocated right after it, in one block from the VM's
// pool of frames of that size: a call allocates nothing else. A generator's frame lives as long
// as the generator.
//
// 64 bytes: every suspended coroutine has one (GeneratorObj), so what few frames need is not a
// field: the generator is found from the frame's place (generator()), a module or class body's
// namespace is kept in its last slot (locals()).
struct Frame {
    CodeObj* code = nullptr;    // held
    Obj* function = nullptr;    // FunctionObj, held; null for module code
    DictObj* globals = nullptr; // held
    Value* sp = nullptr;
    Frame* back = nullptr;
    BlockStack blocks;
    uint32_t ip = 0;
    // The statement line last recorded, while statements are recorded (line-level traces).
    // Otherwise it is free, and a suspended coroutine's frame may keep there, with kKeptLine set,
    // the line its task's step reported on yielding bare (TaskObj::step), for the StepBegan of the
    // task's next step; resuming the frame (VM::resume) clears it. No field more per frame.
    uint32_t lastLine = 0;
    static constexpr uint32_t kKeptLine = uint32_t(1) << 31;
    uint32_t slotCapacity = 0; // Values allocated after the frame
    bool isEntry = false;      // returning from it leaves the current execute() call
    bool fromSlab = false;     // in slab memory (slab_pool.h)
    bool embedded = false;     // a generator's, in the generator's own block (GeneratorObj)
    bool hasLocals = false;    // its last slot holds its namespace (locals())

    Value* slots() { return reinterpret_cast<Value*>(this + 1); }
    Value& slot(size_t i) { return slots()[i]; }
    Value* stackBase() { return slots() + code->slotCount(); }
    int line() const { return code->lineAt(ip == 0 ? 0 : ip - 1); }
    // The namespace of a module or class body (held), else null. In the slot past the value
    // stack (VM::newFrame gives such a frame one more slot), since no other frame has one.
    DictObj* locals() { return hasLocals ? slots()[slotCapacity - 1].as<DictObj>() : nullptr; }
    // The generator whose frame this is, or null: a generator's frame is embedded in its block,
    // right after the GeneratorObj (VM's makeGenerator), and only a generator's is.
    GeneratorObj* generator()
    {
        return embedded
                   ? reinterpret_cast<GeneratorObj*>(reinterpret_cast<char*>(this) - sizeof(GeneratorObj))
                   : nullptr;
    }
};
static_assert(sizeof(Frame) % alignof(Value) == 0, "a frame's slots follow it");
static_assert(sizeof(Frame) == 64, "a suspended coroutine's frame: keep it a 16-byte class smaller");
// Frees a frame's memory without a VM (generators dying at teardown).
void deleteFrame(Frame* frame);

struct AsyncioRuntime; // loop/asyncio_runtime.h

enum class ExcType : uint8_t {
#define EXC(name, parent) name,
#include "builtins/exceptions.def"
#undef EXC
    Count
};

struct BuiltinTypes {
    ClassObj *object, *type, *none, *boolType, *intType, *floatType, *str, *bytes, *tuple, *list, *dict, *set,
        *frozenset, *range, *slice, *function, *builtinFunction, *method, *module, *cell, *code, *generator,
        *coroutine, *asyncGenerator, *property, *staticmethod, *classmethod, *super, *dictKeys, *dictValues,
        *dictItems, *iterator, *notImplementedType, *ellipsisType;
    ClassObj* exceptions[size_t(ExcType::Count)];
};

// Interned names the VM uses itself.
struct Names {
#define NAME(id) StrObj* id;
#include "builtins/names.def"
#undef NAME
};

class VM {
  public:
    VM(const RunOptions& options, TraceObserver* observer);
    ~VM();
    VM(const VM&) = delete;
    VM& operator=(const VM&) = delete;

    // The VM of the run in progress on this thread.
    static VM& current();
    // The VM of the run in progress on this thread, or null (a run that ended before its VM was
    // made: a SyntaxError).
    static VM* currentIfAny();

    // -- Running -----------------------------------------------------------------------------
    // Runs [code] as module [moduleName] and returns the module.
    Value runModule(Value code, Value module);
    // Imports a module by name (native, prelude, or already loaded).
    Value importModule(const std::string& name);
    // Runs [frame] (with [throwExc] raised in it first, if set) until it returns or yields.
    Value execute(Frame* frame, Value throwExc);
    Frame* newFrame(CodeObj* code, Value function, Value globals, Value locals);
    void freeFrame(Frame* frame);
    // Calls any callable.
    Value call(const Value& callable, const CallArgs& args);
    Value instantiate(ClassObj* cls, const CallArgs& args);
    Value bindMethod(const Value& func, const Value& self);
    Value getAwaitable(const Value& v);
    bool exceptionMatches(const Value& exc, const Value& cls);
    Value normalizeException(const Value& v);
    // except*: splits [exc] (a group or a naked exception) into the part matching [cls] and the rest.
    void splitExceptionGroup(const Value& exc, const Value& cls, Value& match, Value& rest);
    Value makeExceptionGroup(const std::string& message, std::vector<Value> exceptions);
    bool vm_isGroup(const Value& exc);
    TaskId currentTask; // the task whose step is running: Statement, Output and BlockingCall events name it
    Value call(const Value& callable, std::initializer_list<Value> args);
    Value callMethod(const Value& self, StrObj* name, std::initializer_list<Value> args);
    // Calls a Python function: binds the arguments into a fresh frame.
    Frame* prepareCall(FunctionObj* function, const CallArgs& args);
    Value callFunction(FunctionObj* function, const CallArgs& args);
    ResumeStatus resume(GeneratorObj* gen, Value send, Value throwExc, Value& out);
    Value generatorSend(const Value& gen, Value send); // StopIteration when it returns
    Value generatorThrow(const Value& gen, Value exc);
    void generatorClose(const Value& gen);
    Frame* currentFrame() const { return frame_; }

    // Counts a level of C++ recursion that has no Python frame (the repr or comparison of nested
    // containers) against the recursion limit, as CPython's Py_EnterRecursiveCall does;
    // RecursionError "maximum recursion depth exceeded[where]" past it.
    class NativeRecursion {
      public:
        NativeRecursion(VM& vm, const char* where);
        ~NativeRecursion() { --vm_.depth_; }
        NativeRecursion(const NativeRecursion&) = delete;
        NativeRecursion& operator=(const NativeRecursion&) = delete;

      private:
        VM& vm_;
    };

    // -- Errors ------------------------------------------------------------------------------
    [[noreturn]] void raise(ExcType type, std::string message);
    [[noreturn]] void raiseValue(Value exception);
    // Raises the exception class named [type] ("ValueError", ...; ValueError when unknown), as
    // the helpers that report failures by name (engine/format, engine/random) need.
    [[noreturn]] void raiseNamed(const std::string& type, std::string message);
    Value newException(ExcType type, std::string message);
    Value newException(ClassObj* cls, std::vector<Value> args);
    ClassObj* excClass(ExcType type) const { return types.exceptions[size_t(type)]; }
    bool isInstance(const Value& v, ExcType type) const;
    Value& handledException() { return handled_; }
    // The traceback and "Type: message" text CPython prints for an uncaught [exception]; with
    // [likeTracebackModule], as the traceback module formats it (its caret rules differ a little).
    std::string formatException(const Value& exception, bool likeTracebackModule = false);

    // -- Protocols (object_protocols.cpp) ----------------------------------------------------
    ClassObj* typeOf(const Value& v) const
    {
        switch (v.tag()) {
        case Tag::Bool:
            return types.boolType;
        case Tag::Int:
            return types.intType;
        case Tag::Float:
            return types.floatType;
        case Tag::Object:
            return v.asObject()->cls;
        default:
            return types.none;
        }
    }
    std::string typeName(const Value& v) const;
    std::string repr(const Value& v);
    std::string str(const Value& v);
    Value strValue(const Value& v);
    bool truthy(const Value& v);
    int64_t hash(const Value& v);
    bool equals(const Value& a, const Value& b);
    bool compare(const Value& a, const Value& b, CompareKind kind);
    Value richCompare(const Value& a, const Value& b, CompareKind kind);
    Value binaryOp(BinaryOp op, const Value& a, const Value& b, bool inplace = false);
    Value unaryOp(Op op, const Value& v);
    Value getAttr(const Value& obj, StrObj* name);
    bool tryGetAttr(const Value& obj, StrObj* name, Value& out);
    void setAttr(const Value& obj, StrObj* name, Value value);
    void delAttr(const Value& obj, StrObj* name);
    // For CALL_METHOD: [method] and whether it needs [obj] passed as self.
    bool loadMethod(const Value& obj, StrObj* name, Value& method);
    Value getIter(const Value& v);
    // next([iter]) into [out]; false once it is exhausted. A native iterator (range, list, ...)
    // is stepped inline: FOR_ITER takes one per loop iteration.
    [[gnu::always_inline]] bool iterNext(const Value& iter, Value& out)
    {
        if (iter.isObject() && iter.asObject()->kind == ObjKind::Iterator) {
            spendNativeStep();
            return static_cast<IteratorObj*>(iter.asObject())->next(*this, out);
        }
        return iterNextOther(iter, out);
    }
    bool iterNextOther(const Value& iter, Value& out); // generators, __next__
    // One item taken by a builtin from an iterator: the instruction budget's count for work
    // done without Python frames.
    void spendNativeStep()
    {
        if (frame_)
            spendBudget(frame_, 1);
    }
    // Work a builtin does on data without allocating (a scan, a comparison, a sort), in
    // instructions: about one per item moved or compared, one per kBytesPerInstruction bytes
    // scanned. What builtins allocate costs one per kBytesAllocatedPerInstruction bytes
    // (spendBudget): building text character by character is slower than scanning it.
    void chargeWork(uint64_t instructions)
    {
        if (frame_)
            spendBudget(frame_, instructions);
    }
    static constexpr uint64_t kBytesPerInstruction = 64;
    static constexpr uint64_t kBytesAllocatedPerInstruction = 4;
    static constexpr uint64_t kRaiseInstructions = 500;
    std::vector<Value> toVector(const Value& iterable);
    Value getItem(const Value& obj, const Value& key);
    void setItem(const Value& obj, const Value& key, Value value);
    void delItem(const Value& obj, const Value& key);
    bool contains(const Value& container, const Value& item);
    int64_t length(const Value& v);
    int64_t toIndex(const Value& v, const char* what = nullptr);
    double toDouble(const Value& v);
    std::string format(const Value& v, std::string_view spec);
    bool isCallable(const Value& v);
    bool isInstanceOf(const Value& v, ClassObj* cls);
    Value lookupSpecial(const Value& obj, StrObj* name); // on the type only; Empty if absent

    // -- Objects -----------------------------------------------------------------------------
    Value intern(std::string_view text);
    StrObj* internStr(std::string_view text) { return intern(text).as<StrObj>(); }
    Value newStr(std::string text);
    Value newTuple(std::vector<Value> items);
    Value newList(std::vector<Value> items = {});
    Value newDict();
    Value newNative(std::string name, NativeFn fn, Value bound = Value());
    ClassObj* newBuiltinClass(const std::string& name, ClassObj* base,
                              ObjKind instanceKind = ObjKind::Instance);
    // Makes a class as type.__new__ does: [metaclass] (null: type) becomes its type, [keywords]
    // (a dict or Empty) go to __init_subclass__.
    Value makeClass(const std::string& name, std::vector<Value> bases, Value namespaceDict,
                    ClassObj* metaclass = nullptr, const Value& keywords = Value());
    // The metaclass of a class with [bases] and the requested [metaclass]: the most derived of
    // them all (TypeError "metaclass conflict" when there is none).
    ClassObj* mostDerivedMetaclass(ClassObj* metaclass, const std::vector<Value>& bases);
    void addMethod(ClassObj* cls, const char* name, NativeFn fn);
    void computeMro(ClassObj* cls);

    // -- Output and trace --------------------------------------------------------------------
    // The program's output, counted against the output budget.
    void writeStdout(std::string_view text);
    void writeStderr(std::string_view text);
    // Loopscope's own report of how the run ended: outside every budget.
    void writeReport(std::string_view text);
    // Records [event] (built by one of TraceEvent's factories) when someone observes the run,
    // counted against the trace budget. Inline while the event goes straight into the
    // observer's own store and stays below every threshold (fastTraceLimit_); recordChecked()
    // does the rest: the budget's end, the half-budget warning, an observer without a store.
    [[gnu::always_inline]] void record(const TraceEvent& event)
    {
        if (traceBytes_ + sizeof(TraceEvent) <= fastTraceLimit_) [[likely]] {
            traceBytes_ += sizeof(TraceEvent);
            eventSink_->push_back(event);
            return;
        }
        recordChecked(event);
    }
    // The observer's own store when [events] more events may go there by record()'s inline
    // path; the caller that stores them itself counts them with countRecorded(). Null: record().
    TraceEvents* directSink(size_t events) const
    {
        return traceBytes_ + events * sizeof(TraceEvent) <= fastTraceLimit_ ? eventSink_ : nullptr;
    }
    void countRecorded(size_t events) { traceBytes_ += events * sizeof(TraceEvent); }
    bool tracing() const { return observer_ != nullptr; }
    // Whether statements are recorded (line-level traces); once off, never on again in a run.
    bool recordsStatements() const { return lineEvents_; }
    // The run's peak heap and pending tasks, for RunResult::stats.
    RunStats runStats() const;
    // The line of the innermost scenario frame (prelude frames are skipped), or 0.
    uint32_t scenarioLine() const;
    uint32_t internTrace(std::string_view text); // counted against the trace budget
    // Writes [text] to stderr and records it as a Warning about [task].
    void warn(const std::string& text, WarningKind kind = WarningKind::Other, TaskId task = {});
    void warnNeverAwaited(const std::string& qualname);
    void warnNeverAwaitedNow(const std::string& qualname);
    // Frees the variables of the scenario's [module] at the end of a run, as CPython's
    // finalization does (warnings about what they held are printed then, at sys:1).
    void clearModuleAtExit(const Value& module);
    std::vector<std::string> sourceLines; // of the scenario, for warnings
    TraceObserver* observer() const { return observer_; }
    double now() const { return clock_; }
    void setNow(double t) { clock_ = t; }
    // A task's step begins and ends (the native Task::step): each step has its own instruction budget,
    // and limits name [task] as where the program stood.
    void enterTaskStep(Value task)
    {
        if (stepTask_.isEmpty())
            topLevelInstructionsLeft_ = instructionsLeft_;
        stepTask_ = std::move(task);
        instructionsLeft_ = options_.budgets.instructionsPerStep;
        forgiveAllocations(); // the loop's own work is not the task's
    }
    void leaveTaskStep()
    {
        if (stepTask_.isEmpty())
            return;
        stepTask_.clear();
        instructionsLeft_ = topLevelInstructionsLeft_;
    }
    // A whole step's budget for native code that runs scenario code outside a step (the state
    // API's reprs).
    void resetBudget() { instructionsLeft_ = options_.budgets.instructionsPerStep; }
    // Ends the run with LimitReached{"Cancelled"} once RunOptions::cancel is set.
    void pollCancel()
    {
        if (options_.cancel && options_.cancel->load(std::memory_order_relaxed))
            throw makeLimit("Cancelled", "the run was cancelled");
    }
    const RunOptions& options() const { return options_; }

    // asyncio's native core (engine/loop/): its classes, counters, pending tasks, running loop.
    AsyncioRuntime& asyncio() { return *asyncio_; }
    const AsyncioRuntime& asyncio() const { return *asyncio_; }
    // -- Limits ------------------------------------------------------------------------------
    // Ends the run: "[what] (at line N in Task-2 (coro)); raise the budget with --[option]".
    // No Python code runs after it, not even finally clauses.
    [[noreturn]] void stopRun(const std::string& type, const std::string& what, const char* option);
    // Ends the run on a limit that names where things stood itself (the loop's pending tasks).
    [[noreturn]] void stopRunWithMessage(const std::string& type, const std::string& message);
    // A limit has ended the run; code still unwinding must not run more scenario code.
    bool stopping() const { return stopping_; }
    // "at line 5 in Task-2 (worker)": the innermost scenario line and the running task.
    std::string whereNow() const;
    // What the run used (RunResult).
    uint64_t traceBytesUsed() const { return traceBytes_; }
    uint64_t outputLinesUsed() const { return outputLines_; }
    uint64_t outputBytesUsed() const { return outputBytes_; }

    BuiltinTypes types;
    Names names;
    Value builtinsDict; // DictObj
    Value notImplemented, ellipsis;
    std::unordered_map<std::string, Value> modules;
    std::unordered_map<std::string, Value> nativeModules; // name -> ModuleObj, created at start
    PyRandom random;
    Value limitExceededClass, deadlockClass;
    std::string pendingStdoutLine;
    bool tearingDown = false;
    std::vector<std::pair<StrObj**, std::string>> pendingNames;
    int nativeDepth = 0;
    // sys.set_int_max_str_digits: the most decimal digits an int <-> str conversion takes (0: no
    // limit); CPython 3.11's default (bigint.h).
    int64_t maxStrDigits = 4300;

  private:
    void tearDown();
    void initTypes();
    void initBuiltins();
    bool handleException(Frame*& frame, Frame* entry, PyException& e);
    void recordTraceback(ExceptionObj* exc, Frame* frame);
    Value formatValueOp(const Value& v, int conversion, const Value& spec);
    void buildClassOp(Frame* frame);

    RunOptions options_;
    TraceObserver* observer_;
    TraceEvents* eventSink_ = nullptr; // the observer's own event store, when it has one
    bool lineEvents_ = false;
    bool reraising_ = false;        // the exception in flight was re-raised: no new traceback entry
    bool lastExitWasYield_ = false; // execute() returned because a generator frame yielded
    Value runLoop(Frame*& frame, Frame* entry);
    // The runaway and memory budgets (vm.cpp says where they are checked and why there). The
    // common case is inline (forced: the dispatch loop is too big for GCC to inline it there by
    // itself, and fib.py spent 7% in the call); what ends the run is out of line.
    [[gnu::always_inline]] void spendBudget(Frame* frame, uint64_t instructions)
    {
        if (limit_ || (options_.cancel && options_.cancel->load(std::memory_order_relaxed))) [[unlikely]]
            stopOnPendingLimit();
        if (memoryBudget_) {
            if (memoryBudget_->overdrawn()) [[unlikely]]
                stopOnOverdrawnMemory();
            // Builtins that copy (s.upper(), sorted(), slicing) pay for the bytes they allocate.
            const uint64_t allocated = memoryBudget_->allocatedTotal();
            instructions += (allocated - allocationCharged_) / kBytesAllocatedPerInstruction;
            allocationCharged_ = allocated;
        }
        if (frame->code->flags & kHidden)
            return;
        if (instructionsLeft_ <= instructions) [[unlikely]]
            stopRunaway();
        instructionsLeft_ -= instructions;
    }
    // Whether spendBudget(frame, instructions) would end the run here (it spends nothing).
    bool spendingWouldStop(const Frame* frame, uint64_t instructions) const
    {
        if (limit_ || (options_.cancel && options_.cancel->load(std::memory_order_relaxed)))
            return true;
        if (memoryBudget_) {
            if (memoryBudget_->overdrawn())
                return true;
            instructions +=
                (memoryBudget_->allocatedTotal() - allocationCharged_) / kBytesAllocatedPerInstruction;
        }
        return !(frame->code->flags & kHidden) && instructionsLeft_ <= instructions;
    }
    [[noreturn]] void stopOnPendingLimit();    // a limit a destructor swallowed, or Cancel
    [[noreturn]] void stopOnOverdrawnMemory(); // an allocation that could not throw went past
    [[noreturn]] void stopRunaway();           // the instruction budget is spent
    void recordChecked(const TraceEvent& event);
    // record()'s inline path holds while traceBytes_ stays at or below it: the trace budget, or
    // half of it while statements are recorded; 0 without an event store or once a limit is met.
    uint64_t fastTraceLimit_ = 0;
    void updateFastTraceLimit();
    Frame* frame_ = nullptr; // the innermost running frame
    int depth_ = 0;
    uint64_t instructionsLeft_ = 0;
    uint64_t topLevelInstructionsLeft_ = 0; // saved while a task step runs
    uint64_t allocationCharged_ = 0;        // MemoryBudget::allocatedTotal() already spent
    void forgiveAllocations()               // what was allocated so far costs no instructions
    {
        if (memoryBudget_)
            allocationCharged_ = memoryBudget_->allocatedTotal();
    }
    Value stepTask_; // the task whose step runs, else Empty
    bool stopping_ = false;
    std::optional<LimitReached> limit_; // the limit that ended the run, rethrown if swallowed
    void countOutput(std::string_view text);
    LimitReached makeLimit(const std::string& type, std::string message);
    LimitReached memoryLimit(uint64_t requested);
    void releaseFramesAfterLimit(Frame* entry);
    MemoryBudget* memoryBudget_ = nullptr;
    uint64_t outputLines_ = 0, outputBytes_ = 0, traceBytes_ = 0;
    bool traceDegraded_ = false; // statements are no longer recorded (half the trace budget)
    double clock_ = 0;
    Value handled_; // the exception being handled (sys.exc_info()), or Empty
    std::unordered_map<std::string, Value> interned_;
    // Free frames by capacity class (16 << class slots), reused by newFrame.
    static constexpr size_t kFrameClasses = 5;
    std::vector<Frame*> framePool_[kFrameClasses];
    std::unique_ptr<AsyncioRuntime> asyncio_;
    std::unordered_set<std::string> warnedLocations_; // "line:message" of the warnings shown once
    friend struct VMAccess;
};

// Registration of builtins, split across builtins/*.cpp.
void registerCoreBuiltins(VM& vm);  // builtins/functions.cpp
void registerTypeMethods(VM& vm);   // builtins/*_methods.cpp
void registerExceptions(VM& vm);    // builtins/exceptions.cpp
void registerNativeModules(VM& vm); // builtins/modules.cpp
// builtins/trace_constants.cpp: _loopscope's trace constants.
void addTraceConstants(VM& vm, const Value& module);
Value makeAsyncioModule(VM& vm); // loop/asyncio_module.cpp: asyncio's native core

// Helpers for builtins.
bool isUserKind(const Value& v); // an instance of a user class (or an exception)
void checkArgs(VM& vm, const CallArgs& args, const char* name, size_t min, size_t max);
Value makeModule(VM& vm, const std::string& name);
void moduleSet(VM& vm, const Value& module, const char* name, Value value);
void moduleAddFunction(VM& vm, const Value& module, const char* name, NativeFn fn);

} // namespace loopscope
