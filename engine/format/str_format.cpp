#include "str_format.h"

#include <cstdio>

#include "utf8.h"

namespace loopscope {

namespace {

// Auto-numbering state shared by a template and the templates nested in its specs.
enum class Numbering { Unset, Automatic, Manual };

// A parse error: its message (ValueError).
struct ParseError {
    std::string message;
};

class TemplateParser {
  public:
    explicit TemplateParser(std::string_view text) : cps_(utf8CodePoints(text)) {}

    FormatTemplate parse()
    {
        FormatTemplate tmpl;
        std::optional<ParseError> error = parseRange(0, cps_.size(), 2, tmpl.pieces);
        if (error) {
            tmpl.ok = false;
            tmpl.errorType = "ValueError";
            tmpl.error = error->message;
        }
        return tmpl;
    }

  private:
    std::string text(size_t begin, size_t end) const
    {
        std::string out;
        for (size_t i = begin; i < end; ++i) {
            out += utf8Encode(cps_[i]);
        }
        return out;
    }

    // CPython's get_integer: all decimal digits gives the number, anything else -1
    // (and the empty string -1).
    std::optional<ParseError> integerOf(size_t begin, size_t end, int64_t& value) const
    {
        value = -1;
        if (begin >= end) {
            return std::nullopt;
        }
        int64_t accumulator = 0;
        for (size_t i = begin; i < end; ++i) {
            if (cps_[i] < '0' || cps_[i] > '9') {
                return std::nullopt;
            }
            const int digit = static_cast<int>(cps_[i] - '0');
            if (accumulator > (INT64_MAX - digit) / 10) {
                return ParseError{"Too many decimal digits in format string"};
            }
            accumulator = accumulator * 10 + digit;
        }
        value = accumulator;
        return std::nullopt;
    }

    // template: (literal | '{{' | '}}' | '{' field '}')*
    // Appends the pieces of cps_[begin, end) to [pieces]; [depth] is how many more levels
    // of nesting are allowed (CPython's recursion_depth).
    std::optional<ParseError> parseRange(size_t begin, size_t end, int depth,
                                         std::vector<FormatPiece>& pieces)
    {
        if (depth <= 0) {
            return ParseError{"Max string recursion exceeded"};
        }
        size_t pos = begin;
        while (pos < end) {
            const size_t literalStart = pos;
            uint32_t c = 0;
            bool markupFollows = false;
            while (pos < end) {
                c = cps_[pos++];
                if (c == '{' || c == '}') {
                    markupFollows = true;
                    break;
                }
            }
            const bool atEnd = pos >= end;
            size_t literalLength = pos - literalStart;
            if (c == '}' && markupFollows && (atEnd || cps_[pos] != '}')) {
                return ParseError{"Single '}' encountered in format string"};
            }
            if (atEnd && c == '{' && markupFollows) {
                return ParseError{"Single '{' encountered in format string"};
            }
            if (markupFollows && !atEnd) {
                if (cps_[pos] == c) {
                    ++pos; // an escaped brace: literal text only
                    markupFollows = false;
                } else {
                    --literalLength;
                }
            }
            if (literalLength > 0) {
                FormatPiece piece;
                piece.literal = text(literalStart, literalStart + literalLength);
                pieces.push_back(std::move(piece));
            }
            if (!markupFollows) {
                continue;
            }
            FormatPiece piece;
            piece.isField = true;
            if (std::optional<ParseError> error = parseField(pos, end, depth, piece.field)) {
                if (piece.field.incomplete) {
                    pieces.push_back(std::move(piece));
                }
                return error;
            }
            pieces.push_back(std::move(piece));
        }
        return std::nullopt;
    }

