# throw() raises an exception at the paused yield.
def resilient():
    while True:
        try:
            yield "ok"
        except ValueError as error:
            print("handled", error)
            yield "recovered"
g = resilient()
print(next(g))
print(g.throw(ValueError("boom")))
print(next(g))
try:
    g.throw(KeyError("fatal"))
except KeyError as error:
    print("propagated", repr(error))

# expect: ok
# expect: handled boom
# expect: recovered
# expect: ok
# expect: propagated KeyError('fatal')
