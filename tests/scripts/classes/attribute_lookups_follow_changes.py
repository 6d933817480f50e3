# The same attribute and method lookups, repeated after the classes, instances and modules they
# read change: every answer must follow the change.
import math

class A:
    def f(self):
        return "A.f"

def call_f(obj):
    return obj.f()

a = A()
print(call_f(a), call_f(a))
A.f = lambda self: "patched"
print(call_f(a))
a.f = lambda: "instance"
print(call_f(a))
del a.f
print(call_f(a))

class B:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def get_y(obj):
    return obj.y

b = B(1, 2)
print(get_y(b), get_y(B(3, 4)))
c = B(5, 6)
del c.x
c.z = 7
print(get_y(c))

class P(B):
    @property
    def y(self):
        return "property"

    @y.setter
    def y(self, value):
        pass

print(get_y(P(1, 2)), get_y(b))
B.y = property(lambda self: "class property")
print(get_y(b))

def pi():
    return math.pi

print(pi())
math.pi = 3
print(pi())
del math.pi
try:
    pi()
except AttributeError as error:
    print("AttributeError", error)

# expect: A.f A.f
# expect: patched
# expect: instance
# expect: patched
# expect: 2 4
# expect: 6
# expect: property 2
# expect: class property
# expect: 3.141592653589793
# expect: 3
# expect: AttributeError module 'math' has no attribute 'pi'
