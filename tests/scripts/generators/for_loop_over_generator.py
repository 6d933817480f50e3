# for loops drive generators until StopIteration.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
for value in countdown(3):
    print(value)
print(sum(countdown(100)), list(countdown(0)))

# expect: 3
# expect: 2
# expect: 1
# expect: 5050 []
