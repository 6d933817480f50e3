#pragma once
// Value: what a Python variable holds. 16 bytes, tagged; None, bools, ints and floats live
// inline (no heap allocation), everything else is a reference-counted Obj. Value owns one
// reference to its object: copying increments, destruction decrements, so objects are freed
// deterministically the moment the last reference goes, as in CPython.

#include <cstddef>
#include <cstdint>
#include <utility>

namespace loopscope {

struct ClassObj;

// What kind of object a heap value is; lets hot paths test types without virtual calls.
enum class ObjKind : uint8_t {
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    NativeFunction,
    BoundMethod,
    Class,
    Instance,
    Exception,
    Module,
    Cell,
    Code,
    Generator,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    DictView,
    Iterator,
    Native,
    BigInt, // an int beyond int64_t (bigint.h)
};

// The header of every heap object. Objects are reference counted (intrusively, like CPython);
// reference cycles, which counting cannot free, are released when the run ends: freeAllObjects
// (object.cpp) finds every object still alive in the slabs that hold objects (slab_pool.h), so
// an object carries no links for it. Its first word must stay the vtable pointer (that is how
// a live block is told from a freed one).
struct Obj {
    explicit Obj(ObjKind k, ClassObj* c);
    virtual ~Obj();
    Obj(const Obj&) = delete;
    Obj& operator=(const Obj&) = delete;

    // Allocation is counted for the memory budget (Budgets::memoryBytes).
    static void* operator new(size_t bytes);
    static void operator delete(void* p, size_t bytes);

    // Runs before the object is freed, when [hasFinalizer] is set (an asyncio future whose
    // exception nobody retrieved reports it): CPython's tp_finalize. It may run Python code and
    // may hand out new references, which keep the object alive (releaseObject).
    virtual void finalize() {}

    uint32_t refcount = 0;
    ObjKind kind;
    bool hasFinalizer = false;
    bool weaklyReferenced = false; // some weakref.ref points here (builtins/weakref_module.cpp)
    ClassObj* cls; // the object's type; user classes are kept alive by the VM until the run ends
};

void releaseObject(Obj* object); // object.cpp: frees [object] once its count reaches 0

// hash() of an object hashed by identity (no __hash__ of its own), as CPython derives it from
// the address. Sets recognise such keys by it, to iterate them in insertion order.
inline int64_t identityHash(const Obj* object)
{
    return int64_t(reinterpret_cast<uintptr_t>(object) >> 4);
}

enum class Tag : uint8_t {
    Empty, // no value: an unbound local, a dict tombstone, a missing "self" for CALL_METHOD
    None,
    Bool,
    Int,
    Float,
    Object,
};

class Value {
  public:
    Value() : tag_(Tag::Empty) { bits_.i = 0; }
    static Value none() { return Value(Tag::None); }
    static Value boolean(bool b)
    {
        Value v(Tag::Bool);
        v.bits_.i = b ? 1 : 0;
        return v;
    }
    static Value integer(int64_t i)
    {
        Value v(Tag::Int);
        v.bits_.i = i;
        return v;
    }
    static Value floating(double d)
    {
        Value v(Tag::Float);
        v.bits_.f = d;
        return v;
    }
    // Takes a new reference to [object] (which may be fresh, refcount 0).
    static Value object(Obj* object)
    {
        Value v(Tag::Object);
        v.bits_.o = object;
        ++object->refcount;
        return v;
    }

    // The copy, the destructor and clear() are on every hot path of the VM too: always inlined.
    [[gnu::always_inline]] Value(const Value& other) : tag_(other.tag_), bits_(other.bits_) { retain(); }
    Value(Value&& other) noexcept : tag_(other.tag_), bits_(other.bits_) { other.tag_ = Tag::Empty; }
    // Assignments are on every hot path of the VM: always inlined (GCC otherwise outlines them
    // because of the release call), with the old value released after the new one is in place.
    [[gnu::always_inline]] Value& operator=(const Value& other)
    {
        other.retain();
        const Tag oldTag = tag_;
        const Bits oldBits = bits_;
        tag_ = other.tag_;
        bits_ = other.bits_;
        releaseRaw(oldTag, oldBits);
        return *this;
    }
    [[gnu::always_inline]] Value& operator=(Value&& other) noexcept
    {
        if (this != &other) {
            const Tag oldTag = tag_;
            const Bits oldBits = bits_;
            tag_ = other.tag_;
            bits_ = other.bits_;
            other.tag_ = Tag::Empty;
            releaseRaw(oldTag, oldBits);
        }
        return *this;
    }
    [[gnu::always_inline]] ~Value() { release(); }
    void swap(Value& other) noexcept
    {
        std::swap(tag_, other.tag_);
        std::swap(bits_, other.bits_);
    }
    [[gnu::always_inline]] void clear()
    {
        const Tag oldTag = tag_;
        tag_ = Tag::Empty;
        releaseRaw(oldTag, bits_);
    }

