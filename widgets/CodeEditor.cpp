#include "CodeEditor.h"

#include <QFontDatabase>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>

#include "PythonHighlighter.h"

namespace loopscope {

namespace {

// The gutter is its own widget so that it scrolls with the text but is not part of it.
class Gutter : public QWidget {
  public:
    explicit Gutter(CodeEditor* editor) : QWidget(editor), editor_(editor) {}
    QSize sizeHint() const override { return QSize(editor_->gutterWidth(), 0); }

  protected:
    void paintEvent(QPaintEvent* event) override { editor_->paintGutter(event); }
    void mousePressEvent(QMouseEvent* event) override
    {
        if (event->button() != Qt::LeftButton)
            return;
        if (const int line = editor_->lineAtY(int(event->position().y())))
            editor_->toggleBreakpoint(line);
    }
    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::ToolTip) {
            auto* help = static_cast<QHelpEvent*>(event);
            QToolTip::showText(help->globalPos(), editor_->gutterToolTip(help->pos().y()), this);
            return true;
        }
        return QWidget::event(event);
    }

  private:
    CodeEditor* editor_;
};

} // namespace

// The breakpoint column on the gutter's left, then the numbers.
constexpr int kBreakpointColumn = 16;

CodeEditor::CodeEditor(QWidget* parent)
    : QPlainTextEdit(parent), gutter_(new Gutter(this)), highlighter_(new PythonHighlighter(document()))
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(mono);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(4 * fontMetrics().horizontalAdvance(QLatin1Char(' ')));
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateGutter);
    updateGutterWidth();
}

int CodeEditor::gutterWidth() const
{
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    digits = std::max(digits, 2);
    return kBreakpointColumn + 8 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void CodeEditor::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void CodeEditor::updateGutter(const QRect& rect, int dy)
{
    if (dy)
        gutter_->scroll(0, dy);
    else
        gutter_->update(0, rect.y(), gutter_->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
}

void CodeEditor::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    gutter_->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
}

void CodeEditor::paintGutter(QPaintEvent* event)
{
    QPainter painter(gutter_);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    painter.setPen(pal.color(QPalette::PlaceholderText));

    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int lineHeight = fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            const bool marked = marked_.contains(line);
            if (marked)
                painter.fillRect(0, top, gutter_->width(), lineHeight, pal.color(QPalette::Highlight));
            painter.setPen(marked ? pal.color(QPalette::HighlightedText)
                                  : pal.color(QPalette::PlaceholderText));
            painter.drawText(0, top, gutter_->width() - 6, lineHeight, Qt::AlignRight, QString::number(line));
            const double d = std::min(lineHeight - 4, kBreakpointColumn - 4);
            const QRectF dot(2 + (kBreakpointColumn - 4 - d) / 2, top + (lineHeight - d) / 2.0, d, d);
            painter.save();
            painter.setRenderHint(QPainter::Antialiasing, true);
            if (breakpoints_.contains(line)) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(QColor(0xd3, 0x2f, 0x2f));
                painter.drawEllipse(dot);
            }
            if (line == current_) {
                // The stepping cursor: an arrow, as debuggers draw it.
                QPainterPath arrow;
                arrow.moveTo(dot.left(), dot.top() + 1);
                arrow.lineTo(dot.right() + 1, dot.center().y());
                arrow.lineTo(dot.left(), dot.bottom() - 1);
                arrow.closeSubpath();
                painter.setPen(QPen(dark_ ? QColor(0x1e, 0x1f, 0x22) : Qt::white, 1));
                painter.setBrush(dark_ ? QColor(0xff, 0xcc, 0x33) : QColor(0xe6, 0x8a, 0x00));
                painter.drawPath(arrow);
            } else if (parked_.contains(line)) {
                painter.setPen(QPen(pal.color(QPalette::PlaceholderText), 1.4));
                painter.setBrush(Qt::NoBrush);
                painter.drawEllipse(dot.adjusted(2, 2, -2, -2));
            }
            painter.restore();
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

void CodeEditor::markLines(const QList<int>& lines)
{
    marked_ = lines;
    updateSelections();
    const QTextBlock block =
        lines.isEmpty() ? QTextBlock() : document()->findBlockByNumber(lines.first() - 1);
    if (block.isValid()) {
        setTextCursor(QTextCursor(block));
        centerCursor();
    }
}

void CodeEditor::setExecutionLines(int current, const QMap<int, QStringList>& parked)
{
    current_ = current;
    parked_ = parked;
    updateSelections();
    if (current > 0)
        ensureLineVisible(current);
}

void CodeEditor::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    auto add = [&](int line, const QColor& colour) {
        const QTextBlock block = document()->findBlockByNumber(line - 1);
        if (!block.isValid())
            return;
        QTextEdit::ExtraSelection selection;
        selection.format.setBackground(colour);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selection.cursor = QTextCursor(block);
        selections << selection;
    };
    // Lighter marks first: the current line's mark is drawn over a parked one.
    const QColor parked = dark_ ? QColor(0x8a, 0xb4, 0xf8, 40) : QColor(0x5c, 0x7c, 0xa8, 34);
    for (auto it = parked_.cbegin(); it != parked_.cend(); ++it)
        add(it.key(), parked);
    QColor mark = palette().color(QPalette::Highlight);
    mark.setAlpha(70);
    for (int line : marked_)
        add(line, mark);
    if (current_ > 0)
        add(current_, dark_ ? QColor(0xff, 0xcc, 0x33, 70) : QColor(0xff, 0xd5, 0x4f, 150));
    setExtraSelections(selections);
    gutter_->update();
}

void CodeEditor::ensureLineVisible(int line)
{
    // Plain text without wrapping scrolls by lines: the bar's value is the first visible line.
    QScrollBar* bar = verticalScrollBar();
    const int visible = std::max(1, viewport()->height() / std::max(1, fontMetrics().height()));
    const int first = bar->value();
    if (line - 1 < first || line - 1 >= first + visible - 1)
        bar->setValue(std::max(0, line - 1 - visible / 3));
}

void CodeEditor::toggleBreakpoint(int line)
{
    if (line < 1 || line > blockCount())
        return;
    if (!breakpoints_.remove(line))
        breakpoints_.insert(line);
    gutter_->update();
    emit breakpointsChanged();
}

void CodeEditor::setBreakpoints(const QSet<int>& lines)
{
    breakpoints_ = lines;
    gutter_->update();
    emit breakpointsChanged();
}

int CodeEditor::lineAtY(int y) const
{
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (y >= top && y < bottom)
            return block.blockNumber() + 1;
        if (top > y)
            break;
        block = block.next();
        top = bottom;
    }
    return 0;
}

QString CodeEditor::gutterToolTip(int y) const
{
    const int line = lineAtY(y);
    if (line == 0)
        return {};
    QStringList parts;
    if (line == current_)
        parts << tr("The stepping cursor is on line %1").arg(line);
    if (parked_.contains(line))
        parts << tr("Parked here (suspended at an await): %1")
                     .arg(parked_.value(line).join(QStringLiteral(", ")));
    parts << (breakpoints_.contains(line) ? tr("Breakpoint: click (or F9) to remove it")
                                          : tr("Click (or F9) to set a breakpoint on line %1").arg(line));
    return parts.join(QLatin1Char('\n'));
}

void CodeEditor::setDark(bool dark)
{
    dark_ = dark;
    highlighter_->setDark(dark);
    updateSelections();
}

void CodeEditor::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_F9 && event->modifiers() == Qt::NoModifier) {
        toggleBreakpoint(textCursor().blockNumber() + 1);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace loopscope
