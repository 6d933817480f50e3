# expect error: SyntaxError line 2
class = "A"
