# property with getter, setter and validation.
class Account:
    def __init__(self):
        self._balance = 0
    @property
    def balance(self):
        return self._balance
    @balance.setter
    def balance(self, amount):
        if amount < 0:
            raise ValueError("negative balance")
        self._balance = amount
a = Account()
a.balance = 50
print(a.balance)
try:
    a.balance = -1
except ValueError as error:
    print("ValueError:", error)
print(a.balance)

# expect: 50
# expect: ValueError: negative balance
# expect: 50
