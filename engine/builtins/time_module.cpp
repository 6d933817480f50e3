// _time: the native half of the time module (engine/prelude/time.py): the clocks, which all
// read the virtual clock, the blocking sleep, and the calendar arithmetic and strftime of
// CPython's time module in UTC (the simulator has no time zone), independent of the host's
// TZ and locale.

#include <cmath>
#include <ctime>
#include <locale.h>

#include "../bigint.h"
#include "../vm.h"

namespace loopscope {

namespace {

// The nine fields of a struct_time, as Python numbers them (month 1-12, Monday = 0, ...).
struct Fields {
    int64_t v[9] = {};
};

Fields fieldsOf(VM& vm, const Value& tuple, const char* what)
{
    std::vector<Value> items = vm.toVector(tuple);
    if (items.size() != 9)
        vm.raise(ExcType::TypeError, std::string(what) + "(): illegal time tuple argument");
    Fields f;
    for (size_t i = 0; i < 9; ++i) {
        if (!items[i].isIntLike())
            vm.raise(ExcType::TypeError,
                     "'" + vm.typeName(items[i]) + "' object cannot be interpreted as an integer");
        f.v[i] = items[i].asInt();
    }
    return f;
}

// CPython's gettmarg and the checks strftime and asctime make (month, day and yearday 0 mean
// their first value).
std::tm toTm(VM& vm, const Fields& f)
{
    std::tm tm{};
    tm.tm_year = int(f.v[0] - 1900);
    tm.tm_mon = int(f.v[1] - 1);
    tm.tm_mday = int(f.v[2]);
    tm.tm_hour = int(f.v[3]);
    tm.tm_min = int(f.v[4]);
    tm.tm_sec = int(f.v[5]);
    tm.tm_wday = int(((f.v[6] + 1) % 7 + 7) % 7);
    tm.tm_yday = int(f.v[7] - 1);
    tm.tm_isdst = f.v[8] < -1 ? -1 : f.v[8] > 1 ? 1 : int(f.v[8]);
    if (tm.tm_mon == -1)
        tm.tm_mon = 0;
    else if (tm.tm_mon < 0 || tm.tm_mon > 11)
        vm.raise(ExcType::ValueError, "month out of range");
    if (tm.tm_mday == 0)
        tm.tm_mday = 1;
    else if (tm.tm_mday < 0 || tm.tm_mday > 31)
        vm.raise(ExcType::ValueError, "day of month out of range");
    if (tm.tm_hour < 0 || tm.tm_hour > 23)
        vm.raise(ExcType::ValueError, "hour out of range");
    if (tm.tm_min < 0 || tm.tm_min > 59)
        vm.raise(ExcType::ValueError, "minute out of range");
    if (tm.tm_sec < 0 || tm.tm_sec > 61)
        vm.raise(ExcType::ValueError, "seconds out of range");
    if (tm.tm_yday == -1)
        tm.tm_yday = 0;
    else if (tm.tm_yday < 0 || tm.tm_yday > 365)
        vm.raise(ExcType::ValueError, "day of year out of range");
    return tm;
}

// Seconds since the epoch of a UTC calendar time (timegm, without the host's time zone).
int64_t secondsOf(const std::tm& tm)
{
    // Days from civil (Howard Hinnant's algorithm), proleptic Gregorian.
    int64_t y = int64_t(tm.tm_year) + 1900, m = tm.tm_mon + 1;
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + tm.tm_mday - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = era * 146097 + doe - 719468;
    return days * 86400 + tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
}

Value brokenDown(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "broken_down", 1, 1);
    double secs = a[0].isNone() ? vm.now() : vm.toDouble(a[0]);
    if (std::isnan(secs))
        vm.raise(ExcType::ValueError, "Invalid value NaN (not a number)");
    double whole = std::floor(secs);
    if (!(whole >= -67767976233532800.0 && whole <= 67767976233532800.0))
        vm.raise(ExcType::OverflowError, "timestamp out of range for platform time_t");
    std::time_t t = std::time_t(whole);
    std::tm tm{};
    if (!gmtime_r(&t, &tm))
        vm.raise(ExcType::OverflowError, "timestamp out of range for platform time_t");
    return vm.newTuple({Value::integer(int64_t(tm.tm_year) + 1900), Value::integer(tm.tm_mon + 1),
                        Value::integer(tm.tm_mday), Value::integer(tm.tm_hour), Value::integer(tm.tm_min),
                        Value::integer(tm.tm_sec), Value::integer((tm.tm_wday + 6) % 7),
                        Value::integer(tm.tm_yday + 1), Value::integer(0)});
}

// localtime(secs) and gmtime(secs): builtin functions (they do not bind as methods, so that
// `Formatter.converter = time.gmtime` works) making the struct_time classes of time.py, which
// registers them as _time.struct_time_classes.
template <bool gm> Value structTime(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, gm ? "gmtime" : "localtime", 0, 1);
    Value none = Value::none();
    CallArgs inner;
    inner.args = a.count ? a.args : &none;
    inner.count = 1;
    Value fields = brokenDown(vm, inner);
    Value* classes =
        vm.nativeModules["_time"].as<ModuleObj>()->dict()->table.findStr(vm.internStr("struct_time_classes"));
    if (!classes || !isKind(*classes, ObjKind::Tuple) || classes->as<TupleObj>()->items.size() != 2)
        return fields;
    return vm.call(classes->as<TupleObj>()->items[gm ? 1 : 0], {fields});
}

