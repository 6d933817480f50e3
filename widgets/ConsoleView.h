#pragma once
// The console: the program's output so far, each line stamped with the virtual
// time at which it was written, and the run's warnings and errors. While stepping, the lines
// written after the cursor are greyed and those written by the cursor's statement marked;
// clicking a line asks to move the cursor to where it was written.

#include <optional>
#include <vector>

#include <QPlainTextEdit>

#include "trace.h"

namespace loopscope {

class ConsoleView : public QPlainTextEdit {
    Q_OBJECT
  public:
    enum class LineKind { Output, Warning, Error };

    explicit ConsoleView(QWidget* parent = nullptr);

    struct Line {
        double t;
        QString text; // one line: no '\n'
        LineKind kind = LineKind::Output;
        std::optional<EventIndex> event; // the trace event that wrote it; none: a line the trace
                                         // does not hold, e.g. the traceback, which comes last
    };

    // Appends [text] written at virtual time [t] by trace event [event].
    void appendLine(double t, const QString& text, LineKind kind = LineKind::Output,
                    std::optional<EventIndex> event = std::nullopt);
    // Appends [lines] in one edit: a run's 10,000 lines of output show in a fraction of a second
    // (the window stays responsive). A line longer than kMaxLineChars shows its beginning and
    // how much more it had.
    void appendLines(const QList<Line>& lines);
    static constexpr qsizetype kMaxLineChars = 4000;
    void clearLines();

    // Lines whose event comes at or after [future] are greyed; those in [current, future) are
    // marked as just written. No cursor: nothing is greyed.
    void setCursorRange(std::optional<EventIndex> current, std::optional<EventIndex> future);
    // The first line greyed (the line count: none).
    int firstFutureLine() const { return firstFuture_; }
    int lineCount() const { return int(events_.size()); }
    // The event line [line] (0-based) was written by, if the trace holds it.
    std::optional<EventIndex> eventOfLine(int line) const;

  signals:
    void lineClicked(EventIndex event);

  protected:
    void mouseReleaseEvent(QMouseEvent* event) override;

  private:
    std::vector<uint32_t> events_; // per line: its event, or UINT32_MAX
    int firstFuture_ = 0;
};

} // namespace loopscope
