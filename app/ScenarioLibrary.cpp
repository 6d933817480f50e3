#include "ScenarioLibrary.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace loopscope {

void readScenarioMetadata(const QString& source, QString& title, QString& summary)
{
    for (const QString& rawLine : source.split(QLatin1Char('\n'))) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        // The block ends at the first line that is not a comment.
        if (!line.startsWith(QLatin1Char('#')))
            break;
        const QString body = line.mid(1).trimmed();
        const int colon = body.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        const QString key = body.left(colon).trimmed().toLower();
        const QString value = body.mid(colon + 1).trimmed();
        if (key == QLatin1String("title"))
            title = value;
        else if (key == QLatin1String("summary"))
            summary = value;
    }
}

QVector<ScenarioInfo> builtInScenarios()
{
    QVector<ScenarioInfo> scenarios;
    const QString root = QStringLiteral(":/scenarios");
    QDirIterator it(root, {QStringLiteral("*.py")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        ScenarioInfo info;
        info.resourcePath = it.next();
        const QString relative = info.resourcePath.mid(root.size() + 1);
        const int slash = relative.indexOf(QLatin1Char('/'));
        info.topic = slash > 0 ? relative.left(slash) : QStringLiteral("other");
        QFile file(info.resourcePath);
        if (file.open(QIODevice::ReadOnly))
            readScenarioMetadata(QString::fromUtf8(file.read(4096)), info.title, info.summary);
        if (info.title.isEmpty())
            info.title = QFileInfo(relative).completeBaseName().replace(QLatin1Char('_'), QLatin1Char(' '));
        scenarios.append(info);
    }
    std::sort(scenarios.begin(), scenarios.end(), [](const ScenarioInfo& a, const ScenarioInfo& b) {
        return std::tie(a.topic, a.resourcePath) < std::tie(b.topic, b.resourcePath);
    });
    return scenarios;
}

QString defaultScenarioPath()
{
    // The library's copy wins; the one in resources/ keeps the window useful if it is renamed.
    const QString library = QStringLiteral(":/scenarios/articles/two_additions.py");
    return QFile::exists(library) ? library : QStringLiteral(":/default_scenario.py");
}

} // namespace loopscope
