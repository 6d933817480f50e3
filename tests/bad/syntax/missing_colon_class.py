# expect error: SyntaxError line 2
class Worker
    pass
