# expect error: SyntaxError line 2
5 = x
