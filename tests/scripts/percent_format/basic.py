# printf-style formatting with a tuple.
print("%s is %d years old" % ("Ada", 36))
print("%s" % "single", "%r" % "quoted")
print("%d%%" % 50)

# expect: Ada is 36 years old
# expect: single 'quoted'
# expect: 50%
