# datetime for Loopscope: date, time, datetime, timedelta, tzinfo and timezone with CPython's
# arithmetic, comparisons, reprs, isoformat and strftime. now() and today() read the virtual
# clock (time.time()); the simulator's local time zone is UTC.
import time as _time

MINYEAR = 1
MAXYEAR = 9999

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_MONTH_NAMES = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')
_DAY_NAMES = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')


# -- Calendar arithmetic -------------------------------------------------------------------------

def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    return 29 if month == 2 and _is_leap(year) else _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd_to_ordinal(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ordinal_to_ymd(n):
    # Day n (1 = 0001-01-01) as (year, month, day), through 400-, 100-, 4- and 1-year cycles.
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leap)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leap)
    return year, month, n - preceding + 1


def _check_int(value):
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        raise TypeError('integer argument expected, got float')
    try:
        return value.__index__()
    except AttributeError:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer") from None


def _check_date_fields(year, month, day):
    year, month, day = _check_int(year), _check_int(month), _check_int(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'year {year} is out of range')
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour, minute, second = _check_int(hour), _check_int(minute), _check_int(second)
    microsecond = _check_int(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '"
                        + type(tz).__name__ + "'")


def _cmp(x, y):
    return 0 if x == y else 1 if x > y else -1


def _ordered(cls):
    """Defines <, <=, >, >= (and == unless the class has its own) from cls._cmp(self, other),
    which gives -1, 0 or 1, or NotImplemented."""
    def comparison(test):
        def method(self, other):
            c = self._cmp(other)
            return c if c is NotImplemented else test(c)
        return method

    for name, test in (('__lt__', lambda c: c < 0), ('__le__', lambda c: c <= 0), ('__gt__', lambda c: c > 0),
                       ('__ge__', lambda c: c >= 0)):
        setattr(cls, name, comparison(test))
    if '__eq__' not in cls.__dict__:
        cls.__eq__ = comparison(lambda c: c == 0)
    return cls


def _format_offset(off, sep=':'):
    if off is None:
        return ''
    sign = '+'
    if off.days < 0:
        sign = '-'
        off = -off
    hh, mm = divmod(off, timedelta(hours=1))
    mm, ss = divmod(mm, timedelta(minutes=1))
    text = f'{sign}{hh:02d}{sep}{mm:02d}'
    if ss or ss.microseconds:
        text += f'{sep}{ss.seconds:02d}'
        if ss.microseconds:
            text += f'.{ss.microseconds:06d}'
    return text


def _format_time(hh, mm, ss, us, timespec='auto'):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'hours':
        return f'{hh:02d}'
    if timespec == 'minutes':
        return f'{hh:02d}:{mm:02d}'
    if timespec == 'seconds':
        return f'{hh:02d}:{mm:02d}:{ss:02d}'
    if timespec == 'milliseconds':
        return f'{hh:02d}:{mm:02d}:{ss:02d}.{us // 1000:03d}'
    if timespec == 'microseconds':
        return f'{hh:02d}:{mm:02d}:{ss:02d}.{us:06d}'
    raise ValueError('Unknown timespec value')


def _wrap_strftime(obj, format, timetuple):
    # %f, %z and %Z belong to datetime; the rest goes to time.strftime.
    out = []
    i, n = 0, len(format)
    while i < n:
        ch = format[i]
        i += 1
        if ch != '%' or i >= n:
            out.append(ch)
            continue
        code = format[i]
        i += 1
        if code == 'f':
            out.append(f'{getattr(obj, "microsecond", 0):06d}')
        elif code == 'z':
            offset = obj.utcoffset() if hasattr(obj, 'utcoffset') else None
            out.append(_format_offset(offset, '') if offset is not None else '')
        elif code == 'Z':
            name = obj.tzname() if hasattr(obj, 'tzname') else None
            out.append((name or '').replace('%', '%%'))
        else:
            out.append('%' + code)
    return _time.strftime(''.join(out), timetuple)


# -- timedelta -----------------------------------------------------------------------------------

