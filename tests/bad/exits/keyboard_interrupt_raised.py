# expect error: KeyboardInterrupt line 4
# Loopscope-only exit status: CPython dies of SIGINT (status 130) after the traceback; Loopscope
# reports it like any uncaught exception and exits with status 1.
raise KeyboardInterrupt
