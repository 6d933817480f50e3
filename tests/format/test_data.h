#pragma once
// Reads the CPython reference rows in tests/format/data/: UTF-8, one row a line,
// tab-separated columns escaped as gen_data.py writes them.

#include <QString>
#include <QtTest>

#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace formattest {

using Row = std::vector<std::string>;

inline std::string unescape(std::string_view text)
{
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            const char next = text[++i];
            out.push_back(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

inline std::vector<std::string> split(std::string_view line, char separator)
{
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        const size_t at = line.find(separator, start);
        parts.emplace_back(
            line.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) {
            return parts;
        }
        start = at + 1;
    }
}

// All rows of data/[name]; an unreadable file fails the test that asks for it.
inline std::vector<Row> readRows(const char* name)
{
    std::vector<Row> rows;
    std::ifstream in(std::string(FORMAT_TEST_DATA_DIR) + "/" + name);
    std::string line;
    while (std::getline(in, line)) {
        Row row;
        for (const std::string& column : split(line, '\t')) {
            row.push_back(unescape(column));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

// A double from Python's float.hex() (or "nan").
inline double parseHexFloat(const std::string& text)
{
    return std::strtod(text.c_str(), nullptr);
}

// The "!Type: message" form the data uses for exceptions.
inline std::string errorText(const std::string& type, const std::string& message)
{
    return "!" + type + ": " + message;
}

inline QByteArray rowName(size_t index, const Row& row)
{
    QByteArray name = QByteArray::number(static_cast<qulonglong>(index));
    for (const std::string& column : row) {
        name += " | " + QByteArray::fromStdString(column.substr(0, 40));
    }
    return name;
}

} // namespace formattest
