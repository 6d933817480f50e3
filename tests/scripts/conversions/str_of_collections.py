# str of collections uses repr of their items.
print(str([1, "a"]), str({"k": "v"}), str(("x",)), str({1}))
print(list(str(123)), tuple("ab"), int("".join(["4", "2"])) + 1)

# expect: [1, 'a'] {'k': 'v'} ('x',) {1}
# expect: ['1', '2', '3'] ('a', 'b') 43
