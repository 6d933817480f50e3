# KeyError messages hold the repr of the key.
for key in ["name", 3, ("a", 1)]:
    try:
        {}[key]
    except KeyError as error:
        print(repr(error), str(error))

# expect: KeyError('name') 'name'
# expect: KeyError(3) 3
# expect: KeyError(('a', 1)) ('a', 1)
