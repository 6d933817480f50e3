#include "vm.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "compiler.h"
#include "engine_stack.h"
#include "loop/asyncio_runtime.h"
#include "loop/sleep.h"
#include "loop/task.h"
#include "memory_budget.h"
#include "prelude.h"
#include "prelude_cache.h"
#include "slab_pool.h"

namespace loopscope {

namespace {
thread_local VM* tCurrentVM = nullptr;

} // namespace

VM* VM::currentIfAny()
{
    return tCurrentVM;
}

VM& VM::current()
{
    return *tCurrentVM;
}

// -- Setup and teardown ------------------------------------------------------------------------

VM::VM(const RunOptions& options, TraceObserver* observer) : options_(options), observer_(observer)
{
    tCurrentVM = this;
    memoryBudget_ = MemoryBudget::current();
    lineEvents_ = observer_ && observer_->level() == TraceLevel::Line;
    eventSink_ = observer_ ? observer_->eventSink() : nullptr;
    updateFastTraceLimit();
    // Code outside any task step (the module body before and after asyncio.run) has a budget of
    // its own, as large as a step's, so an endless top-level loop cannot hang either.
    instructionsLeft_ = options_.budgets.instructionsPerStep;
    asyncio_ = std::make_unique<AsyncioRuntime>();
    try {
        initTypes();
        initBuiltins();
    } catch (...) {
        // A memory budget too small for the VM itself: free what setup made.
        tearDown();
        throw;
    }
    // Setup may have rebuilt an MRO (ExceptionGroup's bases) after looking names up.
    invalidateClassLookups();
    random.seedUnsigned(options_.seed);
}

VM::~VM()
{
    tearDown();
}

void VM::tearDown()
{
    tearingDown = true;
    setTearingDown(true);
    for (auto& pool : framePool_) {
        for (Frame* f : pool)
            deleteFrame(f);
        pool.clear();
    }
    handled_.clear();
    asyncio_.reset();
    builtinsDict.clear();
    notImplemented.clear();
    ellipsis.clear();
    modules.clear();
    nativeModules.clear();
    interned_.clear();
    invalidateClassLookups(); // interned names die here; their addresses may be reused
    limitExceededClass.clear();
    deadlockClass.clear();
    stepTask_.clear();
    freeAllObjects();
    if (tCurrentVM == this)
        tCurrentVM = nullptr;
}

RunStats VM::runStats() const
{
    RunStats stats;
    stats.heapBytesAtLoopStart = std::max<int64_t>(asyncio_->heapAtLoopStart, 0);
    stats.peakHeapBytes = std::max(asyncio_->peakHeap, stats.heapBytesAtLoopStart);
    stats.maxPendingTasks = uint32_t(asyncio_->maxPendingTasks);
    return stats;
}

Value VM::intern(std::string_view text)
{
    auto it = interned_.find(std::string(text));
    if (it != interned_.end())
        return it->second;
    auto* s = new StrObj(std::string(text));
    s->interned = true;
    Value v = Value::object(s);
    interned_.emplace(std::string(text), v);
    return v;
}

Value VM::newStr(std::string text)
{
    return Value::object(new StrObj(std::move(text)));
}
Value VM::newTuple(std::vector<Value> items)
{
    return Value::object(new TupleObj(std::move(items)));
}
Value VM::newList(std::vector<Value> items)
{
    return Value::object(new ListObj(std::move(items)));
}
Value VM::newDict()
{
    return Value::object(new DictObj());
}
Value VM::newNative(std::string name, NativeFn fn, Value bound)
{
    return Value::object(new NativeFunctionObj(std::move(name), fn, std::move(bound)));
}

// -- Frames --------------------------------------------------------------------------------------

namespace {

template <class T> T* retained(T* object)
{
    if (object)
        ++object->refcount;
    return object;
}

void release(Obj* object)
{
    if (object && --object->refcount == 0)
        releaseObject(object);
}

// The capacity class of a frame needing [slots] slots: 16, 32, 64, 128, 256 slots; beyond, none.
size_t frameClass(size_t slots)
{
    size_t c = 0;
    while (c < 5 && (size_t(16) << c) < slots)
        ++c;
    return c;
}

// A generator's frame ([ownSlots]) comes from the slabs when small enough: 100k suspended
// coroutines are 100k frames, which malloc would give a header each.
Frame* allocateFrame(size_t capacity, bool ownSlots = false)
{
    const size_t bytes = sizeof(Frame) + capacity * sizeof(Value);
    const bool fromSlab = ownSlots && bytes <= kSlabMaxBytes;
    void* memory = fromSlab ? slabAllocate(bytes) : ::operator new(bytes);
    Frame* f = new (memory) Frame();
    f->slotCapacity = uint32_t(capacity);
    f->fromSlab = fromSlab;
    Value* slots = f->slots();
    for (size_t i = 0; i < capacity; ++i)
        new (&slots[i]) Value();
    return f;
}

} // namespace

void deleteFrame(Frame* f)
{
    Value* slots = f->slots();
    for (uint32_t i = 0; i < f->slotCapacity; ++i)
        slots[i].~Value();
    if (f->embedded) {
        f->~Frame(); // its memory is its generator's
        return;
    }
    const bool fromSlab = f->fromSlab;
    const size_t bytes = sizeof(Frame) + f->slotCapacity * sizeof(Value);
    f->~Frame();
    if (fromSlab)
        slabRelease(f, bytes);
    else
        ::operator delete(f);
}

Frame* VM::newFrame(CodeObj* code, Value function, Value globals, Value locals)
{
    // A module or class body keeps its namespace in a slot of its own, past the stack.
    const size_t needed = size_t(code->slotCount() + code->maxStack) + (locals.isObject() ? 1 : 0);
    // A generator's frame lives as long as the generator (100k suspended coroutines are 100k
    // frames): it gets exactly the slots it needs. Other frames come from the pool.
    const size_t cls = code->isGeneratorLike() ? kFrameClasses : frameClass(needed);
    Frame* f;
    if (cls < kFrameClasses && !framePool_[cls].empty()) {
        f = framePool_[cls].back();
        framePool_[cls].pop_back();
    } else {
        f = allocateFrame(cls < kFrameClasses ? size_t(16) << cls : needed, cls == kFrameClasses);
    }
    f->code = retained(code);
    f->function = function.isObject() ? retained(function.asObject()) : nullptr;
    f->globals = globals.isObject() ? retained(globals.as<DictObj>()) : nullptr;
    f->hasLocals = locals.isObject();
    if (f->hasLocals)
        f->slots()[f->slotCapacity - 1] = locals;
    f->sp = f->stackBase();
    f->ip = 0;
    f->back = nullptr;
    f->lastLine = 0;
    f->isEntry = false;
    return f;
}

void VM::freeFrame(Frame* f)
{
    // Slots past the code's own never held a value.
    Value* slots = f->slots();
    const CodeObj* fc = f->code;
    const size_t used =
        fc->varnames.size() + fc->cellvars.size() + fc->freevars.size() + size_t(fc->maxStack);
    for (size_t i = 0; i < used; ++i)
        slots[i].clear();
    if (f->embedded) {
        // A generator's frame stays in its block until the generator dies, holding nothing but
        // its code (cr_code; ~GeneratorObj releases it). A generator's has no namespace.
        f->blocks = BlockStack();
        Obj* function = std::exchange(f->function, nullptr);
        Obj* globals = std::exchange(f->globals, nullptr);
        release(function);
        release(globals);
        return;
    }
    f->blocks.clear();
    Obj* code = f->code;
    Obj* function = f->function;
    Obj* globals = f->globals;
    f->code = nullptr;
    f->function = nullptr;
    f->globals = nullptr;
    release(function);
    release(globals);
    if (f->hasLocals) [[unlikely]] {
        f->hasLocals = false;
        f->slots()[f->slotCapacity - 1].clear();
    }
    release(code);
    // A pooled frame's capacity is one of the classes' (16 << class slots).
    const uint32_t capacity = f->slotCapacity;
    const size_t cls = size_t(std::countr_zero(capacity)) - 4; // huge below 16
    if ((capacity & (capacity - 1)) == 0 && cls < kFrameClasses && !f->fromSlab &&
        framePool_[cls].size() < 256)
        framePool_[cls].push_back(f);
    else
        deleteFrame(f);
}

// -- Calls ---------------------------------------------------------------------------------------

static std::string plural(size_t n, const char* word)
{
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

static std::string nameList(const std::vector<std::string>& names)
{
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}

Frame* VM::prepareCall(FunctionObj* fn, const CallArgs& a)
{
    CodeObj* code = fn->codeObj();
    Frame* f = newFrame(code, Value::object(fn), fn->globals, Value());
    Value* locals = f->slots();
    const std::string& qualname = strText(fn->qualname);
    size_t argc = size_t(code->argcount);
    size_t kwonly = size_t(code->kwonlyargcount);
    size_t varargsIndex = argc + kwonly;
    size_t varkwIndex = varargsIndex + ((code->flags & kVarargs) ? 1 : 0);
    try {
        size_t take = a.count < argc ? a.count : argc;
        for (size_t i = 0; i < take; ++i)
            locals[i] = a.args[i];
        if (a.count > argc) {
            if (!(code->flags & kVarargs)) {
                size_t given = a.count;
                size_t ndefaults = fn->defaults.size();
                std::string takes =
                    ndefaults ? "from " + std::to_string(argc - ndefaults) + " to " + std::to_string(argc)
                              : std::to_string(argc);
                raise(ExcType::TypeError, qualname + "() takes " + takes + " positional argument" +
                                              (argc == 1 && !ndefaults ? "" : "s") + " but " +
                                              std::to_string(given) + (given == 1 ? " was" : " were") +
                                              " given");
            }
            locals[varargsIndex] = newTuple(std::vector<Value>(a.args + argc, a.args + a.count));
        } else if (code->flags & kVarargs) {
            locals[varargsIndex] = newTuple({});
        }
        DictObj* kwargs = nullptr;
        if (code->flags & kVarkw) {
            kwargs = new DictObj();
            locals[varkwIndex] = Value::object(kwargs);
        }
        for (size_t k = 0; k < a.kwCount(); ++k) {
            const Value& name = a.kwNames->items[k];
            size_t found = SIZE_MAX;
            for (size_t p = size_t(code->posonlyargcount); p < argc + kwonly; ++p) {
                const Value& param = code->varnames[p];
                if (param.asObject() == name.asObject() || strText(param) == strText(name)) {
                    found = p;
                    break;
                }
            }
            if (found == SIZE_MAX) {
                bool positionalOnly = false;
                for (size_t p = 0; p < size_t(code->posonlyargcount); ++p)
                    positionalOnly |= strText(code->varnames[p]) == strText(name);
                if (positionalOnly && !kwargs)
                    raise(ExcType::TypeError,
                          qualname + "() got some positional-only arguments passed as keyword arguments: '" +
                              strText(name) + "'");
                if (!kwargs)
                    raise(ExcType::TypeError,
                          qualname + "() got an unexpected keyword argument '" + strText(name) + "'");
                kwargs->table.set(name, a.kwValues[k]);
                continue;
            }
            if (!locals[found].isEmpty())
                raise(ExcType::TypeError,
                      qualname + "() got multiple values for argument '" + strText(name) + "'");
            locals[found] = a.kwValues[k];
        }
        size_t ndefaults = fn->defaults.size();
        std::vector<std::string> missing;
        for (size_t i = a.count; i < argc; ++i) {
            if (!locals[i].isEmpty())
                continue;
            if (i >= argc - ndefaults)
                locals[i] = fn->defaults[i - (argc - ndefaults)];
            else
                missing.push_back(strText(code->varnames[i]));
        }
        if (!missing.empty())
            raise(ExcType::TypeError, qualname + "() missing " +
                                          plural(missing.size(), "required positional argument") + ": " +
                                          nameList(missing));
        for (size_t i = argc; i < argc + kwonly; ++i) {
            if (!locals[i].isEmpty())
                continue;
            if (fn->kwdefaults.isObject())
                if (Value* d = fn->kwdefaults.as<DictObj>()->table.find(code->varnames[i])) {
                    locals[i] = *d;
                    continue;
                }
            missing.push_back(strText(code->varnames[i]));
        }
        if (!missing.empty())
            raise(ExcType::TypeError, qualname + "() missing " +
                                          plural(missing.size(), "required keyword-only argument") + ": " +
                                          nameList(missing));
    } catch (...) {
        freeFrame(f);
        throw;
    }
    size_t nlocals = code->varnames.size();
    for (size_t i = 0; i < code->cellvars.size(); ++i) {
        auto* cell = new CellObj();
        int from = code->cellFromArg[i];
        if (from >= 0)
            cell->value = locals[from];
        locals[nlocals + i] = Value::object(cell);
    }
    size_t base = nlocals + code->cellvars.size();
    for (size_t i = 0; i < code->freevars.size() && i < fn->closure.size(); ++i)
        locals[base + i] = fn->closure[i];
    return f;
}

// A generator (or coroutine) and its frame in one block: the frame [from], its arguments bound,
// moves into the block after the GeneratorObj, and its own memory is given back.
static GeneratorObj* makeGenerator(GeneratorKind kind, Frame* from, const Value& name, const Value& qualname)
{
    const size_t frameBytes = sizeof(Frame) + from->slotCapacity * sizeof(Value);
    void* memory;
    try {
        memory = Obj::operator new(sizeof(GeneratorObj) + frameBytes);
    } catch (...) {
        VM::current().freeFrame(from);
        throw;
    }
    auto* f = reinterpret_cast<Frame*>(static_cast<char*>(memory) + sizeof(GeneratorObj));
    // The header and the Values move bit for bit: nothing points into the frame but its own sp
    // (it has not run, so no frame links to it), and [from] is not destroyed, only freed.
    std::memcpy(static_cast<void*>(f), static_cast<const void*>(from), frameBytes);
    f->sp = f->slots() + (from->sp - from->slots());
    f->embedded = true; // generator(): the block's GeneratorObj
    f->fromSlab = false;
    if (from->fromSlab)
        slabRelease(from, frameBytes);
    else
        ::operator delete(from);
    return ::new (memory) GeneratorObj(kind, f, name, qualname);
}

Value VM::callFunction(FunctionObj* fn, const CallArgs& args)
{
    Frame* f = prepareCall(fn, args);
    CodeObj* code = f->code;
    if (code->isGeneratorLike()) {
        GeneratorKind kind = (code->flags & kCoroutine)        ? GeneratorKind::Coroutine
                             : (code->flags & kAsyncGenerator) ? GeneratorKind::AsyncGenerator
                                                               : GeneratorKind::Generator;
        return Value::object(makeGenerator(kind, f, fn->name, fn->qualname));
    }
    return execute(f, Value());
}

Value VM::call(const Value& callable, std::initializer_list<Value> args)
{
    CallArgs a;
    a.args = args.begin();
    a.count = args.size();
    return call(callable, a);
}

Value VM::callMethod(const Value& self, StrObj* name, std::initializer_list<Value> args)
{
    Value method;
    if (loadMethod(self, name, method)) {
        std::vector<Value> all;
        all.reserve(args.size() + 1);
        all.push_back(self);
        for (const Value& v : args)
            all.push_back(v);
        CallArgs a;
        a.args = all.data();
        a.count = all.size();
        return call(method, a);
    }
    return call(method, args);
}

// Calls [call] with [args] behind [self], without allocating for up to 7 arguments.
template <class Call> static Value withSelfPrepended(const Value& self, const CallArgs& args, Call&& call)
{
    Value small[8];
    std::vector<Value> big;
    Value* all = small;
    if (args.count + 1 > 8) {
        big.resize(args.count + 1);
        all = big.data();
    }
    all[0] = self;
    for (size_t i = 0; i < args.count; ++i)
        all[i + 1] = args.args[i];
    CallArgs a = args;
    a.args = all;
    a.count = args.count + 1;
    return call(a);
}

// Calls [callable] with [self] prepended to [args].
static Value callWithSelf(VM& vm, const Value& callable, const Value& self, const CallArgs& args)
{
    return withSelfPrepended(self, args, [&](const CallArgs& a) { return vm.call(callable, a); });
}

// Calls the builtin [nf] with [self] prepended to [args].
static Value callNativeWithSelf(VM& vm, NativeFunctionObj* nf, const Value& self, const CallArgs& args)
{
    return withSelfPrepended(self, args, [&](const CallArgs& a) { return nf->fn(vm, a); });
}

Value VM::call(const Value& callable, const CallArgs& args)
{
    if (callable.isObject()) {
        Obj* o = callable.asObject();
        switch (o->kind) {
        case ObjKind::Function:
            return callFunction(static_cast<FunctionObj*>(o), args);
        case ObjKind::NativeFunction: {
            auto* nf = static_cast<NativeFunctionObj*>(o);
            Value keep = callable;
            if (nf->bound.isEmpty())
                return nf->fn(*this, args);
            return callNativeWithSelf(*this, nf, nf->bound, args);
        }
        case ObjKind::BoundMethod: {
            auto* bm = static_cast<BoundMethodObj*>(o);
            Value func = bm->func, self = bm->self;
            return callWithSelf(*this, func, self, args);
        }
        case ObjKind::Class: {
            Value keep = callable;
            if (!o->cls->builtin) {
                // A metaclass's own __call__ decides what calling the class does.
                Value* metaCall = o->cls->lookup(names.__call__);
                if (metaCall && isKind(*metaCall, ObjKind::Function))
                    return callWithSelf(*this, *metaCall, callable, args);
            }
            return instantiate(static_cast<ClassObj*>(o), args);
        }
        default:
            break;
        }
    }
    Value method = lookupSpecial(callable, names.__call__);
    if (method.isEmpty())
        raise(ExcType::TypeError, "'" + typeName(callable) + "' object is not callable");
    return callWithSelf(*this, method, callable, args);
}

// -- Errors --------------------------------------------------------------------------------------

Value VM::newException(ClassObj* cls, std::vector<Value> args)
{
    Value clsValue = Value::object(cls);
    CallArgs a;
    a.args = args.data();
    a.count = args.size();
    return call(clsValue, a);
}

Value VM::newException(ExcType type, std::string message)
{
    auto* e = new ExceptionObj(excClass(type));
    Value v = Value::object(e);
    e->args = newTuple({newStr(std::move(message))});
    return v;
}

void VM::raise(ExcType type, std::string message)
{
    raiseValue(newException(type, std::move(message)));
}

void VM::raiseNamed(const std::string& type, std::string message)
{
    if (type == "MemoryError") {
        // A helper refused to build something huge (a format width past 256M characters): past
        // the budget that is the run's MemoryError; within a generous one, Python's own.
        checkAllocation(uint64_t(1) << 28, 1);
        raise(ExcType::MemoryError, std::move(message));
    }
    static const char* const kNames[] = {
#define EXC(name, parent) #name,
#include "builtins/exceptions.def"
#undef EXC
    };
    for (size_t i = 0; i < size_t(ExcType::Count); ++i)
        if (type == kNames[i])
            raise(ExcType(i), std::move(message));
    raise(ExcType::ValueError, std::move(message));
}

void VM::raiseValue(Value exception)
{
    if (!handled_.isEmpty() && !handled_.is(exception) && isKind(exception, ObjKind::Exception)) {
        // Implicit chaining: the new exception remembers the one being handled. A cycle
        // through [exception] is cut, as CPython does; a cycle already in the chain (the
        // program set __context__ itself) is detected with Floyd's algorithm, as CPython's.
        Value o = handled_;
        Value slow = handled_;
        bool advanceSlow = false;
        uint64_t steps = 0;
        while (isKind(o, ObjKind::Exception)) {
            ExceptionObj* e = o.as<ExceptionObj>();
            if (e->context.is(exception)) {
                e->context = Value();
                break;
            }
            o = Value(e->context);
            ++steps;
            if (o.is(slow))
                break;
            if (advanceSlow)
                slow = Value(slow.as<ExceptionObj>()->context);
            advanceSlow = !advanceSlow;
        }
        chargeWork(steps); // a chain grown by raising in every except clause is long
        exception.as<ExceptionObj>()->context = handled_;
    }
    // Raising and unwinding (a C++ throw) cost hundreds of plain instructions: a loop that raises and
    // catches forever must meet its budget as soon as one that computes.
    chargeWork(kRaiseInstructions);
    throw PyException{std::move(exception)};
}

bool VM::isInstance(const Value& v, ExcType type) const
{
    return typeOf(v)->isSubclassOf(excClass(type));
}

void VM::recordTraceback(ExceptionObj* exc, Frame* frame)
{
    uint32_t ip = frame->ip ? frame->ip - 1 : 0;
    exc->traceback.push_back(TracebackEntry{Value::object(frame->code), frame->code->lineAt(ip), ip});
}

// Unwinds [frame] to a handler for [e]: returns false when the exception leaves [entry].
bool VM::handleException(Frame*& frame, Frame* entry, PyException& e)
{
    bool skipTraceback = reraising_;
    reraising_ = false;
    for (;;) {
        if (isKind(e.exception, ObjKind::Exception) && !skipTraceback)
            recordTraceback(e.exception.as<ExceptionObj>(), frame);
        skipTraceback = false;
        Value* base = frame->stackBase();
        while (!frame->blocks.empty()) {
            Block b = std::move(frame->blocks.back());
            frame->blocks.pop_back();
            if (b.type == Block::ExceptClause) {
                handled_ = std::move(b.saved);
                continue;
            }
            Value* sp = frame->sp;
            while (sp > base + b.level)
                (--sp)->clear();
            frame->blocks.push_back(Block{Block::ExceptClause, 0, b.level, handled_});
            handled_ = e.exception;
            *sp++ = e.exception;
            frame->sp = sp;
            frame->ip = b.target;
            return true;
        }
        if (frame == entry)
            return false;
        Frame* back = frame->back;
        frame_ = back;
        freeFrame(frame);
        --depth_;
        frame = back;
    }
}

// -- Generators ----------------------------------------------------------------------------------

ResumeStatus VM::resume(GeneratorObj* gen, Value send, Value throwExc, Value& out)
{
    Value keepAlive = Value::object(gen);
    bool isCoro = gen->genKind == GeneratorKind::Coroutine;
    if (gen->running)
        raise(ExcType::ValueError, isCoro ? "coroutine already executing" : "generator already executing");
    if (gen->finished()) {
        if (!throwExc.isEmpty())
            raiseValue(throwExc);
        if (isCoro)
            raise(ExcType::RuntimeError, "cannot reuse already awaited coroutine");
        out = Value::none();
        return ResumeStatus::Returned;
    }
    Frame* f = gen->frame();
    // A line kept for its task's next StepBegan holds only while the frame does not move.
    if (f->lastLine & Frame::kKeptLine)
        f->lastLine = 0;
    bool pushSent = true;
    if (!gen->started) {
        if (throwExc.isEmpty() && !send.isNone() && !send.isEmpty())
            raise(ExcType::TypeError, std::string("can't send non-None value to a just-started ") +
                                          (isCoro                                     ? "coroutine"
                                           : gen->genKind == GeneratorKind::Generator ? "generator"
                                                                                      : "async generator"));
        pushSent = false;
    }
    if (!gen->yieldFrom.isEmpty() && !throwExc.isEmpty()) {
        // Delegate the throw to the iterator this generator is suspended in (CPython's gen_throw).
        Value sub = gen->yieldFrom;
        bool isExit = isInstance(throwExc, ExcType::GeneratorExit);
        bool delegated = false;
        try {
            if (isExit) {
                if (isKind(sub, ObjKind::Generator))
                    generatorClose(sub);
                else if (isAwaitDriver(sub))
                    static_cast<NativeObj*>(sub.asObject())->closeAwait(*this);
                else {
                    Value closeMethod;
                    if (tryGetAttr(sub, names.close, closeMethod))
                        call(closeMethod, {});
                }
            } else if (isKind(sub, ObjKind::Generator) || isAwaitDriver(sub)) {
                Value subOut;
                delegated = true;
                ResumeStatus st = isKind(sub, ObjKind::Generator)
                                      ? resume(sub.as<GeneratorObj>(), Value(), throwExc, subOut)
                                      : static_cast<NativeObj*>(sub.asObject())
                                            ->resumeAwait(*this, Value(), throwExc, subOut);
                if (st == ResumeStatus::Yielded) {
                    out = subOut;
                    return ResumeStatus::Yielded;
                }
                gen->yieldFrom = Value();
                f->sp[-1] = subOut;
                f->ip = gen->sendExitTarget;
                throwExc.clear();
                pushSent = false;
            } else {
                Value throwMethod;
                if (tryGetAttr(sub, names.throw_, throwMethod)) {
                    delegated = true;
                    try {
                        out = call(throwMethod, {throwExc});
                        return ResumeStatus::Yielded;
                    } catch (PyException& stop) {
                        if (!isInstance(stop.exception, ExcType::StopIteration))
                            throw;
                        gen->yieldFrom = Value();
                        auto* se = stop.exception.as<ExceptionObj>();
                        f->sp[-1] = se->args.as<TupleObj>()->items.empty()
                                        ? Value::none()
                                        : se->args.as<TupleObj>()->items[0];
                        f->ip = gen->sendExitTarget;
                        throwExc.clear();
                        pushSent = false;
                    }
                }
            }
        } catch (PyException& inner) {
            gen->yieldFrom = Value();
            throwExc = inner.exception;
        }
        (void)delegated;
        gen->yieldFrom = Value();
    }
    if (pushSent && throwExc.isEmpty()) {
        // Resumed in the shared sleep(0) (awaitSleepAtOnce): the await's JUMP back to its SEND and
        // the SEND, which returns None, done here; the frame goes on after the await. Only where
        // nothing they do can show: no statements recorded (the JUMP would make the SEND report
        // its line), no limit met by execute()'s budget check or the JUMP's (both are spent
        // exactly as they would be: the JUMP's three here, execute()'s, with what was allocated
        // meanwhile, there).
        Obj* sub = gen->yieldFrom.get();
        if (sub && sub->kind == ObjKind::Native && sub == asyncio_->sleepYielded.asObject() && !lineEvents_) {
            const uint32_t* instrs = f->code->code.data();
            const uint32_t at = f->ip; // the JUMP that follows the YIELD_VALUE
            constexpr uint64_t kJump = 3; // JUMP's spendBudget(frame, ip - arg): ip is past the JUMP
            if (at >= 2 && at < f->code->code.size() &&
                instrs[at] == (((at - 2) << 8) | uint32_t(Op::JUMP)) &&
                Op(instrs[at - 2] & 0xff) == Op::SEND && depth_ < options_.budgets.recursionDepth &&
                !engineStackExhausted() && !spendingWouldStop(f, f->code->code.size() + kJump)) {
                spendBudget(f, kJump); // cannot stop the run: checked with execute()'s just above
                f->lastLine = 0;
                f->sp[-1] = Value::none(); // SEND's result in place of the awaitable
                f->ip = instrs[at - 2] >> 8;
                pushSent = false;
            }
        }
    }
    gen->yieldFrom = Value();
    if (pushSent && throwExc.isEmpty())
        *f->sp++ = send.isEmpty() ? Value::none() : std::move(send);
    else if (pushSent && !throwExc.isEmpty())
        *f->sp++ = Value::none(); // the yield's result slot, unwound by the throw
    gen->started = true;
    gen->running = true;
    // Each generator has its own "exception being handled" (CPython's gi_exc_state): a
    // coroutine suspended inside an except clause finds its exception again when resumed.
    Value savedHandled = handled_;
    if (!gen->excState.isEmpty()) {
        handled_ = gen->excState.value();
        gen->excState = Value();
    }
    try {
        out = execute(f, throwExc);
    } catch (PyException& e) {
        gen->running = false;
        handled_ = savedHandled;
        gen->dropFrame();
        freeFrame(f);
        // PEP 479: a StopIteration escaping a generator becomes a RuntimeError.
        if (isInstance(e.exception, ExcType::StopIteration) ||
            (gen->genKind == GeneratorKind::AsyncGenerator &&
             isInstance(e.exception, ExcType::StopAsyncIteration))) {
            const char* what = isCoro                                     ? "coroutine"
                               : gen->genKind == GeneratorKind::Generator ? "generator"
                                                                          : "async generator";
            bool async = isInstance(e.exception, ExcType::StopAsyncIteration);
            Value err =
                newException(ExcType::RuntimeError, std::string(what) + " raised " +
                                                        (async ? "StopAsyncIteration" : "StopIteration"));
            err.as<ExceptionObj>()->cause = e.exception;
            err.as<ExceptionObj>()->context = e.exception;
            err.as<ExceptionObj>()->suppressContext = true;
            throw PyException{err};
        }
        throw;
    }
    gen->running = false;
    if (lastExitWasYield_) {
        bool inExceptClause = false;
        for (const Block& b : f->blocks)
            inExceptClause |= b.type == Block::ExceptClause;
        if (inExceptClause)
            gen->excState = handled_;
        handled_ = savedHandled;
        return ResumeStatus::Yielded;
    }
    handled_ = savedHandled;
    gen->dropFrame();
    freeFrame(f);
    return ResumeStatus::Returned;
}

// `await asyncio.sleep(...)` right after the call of asyncio.sleep (CALL's native path, [ca] its
// arguments, [base] the callable's slot, [ip] the next instruction's, [sp] the stack's top): the
// frame suspends as the sleep's first SEND would leave it, delegating to what stands for the
// sleep, and no sleep is made (loop/sleep.h, sleepAwaitedAtOnce). The await's instructions must
// follow the call on its line (compiler.cpp, emitAwait). Returns the stack's new top (the caller
// runs the YIELD_VALUE at ip + 3 itself), or null: the call goes on as any call. Out of runLoop,
// taking no reference to its registers, and cold (placed away from runLoop's hot code): the
// compute benchmarks feel any change to runLoop's code (tests/bench/README.md, the sleep pass).
[[gnu::noinline, gnu::cold]] static Value* awaitSleepAtOnce(VM& vm, Frame* frame, uint32_t ip, Value* sp,
                                                            Value* base, const CallArgs& ca)
{
    const CodeObj* code = frame->code;
    const uint32_t* instrs = code->code.data();
    GeneratorObj* awaiting = frame->generator();
    if (!awaiting || awaiting->genKind != GeneratorKind::Coroutine || ip + 3 >= code->code.size() ||
        instrs[ip] != uint32_t(Op::GET_AWAITABLE) || Op(instrs[ip + 1] & 0xff) != Op::LOAD_CONST ||
        !code->constants[instrs[ip + 1] >> 8].isNone() || Op(instrs[ip + 2] & 0xff) != Op::SEND ||
        instrs[ip + 3] != uint32_t(Op::YIELD_VALUE) || code->lines[ip - 1] != code->lines[ip + 3])
        return nullptr;
    Value yielded;
    NativeObj* awaited;
    if (ca.count == 1 && !ca.kwNames && ca.args[0].isIntLike() && ca.args[0].asInt() <= 0) {
        // sleep(0): what sleepAwaitedAtOnce gives for it, without the call (once per switch).
        awaited = vm.asyncio().sleepYielded.as<NativeObj>();
        yielded = Value::none();
    } else if (!(awaited = sleepAwaitedAtOnce(vm, ca, frame, yielded))) {
        return nullptr;
    }
    while (sp > base)
        (--sp)->clear();
    awaiting->yieldFrom = Value::object(awaited);
    awaiting->sendExitTarget = instrs[ip + 2] >> 8;
    *sp++ = Value::object(awaited); // SEND's awaitable
    *sp++ = std::move(yielded);     // what it yielded
    return sp;
}

static Value stopIterationValue(VM& vm, const Value& exc)
{
    (void)vm;
    auto* e = exc.as<ExceptionObj>();
    const auto& items = e->args.as<TupleObj>()->items;
    return items.empty() ? Value::none() : items[0];
}

Value VM::generatorSend(const Value& genValue, Value send)
{
    auto* gen = genValue.as<GeneratorObj>();
    Value out;
    if (resume(gen, std::move(send), Value(), out) == ResumeStatus::Yielded)
        return out;
    if (gen->genKind == GeneratorKind::AsyncGenerator)
        raise(ExcType::StopAsyncIteration, "");
    Value stop = newException(excClass(ExcType::StopIteration),
                              out.isNone() ? std::vector<Value>{} : std::vector<Value>{out});
    throw PyException{stop};
}

Value VM::generatorThrow(const Value& genValue, Value exc)
{
    auto* gen = genValue.as<GeneratorObj>();
    Value out;
    if (resume(gen, Value(), std::move(exc), out) == ResumeStatus::Yielded)
        return out;
    Value stop = newException(excClass(ExcType::StopIteration),
                              out.isNone() ? std::vector<Value>{} : std::vector<Value>{out});
    throw PyException{stop};
}

void VM::generatorClose(const Value& genValue)
{
    auto* gen = genValue.as<GeneratorObj>();
    if (gen->finished())
        return;
    if (!gen->started) {
        Frame* f = gen->frame();
        gen->dropFrame();
        freeFrame(f);
        return;
    }
    Value out;
    try {
        Value exit = newException(excClass(ExcType::GeneratorExit), {});
        if (resume(gen, Value(), exit, out) == ResumeStatus::Yielded)
            raise(ExcType::RuntimeError, gen->genKind == GeneratorKind::Coroutine
                                             ? "coroutine ignored GeneratorExit"
                                             : "generator ignored GeneratorExit");
    } catch (PyException& e) {
        if (isInstance(e.exception, ExcType::GeneratorExit) ||
            isInstance(e.exception, ExcType::StopIteration))
            return;
        throw;
    }
}

// -- Modules -------------------------------------------------------------------------------------

Value VM::runModule(Value code, Value module)
{
    Value globals = module.as<ModuleObj>()->globals;
    Frame* f = newFrame(code.as<CodeObj>(), Value(), globals, globals);
    // Compiling a module is not running it: the instruction budget charges only what the code
    // allocates from here on (the memory budget counts both).
    forgiveAllocations();
    Value result = execute(f, Value());
    forgiveAllocations();
    return result;
}

Value VM::importModule(const std::string& name)
{
    auto it = modules.find(name);
    if (it != modules.end())
        return it->second;
    auto native = nativeModules.find(name);
    if (native != nativeModules.end()) {
        modules[name] = native->second;
        return native->second;
    }
    for (const PreludeFile* p = kPreludeFiles; p->name; ++p) {
        if (name != p->name)
            continue;
        Value module = makeModule(*this, name);
        modules[name] = module;
        // Parsed once per process (prelude_cache.h), compiled by each VM.
        const Module* ast = preludeAst(*p);
        CompileResult compiled = ast ? compileModule(*this, *ast, p->text, "<prelude " + name + ">", true)
                                     : compileSource(*this, p->text, "<prelude " + name + ">", true);
        if (compiled.error) {
            modules.erase(name);
            raise(ExcType::ImportError, "prelude module " + name + " failed to compile: line " +
                                            std::to_string(compiled.error->line) + ": " +
                                            compiled.error->message);
        }
        try {
            runModule(compiled.code, module);
        } catch (...) {
            modules.erase(name);
            throw;
        }
        return module;
    }
    size_t dot = name.rfind('.');
    if (dot != std::string::npos) {
        Value parent = importModule(name.substr(0, dot));
        Value sub;
        if (tryGetAttr(parent, internStr(name.substr(dot + 1)), sub) && isKind(sub, ObjKind::Module)) {
            modules[name] = sub;
            return sub;
        }
    }
    // Modules for files, the network, processes and threads cannot exist in the simulator: say
    // so, and how to model what they do. Other missing modules are just missing.
    static const char* const kInputOutput[] = {
        "socket", "ssl", "subprocess", "multiprocessing", "threading", "_thread", "concurrent", "queue",
        "shutil", "pathlib", "io", "tempfile", "glob", "select", "selectors", "signal", "mmap", "fcntl",
        "pty", "tty", "termios", "sqlite3", "dbm", "shelve", "pickle", "csv", "urllib", "http", "ftplib",
        "smtplib", "poplib", "imaplib", "xmlrpc", "socketserver", "wsgiref", "webbrowser", "requests",
        "aiohttp", "httpx", "aiofiles", "asyncpg", "aiosqlite", "aioredis", "redis", "websockets", "uvloop",
        "trio", "anyio", "aiodns", "paramiko", "psycopg2", "pymongo", "motor", "grpc", "zmq", "serial",
        "fileinput", "gzip", "zipfile", "tarfile", "bz2", "lzma", "ctypes", "platform", "getpass", "uuid"};
    std::string top = name.substr(0, name.find('.'));
    bool inputOutput = name.rfind("asyncio.", 0) == 0;
    for (const char* io : kInputOutput)
        inputOutput |= top == io;
    std::string message = "No module named '" + name + "'";
    if (inputOutput)
        message += ". Loopscope runs scenarios in a simulator without files, network or processes; "
                   "model I/O with `await asyncio.sleep(seconds)`.";
    else
        message += " (Loopscope has the parts of the standard library that asyncio programs use; this module is "
                   "not one of them)";
    raiseValue(newException(ExcType::ModuleNotFoundError, message));
}

// -- Output and trace ----------------------------------------------------------------------------

void VM::countOutput(std::string_view text)
{
    if (limit_)
        throw *limit_; // a limit a destructor swallowed: nothing more may show

    const uint64_t lines = uint64_t(std::count(text.begin(), text.end(), '\n'));
    const Budgets& b = options_.budgets;
    if (outputLines_ + lines > b.outputLines)
        stopRun("LimitExceeded",
                "the program wrote more than " + std::to_string(b.outputLines) + " lines of output",
                "max-output-lines");
    if (outputBytes_ + text.size() > b.outputBytes)
        stopRun("LimitExceeded",
                "the program wrote more than " + formatByteCount(b.outputBytes) + " of output",
                "max-output-bytes");
    outputLines_ += lines;
    outputBytes_ += text.size();
}

void VM::writeStdout(std::string_view text)
{
    countOutput(text);
    if (options_.writeStdout) {
        HostAllocations host;
        options_.writeStdout(text);
    }
    if (!observer_)
        return;
    // Each completed line becomes an Output event.
    size_t start = 0;
    for (;;) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            pendingStdoutLine.append(text.substr(start));
            break;
        }
        pendingStdoutLine.append(text.substr(start, nl - start));
        record(TraceEvent::output(clock_, currentTask, StringId{internTrace(pendingStdoutLine)},
                                  scenarioLine()));
        pendingStdoutLine.clear();
        start = nl + 1;
    }
}