@_ordered
class timedelta:
    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        total = 0
        fraction = 0.0
        for value, scale in ((weeks, 604800000000), (days, 86400000000), (hours, 3600000000),
                             (minutes, 60000000), (seconds, 1000000), (milliseconds, 1000),
                             (microseconds, 1)):
            if isinstance(value, float):
                whole = int(value)
                total += whole * scale
                fraction += (value - whole) * scale
            elif isinstance(value, int):
                total += value * scale
            else:
                raise TypeError(f"unsupported type for timedelta {_field_name(scale)} "
                                f"component: {type(value).__name__}")
        # The float parts round once, half to even, on the exact whole.
        lower = int(fraction // 1)
        rest = fraction - lower
        total += lower
        if rest > 0.5 or (rest == 0.5 and total % 2 == 1):
            total += 1
        self = object.__new__(cls)
        days, rest = divmod(total, 86400000000)
        seconds, us = divmod(rest, 1000000)
        if abs(days) > 999999999:
            raise OverflowError(f'days={days}; must have magnitude <= 999999999')
        self._days = days
        self._seconds = seconds
        self._microseconds = us
        self._hashcode = -1
        return self

    @classmethod
    def _from_microseconds(cls, us):
        return cls(0, 0, us)

    def _to_microseconds(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._to_microseconds() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append(f'days={self._days}')
        if self._seconds:
            args.append(f'seconds={self._seconds}')
        if self._microseconds:
            args.append(f'microseconds={self._microseconds}')
        return f'{type(self).__module__}.{type(self).__qualname__}({", ".join(args) or "0"})'

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        text = f'{hh}:{mm:02d}:{ss:02d}'
        if self._days:
            text = f'{self._days} day{"s" if abs(self._days) != 1 else ""}, ' + text
        if self._microseconds:
            text += f'.{self._microseconds:06d}'
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() + other._to_microseconds())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() - other._to_microseconds())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._to_microseconds())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(_divide_half_even(self._to_microseconds() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() // other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() / other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(_divide_half_even(self._to_microseconds(), other))
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(_divide_half_even(b * self._to_microseconds(), a))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() % other._to_microseconds())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_microseconds(), other._to_microseconds())
            return q, timedelta._from_microseconds(r)
        return NotImplemented

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def _cmp(self, other):
        if isinstance(other, timedelta):
            return _cmp(self._key(), other._key())
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0

    def __reduce__(self):
        return (type(self), self._key())


def _field_name(scale):
    return {604800000000: 'weeks', 86400000000: 'days', 3600000000: 'hours', 60000000: 'minutes',
            1000000: 'seconds', 1000: 'milliseconds', 1: 'microseconds'}[scale]


def _divide_half_even(a, b):
    q, r = divmod(a, b)
    r *= 2
    greater = r > b if b > 0 else r < b
    if greater or (r == b and q % 2 == 1):
        q += 1
    return q


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# -- date ----------------------------------------------------------------------------------------

@_ordered
class date:
    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year, month=None, day=None):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        self._hashcode = -1
        return self

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d = _time.localtime(t)[:3]
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        return cls(*_ordinal_to_ymd(n))

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError('fromisoformat: argument must be str')
        parsed = _parse_iso_date(text)
        if parsed is None or len(text) not in (8, 10):
            raise ValueError(f'Invalid isoformat string: {text!r}')
        return cls(*parsed)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        first = _iso_week1_monday(year)
        return cls.fromordinal(first + (week - 1) * 7 + day - 1)

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def __repr__(self):
        return f'{type(self).__module__}.{type(self).__qualname__}({self._year}, {self._month}, {self._day})'

    def isoformat(self):
        return f'{self._year:04d}-{self._month:02d}-{self._day:02d}'

    __str__ = isoformat

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return (f'{_DAY_NAMES[weekday - 1]} {_MONTH_NAMES[self._month - 1]} {self._day:2d} '
                f'00:00:00 {self._year:04d}')

    def strftime(self, format):
        return _wrap_strftime(self, format, self.timetuple())

    def __format__(self, spec):
        if not isinstance(spec, str):
            raise TypeError(f'must be str, not {type(spec).__name__}')
        return self.strftime(spec) if spec else str(self)

    def timetuple(self):
        return _time.struct_time((self._year, self._month, self._day, 0, 0, 0, self.weekday(),
                                  _days_before_month(self._year, self._month) + self._day, -1))

    def toordinal(self):
        return _ymd_to_ordinal(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        week1 = _iso_week1_monday(year)
        today = self.toordinal()
        week, day = divmod(today - week1, 7)
        if week < 0:
            year -= 1
            week, day = divmod(today - _iso_week1_monday(year), 7)
        elif week >= 52 and today >= _iso_week1_monday(year + 1):
            year += 1
            week = 0
        return _IsoCalendarDate(year, week + 1, day + 1)

    def _date_key(self):
        return (self._year, self._month, self._day)

    def _cmp(self, other):
        # A date and a datetime do not compare as dates: datetime answers for both.
        if isinstance(other, date) and not isinstance(other, datetime) and not isinstance(self, datetime):
            return _cmp(self._date_key(), other._date_key())
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._date_key())
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if 0 < n <= _MAX_ORDINAL:
                return type(self).fromordinal(n)
            raise OverflowError('result out of range')
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def __reduce__(self):
        return (type(self), self._date_key())


