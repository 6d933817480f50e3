# enum for Loopscope: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique and the functional
# API, with CPython 3.11's reprs, lookups and errors. Members are instances of their enum
# class created once by the metaclass; IntEnum and StrEnum members keep their int or str in
# _value_ and answer the int and str operations through it.
import sys
from types import MappingProxyType

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'ReprEnum', 'auto',
           'unique', 'property', 'verify', 'member', 'nonmember', 'FlagBoundary', 'STRICT', 'CONFORM',
           'EJECT', 'KEEP', 'global_enum', 'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE']

_auto_null = object()
# Enum and Flag, once defined (the metaclass runs for them before they exist).
_Enum = None
_ReprEnum = None
_Flag = None


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % self.value


class member:
    def __init__(self, value):
        self.value = value


class nonmember:
    def __init__(self, value):
        self.value = value


# The enum's own `property`: a plain property that also answers on the class (for name/value).
property = property


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _is_descriptor(obj):
    return hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__') or \
        isinstance(obj, (staticmethod, classmethod, property, type(_is_dunder)))


def _is_single_bit(num):
    if num == 0:
        return False
    num &= num - 1
    return num == 0


def _bits(num):
    # The set bits of [num], lowest first.
    while num:
        low = num & (~num + 1)
        yield low
        num ^= low


_DELEGATES = {
    '__eq__': lambda self, other: self._value_ == _plain(other),
    '__ne__': lambda self, other: self._value_ != _plain(other),
    '__lt__': lambda self, other: self._value_ < _plain(other),
    '__le__': lambda self, other: self._value_ <= _plain(other),
    '__gt__': lambda self, other: self._value_ > _plain(other),
    '__ge__': lambda self, other: self._value_ >= _plain(other),
    '__hash__': lambda self: hash(self._value_),
    '__add__': lambda self, other: self._value_ + _plain(other),
    '__radd__': lambda self, other: _plain(other) + self._value_,
    '__sub__': lambda self, other: self._value_ - _plain(other),
    '__rsub__': lambda self, other: _plain(other) - self._value_,
    '__mul__': lambda self, other: self._value_ * _plain(other),
    '__rmul__': lambda self, other: _plain(other) * self._value_,
    '__truediv__': lambda self, other: self._value_ / _plain(other),
    '__floordiv__': lambda self, other: self._value_ // _plain(other),
    '__mod__': lambda self, other: self._value_ % _plain(other),
    '__pow__': lambda self, other: self._value_ ** _plain(other),
    '__neg__': lambda self: -self._value_,
    '__pos__': lambda self: +self._value_,
    '__abs__': lambda self: abs(self._value_),
    '__len__': lambda self: len(self._value_),
    '__iter__': lambda self: iter(self._value_),
    '__getitem__': lambda self, key: self._value_[key],
    '__contains__': lambda self, item: _plain(item) in self._value_,
    '__int__': lambda self: int(self._value_),
    '__index__': lambda self: self._value_.__index__(),
    '__float__': lambda self: float(self._value_),
    '__bool__': lambda self: bool(self._value_),
    '__rmod__': lambda self, other: _plain(other) % self._value_,
    '__rtruediv__': lambda self, other: _plain(other) / self._value_,
    '__rfloordiv__': lambda self, other: _plain(other) // self._value_,
    '__rpow__': lambda self, other: _plain(other) ** self._value_,
    '__and__': lambda self, other: self._value_ & _plain(other),
    '__rand__': lambda self, other: _plain(other) & self._value_,
    '__or__': lambda self, other: self._value_ | _plain(other),
    '__ror__': lambda self, other: _plain(other) | self._value_,
    '__xor__': lambda self, other: self._value_ ^ _plain(other),
    '__rxor__': lambda self, other: _plain(other) ^ self._value_,
    '__lshift__': lambda self, other: self._value_ << _plain(other),
    '__rshift__': lambda self, other: self._value_ >> _plain(other),
    '__invert__': lambda self: ~self._value_,
    '__round__': lambda self, *ndigits: round(self._value_, *ndigits),
}


def _plain(value):
    # The int or str inside an IntEnum/StrEnum member, for the operations they delegate.
    if isinstance(value, Enum) and type(value)._member_type_ is not object:
        return value._value_
    return value


