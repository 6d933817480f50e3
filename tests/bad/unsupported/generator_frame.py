# expect error: AttributeError line 6
# Generators expose no frame either.
def numbers():
    yield 1
gen = numbers()
print(gen.gi_frame.f_globals)
