# expect error: SyntaxError line 2
x = 1 +
