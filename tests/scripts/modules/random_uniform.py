# uniform(a, b) is a + (b - a) * random().
import random
random.seed(3)
print([random.uniform(1, 2) for _ in range(3)], random.uniform(10, -10))

# expect: [1.2379646270918914, 1.5442292252959517, 1.3699551665480794] -2.0784007719238886
