# expect error: ModuleNotFoundError line 3
# Loopscope has no os module (SPEC.md section 2: a scenario never touches files or processes); CPython imports it.
import os
print(os.getcwd())
