# The first matching except clause wins; a tuple matches any of its types.
def check(exc):
    try:
        raise exc
    except (KeyError, IndexError) as error:
        return "lookup " + type(error).__name__
    except ArithmeticError:
        return "arithmetic"
    except Exception:
        return "other"
print(check(KeyError()), check(IndexError()), check(ZeroDivisionError()), check(ValueError()))

# expect: lookup KeyError lookup IndexError arithmetic other
