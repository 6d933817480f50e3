# expect error: SyntaxError line 4
x = 1
if x:
    break
