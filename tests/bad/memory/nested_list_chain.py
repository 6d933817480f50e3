# expect error: MemoryError line 5
# Loopscope-only: a chain of one-element lists, each holding the last, grows without end.
chain = []
while True:
    chain = [chain, "x" * 100]
