#include "TimelineView.h"

#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>

namespace loopscope {

namespace {

constexpr double kBarHeightInRows = 0.6;
// Bars narrower than this are merged with their neighbours into one folded bar.
constexpr double kMinVisibleWidth = 3.0;
// Steps take no virtual time; they still get a sliver so that they can be seen.
constexpr double kRunningMinWidth = 2.0;

} // namespace

// -- TimelineBars ----------------------------------------------------------

TimelineBars::TimelineBars(QCPAxis* keyAxis, QCPAxis* valueAxis) : QCPAbstractPlottable(keyAxis, valueAxis)
{
    setAntialiasedFill(false);
    setAntialiased(false);
    setSelectable(QCP::stNone);
}

QColor TimelineBars::colorFor(SegmentKind kind)
{
    switch (kind) {
    case SegmentKind::Running:
        return QColor(0x2e, 0x7d, 0x32);
    case SegmentKind::Ready:
        return QColor(0xff, 0xb3, 0x00);
    case SegmentKind::Sleeping:
        return QColor(0x90, 0xca, 0xf9);
    case SegmentKind::WaitingFuture:
        return QColor(0xce, 0x93, 0xd8);
    case SegmentKind::WaitingTask:
        return QColor(0xb3, 0x9d, 0xdb);
    case SegmentKind::WaitingSync:
        return QColor(0xf4, 0x8f, 0xb1);
    case SegmentKind::LoopIdle:
        return QColor(0xcf, 0xd8, 0xdc);
    }
    return Qt::gray;
}

QRectF TimelineBars::barRect(const TimelineSegment& segment) const
{
    const double left = mKeyAxis->coordToPixel(segment.start);
    double right = mKeyAxis->coordToPixel(segment.end);
    if (segment.kind == SegmentKind::Running && right - left < kRunningMinWidth)
        right = left + kRunningMinWidth;
    const double top = mValueAxis->coordToPixel(segment.row - kBarHeightInRows / 2);
    const double bottom = mValueAxis->coordToPixel(segment.row + kBarHeightInRows / 2);
    return QRectF(QPointF(left, std::min(top, bottom)), QPointF(right, std::max(top, bottom)));
}

void TimelineBars::draw(QCPPainter* painter)
{
    if (!model_ || !mKeyAxis || !mValueAxis)
        return;
    const QRectF visible = clipRect();
    painter->setPen(Qt::NoPen);

    // One pending folded bar per row: consecutive narrow bars grow it instead of
    // being drawn one by one (only draw a bar when it changes anything visually).
    struct Folded {
        QRectF rect;
        SegmentKind kind = SegmentKind::Running;
        bool active = false;
    };
    QVector<Folded> folded(model_->rows().size());
    auto flush = [&](Folded& f) {
        if (f.active)
            painter->fillRect(f.rect, colorFor(f.kind));
        f.active = false;
    };

    for (const TimelineSegment& segment : model_->segments()) {
        const QRectF rect = barRect(segment);
        if (rect.right() < visible.left() || rect.left() > visible.right() || rect.bottom() < visible.top() ||
            rect.top() > visible.bottom())
            continue;
        Folded& f = folded[segment.row];
        const bool narrow = rect.width() < kMinVisibleWidth && segment.kind != SegmentKind::Running;
        if (narrow && f.active && rect.left() - f.rect.right() < kMinVisibleWidth) {
            f.rect.setRight(std::max(f.rect.right(), rect.right()));
            continue;
        }
        flush(f);
        if (narrow) {
            f = {rect, segment.kind, true};
            continue;
        }
        painter->fillRect(rect, colorFor(segment.kind));
    }
    for (Folded& f : folded)
        flush(f);

    painter->setRenderHint(QPainter::Antialiasing, true);
    for (const TimelineMarker& marker : model_->markers())
        drawMarker(painter, marker);
}

void TimelineBars::drawMarker(QCPPainter* painter, const TimelineMarker& marker) const
{
    const QPointF center(mKeyAxis->coordToPixel(marker.t), mValueAxis->coordToPixel(marker.row));
    const double half =
        std::abs(mValueAxis->coordToPixel(kBarHeightInRows / 2) - mValueAxis->coordToPixel(0));
    const double r = std::clamp(half * 0.6, 3.0, 7.0);
    switch (marker.kind) {
    case MarkerKind::Created: {
        painter->setPen(QPen(QColor(0x37, 0x47, 0x4f), 2));
        painter->drawLine(QPointF(center.x(), center.y() - half), QPointF(center.x(), center.y() + half));
        break;
    }
    case MarkerKind::Done:
        painter->setPen(QPen(Qt::white, 1.5));
        painter->setBrush(QColor(0x1b, 0x5e, 0x20));
        painter->drawEllipse(center, r, r);
        break;
    case MarkerKind::Cancelled:
    case MarkerKind::Failed: {
        const QColor color =
            marker.kind == MarkerKind::Failed ? QColor(0xc6, 0x28, 0x28) : QColor(0xef, 0x6c, 0x00);
        painter->setPen(QPen(color, 2.5));
        painter->drawLine(center + QPointF(-r, -r), center + QPointF(r, r));
        painter->drawLine(center + QPointF(-r, r), center + QPointF(r, -r));
        break;
    }
    }
    painter->setBrush(Qt::NoBrush);
}

void TimelineBars::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const
{
    painter->fillRect(rect, colorFor(SegmentKind::Running));
}

int TimelineBars::segmentAt(const QPointF& pos) const
{
    if (!model_)
        return -1;
    const auto& segments = model_->segments();
    for (int i = int(segments.size()) - 1; i >= 0; --i) {
        if (barRect(segments[i]).adjusted(-1, 0, 1, 0).contains(pos))
            return i;
    }
    return -1;
}

double TimelineBars::selectTest(const QPointF& pos, bool onlySelectable, QVariant* details) const
{
    Q_UNUSED(details)
    if (onlySelectable && !selectable())
        return -1;
    return segmentAt(pos) >= 0 ? 0 : -1;
}

QCPRange TimelineBars::getKeyRange(bool& foundRange, QCP::SignDomain) const
{
    foundRange = model_ && !model_->isEmpty();
    return QCPRange(0, model_ ? model_->endTime() : 0);
}

QCPRange TimelineBars::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const
{
    foundRange = model_ && !model_->rows().isEmpty();
    return QCPRange(-0.5, model_ ? model_->rows().size() - 0.5 : 0.5);
}

// -- TimelineView ----------------------------------------------------------

TimelineView::TimelineView(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);

    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->axisRect()->setRangeDrag(Qt::Horizontal);
    plot_->axisRect()->setRangeZoom(Qt::Horizontal);
    plot_->xAxis->setLabel(tr("virtual time (s)"));
    plot_->yAxis->setRangeReversed(true);
    plot_->yAxis->grid()->setVisible(false);
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot_->yAxis->setSubTicks(false);
    plot_->yAxis->setTickLength(0, 0);

