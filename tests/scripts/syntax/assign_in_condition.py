# = where == was meant is a SyntaxError.
x = 3
if x = 3:
    print("three")

# expect error: SyntaxError line 3
