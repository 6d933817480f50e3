# expect error: SyntaxError line 2
delay = 1s
