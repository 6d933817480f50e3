# expect error: MemoryError line 5
# Loopscope-only: a list that never stops growing.
items = []
while True:
    items.append([len(items)] * 100)
