#include "percent_format.h"

#include <cctype>
#include <climits>
#include <cstdio>

#include "float_repr.h"
#include "number_layout.h"
#include "utf8.h"

namespace loopscope {

namespace {

// The directive's flags, as bits.
constexpr unsigned kLeftJustify = 1; // '-'
constexpr unsigned kSign = 2;        // '+'
constexpr unsigned kBlank = 4;       // ' '
constexpr unsigned kAlternate = 8;   // '#'
constexpr unsigned kZero = 16;       // '0'

// One "%..." directive as parsed.
struct Directive {
    unsigned flags = 0;
    int64_t width = -1;
    int64_t precision = -1;
    uint32_t conversion = 0;
    bool numeric = false; // the text may carry a sign that zero padding goes after
};

// A pending error or the converted text of one directive.
struct Converted {
    bool ok = true;
    std::string text;
    FormatResult error;
};

Converted fail(std::string type, std::string message)
{
    return Converted{false, {}, FormatResult::failure(std::move(type), std::move(message))};
}

// "%d" and friends of an int: sign, "0x"-style prefix with '#', digits zero-padded to
// [precision] (CPython's _PyUnicode_FormatLong).
std::string formatInteger(int64_t value, char conversion, bool alternate, int64_t precision)
{
    int base = 10;
    std::string prefix;
    if (conversion == 'o') {
        base = 8;
        prefix = "0o";
    } else if (conversion == 'x' || conversion == 'X') {
        base = 16;
        prefix = conversion == 'x' ? "0x" : "0X";
    }
    const uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    std::string digits = toBase(magnitude, base, conversion == 'X');
    if (precision > static_cast<int64_t>(digits.size())) {
        digits.insert(0, static_cast<size_t>(precision) - digits.size(), '0');
    }
    return (value < 0 ? "-" : "") + (alternate ? prefix : std::string()) + digits;
}

// formatInteger for an int beyond int64_t.
Converted formatWideInteger(const IntOperand& value, char conversion, bool alternate, int64_t precision)
{
    const int base = conversion == 'o' ? 8 : (conversion == 'x' || conversion == 'X') ? 16 : 10;
    FormatResult digits = value.magnitude(base);
    if (!digits.ok) {
        return Converted{false, {}, digits};
    }
    if (conversion == 'X') {
        for (char& ch : digits.text) {
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        }
    }
    if (precision > static_cast<int64_t>(digits.text.size())) {
        digits.text.insert(0, static_cast<size_t>(precision) - digits.text.size(), '0');
    }
    std::string prefix = !alternate          ? ""
                         : conversion == 'o' ? "0o"
                         : conversion == 'x' ? "0x"
                         : conversion == 'X' ? "0X"
                                             : "";
    return Converted{true, (value.negative ? "-" : "") + prefix + digits.text, {}};
}

class PercentFormatter {
  public:
    PercentFormatter(std::string_view format, const PercentOperand& operand,
                     const PercentCallbacks& callbacks)
        : format_(utf8CodePoints(format)), operand_(operand), callbacks_(callbacks)
    {
        if (operand.isTuple) {
            argCount_ = static_cast<int64_t>(operand.items.size());
            argIndex_ = 0;
        } else if (!operand.items.empty()) {
            single_ = operand.items.front();
        }
    }

    FormatResult run()
    {
        while (pos_ < format_.size()) {
            if (format_[pos_] != '%') {
                out_ += utf8Encode(format_[pos_++]);
                continue;
            }
            ++pos_;
            if (pos_ < format_.size() && format_[pos_] == '%') {
                out_.push_back('%');
                ++pos_;
                continue;
            }
            if (std::optional<FormatResult> error = oneDirective()) {
                return *error;
            }
        }
        if (argIndex_ < argCount_ && !operand_.isMapping) {
            return FormatResult::failure("TypeError", "not all arguments converted during string formatting");
        }
        return FormatResult::success(std::move(out_));
    }

  private:
    // The next argument, as CPython's getnextarg: a tuple's items in turn, else the one value.
    std::optional<PercentArg> nextArg(FormatResult& error)
    {
        if (argIndex_ < argCount_) {
            ++argIndex_;
            if (argCount_ < 0) {
                return single_;
            }
            return operand_.items[static_cast<size_t>(argIndex_ - 1)];
        }
        error = FormatResult::failure("TypeError", "not enough arguments for format string");
        return std::nullopt;
    }

    bool atEnd() const { return pos_ >= format_.size(); }

