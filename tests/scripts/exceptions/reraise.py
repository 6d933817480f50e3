# A bare raise re-raises the current exception.
def risky():
    try:
        {}["missing"]
    except KeyError:
        print("logging and re-raising")
        raise
try:
    risky()
except KeyError as error:
    print("outer caught", repr(error))

# expect: logging and re-raising
# expect: outer caught KeyError('missing')
