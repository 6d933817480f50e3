# date, time, datetime, timedelta and timezone: construction, arithmetic, comparisons, reprs.
from datetime import date, datetime, time, timedelta, timezone

d = datetime(2024, 3, 15, 14, 30, 5, 123456)
print(d, repr(d), d.isoformat(), d.isoformat(' ', 'seconds'), d.isoformat(timespec='milliseconds'))
print(d.strftime('%Y-%m-%d %H:%M:%S.%f %a %A %b %B %j %p %I %y %U %W %c %x %X %z|%Z|'), f"{d:%H:%M}")
print(d.date(), d.time(), repr(d.time()), d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal())
print(d + timedelta(days=20, hours=12), d - timedelta(weeks=10), d - datetime(2024, 1, 1), datetime(2024, 1, 1) - d)
print(d.replace(year=2020, microsecond=0), d.ctime(), d.timetuple(), d > datetime(2024, 1, 1), d == d.replace())
td = timedelta(days=1, hours=2, minutes=3, seconds=4.5, milliseconds=6, microseconds=7)
print(td, repr(td), td.total_seconds(), td.days, td.seconds, td.microseconds, -td, abs(-td), repr(timedelta()))
print(timedelta(seconds=-1), repr(timedelta(seconds=-1)), timedelta(hours=-25), timedelta(minutes=90) / timedelta(minutes=30))
print(td * 2, td * 1.5, td / 3, td // 4, td // timedelta(hours=1), td % timedelta(hours=1), divmod(td, timedelta(hours=7)))
print(timedelta(0.5), timedelta(seconds=0.1), timedelta(microseconds=1.5), timedelta(microseconds=2.5))
print(sum([timedelta(seconds=5)] * 3, timedelta()), timedelta(days=2) > timedelta(hours=47), bool(timedelta()))
print(timedelta.max, timedelta.min, timedelta.resolution, datetime.min, datetime.max)
print(date(2024, 2, 29) + timedelta(days=366), date(2024, 12, 31).isocalendar(), date(2021, 1, 3).isocalendar())
print(date(2000, 1, 1).strftime('%A %d %B %Y'), date.fromisoformat('2024-05-06'), datetime.fromisoformat('2024-05-06T07:08:09'))
print(datetime.fromisoformat('2024-05-06 07:08:09.5+02:00'), repr(datetime.fromisoformat('2024-05-06T07:08:09.123+00:00')))
print(repr(datetime(2024, 1, 1, tzinfo=timezone.utc)), timezone.utc, repr(timezone.utc), timezone(timedelta(hours=5, minutes=30)))
print(repr(timezone(timedelta(hours=-3))), timezone(timedelta(hours=1), 'CET'))
a = datetime(2024, 1, 1, 12, tzinfo=timezone(timedelta(hours=2)))
print(a, a.astimezone(timezone.utc), a.utcoffset(), a.tzname(), a.timestamp(), a - datetime(2024, 1, 1, 9, tzinfo=timezone.utc))
print(datetime.strptime('2024-03-15 14:30:05', '%Y-%m-%d %H:%M:%S'), datetime.strptime('15/Mar/2024:02:30 PM', '%d/%b/%Y:%I:%M %p'))
print(datetime.fromtimestamp(1e9, timezone.utc), datetime.utcfromtimestamp(1234567890.123456), datetime.utcfromtimestamp(0))
print(datetime.combine(date(2024, 1, 2), time(3, 4)), time(12, 30), repr(time(12, 30, 1, 5)), time(9).isoformat())
print(sorted([datetime(2024, 1, 2), datetime(2023, 5, 1), datetime(2024, 1, 1, 23)]), {date(2024, 1, 1): 'x'}[date(2024, 1, 1)])
print(datetime(2024, 1, 1) == date(2024, 1, 1), date(2024, 1, 1) == datetime(2024, 1, 1))
for bad in (lambda: date(2024, 2, 30), lambda: datetime(2024, 13, 1), lambda: time(24), lambda: datetime.fromisoformat('nope'),
            lambda: datetime(2024, 1, 1) < datetime(2024, 1, 1, tzinfo=timezone.utc)):
    try:
        bad()
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)

