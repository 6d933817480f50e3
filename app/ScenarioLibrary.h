#pragma once
// The built-in scenario library: the scenarios/ folder compiled in as Qt
// resources under :/scenarios, grouped by topic (the first folder level),
// with the title and summary from each file's leading comment block.

#include <QString>
#include <QVector>

namespace loopscope {

struct ScenarioInfo {
    QString resourcePath; // ":/scenarios/articles/slow_fast.py"
    QString topic;        // "articles"
    QString title;        // from "# title: ...", else the file name
    QString summary;      // from "# summary: ...", may be empty
};

// The metadata of [source]'s leading comment block, one "# key: value" a line.
void readScenarioMetadata(const QString& source, QString& title, QString& summary);

// Every scenario compiled into the binary, sorted by topic then path.
QVector<ScenarioInfo> builtInScenarios();

// The scenario the window opens with: the articles' slow/fast additions.
QString defaultScenarioPath();

} // namespace loopscope
