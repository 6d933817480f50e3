#pragma once
// Reading a scenario file for the editor as CPython reads source: UTF-8, a byte order mark
// allowed. Text that is not valid UTF-8 can still be shown (with replacement characters), but
// writing it back would destroy the bytes it could not show: such a file opens read-only.

#include <QByteArray>
#include <QString>

namespace loopscope {

struct SourceFile {
    QString text;
    bool readable = false;  // the file could be read at all
    bool decodable = false; // valid UTF-8: safe to edit and save back
    QString problem;        // why not readable, or why not decodable
    QByteArray bytes;       // the file as read: what a run of an undecodable file is given, as
                            // `loopscope run` and CPython are (their SyntaxError names the byte)
};

SourceFile readSourceFile(const QString& path);

} // namespace loopscope