    // field: field_name ['!' conversion] [':' format_spec] '}'
    // field_name: [identifier | digits] ('.' identifier | '[' key ']')*
    std::optional<ParseError> parseField(size_t& pos, size_t end, int depth, FormatField& field)
    {
        const size_t nameStart = pos;
        uint32_t c = 0;
        bool terminated = false;
        while (pos < end) {
            c = cps_[pos++];
            if (c == '{') {
                return ParseError{"unexpected '{' in field name"};
            }
            if (c == '[') {
                while (pos < end && cps_[pos] != ']') {
                    ++pos;
                }
                continue;
            }
            if (c == '}' || c == ':' || c == '!') {
                terminated = true;
                break;
            }
        }
        const size_t nameEnd = terminated ? pos - 1 : pos;
        if (!terminated) {
            return ParseError{"expected '}' before end of string"};
        }
        field.text = text(nameStart, nameEnd);
        // CPython first finds the whole field (conversion and spec), and only then looks the
        // name up, converts, and expands the spec: errors come in that order.
        std::optional<ParseError> badConversion;
        if (c == '!') {
            if (pos >= end) {
                return ParseError{"end of string while looking for conversion specifier"};
            }
            const uint32_t conversion = cps_[pos++];
            if (conversion != 'r' && conversion != 's' && conversion != 'a') {
                char message[80];
                if (conversion > 32 && conversion < 127) {
                    std::snprintf(message, sizeof message, "Unknown conversion specifier %c",
                                  static_cast<char>(conversion));
                } else {
                    std::snprintf(message, sizeof message, "Unknown conversion specifier \\x%x", conversion);
                }
                badConversion = ParseError{message};
            }
            field.conversion = static_cast<char>(conversion);
            c = 0;
            if (pos < end) {
                c = cps_[pos++];
                if (c != '}' && c != ':') {
                    return ParseError{"expected ':' after conversion specifier"};
                }
            }
        }
        size_t specStart = pos;
        size_t specEnd = pos;
        bool needsExpanding = false;
        if (c != '}') {
            // The spec runs to the matching '}'; braces inside it nest.
            int count = 1;
            bool closed = false;
            while (pos < end && !closed) {
                const uint32_t s = cps_[pos++];
                if (s == '{') {
                    needsExpanding = true;
                    ++count;
                } else if (s == '}' && --count == 0) {
                    closed = true;
                }
            }
            if (!closed) {
                return ParseError{"unmatched '{' in format spec"};
            }
            specEnd = pos - 1;
        }
        field.specText = text(specStart, specEnd);
        if (std::optional<ParseError> error = parseFieldName(nameStart, nameEnd, field)) {
            return error;
        }
        if (badConversion) {
            field.incomplete = true; // CPython converts after looking the field up
            return badConversion;
        }
        if (needsExpanding) {
            std::optional<ParseError> error = parseRange(specStart, specEnd, depth - 1, field.spec);
            field.incomplete = error.has_value(); // CPython looked the field up before expanding
            return error;
        }
        if (specEnd > specStart) {
            FormatPiece literal;
            literal.literal = field.specText;
            field.spec.push_back(std::move(literal));
        }
        return std::nullopt;
    }

    std::optional<ParseError> parseFieldName(size_t begin, size_t end, FormatField& field)
    {
        size_t i = begin;
        while (i < end && cps_[i] != '.' && cps_[i] != '[') {
            ++i;
        }
        int64_t index = -1;
        if (std::optional<ParseError> error = integerOf(begin, i, index)) {
            return error;
        }
        const bool empty = i == begin;
        const bool numeric = empty || index != -1;
        if (numeric) {
            if (numbering_ == Numbering::Unset) {
                numbering_ = empty ? Numbering::Automatic : Numbering::Manual;
            }
            if (numbering_ == Numbering::Manual && empty) {
                return ParseError{
                    "cannot switch from manual field specification to automatic field numbering"};
            }
            if (numbering_ == Numbering::Automatic && !empty) {
                return ParseError{
                    "cannot switch from automatic field numbering to manual field specification"};
            }
            field.position = empty ? nextAutomatic_++ : static_cast<size_t>(index);
        } else {
            field.byKeyword = true;
            field.keyword = text(begin, i);
        }
        // From here on CPython has already looked the first name up (and each accessor
        // before the bad one): the field stays, marked incomplete, ahead of the error.
        while (i < end) {
            field.incomplete = true;
            FieldAccessor accessor;
            const uint32_t c = cps_[i++];
            size_t nameStart = i;
            size_t nameEnd = i;
            if (c == '.') {
                accessor.isAttribute = true;
                while (i < end && cps_[i] != '.' && cps_[i] != '[') {
                    ++i;
                }
                nameEnd = i;
            } else if (c == '[') {
                while (i < end && cps_[i] != ']') {
                    ++i;
                }
                if (i >= end) {
                    return ParseError{"Missing ']' in format string"};
                }
                nameEnd = i++;
                int64_t key = -1;
                if (std::optional<ParseError> error = integerOf(nameStart, nameEnd, key)) {
                    return error;
                }
                accessor.isIntegerKey = key != -1;
                accessor.index = key;
            } else {
                return ParseError{"Only '.' or '[' may follow ']' in format field specifier"};
            }
            if (nameStart == nameEnd) {
                return ParseError{"Empty attribute in format string"};
            }
            accessor.name = text(nameStart, nameEnd);
            field.accessors.push_back(std::move(accessor));
        }
        field.incomplete = false;
        return std::nullopt;
    }