void VM::writeStderr(std::string_view text)
{
    countOutput(text);
    writeReport(text);
}

void VM::writeReport(std::string_view text)
{
    if (options_.writeStderr) {
        HostAllocations host;
        options_.writeStderr(text);
    }
}

uint32_t VM::internTrace(std::string_view text)
{
    if (!observer_)
        return 0;
    traceBytes_ += text.size();
    HostAllocations host;
    return observer_->intern(text).value;
}

void VM::updateFastTraceLimit()
{
    const uint64_t budget = options_.budgets.traceBytes;
    fastTraceLimit_ = !eventSink_ || limit_ ? 0 : lineEvents_ ? budget / 2 : budget;
}

void VM::recordChecked(const TraceEvent& e)
{
    if (!observer_)
        return;
    if (limit_ && !tearingDown)
        throw *limit_; // a limit a destructor swallowed: nothing more may show
    traceBytes_ += sizeof(TraceEvent);
    const uint64_t budget = options_.budgets.traceBytes;
    if (traceBytes_ > budget && !stopping_)
        stopRun("LimitExceeded", "the trace holds more than its " + formatByteCount(budget), "max-trace");
    if (lineEvents_ && traceBytes_ > budget / 2) {
        // Statements cost one event each: past half the budget only the steps stay recorded,
        // so that a long run still draws its timeline to the end.
        lineEvents_ = false;
        updateFastTraceLimit();
        const StringId text{internTrace("Loopscope: the trace reached half its budget of " +
                                        formatByteCount(budget) + " " + whereNow() +
                                        "; from here on it records the steps of the tasks but not each "
                                        "statement (--max-trace raises the budget)")};
        HostAllocations host;
        const TraceEvent warning =
            TraceEvent::warning(clock_, {}, WarningKind::Other, text, scenarioLine(), clock_);
        if (eventSink_)
            eventSink_->push_back(warning);
        else
            observer_->record(warning);
        if (e.kind == EventKind::Statement)
            return;
    }
    HostAllocations host;
    if (eventSink_)
        eventSink_->push_back(e);
    else
        observer_->record(e);
}

