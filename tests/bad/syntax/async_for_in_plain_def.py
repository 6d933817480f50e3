# expect error: SyntaxError line 3
def consume(source):
    async for item in source:
        print(item)
