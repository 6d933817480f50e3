#pragma once
// The timeline's drawing primitives, shared by the figure and its legend: a state's swatch (fill,
// pattern, outline), each marker's shape, an arrow in its line style, and hatch patterns that
// survive every paint device (Qt's SVG writer has none: there they become strokes).

#include <QColor>
#include <QPointF>
#include <QRectF>

#include "TimelineModel.h"
#include "TimelineTheme.h"

class QPainter;

namespace loopscope {

void paintStateSwatch(QPainter& painter, const QRectF& rect, const TimelineStateStyle& style);
void paintMarkerShape(QPainter& painter, MarkerKind kind, QPointF at, double size,
                      const TimelineTheme& theme);
void paintArrowLine(QPainter& painter, QPointF from, QPointF to, const TimelineArrowStyle& style);
// Fills [rects] with the hatch or dot [style] in [color] (on any device, SVG included).
void fillPattern(QPainter& painter, const QRectF* rects, int count, Qt::BrushStyle style,
                 const QColor& color);

} // namespace loopscope
