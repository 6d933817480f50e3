# expect error: ModuleNotFoundError line 4
# Loopscope has no subprocess module; CPython imports it.
import asyncio
import subprocess
subprocess.run(["ls"])
