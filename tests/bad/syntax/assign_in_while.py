# expect error: SyntaxError line 3
n = 0
while n = 0:
    n += 1
