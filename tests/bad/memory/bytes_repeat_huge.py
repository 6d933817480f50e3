# expect error: MemoryError line 3
# Loopscope-only: a terabyte of bytes in one step.
blob = b"\0" * 10**12