_MAX_ORDINAL = 3652059


def _iso_week1_monday(year):
    first = _ymd_to_ordinal(year, 1, 1)
    weekday = (first + 6) % 7
    monday = first - weekday
    if weekday > 3:
        monday += 7
    return monday


class _IsoCalendarDate(tuple):
    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return f'datetime.IsoCalendarDate(year={self[0]}, week={self[1]}, weekday={self[2]})'


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


# -- tzinfo and timezone -------------------------------------------------------------------------

class tzinfo:
    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError('tzinfo subclass must override tzname()')

    def utcoffset(self, dt):
        raise NotImplementedError('tzinfo subclass must override utcoffset()')

    def dst(self, dt):
        raise NotImplementedError('tzinfo subclass must override dst()')

    def fromutc(self, dt):
        offset = dt.utcoffset()
        dst = dt.dst() or timedelta(0)
        dt += offset - dst
        return dt + (dt.dst() or timedelta(0))


class timezone(tzinfo):
    __slots__ = ('_offset', '_name')

    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError('offset must be a timedelta')
        if name is not None and not isinstance(name, str):
            raise TypeError('name must be a string')
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError('offset must be a timedelta strictly between -timedelta(hours=24) and '
                             f'timedelta(hours=24), not {offset!r}.')
        self = object.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is timezone.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return f'datetime.timezone({self._offset!r})'
        return f'datetime.timezone({self._offset!r}, {self._name!r})'

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        return self._offset

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return 'UTC'
        return 'UTC' + _format_offset(self._offset)

    def dst(self, dt):
        return None

    def fromutc(self, dt):
        return dt + self._offset


timezone.utc = timezone(timedelta(0))
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = timezone.utc


def _set_time_of_day(self, hour, minute, second, microsecond, tzinfo, fold):
    # A time's or a datetime's fields, checked.
    hour, minute, second, microsecond, fold = _check_time_fields(hour, minute, second, microsecond, fold)
    _check_tzinfo(tzinfo)
    self._hour, self._minute, self._second = hour, minute, second
    self._microsecond, self._tzinfo, self._fold = microsecond, tzinfo, fold


def _time_of_day_properties(cls):
    """The read-only hour .. fold of a time or a datetime."""
    for name in ('hour', 'minute', 'second', 'microsecond', 'tzinfo', 'fold'):
        setattr(cls, name, property(lambda self, slot='_' + name: getattr(self, slot)))
    return cls


# -- time ----------------------------------------------------------------------------------------

