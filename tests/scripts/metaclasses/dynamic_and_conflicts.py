# type(name, bases, ns) honours the bases' metaclass; metaclass conflicts and __prepare__.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kwargs):
        print("new", name)
        cls = super().__new__(mcs, name, bases, ns)
        cls.registry = getattr(cls, 'registry', []) + [name]
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)

    def __len__(cls):
        return len(cls.registry)

    def __iter__(cls):
        return iter(cls.registry)

    def __getitem__(cls, key):
        return cls.registry[key]

    def __contains__(cls, item):
        return item in cls.registry

    def __repr__(cls):
        return f"<Meta class {cls.__name__}>"

    def describe(cls):
        return f"{cls.__name__} with {len(cls)}"

    @property
    def size(cls):
        return len(cls.registry)




class Base(metaclass=Meta):
    x = 1


Dynamic = type("Dynamic", (Base,), {"z": 3})
print(Dynamic.z, type(Dynamic).__name__, Dynamic.registry)
M2 = Meta("M2", (), {"w": 4}, extra=1)
print(M2.w, M2.registry)
try:
    class Bad(Base, Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)

class M1(type): pass
class M3(type): pass
class P(metaclass=M1): pass
class Q(metaclass=M3): pass
try:
    class R(P, Q): pass
except TypeError as e:
    print("TypeError:", e)

class Meta4(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name)
        return {"prepared": True}

class WithPrepare(metaclass=Meta4):
    pass
print(WithPrepare.prepared)

# expect: new Base
# expect: Meta.__init__ Base
# expect: new Dynamic
# expect: Meta.__init__ Dynamic
# expect: 3 Meta ['Base', 'Dynamic']
# expect: new M2
# expect: Meta.__init__ M2
# expect: 4 ['M2']
# expect error: NameError: name 'Plugin' is not defined
