# expect error: NameError line 3
# globals() is refused: nothing can rewrite the module's builtins.
globals()["__builtins__"] = {}
