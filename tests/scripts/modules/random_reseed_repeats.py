# Seeding again replays the same numbers.
import random
random.seed(7)
first = [random.random() for _ in range(3)]
random.seed(7)
second = [random.random() for _ in range(3)]
print(first == second, first)

# expect: True [0.32383276483316237, 0.15084917392450192, 0.6509344730398537]
