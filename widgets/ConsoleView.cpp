#include "ConsoleView.h"

#include <algorithm>

#include <QFontDatabase>
#include <QMouseEvent>
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

void ConsoleView::clearLines()
{
    clear();
    events_.clear();
    firstFuture_ = 0;
}

void ConsoleView::appendLine(double t, const QString& text, LineKind kind, std::optional<EventIndex> event)
{
    appendLines({Line{t, text, kind, event}});
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
    bool first = events_.empty();
    for (const Line& line : lines) {
        events_.push_back(line.event ? line.event->value : UINT32_MAX);
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
    firstFuture_ = int(events_.size());
    // Follow the output, as appendHtml did.
    moveCursor(QTextCursor::End);
    ensureCursorVisible();
}

} // namespace loopscope

namespace loopscope {

std::optional<EventIndex> ConsoleView::eventOfLine(int line) const
{
    if (line < 0 || line >= int(events_.size()) || events_[size_t(line)] == UINT32_MAX)
        return std::nullopt;
    return EventIndex{events_[size_t(line)]};
}

void ConsoleView::setCursorRange(std::optional<EventIndex> current, std::optional<EventIndex> future)
{
    // Lines are in event order, except the ones the trace does not hold (the traceback), which
    // come last and belong to the run's end.
    auto firstAtOrAfter = [&](uint32_t e) {
        return int(std::lower_bound(events_.begin(), events_.end(), e) - events_.begin());
    };
    const int futureLine = future ? firstAtOrAfter(future->value) : int(events_.size());
    const int currentLine = current ? firstAtOrAfter(current->value) : futureLine;
    firstFuture_ = futureLine;
    QList<QTextEdit::ExtraSelection> selections;
    auto range = [&](int from, int to, const QTextCharFormat& format) {
        if (from >= to)
            return;
        QTextCursor cursor(document()->findBlockByNumber(from));
        const QTextBlock last = document()->findBlockByNumber(to - 1);
        cursor.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
        QTextEdit::ExtraSelection selection;
        selection.cursor = cursor;
        selection.format = format;
        selections << selection;
    };
    QTextCharFormat grey;
    QColor faded = palette().color(QPalette::Text);
    faded.setAlpha(80);
    grey.setForeground(faded);
    range(futureLine, int(events_.size()), grey);
    QTextCharFormat justWritten;
    // The code view's colour for the cursor's line: these lines are what it writes.
    justWritten.setBackground(palette().color(QPalette::Base).lightness() < 128
                                  ? QColor(0xff, 0xcc, 0x33, 70)
                                  : QColor(0xff, 0xd5, 0x4f, 150));
    justWritten.setProperty(QTextFormat::FullWidthSelection, true);
    range(currentLine, futureLine, justWritten);
    setExtraSelections(selections);
    // Keep the newest line written in view.
    if (futureLine > 0) {
        QTextCursor visible(document()->findBlockByNumber(futureLine - 1));
        const QTextCursor keep = textCursor();
        setTextCursor(visible);
        ensureCursorVisible();
        if (keep.hasSelection())
            setTextCursor(keep);
    }
}

void ConsoleView::mouseReleaseEvent(QMouseEvent* event)
{
    QPlainTextEdit::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || textCursor().hasSelection())
        return;
    const int line = cursorForPosition(event->position().toPoint()).blockNumber();
    if (const auto e = eventOfLine(line))
        emit lineClicked(*e);
}

} // namespace loopscope
