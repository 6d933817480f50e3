# expect error: RecursionError line 2
again = lambda n: again(n + 1)
again(0)
