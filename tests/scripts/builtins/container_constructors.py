# list, tuple, dict, set and frozenset constructors from iterables.
print(list("ab"), tuple(range(3)), dict([(1, 2)]), set([1, 1, 2]), frozenset())
print(list({"k": 1}), tuple({"x": 0}.items()), dict({"a": 1}, b=2))
print(sorted(frozenset([3, 1])), frozenset([1]) | {2})

# expect: ['a', 'b'] (0, 1, 2) {1: 2} {1, 2} frozenset()
# expect: ['k'] (('x', 0),) {'a': 1, 'b': 2}
# expect: [1, 3] frozenset({1, 2})
