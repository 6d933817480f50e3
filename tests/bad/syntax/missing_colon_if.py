# expect error: SyntaxError line 3
x = 3
if x > 2
    print("big")
