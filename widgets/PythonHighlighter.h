#pragma once
// Python syntax highlighting for the code editor: keywords, builtins, strings (triple-quoted
// ones across lines), f-string prefixes, numbers, comments, decorators and the names that def
// and class introduce, in colours that read on a light or a dark base.

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace loopscope {

class PythonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
  public:
    explicit PythonHighlighter(QTextDocument* document);
    // Picks the colours for a dark or a light base and highlights again.
    void setDark(bool dark);

    // The kinds of text it tells apart (for tests: the format at a place of a line).
    enum class Kind { Plain, Keyword, Builtin, String, Number, Comment, Decorator, Definition };
    QTextCharFormat format(Kind kind) const;

  protected:
    void highlightBlock(const QString& text) override;

  private:
    QTextCharFormat formats_[8];
};

} // namespace loopscope
