# expect error: MemoryError line 6
# Loopscope-only: a dict filled with distinct keys forever.
table = {}
i = 0
while True:
    table[i] = str(i) * 1000
    i += 1
