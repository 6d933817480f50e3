# is checks identity, == checks equality.
a = [1]
b = [1]
print(a == b, a is b, a is a, None is None, 1 == 1.0, True == 1)
x = None
print(x is None, x is not None, x == None)

# expect: True False True True True True
# expect: True False True
