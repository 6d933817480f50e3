# expect error: SyntaxError line 4
x = 1
print(x)
else:
    print("no")
