# Raising something that is not an exception is a TypeError.
raise "text"

# expect error: TypeError: exceptions must derive from BaseException