    bars_ = new TimelineBars(plot_->xAxis, plot_->yAxis);
    bars_->setModel(&model_);

    emptyHint_ = new QCPItemText(plot_);
    emptyHint_->position->setType(QCPItemPosition::ptAxisRectRatio);
    emptyHint_->position->setCoords(0.5, 0.5);
    emptyHint_->setText(tr("No run yet: the timeline appears when the scenario runs."));
    emptyHint_->setColor(palette().color(QPalette::PlaceholderText));

    plot_->setMouseTracking(true);
    connect(plot_, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent* event) { showToolTipAt(event->pos()); });
    connect(plot_, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        const int index = bars_->segmentAt(event->pos());
        if (index >= 0)
            emit segmentClicked(model_.segments()[index].firstEvent);
    });

    updateRowLabels();
    fitAll();
}

void TimelineView::setModel(TimelineModel model)
{
    model_ = std::move(model);
    emptyHint_->setVisible(model_.isEmpty());
    updateRowLabels();
    fitAll();
}

void TimelineView::updateRowLabels()
{
    auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(plot_->yAxis->ticker());
    ticker->clear();
    for (int row = 0; row < model_.rows().size(); ++row)
        ticker->addTick(row, model_.rows()[row].label);
}

void TimelineView::fitAll()
{
    const double end = model_.endTime() > 0 ? model_.endTime() : 1.0;
    plot_->xAxis->setRange(-0.02 * end, end * 1.05);
    plot_->yAxis->setRange(-0.5, std::max<double>(model_.rows().size(), 1) - 0.5);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::showToolTipAt(const QPoint& pos)
{
    const int index = bars_->segmentAt(pos);
    if (index < 0) {
        QToolTip::hideText();
        return;
    }
    const TimelineSegment& segment = model_.segments()[index];
    const QString who = model_.rows()[segment.row].label;
    QString text = tr("%1: %2 from t=%3 to t=%4")
                       .arg(who, TimelineModel::describe(segment.kind))
                       .arg(segment.start, 0, 'g', 6)
                       .arg(segment.end, 0, 'g', 6);
    QToolTip::showText(plot_->mapToGlobal(pos), text, plot_);
}

} // namespace loopscope
