# expect error: SyntaxError line 2
def f(a=1, b):
    return a + b
