# The loop variable keeps its last value after the loop.
for i in range(4):
    pass
print(i)
for ch in "xyz":
    last = ch
print(last)

# expect: 3
# expect: z
