#include "TimelinePlotLayer.h"

namespace loopscope {

TimelinePlotLayer::TimelinePlotLayer(QCustomPlot* plot, const QString& layer, Paint paint)
    : QCPLayerable(plot, layer), paint_(std::move(paint))
{
}

void TimelinePlotLayer::applyDefaultAntialiasingHint(QCPPainter* painter) const
{
    // Dense bars are drawn without antialiasing; the renderer turns it on for shapes.
    applyAntialiasingHint(painter, false, QCP::aeNone);
}

void TimelinePlotLayer::draw(QCPPainter* painter)
{
    if (paint_)
        paint_(painter);
}

} // namespace loopscope
