# len on every container type and on range.
print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 3}), len(range(10)), len(b"xy"))

# expect: 3 2 1 1 3 10 2
