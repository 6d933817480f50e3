# expect error: SyntaxError line 2
minutes = 007
