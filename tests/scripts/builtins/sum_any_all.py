# sum with a start, any and all short-circuiting.
print(sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101), 10))
print(any([]), all([]), any([0, "", 3]), all([1, "x", 0]))
print(any(x > 3 for x in range(10)), all(x < 3 for x in range(10)))

# expect: 6 0.9999999999999999 [1, 2] 5060
# expect: False True True False
# expect: True False
