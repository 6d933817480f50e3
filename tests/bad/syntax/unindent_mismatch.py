# expect error: IndentationError line 4
def work():
        x = 1
    return x
