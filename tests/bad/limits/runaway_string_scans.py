# expect error: RunawayTask line 5
# Loopscope-only: each scan of a 10 MB string costs instructions, so scanning forever ends.
text = "x" * 10**7
while True:
    text.find("y")
