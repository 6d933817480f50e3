# expect error: SyntaxError line 3
total = 5
return total