    std::vector<uint32_t> cps_;
    Numbering numbering_ = Numbering::Unset;
    size_t nextAutomatic_ = 0;
};

enum class RenderOutcome { Done, CallbackFailed, StoppedAtError };

// Renders [pieces] into [out] with one callback a field. An incomplete field is where
// the template's error lies; it is skipped and rendering stops.
RenderOutcome renderPieces(const std::vector<FormatPiece>& pieces, const FieldFormatter& formatField,
                           std::string& out)
{
    for (const FormatPiece& piece : pieces) {
        if (!piece.isField) {
            out += piece.literal;
            continue;
        }
        if (piece.field.incomplete) {
            return RenderOutcome::StoppedAtError;
        }
        std::string spec;
        const RenderOutcome specOutcome = renderPieces(piece.field.spec, formatField, spec);
        if (specOutcome != RenderOutcome::Done) {
            return specOutcome;
        }
        std::optional<std::string> text = formatField(piece.field, spec);
        if (!text) {
            return RenderOutcome::CallbackFailed;
        }
        out += *text;
    }
    return RenderOutcome::Done;
}

// The same in CPython's exact order: a field's object is resolved before its spec's
// nested fields, and formatted after them.
RenderOutcome renderPieces(const std::vector<FormatPiece>& pieces, const FieldCallbacks& callbacks,
                           std::string& out)
{
    for (const FormatPiece& piece : pieces) {
        if (!piece.isField) {
            out += piece.literal;
            continue;
        }
        if (!callbacks.resolve(piece.field)) {
            return RenderOutcome::CallbackFailed;
        }
        std::string spec;
        const RenderOutcome specOutcome = renderPieces(piece.field.spec, callbacks, spec);
        if (specOutcome != RenderOutcome::Done) {
            return specOutcome;
        }
        if (piece.field.incomplete) {
            return RenderOutcome::StoppedAtError;
        }
        std::optional<std::string> text = callbacks.format(spec);
        if (!text) {
            return RenderOutcome::CallbackFailed;
        }
        out += *text;
    }
    return RenderOutcome::Done;
}

template <typename Callbacks> FormatResult render(const FormatTemplate& tmpl, const Callbacks& callbacks)
{
    std::string out;
    if (renderPieces(tmpl.pieces, callbacks, out) == RenderOutcome::CallbackFailed) {
        return FormatResult::callbackFailed();
    }
    if (!tmpl.ok) {
        return FormatResult::failure(tmpl.errorType, tmpl.error);
    }
    return FormatResult::success(std::move(out));
}

} // namespace

FormatTemplate parseFormatTemplate(std::string_view text)
{
    return TemplateParser(text).parse();
}

FormatResult renderFormatTemplate(const FormatTemplate& tmpl, const FieldFormatter& formatField)
{
    return render(tmpl, formatField);
}

FormatResult renderFormatTemplate(const FormatTemplate& tmpl, const FieldCallbacks& callbacks)
{
    return render(tmpl, callbacks);
}

} // namespace loopscope
