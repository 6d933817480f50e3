# expect error: MemoryError line 4
# Ints have no size limit, but one result of billions of bits would take CPython minutes and
# gigabytes: Loopscope stops at once with MemoryError (no single operation may run for long).
digits = 7 ** 10 ** 9
print(len(str(digits)))
