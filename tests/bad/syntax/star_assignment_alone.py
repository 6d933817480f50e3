# expect error: SyntaxError line 2
*rest = [1, 2, 3]
