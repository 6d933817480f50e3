# expect error: SyntaxError line 3
for i in range(2):
    yield i
