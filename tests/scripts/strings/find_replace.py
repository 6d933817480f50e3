# Searching and replacing.
s = "the cat sat on the mat"
print(s.find("at"), s.rfind("at"), s.find("dog"))
print(s.index("on"), s.count("at"), s.count("the"))
print(s.replace("at", "og"), s.replace("the", "a", 1))
print(s.startswith("the"), s.endswith(("mat", "hat")), s.startswith("cat", 4))

# expect: 5 20 -1
# expect: 12 3 2
# expect: the cog sog on the mog a cat sat on the mat
# expect: True True True
