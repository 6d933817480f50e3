// The budgets table (budgets.def) as the command line and the window use it: names, help, and
// values read and written as text.

#include <charconv>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string>

#include "engine.h"

namespace loopscope {

const BudgetInfo kBudgetInfo[] = {
#define BUDGET(member, type, value, option, valueName, help) {#member, option, valueName, help},
#include "budgets.def"
#undef BUDGET
};
const size_t kBudgetCount = std::size(kBudgetInfo);

namespace {

bool isBytes(const char* valueName)
{
    return std::string_view(valueName) == "BYTES";
}

// A positive whole number; with [bytes], a K, M or G suffix multiplies it by 1024, 1024^2, 1024^3.
bool parseValue(std::string_view text, const char* valueName, uint64_t& out)
{
    uint64_t scale = 1;
    if (isBytes(valueName) && !text.empty()) {
        const char last = char(text.back() & ~0x20);
        if (last == 'K' || last == 'M' || last == 'G') {
            scale = last == 'K' ? uint64_t(1) << 10 : last == 'M' ? uint64_t(1) << 20 : uint64_t(1) << 30;
            text.remove_suffix(1);
        }
    }
    uint64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value == 0 || value > UINT64_MAX / scale)
        return false;
    out = value * scale;
    return true;
}

bool parseValue(std::string_view text, const char* valueName, int& out)
{
    uint64_t value = 0;
    if (!parseValue(text, valueName, value) || value > uint64_t(1) << 30)
        return false;
    out = int(value);
    return true;
}

bool parseValue(std::string_view text, const char*, double& out)
{
    std::string copy(text); // strtod needs a terminated string
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (copy.empty() || end != copy.c_str() + copy.size() || !std::isfinite(value) || !(value > 0))
        return false;
    out = value;
    return true;
}

std::string formatValue(uint64_t value, const char* valueName)
{
    if (isBytes(valueName)) {
        static const char suffixes[] = {'G', 'M', 'K'};
        for (int i = 0; i < 3; ++i) {
            const uint64_t unit = uint64_t(1) << (10 * (3 - i));
            if (value >= unit && value % unit == 0)
                return std::to_string(value / unit) + suffixes[i];
        }
    }
    return std::to_string(value);
}

std::string formatValue(int value, const char*)
{
    return std::to_string(value);
}

std::string formatValue(double value, const char*)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

} // namespace

bool setBudget(Budgets& budgets, size_t index, std::string_view text)
{
    size_t row = 0;
#define BUDGET(member, type, value, option, valueName, help)                                                 \
    if (index == row++)                                                                                      \
        return parseValue(text, valueName, budgets.member);
#include "budgets.def"
#undef BUDGET
    return false;
}

std::string budgetText(const Budgets& budgets, size_t index)
{
    size_t row = 0;
#define BUDGET(member, type, value, option, valueName, help)                                                 \
    if (index == row++)                                                                                      \
        return formatValue(budgets.member, valueName);
#include "budgets.def"
#undef BUDGET
    return {};
}

} // namespace loopscope
