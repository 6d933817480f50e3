# A generator keeps its locals between resumptions.
def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fibonacci()
print([next(f) for _ in range(10)])

# expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
