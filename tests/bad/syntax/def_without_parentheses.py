# expect error: SyntaxError line 2
def main:
    pass
