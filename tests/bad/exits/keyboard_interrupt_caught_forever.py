# expect error: RunawayTask line 5
# Loopscope-only: catching KeyboardInterrupt in a loop forever is a runaway, not a way out.
while True:
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
