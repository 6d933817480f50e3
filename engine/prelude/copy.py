# copy for Loopscope: shallow and deep copies of builtin containers and of instances (their
# attributes copied without calling __init__), with the __copy__ and __deepcopy__ hooks.

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

def _new_like(x):
    cls = type(x)
    return cls.__new__(cls)


def _state(x):
    try:
        return vars(x)
    except TypeError:
        return {}


def copy(x):
    cls = type(x)
    if isinstance(x, (type(None), int, float, bool, str, bytes, tuple, frozenset, type, range)) \
            and cls in (type(None), int, float, bool, str, bytes, tuple, frozenset, type, range):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if isinstance(x, (list, dict, set)):
        y = cls(x)
        for key, value in _state(x).items():
            object.__setattr__(y, key, value)
        return y
    if callable(x) and not hasattr(x, '__dict__'):
        return x
    y = _new_like(x)
    for key, value in _state(x).items():
        object.__setattr__(y, key, value)
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in (type(None), int, float, bool, str, bytes, type, range, frozenset) and cls is not frozenset:
        return x
    copier = getattr(x, '__deepcopy__', None) if not isinstance(x, type) else None
    if copier is not None:
        y = copier(memo)
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        if d in memo:
            return memo[d]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for a in x:
            y.add(deepcopy(a, memo))
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    elif callable(x) and not hasattr(x, '__dict__') or isinstance(x, type):
        y = x
    elif isinstance(x, tuple) and hasattr(x, '_fields'):
        y = cls(*[deepcopy(a, memo) for a in x])
    elif isinstance(x, (list, dict, set)):
        y = cls()
        memo[d] = y
        if isinstance(x, list):
            y.extend(deepcopy(a, memo) for a in x)
        elif isinstance(x, dict):
            for key, value in x.items():
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for a in x:
                y.add(deepcopy(a, memo))
        for key, value in _state(x).items():
            object.__setattr__(y, key, deepcopy(value, memo))
    else:
        y = _new_like(x)
        memo[d] = y
        for key, value in _state(x).items():
            object.__setattr__(y, key, deepcopy(value, memo))
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
