# Iterating a dict yields keys; items unpack into pairs.
prices = {"apple": 3, "pear": 5}
for fruit in prices:
    print(fruit)
for fruit, price in prices.items():
    print(fruit, price)
print(sorted(prices.values()), prices.keys() == {"pear", "apple"})

# expect: apple
# expect: pear
# expect: apple 3
# expect: pear 5
# expect: [3, 5] True