// strftime(format, fields, zone): C's strftime in the "C" locale, whatever the host's.
Value strftimeNative(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "strftime", 3, 3);
    if (!isStr(a[0]))
        vm.raise(ExcType::TypeError, "strftime() argument 1 must be str, not " + vm.typeName(a[0]));
    std::tm tm = toTm(vm, fieldsOf(vm, a[1], "strftime"));
    std::string zone = isStr(a[2]) ? strText(a[2]) : "UTC";
    tm.tm_zone = zone.c_str();
    tm.tm_gmtoff = 0;
    // %s is seconds since the epoch, which C computes in the host's time zone: done here in UTC.
    std::string format;
    const std::string& text = strText(a[0]);
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 1 < text.size()) {
            if (text[i + 1] == 's') {
                format += std::to_string(secondsOf(tm));
                ++i;
                continue;
            }
            format += text.substr(i, 2);
            ++i;
            continue;
        }
        format += text[i];
    }
    if (format.empty())
        return vm.intern("");
    static locale_t cLocale = newlocale(LC_ALL_MASK, "C", locale_t(0));
    // strftime returns 0 both for "too small" and for an empty result: grow, up to a bound.
    for (size_t size = 256; size <= (size_t(1) << 20); size *= 4) {
        std::string out(size, '\0');
        size_t n = strftime_l(out.data(), size, format.c_str(), &tm, cLocale);
        if (n > 0 || size > format.size() * 256) {
            out.resize(n);
            return vm.newStr(std::move(out));
        }
    }
    return vm.intern("");
}

Value timegm(VM& vm, const CallArgs& a)
{
    checkArgs(vm, a, "timegm", 1, 1);
    Fields f = fieldsOf(vm, a[0], "mktime");
    std::tm tm{};
    tm.tm_year = int(f.v[0] - 1900);
    tm.tm_mon = 0;
    tm.tm_mday = 1;
    // Out-of-range fields carry over, as mktime normalises them.
    int64_t days = 0;
    int64_t months = f.v[1] - 1;
    tm.tm_year += int(months >= 0 ? months / 12 : -((11 - months) / 12));
    tm.tm_mon = int(((months % 12) + 12) % 12);
    days = f.v[2] - 1;
    int64_t seconds = secondsOf(tm) + days * 86400 + f.v[3] * 3600 + f.v[4] * 60 + f.v[5];
    return Value::floating(double(seconds));
}

} // namespace

static Value makeTimeNative(VM& vm)
{
    Value m = makeModule(vm, "_time");
    NativeFn now = [](VM& vm, const CallArgs&) { return Value::floating(vm.now()); };
    moduleAddFunction(vm, m, "time", now);
    moduleAddFunction(vm, m, "monotonic", now);
    moduleAddFunction(vm, m, "perf_counter", now);
    moduleAddFunction(vm, m, "process_time", now);
    moduleAddFunction(vm, m, "thread_time", now);
    NativeFn nowNs = [](VM& vm, const CallArgs&) {
        return Value::integer(int64_t(std::llround(vm.now() * 1e9)));
    };
    moduleAddFunction(vm, m, "time_ns", nowNs);
    moduleAddFunction(vm, m, "monotonic_ns", nowNs);
    moduleAddFunction(vm, m, "perf_counter_ns", nowNs);
    moduleAddFunction(vm, m, "process_time_ns", nowNs);
    // time.sleep blocks: the virtual clock moves while the caller keeps the loop.
    moduleAddFunction(vm, m, "sleep", [](VM& vm, const CallArgs& a) {
        checkArgs(vm, a, "sleep", 1, 1);
        double s = vm.toDouble(a[0]);
        // CPython converts to int64 nanoseconds (_PyTime_t) first, with these errors.
        if (std::isnan(s))
            vm.raise(ExcType::ValueError, "Invalid value NaN (not a number)");
        if (isBigInt(a[0]) || (a[0].isIntLike() && (a[0].asInt() > INT64_MAX / 1'000'000'000 ||
                                                    a[0].asInt() < INT64_MIN / 1'000'000'000)))
            vm.raise(ExcType::OverflowError, "timestamp too large to convert to C _PyTime_t");
        if (!(std::fabs(s) * 1e9 < 9.223372036854775807e18))
            vm.raise(ExcType::OverflowError, "timestamp out of range for platform time_t");
        if (s < 0)
            vm.raise(ExcType::ValueError, "sleep length must be non-negative");
        // The task holds the loop while it sleeps: the virtual-time budget still holds.
        if (vm.now() + s > vm.options().budgets.virtualTime)
            vm.stopRun("LimitExceeded",
                       "virtual time would pass the limit of " +
                           vm.str(Value::floating(vm.options().budgets.virtualTime)) + " s (time.sleep(" +
                           vm.repr(a[0]) + ") at " + vm.str(Value::floating(vm.now())) + " s)",
                       "max-time");
        const double start = vm.now();
        vm.setNow(start + s);
        if (vm.tracing()) {
            const uint32_t text = vm.internTrace("time.sleep(" + vm.repr(a[0]) + ")");
            vm.record(
                TraceEvent::blockingCall(start, vm.currentTask, StringId{text}, vm.scenarioLine(), vm.now()));
        }
        return Value::none();
    });
    moduleAddFunction(vm, m, "broken_down", brokenDown);
    moduleAddFunction(vm, m, "localtime", structTime<false>);
    moduleAddFunction(vm, m, "gmtime", structTime<true>);
    moduleAddFunction(vm, m, "strftime", strftimeNative);
    moduleAddFunction(vm, m, "timegm", timegm);
    return m;
}

void registerTimeModule(VM& vm)
{
    vm.nativeModules["_time"] = makeTimeNative(vm);
}

} // namespace loopscope
