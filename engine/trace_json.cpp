#include "trace_json.h"

#include <cstdio>
#include <unordered_map>

#include "format/float_repr.h"

namespace loopscope {

namespace {

// Decodes one UTF-8 sequence at [i] and advances past it; a malformed byte decodes as itself.
uint32_t decodeUtf8(std::string_view s, size_t& i)
{
    const uint8_t lead = uint8_t(s[i]);
    const size_t extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    if (extra == 0 || i + extra >= s.size()) {
        ++i;
        return lead;
    }
    uint32_t cp = lead & (0x3F >> extra);
    for (size_t k = 1; k <= extra; ++k) {
        const uint8_t next = uint8_t(s[i + k]);
        if ((next & 0xC0) != 0x80) {
            ++i;
            return lead;
        }
        cp = (cp << 6) | (next & 0x3F);
    }
    i += extra + 1;
    return cp;
}

void appendEscapedUnit(std::string& out, uint32_t unit)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(unit));
    out += buf;
}

void appendTime(std::string& out, double t)
{
    out += "{\"t\": ";
    out += floatRepr(t);
}

}  // namespace

void appendJsonString(std::string& out, std::string_view text)
{
    out += '"';
    for (size_t i = 0; i < text.size();) {
        uint8_t c = uint8_t(text[i]);
        if (c < 0x80) {
            ++i;
            switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20 || c == 0x7F)
                    appendEscapedUnit(out, c);
                else
                    out += char(c);
            }
            continue;
        }
        uint32_t cp = decodeUtf8(text, i);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            appendEscapedUnit(out, 0xD800 + (cp >> 10));
            appendEscapedUnit(out, 0xDC00 + (cp & 0x3FF));
        } else {
            appendEscapedUnit(out, cp);
        }
    }
    out += '"';
}

void appendComparisonTrace(const TraceRecorder& trace, const RunResult& result, std::string& out)
{
    struct TaskNames {
        std::string name;
        StringId coro;
    };
    std::unordered_map<uint32_t, TaskNames> tasks;  // by TaskId; a later TaskCreated renames
    for (const TraceEvent& e : trace.events()) {
        switch (e.kind) {
        case EventKind::TaskCreated:
            tasks[e.task.value] = {trace.taskName(e), e.coroName()};
            break;
        case EventKind::TaskRenamed:
            tasks[e.task.value].name = trace.string(e.name());
            break;
        case EventKind::StepBegan: {
            const auto it = tasks.find(e.task.value);
            appendTime(out, e.t);
            out += ", \"kind\": \"step\", \"task\": ";
            appendJsonString(out, it == tasks.end() ? std::string_view() : std::string_view(it->second.name));
            out += ", \"coro\": ";
            appendJsonString(out, trace.string(it == tasks.end() ? StringId{} : it->second.coro));
            out += "}\n";
            break;
        }
        case EventKind::Output:
            appendTime(out, e.t);
            out += ", \"kind\": \"print\", \"text\": ";
            appendJsonString(out, trace.string(e.text()));
            out += "}\n";
            break;
        default:
            break;
        }
    }
    appendTime(out, result.endTime);
    out += ", \"kind\": \"end\", \"status\": ";
    out += result.ok ? "\"ok\"" : "\"error\"";
    if (!result.ok) {
        out += ", \"error\": ";
        std::string error = result.errorType;
        if (!result.errorMessage.empty())
            error += ": " + result.errorMessage;
        appendJsonString(out, error);
        if (result.errorType == "SyntaxError" || result.errorType == "IndentationError" ||
            result.errorType == "TabError")
            out += ", \"line\": " + std::to_string(result.errorLine);
    }
    out += "}\n";
}

}  // namespace loopscope
