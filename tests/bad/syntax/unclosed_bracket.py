# expect error: SyntaxError line 2
delays = [1, 2, 3
print(delays)
