# Chained comparisons as loop and filter conditions.
print([n for n in range(20) if 5 < n <= 9])
n = 0
while -1 < n < 3:
    n += 1
print(n)

# expect: [6, 7, 8, 9]
# expect: 3
