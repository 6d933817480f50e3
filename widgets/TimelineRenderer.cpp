#include "TimelineRenderer.h"

#include <algorithm>
#include <cmath>

#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QStaticText>

#include "TimelineDescriptions.h"

namespace loopscope {

namespace {

constexpr double kPad = 6;
// Bars narrower than this get no outline and no pattern: at that size they are noise, and they
// cost more than the fill.
constexpr double kMinEdgedBar = 8;

QFont scaled(const QFont& font, double factor, bool bold = false)
{
    QFont f = font;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * factor);
    else
        f.setPixelSize(std::max(1, int(std::lround(f.pixelSize() * factor))));
    f.setBold(bold);
    return f;
}

// Polygon of a regular [n]-gon of radius [r] around [c], starting at [phase] radians.
QPolygonF polygon(QPointF c, double r, int n, double phase)
{
    QPolygonF p;
    for (int i = 0; i < n; ++i) {
        const double a = phase + 2 * M_PI * i / n;
        p << QPointF(c.x() + r * std::cos(a), c.y() + r * std::sin(a));
    }
    return p;
}

void drawCentredText(QPainter& painter, QPointF centre, const QString& text, const QColor& color)
{
    const QFontMetricsF fm(painter.font());
    painter.setPen(color);
    painter.drawText(
        QPointF(centre.x() - fm.horizontalAdvance(text) / 2, centre.y() + (fm.ascent() - fm.descent()) / 2),
        text);
}

// The legend's entries, in order: only what this run shows.
struct LegendEntry {
    enum Kind { State, Marker, Arrow, Stall, Deadline } kind;
    int value;
    QString text;
};

std::vector<LegendEntry> legendEntries(const TimelineModel& model, const TimelineViewState& state)
{
    std::vector<LegendEntry> entries;
    const bool all = model.isEmpty();
    for (int k = 0; k < kSegmentKindCount; ++k) {
        const auto kind = SegmentKind(k);
        if (kind == SegmentKind::Gap || legendText(kind).isEmpty())
            continue;
        if (all || (model.segmentKindsPresent() >> k & 1u))
            entries.push_back({LegendEntry::State, k, legendText(kind)});
    }
    if (all || (model.segmentKindsPresent() >> int(SegmentKind::Sleeping) & 1u))
        entries.push_back({LegendEntry::Deadline, 0, QStringLiteral("deadline")});
    if (!model.stalls().empty() && state.axis == TimelineAxis::Time)
        entries.push_back({LegendEntry::Stall, 0, QStringLiteral("stall: a blocking call holds the loop")});
    for (int k = 0; k < kMarkerKindCount; ++k)
        if (all || (model.markerKindsPresent() >> k & 1u))
            entries.push_back({LegendEntry::Marker, k, legendText(MarkerKind(k))});
    if (state.arrows)
        for (int k = 0; k < kArrowKindCount; ++k)
            if (all || (model.arrowKindsPresent() >> k & 1u))
                entries.push_back({LegendEntry::Arrow, k, legendText(ArrowKind(k))});
    return entries;
}

// [text] laid out in [font], kept for later paints (per thread: exports may paint off the GUI
// thread). The cache is bounded; it is cleared when it fills.
const QStaticText* cachedText(const QString& text, const QFont& font)
{
    thread_local QHash<QString, QStaticText> cache;
    thread_local QFont cachedFont;
    if (!(cachedFont == font) || cache.size() > 4000) {
        cache.clear();
        cachedFont = font;
    }
    auto it = cache.find(text);
    if (it == cache.end()) {
        QStaticText laidOut(text);
        laidOut.setTextFormat(Qt::PlainText);
        laidOut.prepare(QTransform(), font);
        it = cache.insert(text, laidOut);
    }
    return &*it;
}

constexpr double kSwatchWidth = 24, kSwatchGap = 5, kEntryGap = 14;
constexpr double kLegendScale = 0.92;

} // namespace

// -- Primitives ------------------------------------------------------------------------------------

