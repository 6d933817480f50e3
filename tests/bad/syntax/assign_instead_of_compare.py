# expect error: SyntaxError line 3
count = 3
if count = 3:
    print("three")
