# An uncaught user exception reports its class name and message.
class BudgetExceeded(Exception):
    pass
print("spending")
raise BudgetExceeded("over by 3")

# expect: spending
# expect error: BudgetExceeded: over by 3
