# expect error: RecursionError line 3
def again(n):
    return again(n + 1)
again(0)
