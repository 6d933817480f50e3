#include "ConsoleView.h"

#include <QFontDatabase>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace loopscope {

ConsoleView::ConsoleView(QWidget* parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setPlaceholderText(tr("The program's output appears here, stamped with its virtual time."));
}

void ConsoleView::appendLine(double t, const QString& text, LineKind kind)
{
    appendLines({Line{t, text, kind}});
}

void ConsoleView::appendLines(const QList<Line>& lines)
{
    if (lines.isEmpty())
        return;
    QTextCharFormat stampFormat, outputFormat, warningFormat, errorFormat;
    stampFormat.setForeground(QColor(0x78, 0x90, 0x9c));
    warningFormat.setForeground(QColor(0xb2, 0x6a, 0x00));
    errorFormat.setForeground(QColor(0xc6, 0x28, 0x28));
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    bool first = document()->isEmpty();
    for (const Line& line : lines) {
        if (!first)
            cursor.insertBlock();
        first = false;
        cursor.insertText(QStringLiteral("t=%1  ").arg(QString::number(line.t, 'f', 3), 9), stampFormat);
        const QTextCharFormat& format = line.kind == LineKind::Warning ? warningFormat
                                        : line.kind == LineKind::Error ? errorFormat
                                                                       : outputFormat;
        if (line.text.size() <= kMaxLineChars) {
            cursor.insertText(line.text, format);
        } else {
            cursor.insertText(line.text.left(kMaxLineChars), format);
            cursor.insertText(tr(" … (%1 more characters)").arg(line.text.size() - kMaxLineChars),
                              stampFormat);
        }
    }
    cursor.endEditBlock();
    // Follow the output, as appendHtml did.
    moveCursor(QTextCursor::End);
    ensureCursorVisible();
}

} // namespace loopscope