    Tag tag() const { return tag_; }
    bool isEmpty() const { return tag_ == Tag::Empty; }
    bool isNone() const { return tag_ == Tag::None; }
    bool isBool() const { return tag_ == Tag::Bool; }
    bool isInt() const { return tag_ == Tag::Int; }
    bool isFloat() const { return tag_ == Tag::Float; }
    bool isObject() const { return tag_ == Tag::Object; }
    // Int or Bool: Python's bool is a subclass of int.
    bool isIntLike() const { return tag_ == Tag::Int || tag_ == Tag::Bool; }
    bool isNumber() const { return tag_ == Tag::Int || tag_ == Tag::Bool || tag_ == Tag::Float; }

    bool asBool() const { return bits_.i != 0; }
    int64_t asInt() const { return bits_.i; } // also valid for Bool (0 or 1)
    double asFloat() const { return bits_.f; }
    double toDouble() const { return tag_ == Tag::Float ? bits_.f : double(bits_.i); }
    Obj* asObject() const { return bits_.o; }
    template <class T> T* as() const { return static_cast<T*>(bits_.o); }

    // Identity, as Python's `is`.
    bool is(const Value& other) const
    {
        if (tag_ != other.tag_)
            return false;
        if (tag_ == Tag::Float)
            return bits_.i == other.bits_.i;
        return tag_ == Tag::None || tag_ == Tag::Empty || bits_.i == other.bits_.i;
    }

    // A Value in two parts, for the fields of objects that exist by the 100k and have a spare
    // byte for the tag (FutureObj: 8 bytes a field where a Value takes 16). takeParts hands
    // over the reference with the parts and leaves this empty; fromParts takes one over;
    // copyOfParts takes a new one; assignParts replaces what the parts hold.
    int64_t takeParts(Tag& tag)
    {
        tag = tag_;
        tag_ = Tag::Empty;
        return bits_.i;
    }
    static Value fromParts(Tag tag, int64_t bits)
    {
        Value v(tag);
        v.bits_.i = bits;
        return v;
    }
    static Value copyOfParts(Tag tag, int64_t bits)
    {
        Value v = fromParts(tag, bits);
        v.retain();
        return v;
    }
    // Stores [v] in the parts, releasing what they held once [v] is in (as operator= does).
    static void assignParts(Tag& tag, int64_t& bits, Value v)
    {
        Value old = fromParts(tag, bits);
        bits = v.takeParts(tag);
    }

  private:
    explicit Value(Tag tag) : tag_(tag) { bits_.i = 0; }
    [[gnu::always_inline]] void retain() const
    {
        if (tag_ == Tag::Object)
            ++bits_.o->refcount;
    }
    [[gnu::always_inline]] void release()
    {
        if (tag_ == Tag::Object && --bits_.o->refcount == 0)
            releaseObject(bits_.o);
    }
    union Bits {
        int64_t i;
        double f;
        Obj* o;
    };
    [[gnu::always_inline]] static void releaseRaw(Tag tag, Bits bits)
    {
        if (tag == Tag::Object && --bits.o->refcount == 0)
            releaseObject(bits.o);
    }

    Tag tag_;
    Bits bits_;
};
static_assert(sizeof(Value) == 16, "Value must stay at 16 bytes");

// One held reference to an object, or none, in 8 bytes: for the fields of objects that exist by
// the 100k (a coroutine's names, a task's coroutine and the future it waits on), where a Value's
// 16 bytes add up. Reads as a Value where one is needed.
class ObjRef {
  public:
    ObjRef() = default;
    ObjRef(const ObjRef&) = delete;
    ObjRef& operator=(const ObjRef&) = delete;
    ~ObjRef() { set(nullptr); }

    // Holds [v]'s object (a Value that is no object holds nothing).
    ObjRef& operator=(const Value& v)
    {
        set(v.isObject() ? v.asObject() : nullptr);
        return *this;
    }
    bool isEmpty() const { return object_ == nullptr; }
    Obj* get() const { return object_; }
    template <class T> T* as() const { return static_cast<T*>(object_); }
    Value value() const { return object_ ? Value::object(object_) : Value(); }
    operator Value() const { return value(); }

  private:
    void set(Obj* object)
    {
        if (object)
            ++object->refcount;
        Obj* old = object_;
        object_ = object;
        if (old && --old->refcount == 0)
            releaseObject(old);
    }
    Obj* object_ = nullptr;
};

} // namespace loopscope
