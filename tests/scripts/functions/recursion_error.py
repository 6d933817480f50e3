# Unbounded recursion ends in RecursionError.
def forever(n):
    return forever(n + 1)
print("start")
forever(0)

# expect: start
# expect error: RecursionError
