# A thousand draws keep CPython's exact Mersenne Twister state.
import random
random.seed(2023)
draws = [random.random() for _ in range(1000)]
print(draws[0], draws[499], draws[-1])
print(sum(draws), max(random.randint(0, 999) for _ in range(1000)))

# expect: 0.3829219244542088 0.5885341201012843 0.11699777275354872
# expect: 506.74538120868567 997
