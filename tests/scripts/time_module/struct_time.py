# struct_time is a 9-tuple with named fields; strftime, asctime and mktime on explicit times.
import time

t = time.gmtime(1234567890.75)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print(t[0], t[-1], t[:3], len(t), tuple(t) == t, isinstance(t, tuple), type(t).__name__)
print(time.asctime(t), time.mktime(t), time.strftime('%Y-%m-%dT%H:%M:%S %a %b %j %U %w %y %%', t))
print(time.strftime('%d/%m/%Y %I:%M %p', (2024, 2, 29, 13, 5, 0, 3, 60, 0)), time.gmtime(-1.5))
print(time.asctime((2024, 1, 5, 3, 4, 5, 4, 5, 0)), time.strftime('%j %d', (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
for bad in ((2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 1, 24, 0, 0, 0, 1, 0), (2024, 1, 32, 0, 0, 0, 0, 1, 0)):
    try:
        time.strftime('%Y', bad)
    except ValueError as error:
        print(error)
for bad in ((1, 2), 5):
    try:
        time.strftime('%Y', bad)
    except TypeError as error:
        print(error)

# expect: time.struct_time(tm_year=2009, tm_mon=2, tm_mday=13, tm_hour=23, tm_min=31, tm_sec=30, tm_wday=4, tm_yday=44, tm_isdst=0)
# expect: 2009 2 13 23 31 30 4 44 0
# expect: 2009 0 (2009, 2, 13) 9 True True struct_time
# expect: Fri Feb 13 23:31:30 2009 1234567890.0 2009-02-13T23:31:30 Fri Feb 044 06 5 09 %
# expect: 29/02/2024 01:05 PM time.struct_time(tm_year=1969, tm_mon=12, tm_mday=31, tm_hour=23, tm_min=59, tm_sec=58, tm_wday=2, tm_yday=365, tm_isdst=0)
# expect: Fri Jan  5 03:04:05 2024 001 01
# expect: month out of range
# expect: hour out of range
# expect: day of month out of range
# expect: strftime(): illegal time tuple argument
# expect: Tuple or struct_time argument required
