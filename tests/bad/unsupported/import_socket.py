# expect error: ModuleNotFoundError line 3
# Loopscope has no socket module; CPython imports it.
import socket
print(socket.gethostname())
