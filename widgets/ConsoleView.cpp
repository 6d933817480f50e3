#include "ConsoleView.h"

#include <QFontDatabase>

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
    QString color;
    switch (kind) {
    case LineKind::Output:
        break;
    case LineKind::Warning:
        color = QStringLiteral("#b26a00");
        break;
    case LineKind::Error:
        color = QStringLiteral("#c62828");
        break;
    }
    const QString stamp = QStringLiteral("<span style=\"color:#78909c\">t=%1</span>&nbsp;&nbsp;")
                              .arg(QString::number(t, 'f', 3)
                                       .rightJustified(9, QLatin1Char(' '))
                                       .replace(QLatin1Char(' '), QStringLiteral("&nbsp;")));
    QString body = text.toHtmlEscaped();
    if (!color.isEmpty())
        body = QStringLiteral("<span style=\"color:%1\">%2</span>").arg(color, body);
    appendHtml(QStringLiteral("<pre style=\"margin:0\">%1%2</pre>").arg(stamp, body));
}

} // namespace loopscope
