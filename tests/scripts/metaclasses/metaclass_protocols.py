# A metaclass's __new__/__init__ see the class being made; its dunder methods give the
# class itself len(), iteration, subscripts, `in`, repr, methods and properties.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kwargs):
        print("Meta.__new__", mcs.__name__, name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith('__')), kwargs)
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

class Child(Base, flavor="sour"):
    y = 2

print(type(Base).__name__, type(Child) is Meta, isinstance(Child, Meta), isinstance(Child, type))
print(len(Child), list(Child), Child[0], 'Base' in Child, 'Zed' in Child, repr(Child), Child.describe(), Child.size)
print(Child.x, Child.y, Child().x, Base.registry)

# expect: Meta.__new__ Meta Base [] ['x'] {}
# expect: Meta.__init__ Base
# expect: Meta.__new__ Meta Child ['Base'] ['y'] {'flavor': 'sour'}
# expect: Meta.__init__ Child
# expect: Meta True True True
# expect: 2 ['Base', 'Child'] Base True False <Meta class Child> Child with 2 2
# expect: 1 2 1 ['Base']
