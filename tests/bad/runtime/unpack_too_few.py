# expect error: ValueError line 2
a, b, c = (1, 2)
