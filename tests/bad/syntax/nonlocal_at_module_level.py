# expect error: SyntaxError line 3
x = 1
nonlocal x
