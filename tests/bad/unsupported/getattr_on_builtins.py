# expect error: AttributeError line 4
# Assembling a name at run time does not reach open() either.
name = "op" + "en"
getattr(__builtins__, name)("/etc/passwd")
