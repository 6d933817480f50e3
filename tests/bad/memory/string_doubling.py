# expect error: MemoryError line 5
# Loopscope-only: CPython doubles the string until the machine runs out of memory.
text = "spam"
while True:
    text = text + text
