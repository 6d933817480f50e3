# What except* does not handle propagates as a smaller group.
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handled ValueError")
except ExceptionGroup as rest:
    print("rest:", [type(e).__name__ for e in rest.exceptions])

# expect: handled ValueError
# expect: rest: ['KeyError']
