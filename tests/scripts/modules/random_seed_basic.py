# random with a seed gives CPython's exact sequence.
import random
random.seed(42)
print(random.random(), random.randint(1, 10), random.choice("abcdef"), random.sample(range(100), 5))

# expect: 0.6394267984578837 1 f [35, 31, 28, 17, 94]
