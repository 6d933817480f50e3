#pragma once
// str.format templates: "{0.name[1]!r:>{width}}". The template is parsed into
// literal runs and replacement fields; the VM resolves each field's value and
// formats it through callbacks while renderFormatTemplate assembles the text.
//
// Usage (str.format(*args, **kwargs) / format_map(mapping)), in CPython's exact order:
//   FormatTemplate tmpl = parseFormatTemplate(text);   // may be cached per constant string
//   std::vector<Value> pending;                        // resolved, not yet formatted
//   FieldCallbacks callbacks;
//   callbacks.resolve = [&](const FormatField& field) -> bool {
//       // 1. the object: field.byKeyword ? kwargs[field.keyword] : args[field.position]
//       //    (errors as CPython: KeyError 'name'; IndexError "Replacement index 3 out of range
//       //    for positional args tuple"; format_map with a positional field: ValueError
//       //    "Format string contains positional fields")
//       // 2. each accessor in order: getattr(obj, name), or obj[index] (int key) / obj[name]
//       // 3. unless field.incomplete: field.conversion 'r' repr, 's' str, 'a' ascii, 0 none
//       // push it on [pending]; return false when an exception was raised
//   };
//   callbacks.format = [&](std::string_view spec) -> std::optional<std::string> {
//       // pop the last pending object, return format(obj, spec); nullopt when it raised
//   };
//   FormatResult r = renderFormatTemplate(tmpl, callbacks);   // then clear [pending]
// Nested fields in a spec ("{0:{1}}") are resolved and formatted between the outer
// field's resolve and format, as CPython does, hence the stack.
//
// Parse errors are CPython's ValueErrors. CPython parses lazily, so an error is raised
// only after the fields before it were formatted: the template keeps the pieces before
// the error and renderFormatTemplate reports it after them. When CPython would already
// have looked the failing field up (a bad accessor such as "{0.}", or a bad nested spec),
// that field is kept too, marked [incomplete]: it is resolved but never formatted.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "format_result.h"

namespace loopscope {

// One step after the field name: ".attr" or "[key]".
struct FieldAccessor {
    bool isAttribute = false;  // ".name"; else "[key]"
    std::string name;          // the attribute name, or the key text
    bool isIntegerKey = false; // "[3]": the key is the int [index] (CPython: all digits)
    int64_t index = 0;
};

struct FormatPiece;

struct FormatField {
    bool byKeyword = false; // "{name}": look up [keyword]; else positional [position]
    std::string keyword;
    size_t position = 0; // explicit ("{1}") or automatic ("{}") number
    std::vector<FieldAccessor> accessors;
    char conversion = 0;           // 'r', 's', 'a' or 0
    std::vector<FormatPiece> spec; // the format spec; may hold nested fields ("{:{width}}")
    std::string text;              // the field name as written ("0.name[1]")
    std::string specText;          // the format spec as written, before nested fields are expanded
    // The template's parse error lies in this field, after its name was looked up:
    // resolve() it (name and the accessors listed) without conversion; it is not formatted.
    bool incomplete = false;
};

struct FormatPiece {
    bool isField = false;
    std::string literal; // when !isField
    FormatField field;   // when isField
};

struct FormatTemplate {
    std::vector<FormatPiece> pieces;
    bool ok = true;        // false: a parse error follows the pieces
    std::string errorType; // "ValueError"
    std::string error;     // e.g. "Single '}' encountered in format string"
};

// Parses a str.format template.
FormatTemplate parseFormatTemplate(std::string_view text);

// The VM's side of rendering (see the usage above). A false / nullopt return means the VM
// raised an exception, which stays pending: rendering stops with callbackFailed().
struct FieldCallbacks {
    std::function<bool(const FormatField& field)> resolve;
    std::function<std::optional<std::string>(std::string_view spec)> format;
};

// Assembles the result of [tmpl] in CPython's order.
FormatResult renderFormatTemplate(const FormatTemplate& tmpl, const FieldCallbacks& callbacks);

// A simpler one-callback form: given a field and its rendered spec, the field's text or
// nullopt. Nested spec fields are formatted before their outer field is looked up, so
// when two lookups fail the other one may be reported than CPython reports; incomplete
// fields are skipped. Fine for templates known to be valid.
using FieldFormatter =
    std::function<std::optional<std::string>(const FormatField& field, std::string_view spec)>;
FormatResult renderFormatTemplate(const FormatTemplate& tmpl, const FieldFormatter& formatField);

} // namespace loopscope
