# expect error: MemoryError line 4
# Loopscope-only: joining a million kilobyte strings asks for a gigabyte at once.
parts = ["x" * 1000] * 10**6
text = "-".join(parts)
