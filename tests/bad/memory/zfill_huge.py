# expect error: MemoryError line 3
# Loopscope-only: padding a string to a hundred billion characters.
print("7".zfill(10**11))
