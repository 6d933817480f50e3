# Two names for one list see the same changes; a copy does not.
a = [1, 2]
b = a
c = a[:]
a.append(3)
print(a, b, c, a is b, a is c, a == c + [3])
grid = [[0] * 2 for _ in range(2)]
grid[0][0] = 1
print(grid)

# expect: [1, 2, 3] [1, 2, 3] [1, 2] True False True
# expect: [[1, 0], [0, 0]]
