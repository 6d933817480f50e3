# expect error: SyntaxError line 2
names = ["a" "b", 1 2]
