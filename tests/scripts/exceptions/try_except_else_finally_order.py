# else runs when no exception was raised; finally always runs last.
def attempt(fail):
    try:
        print("try")
        if fail:
            raise ValueError("bad")
    except ValueError as error:
        print("except", error)
    else:
        print("else")
    finally:
        print("finally")
attempt(False)
attempt(True)

# expect: try
# expect: else
# expect: finally
# expect: try
# expect: except bad
# expect: finally
