#include "object.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <new>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "chunk.h"
#include "memory_budget.h"
#include "slab_pool.h"
#include "vm.h"

namespace loopscope {

// -- Lifetime --------------------------------------------------------------------------------

namespace {
thread_local size_t tLiveCount = 0;
thread_local bool tTearingDown = false;
// The objects outside the object slabs, which freeAllObjects cannot find by walking them: those
// larger than kSlabMaxBytes (few: a generator with a big frame, a wide instance), and every
// object in the sanitizer build. The set is the host's memory, not the run's.
thread_local std::unordered_set<void*> tUnslabbed;
} // namespace

uint64_t nextDictVersion()
{
    static thread_local uint64_t counter = 0;
    return ++counter;
}

size_t liveObjectCount()
{
    return tLiveCount;
}

void* Obj::operator new(size_t bytes)
{
    if (LOOPSCOPE_SLABS && bytes <= kSlabMaxBytes)
        return slabAllocateObject(bytes);
    // Without slabs, a small object is malloc's, counted as its slab block (slab_pool.h).
    void* p = bytes <= kSlabMaxBytes ? slabAllocateObject(bytes) : ::operator new(bytes);
    try {
        HostAllocations host;
        tUnslabbed.insert(p);
    } catch (...) {
        if (bytes <= kSlabMaxBytes)
            slabRelease(p, bytes);
        else
            ::operator delete(p);
        throw;
    }
    return p;
}
void Obj::operator delete(void* p, size_t bytes)
{
    if (!(LOOPSCOPE_SLABS && bytes <= kSlabMaxBytes))
        tUnslabbed.erase(p);
    if (bytes <= kSlabMaxBytes)
        slabRelease(p, bytes);
    else
        ::operator delete(p);
}

Obj::Obj(ObjKind k, ClassObj* c) : kind(k), cls(c)
{
    ++tLiveCount;
}

Obj::~Obj()
{
    if (!tTearingDown)
        --tLiveCount;
}

void clearWeakReferences(Obj* object); // builtins/weakref_module.cpp

// Freeing an object drops the references it holds, which may free more objects: a linked list
// of a million nodes would recurse a million C++ frames deep. Like CPython's trashcan, releases
// nested deeper than kMaxReleaseDepth are parked and freed by the outermost release, in a loop.
namespace {
constexpr int kMaxReleaseDepth = 50; // CPython's PyTrash_UNWIND_LEVEL
thread_local int tReleaseDepth = 0;
thread_local std::vector<Obj*> tParkedReleases;
} // namespace

void releaseObject(Obj* object)
{
    if (tTearingDown)
        return;
    if (object->hasFinalizer) {
        // The count is held at one while finalize() runs, so that the references it makes and
        // drops cannot free the object again; a reference it gave out keeps the object alive.
        object->hasFinalizer = false;
        object->refcount = 1;
        object->finalize();
        if (--object->refcount != 0)
            return;
    }
    // A dead object's weak references see it gone at once, even when its release is parked.
    if (object->weaklyReferenced)
        clearWeakReferences(object);
    if (tReleaseDepth >= kMaxReleaseDepth) {
        tParkedReleases.push_back(object);
        return;
    }
    // Destructors must not throw: past the memory budget they allocate anyway and the VM ends
    // the run at its next check.
    NoThrowAllocations granted;
    ++tReleaseDepth;
    delete object;
    if (tReleaseDepth == 1) {
        while (!tParkedReleases.empty()) {
            Obj* parked = tParkedReleases.back();
            tParkedReleases.pop_back();
            delete parked;
        }
    }
    --tReleaseDepth;
}

void setTearingDown(bool on)
{
    tTearingDown = on;
}

// Frees every object still alive (reference cycles, module globals) at the end of a run. All
// destructors run first, while every object's memory is still allocated, so the references
// they drop never touch freed memory; releases do nothing while tearing down.
void freeAllObjects()
{
    tTearingDown = true;
    std::vector<void*> blocks;
    blocks.reserve(tLiveCount);
    collectSlabObjects(blocks);
    std::vector<Obj*> all;
    all.reserve(blocks.size() + tUnslabbed.size());
    for (void* block : blocks)
        all.push_back(static_cast<Obj*>(block));
    for (void* p : tUnslabbed)
        all.push_back(static_cast<Obj*>(p));
    // Every object is either in a slab or set aside: a miss would leak, or free one twice.
    assert(all.size() == tLiveCount);
    if (std::getenv("LOOPSCOPE_DEBUG_LEAKS")) {
        // What the run left alive (reference cycles and module state), by type.
        std::map<std::string, size_t> counts;
        for (Obj* o : all)
            ++counts[o->cls ? o->cls->name : "?"];
        std::vector<std::pair<size_t, std::string>> sorted;
        for (auto& [name, n] : counts)
            sorted.emplace_back(n, name);
        std::sort(sorted.rbegin(), sorted.rend());
        for (size_t i = 0; i < sorted.size() && i < 15; ++i)
            std::fprintf(stderr, "live at end: %8zu %s\n", sorted[i].first, sorted[i].second.c_str());
    }
    for (Obj* o : all)
        o->~Obj();
    // The sizes are gone with the destructors: an object outside the slabs was one allocation
    // of its own; the slabs go all at once (every object, and every coroutine frame, is dead).
    for (void* p : tUnslabbed)
        ::operator delete(p);
    tUnslabbed.clear();
    releaseAllSlabs();
    tLiveCount = 0;
    tTearingDown = false;
}

// -- Constructors -----------------------------------------------------------------------------

static BuiltinTypes& types()
{
    return VM::current().types;
}

StrObj::StrObj(std::string t) : Obj(ObjKind::Str, types().str), text(std::move(t))
{
    for (unsigned char c : text) {
        if (c >= 0x80) {
            ascii = false;
            break;
        }
    }
}

int64_t StrObj::hashValue() const
{
    if (hash == -1) {
        // FNV-1a: CPython randomizes str hashes, so any well-spread function matches it.
        uint64_t h = 1469598103934665603ull;
        for (unsigned char c : text) {
            h ^= c;
            h *= 1099511628211ull;
        }
        int64_t result = int64_t(h >> 1);
        hash = result == -1 ? -2 : result;
    }
    return hash;
}

size_t StrObj::length() const
{
    if (ascii)
        return text.size();
    size_t n = 0;
    for (unsigned char c : text)
        n += (c & 0xC0) != 0x80;
    return n;
}

BytesObj::BytesObj(std::string d) : Obj(ObjKind::Bytes, types().bytes), data(std::move(d)) {}
TupleObj::TupleObj() : Obj(ObjKind::Tuple, types().tuple) {}
TupleObj::TupleObj(std::vector<Value> i) : Obj(ObjKind::Tuple, types().tuple), items(std::move(i)) {}
ListObj::ListObj() : Obj(ObjKind::List, types().list) {}
ListObj::ListObj(std::vector<Value> i) : Obj(ObjKind::List, types().list), items(std::move(i)) {}
DictObj::DictObj() : Obj(ObjKind::Dict, types().dict) {}
SetObj::SetObj(bool frozen)
    : Obj(frozen ? ObjKind::FrozenSet : ObjKind::Set, frozen ? types().frozenset : types().set)
{
}
RangeObj::RangeObj(int64_t a, int64_t b, int64_t c)
    : Obj(ObjKind::Range, types().range), start(a), stop(b), step(c)
{
}

int64_t RangeObj::length() const
{
    if (step > 0 && start < stop)
        return int64_t((uint64_t(stop) - uint64_t(start) - 1) / uint64_t(step) + 1);
    if (step < 0 && start > stop)
        return int64_t((uint64_t(start) - uint64_t(stop) - 1) / (0 - uint64_t(step)) + 1);
    return 0;
}

SliceObj::SliceObj(Value a, Value b, Value c)
    : Obj(ObjKind::Slice, types().slice), start(std::move(a)), stop(std::move(b)), step(std::move(c))
{
}

static ClassObj* viewClass(DictViewObj::Which which)
{
    switch (which) {
    case DictViewObj::Which::Keys:
        return types().dictKeys;
    case DictViewObj::Which::Values:
        return types().dictValues;
    default:
        return types().dictItems;
    }
}
DictViewObj::DictViewObj(Value d, Which w)
    : Obj(ObjKind::DictView, viewClass(w)), dict(std::move(d)), which(w)
{
}

CellObj::CellObj() : Obj(ObjKind::Cell, types().cell) {}
FunctionObj::FunctionObj(Value c) : Obj(ObjKind::Function, types().function), code(std::move(c)) {}
NativeFunctionObj::NativeFunctionObj(std::string n, NativeFn f, Value b)
    : Obj(ObjKind::NativeFunction, types().builtinFunction), name(std::move(n)), fn(f), bound(std::move(b))
{
}
BoundMethodObj::BoundMethodObj(Value f, Value s)
    : Obj(ObjKind::BoundMethod, types().method), func(std::move(f)), self(std::move(s))
{
}

ClassObj::ClassObj(std::string n, ClassObj* metaclass) : Obj(ObjKind::Class, metaclass), name(std::move(n))
{
    dict = new DictObj();
    dict->table.markClassDict();
    dictValue = Value::object(dict);
    // A new class may sit where a freed one was: cached lookups keyed on that address go.
    invalidateClassLookups();
}

namespace {
// CPython's type attribute cache: a direct-mapped table of (class, interned name) -> where
// lookup() found the name (or null). A global epoch, bumped whenever any class dict gains or
// loses a key, invalidates all entries at once; slots found stay valid until then because a
// dict only moves its entries when a key is added or removed. Values are read through the
// slot, so replacing the value of an existing key needs no invalidation.
struct ClassLookupEntry {
    const ClassObj* cls = nullptr;
    const StrObj* name = nullptr;
    uint64_t epoch = 0;
    Value* slot = nullptr;
};
constexpr size_t kClassLookupCacheSize = 4096;
} // namespace
thread_local uint64_t tClassLookupEpoch = 1;
namespace {
thread_local ClassLookupEntry tClassLookupCache[kClassLookupCacheSize];
} // namespace

void invalidateClassLookups()
{
    ++tClassLookupEpoch;
}

Value* ClassObj::lookup(const StrObj* key) const
{
    if (!key->interned)
        return lookupUncached(key);
    size_t h =
        (reinterpret_cast<uintptr_t>(this) >> 4) ^ (reinterpret_cast<uintptr_t>(key) >> 3) * 0x9E3779B1u;
    ClassLookupEntry& e = tClassLookupCache[(h ^ (h >> 12)) & (kClassLookupCacheSize - 1)];
    if (e.cls == this && e.name == key && e.epoch == tClassLookupEpoch)
        return e.slot;
    // The epoch is read first: lookupUncached may run __eq__ of a non-str key in a class dict,
    // which could change dicts, and then the entry must already be stale.
    uint64_t epoch = tClassLookupEpoch;
    Value* found = lookupUncached(key);
    e = {this, key, epoch, found};
    return found;
}

Value* ClassObj::lookupUncached(const StrObj* key) const
{
    for (ClassObj* c : mro) {
        if (Value* v = c->dict->table.findStr(key))
            return v;
    }
    return nullptr;
}

bool ClassObj::isSubclassOf(const ClassObj* other) const
{
    for (ClassObj* c : mro)
        if (c == other)
            return true;
    return false;
}

InstanceObj::InstanceObj(ClassObj* c, ObjKind k) : Obj(k, c)
{
    if (!c->builtin)
        classRef = Value::object(c);
}
InstanceObj::~InstanceObj() = default;

ExceptionObj::ExceptionObj(ClassObj* c) : InstanceObj(c, ObjKind::Exception) {}

ModuleObj::ModuleObj(Value n) : Obj(ObjKind::Module, types().module), name(std::move(n))
{
    globals = Value::object(new DictObj());
}

PropertyObj::PropertyObj() : Obj(ObjKind::Property, types().property) {}
MethodWrapperObj::MethodWrapperObj(ObjKind k, Value f)
    : Obj(k, k == ObjKind::StaticMethod ? types().staticmethod : types().classmethod), func(std::move(f))
{
}
SuperObj::SuperObj(Value a, Value s)
    : Obj(ObjKind::Super, types().super), startAfter(std::move(a)), self(std::move(s))
{
}

static ClassObj* generatorClass(GeneratorKind kind)
{
    switch (kind) {
    case GeneratorKind::Generator:
        return types().generator;
    case GeneratorKind::Coroutine:
        return types().coroutine;
    default:
        return types().asyncGenerator;
    }
}

// The names of the generators whose names are not their code's (GeneratorObj::ownNames).
namespace {
thread_local std::unordered_map<const GeneratorObj*, std::pair<Value, Value>> tGeneratorNames;
}

GeneratorObj::GeneratorObj(GeneratorKind k, Frame* f, Value n, Value q)
    : Obj(ObjKind::Generator, generatorClass(k)), genKind(k)
{
    if (!n.is(f->code->name) || !q.is(f->code->qualname)) {
        tGeneratorNames.emplace(this, std::make_pair(std::move(n), std::move(q)));
        ownNames = 1;
    }
}

Value GeneratorObj::code() const
{
    return Value::object(embeddedFrame()->code);
}

Value GeneratorObj::name() const
{
    return ownNames ? tGeneratorNames.find(this)->second.first : embeddedFrame()->code->name;
}

Value GeneratorObj::qualname() const
{
    return ownNames ? tGeneratorNames.find(this)->second.second : embeddedFrame()->code->qualname;
}

void GeneratorObj::operator delete(GeneratorObj* gen, std::destroying_delete_t)
{
    const size_t bytes =
        sizeof(GeneratorObj) + sizeof(Frame) + gen->embeddedFrame()->slotCapacity * sizeof(Value);
    gen->~GeneratorObj();
    Obj::operator delete(gen, bytes);
}

GeneratorObj::~GeneratorObj()
{
    if (tTearingDown) {
        if (ownNames)
            tGeneratorNames.erase(this); // while tearing down too: the map must not outlive the run
        if (hasFrame)
            deleteFrame(embeddedFrame());
        return;
    }
    if (hasFrame) {
        VM& vm = VM::current();
        if (genKind == GeneratorKind::Coroutine && !started) {
            // CPython warns when a coroutine object dies without ever being awaited. The warning is
            // output, so it may meet a limit: the VM remembers it (stopRun), a destructor cannot throw.
            if (!vm.stopping()) {
                try {
                    vm.warnNeverAwaited(strText(qualname()));
                } catch (...) {
                }
            }
        } else if (started && !vm.tearingDown && !vm.stopping()) {
            // A suspended generator is closed when it dies, running its finally blocks. The count is
            // parked high so the references close() takes cannot free this object a second time.
            refcount = 1u << 30;
            try {
                ThrowingAllocations throwing; // the catch below takes a MemoryBudgetExceeded too
                Value self = Value::object(this);
                vm.generatorClose(self);
            } catch (...) {
                // A limit reached while closing still ends the run: the VM remembers it (stopRun).
            }
            refcount = 0;
        }
        if (hasFrame) {
            dropFrame();
            vm.freeFrame(embeddedFrame());
        }
    }
    if (ownNames)
        tGeneratorNames.erase(this);
    // The frame held its code for cr_code after it finished (VM::freeFrame).
    if (CodeObj* code = std::exchange(embeddedFrame()->code, nullptr); code && --code->refcount == 0)
        releaseObject(code);
}

IteratorObj::IteratorObj(ClassObj* c) : Obj(ObjKind::Iterator, c) {}
NativeObj::NativeObj(ClassObj* c, NativeKind k) : Obj(ObjKind::Native, c), nativeKind(k) {}

NativeObj::~NativeObj()
{
    if (attrs && --attrs->refcount == 0)
        releaseObject(attrs);
}

ResumeStatus NativeObj::resumeAwait(VM& vm, Value, Value, Value&)
{
    // Only the kinds isAwaitDriver() accepts override this; reaching it is an engine bug.
    vm.raise(ExcType::SystemError, "'" + cls->name + "' object cannot be resumed");
}

void NativeObj::closeAwait(VM&) {}

DictTable& NativeObj::attributes()
{
    if (!attrs) {
        attrs = new DictObj();
        ++attrs->refcount;
    }
    return attrs->table;
}
CodeObj::CodeObj() : Obj(ObjKind::Code, types().code) {}

const Value* CallArgs::keyword(std::string_view name) const
{
    for (size_t i = 0; i < kwCount(); ++i)
        if (strText(kwNames->items[i]) == name)
            return &kwValues[i];
    return nullptr;
}

// -- Dict table -------------------------------------------------------------------------------

static bool keysEqual(const Value& a, const Value& b)
{
    if (a.isObject() && b.isObject()) {
        if (a.asObject() == b.asObject())
            return true;
        if (a.asObject()->kind == ObjKind::Str && b.asObject()->kind == ObjKind::Str)
            return a.as<StrObj>()->text == b.as<StrObj>()->text;
    }
    if (a.isInt() && b.isInt())
        return a.asInt() == b.asInt();
    return VM::current().equals(a, b);
}

int64_t DictTable::lookupSlot(const Value& key, int64_t hash) const
{
    size_t mask = index_.size() - 1;
    size_t i = size_t(hash) & mask;
    uint64_t perturb = uint64_t(hash);
    for (;;) {
        int32_t position = index_[i];
        if (position < 0)
            return -1 - int64_t(i);
        const Entry& e = entries_[size_t(position)];
        if (!e.key.isEmpty() && e.hash == hash && keysEqual(e.key, key))
            return int64_t(i);
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

Value* DictTable::find(const Value& key) const
{
    if (used_ == 0)
        return nullptr;
    int64_t hash = VM::current().hash(key);
    int64_t slot = lookupSlot(key, hash);
    if (slot < 0)
        return nullptr;
    return const_cast<Value*>(&entries_[size_t(index_[size_t(slot)])].value);
}

Value* DictTable::findStr(const StrObj* key) const
{
    if (used_ == 0)
        return nullptr;
    int64_t hash = key->hashValue();
    size_t mask = index_.size() - 1;
    size_t i = size_t(hash) & mask;
    uint64_t perturb = uint64_t(hash);
    for (;;) {
        int32_t position = index_[i];
        if (position < 0)
            return nullptr;
        const Entry& e = entries_[size_t(position)];
        if (e.hash == hash && e.key.isObject()) {
            Obj* k = e.key.asObject();
            if (k == key || (k->kind == ObjKind::Str && static_cast<StrObj*>(k)->text == key->text))
                return const_cast<Value*>(&e.value);
            if (k->kind != ObjKind::Str && keysEqual(e.key, Value::object(const_cast<StrObj*>(key))))
                return const_cast<Value*>(&e.value);
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

void DictTable::rebuild(size_t minCapacity)
{
    std::vector<Entry> live;
    live.reserve(used_ + 1);
    for (auto& e : entries_)
        if (!e.key.isEmpty())
            live.push_back(std::move(e));
    entries_ = std::move(live);
    size_t capacity = 8;
    while (capacity * 2 < minCapacity * 3)
        capacity *= 2;
    index_.assign(capacity, -1);
    size_t mask = capacity - 1;
    for (size_t p = 0; p < entries_.size(); ++p) {
        size_t i = size_t(entries_[p].hash) & mask;
        uint64_t perturb = uint64_t(entries_[p].hash);
        while (index_[i] >= 0) {
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
        index_[i] = int32_t(p);
    }
}

void DictTable::set(const Value& key, Value value)
{
    int64_t hash = VM::current().hash(key);
    if (index_.empty())
        rebuild(1);
    int64_t slot = lookupSlot(key, hash);
    if (slot >= 0) {
        entries_[size_t(index_[size_t(slot)])].value = std::move(value);
        return;
    }
    if ((entries_.size() + 1) * 3 > index_.size() * 2) {
        rebuild(used_ + 1 > 4 ? (used_ + 1) * 2 : 8);
        slot = lookupSlot(key, hash);
    }
    size_t i = size_t(-1 - slot);
    index_[i] = int32_t(entries_.size());
    entries_.push_back(Entry{hash, key, std::move(value)});
    ++used_;
    version_ = nextDictVersion();
    if (classDict_)
        invalidateClassLookups();
}

bool DictTable::erase(const Value& key, Value* removed)
{
    if (used_ == 0)
        return false;
    int64_t hash = VM::current().hash(key);
    int64_t slot = lookupSlot(key, hash);
    if (slot < 0)
        return false;
    Entry& e = entries_[size_t(index_[size_t(slot)])];
    if (removed)
        *removed = std::move(e.value);
    Value oldKey = std::move(e.key);
    e.key = Value();
    e.value = Value();
    --used_;
    version_ = nextDictVersion();
    if (classDict_)
        invalidateClassLookups();
    // The index keeps pointing at the dead entry so probe chains stay intact.
    if (used_ == 0) {
        entries_.clear();
        index_.assign(8, -1);
    }
    return true;
}

void DictTable::clear()
{
    std::vector<Entry> old;
    old.swap(entries_);
    index_.clear();
    used_ = 0;
    version_ = nextDictVersion();
    if (classDict_)
        invalidateClassLookups();
}

const DictTable::Entry* DictTable::next(size_t& position) const
{
    while (position < entries_.size()) {
        const Entry& e = entries_[position++];
        if (!e.key.isEmpty())
            return &e;
    }
    return nullptr;
}

bool DictTable::popLast(Value& key, Value& value)
{
    for (size_t p = entries_.size(); p-- > 0;) {
        if (!entries_[p].key.isEmpty()) {
            key = entries_[p].key;
            value = entries_[p].value;
            erase(key);
            return true;
        }
    }
    return false;
}

// -- Set table ---------------------------------------------------------------------------------

// CPython's setobject.c: LINEAR_PROBES slots are tried next to the home slot before the
// perturbed jump, which decides the iteration order of sets of small ints.
static constexpr size_t kLinearProbes = 9;

int64_t SetTable::findSlot(const Value& key, int64_t hash, bool forInsert) const
{
    size_t mask = slots_.size() - 1;
    uint64_t perturb = uint64_t(hash);
    size_t i = size_t(hash) & mask;
    int64_t freeSlot = -1;
    for (;;) {
        const Slot* s = &slots_[i];
        if (s->key.isEmpty() && s->hash == 0)
            return forInsert ? (freeSlot >= 0 ? -1 - freeSlot : -1 - int64_t(i)) : -1;
        if (s->key.isEmpty()) {
            if (freeSlot < 0)
                freeSlot = int64_t(i);
        } else if (s->hash == hash && keysEqual(s->key, key)) {
            return int64_t(i);
        }
        if (i + kLinearProbes <= mask) {
            for (size_t j = 1; j <= kLinearProbes; ++j) {
                s = &slots_[i + j];
                if (s->key.isEmpty() && s->hash == 0)
                    return forInsert ? (freeSlot >= 0 ? -1 - freeSlot : -1 - int64_t(i + j)) : -1;
                if (s->key.isEmpty()) {
                    if (freeSlot < 0)
                        freeSlot = int64_t(i + j);
                } else if (s->hash == hash && keysEqual(s->key, key)) {
                    return int64_t(i + j);
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// True when [key] has no hash of its own, only its identity's.
static bool hashedByIdentity(const Value& key, int64_t hash)
{
    return key.isObject() && hash == identityHash(key.asObject());
}

std::vector<Value> SetTable::keysInOrder() const
{
    std::vector<const Slot*> used;
    used.reserve(used_);
    for (const Slot& s : slots_)
        if (!s.key.isEmpty())
            used.push_back(&s);
    if (identityKeys_ > 0)
        std::sort(used.begin(), used.end(), [](const Slot* a, const Slot* b) { return a->seq < b->seq; });
    std::vector<Value> keys;
    keys.reserve(used.size());
    for (const Slot* s : used)
        keys.push_back(s->key);
    return keys;
}

bool SetTable::contains(const Value& key) const
{
    if (used_ == 0)
        return false;
    return findSlot(key, VM::current().hash(key), false) >= 0;
}

bool SetTable::add(const Value& key)
{
    int64_t hash = VM::current().hash(key);
    int64_t slot = findSlot(key, hash, true);
    if (slot >= 0)
        return false;
    Slot& s = slots_[size_t(-1 - slot)];
    bool wasDummy = s.hash == -1;
    s.key = key;
    s.hash = hash;
    s.seq = ++nextSeq_;
    if (hashedByIdentity(key, hash))
        ++identityKeys_;
    ++used_;
    if (!wasDummy) {
        ++fill_;
        if (fill_ * 5 >= (slots_.size() - 1) * 3)
            resize(used_ > 50000 ? used_ * 2 : used_ * 4);
    }
    return true;
}

bool SetTable::discard(const Value& key)
{
    if (used_ == 0)
        return false;
    int64_t slot = findSlot(key, VM::current().hash(key), false);
    if (slot < 0)
        return false;
    Slot& s = slots_[size_t(slot)];
    Value old = std::move(s.key);
    if (hashedByIdentity(old, s.hash))
        --identityKeys_;
    s.key = Value();
    s.hash = -1; // dummy
    --used_;
    return true;
}

void SetTable::resize(size_t minUsed)
{
    size_t newSize = 8;
    while (newSize <= minUsed)
        newSize <<= 1;
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(newSize, Slot{});
    fill_ = used_;
    size_t mask = newSize - 1;
    for (auto& s : old) {
        if (s.key.isEmpty())
            continue;
        // Insert into a table with no dummies and no equal keys: first empty slot wins.
        uint64_t perturb = uint64_t(s.hash);
        size_t i = size_t(s.hash) & mask;
        for (;;) {
            if (slots_[i].key.isEmpty())
                break;
            bool placed = false;
            if (i + kLinearProbes <= mask) {
                for (size_t j = 1; j <= kLinearProbes; ++j) {
                    if (slots_[i + j].key.isEmpty()) {
                        i += j;
                        placed = true;
                        break;
                    }
                }
            }
            if (placed)
                break;
            perturb >>= 5;
            i = (i * 5 + 1 + perturb) & mask;
        }
        slots_[i].hash = s.hash;
        slots_[i].key = std::move(s.key);
        slots_[i].seq = s.seq;
    }
}

void SetTable::clear()
{
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(8, Slot{});
    used_ = fill_ = identityKeys_ = 0;
}

} // namespace loopscope