void paintStateSwatch(QPainter& painter, const QRectF& rect, const TimelineStateStyle& style)
{
    painter.fillRect(rect, style.fill);
    if (style.pattern != Qt::NoBrush)
        painter.fillRect(rect, QBrush(style.patternColor, style.pattern));
    if (style.edge.isValid() && rect.width() >= 3 && rect.height() >= 3) {
        painter.setPen(QPen(style.edge, 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

void paintMarkerShape(QPainter& painter, MarkerKind kind, QPointF at, double size, const TimelineTheme& theme)
{
    const QColor color = theme.color(kind);
    const double r = size / 2;
    const QPen edge(theme.markerEdge, 1.4);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(std::max(6, int(size * 0.8)));
    painter.setFont(font);
    switch (kind) {
    case MarkerKind::Created: {
        // A small flag pole: where the task begins.
        painter.setPen(QPen(color, 1.6));
        painter.drawLine(QPointF(at.x(), at.y() - r * 1.3), QPointF(at.x(), at.y() + r * 1.3));
        painter.setBrush(color);
        painter.setPen(Qt::NoPen);
        painter.drawPolygon(
            QPolygonF({QPointF(at.x(), at.y() - r * 1.3), QPointF(at.x() + r * 1.1, at.y() - r * 0.85),
                       QPointF(at.x(), at.y() - r * 0.4)}));
        break;
    }
    case MarkerKind::Done:
        painter.setPen(edge);
        painter.setBrush(color);
        painter.drawEllipse(at, r, r);
        painter.setPen(QPen(theme.markerEdge, 1.6));
        painter.drawPolyline(QPolygonF(
            {at + QPointF(-r * 0.45, 0), at + QPointF(-r * 0.1, r * 0.4), at + QPointF(r * 0.5, -r * 0.4)}));
        break;
    case MarkerKind::Cancelled:
        painter.setPen(QPen(theme.markerEdge, 4));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(at, r * 0.85, r * 0.85);
        painter.setPen(QPen(color, 2.2));
        painter.drawEllipse(at, r * 0.85, r * 0.85);
        painter.drawLine(at + QPointF(-r * 0.6, r * 0.6), at + QPointF(r * 0.6, -r * 0.6));
        break;
    case MarkerKind::Failed:
        painter.setPen(edge);
        painter.setBrush(color);
        painter.drawPolygon(polygon(at, r * 1.15, 4, 0));
        drawCentredText(painter, at, QStringLiteral("!"), Qt::white);
        break;
    case MarkerKind::CancelRequested:
        painter.setPen(QPen(theme.markerEdge, 4.2, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(at + QPointF(-r * 0.55, -r * 0.55), at + QPointF(r * 0.55, r * 0.55));
        painter.drawLine(at + QPointF(-r * 0.55, r * 0.55), at + QPointF(r * 0.55, -r * 0.55));
        painter.setPen(QPen(color, 2.2, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(at + QPointF(-r * 0.55, -r * 0.55), at + QPointF(r * 0.55, r * 0.55));
        painter.drawLine(at + QPointF(-r * 0.55, r * 0.55), at + QPointF(r * 0.55, -r * 0.55));
        break;
    case MarkerKind::NeverAwaited:
    case MarkerKind::NeverRetrieved:
    case MarkerKind::OtherWarning: {
        // A warning triangle.
        painter.setPen(QPen(kind == MarkerKind::NeverRetrieved ? theme.markerEdge : QColor(Qt::black), 1.2));
        painter.setBrush(color);
        painter.drawPolygon(polygon(at + QPointF(0, r * 0.15), r * 1.2, 3, -M_PI / 2));
        drawCentredText(painter, at + QPointF(0, r * 0.3), QStringLiteral("!"),
                        kind == MarkerKind::NeverRetrieved ? QColor(Qt::white) : QColor(Qt::black));
        break;
    }
    case MarkerKind::Stuck:
    case MarkerKind::LimitHit: {
        // A stop sign: the run went no further.
        painter.setPen(edge);
        painter.setBrush(color);
        painter.drawPolygon(polygon(at, r * 1.15, 8, M_PI / 8));
        const QColor inner = kind == MarkerKind::Stuck ? QColor(Qt::white) : theme.plotBackground;
        if (kind == MarkerKind::Stuck)
            painter.fillRect(QRectF(at.x() - r * 0.6, at.y() - r * 0.17, r * 1.2, r * 0.34), inner);
        else
            drawCentredText(painter, at, QStringLiteral("!"), inner);
        break;
    }
    }
    painter.restore();
}

void paintArrowLine(QPainter& painter, QPointF from, QPointF to, const TimelineArrowStyle& style)
{
    const QPointF d = to - from;
    const double len = std::hypot(d.x(), d.y());
    if (len < 2)
        return;
    const double head = std::min(7.0, len * 0.5);
    QPen pen(style.color, style.width, style.line);
    pen.setCapStyle(Qt::FlatCap);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    QPointF tip = to, u = d / len;
    if (std::abs(d.x()) < 24 && std::abs(d.y()) > 12) {
        // Between rows at (nearly) one instant: a curve bulging right, clear of the markers
        // and step bars on that instant.
        const double bulge = std::min(26.0, 8 + std::abs(d.y()) * 0.15);
        const QPointF control((from.x() + to.x()) / 2 + bulge * 1.6, (from.y() + to.y()) / 2);
        QPainterPath path(from);
        path.quadTo(control, to);
        const QPointF tangent = to - control;
        u = tangent / std::hypot(tangent.x(), tangent.y());
        painter.drawPath(path);
    } else {
        painter.drawLine(from, to - u * head);
    }
    const QPointF base = tip - u * head;
    const QPointF n(-u.y(), u.x());
    painter.setPen(Qt::NoPen);
    painter.setBrush(style.color);
    painter.drawPolygon(QPolygonF({tip, base + n * head * 0.5, base - n * head * 0.5}));
}

// -- Layout --------------------------------------------------------------------------------------

double TimelineRenderer::minRowHeight(const QFont& font)
{
    return std::ceil(QFontMetricsF(font).height() + 8);
}

double TimelineRenderer::maxRowHeight(const QFont& font)
{
    return std::ceil(QFontMetricsF(font).height() * 3.2);
}

double TimelineRenderer::preferredLabelWidth(const TimelineModel& model, const TimelineRowSet& rows,
                                             const QFont& font, double maxWidth)
{
    const QFontMetricsF fm(font);
    QFont bold = font;
    bold.setBold(true);
    double width = QFontMetricsF(bold).horizontalAdvance(QStringLiteral("event loop"));
    // A sample is enough for huge runs: labels of one run look alike.
    const size_t step = std::max<size_t>(1, rows.rows.size() / 4000);
    for (size_t i = 0; i < rows.rows.size() && width < maxWidth; i += step)
        width = std::max(width, fm.horizontalAdvance(model.rowLabel(rows.rows[i])));
    return std::min(maxWidth, std::ceil(width + 2 * kPad));
}

TimelineFigureLayout TimelineRenderer::layout(const QRectF& target, const TimelineViewState& state,
                                              const TimelineFigureOptions& options) const
{
    TimelineFigureLayout l;
    const QFontMetricsF fm(options.font);
    const double line = fm.height();
    const double titleHeight = options.title.isEmpty() ? 0 : std::ceil(line * 1.9);
    const double axisHeight = std::ceil(line * 2.5);
    const double labelWidth =
        options.labelWidth > 0
            ? options.labelWidth
            : preferredLabelWidth(model_, rows_, options.font, std::max(80.0, target.width() * 0.3));
    const double legendSpace =
        options.legend ? legendHeight(target.width() - 2 * kPad, state, options.font) + kPad : 0;

    l.title = QRectF(target.left() + kPad, target.top(), target.width() - 2 * kPad, titleHeight);
    const double top = target.top() + titleHeight + kPad;
    const double plotHeight =
        std::max(line * 2, target.height() - titleHeight - kPad - axisHeight - legendSpace);
    l.labels = QRectF(target.left(), top, labelWidth, plotHeight);
    l.plot = QRectF(target.left() + labelWidth, top, std::max(10.0, target.width() - labelWidth - kPad * 2),
                    plotHeight);
    l.axis = QRectF(l.plot.left(), l.plot.bottom(), l.plot.width(), axisHeight);
    l.legend = QRectF(target.left() + kPad, l.axis.bottom() + kPad / 2, target.width() - 2 * kPad,
                      legendSpace - kPad);

    TimelineGeometry& g = l.geometry;
    g.plot = l.plot;
    g.x0 = state.x0;
    g.x1 = state.x1;
    g.rowCount = int(rows_.rows.size());
    const double pinnedFactor = rows_.loopShown ? 1.1 : 0;
    double rowHeight = options.rowHeight;
    if (rowHeight <= 0)
        rowHeight = std::clamp(plotHeight / std::max(1.0, g.rowCount + pinnedFactor),
                               minRowHeight(options.font), maxRowHeight(options.font));
    g.rowHeight = rowHeight;
    g.pinnedHeight = std::round(rowHeight * pinnedFactor);
    g.scroll = std::clamp(state.scroll, 0.0, g.maxScroll());
    return l;
}

// -- The figure ------------------------------------------------------------------------------------

TimelineScene TimelineRenderer::render(QPainter& painter, const QRectF& target,
                                       const TimelineViewState& state, const TimelineFigureOptions& options,
                                       TimelineFigureLayout* layoutOut) const
{
    const TimelineFigureLayout l = layout(target, state, options);
    if (layoutOut)
        *layoutOut = l;
    TimelineLayoutOptions layoutOptions;
    layoutOptions.axis = state.axis;
    layoutOptions.arrows = state.arrows;
    const TimelineScene scene = layoutTimeline(model_, rows_, l.geometry, layoutOptions);

    painter.save();
    painter.setFont(options.font);
    painter.fillRect(target, theme_.background);
    paintPlot(painter, l, scene, state, options.font);
    paintRowLabels(painter, l, scene, options.font);
    paintAxis(painter, l, state, options.font);
    if (options.legend)
        paintLegend(painter, l.legend, state, options.font);
    if (!options.title.isEmpty()) {
        painter.setFont(scaled(options.font, 1.2, true));
        painter.setPen(theme_.text);
        painter.drawText(l.title, Qt::AlignLeft | Qt::AlignVCenter, options.title);
    }
    if (model_.isEmpty() && !options.emptyText.isEmpty()) {
        painter.setFont(options.font);
        painter.setPen(theme_.mutedText);
        painter.drawText(l.plot, Qt::AlignCenter | Qt::TextWordWrap, options.emptyText);
    }
    painter.restore();
    return scene;
}

void TimelineRenderer::paintPlot(QPainter& painter, const TimelineFigureLayout& l, const TimelineScene& scene,
                                 const TimelineViewState& state, const QFont& font) const
{
    const TimelineGeometry& g = l.geometry;
    const QRectF plot = l.plot;
    painter.save();
    painter.setClipRect(plot);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(plot, theme_.plotBackground);

    // Stripes on every other row, and the pinned loop row set apart.
    for (const TimelineScene::Row& row : scene.rows)
        if (row.displayRow == kPinnedRow || row.displayRow % 2 == 1)
            painter.fillRect(QRectF(plot.left(), row.top, plot.width(), row.height), theme_.stripe);
    // Pass columns, every other one shaded.
    for (const TimelineScene::PassColumn& p : scene.passes)
        if (p.pass % 2 == 1)
            painter.fillRect(QRectF(p.left, plot.top(), p.right - p.left, plot.height()), theme_.passShade);
    // Grid lines at the time ticks.
    if (state.axis == TimelineAxis::Time) {
        painter.setPen(QPen(theme_.grid, 1));
        for (const TimelineTick& tick : timeTicks(g.x0, g.x1, plot.width()))
            painter.drawLine(QPointF(std::round(g.xFor(tick.coord)) + 0.5, plot.top()),
                             QPointF(std::round(g.xFor(tick.coord)) + 0.5, plot.bottom()));
    }
    if (g.pinnedHeight > 0) {
        painter.setPen(QPen(theme_.grid, 1));
        painter.drawLine(QPointF(plot.left(), plot.top() + g.pinnedHeight - 0.5),
                         QPointF(plot.right(), plot.top() + g.pinnedHeight - 0.5));
    }

    // Stall bands: a blocking call holds the loop for every row.
    for (const TimelineScene::Stall& s : scene.stalls) {
        const QRectF band(s.left, plot.top(), std::max(2.0, s.right - s.left), plot.height());
        painter.fillRect(band, theme_.stallFill);
        QColor hatch = theme_.stallEdge;
        hatch.setAlpha(70);
        painter.fillRect(band, QBrush(hatch, Qt::BDiagPattern));
        painter.setPen(QPen(theme_.stallEdge, 1.2, Qt::DashLine));
        painter.drawLine(QPointF(band.left(), plot.top()), QPointF(band.left(), plot.bottom()));
        painter.drawLine(QPointF(band.right(), plot.top()), QPointF(band.right(), plot.bottom()));
    }

    paintBars(painter, scene, plot, font);

    // A sleep's deadline: a tick across the bar's end, and a small notch above it.
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const TimelineScene::Deadline& d : scene.deadlines) {
        if (!d.reached) {
            // A sleep that ended early (cancelled): where it would have woken, dashed.
            painter.setPen(QPen(theme_.deadline, 1.2, Qt::DashLine, Qt::FlatCap));
            painter.drawLine(QPointF(d.at.x(), d.at.y() - d.halfHeight),
                             QPointF(d.at.x(), d.at.y() + d.halfHeight));
            continue;
        }
        painter.setPen(QPen(theme_.deadline, 2, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(d.at.x() - 1, d.at.y() - d.halfHeight),
                         QPointF(d.at.x() - 1, d.at.y() + d.halfHeight));
        painter.setPen(Qt::NoPen);
        painter.setBrush(theme_.deadline);
        const double s = std::max(3.0, d.halfHeight * 0.45);
        painter.drawPolygon(QPolygonF({QPointF(d.at.x() - 1 - s, d.at.y() - d.halfHeight - s),
                                       QPointF(d.at.x() - 1 + s, d.at.y() - d.halfHeight - s),
                                       QPointF(d.at.x() - 1, d.at.y() - d.halfHeight)}));
    }

    // Stall captions on top of the bars, where the band begins.
    QFont small = scaled(font, 0.9, true);
    painter.setFont(small);
    const QFontMetricsF fm(small);
    for (const TimelineScene::Stall& s : scene.stalls) {
        QString text = stallCaption(model_, model_.stalls()[s.index]);
        const double room = std::max(s.right - s.left, plot.right() - s.left) - 8;
        text = fm.elidedText(text, Qt::ElideRight, room);
        if (text.size() < 4)
            continue;
        // On the loop's row: it is the loop that the call holds.
        const double y =
            g.pinnedHeight > 0 ? plot.top() + (g.pinnedHeight - fm.height() - 2) / 2 : plot.top() + 2;
        const QRectF box(s.left + 3, y, fm.horizontalAdvance(text) + 6, fm.height() + 2);
        QColor back = theme_.plotBackground;
        back.setAlpha(225);
        painter.setPen(QPen(theme_.stallEdge, 1));
        painter.setBrush(back);
        painter.drawRoundedRect(box, 3, 3);
        painter.setPen(theme_.stallText);
        painter.drawText(box, Qt::AlignCenter, text);
    }

    paintMarkers(painter, scene, g.rowHeight);
    if (state.arrows)
        paintArrows(painter, scene);
    painter.restore();
}

void TimelineRenderer::paintBars(QPainter& painter, const TimelineScene& scene, const QRectF& plot,
                                 const QFont& font) const
{
    painter.setRenderHint(QPainter::Antialiasing, false);
    // Fills are batched by kind: one brush and one call per kind, not per bar.
    std::vector<QRectF> fills[kSegmentKindCount], patterns[kSegmentKindCount];
    for (const TimelineScene::Bar& bar : scene.bars) {
        fills[size_t(bar.kind)].push_back(bar.rect);
        if (bar.rect.width() >= kMinEdgedBar)
            patterns[size_t(bar.kind)].push_back(bar.rect);
    }
    painter.setPen(Qt::NoPen);
    for (int k = 0; k < kSegmentKindCount; ++k) {
        const TimelineStateStyle& style = theme_.style(SegmentKind(k));
        if (!fills[k].empty()) {
            painter.setBrush(style.fill);
            painter.drawRects(fills[k].data(), int(fills[k].size()));
        }
        if (style.pattern != Qt::NoBrush && !patterns[k].empty()) {
            painter.setBrush(QBrush(style.patternColor, style.pattern));
            painter.drawRects(patterns[k].data(), int(patterns[k].size()));
        }
    }
    painter.setBrush(Qt::NoBrush);
    for (const TimelineScene::Bar& bar : scene.bars) {
        const TimelineStateStyle& style = theme_.style(bar.kind);
        if (style.edge.isValid() && bar.rect.width() >= kMinEdgedBar) {
            painter.setPen(QPen(style.edge, 1));
            const QRectF r = bar.rect.adjusted(0.5, 0.5, -0.5, -0.5);
            painter.drawLine(r.topLeft(), r.topRight());
            painter.drawLine(r.bottomLeft(), r.bottomRight());
            painter.drawLine(r.topLeft(), r.bottomLeft());
            if (!(bar.flags & kPendingAtEnd))
                painter.drawLine(r.topRight(), r.bottomRight());
        }
    }
    // Folded boxes: a zig-zag says "more than can be drawn here".
    QFont small = scaled(font, 0.8);
    painter.setFont(small);
    const QFontMetricsF smallMetrics(small);
    std::vector<QRectF> foldRects;
    foldRects.reserve(scene.folds.size());
    for (const TimelineScene::Fold& f : scene.folds)
        foldRects.push_back(f.rect);
    painter.setPen(Qt::NoPen);
    painter.setBrush(theme_.foldFill);
    painter.drawRects(foldRects.data(), int(foldRects.size()));
    painter.setBrush(Qt::NoBrush);
    for (const TimelineScene::Fold& f : scene.folds) {
        if (f.rect.width() < kMinEdgedBar)
            continue; // a small grey box: too small for its zig-zag
        painter.setPen(QPen(theme_.foldEdge, 1));
        QPolygonF zigzag;
        const double amplitude = f.rect.height() * 0.3, y = f.rect.center().y();
        bool up = true;
        for (double x = f.rect.left(); x <= f.rect.right(); x += 3, up = !up)
            zigzag << QPointF(x, y + (up ? -amplitude : amplitude));
        painter.drawPolyline(zigzag);
        const QString count = QString::number(f.count);
        if (f.rect.width() > smallMetrics.horizontalAdvance(count) + 8 &&
            f.rect.height() >= smallMetrics.height()) {
            const QRectF box(f.rect.center().x() - smallMetrics.horizontalAdvance(count) / 2 - 2,
                             y - smallMetrics.height() / 2, smallMetrics.horizontalAdvance(count) + 4,
                             smallMetrics.height());
            painter.fillRect(box, theme_.foldFill);
            painter.setPen(theme_.foldEdge);
            painter.drawText(box, Qt::AlignCenter, count);
        }
    }
    // Captions inside wide bars: what a row waits on, where it waits. Each caption is laid out
    // once and kept (QStaticText): shaping text is the costliest part of a paint.
    QFont caption = scaled(font, 0.85);
    painter.setFont(caption);
    const QFontMetricsF fm(caption);
    const double minWidth = fm.horizontalAdvance(QStringLiteral("awaits")) + 10;
    const bool deadlock = model_.runError().startsWith(QLatin1String("Deadlock"));
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const TimelineScene::Bar& bar : scene.bars) {
        const bool stoppedStep = bar.kind == SegmentKind::Running && (bar.flags & kPendingAtEnd);
        if (bar.rect.width() < minWidth || (bar.kind == SegmentKind::Running && !stoppedStep) ||
            bar.kind == SegmentKind::LoopBusy)
            continue;
        // A bar that begins off the left edge says it where it comes into view.
        const double visibleLeft = std::max(bar.rect.left(), plot.left());
        const double visibleWidth = bar.rect.right() - visibleLeft;
        if (visibleWidth < minWidth)
            continue;
        QString text = segmentCaption(model_, bar.row, bar.segment);
        if (text.isEmpty())
            continue;
        if ((bar.flags & kPendingAtEnd) && deadlock)
            text += QStringLiteral(" — forever");
        const QStaticText* laidOut = cachedText(text, caption);
        double textWidth = laidOut->size().width();
        // A bar that runs to the edge ends under its stop sign: the caption stays clear of it.
        const double room = std::min(visibleWidth, plot.right() - visibleLeft) - 10 -
                            ((bar.flags & kPendingAtEnd) ? bar.rect.height() * 1.6 + 8 : 0);
        if (textWidth > room) {
            // Too long: the short form, else the long one cut short.
            QString fitted = segmentCaption(model_, bar.row, bar.segment, true);
            if (fm.horizontalAdvance(fitted) > room)
                fitted = fm.elidedText(text, Qt::ElideRight, room);
            if (fitted.size() < 3 || (fitted.endsWith(QChar(0x2026)) && fitted.size() < 6))
                continue;
            laidOut = cachedText(fitted, caption);
            textWidth = laidOut->size().width();
        }
        const TimelineStateStyle& style = theme_.style(bar.kind);
        const QRectF box(visibleLeft + 5, bar.rect.center().y() - fm.height() / 2, textWidth, fm.height());
        if (bar.rect.height() < fm.height()) {
            // A thin bar: the caption sits on a small plate over it.
            QColor plate = theme_.plotBackground;
            plate.setAlpha(230);
            painter.setPen(Qt::NoPen);
            painter.setBrush(plate);
            painter.drawRoundedRect(box.adjusted(-3, 0, 3, 0), 3, 3);
            painter.setPen(theme_.text);
        } else {
            painter.setPen(style.text);
        }
        painter.drawStaticText(QPointF(box.left(), box.center().y() - laidOut->size().height() / 2),
                               *laidOut);
    }
}

void TimelineRenderer::paintMarkers(QPainter& painter, const TimelineScene& scene, double rowHeight) const
{
    const double size = std::clamp(rowHeight * 0.5, 8.0, 15.0);
    for (const TimelineScene::Marker& m : scene.markers)
        paintMarkerShape(painter, m.kind, m.at, size, theme_);
}

void TimelineRenderer::paintArrows(QPainter& painter, const TimelineScene& scene) const
{
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const TimelineScene::Arrow& a : scene.arrows) {
        // Arrows stop at the bars they join, not in their middle.
        QPointF from = a.from, to = a.to;
        const QPointF d = to - from;
        const double len = std::hypot(d.x(), d.y());
        const double inset = 6;
        if (len > 3 * inset) {
            from += d / len * inset;
            to -= d / len * inset;
        }
        paintArrowLine(painter, from, to, theme_.style(a.kind));
    }
}

void TimelineRenderer::paintRowLabels(QPainter& painter, const TimelineFigureLayout& l,
                                      const TimelineScene& scene, const QFont& font) const
{
    const QRectF area = l.labels;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QFontMetricsF fm(font);
    QFont bold = font;
    bold.setBold(true);
    for (const TimelineScene::Row& row : scene.rows) {
        const bool pinned = row.displayRow == kPinnedRow;
        // Task rows scroll under the pinned loop row's label.
        painter.setClipRect(pinned ? QRectF(area.left(), area.top(), area.width(), l.geometry.pinnedHeight)
                                   : QRectF(area.left(), area.top() + l.geometry.pinnedHeight, area.width(),
                                            area.height() - l.geometry.pinnedHeight));
        const QRectF box(area.left(), row.top, area.width(), row.height);
        if (pinned || row.displayRow % 2 == 1)
            painter.fillRect(box, theme_.stripe);
        painter.setFont(pinned ? bold : font);
        painter.setPen(theme_.text);
        const QString label =
            QFontMetricsF(painter.font())
                .elidedText(model_.rowLabel(row.modelRow), Qt::ElideRight, area.width() - 2 * kPad);
        painter.drawText(box.adjusted(kPad, 0, -kPad, 0), Qt::AlignLeft | Qt::AlignVCenter, label);
    }
    painter.setClipping(false);
    painter.setPen(QPen(theme_.grid, 1));
    painter.drawLine(QPointF(area.right() - 0.5, area.top()), QPointF(area.right() - 0.5, area.bottom()));
    Q_UNUSED(fm)
    painter.restore();
}

void TimelineRenderer::paintAxis(QPainter& painter, const TimelineFigureLayout& l,
                                 const TimelineViewState& state, const QFont& font) const
{
    const TimelineGeometry& g = l.geometry;
    const QRectF axis = l.axis;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setClipRect(axis.adjusted(-kPad * 4, 0, kPad * 2, 0));
    painter.setFont(font);
    const QFontMetricsF fm(font);
    painter.setPen(QPen(theme_.mutedText, 1));
    painter.drawLine(QPointF(axis.left(), axis.top() + 0.5), QPointF(axis.right(), axis.top() + 0.5));
    QString title;
    if (state.axis == TimelineAxis::Time) {
        for (const TimelineTick& tick : timeTicks(g.x0, g.x1, axis.width())) {
            const double x = std::round(g.xFor(tick.coord)) + 0.5;
            painter.setPen(QPen(theme_.mutedText, 1));
            painter.drawLine(QPointF(x, axis.top()), QPointF(x, axis.top() + 5));
            painter.setPen(theme_.text);
            const double w = fm.horizontalAdvance(tick.label);
            painter.drawText(QPointF(x - w / 2, axis.top() + 6 + fm.ascent()), tick.label);
        }
        title = QStringLiteral("virtual time");
    } else if (model_.passCount() > 0) {
        const int p0 = std::max(0, model_.passAt(g.x0)), p1 = std::max(p0, model_.passAt(g.x1));
        const int step = std::max(1, int(niceStep(p1 - p0 + 1, axis.width(), 70)));
        double lastRight = -1e300;
        for (int p = (p0 / step) * step; p <= p1; p += step) {
            const double x = g.xFor(model_.passStart(p));
            if (x < axis.left() - 1)
                continue;
            const QString label = QString::number(p + 1);
            const double w = fm.horizontalAdvance(label);
            painter.setPen(QPen(theme_.mutedText, 1));
            painter.drawLine(QPointF(std::round(x) + 0.5, axis.top()),
                             QPointF(std::round(x) + 0.5, axis.top() + 5));
            const double labelX = std::max(x + 2, x + (g.xFor(model_.passEnd(p)) - x - w) / 2);
            if (labelX > lastRight + 6) {
                painter.setPen(theme_.text);
                painter.drawText(QPointF(labelX, axis.top() + 6 + fm.ascent()), label);
                lastRight = labelX + w;
            }
        }
        title = QStringLiteral("loop passes (each step in its own slot)");
    }
    painter.setPen(theme_.mutedText);
    painter.drawText(QRectF(axis.left(), axis.top() + 6 + fm.height(), axis.width(), fm.height() + 2),
                     Qt::AlignCenter, title);
    painter.restore();
}

double TimelineRenderer::legendHeight(double width, const TimelineViewState& state,
                                      const QFont& legendFont) const
{
    const QFontMetricsF fm(scaled(legendFont, kLegendScale));
    double x = 0;
    int lines = 1;
    for (const LegendEntry& e : legendEntries(model_, state)) {
        const double w = kSwatchWidth + kSwatchGap + fm.horizontalAdvance(e.text) + kEntryGap;
        if (x > 0 && x + w > width) {
            ++lines;
            x = 0;
        }
        x += w;
    }
    return lines * (fm.height() + 6);
}

void TimelineRenderer::paintLegend(QPainter& painter, const QRectF& area, const TimelineViewState& state,
                                   const QFont& legendFont) const
{
    const QFont font = scaled(legendFont, kLegendScale);
    painter.save();
    painter.setFont(font);
    const QFontMetricsF fm(font);
    const double lineHeight = fm.height() + 6;
    double x = area.left(), y = area.top();
    for (const LegendEntry& e : legendEntries(model_, state)) {
        const double w = kSwatchWidth + kSwatchGap + fm.horizontalAdvance(e.text) + kEntryGap;
        if (x > area.left() && x + w > area.right()) {
            x = area.left();
            y += lineHeight;
        }
        const QRectF cell(x, y, kSwatchWidth, lineHeight);
        const QPointF centre = cell.center();
        painter.setRenderHint(QPainter::Antialiasing, false);
        switch (e.kind) {
        case LegendEntry::State: {
            const double h = std::max(4.0, (lineHeight - 2) * barHeightFraction(SegmentKind(e.value)));
            paintStateSwatch(painter, QRectF(cell.left(), centre.y() - h / 2, kSwatchWidth, h),
                             theme_.style(SegmentKind(e.value)));
            break;
        }
        case LegendEntry::Deadline: {
            const TimelineStateStyle& sleeping = theme_.style(SegmentKind::Sleeping);
            const double h = std::max(4.0, (lineHeight - 2) * barHeightFraction(SegmentKind::Sleeping));
            paintStateSwatch(painter, QRectF(cell.left(), centre.y() - h / 2, kSwatchWidth * 0.7, h),
                             sleeping);
            painter.setPen(QPen(theme_.deadline, 2));
            painter.drawLine(QPointF(cell.left() + kSwatchWidth * 0.7, centre.y() - h),
                             QPointF(cell.left() + kSwatchWidth * 0.7, centre.y() + h));
            break;
        }
        case LegendEntry::Stall: {
            const QRectF band(cell.left() + 4, cell.top() + 2, kSwatchWidth - 8, lineHeight - 4);
            painter.fillRect(band, theme_.stallFill);
            QColor hatch = theme_.stallEdge;
            hatch.setAlpha(70);
            painter.fillRect(band, QBrush(hatch, Qt::BDiagPattern));
            painter.setPen(QPen(theme_.stallEdge, 1.2, Qt::DashLine));
            painter.drawLine(band.topLeft(), band.bottomLeft());
            painter.drawLine(band.topRight(), band.bottomRight());
            break;
        }
        case LegendEntry::Marker:
            paintMarkerShape(painter, MarkerKind(e.value), centre, std::min(13.0, lineHeight * 0.6), theme_);
            break;
        case LegendEntry::Arrow:
            painter.setRenderHint(QPainter::Antialiasing, true);
            paintArrowLine(painter, QPointF(cell.left(), centre.y()), QPointF(cell.right(), centre.y()),
                           theme_.style(ArrowKind(e.value)));
            break;
        }
        painter.setPen(theme_.text);
        painter.drawText(
            QPointF(x + kSwatchWidth + kSwatchGap, centre.y() + (fm.ascent() - fm.descent()) / 2), e.text);
        x += w;
    }
    painter.restore();
}

// -- Highlight -----------------------------------------------------------------------------------

void TimelineRenderer::paintHighlight(QPainter& painter, const TimelineScene::Hit& hit,
                                      const TimelineFigureLayout& layout, bool selected) const
{
    if (hit.kind == TimelineScene::Hit::None)
        return;
    painter.save();
    painter.setClipRect(layout.plot);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QColor color = selected ? theme_.selection : theme_.hover;
    painter.setPen(QPen(color, selected ? 2.2 : 1.4, selected ? Qt::SolidLine : Qt::DotLine));
    painter.setBrush(Qt::NoBrush);
    switch (hit.kind) {
    case TimelineScene::Hit::Segment:
    case TimelineScene::Hit::Fold:
        painter.drawRect(hit.rect.adjusted(-2, -2, 2, 2));
        break;
    case TimelineScene::Hit::Marker:
        painter.drawEllipse(hit.rect.center(), 9, 9);
        break;
    case TimelineScene::Hit::Arrow:
        if (hit.index >= 0 && size_t(hit.index) < model_.arrows().size()) {
            TimelineArrowStyle style = theme_.style(model_.arrows()[size_t(hit.index)].kind);
            style.width += 1.5;
            style.line = Qt::SolidLine;
            paintArrowLine(painter, hit.line.p1(), hit.line.p2(), style);
        }
        break;
    case TimelineScene::Hit::Stall:
        painter.drawRect(
            QRectF(hit.rect.left(), layout.plot.top() + 1, hit.rect.width(), layout.plot.height() - 2));
        break;
    case TimelineScene::Hit::None:
        break;
    }
    painter.restore();
}

} // namespace loopscope
