# expect error: AttributeError line 6
# Bytecode cannot be read or forged through a code object.
def nothing():
    pass
code = nothing.__code__
print(code.co_code)
