# expect error: RecursionError line 4
class Mirror:
    def __repr__(self):
        return repr(self)

print(Mirror())
