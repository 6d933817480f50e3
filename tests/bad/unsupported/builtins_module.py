# expect error: ModuleNotFoundError line 3
# There is no builtins module to reach open() or __import__ through.
import builtins
builtins.open("/etc/passwd")
