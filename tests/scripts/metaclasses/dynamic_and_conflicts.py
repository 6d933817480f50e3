# type(name, bases, ns) honours the bases' metaclass; metaclass conflicts and __prepare__.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kwargs):
        print("new", name, kwargs)
        cls = super().__new__(mcs, name, bases, ns)
        cls.registry = getattr(cls, 'registry', []) + [name]
        return cls


class Base(metaclass=Meta):
    x = 1


Dynamic = type("Dynamic", (Base,), {"z": 3})
print(Dynamic.z, type(Dynamic).__name__, Dynamic.registry)
M2 = Meta("M2", (), {"w": 4}, extra=1)
print(M2.w, M2.registry)
try:
    class Bad(Base, unknown=1):
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

# expect: new Base {}
# expect: new Dynamic {}
# expect: 3 Meta ['Base', 'Dynamic']
# expect: new M2 {'extra': 1}
# expect: 4 ['M2']
# expect: new Bad {'unknown': 1}
# expect: TypeError: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases
# expect: prepare WithPrepare
# expect: True
