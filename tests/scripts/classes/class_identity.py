# type(), __class__, __name__ and isinstance with tuples.
class A:
    pass
class B(A):
    pass
b = B()
print(type(b) is B, b.__class__.__name__, B.__bases__[0].__name__)
print(isinstance(b, (int, A)), isinstance(3, (str, float)), type(3).__name__)
print(isinstance(True, int), issubclass(bool, int), issubclass(B, object))

# expect: True B A
# expect: True False int
# expect: True True True
