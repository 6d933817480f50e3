# send() resumes a generator with a value for the pending yield.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
acc = accumulator()
print(next(acc))
print(acc.send(5), acc.send(10))
try:
    acc.send(None)
except StopIteration:
    print("stopped")

# expect: 0
# expect: 5 15
# expect: stopped
