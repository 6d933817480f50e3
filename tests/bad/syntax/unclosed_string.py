# expect error: SyntaxError line 2
print("the loop starts)
print("done")
