# Importing a module that does not exist raises ModuleNotFoundError.
print("importing")
import no_such_module_here

# expect: importing
# expect error: ModuleNotFoundError
