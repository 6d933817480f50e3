# __iter__ and __next__ make a class usable in for loops.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(3)))
for n in Countdown(2):
    print("tick", n)
print(sum(Countdown(4)))

# expect: [3, 2, 1]
# expect: tick 2
# expect: tick 1
# expect: 10
