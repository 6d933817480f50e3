#pragma once
// The QCustomPlot the timeline lives in, with its two paint buffers made to cost only what they
// show. The bottom buffer (the figure, on "main"): the figure paints every pixel of it, its
// background first, so it is never cleared to transparent and is copied to the widget rather
// than blended over a background fill. The "overlay" buffer (hover and selection): cleared and
// drawn only when something was painted on it. The same pixels, four full-size passes over
// memory fewer per replot.

#include <qcustomplot.h>

namespace loopscope {

class TimelinePlot : public QCustomPlot {
    Q_OBJECT
  public:
    explicit TimelinePlot(QWidget* parent = nullptr);
    // The overlay layer's painting drew something (else its buffer is left blank and skipped).
    void markOverlayDrawn();
};

} // namespace loopscope
