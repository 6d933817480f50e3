# expect error: ModuleNotFoundError line 3
# Signals would reach the real process.
import signal
signal.alarm(1)
