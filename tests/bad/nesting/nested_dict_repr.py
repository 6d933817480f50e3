# expect error: RecursionError line 5
nested = {}
for i in range(100000):
    nested = {i: nested}
print(nested)
