# choice and sample on lists, strings and ranges.
import random
random.seed(123)
print(random.choice(["red", "green", "blue"]), random.choice(range(1000)))
print(random.sample(["a", "b", "c", "d"], 2), random.sample(range(10), 10))
print(random.sample(range(10 ** 6), 3))

# expect: red 274
# expect: ['a', 'b'] [4, 1, 0, 3, 9, 5, 2, 8, 7, 6]
# expect: [141618, 353597, 588211]
