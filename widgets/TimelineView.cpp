#include "TimelineView.h"

#include <algorithm>
#include <cmath>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QScrollBar>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QWheelEvent>

#include "TimelineDescriptions.h"
#include "TimelinePlot.h"
#include "TimelinePlotLayer.h"

namespace loopscope {

namespace {

constexpr double kWheelZoomPerNotch = 0.8;
constexpr double kKeyZoom = 0.8;
constexpr double kKeyPan = 0.15; // of the visible span
constexpr int kClickSlop = 4;    // pixels a press may move and still be a click

} // namespace

TimelineView::TimelineView(QWidget* parent)
    : QWidget(parent), model_(std::make_shared<TimelineModel>()), viewport_(new TimelineViewport(this))
{
    // The view's controls: axis, arrows, shutdown tasks, fit, and the row filter.
    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(4, 2, 4, 2);
    axisBox_ = new QComboBox(this);
    axisBox_->addItem(tr("Time axis"));
    axisBox_->addItem(tr("Passes axis"));
    axisBox_->setToolTip(tr("Virtual time, or loop passes: every step in its own slot, in order"));
    arrowsBox_ = new QCheckBox(tr("Arrows"), this);
    arrowsBox_->setChecked(true);
    arrowsBox_->setToolTip(tr("Who created, woke or cancelled whom"));
    shutdownBox_ = new QCheckBox(tr("Shutdown tasks"), this);
    shutdownBox_->setToolTip(tr("Show the two tasks asyncio.run adds when it shuts the loop down"));
    auto* fit = new QToolButton(this);
    fit->setText(tr("Fit all"));
    fit->setToolTip(tr("Show the whole run (F)"));
    filterEdit_ = new QLineEdit(this);
    filterEdit_->setPlaceholderText(tr("Filter rows: task or coroutine name"));
    filterEdit_->setClearButtonEnabled(true);
    auto* hint = new QLabel(tr("wheel: zoom · drag: pan · W/A/S/D"), this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    controls->addWidget(axisBox_);
    controls->addWidget(arrowsBox_);
    controls->addWidget(shutdownBox_);
    controls->addWidget(fit);
    controls->addWidget(filterEdit_, 1);
    controls->addWidget(hint);

    plot_ = new TimelinePlot(this);
    plot_->setObjectName(QStringLiteral("TimelinePlot"));
    // The renderer draws everything; QCustomPlot keeps the buffered layers and the replots.
    plot_->plotLayout()->clear();
    plot_->setNoAntialiasingOnDrag(true);
    plot_->setFocusPolicy(Qt::StrongFocus);
    plot_->setMouseTracking(true);
    plot_->installEventFilter(this);
    figureLayer_ =
        new TimelinePlotLayer(plot_, QStringLiteral("main"), [this](QCPPainter* p) { paintFigure(p); });
    overlayLayer_ =
        new TimelinePlotLayer(plot_, QStringLiteral("overlay"), [this](QCPPainter* p) { paintOverlay(p); });
    // (TimelinePlot keeps the overlay in its own buffer.)

    scrollBar_ = new QScrollBar(Qt::Vertical, this);
    scrollBar_->setToolTip(tr("Scroll the task rows (the loop's row stays on top)"));

    busyLabel_ = new QLabel(plot_);
    busyLabel_->setAlignment(Qt::AlignCenter);
    busyLabel_->setAutoFillBackground(true);
    busyLabel_->setMargin(10);
    busyLabel_->hide();

    auto* body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    body->addWidget(plot_, 1);
    body->addWidget(scrollBar_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(controls);
    layout->addLayout(body, 1);

    connect(axisBox_, &QComboBox::currentIndexChanged, this,
            [this](int index) { setAxis(index == 1 ? TimelineAxis::Passes : TimelineAxis::Time); });
    connect(arrowsBox_, &QCheckBox::toggled, this, &TimelineView::setArrowsShown);
    connect(shutdownBox_, &QCheckBox::toggled, this, &TimelineView::setShowShutdownTasks);
    connect(fit, &QToolButton::clicked, this, &TimelineView::fitAll);
    connect(filterEdit_, &QLineEdit::textChanged, this, &TimelineView::setRowFilter);
    connect(scrollBar_, &QScrollBar::valueChanged, this, [this](int value) {
        if (std::lround(viewport_->state().scroll) != value)
            viewport_->setScroll(value);
    });
    connect(viewport_, &TimelineViewport::changed, this, [this] {
        updateScrollBar();
        replot();
    });
    connect(viewport_, &TimelineViewport::selectionChanged, this, [this] { replotOverlay(); });

    rebuildRows();
    viewport_->reset(*model_);
}

// -- Model and options -----------------------------------------------------------------------------

void TimelineView::setModel(std::shared_ptr<const TimelineModel> model)
{
    model_ = model ? std::move(model) : std::make_shared<TimelineModel>();
    hover_ = {};
    cursor_.reset();
    rebuildRows();
    viewport_->reset(*model_);
    emit selectionCleared();
}

void TimelineView::setTheme(const TimelineTheme& theme)
{
    theme_ = theme; // the figure paints its own background (TimelinePlot: no fill under it)
    QPalette palette = busyLabel_->palette();
    palette.setColor(QPalette::Window, theme_.plotBackground);
    palette.setColor(QPalette::WindowText, theme_.text);
    busyLabel_->setPalette(palette);
    replot();
}

void TimelineView::setAxis(TimelineAxis axis)
{
    axisBox_->setCurrentIndex(axis == TimelineAxis::Passes ? 1 : 0);
    hover_ = {};
    viewport_->setSelection({});
    viewport_->setAxis(axis);
}

TimelineAxis TimelineView::axis() const
{
    return viewport_->state().axis;
}

void TimelineView::setRowFilter(const QString& text)
{
    if (filterEdit_->text() != text)
        filterEdit_->setText(text);
    if (filter_ == text)
        return;
    filter_ = text;
    rebuildRows();
    viewport_->setScroll(0);
    replot();
}

void TimelineView::setShowShutdownTasks(bool show)
{
    shutdownBox_->setChecked(show);
    if (showShutdownTasks_ == show)
        return;
    showShutdownTasks_ = show;
    rebuildRows();
    replot();
}

void TimelineView::setArrowsShown(bool show)
{
    arrowsBox_->setChecked(show);
    viewport_->setArrows(show);
}

void TimelineView::fitAll()
{
    viewport_->fitAll();
}

void TimelineView::setBusyText(const QString& text)
{
    busyLabel_->setText(text);
    busyLabel_->setVisible(!text.isEmpty());
    busyLabel_->adjustSize();
    busyLabel_->move((plot_->width() - busyLabel_->width()) / 2,
                     (plot_->height() - busyLabel_->height()) / 3);
    busyLabel_->raise();
}

void TimelineView::rebuildRows()
{
    rows_ = selectRows(*model_, filter_, showShutdownTasks_);
    labelCache_.clear(); // new rows, or a new model (perhaps at the old one's address)
    labelWidth_ = TimelineRenderer::preferredLabelWidth(*model_, rows_, font(), 420);
    relayout();
}

// -- Layout and painting -------------------------------------------------------------------------

TimelineFigureOptions TimelineView::figureOptions() const
{
    TimelineFigureOptions options;
    options.font = font();
    options.legend = true;
    // Whole pixels: the row labels' column is then kept as a picture between replots.
    options.labelWidth = std::min(labelWidth_, std::max(80.0, std::floor(plot_->width() * 0.32)));
    options.emptyText = tr("No run yet: the timeline appears when the scenario runs.");
    options.cursor = cursor_;
    options.labelCache = &labelCache_;
    return options;
}

void TimelineView::relayout()
{
    const TimelineRenderer renderer(*model_, rows_, theme_);
    layout_ = renderer.layout(QRectF(plot_->rect()), viewport_->state(), figureOptions());
    viewport_->setMaxScroll(layout_.geometry.maxScroll());
    updateScrollBar();
}

void TimelineView::updateScrollBar()
{
    const QSignalBlocker block(scrollBar_);
    const int maximum = int(std::ceil(viewport_->maxScroll()));
    scrollBar_->setRange(0, maximum);
    scrollBar_->setPageStep(std::max(1, int(layout_.geometry.rowsThatFit())));
    scrollBar_->setValue(int(std::lround(viewport_->state().scroll)));
    scrollBar_->setVisible(maximum > 0);
}

void TimelineView::replot()
{
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::replotOverlay()
{
    // Only the overlay's buffer is repainted; before the first replot there is none.
    if (plot_->isVisible() && plot_->width() > 0 && plot_->height() > 0)
        plot_->layer(QStringLiteral("overlay"))->replot();
}

void TimelineView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
    if (busyLabel_->isVisible())
        setBusyText(busyLabel_->text());
}

void TimelineView::paintFigure(QCPPainter* painter)
{
    const TimelineRenderer renderer(*model_, rows_, theme_);
    scene_ =
        renderer.render(*painter, QRectF(plot_->viewport()), viewport_->state(), figureOptions(), &layout_);
}

void TimelineView::paintOverlay(QCPPainter* painter)
{
    const TimelineRenderer renderer(*model_, rows_, theme_);
    if (hover_.kind != TimelineScene::Hit::None || viewport_->selection().kind != TimelineScene::Hit::None)
        static_cast<TimelinePlot*>(plot_)->markOverlayDrawn();
    if (hover_.kind != TimelineScene::Hit::None && !(hover_ == viewport_->selection()))
        renderer.paintHighlight(*painter, scene_.locate(hover_), layout_, false);
    renderer.paintHighlight(*painter, scene_.locate(viewport_->selection()), layout_, true);
}

// -- Tooltips and selection ------------------------------------------------------------------------

QString TimelineView::describe(const TimelineScene::Hit& hit) const
{
    const TimelineModel& m = *model_;
    switch (hit.kind) {
    case TimelineScene::Hit::Segment:
        return describeSegment(m, hit.row, hit.index);
    case TimelineScene::Hit::Fold:
        return describeFold(m, hit.row, hit.index, hit.count);
    case TimelineScene::Hit::Marker:
        return describeMarker(m, m.markers(hit.row)[size_t(hit.index)]);
    case TimelineScene::Hit::Arrow:
        return describeArrow(m, m.arrows()[size_t(hit.index)]);
    case TimelineScene::Hit::Stall:
        return describeStall(m, m.stalls()[size_t(hit.index)]);
    case TimelineScene::Hit::None:
        break;
    }
    return {};
}

QString TimelineView::toolTipAt(QPointF pos) const
{
    if (layout_.labels.contains(pos)) {
        const int row = rows_.modelRowOf(layout_.geometry.rowAt(pos.y()));
        if (row < 0)
            return {};
        if (row == 0)
            return tr(
                "The event loop: busy while it runs passes, idle while the clock jumps to the next timer, "
                "and the callbacks it runs");
        const TimelineRow& r = model_->row(row);
        QString text = model_->rowLabel(row);
        switch (r.ending) {
        case RowEnd::Done:
            text += tr(": done at %1 s").arg(formatSeconds(r.end));
            break;
        case RowEnd::Cancelled:
            text += tr(": cancelled at %1 s").arg(formatSeconds(r.end));
            break;
        case RowEnd::Failed:
            text += tr(": failed at %1 s").arg(formatSeconds(r.end));
            break;
        case RowEnd::Pending:
            text += tr(": still pending when the run ended");
            break;
        }
        return text;
    }
    if (!layout_.plot.contains(pos))
        return {};
    return describe(scene_.hitAt(pos));
}

void TimelineView::select(const TimelineScene::Hit& hit)
{
    viewport_->setSelection(hit);
    if (hit.kind == TimelineScene::Hit::None) {
        emit selectionCleared();
        return;
    }
    QList<int> lines;
    const TimelineModel& m = *model_;
    std::vector<int> found;
    if (hit.kind == TimelineScene::Hit::Segment)
        found = linesOfSegment(m, hit.row, hit.index);
    else if (hit.kind == TimelineScene::Hit::Marker)
        found = linesOfMarker(m, m.markers(hit.row)[size_t(hit.index)]);
    else if (hit.kind == TimelineScene::Hit::Stall)
        found = {int(m.scenarioLine(m.event(m.stalls()[size_t(hit.index)].event).line()))};
    for (int line : found)
        if (line > 0)
            lines << line;
    emit itemSelected(describe(hit), lines);
    std::optional<EventIndex> event;
    switch (hit.kind) {
    case TimelineScene::Hit::Segment:
    case TimelineScene::Hit::Fold: // its first segment
        event = m.segments(hit.row)[size_t(hit.index)].event;
        break;
    case TimelineScene::Hit::Marker:
        event = m.markers(hit.row)[size_t(hit.index)].event;
        break;
    case TimelineScene::Hit::Arrow:
        event = m.arrows()[size_t(hit.index)].from;
        break;
    case TimelineScene::Hit::Stall:
        event = m.stalls()[size_t(hit.index)].event;
        break;
    default:
        break;
    }
    if (event)
        emit eventClicked(*event);
}

void TimelineView::setStepCursor(std::optional<TimelineCursor> cursor)
{
    cursor_ = std::move(cursor);
    if (cursor_ && model_->hasTrace() && cursor_->event.value < model_->trace().events().size()) {
        const TimelineViewState& state = viewport_->state();
        const double coord = state.axis == TimelineAxis::Time ? model_->timeCoord(cursor_->event)
                                                              : model_->slotCoord(cursor_->event, true);
        const double span = state.x1 - state.x0;
        // Keep a margin so the cursor's tag stays readable.
        if (coord < state.x0 || coord > state.x1)
            viewport_->panBy(coord - (state.x0 + span * 0.25));
    }
    replot();
}

// -- Input -----------------------------------------------------------------------------------------

bool TimelineView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != plot_)
        return QWidget::eventFilter(watched, event);
    const TimelineGeometry& g = layout_.geometry;
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto* e = static_cast<QMouseEvent*>(event);
        if (e->button() != Qt::LeftButton)
            return false;
        plot_->setFocus(Qt::MouseFocusReason);
        pressed_ = true;
        dragging_ = false;
        pressPos_ = e->position().toPoint();
        pressX0_ = viewport_->state().x0;
        pressX1_ = viewport_->state().x1;
        pressScroll_ = viewport_->state().scroll;
        return true;
    }
    case QEvent::MouseMove: {
        auto* e = static_cast<QMouseEvent*>(event);
        const QPoint pos = e->position().toPoint();
        if (pressed_ && (e->buttons() & Qt::LeftButton)) {
            if (!dragging_ && (pos - pressPos_).manhattanLength() > kClickSlop) {
                dragging_ = true;
                QToolTip::hideText();
                plot_->setCursor(Qt::ClosedHandCursor);
            }
            if (dragging_) {
                // Drag pans time with the mouse and scrolls the rows.
                const double units = (pos.x() - pressPos_.x()) / g.pixelsPerUnit();
                const auto [a, b] = viewport_->limits().clamp(pressX0_ - units, pressX1_ - units);
                viewport_->setRange(a, b);
                if (g.rowHeight > 0)
                    viewport_->setScroll(pressScroll_ - (pos.y() - pressPos_.y()) / g.rowHeight);
            }
            return true;
        }
        const TimelineScene::Hit hit = layout_.plot.contains(pos) ? scene_.hitAt(pos) : TimelineScene::Hit{};
        if (!(hit == hover_)) {
            hover_ = hit;
            replotOverlay();
        }
        const QString text = toolTipAt(pos);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(e->globalPosition().toPoint(), text, plot_);
        return true;
    }
    case QEvent::MouseButtonRelease: {
        auto* e = static_cast<QMouseEvent*>(event);
        if (e->button() != Qt::LeftButton || !pressed_)
            return false;
        pressed_ = false;
        plot_->unsetCursor();
        if (!dragging_ && layout_.plot.contains(e->position()))
            select(scene_.hitAt(e->position()));
        dragging_ = false;
        return true;
    }
    case QEvent::Leave:
        if (hover_.kind != TimelineScene::Hit::None) {
            hover_ = {};
            replotOverlay();
        }
        return false;
    case QEvent::Wheel:
        handleWheel(static_cast<QWheelEvent*>(event));
        return true;
    case QEvent::KeyPress:
        return handleKey(static_cast<QKeyEvent*>(event));
    case QEvent::Resize:
        relayout();
        return false;
    default:
        return false;
    }
}