@_time_of_day_properties
@_ordered
class time:
    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold', '_hashcode')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        self = object.__new__(cls)
        _set_time_of_day(self, hour, minute, second, microsecond, tzinfo, fold)
        self._hashcode = -1
        return self

    @classmethod
    def fromisoformat(cls, text):
        parsed = _parse_iso_time(text)
        if parsed is None:
            raise ValueError(f'Invalid isoformat string: {text!r}')
        return cls(*parsed)

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(None)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(None)

    def dst(self):
        return None if self._tzinfo is None else self._tzinfo.dst(None)

    def isoformat(self, timespec='auto'):
        text = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return text + _format_offset(self.utcoffset())

    __str__ = isoformat

    def __repr__(self):
        if self._microsecond:
            args = f'{self._hour}, {self._minute}, {self._second}, {self._microsecond}'
        elif self._second:
            args = f'{self._hour}, {self._minute}, {self._second}'
        else:
            args = f'{self._hour}, {self._minute}'
        if self._tzinfo is not None:
            args += f', tzinfo={self._tzinfo!r}'
        if self._fold:
            args += ', fold=1'
        return f'{type(self).__module__}.{type(self).__qualname__}({args})'

    def strftime(self, format):
        return _wrap_strftime(self, format, (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1))

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._hour if hour is None else hour, self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    def _time_key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _cmp(self, other):
        if isinstance(other, time):
            return _cmp(self._time_key(), other._time_key())
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, time):
            return self._time_key() == other._time_key() and self.utcoffset() == other.utcoffset()
        return NotImplemented

    def __hash__(self):
        return hash(self._time_key())

    def __bool__(self):
        return True


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# -- datetime ------------------------------------------------------------------------------------

@_time_of_day_properties
@_ordered
class datetime(date):
    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *,
                fold=0):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        _set_time_of_day(self, hour, minute, second, microsecond, tzinfo, fold)
        self._hashcode = -1
        return self

    @classmethod
    def _from_timestamp(cls, t, utc, tz):
        whole = int(t // 1) if isinstance(t, float) else int(t)
        frac = t - whole
        us = round(frac * 1e6)
        if us >= 1000000:
            whole += 1
            us -= 1000000
        elif us < 0:
            whole -= 1
            us += 1000000
        y, m, d, hh, mm, ss = (_time.gmtime if utc else _time.localtime)(whole)[:6]
        result = cls(y, m, d, hh, mm, min(ss, 59), us, tz)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        result = cls._from_timestamp(t, tz is not None, tz)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._from_timestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second, time.microsecond,
                   tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError('fromisoformat: argument must be str')
        date_part = _parse_iso_date(text[:10])
        rest = text[10:]
        if date_part is None or (len(text) > 10 and text[10] not in 'T '):
            raise ValueError(f'Invalid isoformat string: {text!r}')
        time_part = (0, 0, 0, 0, None)
        if rest:
            time_part = _parse_iso_time(rest[1:])
            if time_part is None:
                raise ValueError(f'Invalid isoformat string: {text!r}')
        return cls(*date_part, *time_part)

    @classmethod
    def strptime(cls, text, format):
        return _strptime(cls, text, format)

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo, fold=self._fold)

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(self)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(self)

    def dst(self):
        return None if self._tzinfo is None else self._tzinfo.dst(self)

    def timestamp(self):
        offset = self.utcoffset()
        if offset is None:
            offset = timedelta(0)  # the simulator's local time is UTC
        delta = self.replace(tzinfo=None) - offset - _EPOCH
        return delta.total_seconds()

    def utctimetuple(self):
        offset = self.utcoffset()
        value = self if offset is None else (self - offset)
        y, m, d = value.year, value.month, value.day
        return _time.struct_time((y, m, d, value.hour, value.minute, value.second, value.weekday(),
                                  _days_before_month(y, m) + d, 0))

    def timetuple(self):
        dst = self.dst()
        flag = -1 if dst is None else (1 if dst else 0)
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute, self._second,
                                  self.weekday(), _days_before_month(self._year, self._month) + self._day,
                                  flag))

    def astimezone(self, tz=None):
        if tz is None:
            tz = _LOCAL
        offset = self.utcoffset()
        base = self if offset is not None else self.replace(tzinfo=_LOCAL)
        if offset is None:
            offset = timedelta(0)
        utc = (base - offset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day, self._hour if hour is None else hour,
                          self._minute if minute is None else minute, self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    def isoformat(self, sep='T', timespec='auto'):
        return (f'{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}'
                + _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
                + _format_offset(self.utcoffset()))

    def __str__(self):
        return self.isoformat(sep=' ')

    def __repr__(self):
        args = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        while len(args) > 5 and args[-1] == 0:
            args.pop()
        text = ', '.join(str(a) for a in args)
        if self._tzinfo is not None:
            text += f', tzinfo={self._tzinfo!r}'
        if self._fold:
            text += ', fold=1'
        return f'{type(self).__module__}.{type(self).__qualname__}({text})'

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return (f'{_DAY_NAMES[weekday - 1]} {_MONTH_NAMES[self._month - 1]} {self._day:2d} '
                f'{self._hour:02d}:{self._minute:02d}:{self._second:02d} {self._year:04d}')

    def strftime(self, format):
        return _wrap_strftime(self, format, self.timetuple())

    def _to_microseconds(self):
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000
                + self._microsecond)

    def _compare(self, other, allow_mixed):
        # -1, 0 or 1; None when naive and aware datetimes are compared for equality.
        mine, theirs = self.utcoffset(), other.utcoffset()
        if (mine is None) != (theirs is None):
            if allow_mixed:
                return None
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        a = self._to_microseconds() - (mine._to_microseconds() if mine is not None else 0)
        b = other._to_microseconds() - (theirs._to_microseconds() if theirs is not None else 0)
        return _cmp(a, b)

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._compare(other, True) == 0
        if isinstance(other, date):
            return False
        return NotImplemented

    def _cmp(self, other):
        if isinstance(other, datetime):
            return self._compare(other, False)
        if isinstance(other, date):
            raise TypeError(f"can't compare {type(self).__module__}.{type(self).__name__} to "
                            f"{type(other).__module__}.{type(other).__name__}")
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            offset = self.utcoffset()
            us = self._to_microseconds() - (offset._to_microseconds() if offset is not None else 0)
            self._hashcode = hash(us)
        return self._hashcode

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        us = self._to_microseconds() + other._to_microseconds()
        days, rest = divmod(us, 86400000000)
        if not 0 < days <= _MAX_ORDINAL:
            raise OverflowError('date value out of range')
        y, m, d = _ordinal_to_ymd(days)
        seconds, micro = divmod(rest, 1000000)
        hh, rest_s = divmod(seconds, 3600)
        mm, ss = divmod(rest_s, 60)
        return type(self)(y, m, d, hh, mm, ss, micro, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        mine, theirs = self.utcoffset(), other.utcoffset()
        if (mine is None) != (theirs is None):
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        a = self._to_microseconds() - (mine._to_microseconds() if mine is not None else 0)
        b = other._to_microseconds() - (theirs._to_microseconds() if theirs is not None else 0)
        return timedelta._from_microseconds(a - b)

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day, self._hour, self._minute, self._second,
                             self._microsecond, self._tzinfo))


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1)
_LOCAL = timezone(timedelta(0), 'UTC')


