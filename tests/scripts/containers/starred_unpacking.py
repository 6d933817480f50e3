# Starred targets collect the rest into a list.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
a, *middle, z = range(2)
print(a, middle, z)
print([*range(3), *"ab"], {**{"a": 1}, "b": 2}, (*[1], 2))

# expect: 1 [2, 3, 4]
# expect: ['a', 'b'] c
# expect: 0 [] 1
# expect: [0, 1, 2, 'a', 'b'] {'a': 1, 'b': 2} (1, 2)
