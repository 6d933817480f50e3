# expect error: GeneratorExit line 5
# Loopscope-only exit status: an uncaught GeneratorExit is reported like any other exception.
def close_everything():
    raise GeneratorExit
close_everything()
