# expect error: SyntaxError line 4
def outer():
    def inner():
        nonlocal missing
        missing = 1
    inner()
