# except* splits an ExceptionGroup by type.
try:
    raise ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
except* ValueError as group:
    print("values:", [str(e) for e in group.exceptions])
except* TypeError as group:
    print("types:", [str(e) for e in group.exceptions])

# expect: values: ['v1', 'v2']
# expect: types: ['t1']
