# +, *, in, comparison and slice assignment on lists.
a = [1, 2, 3]
print(a + [4], a * 2, 2 in a, 5 not in a)
a[1:2] = [20, 21, 22]
print(a)
del a[0]
print(a)
a[::2] = ["x", "y"]
print(a)
a += [99]
print(a)

# expect: [1, 2, 3, 4] [1, 2, 3, 1, 2, 3] True True
# expect: [1, 20, 21, 22, 3]
# expect: [20, 21, 22, 3]
# expect: ['x', 21, 'y', 3]
# expect: ['x', 21, 'y', 3, 99]
