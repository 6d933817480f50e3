# seed(0) is the sequence a run starts with when no seed is given.
import random
random.seed(0)
print([round(random.random(), 6) for _ in range(3)], random.randint(1, 100))

# expect: [0.844422, 0.757954, 0.420572] 34
