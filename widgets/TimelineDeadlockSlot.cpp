#include "TimelineDeadlockSlot.h"

#include <algorithm>

#include <QFontMetricsF>
#include <QPainter>

#include "TimelineDescriptions.h"

namespace loopscope {

namespace {

// Captions inside bars are written this much smaller than the figure's font (TimelineRenderer).
constexpr double kCaptionScale = 0.85;

} // namespace

QString deadlockBandCaption(bool shortForm)
{
    return shortForm ? QStringLiteral("deadlock: it would wait forever")
                     : QStringLiteral("deadlock: nothing ready, no timer: it would wait forever");
}

double deadlockSlotPixels(const QFont& font, double plotWidth)
{
    QFont caption = font;
    if (caption.pointSizeF() > 0)
        caption.setPointSizeF(caption.pointSizeF() * kCaptionScale);
    else
        caption.setPixelSize(std::max(1, int(caption.pixelSize() * kCaptionScale + 0.5)));
    // The caption, its margins, and the stop sign at the slot's end.
    const double wanted = QFontMetricsF(caption).horizontalAdvance(deadlockBandCaption()) + 40;
    return std::clamp(wanted, kDeadlockSlotMinPixels,
                      std::max(kDeadlockSlotMinPixels, plotWidth * kDeadlockSlotMaxFraction));
}

void applyDeadlockSlot(TimelineGeometry& geometry, const TimelineModel& model, TimelineAxis axis,
                       double pixels)
{
    if (!model.hasTrace() || !model.hasDeadlockSlot() || pixels <= 0) {
        geometry.gapPixels = 0;
        return;
    }
    geometry.gapFrom = model.deadlockSlotStart(axis);
    geometry.gapTo = model.deadlockSlotEnd(axis);
    geometry.gapPixels = pixels;
}

QStringList stuckWaitCaptions(const TimelineModel& model, int row, int index)
{
    const QString suffix = QStringLiteral(" — forever");
    const QString caption = segmentCaption(model, row, index),
                  shortCaption = segmentCaption(model, row, index, true);
    QStringList forms;
    if (caption.isEmpty())
        return forms;
    const uint32_t line = model.scenarioLine(model.event(model.segments(row)[size_t(index)].event).line());
    if (line)
        forms << caption + QStringLiteral(" · line %1").arg(line) + suffix;
    forms << caption + suffix;
    if (shortCaption != caption)
        forms << shortCaption + suffix;
    forms << shortCaption;
    return forms;
}

void paintDeadlockSlotLabel(QPainter& painter, const TimelineGeometry& geometry, const QRectF& axis,
                            const QFontMetricsF& metrics, const QColor& color)
{
    if (geometry.gapPixels <= 0)
        return;
    const double left = std::max(geometry.xFor(geometry.gapFrom), axis.left()),
                 right = std::min(geometry.xFor(geometry.gapTo), axis.right());
    // Clear of the tick labels at the slot's ends.
    const double room = right - left - 50;
    if (room < 30)
        return;
    const QString text =
        metrics.elidedText(QStringLiteral("the deadlock: no time passes"), Qt::ElideRight, room);
    if (text.size() < 6)
        return;
    painter.setPen(color);
    painter.drawText(
        QPointF((left + right - metrics.horizontalAdvance(text)) / 2, axis.top() + 6 + metrics.ascent()),
        text);
}

double deadlockMarkerX(const TimelineModel& model, const TimelineGeometry& geometry, TimelineAxis axis,
                       double rowHeight)
{
    return geometry.xFor(model.deadlockSlotEnd(axis)) - rowHeight * 0.9;
}

} // namespace loopscope
