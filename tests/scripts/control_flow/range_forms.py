# range with one, two and three arguments, including negative steps.
print(list(range(5)), list(range(2, 6)), list(range(10, 0, -3)))
print(list(range(0)), list(range(5, 2)), len(range(0, 100, 7)))
r = range(1, 10, 2)
print(r, r[2], r[-1], 7 in r, 8 in r)

# expect: [0, 1, 2, 3, 4] [2, 3, 4, 5] [10, 7, 4, 1]
# expect: [] [] 15
# expect: range(1, 10, 2) 5 9 True False
