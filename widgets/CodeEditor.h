#pragma once
// The scenario's source: a plain-text editor with a line-number gutter.

#include <QPlainTextEdit>

namespace loopscope {

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

  protected:
    void resizeEvent(QResizeEvent* event) override;

  private:
    void updateGutterWidth();
    void updateGutter(const QRect& rect, int dy);

    QWidget* gutter_ = nullptr;
    QList<int> marked_;
};

} // namespace loopscope
