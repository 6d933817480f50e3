# time for Loopscope: every clock reads the virtual clock, which starts at 0.0 (1970-01-01
# 00:00:00 UTC for the calendar functions); time.sleep() advances it while the caller keeps the
# loop. The simulator's time zone is UTC. The clocks and strftime are native (_time).
import _time

time = _time.time
monotonic = _time.monotonic
perf_counter = _time.perf_counter
process_time = _time.process_time
thread_time = _time.thread_time
time_ns = _time.time_ns
monotonic_ns = _time.monotonic_ns
perf_counter_ns = _time.perf_counter_ns
process_time_ns = _time.process_time_ns
sleep = _time.sleep

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday',
           'tm_isdst')
_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')


class struct_time(tuple):
    """The time value sequence returned by gmtime(), localtime() and strptime()."""

    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __repr__(self):
        return 'time.struct_time(' + ', '.join(
            f'{name}={value!r}' for name, value in zip(_FIELDS, self)) + ')'

    def __reduce__(self):
        return (struct_time, (tuple(self),))

    @property
    def tm_year(self):
        return self[0]

    @property
    def tm_mon(self):
        return self[1]

    @property
    def tm_mday(self):
        return self[2]

    @property
    def tm_hour(self):
        return self[3]

    @property
    def tm_min(self):
        return self[4]

    @property
    def tm_sec(self):
        return self[5]

    @property
    def tm_wday(self):
        return self[6]

    @property
    def tm_yday(self):
        return self[7]

    @property
    def tm_isdst(self):
        return self[8]

    @property
    def tm_zone(self):
        return getattr(self, '_zone', 'UTC')

    @property
    def tm_gmtoff(self):
        return 0


class _GmStructTime(struct_time):
    # C's gmtime names its zone GMT; the UTC local time names it UTC.
    _zone = 'GMT'


_GmStructTime.__name__ = _GmStructTime.__qualname__ = 'struct_time'


_time.struct_time_classes = (struct_time, _GmStructTime)
gmtime = _time.gmtime
localtime = _time.localtime


def _fields(t, name):
    if t is None:
        return localtime()
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError(f'{name}(): illegal time tuple argument')
    return t


def strftime(format, t=None):
    t = _fields(t, 'strftime')
    return _time.strftime(format, tuple(t), t.tm_zone if isinstance(t, struct_time) else 'UTC')


def asctime(t=None):
    t = _fields(t, 'asctime')
    # The same range checks as strftime.
    _time.strftime('', tuple(t), 'UTC')
    year, month, day, hour, minute, second, weekday = t[:7]
    return (f'{_DAYS[weekday % 7]} {_MONTHS[max(month, 1) - 1]}{max(day, 1):3d} '
            f'{hour:02d}:{minute:02d}:{second:02d} {year}')


def ctime(secs=None):
    return asctime(localtime(secs))


def mktime(t):
    return _time.timegm(_fields(t, 'mktime'))


def get_clock_info(name):
    if name not in ('time', 'monotonic', 'perf_counter', 'process_time', 'thread_time'):
        raise ValueError('unknown clock')
    return _ClockInfo(name)


class _ClockInfo:
    def __init__(self, name):
        self.implementation = 'loopscope virtual clock'
        self.monotonic = name != 'time'
        self.adjustable = name == 'time'
        self.resolution = 1e-09

    def __repr__(self):
        return (f'namespace(implementation={self.implementation!r}, monotonic={self.monotonic!r}, '
                f'adjustable={self.adjustable!r}, resolution={self.resolution!r})')
