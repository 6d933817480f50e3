# expect error: SyntaxError line 3
def f():
    continue
