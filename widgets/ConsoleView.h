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

    // Appends [text] written at virtual time [t].
    void appendLine(double t, const QString& text, LineKind kind = LineKind::Output);
};

} // namespace loopscope
