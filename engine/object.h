#pragma once
// The heap objects of the VM: strings, containers, functions, classes, instances, exceptions,
// modules, cells, code, generators and the small helper objects (ranges, slices, properties,
// iterators). Each is an Obj (value.h) with an ObjKind, so hot paths test types cheaply.

#include <functional>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "value.h"

namespace loopscope {

class VM;
struct Frame;
struct CodeObj;
struct StrObj;
struct DictObj;

// -- Strings ------------------------------------------------------------------------------

// An immutable str, stored as UTF-8. [ascii] strings index by byte; others decode on demand.
struct StrObj final : Obj {
    StrObj(std::string text);
    std::string text;
    mutable int64_t hash = -1; // cached; -1 until computed
    bool ascii = true;
    bool interned = false;
    int64_t hashValue() const;
    size_t length() const; // in code points
};

struct BytesObj final : Obj {
    explicit BytesObj(std::string data);
    std::string data;
};

// -- Containers ---------------------------------------------------------------------------

struct TupleObj final : Obj {
    TupleObj();
    explicit TupleObj(std::vector<Value> items);
    std::vector<Value> items;
    mutable int64_t hash = -1;
};

struct ListObj final : Obj {
    ListObj();
    explicit ListObj(std::vector<Value> items);
    std::vector<Value> items;
};

// An insertion-ordered hash table (CPython's compact dict): entries in order, plus an index
// table of positions into them. Deleted entries become empty slots until the next resize.
uint64_t nextDictVersion();
// Forgets every cached ClassObj::lookup result (a class dict or an MRO changed).
void invalidateClassLookups();
// Changes whenever invalidateClassLookups() runs: a cached class lookup taken at one epoch is
// valid while the epoch is unchanged (the inline caches of inline_cache.h keep it).
extern thread_local uint64_t tClassLookupEpoch;
inline uint64_t classLookupEpoch()
{
    return tClassLookupEpoch;
}

class DictTable {
  public:
    // Changes whenever a key is added or removed (never just when a value changes), and is
    // unique among all tables: a cached pointer to a value stays valid while it is unchanged.
    uint64_t version() const { return version_; }
    struct Entry {
        int64_t hash = 0;
        Value key; // Empty: a deleted entry
        Value value;
    };
    // Returns the value for [key] or null. Calls __eq__/__hash__ of user objects (may throw).
    Value* find(const Value& key) const;
    Value* findStr(const StrObj* key) const; // key known to be a str
    void set(const Value& key, Value value);
    bool erase(const Value& key, Value* removed = nullptr);
    void clear();
    size_t size() const { return used_; }
    const std::vector<Entry>& entries() const { return entries_; }
    std::vector<Entry>& entries() { return entries_; }
    // Iterates live entries in insertion order: [position] is the next entries() index to look at.
    const Entry* next(size_t& position) const;
    bool popLast(Value& key, Value& value);
    // Marks the table as a class's __dict__: adding or removing a key then invalidates the
    // class lookup cache (see ClassObj::lookup).
    void markClassDict() { classDict_ = true; }

  private:
    int64_t lookupSlot(const Value& key, int64_t hash) const; // index slot or -1-slot to insert
    void rebuild(size_t minCapacity);
    std::vector<Entry> entries_;
    std::vector<int32_t> index_; // -1 empty; else entries_ position
    size_t used_ = 0;
    uint64_t version_ = nextDictVersion();
    bool classDict_ = false;
};

struct DictObj final : Obj {
    DictObj();
    DictTable table;
    Value defaultFactory; // collections.defaultdict's factory, else Empty
};

// A set with CPython's table layout (linear probing then perturbation), so that sets of ints,
// floats and tuples of them iterate in the order CPython gives. Objects hashed by identity
// have no such order (CPython's follows memory addresses), so a set holding any iterates in
// insertion order instead (SPEC.md section 3).
class SetTable {
  public:
    struct Slot {
        int64_t hash = 0;
        Value key;        // Empty with hash 0: never used; Empty with hash -1: deleted (dummy)
        uint64_t seq = 0; // when the key was added, for insertion order
    };
    SetTable() { slots_.resize(8); }
    bool contains(const Value& key) const;
    bool add(const Value& key); // false if present
    bool discard(const Value& key);
    void clear();
    size_t size() const { return used_; }
    // Every slot, used or not, in table order: for uses where order cannot be seen.
    const std::vector<Slot>& slots() const { return slots_; }
    // The keys in iteration order (what `for`, repr, pop and set operations see).
    std::vector<Value> keysInOrder() const;

