# accumulate, groupby, zip_longest, takewhile and dropwhile.
import itertools
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print([(k, list(g)) for k, g in itertools.groupby("aabbbc")])
print(list(itertools.zip_longest("ab", [1], fillvalue="-")))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))

# expect: [1, 3, 6, 10] [1, 2, 6, 24]
# expect: [('a', ['a', 'a']), ('b', ['b', 'b', 'b']), ('c', ['c'])]
# expect: [('a', 1), ('b', '-')]
# expect: [1, 2] [5, 1]
