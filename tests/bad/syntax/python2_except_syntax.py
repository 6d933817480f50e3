# expect error: SyntaxError line 4
try:
    pass
except ValueError, TypeError:
    pass
