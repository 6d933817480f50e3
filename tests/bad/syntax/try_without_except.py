# expect error: SyntaxError line 4
try:
    x = 1
print(x)