# -- ISO 8601 and strptime -----------------------------------------------------------------------

def _digits(text, start, count):
    part = text[start:start + count]
    if len(part) != count or not part.isdigit():
        return None
    return int(part)


def _parse_iso_date(text):
    if len(text) >= 10 and text[4] == '-' and text[7] == '-':
        y, m, d = _digits(text, 0, 4), _digits(text, 5, 2), _digits(text, 8, 2)
    elif len(text) == 8:
        y, m, d = _digits(text, 0, 4), _digits(text, 4, 2), _digits(text, 6, 2)
    else:
        return None
    if None in (y, m, d):
        return None
    return y, m, d


def _parse_iso_time(text):
    tz = None
    for marker in ('+', '-', 'Z'):
        at = text.find(marker)
        if at > 0:
            zone = text[at:]
            text = text[:at]
            if zone == 'Z':
                tz = timezone.utc
            else:
                parts = zone[1:].replace(':', '')
                hh, mm = _digits(parts, 0, 2), _digits(parts, 2, 2) if len(parts) >= 4 else 0
                if hh is None or mm is None:
                    return None
                offset = timedelta(hours=hh, minutes=mm)
                tz = timezone.utc if not offset else timezone(-offset if zone[0] == '-' else offset)
            break
    pieces = text.split(':') if ':' in text else [text[i:i + 2] for i in range(0, min(len(text), 6), 2)]
    if not pieces or len(pieces) > 3:
        return None
    us = 0
    last = pieces[-1]
    for sep in ('.', ','):
        if sep in last:
            last, fraction = last.split(sep, 1)
            if not fraction.isdigit() or len(fraction) > 6 and not fraction[:6].isdigit():
                return None
            us = int((fraction + '000000')[:6])
            pieces[-1] = last
    numbers = []
    for piece in pieces:
        if len(piece) != 2 or not piece.isdigit():
            return None
        numbers.append(int(piece))
    while len(numbers) < 3:
        numbers.append(0)
    return numbers[0], numbers[1], numbers[2], us, tz


