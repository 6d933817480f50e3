# Slicing tuples and ranges keeps their type.
t = (0, 1, 2, 3, 4)
r = range(0, 20, 2)
print(t[1:4], t[::-2], r[2:5], list(r[::-3]), r[-1])
print("abcdef"[-2::-2], (1, 2, 3)[5:], list(range(5)[::-1]))

# expect: (1, 2, 3) (4, 2, 0) range(4, 10, 2) [18, 12, 6, 0] 18
# expect: eca () [4, 3, 2, 1, 0]
