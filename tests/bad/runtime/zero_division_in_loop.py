# expect error: ZeroDivisionError line 4
values = [2, 1, 0]
for v in values:
    print(10 // v)