_FULL_MONTHS = ('january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
                'october', 'november', 'december')
_FULL_DAYS = ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')


def _strptime(cls, text, format):
    if not isinstance(text, str):
        raise TypeError(f'strptime() argument 1 must be str, not {type(text).__name__}')
    values = {'Y': 1900, 'm': 1, 'd': 1, 'H': 0, 'M': 0, 'S': 0, 'f': 0}
    pm = None
    tz = None
    pos = 0

    def fail():
        raise ValueError(f"time data {text!r} does not match format {format!r}")

    def number(width, minimum=1):
        nonlocal pos
        end = pos
        while end < len(text) and end - pos < width and text[end].isdigit():
            end += 1
        if end - pos < minimum:
            fail()
        value = int(text[pos:end])
        pos = end
        return value

    def word(names):
        nonlocal pos
        lowered = text[pos:].lower()
        for index, name in sorted(enumerate(names), key=lambda item: -len(item[1])):
            if lowered.startswith(name):
                pos += len(name)
                return index
        fail()

    i = 0
    while i < len(format):
        ch = format[i]
        if ch != '%':
            if ch.isspace():
                while pos < len(text) and text[pos].isspace():
                    pos += 1
            elif pos < len(text) and text[pos] == ch:
                pos += 1
            else:
                fail()
            i += 1
            continue
        code = format[i + 1] if i + 1 < len(format) else ''
        i += 2
        if code == 'Y':
            values['Y'] = number(4, 4)
        elif code == 'y':
            year = number(2, 2)
            values['Y'] = year + (2000 if year < 69 else 1900)
        elif code in 'mdHMS':
            values[code] = number(2)
        elif code == 'I':
            values['H'] = number(2)
            pm = pm if pm is not None else False
        elif code == 'p':
            index = word(('am', 'pm'))
            pm = index == 1
        elif code == 'f':
            start = pos
            digits = number(6)
            values['f'] = int(str(digits).rjust(pos - start, '0').ljust(6, '0'))
        elif code == 'j':
            values['j'] = number(3)
        elif code == 'b':
            values['m'] = word(tuple(name.lower() for name in _MONTH_NAMES)) + 1
        elif code == 'B':
            values['m'] = word(_FULL_MONTHS) + 1
        elif code == 'a':
            word(tuple(name.lower() for name in _DAY_NAMES))
        elif code == 'A':
            word(_FULL_DAYS)
        elif code == 'z':
            if text[pos:pos + 1] == 'Z':
                pos += 1
                tz = timezone.utc
            else:
                sign = text[pos:pos + 1]
                if sign not in ('+', '-'):
                    fail()
                pos += 1
                hh = number(2, 2)
                if text[pos:pos + 1] == ':':
                    pos += 1
                mm = number(2, 2)
                offset = timedelta(hours=hh, minutes=mm)
                tz = timezone(-offset if sign == '-' else offset)
        elif code == '%':
            if text[pos:pos + 1] != '%':
                fail()
            pos += 1
        else:
            raise ValueError(f"'{code}' is a bad directive in format '{format}'")
    if pos != len(text):
        raise ValueError(f'unconverted data remains: {text[pos:]}')
    hour = values['H']
    if pm is not None:
        hour = hour % 12 + (12 if pm else 0)
    result = cls(values['Y'], values['m'], values['d'], hour, values['M'], values['S'], values['f'], tz)
    if 'j' in values:
        result = cls.fromordinal(_ymd_to_ordinal(values['Y'], 1, 1) + values['j'] - 1).replace(
            hour=hour, minute=values['M'], second=values['S'], microsecond=values['f'], tzinfo=tz)
    return result
