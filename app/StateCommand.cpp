// `loopscope state` (StateCommand.h).

#include "StateCommand.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "loop/state_at_step.h"
#include "loop/state_json.h"

namespace loopscope {

namespace {

int stateError(const QString& message)
{
    std::fflush(stdout);
    std::fprintf(stderr, "loopscope: %s\n", qPrintable(message));
    std::fflush(stderr);
    return 2;
}

// "it has 14 steps (1 to 14)", or why it has none.
QString stepsOfRun(const StatesAtStepsResult& result)
{
    QString text = result.steps == 0   ? QStringLiteral("the run has no steps")
                   : result.steps == 1 ? QStringLiteral("the run has 1 step")
                                       : QStringLiteral("the run has %1 steps (1 to %1)").arg(result.steps);
    if (!result.run.ok) {
        QString error = QString::fromStdString(result.run.errorType);
        if (!result.run.errorMessage.empty())
            error += QStringLiteral(": ") + QString::fromStdString(result.run.errorMessage);
        if (result.run.errorLine > 0)
            error += QStringLiteral(" (line %1)").arg(result.run.errorLine);
        text += QStringLiteral("; it ended with %1").arg(error);
    }
    return text;
}

} // namespace

int runStateCommand(const std::string& source, const QStringList& stepTexts, RunOptions run)
{
    std::vector<uint64_t> steps;
    for (const QString& text : stepTexts) {
        bool ok = false;
        steps.push_back(text.toULongLong(&ok));
        if (!ok)
            return stateError(
                QStringLiteral("--step needs a step number from 1, not '%1'\nTry 'loopscope --help'.")
                    .arg(text));
    }
    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    // The JSON has whole reprs and nothing to expand.
    ValueViewLimits reprsOnly;
    reprsOnly.depth = 0;
    const StatesAtStepsResult result = statesAtSteps(source, run, steps, reprsOnly);
    std::string out;
    for (const StepSnapshot& snapshot : result.snapshots)
        appendStateJson(snapshot, out);
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    for (const uint64_t step : steps) {
        const bool found = std::any_of(result.snapshots.begin(), result.snapshots.end(),
                                       [step](const StepSnapshot& s) { return s.step == step; });
        if (found)
            continue;
        if (step == 0)
            return stateError(
                QStringLiteral("there is no step 0: steps count from 1; %1").arg(stepsOfRun(result)));
        return stateError(QStringLiteral("there is no step %1: %2").arg(step).arg(stepsOfRun(result)));
    }
    return 0;
}

} // namespace loopscope
