# ExceptionGroup attributes, subgroup and split.
group = ExceptionGroup("batch", [KeyError("a"), ValueError("b"), KeyError("c")])
print(str(group), repr(group.message), len(group.exceptions))
keys = group.subgroup(lambda e: isinstance(e, KeyError))
print([repr(e) for e in keys.exceptions])
match, rest = group.split(ValueError)
print([repr(e) for e in match.exceptions], [repr(e) for e in rest.exceptions])
print(isinstance(group, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))

# expect: batch (3 sub-exceptions) 'batch' 3
# expect: ["KeyError('a')", "KeyError('c')"]
# expect: ["ValueError('b')"] ["KeyError('a')", "KeyError('c')"]
# expect: True True
