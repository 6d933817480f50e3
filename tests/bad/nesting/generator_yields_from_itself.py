# expect error: RecursionError line 3
def forever():
    yield from forever()

next(forever())
