# expect error: SyntaxError line 2
d = {"a": 1, "b"}
