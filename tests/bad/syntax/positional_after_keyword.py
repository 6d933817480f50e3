# expect error: SyntaxError line 4
def f(a, b):
    return a
f(a=1, 2)