void TimelineView::handleWheel(QWheelEvent* event)
{
    const TimelineGeometry& g = layout_.geometry;
    const QPointF pos = event->position();
    const QPoint delta = event->angleDelta();
    const bool overLabels = pos.x() < layout_.plot.left();
    if ((event->modifiers() & Qt::ShiftModifier) || overLabels) {
        // Shift+wheel, or the wheel over the row labels, scrolls the rows.
        const int steps = delta.y() != 0 ? delta.y() : delta.x();
        viewport_->scrollBy(-steps / 120.0 * 3);
        return;
    }
    if (delta.x() != 0 && std::abs(delta.x()) > std::abs(delta.y())) {
        // A sideways wheel or swipe pans.
        viewport_->panBy(-delta.x() / 120.0 * kKeyPan * (g.x1 - g.x0));
        return;
    }
    const double anchor = g.coordAt(std::clamp(pos.x(), layout_.plot.left(), layout_.plot.right()));
    viewport_->zoomAt(anchor, std::pow(kWheelZoomPerNotch, delta.y() / 120.0));
}

bool TimelineView::handleKey(QKeyEvent* event)
{
    const TimelineGeometry& g = layout_.geometry;
    const double span = g.x1 - g.x0;
    // Zoom around the mouse when it is over the plot, else around the middle.
    const QPointF mouse = plot_->mapFromGlobal(QCursor::pos());
    const double anchor = layout_.plot.contains(mouse) ? g.coordAt(mouse.x()) : (g.x0 + g.x1) / 2;
    switch (event->key()) {
    case Qt::Key_W:
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        viewport_->zoomAt(anchor, kKeyZoom);
        return true;
    case Qt::Key_S:
    case Qt::Key_Minus:
        viewport_->zoomAt(anchor, 1 / kKeyZoom);
        return true;
    case Qt::Key_A:
        viewport_->panBy(-kKeyPan * span);
        return true;
    case Qt::Key_D:
        viewport_->panBy(kKeyPan * span);
        return true;
    case Qt::Key_Up:
        viewport_->scrollBy(-1);
        return true;
    case Qt::Key_Down:
        viewport_->scrollBy(1);
        return true;
    case Qt::Key_PageUp:
        viewport_->scrollBy(-std::max(1.0, std::floor(g.rowsThatFit()) - 1));
        return true;
    case Qt::Key_PageDown:
        viewport_->scrollBy(std::max(1.0, std::floor(g.rowsThatFit()) - 1));
        return true;
    case Qt::Key_F:
    case Qt::Key_0:
        fitAll();
        return true;
    case Qt::Key_Escape:
        select({});
        return true;
    default:
        return false;
    }
}

} // namespace loopscope
