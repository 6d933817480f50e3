#pragma once
// The scenario's source: an editor with Python highlighting and a gutter of line numbers and
// breakpoints (a click in the gutter, or F9, toggles one). While stepping it marks the line the
// cursor is on, and in a lighter mark the lines where suspended tasks are parked.

#include <QPlainTextEdit>
#include <QSet>

namespace loopscope {

class PythonHighlighter;

class CodeEditor : public QPlainTextEdit {
    Q_OBJECT
  public:
    explicit CodeEditor(QWidget* parent = nullptr);

    // Width in pixels the gutter needs for the current line count.
    int gutterWidth() const;
    // Called by the gutter widget to paint the numbers of the visible lines.
    void paintGutter(QPaintEvent* event);

    // Highlights [lines] (1-based) — the lines a timeline item is about — and scrolls to the
    // first; an empty list clears the marks.
    void markLines(const QList<int>& lines);
    const QList<int>& markedLines() const { return marked_; }

    // The stepping cursor's line (0: none) and the lines where suspended tasks wait, with the
    // tasks' names for the tooltip; scrolls the current line into view.
    void setExecutionLines(int current, const QMap<int, QStringList>& parked);
    int currentLine() const { return current_; }
    QList<int> parkedLines() const { return parked_.keys(); }

    // Breakpoints: line numbers (1-based).
    const QSet<int>& breakpoints() const { return breakpoints_; }
    void toggleBreakpoint(int line);
    void setBreakpoints(const QSet<int>& lines);
    // The line at gutter position [y] (0: none).
    int lineAtY(int y) const;
    // Colours for a dark or light base (the syntax highlighting and the marks).
    void setDark(bool dark);
    PythonHighlighter* highlighter() const { return highlighter_; }
    // The tooltip for the gutter at [y]: a parked task's name, or how to set a breakpoint.
    QString gutterToolTip(int y) const;

  signals:
    void breakpointsChanged();

  protected:
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

  private:
    void updateGutterWidth();
    void updateGutter(const QRect& rect, int dy);
    void updateSelections();
    void ensureLineVisible(int line);

    QWidget* gutter_ = nullptr;
    PythonHighlighter* highlighter_ = nullptr;
    QList<int> marked_;
    int current_ = 0;
    QMap<int, QStringList> parked_;
    QSet<int> breakpoints_;
    bool dark_ = false;
};

} // namespace loopscope
