# Tuples: packing, single-element tuples, methods, immutability.
t = 1, 2, 3
print(t, (1,), (), tuple([4, 5]))
print(t.index(2), t.count(3), t + (4,), t * 2)
try:
    t[0] = 9
except TypeError as error:
    print(error)

# expect: (1, 2, 3) (1,) () (4, 5)
# expect: 1 1 (1, 2, 3, 4) (1, 2, 3, 1, 2, 3)
# expect: 'tuple' object does not support item assignment
