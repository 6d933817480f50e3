# Slices with steps and negative indices on lists.
xs = list(range(10))
print(xs[2:8:2], xs[::-1], xs[-3:], xs[:-7], xs[8:2:-3], xs[::3])
print(xs[100:], xs[-100:1], xs[5:5])

# expect: [2, 4, 6] [9, 8, 7, 6, 5, 4, 3, 2, 1, 0] [7, 8, 9] [0, 1, 2] [8, 5] [0, 3, 6, 9]
# expect: [] [0] []
