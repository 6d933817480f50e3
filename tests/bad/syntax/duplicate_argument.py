# expect error: SyntaxError line 2
def f(a, b, a):
    return a
