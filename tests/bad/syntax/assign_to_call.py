# expect error: SyntaxError line 4
def f():
    return 1
f() = 2
