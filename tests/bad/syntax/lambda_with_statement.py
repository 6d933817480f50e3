# expect error: SyntaxError line 2
f = lambda x: return x
