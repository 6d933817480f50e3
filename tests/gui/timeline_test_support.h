#pragma once
// What the timeline and window tests share: running a scenario file of the repository into a
// timeline model, finding a row, and telling a rendered image from a blank one.

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <QImage>
#include <QSet>
#include <QString>

#include "TimelineModel.h"
#include "engine.h"

namespace loopscope::test {

// The text of [relative], a path under the repository.
inline std::string readRepositoryFile(const QString& relative)
{
    std::ifstream in((QStringLiteral(LOOPSCOPE_SOURCE_DIR "/") + relative).toStdString());
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Runs [source] and builds its timeline model.
inline std::shared_ptr<const TimelineModel> modelOfSource(const std::string& source,
                                                          TraceLevel level = TraceLevel::Step,
                                                          const std::string& filename = "<scenario>")
{
    auto trace = std::make_shared<TraceRecorder>(level);
    RunOptions options;
    options.filename = filename;
    runScenario(source, options, trace.get());
    return std::make_shared<const TimelineModel>(TimelineModel::build(trace, source));
}

// Runs the repository's file [relative] and builds its timeline model.
inline std::shared_ptr<const TimelineModel> modelOfFile(const QString& relative,
                                                        TraceLevel level = TraceLevel::Step)
{
    return modelOfSource(readRepositoryFile(relative), level, relative.toStdString());
}

// The row labelled [label] ("Task-2 · add_slow"), or whose coroutine is [label]; -1 if none.
inline int rowNamed(const TimelineModel& model, const QString& label)
{
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.rowLabel(r) == label || model.coroName(r) == label)
            return r;
    return -1;
}

// How many colours a sample of [image]'s pixels has: a blank image has one or two.
inline int distinctColors(const QImage& image, int step = 2)
{
    QSet<QRgb> colors;
    for (int y = 0; y < image.height(); y += step)
        for (int x = 0; x < image.width(); x += step)
            colors.insert(image.pixel(x, y));
    return int(colors.size());
}

} // namespace loopscope::test
