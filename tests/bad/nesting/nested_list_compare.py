# expect error: RecursionError line 6
a = []
b = []
for _ in range(100000):
    a, b = [a], [b]
print(a == b)
