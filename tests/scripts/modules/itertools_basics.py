# count, cycle, repeat, islice and chain.
import itertools
print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.islice(itertools.cycle("ab"), 5)))
print(list(itertools.repeat("x", 3)), list(itertools.chain([1, 2], "ab", range(2))))
print(list(itertools.chain.from_iterable([[1], [2, 3]])))

# expect: [10, 15, 20, 25]
# expect: ['a', 'b', 'a', 'b', 'a']
# expect: ['x', 'x', 'x'] [1, 2, 'a', 'b', 0, 1]
# expect: [1, 2, 3]
