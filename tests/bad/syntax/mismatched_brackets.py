# expect error: SyntaxError line 2
values = [1, 2, 3)