uint32_t VM::scenarioLine() const
{
    for (Frame* f = frame_; f; f = f->back) {
        if (!(f->code->flags & kHidden))
            return uint32_t(f->line());
    }
    return 0;
}

void VM::warn(const std::string& text, WarningKind kind, TaskId task)
{
    writeStderr(text + "\n");
    record(TraceEvent::warning(clock_, task, kind, StringId{internTrace(text)}, scenarioLine(), clock_));
}

void VM::warnNeverAwaited(const std::string& qualname)
{
    // A coroutine's destructor warns: it must not throw. A limit met here (the output budget) is
    // kept in limit_ and ends the run at the next check (spendBudget).
    if (stopping_)
        return;
    try {
        warnNeverAwaitedNow(qualname);
    } catch (LimitReached&) {
    }
}

void VM::warnNeverAwaitedNow(const std::string& qualname)
{
    // Python's warnings filter shows a RuntimeWarning once per location (module and line): the
    // same never-awaited coroutine made by a loop warns once. When no scenario frame runs (the
    // module's variables are cleared at exit) CPython names the location sys:1.
    const uint32_t line = scenarioLine();
    const std::string message = "coroutine '" + qualname + "' was never awaited";
    if (!warnedLocations_.insert(std::to_string(line) + ":" + message).second)
        return;
    if (line == 0) {
        const std::string text = "sys:1: RuntimeWarning: " + message;
        writeStderr(text + "\n");
        record(TraceEvent::warning(clock_, currentTask, WarningKind::NeverAwaited, StringId{internTrace(text)}, 0,
                                   clock_));
        return;
    }
    std::string text = options_.filename + ":" + std::to_string(line) + ": RuntimeWarning: " + message;
    std::string full = text + "\n";
    if (line <= sourceLines.size()) {
        std::string src = sourceLines[line - 1];
        size_t first = src.find_first_not_of(" \t");
        if (first != std::string::npos)
            full += "  " + src.substr(first) + "\n";
    }
    full += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
    writeStderr(full);
    // The coroutine's creation is not recorded yet, so the warning is about the moment it is given.
    record(TraceEvent::warning(clock_, currentTask, WarningKind::NeverAwaited, StringId{internTrace(text)},
                               line, clock_));
}

