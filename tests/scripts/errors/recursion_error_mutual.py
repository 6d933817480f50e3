# Mutual recursion without a base case exhausts the stack.
def ping(n):
    return pong(n + 1)
def pong(n):
    return ping(n + 1)
ping(0)

# expect error: RecursionError