class EnumType(type):
    """Metaclass for Enum."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        return {}

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        generate = classdict.get('_generate_next_value_')
        if generate is None and first_enum is not None:
            generate = first_enum._generate_next_value_
        if isinstance(generate, staticmethod):
            generate = generate.__func__
        # Members are the plain names with plain values, in definition order.
        members = {}
        body = {}
        for key, value in list(classdict.items()):
            if isinstance(value, nonmember):
                body[key] = value.value
            elif isinstance(value, member):
                members[key] = value.value
            elif _is_dunder(key) or _is_sunder(key) or _is_descriptor(value) or isinstance(value, type) \
                    or key.startswith('_' + cls + '__'):
                body[key] = value
            else:
                members[key] = value
        if '_ignore_' in classdict:
            ignore = classdict['_ignore_']
            for name in (ignore.split() if isinstance(ignore, str) else ignore):
                members.pop(name, None)
        values = []
        for key, value in members.items():
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = generate(key, 1, len(values), values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(generate(key, 1, len(values), values[:]) if isinstance(v, auto) else v
                              for v in value)
            members[key] = value
            values.append(value)
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_unhashable_values_'] = []
        body['_member_type_'] = member_type
        body['_new_member_'] = member_type
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        if first_enum is not None and first_enum._member_names_:
            raise TypeError(f'{enum_class!r} cannot extend {first_enum!r}')
        enum_class._flag_mask_ = 0
        enum_class._all_bits_ = 0
        enum_class._boundary_ = boundary or getattr(first_enum, '_boundary_', None)
        use_args = member_type is not object
        if use_args:
            # The data type comes first in the MRO; its repr (and, unless the enum is a ReprEnum,
            # its str and format) must not shadow the enum's.
            names = ('__repr__',) if _ReprEnum is not None and issubclass(enum_class, _ReprEnum) else \
                ('__repr__', '__str__', '__format__')
            for name in names:
                if name in classdict:
                    continue
                if getattr(enum_class, name) is getattr(member_type, name):
                    for base in enum_class.__mro__:
                        if isinstance(base, EnumType) and name in base.__dict__:
                            type.__setattr__(enum_class, name, base.__dict__[name])
                            break
            # The members are not themselves ints or strs: the data type's comparisons, hash
            # and operators answer through their _value_.
            for name, method in _DELEGATES.items():
                data_method = getattr(member_type, name, None)
                if name not in classdict and data_method is not None and getattr(enum_class, name) is data_method:
                    type.__setattr__(enum_class, name, method)
        for key, value in members.items():
            enum_class._add_member_(key, value, use_args)
        if _Flag is not None and issubclass(enum_class, _Flag):
            mask = 0
            for m in enum_class._member_map_.values():
                mask |= m._value_
            enum_class._flag_mask_ = mask
            enum_class._all_bits_ = 2 ** mask.bit_length() - 1 if mask else 0
        return enum_class

    def _add_member_(cls, name, value, use_args):
        args = value if isinstance(value, tuple) else (value,)
        new = cls.__dict__.get('__new__')
        if new is not None and not isinstance(new, staticmethod) and cls._member_type_ is object:
            new = staticmethod(new)
        if new is not None and cls._member_type_ is object:
            enum_member = new.__func__(cls, *args)
            if not hasattr(enum_member, '_value_'):
                enum_member._value_ = value
        else:
            enum_member = object.__new__(cls)
            if cls._member_type_ is object:
                enum_member._value_ = value
            else:
                enum_member._value_ = cls._member_type_(*args) if use_args else value
        value = enum_member._value_
        enum_member._name_ = name
        enum_member.__objclass__ = cls
        enum_member._sort_order_ = len(cls._member_names_)
        init = getattr(cls, '__init__', None)
        if init is not None and init is not object.__init__ and init is not _Enum.__init__:
            init(enum_member, *args)
        # An alias: a second name for an existing value.
        for existing in cls._member_map_.values():
            if existing._value_ == value:
                enum_member = existing
                break
        else:
            if _Flag is not None and issubclass(cls, _Flag) and not _is_single_bit(value) and value != 0:
                pass  # a named combination of flags: not a canonical member
            else:
                cls._member_names_.append(name)
        cls._member_map_[name] = enum_member
        try:
            cls._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            cls._unhashable_values_.append(value)
        type.__setattr__(cls, name, enum_member)

    @staticmethod
    def _get_mixins_(class_name, bases):
        if not bases:
            return object, None
        last = bases[-1]
        if not isinstance(last, EnumType):
            raise TypeError('new enumerations should be created as '
                            '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
        member_type = object
        for base in bases:
            for klass in base.__mro__:
                if klass in (int, str, float):
                    member_type = klass
                    break
            if member_type is not object:
                break
        return member_type, last

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type, start=start,
                            boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None):
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        classdict = {}
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            last_values = []
            for count, name in enumerate(names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                classdict[name] = value
        elif isinstance(names, dict):
            classdict.update(names)
        else:
            for item in names:
                name, value = item
                classdict[name] = value
        classdict['__module__'] = module or '__main__'
        classdict['__qualname__'] = qualname or class_name
        return EnumType.__new__(EnumType, class_name, bases, classdict, boundary=boundary)

    def __bool__(cls):
        return True

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        raise TypeError(f"unsupported operand type(s) for 'in': '{type(value).__qualname__}' and "
                        f"'{type(cls).__qualname__}'")

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError(f'{cls.__name__!r} cannot delete member {attr!r}.')
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @property
    def __members__(cls):
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if _Flag is not None and issubclass(cls, _Flag):
            return f"<flag {cls.__name__!r}>"
        return f"<enum {cls.__name__!r}>"

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError(f'cannot reassign member {name!r}')
        super().__setattr__(name, value)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member_ in cls._member_map_.values():
            if member_._value_ == value:
                return member_
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if issubclass(cls, _Flag) and result is None:
            return cls._missing_flag_(value)
        if result is None:
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        raise TypeError(f'error in {cls.__name__}._missing_: returned {result!r} instead of None or a '
                        'valid member')

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        last = last_values[-1]
        try:
            return last + 1
        except TypeError:
            raise TypeError(f'unable to sort non-numeric values') from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = type(self)._value_repr_ or repr
        return f'<{type(self).__name__}.{self._name_}: {v_repr(self._value_)}>'

    _value_repr_ = None

    def __str__(self):
        return f'{type(self).__name__}.{self._name_}'

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


_Enum = Enum


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


_ReprEnum = ReprEnum


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints: comparisons, hashing and arithmetic go
    to the value (the metaclass installs _DELEGATES)."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings (the metaclass installs _DELEGATES)."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __str__(self):
        return self._value_

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


class FlagBoundary:
    pass


STRICT, CONFORM, EJECT, KEEP = 'strict', 'conform', 'eject', 'keep'


class Flag(Enum):
    """Support for flags."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        return 2 ** last.bit_length()

    @classmethod
    def _missing_(cls, value):
        return None

    @classmethod
    def _missing_flag_(cls, value):
        if not isinstance(value, int):
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        if value < 0:
            value = max(cls._all_bits_ + 1, 2 ** value.bit_length()) + value
        pseudo = object.__new__(cls)
        pseudo._value_ = value
        names = [m._name_ for m in cls if m._value_ & value == m._value_ and m._value_]
        extra = value & ~cls._flag_mask_
        if extra and not issubclass(cls, int):
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        pseudo._name_ = '|'.join(names) if names else None
        if extra and names:
            pseudo._name_ += '|' + str(extra)
        elif extra:
            pseudo._name_ = None
        cls._value2member_map_[value] = pseudo
        return pseudo

    def _iter_members(self):
        cls = type(self)
        for bit in _bits(self._value_):
            m = cls._value2member_map_.get(bit)
            if m is not None and m._name_ in cls._member_names_:
                yield m

    def __iter__(self):
        return self._iter_members()

    def __len__(self):
        return bin(self._value_).count('1')

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError(f"unsupported operand type(s) for 'in': '{type(other).__qualname__}' and "
                            f"'{type(self).__qualname__}'")
        return other._value_ & self._value_ == other._value_

    def __repr__(self):
        cls_name = type(self).__name__
        v_repr = type(self)._value_repr_ or repr
        if self._name_ is None:
            return f'<{cls_name}: {v_repr(self._value_)}>'
        return f'<{cls_name}.{self._name_}: {v_repr(self._value_)}>'

    def __str__(self):
        cls_name = type(self).__name__
        if self._name_ is None:
            return f'{cls_name}({self._value_!r})'
        return f'{cls_name}.{self._name_}'

    def __bool__(self):
        return bool(self._value_)

    def _operand(self, other):
        # The bits of [other] for |, & and ^: a member's value or, with a data type, an int; else None.
        if isinstance(other, type(self)):
            return other._value_
        if type(self)._member_type_ is not object and isinstance(other, int):
            return other
        return None

    def __or__(self, other):
        other = self._operand(other)
        return NotImplemented if other is None else type(self)(self._value_ | other)

    def __and__(self, other):
        other = self._operand(other)
        return NotImplemented if other is None else type(self)(self._value_ & other)

    def __xor__(self, other):
        other = self._operand(other)
        return NotImplemented if other is None else type(self)(self._value_ ^ other)

    def __invert__(self):
        return type(self)(type(self)._flag_mask_ ^ self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


_Flag = Flag


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __or__(self, other):
        if isinstance(other, Flag) and not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ | _plain(other))

    def __and__(self, other):
        if isinstance(other, Flag) and not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ & _plain(other))

    def __xor__(self, other):
        if isinstance(other, Flag) and not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ ^ _plain(other))

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return type(self)(~self._value_ & type(self)._all_bits_ if self._value_ >= 0 else ~self._value_)

    @classmethod
    def _missing_flag_(cls, value):
        if value < 0:
            value = value & cls._all_bits_
        return Flag._missing_flag_.__func__(cls, value)


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, member_ in enumeration.__members__.items():
        if name != member_.name:
            duplicates.append((name, member_.name))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration


class EnumCheck:
    pass


CONTINUOUS, NAMED_FLAGS, UNIQUE = 'no skipped integer values', 'multi-flag aliases may not contain unnamed flags', 'one name per value'


def verify(*checks):
    def decorator(enumeration):
        if UNIQUE in checks:
            unique(enumeration)
        return enumeration
    return decorator


def global_enum(cls):
    module = sys.modules.get(cls.__module__) if hasattr(sys, 'modules') else None
    if module is not None:
        module.__dict__.update(cls.__members__)
    return cls
