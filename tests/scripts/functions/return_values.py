# No return gives None; several values come back as a tuple.
def nothing():
    pass
def pair():
    return 1, "b"
def early(x):
    if x:
        return "early"
    return "late"
print(nothing(), pair(), early(True), early(False))

# expect: None (1, 'b') early late
