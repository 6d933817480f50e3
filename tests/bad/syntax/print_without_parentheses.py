# expect error: SyntaxError line 3
name = "loop"
print "hello", name
