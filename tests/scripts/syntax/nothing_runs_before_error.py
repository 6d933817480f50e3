# A syntax error anywhere stops the whole file before any line runs.
print("this line is never printed")
def ok():
    return 1
print(ok())
x = (1 +)

# expect error: SyntaxError line 6
