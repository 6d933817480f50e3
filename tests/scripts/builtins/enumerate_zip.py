# enumerate with a start, zip stopping at the shortest input.
print(list(enumerate("ab")), list(enumerate("ab", start=1)))
print(list(zip([1, 2, 3], "xy")), list(zip()))
print(dict(zip(["a", "b"], [1, 2])))
names, ages = zip(*[("ann", 30), ("bo", 25)])
print(names, ages)

# expect: [(0, 'a'), (1, 'b')] [(1, 'a'), (2, 'b')]
# expect: [(1, 'x'), (2, 'y')] []
# expect: {'a': 1, 'b': 2}
# expect: ('ann', 'bo') (30, 25)
