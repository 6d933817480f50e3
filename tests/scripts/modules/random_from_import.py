# Importing functions from random shares the module's state.
from random import seed, random as rnd, randint
seed(99)
a = rnd()
import random
random.seed(99)
print(a == random.random(), randint(1, 1000))

# expect: True 205