    // directive: '%' ['(' key ')'] flags* (width | '*') ['.' (precision | '*')] [hlL] conversion
    std::optional<FormatResult> oneDirective()
    {
        Directive d;
        FormatResult error;
        if (!atEnd() && format_[pos_] == '(') {
            if (!operand_.isMapping) {
                return FormatResult::failure("TypeError", "format requires a mapping");
            }
            ++pos_;
            const size_t keyStart = pos_;
            int depth = 1;
            while (depth > 0 && pos_ < format_.size()) {
                if (format_[pos_] == ')') {
                    --depth;
                } else if (format_[pos_] == '(') {
                    ++depth;
                }
                ++pos_;
            }
            if (depth > 0) {
                return FormatResult::failure("ValueError", "incomplete format key");
            }
            std::string key;
            for (size_t i = keyStart; i < pos_ - 1; ++i) {
                key += utf8Encode(format_[i]);
            }
            std::optional<PercentArg> value = callbacks_.lookupKey(key);
            if (!value) {
                return FormatResult::callbackFailed();
            }
            single_ = std::move(*value);
            argCount_ = -1;
            argIndex_ = -2;
        }
        const auto incomplete = FormatResult::failure("ValueError", "incomplete format");
        for (;; ++pos_) {
            if (atEnd()) {
                return incomplete;
            }
            const uint32_t c = format_[pos_];
            const unsigned flag = c == '-'   ? kLeftJustify
                                  : c == '+' ? kSign
                                  : c == ' ' ? kBlank
                                  : c == '#' ? kAlternate
                                  : c == '0' ? kZero
                                             : 0u;
            if (flag == 0) {
                break;
            }
            d.flags |= flag;
        }
        if (format_[pos_] == '*') {
            std::optional<PercentArg> star = nextArg(error);
            if (!star) {
                return error;
            }
            if (star->kind != PercentArg::Kind::Int) {
                return FormatResult::failure("TypeError", "* wants int");
            }
            d.width = star->intValue;
            if (d.width < 0) {
                d.flags |= kLeftJustify;
                d.width = -d.width;
            }
            ++pos_;
        } else if (!readNumber(d.width, INT64_MAX)) {
            return FormatResult::failure("ValueError", "width too big");
        }
        if (!atEnd() && format_[pos_] == '.') {
            d.precision = 0;
            ++pos_;
            if (!atEnd() && format_[pos_] == '*') {
                std::optional<PercentArg> star = nextArg(error);
                if (!star) {
                    return error;
                }
                if (star->kind != PercentArg::Kind::Int) {
                    return FormatResult::failure("TypeError", "* wants int");
                }
                d.precision = std::max<int64_t>(0, star->intValue);
                ++pos_;
            } else if (!readNumber(d.precision, INT_MAX)) {
                return FormatResult::failure("ValueError", "precision too big");
            }
        }
        if (!atEnd() && (format_[pos_] == 'h' || format_[pos_] == 'l' || format_[pos_] == 'L')) {
            ++pos_;
        }
        if (atEnd()) {
            return incomplete;
        }
        // Precision lengthens numbers only; for %s it truncates.
        const bool precisionLengthens =
            std::string_view("sra").find(static_cast<char>(format_[pos_])) == std::string_view::npos;
        if (d.width > kMaxFormattedLength || (precisionLengthens && d.precision > kMaxFormattedLength)) {
            return FormatResult::failure("MemoryError", "");
        }
        d.conversion = format_[pos_++];
        std::optional<PercentArg> arg = nextArg(error);
        if (!arg) {
            return error;
        }
        Converted converted = convert(d, *arg);
        if (!converted.ok) {
            return converted.error;
        }
        output(d, converted.text);
        return std::nullopt;
    }

    // Reads decimal digits at the cursor into [value] (left unchanged when there are none).
    // Returns false when the number passes [limit].
    bool readNumber(int64_t& value, int64_t limit)
    {
        if (atEnd() || format_[pos_] < '0' || format_[pos_] > '9') {
            return true;
        }
        value = 0;
        while (!atEnd() && format_[pos_] >= '0' && format_[pos_] <= '9') {
            const int digit = static_cast<int>(format_[pos_] - '0');
            if (value > (limit - digit) / 10) {
                return false;
            }
            value = value * 10 + digit;
            ++pos_;
        }
        return true;
    }

    Converted stringify(const PercentArg& arg, char conversion)
    {
        std::optional<std::string> text = callbacks_.stringify(arg, conversion);
        if (!text) {
            return Converted{false, {}, FormatResult::callbackFailed()};
        }
        return Converted{true, std::move(*text), {}};
    }

