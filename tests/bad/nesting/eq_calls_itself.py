# expect error: RecursionError line 4
class Selfish:
    def __eq__(self, other):
        return self == other

print(Selfish() == 1)
