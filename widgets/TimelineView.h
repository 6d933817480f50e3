#pragma once
// The timeline: one row per task (plus the loop's own row), drawn with
// QCustomPlot. The bars are one custom plottable rather than one item per bar,
// so that big runs stay fast: off-screen bars are skipped and bars narrower than
// a few pixels are merged into one folded bar.

#include <QWidget>

#include <qcustomplot.h>

#include "TimelineModel.h"

namespace loopscope {

// Draws the segments and markers of a TimelineModel. Keys are virtual time,
// values are row indices (row 0 at the top).
class TimelineBars : public QCPAbstractPlottable {
    Q_OBJECT
  public:
    TimelineBars(QCPAxis* keyAxis, QCPAxis* valueAxis);

    void setModel(const TimelineModel* model) { model_ = model; }
    static QColor colorFor(SegmentKind kind);

    // Index into the model's segments of the bar under [pos] (pixels), or -1.
    int segmentAt(const QPointF& pos) const;

    double selectTest(const QPointF& pos, bool onlySelectable, QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

  protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

  private:
    QRectF barRect(const TimelineSegment& segment) const;
    void drawMarker(QCPPainter* painter, const TimelineMarker& marker) const;

    const TimelineModel* model_ = nullptr;
};

class TimelineView : public QWidget {
    Q_OBJECT
  public:
    explicit TimelineView(QWidget* parent = nullptr);

    // Shows [model]; an empty model leaves the axes with a hint.
    void setModel(TimelineModel model);
    const TimelineModel& model() const { return model_; }
    QCustomPlot* plot() const { return plot_; }

    // Zooms out so that the whole run is visible.
    void fitAll();

  signals:
    // The user clicked a bar that began at [event].
    void segmentClicked(EventIndex event);

  private:
    void updateRowLabels();
    void showToolTipAt(const QPoint& pos);

    TimelineModel model_;
    QCustomPlot* plot_ = nullptr;
    TimelineBars* bars_ = nullptr;
    QCPItemText* emptyHint_ = nullptr;
};

} // namespace loopscope
