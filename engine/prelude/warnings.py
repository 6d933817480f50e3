# warnings for Loopscope: warn() prints "file:line: Category: message" and the source line to
# stderr, once per location under the default filters (DeprecationWarning shown only when
# the scenario itself triggers it), with filterwarnings/simplefilter and catch_warnings.
import sys
import _loopscope
import _stdlib

__all__ = ['warn', 'warn_explicit', 'showwarning', 'formatwarning', 'filterwarnings', 'simplefilter',
           'resetwarnings', 'catch_warnings']

# (action, message, category, module, lineno), most recent first; CPython 3.11's defaults.
_DEFAULT_FILTERS = [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
filters = list(_DEFAULT_FILTERS)
defaultaction = 'default'
_onceregistry = {}
_registry = {}
_filters_version = 1


class WarningMessage:
    _WARNING_DETAILS = ('message', 'category', 'filename', 'lineno', 'file', 'line', 'source')

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ('{message : %r, category : %r, filename : %r, lineno : %s, line : %r}' %
                (self.message, self._category_name, self.filename, self.lineno, self.line))


def formatwarning(message, category, filename, lineno, line=None):
    text = f'{filename}:{lineno}: {category.__name__}: {message}\n'
    if line is None:
        line = _stdlib.source_line(lineno) if filename == _stdlib.filename else ''
    line = line.strip()
    if line:
        text += f'  {line}\n'
    return text


def _showwarnmsg_impl(msg):
    text = formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    file = msg.file
    if file is None:
        # Through the VM, so that the run's trace records the warning too.
        _loopscope.warn(text[:-1])
    else:
        file.write(text)


def showwarning(message, category, filename, lineno, file=None, line=None):
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


_showwarning_orig = showwarning


def _showwarnmsg(msg):
    if showwarning is not _showwarning_orig:
        showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


def filterwarnings(action, message='', category=Warning, module='', lineno=0, append=False):
    if action not in ('error', 'ignore', 'always', 'default', 'module', 'once'):
        raise ValueError(f'invalid action: {action!r}')
    _add_filter(action, message or None, category, module or None, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    if action not in ('error', 'ignore', 'always', 'default', 'module', 'once'):
        raise ValueError(f'invalid action: {action!r}')
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    global _filters_version
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_version += 1
    _registry.clear()


def resetwarnings():
    global _filters_version
    filters[:] = []
    _filters_version += 1
    _registry.clear()


def _matches(pattern, text):
    return pattern is None or text.lower().startswith(pattern.lower()) if isinstance(pattern, str) else True


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(f"category must be a Warning subclass, not '{type(category).__name__}'")
    filename, lineno, _ = _stdlib.caller(max(stacklevel, 1) - 1)
    warn_explicit(message, category, filename, lineno, '__main__', _registry, source=source)


def warn_explicit(message, category, filename, lineno, module=None, registry=None, module_globals=None,
                  source=None):
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry is not None and registry.get(key):
        return
    module = module or '__main__'
    for action, msg, cat, mod, ln in filters:
        if (_matches(msg, text) and issubclass(category, cat) and (mod is None or mod == module)
                and (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == 'ignore':
        return
    if action == 'error':
        raise message
    if action == 'once':
        if registry is not None:
            registry[key] = 1
        once_key = (text, category)
        if _onceregistry.get(once_key):
            return
        _onceregistry[once_key] = 1
    elif action == 'module':
        if registry is not None:
            registry[key] = 1
            alt_key = (text, category, 0)
            if registry.get(alt_key):
                return
            registry[alt_key] = 1
    elif action == 'default':
        if registry is not None:
            registry[key] = 1
    _showwarnmsg(WarningMessage(message, category, filename, lineno, None, None, source))


class catch_warnings:
    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._entered = False
        self._action = action
        self._category = category
        self._lineno = lineno
        self._append = append

    def __repr__(self):
        args = []
        if self._record:
            args.append('record=True')
        return f'{type(self).__name__}({", ".join(args)})'

    def __enter__(self):
        global showwarning
        if self._entered:
            raise RuntimeError(f'Cannot enter {self!r} twice')
        self._entered = True
        self._filters = filters[:]
        self._showwarning = showwarning
        _registry.clear()
        if self._action:
            simplefilter(self._action, self._category, self._lineno, self._append)
        if self._record:
            log = []

            def record(message, category, filename, lineno, file=None, line=None):
                log.append(WarningMessage(message, category, filename, lineno, file, line))
            showwarning = record
            return log
        return None

    def __exit__(self, *exc_info):
        global showwarning
        filters[:] = self._filters
        showwarning = self._showwarning
        _registry.clear()
