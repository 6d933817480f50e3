# expect error: SyntaxError line 2
for i in range(3)
    print(i)
