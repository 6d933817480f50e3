#pragma once
// The console: the program's output so far, each line stamped with the virtual
// time at which it was written, and the run's warnings and errors.

#include <QPlainTextEdit>

namespace loopscope {

class ConsoleView : public QPlainTextEdit {
    Q_OBJECT
  public:
    enum class LineKind { Output, Warning, Error };

    explicit ConsoleView(QWidget* parent = nullptr);

    struct Line {
        double t;
        QString text;
        LineKind kind = LineKind::Output;
    };

    // Appends [text] written at virtual time [t].
    void appendLine(double t, const QString& text, LineKind kind = LineKind::Output);
    // Appends [lines] in one edit: a run's 10,000 lines of output show in a fraction of a second
    // (the window stays responsive). A line longer than kMaxLineChars shows its beginning and
    // how much more it had.
    void appendLines(const QList<Line>& lines);
    static constexpr qsizetype kMaxLineChars = 4000;
};

} // namespace loopscope
