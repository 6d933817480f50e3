# expect error: ModuleNotFoundError line 3
# gc would hand out every object of the engine.
import gc
gc.get_objects()
