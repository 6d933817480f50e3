# map and filter return lazy iterators.
print(list(map(str.upper, ["a", "b"])), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(filter(lambda n: n % 2, range(6))), list(filter(None, [0, 1, "", "x", None])))
m = map(abs, [-1])
print(type(m).__name__, next(m))

# expect: ['A', 'B'] [3, 8]
# expect: [1, 3, 5] [1, 'x']
# expect: map 1
