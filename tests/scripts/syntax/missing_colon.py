# A missing colon after an if condition is a SyntaxError on that line.
x = 1
print("never printed")
if x > 0
    print(x)

# expect error: SyntaxError line 4
