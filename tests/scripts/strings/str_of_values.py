# str and repr of the basic values.
print(str(None), str(True), str(42), str(-3.5), str([1, "a"]), str((1,)))
print(repr(None), repr("s"), repr(b"bytes"), repr(1.0))

# expect: None True 42 -3.5 [1, 'a'] (1,)
# expect: None 's' b'bytes' 1.0
