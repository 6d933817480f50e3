# weakref: a reference that does not keep its object alive; weak dictionaries and sets forget
# objects once nothing else holds them.
import weakref


class Session:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Session({self.name})"


a = Session("a")
ref = weakref.ref(a)
print(ref() is a, ref(), weakref.getweakrefcount(a))
sessions = weakref.WeakValueDictionary()
sessions["a"] = a
b = Session("b")
sessions["b"] = b
print(len(sessions), sorted(sessions.keys()), sessions.get("a"))
del a
print(ref(), len(sessions), list(sessions.keys()), "a" in sessions)
live = weakref.WeakSet([b])
print(len(live), b in live)
del b
print(len(live), len(sessions))
try:
    weakref.ref(5)
except TypeError as error:
    print(error)

# expect: True Session(a) 1
# expect: 2 ['a', 'b'] Session(a)
# expect: None 1 ['b'] False
# expect: 1 True
# expect: 0 0
# expect: cannot create weak reference to 'int' object
