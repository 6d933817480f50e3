# expect error: ModuleNotFoundError line 3
# A scenario cannot change the process's limits.
import resource
resource.setrlimit(resource.RLIMIT_AS, (1, 1))
