# expect error: SyntaxError line 2
print("one"))
