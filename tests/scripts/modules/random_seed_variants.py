# Negative and large integer seeds, and big ranges that need more than 32 random bits.
import random
random.seed(-5)
a = random.random()
random.seed(5)
print(a == random.random(), a)
random.seed(2 ** 40 + 3)
print(random.random(), random.randrange(2 ** 40), random.randint(-2 ** 35, 2 ** 35))

# expect: True 0.6229016948897019
# expect: 0.21978710637116716 669935018357 24799424018
