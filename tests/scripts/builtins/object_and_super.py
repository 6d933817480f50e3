# object() instances and super() with explicit arguments.
o = object()
print(type(o).__name__, o == o, isinstance(o, object))
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super(B, self).who()
print(B().who())

# expect: object True True
# expect: B>A