# expect: 2024-03-15 14:30:05.123456 datetime.datetime(2024, 3, 15, 14, 30, 5, 123456) 2024-03-15T14:30:05.123456 2024-03-15 14:30:05 2024-03-15T14:30:05.123
# expect: 2024-03-15 14:30:05.123456 Fri Friday Mar March 075 PM 02 24 10 11 Fri Mar 15 14:30:05 2024 03/15/24 14:30:05 || 14:30
# expect: 2024-03-15 14:30:05.123456 datetime.time(14, 30, 5, 123456) 4 5 datetime.IsoCalendarDate(year=2024, week=11, weekday=5) 738960
# expect: 2024-04-05 02:30:05.123456 2024-01-05 14:30:05.123456 74 days, 14:30:05.123456 -75 days, 9:29:54.876544
# expect: 2020-03-15 14:30:05 Fri Mar 15 14:30:05 2024 time.struct_time(tm_year=2024, tm_mon=3, tm_mday=15, tm_hour=14, tm_min=30, tm_sec=5, tm_wday=4, tm_yday=75, tm_isdst=-1) True True
# expect: 1 day, 2:03:04.506007 datetime.timedelta(days=1, seconds=7384, microseconds=506007) 93784.506007 1 7384 506007 -2 days, 21:56:55.493993 1 day, 2:03:04.506007 datetime.timedelta(0)
# expect: -1 day, 23:59:59 datetime.timedelta(days=-1, seconds=86399) -2 days, 23:00:00 3.0
# expect: 2 days, 4:06:09.012014 1 day, 15:04:36.759010 8:41:01.502002 6:30:46.126501 26 0:03:04.506007 (3, datetime.timedelta(seconds=18184, microseconds=506007))
# expect: 12:00:00 0:00:00.100000 0:00:00.000002 0:00:00.000002
# expect: 0:00:15 True False
# expect: 999999999 days, 23:59:59.999999 -999999999 days, 0:00:00 0:00:00.000001 0001-01-01 00:00:00 9999-12-31 23:59:59.999999
# expect: 2025-03-01 datetime.IsoCalendarDate(year=2025, week=1, weekday=2) datetime.IsoCalendarDate(year=2020, week=53, weekday=7)
# expect: Saturday 01 January 2000 2024-05-06 2024-05-06 07:08:09
# expect: 2024-05-06 07:08:09.500000+02:00 datetime.datetime(2024, 5, 6, 7, 8, 9, 123000, tzinfo=datetime.timezone.utc)
# expect: datetime.datetime(2024, 1, 1, 0, 0, tzinfo=datetime.timezone.utc) UTC datetime.timezone.utc UTC+05:30
# expect: datetime.timezone(datetime.timedelta(days=-1, seconds=75600)) CET
# expect: 2024-01-01 12:00:00+02:00 2024-01-01 10:00:00+00:00 2:00:00 UTC+02:00 1704103200.0 1:00:00
# expect: 2024-03-15 14:30:05 2024-03-15 14:30:00
# expect: 2001-09-09 01:46:40+00:00 2009-02-13 23:31:30.123456 1970-01-01 00:00:00
# expect: 2024-01-02 03:04:00 12:30:00 datetime.time(12, 30, 1, 5) 09:00:00
# expect: [datetime.datetime(2023, 5, 1, 0, 0), datetime.datetime(2024, 1, 1, 23, 0), datetime.datetime(2024, 1, 2, 0, 0)] x
# expect: False False
# expect: ValueError day is out of range for month
# expect: ValueError month must be in 1..12
# expect: ValueError hour must be in 0..23
# expect: ValueError Invalid isoformat string: 'nope'
# expect: TypeError can't compare offset-naive and offset-aware datetimes
