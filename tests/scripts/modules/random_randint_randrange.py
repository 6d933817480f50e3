# randint and randrange over several ranges.
import random
random.seed(2024)
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(10) for _ in range(5)], [random.randrange(5, 50, 5) for _ in range(5)])
print(random.randint(0, 10 ** 12), random.randrange(-100, 100))

# expect: [4, 2, 6, 5, 3, 2, 6, 4, 6, 3]
# expect: [8, 3, 7, 5, 6] [45, 20, 25, 45, 30]
# expect: 83834973003 87
