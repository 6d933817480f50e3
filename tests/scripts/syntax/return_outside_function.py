# return at module level is a SyntaxError.
print("start")
return 5

# expect error: SyntaxError line 3