    Converted convert(Directive& d, const PercentArg& arg)
    {
        using Kind = PercentArg::Kind;
        const auto c = static_cast<char>(d.conversion < 0x80 ? d.conversion : '?');
        switch (d.conversion) {
        case 's':
        case 'r':
        case 'a':
            if (c == 's' && arg.kind == Kind::Str) {
                return Converted{true, arg.text, {}};
            }
            if (c != 'a' && arg.kind == Kind::Int && arg.typeName != "bool" && !arg.wideInt) {
                return Converted{true, std::to_string(arg.intValue), {}};
            }
            if (c != 'a' && arg.kind == Kind::Float) {
                return Converted{true, floatRepr(arg.floatValue), {}};
            }
            return stringify(arg, c);
        case 'i':
        case 'd':
        case 'u':
        case 'o':
        case 'x':
        case 'X': {
            d.numeric = true;
            int64_t value = arg.intValue;
            if (arg.kind == Kind::Float && (c == 'o' || c == 'x' || c == 'X')) {
                return fail("TypeError", std::string("%") + c + " format: an integer is required, not float");
            }
            if (arg.kind == Kind::Float) {
                FloatToIntResult truncated = floatTruncateToInt(arg.floatValue);
                if (!truncated.ok) {
                    return fail(truncated.errorType, truncated.error);
                }
                value = truncated.value;
            } else if (arg.kind != Kind::Int) {
                const char* wanted = (c == 'o' || c == 'x' || c == 'X') ? "an integer" : "a real number";
                return fail("TypeError", std::string("%") + c + " format: " + wanted + " is required, not " +
                                             arg.typeName);
            }
            const char base = (c == 'i' || c == 'u') ? 'd' : c;
            if (arg.wideInt) {
                return formatWideInteger(*arg.wideInt, base, d.flags & kAlternate, d.precision);
            }
            return Converted{true, formatInteger(value, base, d.flags & kAlternate, d.precision), {}};
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
            d.numeric = true;
            double value = 0;
            if (arg.kind == Kind::Float) {
                value = arg.floatValue;
            } else if (arg.kind == Kind::Int && arg.wideInt) {
                if (!arg.wideInt->asDouble) {
                    return fail("OverflowError", "int too large to convert to float");
                }
                value = *arg.wideInt->asDouble;
            } else if (arg.kind == Kind::Int) {
                value = static_cast<double>(arg.intValue);
            } else {
                return fail("TypeError", "must be real number, not " + arg.typeName);
            }
            const int precision = d.precision < 0 ? 6 : static_cast<int>(d.precision);
            return Converted{true, formatDouble(value, c, precision, d.flags & kAlternate, false), {}};
        }
        case 'c':
            if (arg.kind == Kind::Str && utf8Length(arg.text) == 1) {
                return Converted{true, arg.text, {}};
            }
            if (arg.kind == Kind::Int) {
                if (arg.wideInt || arg.intValue < 0 || arg.intValue > 0x10ffff) {
                    return fail("OverflowError", "%c arg not in range(0x110000)");
                }
                return Converted{true, utf8Encode(static_cast<uint32_t>(arg.intValue)), {}};
            }
            return fail("TypeError", "%c requires int or char");
        default: {
            char message[128];
            const char shown =
                (d.conversion >= 31 && d.conversion <= 126) ? static_cast<char>(d.conversion) : '?';
            std::snprintf(message, sizeof message, "unsupported format character '%c' (0x%x) at index %zu",
                          shown, static_cast<unsigned>(d.conversion), pos_ - 1);
            return fail("ValueError", message);
        }
        }
    }

    // Pads [text] to the directive's width (CPython's unicode_format_arg_output): zero
    // padding goes between the sign / "0x" prefix and the digits, '-' pads on the right.
    void output(Directive& d, const std::string& converted)
    {
        const char fill = (d.numeric && (d.flags & kZero)) ? '0' : ' ';
        std::string_view text = converted;
        int64_t length = static_cast<int64_t>(utf8Length(text));
        if (d.conversion == 's' || d.conversion == 'r' || d.conversion == 'a') {
            if (d.precision >= 0 && length > d.precision) {
                text = utf8Prefix(text, static_cast<size_t>(d.precision));
                length = d.precision;
            }
        }
        char signChar = 0;
        if (d.numeric) {
            if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
                signChar = text[0];
                text.remove_prefix(1);
                --length;
            } else if (d.flags & kSign) {
                signChar = '+';
            } else if (d.flags & kBlank) {
                signChar = ' ';
            }
        }
        int64_t width = std::max(d.width, length);
        if (signChar) {
            if (fill != ' ') {
                out_.push_back(signChar);
            }
            if (width > length) {
                --width;
            }
        }
        const bool hasPrefix =
            (d.flags & kAlternate) && (d.conversion == 'x' || d.conversion == 'X' || d.conversion == 'o');
        std::string_view prefix;
        if (hasPrefix) {
            prefix = text.substr(0, 2);
            text.remove_prefix(2);
            if (fill != ' ') {
                out_ += prefix;
            }
            width = std::max<int64_t>(0, width - 2);
            length -= 2;
        }
        if (width > length && !(d.flags & kLeftJustify)) {
            out_.append(static_cast<size_t>(width - length), fill);
            width = length;
        }
        if (fill == ' ') {
            if (signChar) {
                out_.push_back(signChar);
            }
            out_ += prefix;
        }
        out_ += text;
        if (width > length) {
            out_.append(static_cast<size_t>(width - length), ' ');
        }
    }

    std::vector<uint32_t> format_;
    const PercentOperand& operand_;
    const PercentCallbacks& callbacks_;
    size_t pos_ = 0;
    std::string out_;
    std::optional<PercentArg> single_;
    int64_t argCount_ = -1; // -1: a single non-tuple value (CPython's arglen)
    int64_t argIndex_ = -2;
};

} // namespace

FormatResult percentFormat(std::string_view format, const PercentOperand& operand,
                           const PercentCallbacks& callbacks)
{
    return PercentFormatter(format, operand, callbacks).run();
}

} // namespace loopscope
