# expect error: RecursionError line 4
class Loop:
    def __str__(self):
        return str(self)

print(Loop())
