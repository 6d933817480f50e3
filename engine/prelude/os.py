# os for Loopscope: a harmless subset. A scenario sees a POSIX machine with an empty
# environment and one process; whatever would touch the real machine (files, directories,
# processes, the current directory) raises a clear error instead.
import posixpath as path

name = 'posix'
sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
curdir = path.curdir
pardir = path.pardir
defpath = path.defpath
devnull = path.devnull
linesep = '\n'
F_OK, R_OK, W_OK, X_OK = 0, 4, 2, 1
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2

error = OSError


class _Environ(dict):
    def __repr__(self):
        return f'environ({dict(self)!r})'

    def copy(self):
        return dict(self)


environ = _Environ()


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    environ[key] = value


def unsetenv(key):
    environ.pop(key, None)


def getpid():
    return 4242


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    fs = getattr(type(p), '__fspath__', None)
    if fs is None:
        raise TypeError(f'expected str, bytes or os.PathLike object, not {type(p).__name__}')
    return fs(p)


class PathLike:
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        return hasattr(subclass, '__fspath__')


def _unavailable(name):
    return path._unavailable(name, f'os.{name}', 'touch files, processes or the machine')


getcwd = _unavailable('getcwd')
getcwdb = _unavailable('getcwdb')
chdir = _unavailable('chdir')
listdir = _unavailable('listdir')
scandir = _unavailable('scandir')
walk = _unavailable('walk')
mkdir = _unavailable('mkdir')
makedirs = _unavailable('makedirs')
remove = _unavailable('remove')
unlink = _unavailable('unlink')
rmdir = _unavailable('rmdir')
removedirs = _unavailable('removedirs')
rename = _unavailable('rename')
renames = _unavailable('renames')
replace = _unavailable('replace')
stat = _unavailable('stat')
lstat = _unavailable('lstat')
chmod = _unavailable('chmod')
chown = _unavailable('chown')
access = _unavailable('access')
open = _unavailable('open')
close = _unavailable('close')
read = _unavailable('read')
write = _unavailable('write')
pipe = _unavailable('pipe')
dup = _unavailable('dup')
dup2 = _unavailable('dup2')
system = _unavailable('system')
popen = _unavailable('popen')
fork = _unavailable('fork')
kill = _unavailable('kill')
killpg = _unavailable('killpg')
execv = _unavailable('execv')
execve = _unavailable('execve')
execvp = _unavailable('execvp')
spawnv = _unavailable('spawnv')
wait = _unavailable('wait')
waitpid = _unavailable('waitpid')
getppid = _unavailable('getppid')
getuid = _unavailable('getuid')
getgid = _unavailable('getgid')
getlogin = _unavailable('getlogin')
cpu_count = _unavailable('cpu_count')
urandom = _unavailable('urandom')
uname = _unavailable('uname')
times = _unavailable('times')
get_terminal_size = _unavailable('get_terminal_size')
symlink = _unavailable('symlink')
link = _unavailable('link')
readlink = _unavailable('readlink')
utime = _unavailable('utime')
truncate = _unavailable('truncate')
fsync = _unavailable('fsync')
startfile = _unavailable('startfile')
nice = _unavailable('nice')
abort = _unavailable('abort')
_exit = _unavailable('_exit')
getloadavg = _unavailable('getloadavg')
umask = _unavailable('umask')
