# RecursionError can be caught and the program continues.
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0) > 500)

# expect: True
