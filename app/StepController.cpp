#include "StepController.h"

#include <QThreadPool>
#include <QTimer>

namespace loopscope {

StepController::StepController(QObject* parent) : QObject(parent), playTimer_(new QTimer(this))
{
    connect(playTimer_, &QTimer::timeout, this, [this] {
        if (!hasRun() || cursor_.position() == cursor_.lastPosition()) {
            pause();
            return;
        }
        forward(StepUnit::Step);
    });
    setSpeed(speed_);
}

StepController::~StepController() = default;

void StepController::setRun(std::unique_ptr<RunIndexes> indexes, const std::string& source)
{
    pause();
    narrator_.reset();
    // The last run's indexes can hold hundreds of megabytes in millions of blocks: freeing them
    // would hold the window a fraction of a second (as the timeline's model, a pool thread does).
    if (history_) {
        auto last = std::make_shared<RunIndexes>(std::move(history_), std::move(cursor_));
        QThreadPool::globalInstance()->start([last = std::move(last)]() mutable { last.reset(); });
    }
    history_.reset();
    cursor_ = RunCursor();
    if (indexes) {
        history_ = std::move(indexes->history);
        cursor_ = std::move(indexes->cursor);
        cursor_.toEnd();
        narrator_ = std::make_unique<Narrator>(*history_, cursor_, SourceLines(source));
    }
    emit moved(cursor_.position());
}

std::string StepController::sentence() const
{
    return narrator_ && hasRun() ? narrator_->sentence(cursor_.position()) : std::string();
}

void StepController::moved_(bool didMove)
{
    if (didMove)
        emit moved(cursor_.position());
}

void StepController::moveTo(int position)
{
    moved_(cursor_.setPosition(position));
}

void StepController::forward(StepUnit unit)
{
    moved_(cursor_.forward(unit));
}

void StepController::back(StepUnit unit)
{
    moved_(cursor_.back(unit));
}

void StepController::reset()
{
    moved_(cursor_.reset());
}

void StepController::toEnd()
{
    moved_(cursor_.toEnd());
}

void StepController::moveToEvent(EventIndex event)
{
    if (hasRun())
        moveTo(cursor_.positionAtOrBefore(event));
}

bool StepController::moveToStep(int k)
{
    const int position = cursor_.positionOfStep(k);
    if (position < 0)
        return false;
    moveTo(position);
    return true;
}

bool StepController::toNextBreakpoint()
{
    const auto hit = cursor_.nextBreakpointHit();
    if (hit)
        moveTo(*hit);
    return hit.has_value();
}

bool StepController::toPreviousBreakpoint()
{
    const auto hit = cursor_.previousBreakpointHit();
    if (hit)
        moveTo(*hit);
    return hit.has_value();
}

void StepController::setBreakpoints(std::set<uint32_t> lines)
{
    cursor_.setBreakpoints(std::move(lines));
}

void StepController::play()
{
    if (!hasRun() || playTimer_->isActive())
        return;
    if (cursor_.position() == cursor_.lastPosition())
        reset();
    playTimer_->start();
    emit playingChanged(true);
}

void StepController::pause()
{
    if (!playTimer_->isActive())
        return;
    playTimer_->stop();
    emit playingChanged(false);
}

void StepController::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

bool StepController::isPlaying() const
{
    return playTimer_->isActive();
}

void StepController::setSpeed(double stepsPerSecond)
{
    speed_ = std::max(0.1, stepsPerSecond);
    playTimer_->setInterval(int(1000 / speed_));
}

} // namespace loopscope
