# expect error: RecursionError line 5
nested = []
for _ in range(100000):
    nested = [nested]
print(nested)
