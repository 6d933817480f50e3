# expect error: IndexError line 7
# The classic sandbox escape walks from a tuple to object's subclasses in search of one whose
# module holds os or open. Loopscope's classes hold nothing of the machine: the walk finds
# nothing, and the program fails on its own index.
wanted = [cls for cls in ().__class__.__base__.__subclasses__()
          if cls.__name__ in ("catch_warnings", "Popen", "FileLoader")]
wanted[0]
