# os.path for Loopscope: the pure string functions of posixpath. Whatever would look at the
# machine (exists, isfile, getsize, abspath of a relative path, ...) is not available in the
# simulator and says so.

sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
supports_unicode_filenames = False


def _unavailable(name, qualified=None, what='look at files'):
    """A stand-in for a function that needs the real machine: it says so when called (os uses it too)."""
    qualified = qualified or f'os.path.{name}'

    def function(*args, **kwargs):
        raise OSError(f'{qualified}() is not available in the simulator: a scenario cannot {what}; '
                      'model I/O with `await asyncio.sleep(seconds)`')
    function.__name__ = name
    return function


exists = _unavailable('exists')
lexists = _unavailable('lexists')
isfile = _unavailable('isfile')
isdir = _unavailable('isdir')
islink = _unavailable('islink')
ismount = _unavailable('ismount')
getsize = _unavailable('getsize')
getmtime = _unavailable('getmtime')
getatime = _unavailable('getatime')
getctime = _unavailable('getctime')
samefile = _unavailable('samefile')
sameopenfile = _unavailable('sameopenfile')
samestat = _unavailable('samestat')
realpath = _unavailable('realpath')
expanduser = _unavailable('expanduser')
expandvars = _unavailable('expandvars')


def _check(path):
    if isinstance(path, bytes):
        raise TypeError('Loopscope paths are str')
    if not isinstance(path, str):
        fspath = getattr(type(path), '__fspath__', None)
        if fspath is None:
            raise TypeError(f'expected str, bytes or os.PathLike object, not {type(path).__name__}')
        path = fspath(path)
    return path


def isabs(s):
    return _check(s).startswith('/')


def join(a, *p):
    path = _check(a)
    for b in map(_check, p):
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    p = _check(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def splitext(p):
    p = _check(p)
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != '.':
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    return _check(p)[:0], p


def basename(p):
    p = _check(p)
    return p[p.rfind('/') + 1:]


def dirname(p):
    p = _check(p)
    i = p.rfind('/') + 1
    head = p[:i]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head


def normcase(s):
    return _check(s)


def normpath(path):
    path = _check(path)
    if path == '':
        return '.'
    initial_slashes = 1 if path.startswith('/') else 0
    if initial_slashes and path.startswith('//') and not path.startswith('///'):
        initial_slashes = 2
    new_comps = []
    for comp in path.split('/'):
        if comp in ('', '.'):
            continue
        if comp != '..' or (not initial_slashes and not new_comps) or (new_comps and new_comps[-1] == '..'):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = '/'.join(new_comps)
    if initial_slashes:
        path = '/' * initial_slashes + path
    return path or '.'


def abspath(path):
    path = _check(path)
    if not isabs(path):
        raise OSError('os.path.abspath() of a relative path is not available in the simulator: it would read '
                      'the current directory of the machine')
    return normpath(path)


def commonprefix(m):
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = [_check(p) for p in paths]
    isabs_ = {p.startswith('/') for p in paths}
    if len(isabs_) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in p.split('/') if c and c != '.'] for p in paths]
    s1, s2 = min(split_paths), max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = '/' if paths[0].startswith('/') else ''
    return prefix + '/'.join(common)


def relpath(path, start=None):
    path = _check(path)
    if start is None or not isabs(path) or not isabs(start):
        raise OSError('os.path.relpath() needs the current directory of the machine: not available in the '
                      'simulator')
    start_list = [x for x in normpath(start).split('/') if x]
    path_list = [x for x in normpath(path).split('/') if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = ['..'] * (len(start_list) - i) + path_list[i:]
    return join(*rel_list) if rel_list else '.'
