# Infinite generators combined with itertools.islice.
import itertools
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(itertools.islice(naturals(), 5)))
print(list(itertools.islice(naturals(), 2, 10, 3)))

# expect: [0, 1, 2, 3, 4]
# expect: [2, 5, 8]
