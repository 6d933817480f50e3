# weakref for Loopscope: ref, WeakValueDictionary, WeakKeyDictionary, WeakSet, WeakMethod and
# finalize. References are weak (engine/builtins/weakref_module.cpp): once an object's last
# strong reference goes, its refs read None and the weak containers forget it. Callbacks are
# accepted but not called.
from _weakref import ref, getweakrefcount, getweakrefs

ReferenceType = ref
__all__ = ['ref', 'proxy', 'getweakrefcount', 'getweakrefs', 'WeakKeyDictionary', 'ReferenceType',
           'WeakSet', 'WeakValueDictionary', 'WeakMethod', 'finalize']


class WeakMethod:
    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError(f'argument should be a bound method, not {type(meth)}') from None
        self._obj = ref(obj)
        self._func = func

    def __call__(self):
        obj = self._obj()
        if obj is None:
            return None
        return self._func.__get__(obj, type(obj))


def proxy(obj, callback=None):
    raise TypeError('weakref.proxy is not available in Loopscope; use weakref.ref(obj)() instead')


class WeakValueDictionary:
    def __init__(self, other=(), /, **kw):
        self._data = {}
        self.update(other, **kw)

    def _alive(self):
        for key, r in list(self._data.items()):
            if r() is None:
                del self._data[key]
        return self._data

    def __getitem__(self, key):
        o = self._data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self._data[key] = ref(value)

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        r = self._data.get(key)
        return r is not None and r() is not None

    def __len__(self):
        return len(self._alive())

    def __iter__(self):
        return iter(list(self._alive()))

    def __repr__(self):
        return f'<WeakValueDictionary at 0x{id(self):x}>'

    def get(self, key, default=None):
        r = self._data.get(key)
        if r is None:
            return default
        o = r()
        return default if o is None else o

    def keys(self):
        return list(self._alive())

    def values(self):
        return [r() for r in self._alive().values()]

    def items(self):
        return [(k, r()) for k, r in self._alive().items()]

    def pop(self, key, *default):
        try:
            o = self._data.pop(key)()
        except KeyError:
            if default:
                return default[0]
            raise
        if o is None:
            if default:
                return default[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), /, **kw):
        if hasattr(other, 'items'):
            other = other.items()
        for key, value in other:
            self[key] = value
        for key, value in kw.items():
            self[key] = value

    def clear(self):
        self._data.clear()

    def copy(self):
        return WeakValueDictionary(self.items())


class WeakKeyDictionary:
    def __init__(self, dict=None):
        self._data = {}
        if dict is not None:
            self.update(dict)

    def _alive(self):
        for r in list(self._data):
            if r() is None:
                del self._data[r]
        return self._data

    def __getitem__(self, key):
        return self._data[ref(key)]

    def __setitem__(self, key, value):
        self._data[ref(key)] = value

    def __delitem__(self, key):
        del self._data[ref(key)]

    def __contains__(self, key):
        try:
            return ref(key) in self._data
        except TypeError:
            return False

    def __len__(self):
        return len(self._alive())

    def __iter__(self):
        return iter([r() for r in self._alive()])

    def __repr__(self):
        return f'<WeakKeyDictionary at 0x{id(self):x}>'

    def get(self, key, default=None):
        return self._data.get(ref(key), default)

    def keys(self):
        return [r() for r in self._alive()]

    def values(self):
        return list(self._alive().values())

    def items(self):
        return [(r(), v) for r, v in self._alive().items()]

    def pop(self, key, *default):
        return self._data.pop(ref(key), *default)

    def setdefault(self, key, default=None):
        return self._data.setdefault(ref(key), default)

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            items = dict.items() if hasattr(dict, 'items') else dict
            for key, value in items:
                self[key] = value

    def clear(self):
        self._data.clear()


class WeakSet:
    def __init__(self, data=None):
        self._data = {}
        if data is not None:
            for item in data:
                self.add(item)

    def _alive(self):
        for r in list(self._data):
            if r() is None:
                del self._data[r]
        return self._data

    def add(self, item):
        self._data[ref(item)] = None

    def discard(self, item):
        self._data.pop(ref(item), None)

    def remove(self, item):
        del self._data[ref(item)]

    def pop(self):
        for r in list(self._alive()):
            del self._data[r]
            return r()
        raise KeyError('pop from empty WeakSet')

    def clear(self):
        self._data.clear()

    def copy(self):
        return WeakSet(self)

    def __contains__(self, item):
        try:
            return ref(item) in self._data
        except TypeError:
            return False

    def __iter__(self):
        return iter([r() for r in self._alive()])

    def __len__(self):
        return len(self._alive())

    def __repr__(self):
        return f'<WeakSet at 0x{id(self):x}>'


class finalize:
    """Calls func(*args, **kwargs) when called (the simulator does not run it at collection)."""

    def __init__(self, obj, func, /, *args, **kwargs):
        self._ref = ref(obj)
        self._func = func
        self._args = args
        self._kwargs = kwargs
        self._alive_flag = True
        self.atexit = True

    def __call__(self, _=None):
        if self._alive_flag:
            self._alive_flag = False
            return self._func(*self._args, **self._kwargs)

    def detach(self):
        if self._alive_flag and self._ref() is not None:
            self._alive_flag = False
            return (self._ref(), self._func, self._args, self._kwargs)

    def peek(self):
        if self._alive_flag and self._ref() is not None:
            return (self._ref(), self._func, self._args, self._kwargs)

    @property
    def alive(self):
        return self._alive_flag
