# A class with only __getitem__ is iterable until IndexError.
class Squares:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(Squares()), 9 in Squares())

# expect: [0, 1, 4, 9] True