void VM::clearModuleAtExit(const Value& module)
{
    // As CPython's finalization frees __main__'s variables, in the order they were defined:
    // what they held last says what it has to say (never-awaited coroutines, exceptions
    // nobody retrieved) with no scenario frame running. A future holding an exception goes
    // first: in CPython its traceback's frames hold the module's globals, a reference cycle
    // that the collector frees before the variables are cleared.
    DictTable& globals = module.as<ModuleObj>()->dict()->table;
    std::vector<Value> keys, later;
    size_t pos = 0;
    while (const DictTable::Entry* e = globals.next(pos)) {
        if (isStr(e->key) && e->key.asObject() == names.__builtins__)
            continue;
        (e->value.isObject() && e->value.asObject()->hasFinalizer ? keys : later).push_back(e->key);
    }
    keys.insert(keys.end(), later.begin(), later.end());
    Frame* saved = frame_;
    frame_ = nullptr;
    for (const Value& key : keys) {
        try {
            Value old;
            if (Value* slot = globals.find(key)) {
                old = std::move(*slot);
                *slot = Value::none();
            }
        } catch (PyException&) {
            // An error in a finalizer at exit is not the program's error.
        }
    }
    frame_ = saved;
}

// -- Tracebacks ----------------------------------------------------------------------------------

static std::string exceptionTypeName(VM& vm, const Value& exc)
{
    ClassObj* cls = vm.typeOf(exc);
    Value* module = cls->dict->table.findStr(vm.names.__module__);
    std::string name = cls->name;
    if (Value* q = cls->dict->table.findStr(vm.names.__qualname__); q && isStr(*q))
        name = strText(*q);
    if (module && isStr(*module) && strText(*module) != "__main__" && strText(*module) != "builtins")
        return strText(*module) + "." + name;
    return name;
}

// The printing context of CPython's traceback module (_ExceptionPrintContext): exception
// groups indent their members and draw a margin of '|' with '+' separators.
struct PrintContext {
    int groupDepth = 0;
    bool needClose = false;
    bool tracebackModule = false; // traceback.py's caret rules rather than the interpreter's
    std::string indent() const { return std::string(size_t(2 * groupDepth), ' '); }
    void emit(std::string& out, const std::string& text, char margin = '|') const
    {
        std::string prefix = indent();
        if (groupDepth)
            prefix += std::string(1, margin) + " ";
        size_t start = 0;
        while (start < text.size()) {
            size_t nl = text.find('\n', start);
            size_t end = nl == std::string::npos ? text.size() : nl + 1;
            out += prefix + text.substr(start, end - start);
            start = end;
        }
    }
};

// traceback_carets.cpp
std::string errorCarets(const std::string& line, int lineNumber, const CodeObj::Span& span, bool tracebackModule);

// CPython's TB_RECURSIVE_CUTOFF: past three identical frames in a row (same file, line and
// function), a traceback says how many more there were instead of printing them.
constexpr int kRecursiveCutoff = 3;

static void noteRepeats(std::string& frames, int count)
{
    if (count > kRecursiveCutoff) {
        count -= kRecursiveCutoff;
        frames += "  [Previous line repeated " + std::to_string(count) + " more time" + (count > 1 ? "s" : "") +
                  "]\n";
    }
}

static std::string formatStack(VM& vm, const ExceptionObj* e, bool tracebackModule)
{
    std::string frames;
    const CodeObj* lastCode = nullptr;
    int lastLine = -1;
    int count = 0;
    for (size_t i = e->traceback.size(); i-- > 0;) {
        const TracebackEntry& t = e->traceback[i];
        CodeObj* code = t.code.as<CodeObj>();
        if (code->flags & kHidden)
            continue;
        const bool same = lastCode && lastLine == t.line && lastCode->filename == code->filename &&
                          strText(lastCode->name) == strText(code->name);
        if (!same) {
            noteRepeats(frames, count);
            lastCode = code;
            lastLine = t.line;
            count = 0;
        }
        if (++count > kRecursiveCutoff)
            continue;
        frames += "  File \"" + code->filename + "\", line " + std::to_string(t.line) + ", in " +
                  strText(code->name) + "\n";
        if (code->filename == vm.options().filename && t.line > 0 &&
            size_t(t.line) <= vm.sourceLines.size()) {
            std::string src = vm.sourceLines[size_t(t.line - 1)];
            size_t first = src.find_first_not_of(" \t");
            size_t last = src.find_last_not_of(" \t\r");
            if (first != std::string::npos) {
                frames += "    " + src.substr(first, last - first + 1) + "\n";
                frames += errorCarets(src, t.line, code->spanAt(t.ip), tracebackModule);
            }
        }
    }
    noteRepeats(frames, count);
    return frames;
}

static std::string formatExceptionOnly(VM& vm, const Value& exc)
{
    std::string message;
    try {
        message = vm.str(exc);
    } catch (PyException&) {
        message = "<exception str() failed>";
    }
    std::string type = exceptionTypeName(vm, exc);
    std::string out = message.empty() ? type + "\n" : type + ": " + message + "\n";
    const Value& notes = exc.as<ExceptionObj>()->notes;
    if (isKind(notes, ObjKind::List))
        for (const Value& n : notes.as<ListObj>()->items)
            out += vm.str(n) + "\n";
    return out;
}

// traceback.TracebackException's max_group_width and max_group_depth: wider groups print their
// first 15 members, deeper ones stop with "... (max_group_depth is 10)".
constexpr size_t kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

static void formatOne(VM& vm, const Value& exc, std::string& out, PrintContext& ctx, int chainDepth)
{
    // The chain first: causes and contexts print before the exception they led to.
    // An exception already in the chain ends it (CPython's _seen), so a cycle that the program
    // built through __context__ prints once; Loopscope also stops after 50.
    std::vector<std::pair<const char*, Value>> chain;
    Value current = exc;
    const char* message = nullptr;
    auto seen = [&chain](const Value& v) {
        for (const auto& item : chain)
            if (item.second.is(v))
                return true;
        return false;
    };
    for (int i = 0; i < 50 && isKind(current, ObjKind::Exception) && !seen(current); ++i) {
        chain.emplace_back(message, current);
        auto* e = current.as<ExceptionObj>();
        if (isKind(e->cause, ObjKind::Exception)) {
            message = "\nThe above exception was the direct cause of the following exception:\n\n";
            current = e->cause;
        } else if (isKind(e->context, ObjKind::Exception) && !e->suppressContext) {
            message = "\nDuring handling of the above exception, another exception occurred:\n\n";
            current = e->context;
        } else {
            break;
        }
    }
    (void)chainDepth;
    for (size_t k = chain.size(); k-- > 0;) {
        const Value& item = chain[k].second;
        auto* e = item.as<ExceptionObj>();
        std::string stack = formatStack(vm, e, ctx.tracebackModule);
        if (!vm.isInstance(item, ExcType::BaseExceptionGroup)) {
            if (!stack.empty()) {
                ctx.emit(out, "Traceback (most recent call last):\n");
                ctx.emit(out, stack);
            }
            ctx.emit(out, formatExceptionOnly(vm, item));
        } else if (ctx.groupDepth > kMaxGroupDepth) {
            ctx.emit(out, "... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n");
        } else {
            bool topLevel = ctx.groupDepth == 0;
            if (topLevel)
                ++ctx.groupDepth;
            if (!stack.empty()) {
                ctx.emit(out, "Exception Group Traceback (most recent call last):\n", topLevel ? '+' : '|');
                ctx.emit(out, stack);
            }
            ctx.emit(out, formatExceptionOnly(vm, item));
            const auto& args = e->args.as<TupleObj>()->items;
            std::vector<Value> members = args.size() > 1 ? vm.toVector(args[1]) : std::vector<Value>{};
            const size_t n = std::min<size_t>(members.size(), kMaxGroupWidth + 1);
            ctx.needClose = false;
            for (size_t i = 0; i < n; ++i) {
                bool last = i + 1 == n;
                if (last)
                    ctx.needClose = true;
                const bool truncated = i >= kMaxGroupWidth;
                out += ctx.indent() + (i == 0 ? "+-" : "  ") + "+---------------- " +
                       (truncated ? std::string("...") : std::to_string(i + 1)) + " ----------------\n";
                ++ctx.groupDepth;
                if (truncated) {
                    const size_t remaining = members.size() - kMaxGroupWidth;
                    ctx.emit(out, "and " + std::to_string(remaining) + " more exception" +
                                      (remaining > 1 ? "s" : "") + "\n");
                } else {
                    formatOne(vm, members[i], out, ctx, chainDepth + 1);
                }
                // The innermost group draws the closing line; outer ones find it drawn.
                if (last && ctx.needClose) {
                    out += ctx.indent() + "+------------------------------------\n";
                    ctx.needClose = false;
                }
                --ctx.groupDepth;
            }
            if (topLevel)
                ctx.groupDepth = 0;
        }
        if (k > 0 && chain[k].first)
            ctx.emit(out, chain[k].first);
    }
}

std::string VM::formatException(const Value& exception, bool likeTracebackModule)
{
    std::string out;
    if (!isKind(exception, ObjKind::Exception))
        return "Exception: " + repr(exception) + "\n";
    PrintContext ctx;
    ctx.tracebackModule = likeTracebackModule;
    formatOne(*this, exception, out, ctx, 0);
    return out;
}

} // namespace loopscope

