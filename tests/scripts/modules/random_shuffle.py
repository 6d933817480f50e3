# shuffle reorders a list in place exactly as CPython does.
import random
random.seed(1)
deck = list(range(10))
random.shuffle(deck)
print(deck)
words = ["a", "b", "c", "d", "e"]
random.shuffle(words)
print(words)

# expect: [6, 8, 9, 7, 5, 3, 0, 4, 1, 2]
# expect: ['c', 'd', 'e', 'a', 'b']