  private:
    int64_t findSlot(const Value& key, int64_t hash, bool forInsert) const;
    void resize(size_t minUsed);
    std::vector<Slot> slots_;
    size_t used_ = 0;
    size_t fill_ = 0;
    size_t identityKeys_ = 0;
    uint64_t nextSeq_ = 0;
};

struct SetObj final : Obj {
    explicit SetObj(bool frozen = false);
    SetTable table;
    mutable int64_t hash = -1;
};

struct RangeObj final : Obj {
    RangeObj(int64_t start, int64_t stop, int64_t step);
    int64_t start, stop, step;
    int64_t length() const;
};

struct SliceObj final : Obj {
    SliceObj(Value start, Value stop, Value step);
    Value start, stop, step;
};

// keys(), values() or items() of a dict.
struct DictViewObj final : Obj {
    enum class Which : uint8_t { Keys, Values, Items };
    DictViewObj(Value dict, Which which);
    Value dict;
    Which which;
};

// -- Code, functions, classes ---------------------------------------------------------------

struct CellObj final : Obj {
    CellObj();
    Value value;
};

struct FunctionObj final : Obj {
    explicit FunctionObj(Value code);
    Value code;                   // CodeObj
    Value globals;                // DictObj
    Value name, qualname, module; // str
    std::vector<Value> defaults;
    Value kwdefaults;           // DictObj or Empty
    std::vector<Value> closure; // CellObjs, one per free variable of the code
    Value dict;                 // DictObj for attributes set by decorators, or Empty
    Value doc;
    CodeObj* codeObj() const { return reinterpret_cast<CodeObj*>(code.asObject()); }
};

// The C++ signature of every builtin function and method. For methods, args[0] is self.
struct CallArgs {
    const Value* args = nullptr;
    size_t count = 0;
    const Value* kwValues = nullptr; // values of keyword arguments, parallel to kwNames
    const TupleObj* kwNames = nullptr;
    size_t kwCount() const { return kwNames ? kwNames->items.size() : 0; }
    const Value& operator[](size_t i) const { return args[i]; }
    // The keyword argument [name], or null.
    const Value* keyword(std::string_view name) const;
};
using NativeFn = Value (*)(VM& vm, const CallArgs& args);

struct NativeFunctionObj final : Obj {
    NativeFunctionObj(std::string name, NativeFn fn, Value bound = Value());
    std::string name;
    NativeFn fn;
    Value bound;     // when set, passed as args[0] (a bound builtin method, or closure data)
    Value data;      // extra state for natives that need it (e.g. functools.partial)
    Value selfClass; // for methods of builtin types: the class they belong to
};

struct BoundMethodObj final : Obj {
    BoundMethodObj(Value func, Value self);
    Value func, self;
};

struct ClassObj final : Obj {
    ClassObj(std::string name, ClassObj* metaclass);
    std::string name;
    Value qualname;             // str
    std::vector<Value> bases;   // ClassObjs
    std::vector<ClassObj*> mro; // this class first; entries are kept alive by [bases]
    DictObj* dict;              // owned through dictValue
    Value dictValue;
    ObjKind instanceKind = ObjKind::Instance; // layout of instances (Instance, Exception, ...)
    bool builtin = false;                     // a builtin type: its attributes cannot be set
    bool isBaseException = false;             // BaseException or a subclass
    // Builds an instance for a call of the class: args[0] is the class being called (maybe a
    // subclass), the rest are the call's arguments. Null: inherited from the bases.
    NativeFn construct = nullptr;
    bool hasUserInit = false;
    // Some class in the MRO defines a property: instance lookups must check the class first.
    // Without one, an instance's own attribute wins at once (the common, fast case).
    bool hasDataDescriptors = false;
    bool hasUserSetattr = false; // a user class in the MRO defines __setattr__
    // A native type whose instances take any attribute, as the pure-Python objects they stand
    // for do (asyncio's Future, Task and event loop). Python subclasses of native types always do.
    bool nativeInstanceDict = false;
    // Looks [name] up along the MRO; null when absent. Results for interned names are
    // remembered in a per-thread cache until some class dict gains or loses a key.
    Value* lookup(const StrObj* name) const;
    Value* lookupUncached(const StrObj* name) const;
    bool isSubclassOf(const ClassObj* other) const;
};

struct InstanceObj : Obj {
    explicit InstanceObj(ClassObj* cls, ObjKind kind = ObjKind::Instance);
    ~InstanceObj() override;
    Value classRef; // keeps a user class alive
    DictTable attrs;
};

struct TracebackEntry {
    Value code; // CodeObj
    int line = 0;
    uint32_t ip = 0; // the instruction that failed: its span draws the traceback's carets
};

struct ExceptionObj final : InstanceObj {
    explicit ExceptionObj(ClassObj* cls);
    Value args;           // TupleObj
    Value cause, context; // Empty when unset
    bool suppressContext = false;
    std::vector<TracebackEntry> traceback; // innermost frame first
    Value notes;
};

struct ModuleObj final : Obj {
    explicit ModuleObj(Value name);
    Value name;
    Value globals; // DictObj
    DictObj* dict() const { return globals.as<DictObj>(); }
};

struct PropertyObj final : Obj {
    PropertyObj();
    Value fget, fset, fdel, doc;
};

// staticmethod(f) and classmethod(f).
struct MethodWrapperObj final : Obj {
    MethodWrapperObj(ObjKind kind, Value func);
    Value func;
};

struct SuperObj final : Obj {
    SuperObj(Value startAfter, Value self);
    Value startAfter; // ClassObj: lookups begin after it in type(self)'s MRO
    Value self;
};

// -- Generators and iterators -------------------------------------------------------------

enum class GeneratorKind : uint8_t { Generator, Coroutine, AsyncGenerator };

// A generator or coroutine and its frame are one allocation (VM::makeGenerator): the frame
// follows the object (embeddedFrame()), as in CPython 3.11, and keeps its code object until the
// generator dies (100k suspended coroutines are 100k of these: one block, one header each).
struct GeneratorObj final : Obj {
    // [frame] is the frame after this object, its arguments already bound.
    GeneratorObj(GeneratorKind kind, Frame* frame, Value name, Value qualname);
    ~GeneratorObj() override;
    // The block is the object and its frame: freed with the frame's size (C++20's destroying
    // delete reads it before the object is destroyed).
    static void operator delete(GeneratorObj* gen, std::destroying_delete_t);
    // The small fields first, packed together (100k suspended coroutines are 100k of these).
    GeneratorKind genKind;
    bool running = false;
    bool started = false;
    bool asyncRunning = false;        // async generators: an asend/athrow in progress
    uint32_t sendExitTarget : 24 = 0; // an instruction (a jump's 24-bit argument, chunk.h)
    // Whether its frame (embeddedFrame()) can still run: a flag, not a pointer to the frame
    // that follows the object anyway (88 -> 80 bytes).
    uint32_t hasFrame : 1 = 1;
    // Whether its __name__ and __qualname__ differ from its code's (a function renamed, as
    // functools.wraps does): they are then kept aside (object.cpp), not in every coroutine.
    uint32_t ownNames : 1 = 0;
    // Both always objects or nothing, so held as 8-byte references rather than 16-byte Values
    // (104 -> 88 bytes: a suspended coroutine's block, object and frame, one 16-byte class less).
    ObjRef yieldFrom; // the iterator it delegates to while suspended in SEND, else empty
    ObjRef excState;  // the exception its own except clause was handling when it suspended
    bool finished() const { return !hasFrame; }
    // embeddedFrame() while it can run; null once finished.
    Frame* frame() const { return hasFrame ? embeddedFrame() : nullptr; }
    // It finished: its frame runs no more (the caller frees the frame's values).
    void dropFrame() { hasFrame = 0; }
    Frame* embeddedFrame() const
    {
        return reinterpret_cast<Frame*>(const_cast<char*>(reinterpret_cast<const char*>(this)) +
                                        sizeof(GeneratorObj));
    }
    // Its code object, still there once it finished (cr_code, for reprs).
    Value code() const;
    // __name__ and __qualname__ (strs): the function's when the coroutine was made.
    Value name() const;
    Value qualname() const;
};

// A native iterator (list, range, enumerate, zip, map, ...): next() gives the next item or
// returns false when exhausted. May throw a Python exception.
struct IteratorObj : Obj {
    explicit IteratorObj(ClassObj* cls);
    virtual bool next(VM& vm, Value& out) = 0;
};

// Which C++ type a native object is, so that hot paths (the event loop, SEND) can test it
// without RTTI.
enum class NativeKind : uint8_t {
    Other,
    Future,    // loop/future.h: FutureObj
    Task,      // loop/task.h: TaskObj, a FutureObj
    Sleep,     // loop/sleep.h: SleepObj, the coroutine of asyncio.sleep(), a FutureObj
    SleepZero, // loop/sleep.h: the coroutine of asyncio.sleep(0), which only yields once
    EventLoop, // loop/event_loop.h: EventLoopObj
    Handle,    // loop/handle.h: HandleObj (Handle and TimerHandle)
    Queue,     // loop/queue.h: QueueObj
    QueueCall, // loop/queue.h: the coroutine of Queue.get() or Queue.put()
    FutureIter, // loop/future.h: what Future.__await__() returns
    TaskSleep,  // loop/sleep.h: what a frame awaits while its task sleeps on its own (no object)
};

// How a resumed coroutine (or generator) left: it yielded a value or returned one.
enum class ResumeStatus { Yielded, Returned };

// A native object with behaviour provided by C++ (deque, futures, tasks, the event loop, the
// awaitables of async generators).
struct NativeObj : Obj {
    explicit NativeObj(ClassObj* cls, NativeKind kind = NativeKind::Other);
    ~NativeObj() override;
    // Attributes Python code set on it (instances of Python subclasses; futures, which accept
    // any attribute as the pure-Python asyncio's do), or null until the first one.
    DictObj* attrs = nullptr;
    // Creates [attrs] on first use.
    DictTable& attributes();
    // Native awaitables (isAwaitDriver below: asyncio.sleep()'s and Queue.get()'s coroutines,
    // a Future being awaited) are driven by `await`, `yield from` and Task steps directly: send
    // [send] in, or throw [throwExc] in when it is set; returns whether the awaitable yielded
    // or returned, with the value in [out]. close() is coroutine.close().
    virtual ResumeStatus resumeAwait(VM& vm, Value send, Value throwExc, Value& out);
    virtual void closeAwait(VM& vm);
    // A native coroutine's __qualname__ ("sleep", "Queue.get"); its __name__ is the last part.
    virtual const char* coroutineQualname() const { return "coroutine"; }
    // Declared last: derived types put their small fields into the tail padding after it.
    NativeKind nativeKind;
};
inline bool isNative(const Value& v, NativeKind kind)
{
    return v.isObject() && v.asObject()->kind == ObjKind::Native &&
           static_cast<NativeObj*>(v.asObject())->nativeKind == kind;
}
// Whether [v] is driven through NativeObj::resumeAwait.
inline bool isAwaitDriver(const Value& v)
{
    if (!v.isObject() || v.asObject()->kind != ObjKind::Native)
        return false;
    switch (static_cast<NativeObj*>(v.asObject())->nativeKind) {
    case NativeKind::Future:
    case NativeKind::Task:
    case NativeKind::Sleep:
    case NativeKind::SleepZero:
    case NativeKind::TaskSleep:
    case NativeKind::QueueCall:
    case NativeKind::FutureIter:
        return true;
    default:
        return false;
    }
}

// Marks a value yielded by an async generator's own `yield` (as opposed to a value that an
// await inside it passes up to the event loop). Its class is `object` itself, which no other
// native object uses, so the async generator's awaitables recognise it.
struct AsyncGenWrappedObj final : NativeObj {
    AsyncGenWrappedObj(ClassObj* cls, Value v) : NativeObj(cls), value(std::move(v)) {}
    Value value;
};

// -- Helpers ------------------------------------------------------------------------------

inline bool isKind(const Value& v, ObjKind kind)
{
    return v.isObject() && v.asObject()->kind == kind;
}
inline bool isStr(const Value& v)
{
    return isKind(v, ObjKind::Str);
}
inline StrObj* asStr(const Value& v)
{
    return v.as<StrObj>();
}
inline const std::string& strText(const Value& v)
{
    return v.as<StrObj>()->text;
}

// The live object list and the teardown switch (object.cpp).
void freeAllObjects();
void setTearingDown(bool on);
size_t liveObjectCount();

} // namespace loopscope