namespace loopscope {

// -- The dispatch loop ---------------------------------------------------------------------------

// -- Limits --------------------------------------------------------------------------------------

std::string VM::whereNow() const
{
    std::string where;
    for (Frame* f = frame_; f; f = f->back) {
        if (!(f->code->flags & kHidden)) {
            where = "at line " + std::to_string(f->line());
            break;
        }
    }
    // The task as asyncio names it: its name and its coroutine's name (never Python code here).
    if (isNative(stepTask_, NativeKind::Task)) {
        const TaskObj* task = stepTask_.as<TaskObj>();
        where += (where.empty() ? "in " : " in ") + task->taskName();
        if (isKind(task->coro, ObjKind::Generator) && isStr(task->coro.as<GeneratorObj>()->name()))
            where += " (" + strText(task->coro.as<GeneratorObj>()->name()) + ")";
    }
    return where;
}

LimitReached VM::makeLimit(const std::string& type, std::string message)
{
    // Nothing may fail from here on: the report itself allocates, and so does unwinding.
    if (memoryBudget_)
        memoryBudget_->stop();
    stopping_ = true;
    limit_ = LimitReached{type, std::move(message)};
    updateFastTraceLimit(); // every event from here on goes through recordChecked()
    return *limit_;
}

void VM::stopRunWithMessage(const std::string& type, const std::string& message)
{
    throw makeLimit(type, message);
}

void VM::stopRun(const std::string& type, const std::string& what, const char* option)
{
    if (memoryBudget_)
        memoryBudget_->stop();
    const std::string where = whereNow();
    throw makeLimit(type,
                    what + (where.empty() ? "" : " (" + where + ")") + "; raise the budget with --" + option);
}

LimitReached VM::memoryLimit(uint64_t requested)
{
    if (memoryBudget_)
        memoryBudget_->stop();
    std::string detail = whereNow();
    if (requested >= (uint64_t(1) << 20))
        detail += (detail.empty() ? "" : ", ") + std::string("asking for ") + formatByteCount(requested) +
                  " at once";
    return makeLimit("MemoryError", "the scenario needs more than its " +
                                        formatByteCount(options_.budgets.memoryBytes) + " of memory" +
                                        (detail.empty() ? "" : " (" + detail + ")") +
                                        "; raise the budget with --max-memory");
}

[[noreturn]] static void runaway(VM& vm, bool inTaskStep)
{
    const uint64_t perStep = vm.options().budgets.instructionsPerStep;
    if (!inTaskStep)
        vm.stopRun("RunawayTask",
                   "the program ran " + std::to_string(perStep) + " instructions outside any task",
                   "max-instructions");
    vm.stopRun("RunawayTask",
               "a task ran " + std::to_string(perStep) + " instructions without yielding to the event loop",
               "max-instructions");
}

// The runaway and memory budgets are checked where every endless computation must pass: at
// each backward jump (every loop iteration) and each Python call (every recursion), and at each
// item a builtin takes from an iterator (sum(range(10**12)) has neither). Counting there instead
// of at every instruction keeps the dispatch loop lean; a loop iteration costs the length of its
// body and a call the length of the callee's code: the most instructions they can run before
// the next check, so that a long body cannot multiply the work a unit buys. The asyncio model's
// own code (hidden prelude frames) is not the scenario's work and spends nothing: a step that
// creates 100k tasks is not a runaway; the loop's pass budget bounds the model itself.
// (VM::spendBudget, inline in vm.h, is the common case; these end the run.)
void VM::stopOnPendingLimit()
{
    if (limit_)
        throw *limit_; // a limit that a destructor had to swallow (a generator closed as it died)
    pollCancel();      // the window's Cancel, whoever's code runs
    std::abort();      // spendBudget calls this only when one of the two holds
}

void VM::stopOnOverdrawnMemory()
{
    throw memoryLimit(0);
}

void VM::stopRunaway()
{
    runaway(*this, !stepTask_.isEmpty());
}

// The run ends on a limit: gives back the frames of this activation of execute() (generators
// own theirs and free them when they die), so that a limit leaks nothing.
void VM::releaseFramesAfterLimit(Frame* entry)
{
    Frame* outer = entry->back;
    for (Frame* f = frame_; f;) {
        Frame* back = f->back;
        const bool last = f == entry;
        f->isEntry = false;
        if (!f->generator())
            freeFrame(f);
        if (last)
            break;
        f = back;
    }
    frame_ = outer;
    --depth_;
}

VM::NativeRecursion::NativeRecursion(VM& vm, const char* where) : vm_(vm)
{
    if (vm.depth_ >= vm.options_.budgets.recursionDepth || engineStackExhausted())
        vm.raise(ExcType::RecursionError, std::string("maximum recursion depth exceeded") + where);
    ++vm.depth_;
}

Value VM::execute(Frame* entry, Value throwExc)
{
    if (depth_ >= options_.budgets.recursionDepth || engineStackExhausted()) {
        if (!entry->generator())
            freeFrame(entry);
        raise(ExcType::RecursionError, "maximum recursion depth exceeded");
    }
    try {
        spendBudget(entry, entry->code->code.size());
    } catch (LimitReached&) {
        // A limit met before the frame ran (a pending one, or Cancel): it is nobody's yet.
        if (!entry->generator())
            freeFrame(entry);
        throw;
    }
    ++depth_;
    entry->isEntry = true;
    entry->back = frame_;
    frame_ = entry;
    Frame* frame = entry;
    bool pending = !throwExc.isEmpty();
    for (;;) {
        try {
            if (pending) {
                pending = false;
                Value e = std::move(throwExc);
                throw PyException{e};
            }
            return runLoop(frame, entry);
        } catch (PyException& e) {
            if (!handleException(frame, entry, e)) {
                frame_ = entry->back;
                --depth_;
                entry->isEntry = false;
                if (!entry->generator())
                    freeFrame(entry);
                throw;
            }
        } catch (LimitReached&) {
            releaseFramesAfterLimit(entry);
            throw;
        } catch (std::bad_alloc& e) {
            // Past the memory budget (or out of memory altogether): the run's MemoryError.
            auto* refused = dynamic_cast<MemoryBudgetExceeded*>(&e);
            LimitReached limit = memoryLimit(refused ? refused->requested : 0);
            releaseFramesAfterLimit(entry);
            throw limit;
        }
    }
}

static std::string nameErrorText(const std::string& name)
{
    static const char* const kRefused[] = {"open",       "exec",    "eval",    "input",
                                           "__import__", "compile", "globals", "locals"};
    for (const char* r : kRefused)
        if (name == r)
            return "name '" + name +
                   "' is not defined (Loopscope runs scenarios in a simulator without files, "
                   "network or processes, and without " +
                   name + "())";
    return "name '" + name + "' is not defined";
}

Value VM::getAwaitable(const Value& v)
{
    if (isKind(v, ObjKind::Generator) && v.as<GeneratorObj>()->genKind == GeneratorKind::Coroutine)
        return v;
    // asyncio's native awaitables (engine/loop/) are driven by SEND directly, unless a Python
    // subclass of Future brings its own __await__.
    if (isAwaitDriver(v)) {
        const NativeKind kind = static_cast<NativeObj*>(v.asObject())->nativeKind;
        if (kind != NativeKind::Future && kind != NativeKind::Task)
            return v;
        Value* await = v.asObject()->cls->lookup(names.__await__);
        if (!await || isKind(*await, ObjKind::NativeFunction))
            return v;
    }
    Value method = lookupSpecial(v, names.__await__);
    if (method.isEmpty())
        raise(ExcType::TypeError, "object " + typeName(v) + " can't be used in 'await' expression");
    Value it = call(method, {v});
    if (isKind(it, ObjKind::Generator) && it.as<GeneratorObj>()->genKind == GeneratorKind::Coroutine)
        raise(ExcType::TypeError, "__await__() returned a coroutine");
    if (!isKind(it, ObjKind::Generator) && lookupSpecial(it, names.__next__).isEmpty())
        raise(ExcType::TypeError, "__await__() returned non-iterator of type '" + typeName(it) + "'");
    return it;
}

Value VM::bindMethod(const Value& func, const Value& self)
{
    return Value::object(new BoundMethodObj(func, self));
}

// Whether exception [exc] matches the except clause's [cls] (a class or a tuple of them).
bool VM::exceptionMatches(const Value& exc, const Value& cls)
{
    if (isKind(cls, ObjKind::Tuple)) {
        for (const Value& c : cls.as<TupleObj>()->items)
            if (exceptionMatches(exc, c))
                return true;
        return false;
    }
    if (!isKind(cls, ObjKind::Class) || !cls.as<ClassObj>()->isBaseException)
        raise(ExcType::TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return typeOf(exc)->isSubclassOf(cls.as<ClassObj>());
}

// Turns the operand of `raise` into an exception instance.
Value VM::normalizeException(const Value& v)
{
    if (isKind(v, ObjKind::Class) && v.as<ClassObj>()->isBaseException)
        return call(v, {});
    if (isKind(v, ObjKind::Exception))
        return v;
    raise(ExcType::TypeError, "exceptions must derive from BaseException");
}

// The value stack's depth checked against what the compiler computed for it (compiler.cpp,
// computeMaxStack) at every instruction: a generator's frame has exactly the slots its code
// needs, so an undercount would write past the frame's block. On in debug and sanitizer builds
// (scripts/sanitize.sh runs the whole ctest with it) and with -DLOOPSCOPE_CHECK_STACK=ON.
#ifndef LOOPSCOPE_CHECK_STACK
#if !defined(NDEBUG) || defined(__SANITIZE_ADDRESS__)
#define LOOPSCOPE_CHECK_STACK 1
#else
#define LOOPSCOPE_CHECK_STACK 0
#endif
#endif
#if LOOPSCOPE_CHECK_STACK
[[noreturn, gnu::noinline, gnu::cold]] static void stackDepthUndercounted(Frame* frame, const Value* sp)
{
    std::fprintf(stderr,
                 "loopscope: internal error: %s's value stack holds %td values at instruction %u, "
                 "its code's maxStack is %d (compiler.cpp, computeMaxStack)\n",
                 strText(frame->code->qualname).c_str(), sp - frame->stackBase(), frame->ip - 1,
                 frame->code->maxStack);
    std::abort();
}
#define CHECK_STACK()                                                                                        \
    do {                                                                                                     \
        if (sp > frame->stackBase() + code->maxStack) [[unlikely]]                                           \
            stackDepthUndercounted(frame, sp);                                                               \
    } while (0)
#else
#define CHECK_STACK() ((void)0)
#endif

Value VM::runLoop(Frame*& frame, Frame* entry)
{
    CodeObj* code;
    const uint32_t* instrs;
    Value* locals;
    Value* sp;
    uint32_t ip;
    const Value* consts;
    const Value* nameTable;
#define LOAD_FRAME()                                                                                         \
    do {                                                                                                     \
        code = frame->code;                                                                                  \
        instrs = code->code.data();                                                                          \
        locals = frame->slots();                                                                             \
        sp = frame->sp;                                                                                      \
        ip = frame->ip;                                                                                      \
        consts = code->constants.data();                                                                     \
        nameTable = code->names.data();                                                                      \
    } while (0)
#define POP() (std::move(*--sp))
// A call's frame [callee] becomes the running one: the call's values (from [base] up) leave this
// frame's stack, which is saved as it stands.
#define ENTER_CALLEE(callee)                                                                                 \
    do {                                                                                                     \
        while (sp > base)                                                                                    \
            (--sp)->clear();                                                                                 \
        frame->sp = sp;                                                                                      \
        frame->ip = ip;                                                                                      \
        (callee)->back = frame;                                                                              \
        ++depth_;                                                                                            \
        frame = (callee);                                                                                    \
        frame_ = frame;                                                                                      \
        LOAD_FRAME();                                                                                        \
    } while (0)
    LOAD_FRAME();
    // A local stays in a register; it changes only when the trace budget turns statements off
    // (VM::record), which the statement's own record() below reports.
    bool lineEvents = lineEvents_;
    // Every handler has a label (L_NAME); the hot ones end in NEXT(), which fetches the next
    // instruction and jumps straight to its handler (an indirect jump per handler predicts far
    // better than the switch's single one). While statements are recorded, NEXT() goes back to
    // the loop's head instead, which records them: both paths run the same handlers.
    static void* const kHandlers[] = {
#define OP(name, effect, meaning) &&L_##name,
#include "opcodes.def"
#undef OP
    };
#define NEXT()                                                                                               \
    do {                                                                                                     \
        if (lineEvents) [[unlikely]]                                                                         \
            goto nextInstruction;                                                                            \
        word = instrs[ip++];                                                                                 \
        frame->ip = ip;                                                                                      \
        frame->sp = sp;                                                                                      \
        CHECK_STACK();                                                                                       \
        arg = word >> 8;                                                                                     \
        goto* kHandlers[word & 0xff];                                                                        \
    } while (0)
    uint32_t word;
    uint32_t arg;
    for (;;) {
    nextInstruction:
        word = instrs[ip++];
        frame->ip = ip;
        frame->sp = sp;
        CHECK_STACK();
        // A backward JUMP belongs to no new statement: its target reports the line instead.
        if (lineEvents && !(code->flags & kHidden) && Op(word & 0xff) != Op::JUMP) [[unlikely]] {
            uint32_t line = code->lines[ip - 1];
            if (line != frame->lastLine) {
                frame->lastLine = line;
                record(TraceEvent::statement(clock_, currentTask, line));
                lineEvents = lineEvents_;
            }
        }
        arg = word >> 8;
        switch (Op(word & 0xff)) {
        L_NOP:
        case Op::NOP:
            break;
        L_POP_TOP:
        case Op::POP_TOP:
            (--sp)->clear();
            NEXT();
        L_DUP_TOP:
        case Op::DUP_TOP:
            *sp = sp[-1];
            ++sp;
            break;
        L_DUP_TOP_TWO:
        case Op::DUP_TOP_TWO:
            sp[0] = sp[-2];
            sp[1] = sp[-1];
            sp += 2;
            break;
        L_ROT_TWO:
        case Op::ROT_TWO:
            sp[-1].swap(sp[-2]);
            break;
        L_ROT_THREE:
        case Op::ROT_THREE: {
            Value top = std::move(sp[-1]);
            sp[-1] = std::move(sp[-2]);
            sp[-2] = std::move(sp[-3]);
            sp[-3] = std::move(top);
            break;
        }
        L_ROT_FOUR:
        case Op::ROT_FOUR: {
            Value top = std::move(sp[-1]);
            sp[-1] = std::move(sp[-2]);
            sp[-2] = std::move(sp[-3]);
            sp[-3] = std::move(sp[-4]);
            sp[-4] = std::move(top);
            break;
        }

        // -- Names ---------------------------------------------------------------------------
        L_LOAD_CONST:
        case Op::LOAD_CONST:
            *sp++ = consts[arg];
            NEXT();
        L_LOAD_FAST:
        case Op::LOAD_FAST:
            if (locals[arg].isEmpty())
                raise(ExcType::UnboundLocalError, "cannot access local variable '" +
                                                      strText(code->varnames[arg]) +
                                                      "' where it is not associated with a value");
            *sp++ = locals[arg];
            // `n - 1`, `i < 10`: the constant that follows is pushed here (it cannot fail, and
            // unless statements are recorded no line needs checking in between).
            if (opOf(instrs[ip]) == Op::LOAD_CONST && !lineEvents)
                *sp++ = consts[argOf(instrs[ip++])];
            NEXT();
        L_STORE_FAST:
        case Op::STORE_FAST:
            locals[arg] = POP();
            NEXT();
        L_DELETE_FAST:
        case Op::DELETE_FAST:
            if (locals[arg].isEmpty())
                raise(ExcType::UnboundLocalError, "cannot access local variable '" +
                                                      strText(code->varnames[arg]) +
                                                      "' where it is not associated with a value");
            locals[arg].clear();
            break;
        L_LOAD_DEREF:
        case Op::LOAD_DEREF:
        L_LOAD_CLASSDEREF:
        case Op::LOAD_CLASSDEREF: {
            size_t ncells = code->cellvars.size();
            const Value& name = arg < ncells ? code->cellvars[arg] : code->freevars[arg - ncells];
            if (Op(word & 0xff) == Op::LOAD_CLASSDEREF && frame->locals()) {
                if (Value* v = frame->locals()->table.findStr(name.as<StrObj>())) {
                    *sp++ = *v;
                    break;
                }
            }
            auto* cell = locals[code->varnames.size() + arg].as<CellObj>();
            if (cell->value.isEmpty()) {
                if (arg < ncells)
                    raise(ExcType::UnboundLocalError, "cannot access local variable '" + strText(name) +
                                                          "' where it is not associated with a value");
                raise(ExcType::NameError, "cannot access free variable '" + strText(name) +
                                              "' where it is not associated with a value in enclosing scope");
            }
            *sp++ = cell->value;
            break;
        }
        L_STORE_DEREF:
        case Op::STORE_DEREF:
            locals[code->varnames.size() + arg].as<CellObj>()->value = POP();
            break;
        L_DELETE_DEREF:
        case Op::DELETE_DEREF:
            locals[code->varnames.size() + arg].as<CellObj>()->value.clear();
            break;
        L_LOAD_CLOSURE:
        case Op::LOAD_CLOSURE:
            *sp++ = locals[code->varnames.size() + arg];
            break;
        L_LOAD_GLOBAL:
        case Op::LOAD_GLOBAL: {
            const DictTable& globals = frame->globals->table;
            const DictTable& builtins = builtinsDict.as<DictObj>()->table;
            if (code->globalCache.empty())
                code->globalCache.resize(code->code.size());
            CodeObj::GlobalCacheEntry& cache = code->globalCache[ip - 1];
            if (cache.slot && cache.globalsVersion == globals.version() &&
                cache.builtinsVersion == builtins.version()) {
                *sp++ = *cache.slot;
                NEXT();
            }
            StrObj* name = nameTable[arg].as<StrObj>();
            Value* v = globals.findStr(name);
            if (!v)
                v = builtins.findStr(name);
            if (!v)
                raise(ExcType::NameError, nameErrorText(name->text));
            cache = {globals.version(), builtins.version(), v};
            *sp++ = *v;
            break;
        }
        L_STORE_GLOBAL:
        case Op::STORE_GLOBAL:
            frame->globals->table.set(nameTable[arg], POP());
            break;
        L_DELETE_GLOBAL:
        case Op::DELETE_GLOBAL:
            if (!frame->globals->table.erase(nameTable[arg]))
                raise(ExcType::NameError, nameErrorText(strText(nameTable[arg])));
            break;
        L_LOAD_NAME:
        case Op::LOAD_NAME: {
            StrObj* name = nameTable[arg].as<StrObj>();
            Value* v = frame->locals() ? frame->locals()->table.findStr(name) : nullptr;
            if (!v)
                v = frame->globals->table.findStr(name);
            if (!v)
                v = builtinsDict.as<DictObj>()->table.findStr(name);
            if (!v)
                raise(ExcType::NameError, nameErrorText(name->text));
            *sp++ = *v;
            break;
        }
        L_STORE_NAME:
        case Op::STORE_NAME:
            frame->locals()->table.set(nameTable[arg], POP());
            break;
        L_DELETE_NAME:
        case Op::DELETE_NAME:
            if (!frame->locals()->table.erase(nameTable[arg]))
                raise(ExcType::NameError, nameErrorText(strText(nameTable[arg])));
            break;
        L_LOAD_ATTR:
        case Op::LOAD_ATTR: {
            StrObj* name = nameTable[arg].as<StrObj>();
            AttrCache& cache = code->attrCacheAt(ip - 1);
            Value found;
            if (!cachedAttr(cache, sp[-1], name, found)) {
                found = getAttr(sp[-1], name);
                fillAttrCache(cache, sp[-1], name, found);
            }
            sp[-1] = std::move(found);
            break;
        }
        L_STORE_ATTR:
        case Op::STORE_ATTR:
            setAttr(sp[-1], nameTable[arg].as<StrObj>(), sp[-2]);
            (--sp)->clear();
            (--sp)->clear();
            break;
        L_DELETE_ATTR:
        case Op::DELETE_ATTR:
            delAttr(sp[-1], nameTable[arg].as<StrObj>());
            (--sp)->clear();
            break;
        L_LOAD_METHOD:
        case Op::LOAD_METHOD: {
            StrObj* name = nameTable[arg].as<StrObj>();
            AttrCache& cache = code->attrCacheAt(ip - 1);
            Value method;
            // A module's function (cachedMethod would not answer, cachedAttr would).
            if (cache.kind == AttrCache::Kind::ModuleValue && sp[-1].isObject() &&
                cachedModuleValue(cache, sp[-1].asObject(), method)) {
                sp[-1] = std::move(method);
                *sp++ = Value();
                break;
            }
            if (cachedMethod(cache, sp[-1], name, method)) {
                Value self = std::move(sp[-1]);
                sp[-1] = std::move(method);
                *sp++ = std::move(self);
                break;
            }
            if (cachedAttr(cache, sp[-1], name, method)) {
                sp[-1] = std::move(method);
                *sp++ = Value();
                break;
            }
            if (loadMethod(sp[-1], name, method)) {
                fillMethodCache(cache, sp[-1], name);
                Value self = std::move(sp[-1]);
                sp[-1] = std::move(method);
                *sp++ = std::move(self);
            } else {
                fillAttrCache(cache, sp[-1], name, method);
                sp[-1] = std::move(method);
                *sp++ = Value();
            }
            break;
        }
        L_LOAD_ASSERTION_ERROR:
        case Op::LOAD_ASSERTION_ERROR:
            *sp++ = Value::object(excClass(ExcType::AssertionError));
            break;
        L_LOAD_BUILD_CLASS:
        case Op::LOAD_BUILD_CLASS:
            *sp++ = *builtinsDict.as<DictObj>()->table.findStr(internStr("__build_class__"));
            break;

        // -- Operators -----------------------------------------------------------------------
        L_BINARY_OP:
        case Op::BINARY_OP: {
            Value& a = sp[-2];
            const Value& b = sp[-1];
            if (a.isInt() && b.isInt()) {
                int64_t x = a.asInt(), y = b.asInt(), r;
                bool done = true;
                switch (BinaryOp(arg & 15)) {
                case BinaryOp::Add:
                    done = !__builtin_add_overflow(x, y, &r);
                    break;
                case BinaryOp::Sub:
                    done = !__builtin_sub_overflow(x, y, &r);
                    break;
                case BinaryOp::Mult:
                    done = !__builtin_mul_overflow(x, y, &r);
                    break;
                case BinaryOp::Mod:
                    if (y > 0) {
                        r = x % y;
                        if (r < 0)
                            r += y;
                    } else {
                        done = false;
                    }
                    break;
                case BinaryOp::FloorDiv:
                    if (y > 0) {
                        r = x / y;
                        if ((x % y) < 0)
                            --r;
                    } else {
                        done = false;
                    }
                    break;
                default:
                    done = false;
                    break;
                }
                if (done) {
                    a = Value::integer(r);
                    --sp;
                    NEXT();
                }
            } else if ((a.isFloat() && b.isNumber()) || (b.isFloat() && a.isNumber())) {
                // A float with a float, an int or a bool: the int is converted as float() does
                // (rounded to nearest, every int64_t is in range), then the float operation.
                double x = a.toDouble(), y = b.toDouble();
                bool done = true;
                double r = 0;
                switch (BinaryOp(arg & 15)) {
                case BinaryOp::Add:
                    r = x + y;
                    break;
                case BinaryOp::Sub:
                    r = x - y;
                    break;
                case BinaryOp::Mult:
                    r = x * y;
                    break;
                case BinaryOp::Div:
                    if (y != 0)
                        r = x / y;
                    else
                        done = false;
                    break;
                default:
                    done = false;
                    break;
                }
                if (done) {
                    a = Value::floating(r);
                    --sp;
                    NEXT();
                }
            }
            Value r = binaryOp(BinaryOp(arg & 15), sp[-2], sp[-1], arg & kInplace);
            sp[-2] = std::move(r);
            (--sp)->clear();
            break;
        }
        L_UNARY_NEGATIVE:
        case Op::UNARY_NEGATIVE:
            if (sp[-1].isInt() && sp[-1].asInt() != INT64_MIN) {
                sp[-1] = Value::integer(-sp[-1].asInt());
                break;
            }
            sp[-1] = unaryOp(Op::UNARY_NEGATIVE, sp[-1]);
            break;
        L_UNARY_POSITIVE:
        case Op::UNARY_POSITIVE:
        L_UNARY_INVERT:
        case Op::UNARY_INVERT:
            sp[-1] = unaryOp(Op(word & 0xff), sp[-1]);
            break;
        L_UNARY_NOT:
        case Op::UNARY_NOT:
            sp[-1] = Value::boolean(!truthy(sp[-1]));
            break;
        L_COMPARE_OP:
        case Op::COMPARE_OP: {
            const Value& a = sp[-2];
            const Value& b = sp[-1];
            if (a.isInt() && b.isInt()) {
                int64_t x = a.asInt(), y = b.asInt();
                bool r = false;
                switch (CompareKind(arg)) {
                case CompareKind::Lt:
                    r = x < y;
                    break;
                case CompareKind::Le:
                    r = x <= y;
                    break;
                case CompareKind::Eq:
                    r = x == y;
                    break;
                case CompareKind::Ne:
                    r = x != y;
                    break;
                case CompareKind::Gt:
                    r = x > y;
                    break;
                case CompareKind::Ge:
                    r = x >= y;
                    break;
                }
                // `if a < b:` and `while a < b:`: the jump that follows is taken here, without
                // making the bool (unless statements are recorded: the jump's line is checked).
                if (opOf(instrs[ip]) == Op::POP_JUMP_IF_FALSE && !lineEvents) {
                    sp -= 2; // two ints: nothing to release
                    ip = r ? ip + 1 : argOf(instrs[ip]);
                    NEXT();
                }
                sp[-2] = Value::boolean(r);
                --sp;
                NEXT();
            }
            Value r = richCompare(sp[-2], sp[-1], CompareKind(arg));
            sp[-2] = std::move(r);
            (--sp)->clear();
            break;
        }
        L_IS_OP:
        case Op::IS_OP: {
            bool r = sp[-2].is(sp[-1]) != (arg == 1);
            (--sp)->clear();
            sp[-1] = Value::boolean(r);
            break;
        }
        L_CONTAINS_OP:
        case Op::CONTAINS_OP: {
            bool r = contains(sp[-1], sp[-2]) != (arg == 1);
            (--sp)->clear();
            sp[-1] = Value::boolean(r);
            break;
        }
        L_BINARY_SUBSCR:
        case Op::BINARY_SUBSCR: {
            Value r;
            if (isKind(sp[-2], ObjKind::List) && sp[-1].isInt()) {
                auto& items = sp[-2].as<ListObj>()->items;
                int64_t i = sp[-1].asInt();
                if (i < 0)
                    i += int64_t(items.size());
                if (i >= 0 && i < int64_t(items.size())) {
                    r = items[size_t(i)];
                    sp[-2] = std::move(r);
                    --sp;
                    break;
                }
            }
            r = getItem(sp[-2], sp[-1]);
            sp[-2] = std::move(r);
            (--sp)->clear();
            break;
        }
        L_STORE_SUBSCR:
        case Op::STORE_SUBSCR:
            setItem(sp[-2], sp[-1], sp[-3]);
            (--sp)->clear();
            (--sp)->clear();
            (--sp)->clear();
            break;
        L_DELETE_SUBSCR:
        case Op::DELETE_SUBSCR:
            delItem(sp[-2], sp[-1]);
            (--sp)->clear();
            (--sp)->clear();
            break;

        // -- Control flow --------------------------------------------------------------------
        L_JUMP:
        case Op::JUMP:
            if (arg < ip) {
                frame->lastLine = 0;
                spendBudget(frame, ip - arg); // at most the whole loop body ran
            }
            ip = arg;
            NEXT();
        L_POP_JUMP_IF_FALSE:
        case Op::POP_JUMP_IF_FALSE: {
            bool t = sp[-1].isBool() ? sp[-1].asBool() : truthy(sp[-1]);
            (--sp)->clear();
            if (!t)
                ip = arg;
            NEXT();
        }
        L_POP_JUMP_IF_TRUE:
        case Op::POP_JUMP_IF_TRUE: {
            bool t = sp[-1].isBool() ? sp[-1].asBool() : truthy(sp[-1]);
            (--sp)->clear();
            if (t)
                ip = arg;
            NEXT();
        }
        L_JUMP_IF_FALSE_OR_POP:
        case Op::JUMP_IF_FALSE_OR_POP:
            if (!truthy(sp[-1]))
                ip = arg;
            else
                (--sp)->clear();
            break;
        L_JUMP_IF_TRUE_OR_POP:
        case Op::JUMP_IF_TRUE_OR_POP:
            if (truthy(sp[-1]))
                ip = arg;
            else
                (--sp)->clear();
            break;
        L_GET_ITER:
        case Op::GET_ITER:
            sp[-1] = getIter(sp[-1]);
            break;
        L_FOR_ITER:
        case Op::FOR_ITER: {
            Value next;
            if (iterNext(sp[-1], next)) {
                // `for x in ...:` stores the item in the next instruction: done here (unless
                // statements are recorded: that instruction's line is checked).
                if (opOf(instrs[ip]) == Op::STORE_FAST && !lineEvents) {
                    const uint32_t slot = argOf(instrs[ip++]);
                    frame->ip = ip; // the old value's release may run code that asks the line
                    locals[slot] = std::move(next);
                } else {
                    *sp++ = std::move(next);
                }
            } else {
                (--sp)->clear();
                frame->lastLine = 0;
                ip = arg;
            }
        }
            NEXT();
        L_RETURN_VALUE:
        case Op::RETURN_VALUE: {
            Value result = POP();
            frame->sp = sp;
            if (frame == entry) {
                frame_ = frame->back;
                --depth_;
                lastExitWasYield_ = false;
                frame->isEntry = false;
                if (!frame->generator())
                    freeFrame(frame);
                return result;
            }
            // The caller is the running frame again before the callee's locals die, so that what
            // they say as they go (a never-awaited coroutine) names the caller's line, as in CPython.
            Frame* back = frame->back;
            frame_ = back;
            freeFrame(frame);
            --depth_;
            frame = back;
            LOAD_FRAME();
            *sp++ = std::move(result);
        }
            NEXT();

        // -- Building values -----------------------------------------------------------------
        L_BUILD_TUPLE:
        case Op::BUILD_TUPLE:
        L_BUILD_LIST:
        case Op::BUILD_LIST: {
            std::vector<Value> items;
            items.reserve(arg);
            for (uint32_t i = 0; i < arg; ++i)
                items.push_back(std::move(sp[int(i) - int(arg)]));
            sp -= arg;
            *sp++ =
                Op(word & 0xff) == Op::BUILD_TUPLE ? newTuple(std::move(items)) : newList(std::move(items));
            break;
        }
        L_BUILD_SET:
        case Op::BUILD_SET: {
            auto* set = new SetObj();
            Value v = Value::object(set);
            for (uint32_t i = 0; i < arg; ++i)
                set->table.add(sp[int(i) - int(arg)]);
            for (uint32_t i = 0; i < arg; ++i)
                (--sp)->clear();
            *sp++ = std::move(v);
            break;
        }
        L_BUILD_MAP:
        case Op::BUILD_MAP: {
            auto* dict = new DictObj();
            Value v = Value::object(dict);
            for (uint32_t i = 0; i < arg; ++i)
                dict->table.set(sp[int(2 * i) - int(2 * arg)], sp[int(2 * i + 1) - int(2 * arg)]);
            for (uint32_t i = 0; i < 2 * arg; ++i)
                (--sp)->clear();
            *sp++ = std::move(v);
            break;
        }
        L_BUILD_STRING:
        case Op::BUILD_STRING: {
            std::string text;
            for (uint32_t i = 0; i < arg; ++i)
                text += strText(sp[int(i) - int(arg)]);
            for (uint32_t i = 0; i < arg; ++i)
                (--sp)->clear();
            *sp++ = newStr(std::move(text));
            break;
        }
        L_BUILD_SLICE:
        case Op::BUILD_SLICE: {
            Value step = arg == 3 ? POP() : Value::none();
            Value stop = POP();
            Value start = POP();
            *sp++ = Value::object(new SliceObj(std::move(start), std::move(stop), std::move(step)));
            break;
        }
        L_LIST_APPEND:
        case Op::LIST_APPEND: {
            Value v = POP();
            sp[-int(arg)].as<ListObj>()->items.push_back(std::move(v));
            break;
        }
        L_SET_ADD:
        case Op::SET_ADD: {
            Value v = POP();
            sp[-int(arg)].as<SetObj>()->table.add(v);
            break;
        }
        L_MAP_ADD:
        case Op::MAP_ADD: {
            Value value = POP();
            Value key = POP();
            sp[-int(arg)].as<DictObj>()->table.set(key, std::move(value));
            break;
        }
        L_LIST_EXTEND:
        case Op::LIST_EXTEND: {
            Value iterable = POP();
            auto& items = sp[-int(arg)].as<ListObj>()->items;
            for (Value& v : toVector(iterable))
                items.push_back(std::move(v));
            break;
        }
        L_SET_UPDATE:
        case Op::SET_UPDATE: {
            Value iterable = POP();
            auto* set = sp[-int(arg)].as<SetObj>();
            for (Value& v : toVector(iterable))
                set->table.add(v);
            break;
        }
        L_DICT_UPDATE:
        case Op::DICT_UPDATE:
        L_DICT_MERGE:
        case Op::DICT_MERGE: {
            Value mapping = POP();
            auto* dict = sp[-int(arg)].as<DictObj>();
            if (isKind(mapping, ObjKind::Dict)) {
                size_t pos = 0;
                while (const DictTable::Entry* e = mapping.as<DictObj>()->table.next(pos)) {
                    if (Op(word & 0xff) == Op::DICT_MERGE && dict->table.find(e->key))
                        raise(ExcType::TypeError,
                              "got multiple values for keyword argument '" + str(e->key) + "'");
                    dict->table.set(e->key, e->value);
                }
            } else {
                Value keys;
                if (!tryGetAttr(mapping, names.keys, keys))
                    raise(ExcType::TypeError, "'" + typeName(mapping) + "' object is not a mapping");
                for (Value& k : toVector(call(keys, {})))
                    dict->table.set(k, getItem(mapping, k));
            }
            break;
        }
        L_LIST_TO_TUPLE:
        case Op::LIST_TO_TUPLE: {
            std::vector<Value> items = std::move(sp[-1].as<ListObj>()->items);
            sp[-1] = newTuple(std::move(items));
            break;
        }
        L_FORMAT_VALUE:
        case Op::FORMAT_VALUE: {
            Value spec = (arg & 4) ? POP() : Value();
            Value r = formatValueOp(sp[-1], int(arg & 3), spec);
            sp[-1] = std::move(r);
            break;
        }
        L_UNPACK_SEQUENCE:
        case Op::UNPACK_SEQUENCE: {
            Value seq = POP();
            std::vector<Value> items;
            if (isKind(seq, ObjKind::Tuple))
                items = seq.as<TupleObj>()->items;
            else if (isKind(seq, ObjKind::List))
                items = seq.as<ListObj>()->items;
            else
                items = toVector(seq);
            if (items.size() < arg)
                raise(ExcType::ValueError, "not enough values to unpack (expected " + std::to_string(arg) +
                                               ", got " + std::to_string(items.size()) + ")");
            if (items.size() > arg)
                raise(ExcType::ValueError,
                      "too many values to unpack (expected " + std::to_string(arg) + ")");
            for (size_t i = items.size(); i-- > 0;)
                *sp++ = std::move(items[i]);
            break;
        }
        L_UNPACK_EX:
        case Op::UNPACK_EX: {
            size_t before = arg & 0xff, after = arg >> 8;
            Value seq = POP();
            std::vector<Value> items = toVector(seq);
            if (items.size() < before + after)
                raise(ExcType::ValueError, "not enough values to unpack (expected at least " +
                                               std::to_string(before + after) + ", got " +
                                               std::to_string(items.size()) + ")");
            for (size_t i = 0; i < after; ++i)
                *sp++ = items[items.size() - 1 - i];
            std::vector<Value> middle(items.begin() + long(before), items.end() - long(after));
            *sp++ = newList(std::move(middle));
            for (size_t i = before; i-- > 0;)
                *sp++ = items[i];
            break;
        }

        // -- Calls ---------------------------------------------------------------------------
        L_CALL:
        case Op::CALL:
        L_CALL_KW:
        case Op::CALL_KW:
        L_CALL_METHOD:
        case Op::CALL_METHOD:
        L_CALL_METHOD_KW:
        case Op::CALL_METHOD_KW: {
            Op op = Op(word & 0xff);
            bool hasKw = op == Op::CALL_KW || op == Op::CALL_METHOD_KW;
            bool isMethod = op == Op::CALL_METHOD || op == Op::CALL_METHOD_KW;
            Value kwNames = hasKw ? POP() : Value();
            size_t nkw = hasKw ? kwNames.as<TupleObj>()->items.size() : 0;
            Value* base = sp - arg - (isMethod ? 2 : 1); // the callable
            Value* args = base + 1;
            size_t count = arg;
            if (isMethod) {
                if (base[1].isEmpty())
                    args = base + 2;
                else
                    count += 1;
            }
            CallArgs ca;
            ca.args = args;
            ca.count = count - nkw;
            if (hasKw) {
                ca.kwNames = kwNames.as<TupleObj>();
                ca.kwValues = args + ca.count;
            }
            // A plain Python function given exactly its positional parameters (fib(n - 1),
            // obj.method(x)): its frame is taken from the pool and the arguments are moved from
            // this frame's stack into its locals, with none of prepareCall's binding rules to
            // apply. The same checks in the same order as the general path below.
            if (!hasKw && isKind(base[0], ObjKind::Function)) {
                auto* fn = base[0].as<FunctionObj>();
                CodeObj* fc = fn->codeObj();
                if (ca.count == size_t(fc->argcount) &&
                    !(fc->flags & (kVarargs | kVarkw | kGenerator | kCoroutine | kAsyncGenerator)) &&
                    fc->kwonlyargcount == 0 && fc->cellvars.empty() && fc->freevars.empty()) {
                    if (depth_ >= options_.budgets.recursionDepth)
                        raise(ExcType::RecursionError, "maximum recursion depth exceeded");
                    spendBudget(frame, fc->code.size());
                    const size_t nlocals = fc->varnames.size(); // no cells, no free variables
                    const size_t needed = nlocals + size_t(fc->maxStack);
                    const size_t cls = frameClass(needed);
                    Frame* f;
                    if (cls < kFrameClasses && !framePool_[cls].empty()) {
                        f = framePool_[cls].back();
                        framePool_[cls].pop_back();
                    } else {
                        f = allocateFrame(cls < kFrameClasses ? size_t(16) << cls : needed);
                    }
                    f->code = retained(fc);
                    f->function = retained(fn);
                    f->globals = fn->globals.isObject() ? retained(fn->globals.as<DictObj>()) : nullptr;
                    f->hasLocals = false;
                    f->sp = f->slots() + nlocals;
                    f->ip = 0;
                    f->lastLine = 0;
                    f->isEntry = false;
                    Value* calleeLocals = f->slots();
                    for (size_t i = 0; i < ca.count; ++i)
                        calleeLocals[i] = std::move(const_cast<Value&>(ca.args[i]));
                    ENTER_CALLEE(f);
                    goto framePushed; // leaves this block's scope (kwNames) the ordinary way
                }
            }
            Value callee = base[0];
            // Bound methods of Python functions: call the function with self in front.
            if (isKind(callee, ObjKind::BoundMethod) &&
                isKind(callee.as<BoundMethodObj>()->func, ObjKind::Function) && args == base + 1 &&
                !isMethod) {
                base[0] = callee.as<BoundMethodObj>()->self;
                Value func = callee.as<BoundMethodObj>()->func;
                callee = func;
                ca.args = base;
                ca.count += 1;
                args = base;
            }
            // A builtin function or method: called in place, without the generic call path.
            if (isKind(callee, ObjKind::NativeFunction) && callee.as<NativeFunctionObj>()->bound.isEmpty()) {
                // `await asyncio.sleep(...)` with no sleep object (awaitSleepAtOnce, out of line).
                if (callee.is(asyncio_->sleepFunction)) {
                    if (Value* top = awaitSleepAtOnce(*this, frame, ip, sp, base, ca)) {
                        // The YIELD_VALUE that follows, run without its dispatch: it is on the
                        // call's line (no statement to record) and spends no budget.
                        sp = top;
                        ip += 4; // past the YIELD_VALUE
                        frame->ip = ip;
                        frame->sp = sp;
                        CHECK_STACK();
                        goto yieldValue;
                    }
                }
                Value result = callee.as<NativeFunctionObj>()->fn(*this, ca);
                while (sp > base)
                    (--sp)->clear();
                *sp++ = std::move(result);
                break;
            }
            if (isKind(callee, ObjKind::Function) &&
                !callee.as<FunctionObj>()->codeObj()->isGeneratorLike()) {
                // A Python-to-Python call: push a frame without recursing in C++.
                if (depth_ >= options_.budgets.recursionDepth)
                    raise(ExcType::RecursionError, "maximum recursion depth exceeded");
                spendBudget(frame, callee.as<FunctionObj>()->codeObj()->code.size());
                Frame* callee_frame = prepareCall(callee.as<FunctionObj>(), ca);
                ENTER_CALLEE(callee_frame);
                goto framePushed;
            }
            Value result = call(callee, ca);
            while (sp > base)
                (--sp)->clear();
            *sp++ = std::move(result);
            break;
        }
        framePushed:
            NEXT();
        L_CALL_EX:
        case Op::CALL_EX: {
            Value kwargs = (arg & 1) ? POP() : Value();
            Value positional = POP();
            Value callee = POP();
            std::vector<Value> all = positional.as<TupleObj>()->items;
            std::vector<Value> kwNameList;
            if (kwargs.isObject()) {
                size_t pos = 0;
                while (const DictTable::Entry* e = kwargs.as<DictObj>()->table.next(pos)) {
                    if (!isStr(e->key))
                        raise(ExcType::TypeError, "keywords must be strings");
                    kwNameList.push_back(e->key);
                    all.push_back(e->value);
                }
            }
            Value names = newTuple(kwNameList);
            CallArgs ca;
            ca.args = all.data();
            ca.count = all.size() - kwNameList.size();
            if (!kwNameList.empty()) {
                ca.kwNames = names.as<TupleObj>();
                ca.kwValues = all.data() + ca.count;
            }
            *sp++ = call(callee, ca);
            break;
        }
        L_MAKE_FUNCTION:
        case Op::MAKE_FUNCTION: {
            Value codeValue = POP();
            Value closure = (arg & 8) ? POP() : Value();
            Value kwdefaults = (arg & 2) ? POP() : Value();
            Value defaults = (arg & 1) ? POP() : Value();
            auto* fn = new FunctionObj(codeValue);
            Value fv = Value::object(fn);
            CodeObj* fc = codeValue.as<CodeObj>();
            fn->name = fc->name;
            fn->qualname = fc->qualname;
            fn->globals = Value::object(frame->globals);
            if (Value* m = frame->globals->table.findStr(names.__name__))
                fn->module = *m;
            if (defaults.isObject())
                fn->defaults = defaults.as<TupleObj>()->items;
            fn->kwdefaults = kwdefaults;
            if (closure.isObject())
                fn->closure = closure.as<TupleObj>()->items;
            if (!fc->constants.empty() && !(fc->flags & kClassBody))
                fn->doc = fc->constants[0];
            *sp++ = std::move(fv);
            break;
        }

        // -- Exceptions and blocks -----------------------------------------------------------
        L_SETUP_FINALLY:
        case Op::SETUP_FINALLY:
            frame->blocks.push_back(Block{Block::Handler, arg, uint32_t(sp - frame->stackBase()), Value()});
            break;
        L_SETUP_WITH:
        case Op::SETUP_WITH: {
            Value ctx = sp[-1];
            Value enter = lookupSpecial(ctx, names.__enter__);
            Value exit = lookupSpecial(ctx, names.__exit__);
            if (enter.isEmpty() || exit.isEmpty())
                raise(ExcType::TypeError,
                      "'" + typeName(ctx) + "' object does not support the context manager protocol");
            sp[-1] = bindMethod(exit, ctx);
            Value result = call(enter, {ctx});
            frame->blocks.push_back(Block{Block::Handler, arg, uint32_t(sp - frame->stackBase()), Value()});
            *sp++ = std::move(result);
            break;
        }
        L_BEFORE_ASYNC_WITH:
        case Op::BEFORE_ASYNC_WITH: {
            Value ctx = sp[-1];
            Value enter = lookupSpecial(ctx, names.__aenter__);
            Value exit = lookupSpecial(ctx, names.__aexit__);
            if (enter.isEmpty() || exit.isEmpty())
                raise(ExcType::TypeError,
                      "'" + typeName(ctx) +
                          "' object does not support the asynchronous context manager protocol");
            sp[-1] = bindMethod(exit, ctx);
            *sp++ = call(enter, {ctx});
            break;
        }
        L_SETUP_ASYNC_WITH:
        case Op::SETUP_ASYNC_WITH:
            frame->blocks.push_back(
                Block{Block::Handler, arg, uint32_t(sp - frame->stackBase() - 1), Value()});
            break;
        L_WITH_EXCEPT_START:
        case Op::WITH_EXCEPT_START: {
            Value exc = sp[-1];
            Value exit = sp[-2];
            Value tb = Value::none();
            Value r = call(exit, {Value::object(typeOf(exc)), exc, tb});
            *sp++ = std::move(r);
            break;
        }
        L_POP_BLOCK:
        case Op::POP_BLOCK:
            frame->blocks.pop_back();
            break;
        L_POP_EXCEPT:
        case Op::POP_EXCEPT: {
            Block b = std::move(frame->blocks.back());
            frame->blocks.pop_back();
            handled_ = std::move(b.saved);
            break;
        }
        L_RERAISE:
        case Op::RERAISE: {
            Value exc = POP();
            frame->sp = sp;
            reraising_ = true;
            throw PyException{exc};
        }
        L_RAISE_VARARGS:
        case Op::RAISE_VARARGS: {
            if (arg == 0) {
                if (handled_.isEmpty())
                    raise(ExcType::RuntimeError, "No active exception to reraise");
                reraising_ = true;
                throw PyException{handled_};
            }
            Value cause = arg == 2 ? POP() : Value();
            Value exc = normalizeException(sp[-1]);
            (--sp)->clear();
            frame->sp = sp;
            if (arg == 2) {
                auto* e = exc.as<ExceptionObj>();
                if (cause.isNone()) {
                    e->cause = Value();
                } else {
                    e->cause = normalizeException(cause);
                }
                e->suppressContext = true;
            }
            raiseValue(exc);
        }
        L_CHECK_EXC_MATCH:
        case Op::CHECK_EXC_MATCH: {
            Value cls = POP();
            bool match = exceptionMatches(sp[-1], cls);
            sp[-1] = Value::boolean(match);
            break;
        }
        L_CHECK_EG_MATCH:
        case Op::CHECK_EG_MATCH: {
            Value cls = POP();
            Value match, rest;
            splitExceptionGroup(sp[-1], cls, match, rest);
            sp[-1] = rest.isEmpty() ? Value::none() : rest;
            *sp++ = match.isEmpty() ? Value::none() : match;
            break;
        }
        L_PREP_RERAISE_STAR:
        case Op::PREP_RERAISE_STAR: {
            Value rest = POP();
            Value orig = POP();
            Value raised = std::move(sp[-1]);
            auto& list = raised.as<ListObj>()->items;
            Value result;
            if (list.empty()) {
                result = rest;
            } else {
                std::vector<Value> all = list;
                if (!rest.isNone())
                    all.push_back(rest);
                if (all.size() == 1)
                    result = all[0];
                else
                    result = makeExceptionGroup("", all);
            }
            sp[-1] = result;
            break;
        }

        // -- Generators and coroutines -------------------------------------------------------
        L_YIELD_VALUE:
        case Op::YIELD_VALUE: {
        yieldValue:
            Value v = POP();
            frame->sp = sp;
            frame->ip = ip;
            frame_ = frame->back;
            --depth_;
            lastExitWasYield_ = true;
            frame->isEntry = false;
            return v;
        }
        L_GET_YIELD_FROM_ITER:
        case Op::GET_YIELD_FROM_ITER:
            if (!isKind(sp[-1], ObjKind::Generator) && !isAwaitDriver(sp[-1]))
                sp[-1] = getIter(sp[-1]);
            break;
        L_GET_AWAITABLE:
        case Op::GET_AWAITABLE: {
            if (!(isKind(sp[-1], ObjKind::Generator) &&
                  sp[-1].as<GeneratorObj>()->genKind == GeneratorKind::Coroutine)) {
                if (arg == 1 && lookupSpecial(sp[-1], names.__await__).isEmpty())
                    raise(ExcType::TypeError, "'async with' received an object from __aenter__ that does not "
                                              "implement __await__: " +
                                                  typeName(sp[-1]));
                if (arg == 2 && lookupSpecial(sp[-1], names.__await__).isEmpty())
                    raise(
                        ExcType::TypeError,
                        "'async with' received an object from __aexit__ that does not implement __await__: " +
                            typeName(sp[-1]));
            }
            sp[-1] = getAwaitable(sp[-1]);
            break;
        }
        L_SEND:
        case Op::SEND: {
            Value v = POP();
            Value& sub = sp[-1];
            Value out;
            bool returned;
            if (isKind(sub, ObjKind::Generator)) {
                returned =
                    resume(sub.as<GeneratorObj>(), std::move(v), Value(), out) == ResumeStatus::Returned;
            } else if (isAwaitDriver(sub)) {
                // The run's shared sleep(0) that has yielded returns None at once, whatever is sent
                // (SleepZeroObj::resumeAwait): once per sleep(0) switch, so without the call.
                if (sub.asObject() == asyncio_->sleepYielded.asObject()) {
                    out = Value::none();
                    returned = true;
                } else {
                    returned = static_cast<NativeObj*>(sub.asObject())
                                   ->resumeAwait(*this, std::move(v), Value(), out) == ResumeStatus::Returned;
                }
            } else {
                try {
                    if (v.isNone())
                        out = callMethod(sub, names.__next__, {});
                    else
                        out = callMethod(sub, names.send, {v});
                    returned = false;
                } catch (PyException& e) {
                    if (!isInstance(e.exception, ExcType::StopIteration))
                        throw;
                    out = stopIterationValue(*this, e.exception);
                    returned = true;
                }
            }
            if (returned) {
                sp[-1] = std::move(out);
                ip = arg;
            } else {
                if (GeneratorObj* gen = frame->generator()) {
                    gen->yieldFrom = sub;
                    gen->sendExitTarget = arg;
                }
                *sp++ = std::move(out);
            }
            break;
        }
        L_GET_AITER:
        case Op::GET_AITER: {
            Value method = lookupSpecial(sp[-1], names.__aiter__);
            if (method.isEmpty())
                raise(ExcType::TypeError,
                      "'async for' requires an object with __aiter__ method, got " + typeName(sp[-1]));
            sp[-1] = call(method, {sp[-1]});
            break;
        }
        L_GET_ANEXT:
        case Op::GET_ANEXT: {
            Value method = lookupSpecial(sp[-1], names.__anext__);
            if (method.isEmpty())
                raise(ExcType::TypeError,
                      "'async for' requires an iterator with __anext__ method, got " + typeName(sp[-1]));
            Value awaitable = call(method, {sp[-1]});
            *sp++ = getAwaitable(awaitable);
            break;
        }
        L_END_ASYNC_FOR:
        case Op::END_ASYNC_FOR: {
            if (!isInstance(sp[-1], ExcType::StopAsyncIteration)) {
                Value exc = POP();
                frame->sp = sp;
                reraising_ = true;
                throw PyException{exc};
            }
            (--sp)->clear();
            (--sp)->clear();
            Block b = std::move(frame->blocks.back());
            frame->blocks.pop_back();
            handled_ = std::move(b.saved);
            break;
        }
        L_ASYNC_GEN_WRAP:
        case Op::ASYNC_GEN_WRAP:
            sp[-1] = Value::object(new AsyncGenWrappedObj(types.object, sp[-1]));
            break;

        // -- Modules -------------------------------------------------------------------------
        L_IMPORT_NAME:
        case Op::IMPORT_NAME: {
            Value fromlist = POP();
            const std::string& name = strText(nameTable[arg]);
            Value module = importModule(name);
            if (fromlist.isNone() && name.find('.') != std::string::npos)
                module = importModule(name.substr(0, name.find('.')));
            *sp++ = std::move(module);
            break;
        }
        L_IMPORT_FROM:
        case Op::IMPORT_FROM: {
            StrObj* name = nameTable[arg].as<StrObj>();
            Value v;
            if (isKind(sp[-1], ObjKind::Module)) {
                Value* found = sp[-1].as<ModuleObj>()->dict()->table.findStr(name);
                if (!found) {
                    std::string full = strText(sp[-1].as<ModuleObj>()->name) + "." + name->text;
                    bool isModule = false;
                    for (const PreludeFile* p = kPreludeFiles; p->name; ++p)
                        isModule |= full == p->name;
                    Value* hook = sp[-1].as<ModuleObj>()->dict()->table.findStr(names.__getattr__);
                    if (isModule || nativeModules.count(full)) {
                        v = importModule(full);
                    } else if (hook) {
                        v = call(*hook, {Value::object(name)}); // a module's own __getattr__ (PEP 562)
                    } else {
                        raise(ExcType::ImportError, "cannot import name '" + name->text + "' from '" +
                                                        strText(sp[-1].as<ModuleObj>()->name) + "'");
                    }
                } else {
                    v = *found;
                }
            } else {
                v = getAttr(sp[-1], name);
            }
            *sp++ = std::move(v);
            break;
        }
        L_IMPORT_STAR:
        case Op::IMPORT_STAR: {
            Value module = POP();
            DictObj* target = frame->locals() ? frame->locals() : frame->globals;
            DictObj* source = module.as<ModuleObj>()->dict();
            Value* all = source->table.findStr(internStr("__all__"));
            if (all) {
                for (Value& n : toVector(*all))
                    if (Value* v = source->table.find(n))
                        target->table.set(n, *v);
            } else {
                size_t pos = 0;
                while (const DictTable::Entry* e = source->table.next(pos))
                    if (isStr(e->key) && strText(e->key)[0] != '_')
                        target->table.set(e->key, e->value);
            }
            break;
        }
        case Op::Count:
            break;
        default:
            // Every opcode the compiler emits has a case: no range check is needed.
            __builtin_unreachable();
        }
    }
#undef LOAD_FRAME
#undef POP
#undef NEXT
#undef ENTER_CALLEE
}

} // namespace loopscope
