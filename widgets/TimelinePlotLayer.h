#pragma once
// The timeline's one custom QCustomPlot layerable: QCustomPlot owns the buffered layers and the
// replot machinery, and this item paints the whole figure into its layer through the shared
// renderer (TimelineRenderer), instead of one QCustomPlot item per bar. A second instance on
// the buffered "overlay" layer draws hover and selection, so that moving the mouse repaints
// only that layer.

#include <functional>

#include <qcustomplot.h>

namespace loopscope {

class TimelinePlotLayer : public QCPLayerable {
    Q_OBJECT
  public:
    using Paint = std::function<void(QCPPainter*)>;
    TimelinePlotLayer(QCustomPlot* plot, const QString& layer, Paint paint);

  protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;

  private:
    Paint paint_;
};

} // namespace loopscope
