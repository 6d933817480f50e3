#include "TimelineRenderer.h"

#include <algorithm>
#include <cmath>

#include <QFontMetricsF>
#include <QHash>
#include <QPaintEngine>
#include <QPainter>
#include <QRegion>
#include <QStaticText>

#include "TimelineDeadlockSlot.h"
#include "TimelineDescriptions.h"
#include "TimelinePrimitives.h"

namespace loopscope {

namespace {

constexpr double kPad = 6;
// Bars narrower than this get no outline and no pattern: at that size they are noise, and they
// cost more than the fill.
constexpr double kMinEdgedBar = 8;
// Task rows thinner than this (a figure of thousands of rows) get no markers, arrows or
// captions: they would bury the bars.
constexpr double kThinRow = 6;

// Whether unantialiased fills on [painter] land on device pixels one to one (a raster engine, no
// scale, whole offsets), where a fill's edges each round to the nearest pixel: then whole-pixel
// rectangles fill exactly the pixels that the fractional ones would.
bool fillsWholePixels(const QPainter& painter)
{
    const QTransform device = painter.deviceTransform();
    return painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster &&
           device.type() <= QTransform::TxTranslate && device.dx() == std::round(device.dx()) &&
           device.dy() == std::round(device.dy()) && !painter.testRenderHint(QPainter::Antialiasing);
}

// The pixels an unantialiased fill of [r] covers there.
QRect fillPixels(const QRectF& r)
{
    return QRect(QPoint(qRound(r.left()), qRound(r.top())),
                 QPoint(qRound(r.right()) - 1, qRound(r.bottom()) - 1));
}

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

TimelineRenderer::Bands TimelineRenderer::bands(double width, const TimelineViewState& state,
                                                const TimelineFigureOptions& options) const
{
    const double line = QFontMetricsF(options.font).height();
    Bands b;
    b.title = options.title.isEmpty() ? 0 : std::ceil(line * 1.9);
    b.axis = std::ceil(line * 2.5);
    b.legend = options.legend ? legendHeight(width - 2 * kPad, state, options.font) + kPad : 0;
    return b;
}

double TimelineRenderer::heightFor(double width, double rowHeight, const TimelineViewState& state,
                                   const TimelineFigureOptions& options) const
{
    const Bands b = bands(width, state, options);
    const double pinned = rows_.loopShown ? std::round(rowHeight * 1.1) : 0;
    return std::ceil(b.title + kPad + pinned + double(rows_.rows.size()) * rowHeight + b.axis + b.legend);
}

TimelineFigureLayout TimelineRenderer::layout(const QRectF& target, const TimelineViewState& state,
                                              const TimelineFigureOptions& options) const
{
    TimelineFigureLayout l;
    const double line = QFontMetricsF(options.font).height();
    const Bands b = bands(target.width(), state, options);
    const double labelWidth =
        options.labelWidth > 0
            ? options.labelWidth
            : preferredLabelWidth(model_, rows_, options.font, std::max(80.0, target.width() * 0.3));

    l.figure = target;
    l.title = QRectF(target.left() + kPad, target.top(), target.width() - 2 * kPad, b.title);
    const double top = target.top() + b.title + kPad;
    const double plotHeight = std::max(line * 2, target.height() - b.title - kPad - b.axis - b.legend);
    l.labels = QRectF(target.left(), top, labelWidth, plotHeight);
    l.plot = QRectF(target.left() + labelWidth, top, std::max(10.0, target.width() - labelWidth - kPad * 2),
                    plotHeight);
    l.axis = QRectF(l.plot.left(), l.plot.bottom(), l.plot.width(), b.axis);
    l.legend =
        QRectF(target.left() + kPad, l.axis.bottom() + kPad / 2, target.width() - 2 * kPad, b.legend - kPad);

    TimelineGeometry& g = l.geometry;
    g.plot = l.plot;
    g.x0 = state.x0;
    g.x1 = state.x1;
    applyDeadlockSlot(g, model_, state.axis, deadlockSlotPixels(options.font, l.plot.width()));
    g.rowCount = int(rows_.rows.size());
    const double pinnedFactor = rows_.loopShown ? 1.1 : 0;
    const double minRow = minRowHeight(options.font);
    double rowHeight = options.rowHeight;
    if (rowHeight <= 0)
        rowHeight = std::clamp(plotHeight / std::max(1.0, g.rowCount + pinnedFactor), minRow,
                               maxRowHeight(options.font));
    g.rowHeight = rowHeight;
    g.pinnedHeight = std::round(rowHeight * pinnedFactor);
    if (options.fitAllRows && g.rowCount > 0 && g.pinnedHeight + g.rowCount * rowHeight > plotHeight) {
        // Too many rows for the readable height: the loop's row keeps it, the task rows share
        // what is left.
        g.pinnedHeight = std::min(g.pinnedHeight, std::round(plotHeight * 0.25));
        g.rowHeight = (plotHeight - g.pinnedHeight) / g.rowCount;
    } else if (options.fitAllRows && options.rowHeight <= 0) {
        // Fewer rows than the height holds: the figure keeps its size, its content is centred
        // in it rather than leaving an empty band in the plot.
        const double spare = plotHeight - (g.pinnedHeight + g.rowCount * rowHeight);
        if (spare >= 1) {
            TimelineFigureOptions tight = options;
            tight.rowHeight = rowHeight;
            TimelineFigureLayout centred = layout(QRectF(target.left(), target.top() + std::floor(spare / 2),
                                                         target.width(), target.height() - spare),
                                                  state, tight);
            centred.figure = target;
            return centred;
        }
    }
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
    layoutOptions.arrows = state.arrows && l.geometry.rowHeight >= kThinRow;
    layoutOptions.shortcuts = options.mergeBars;
    const TimelineScene scene = layoutTimeline(model_, rows_, l.geometry, layoutOptions);

    painter.save();
    painter.setFont(options.font);
    fillBackground(painter, target, l.plot);
    paintPlot(painter, l, scene, state, options);
    paintLabelColumn(painter, l, scene, options);
    paintAxis(painter, l, state, options.font);
    if (options.cursor)
        paintCursor(painter, l, scene, state, *options.cursor, options.font);
    if (options.legend)
        paintLegend(painter, l.legend, state, options.font);
    if (!options.title.isEmpty()) {
        painter.setFont(scaled(options.font, 1.2, true));
        painter.setPen(theme_.text);
        painter.drawText(l.title, Qt::AlignLeft | Qt::AlignVCenter, options.title);
    }
    // Nothing to draw: say why (a program that failed before anything ran says how).
    if (model_.segmentCount() == 0) {
        const QString why =
            model_.runError().isEmpty()
                ? options.emptyText
                : QStringLiteral("Nothing ran: %1").arg(model_.runError().section(u'\n', 0, 0));
        painter.setFont(options.font);
        painter.setPen(theme_.mutedText);
        painter.drawText(l.plot, Qt::AlignCenter | Qt::TextWordWrap, why);
    }
    painter.restore();
    return scene;
}

void TimelineRenderer::fillBackground(QPainter& painter, const QRectF& target, const QRectF& plot) const
{
    // The plot paints its own background over its pixels: on a raster device at whole-pixel
    // offsets (where a fill's edges round to the nearest pixel) they are left out here, the
    // largest fill of a replot done once rather than twice.
    if (!fillsWholePixels(painter)) {
        painter.fillRect(target, theme_.background);
        return;
    }
    const QRegion around = QRegion(fillPixels(target)) - QRegion(fillPixels(plot));
    for (const QRect& r : around)
        painter.fillRect(r, theme_.background);
}

void TimelineRenderer::paintPlot(QPainter& painter, const TimelineFigureLayout& l, const TimelineScene& scene,
                                 const TimelineViewState& state, const TimelineFigureOptions& options) const
{
    const QFont& font = options.font;
    const TimelineGeometry& g = l.geometry;
    const QRectF plot = l.plot;
    painter.save();
    painter.setClipRect(plot);
    painter.setRenderHint(QPainter::Antialiasing, false);
    // The background, and stripes on every other row (the pinned loop row set apart). On the fast
    // path, where fills round to whole pixels, the background is filled only between the
    // stripes: the plot's pixels are written once, not half of them twice.
    auto striped = [](const TimelineScene::Row& row) {
        return row.displayRow == kPinnedRow || row.displayRow % 2 == 1;
    };
    if (options.mergeBars && fillsWholePixels(painter)) {
        const QRect all = fillPixels(plot);
        int y = all.top(); // the first pixel row not filled yet
        for (const TimelineScene::Row& row : scene.rows) {
            if (!striped(row))
                continue;
            const QRect stripe = fillPixels(QRectF(plot.left(), row.top, plot.width(), row.height));
            if (stripe.top() > y)
                painter.fillRect(
                    QRect(all.left(), y, all.width(), std::min(stripe.top(), all.bottom() + 1) - y),
                    theme_.plotBackground);
            y = std::max(y, stripe.bottom() + 1);
        }
        if (y <= all.bottom())
            painter.fillRect(QRect(all.left(), y, all.width(), all.bottom() + 1 - y), theme_.plotBackground);
    } else {
        painter.fillRect(plot, theme_.plotBackground);
    }
    for (const TimelineScene::Row& row : scene.rows)
        if (striped(row))
            painter.fillRect(QRectF(plot.left(), row.top, plot.width(), row.height), theme_.stripe);
    // Pass columns, every other one shaded.
    for (const TimelineScene::PassColumn& p : scene.passes)
        if (p.pass % 2 == 1)
            painter.fillRect(QRectF(p.left, plot.top(), p.right - p.left, plot.height()), theme_.passShade);
    // Grid lines at the time ticks: one-pixel columns, filled (the pixels of a one-pixel line
    // with square caps, without stroking it pixel by pixel).
    if (state.axis == TimelineAxis::Time)
        for (const TimelineTick& tick : timeTicks(g.x0, g.x1, plot.width()))
            painter.fillRect(QRectF(std::round(g.xFor(tick.coord)), plot.top() - 0.5, 1, plot.height() + 1),
                             theme_.grid);
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
        fillPattern(painter, &band, 1, Qt::BDiagPattern, hatch);
        painter.setPen(QPen(theme_.stallEdge, 1.2, Qt::DashLine));
        painter.drawLine(QPointF(band.left(), plot.top()), QPointF(band.left(), plot.bottom()));
        painter.drawLine(QPointF(band.right(), plot.top()), QPointF(band.right(), plot.bottom()));
    }

    paintBars(painter, scene, plot, font, options.mergeBars);

    // A sleep's deadline: a tick across the bar's end, and a small notch above it (not on rows
    // too thin to tell it from the bar).
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const TimelineScene::Deadline& d : scene.deadlines) {
        if (g.rowHeight < kThinRow)
            break;
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

    paintMarkers(painter, scene, g);
    if (state.arrows)
        paintArrows(painter, scene);
    painter.restore();
}

void TimelineRenderer::paintBars(QPainter& painter, const TimelineScene& scene, const QRectF& plot,
                                 const QFont& font, bool mergeBars) const
{
    painter.setRenderHint(QPainter::Antialiasing, false);
    // Fills are batched by kind: one brush and one call per kind, not per bar. Bars of a row
    // follow each other left to right, so a bar of the same kind that touches or overlaps the
    // last one (a chain of steps in a crowded view) widens it instead: unantialiased fills round
    // each edge to a pixel, so the union covers exactly the pixels the two did, and a pattern is
    // aligned to the device, not the rectangle.
    std::vector<QRectF> fills[kSegmentKindCount], patterns[kSegmentKindCount], slivers;
    auto add = [mergeBars](std::vector<QRectF>& rects, const QRectF& r) {
        if (mergeBars && !rects.empty()) {
            QRectF& last = rects.back();
            if (last.top() == r.top() && last.height() == r.height() && r.left() >= last.left() &&
                r.left() <= last.right()) {
                last.setRight(std::max(last.right(), r.right()));
                return;
            }
        }
        rects.push_back(r);
    };
    for (const TimelineScene::Bar& bar : scene.bars) {
        // A turn in the ready queue too narrow for its outline and hatching (one that took no
        // time, drawn at its minimum width) is filled with the outline's stronger colour: the
        // pale fill alone would vanish beside the step it leads to.
        if (bar.kind == SegmentKind::Ready && bar.rect.width() < kMinEdgedBar) {
            add(slivers, bar.rect);
            continue;
        }
        add(fills[size_t(bar.kind)], bar.rect);
        if (bar.rect.width() >= kMinEdgedBar && bar.rect.height() >= kThinRow * 0.5)
            add(patterns[size_t(bar.kind)], bar.rect);
    }
    // Where device pixels are the painter's pixels (no scale, whole offsets), the rectangles are
    // handed over in whole pixels, rounded as the raster engine rounds an unantialiased fill
    // (each edge to the nearest pixel): the same pixels, without its per-rectangle path.
    const QTransform device = painter.deviceTransform();
    const bool wholePixels = mergeBars && fillsWholePixels(painter);
    // On a 32-bit image (the widget's buffer) an opaque fill is written straight into its pixels,
    // inside the clip rounded the same way: a few nanoseconds a bar rather than a fraction of a
    // microsecond through the paint engine.
    QImage* image = nullptr;
    QRect clip;
    if (wholePixels && painter.device() && painter.device()->devType() == QInternal::Image) {
        image = static_cast<QImage*>(painter.device());
        const QImage::Format format = image->format();
        if ((format != QImage::Format_RGB32 && format != QImage::Format_ARGB32 &&
             format != QImage::Format_ARGB32_Premultiplied) ||
            image->devicePixelRatio() != 1)
            image = nullptr;
    }
    const int dx = int(device.dx()), dy = int(device.dy());
    if (image) {
        clip = image->rect();
        if (painter.hasClipping()) {
            const QRectF c = painter.clipBoundingRect().translated(dx, dy);
            clip &= QRect(QPoint(qRound(c.left()), qRound(c.top())),
                          QPoint(qRound(c.right()) - 1, qRound(c.bottom()) - 1));
        }
    }
    std::vector<QRect> pixels;
    auto fillRects = [&](const std::vector<QRectF>& rects) {
        if (!wholePixels) {
            painter.drawRects(rects.data(), int(rects.size()));
            return;
        }
        pixels.clear();
        for (const QRectF& r : rects) {
            const int x0 = qRound(r.left()), y0 = qRound(r.top()), x1 = qRound(r.right()),
                      y1 = qRound(r.bottom());
            if (x1 > x0 && y1 > y0)
                pixels.emplace_back(x0, y0, x1 - x0, y1 - y0);
        }
        const QColor color = painter.brush().color();
        if (image && painter.brush().style() == Qt::SolidPattern && color.alpha() == 255 &&
            painter.compositionMode() == QPainter::CompositionMode_SourceOver) {
            const uint32_t value = color.rgba();
            uchar* const bits = image->bits(); // detached once, not at every line
            const qsizetype stride = image->bytesPerLine();
            for (const QRect& r : pixels) {
                const QRect d = r.translated(dx, dy) & clip;
                for (int y = d.top(); y <= d.bottom(); ++y) {
                    auto* line = reinterpret_cast<uint32_t*>(bits + y * stride);
                    std::fill(line + d.left(), line + d.right() + 1, value);
                }
            }
            return;
        }
        painter.drawRects(pixels.data(), int(pixels.size()));
    };
    painter.setPen(Qt::NoPen);
    for (int k = 0; k < kSegmentKindCount; ++k) {
        const TimelineStateStyle& style = theme_.style(SegmentKind(k));
        if (!fills[k].empty()) {
            painter.setBrush(style.fill);
            fillRects(fills[k]);
        }
        fillPattern(painter, patterns[k].data(), int(patterns[k].size()), style.pattern, style.patternColor);
    }
    if (!slivers.empty()) {
        painter.setBrush(theme_.style(SegmentKind::Ready).edge);
        fillRects(slivers);
    }
    painter.setBrush(Qt::NoBrush);
    for (const TimelineScene::Bar& bar : scene.bars) {
        const TimelineStateStyle& style = theme_.style(bar.kind);
        if (style.edge.isValid() && bar.rect.width() >= kMinEdgedBar && bar.rect.height() >= kThinRow * 0.5) {
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
        add(foldRects, f.rect);
    painter.setPen(Qt::NoPen);
    painter.setBrush(theme_.foldFill);
    fillRects(foldRects);
    painter.setBrush(Qt::NoBrush);
    // The zig-zags in whole pixels: corners on pixel centres, three pixels apart, each stroke the
    // runs of pixels (one a column) that an unantialiased one-pixel line between its corners
    // lights, filled as rectangles like the bars: a dense view has tens of thousands of strokes,
    // which a stroker draws a pixel at a time.
    std::vector<QRectF> zigzags;
    struct Count {
        QRectF box;
        QString text;
    };
    std::vector<Count> counts;
    QHash<int, double> countWidths; // a count's width, measured once a paint (shaping is costly)
    const double narrowestDigit = smallMetrics.horizontalAdvance(QLatin1Char('1')) * 0.5;
    for (const TimelineScene::Fold& f : scene.folds) {
        if (f.rect.width() < kMinEdgedBar)
            continue; // a small grey box: too small for its zig-zag
        const double amplitude = f.rect.height() * 0.3, y = f.rect.center().y();
        const int corners = int(f.rect.width() / 3) + 1; // as many as fit, three pixels apart
        const int left = int(std::floor(f.rect.left())), high = int(std::floor(y - amplitude)),
                  low = int(std::floor(y + amplitude)), drop = low - high;
        // A stroke going down lights rows [high + fall(c), high + fall(c + 1)) in its column c
        // (0 to 2; at least one), one going up the mirror image; each corner is one pixel at the
        // tip, in the column of the stroke it begins (the last corner its own).
        auto fall = [drop](int c) { return (2 * c * drop + 3) / 6; };
        // (Only the strokes over the plot: the rest would be clipped.)
        const int firstStroke = std::max(0, int((plot.left() - left) / 3) - 1);
        const int strokes = std::min(corners - 1, int((plot.right() - left) / 3) + 2);
        for (int k = firstStroke; k < strokes; ++k)
            for (int c = 0; c < 3; ++c) {
                const int rows = std::max(1, fall(c + 1) - fall(c));
                const int top = k % 2 == 0 ? high + fall(c) : low - fall(c) - rows + 1;
                zigzags.emplace_back(left + 3 * k + c, top, 1, rows);
            }
        zigzags.emplace_back(left + 3 * (corners - 1), (corners - 1) % 2 == 0 ? high : low, 1, 1);
        int digits = 1;
        for (int rest = f.count; rest >= 10; rest /= 10)
            ++digits;
        if (f.rect.width() <= digits * narrowestDigit + 8 || f.rect.height() < smallMetrics.height())
            continue;
        auto width = countWidths.find(f.count);
        if (width == countWidths.end())
            width = countWidths.insert(f.count, smallMetrics.horizontalAdvance(QString::number(f.count)));
        if (f.rect.width() > *width + 8)
            counts.push_back({QRectF(f.rect.center().x() - *width / 2 - 2, y - smallMetrics.height() / 2,
                                     *width + 4, smallMetrics.height()),
                              QString::number(f.count)});
    }
    painter.setPen(Qt::NoPen);
    painter.setBrush(theme_.foldEdge);
    fillRects(zigzags);
    painter.setBrush(Qt::NoBrush);
    for (const Count& c : counts) {
        painter.fillRect(c.box, theme_.foldFill);
        painter.setPen(theme_.foldEdge);
        painter.drawText(c.box, Qt::AlignCenter, c.text);
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
            bar.kind == SegmentKind::LoopBusy || bar.rect.height() < kThinRow * 0.5)
            continue;
        // A bar that begins off the left edge says it where it comes into view.
        const double visibleLeft = std::max(bar.rect.left(), plot.left());
        const double visibleWidth = bar.rect.right() - visibleLeft;
        if (visibleWidth < minWidth)
            continue;
        QString text = segmentCaption(model_, bar.row, bar.segment);
        if (text.isEmpty())
            continue;
        // Waiting when the deadlock came (and still so at the end, or until the Ctrl+C that
        // ends a deadlock cancelled it).
        const bool stuck = bar.flags & (kPendingAtEnd | kStuckAtDeadlock);
        // A bar that runs to the edge ends under its stop sign: the caption stays clear of it.
        const double room = std::min(visibleWidth, plot.right() - visibleLeft) - 10 -
                            (stuck ? bar.rect.height() * 1.6 + 8 : 0);
        if (stuck && deadlock) {
            // What it waits on, where, and that it is forever: the longest form that fits.
            const QStringList forms = stuckWaitCaptions(model_, bar.row, bar.segment);
            text = forms.back();
            for (const QString& form : forms)
                if (fm.horizontalAdvance(form) <= room) {
                    text = form;
                    break;
                }
        }
        const QStaticText* laidOut = cachedText(text, caption);
        double textWidth = laidOut->size().width();
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

void TimelineRenderer::paintMarkers(QPainter& painter, const TimelineScene& scene,
                                    const TimelineGeometry& g) const
{
    const double size = markerSize(g.rowHeight);
    const bool thin = g.rowHeight < kThinRow;
    for (const TimelineScene::Marker& m : scene.markers)
        if (!thin || m.row == 0)
            paintMarkerShape(painter, m.kind, m.at,
                             thin ? std::clamp(g.pinnedHeight * 0.45, 8.0, 15.0) : size, theme_);
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

void TimelineRenderer::paintLabelColumn(QPainter& painter, const TimelineFigureLayout& l,
                                        const TimelineScene& scene,
                                        const TimelineFigureOptions& options) const
{
    auto paint = [&](QPainter& p) { paintRowLabels(p, l, scene, options.font); };
    if (!options.labelCache) {
        paint(painter);
        return;
    }
    TimelineLabelCache::Key key;
    key.model = &model_;
    key.area = l.labels;
    key.pinnedHeight = l.geometry.pinnedHeight;
    key.font = options.font;
    key.background = theme_.background.rgba();
    key.stripe = theme_.stripe.rgba();
    key.text = theme_.text.rgba();
    key.grid = theme_.grid.rgba();
    key.rows.reserve(scene.rows.size() * 4);
    for (const TimelineScene::Row& row : scene.rows)
        key.rows.insert(key.rows.end(), {double(row.modelRow), double(row.displayRow), row.top, row.height});
    if (!options.labelCache->draw(painter, key, paint))
        paint(painter);
}

void TimelineRenderer::paintRowLabels(QPainter& painter, const TimelineFigureLayout& l,
                                      const TimelineScene& scene, const QFont& font) const
{
    const QRectF area = l.labels;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    QFont bold = font;
    bold.setBold(true);
    const double textHeight = QFontMetricsF(font).height();
    // Rows thinner than a line of text (a figure of many rows) are labelled only where a label
    // fits below the one before: every few rows, never on top of each other.
    double labelledUntil = -1e300;
    for (const TimelineScene::Row& row : scene.rows) {
        const bool pinned = row.displayRow == kPinnedRow;
        // Task rows scroll under the pinned loop row's label.
        const QRectF visible = pinned ? QRectF(area.left(), area.top(), area.width(), l.geometry.pinnedHeight)
                                      : QRectF(area.left(), area.top() + l.geometry.pinnedHeight,
                                               area.width(), area.height() - l.geometry.pinnedHeight);
        painter.setClipRect(visible);
        const QRectF box(area.left(), row.top, area.width(), row.height);
        if ((pinned || row.displayRow % 2 == 1) && row.height >= 2)
            painter.fillRect(box, theme_.stripe);
        QRectF textBox = box.adjusted(kPad, 0, -kPad, 0);
        if (!pinned && row.height < textHeight) {
            textBox = QRectF(textBox.left(), box.center().y() - textHeight / 2, textBox.width(), textHeight);
            // Kept inside the rows' area: the first and last rows are labelled too.
            textBox.moveTop(std::max(visible.top(), std::min(textBox.top(), visible.bottom() - textHeight)));
            if (textBox.top() < labelledUntil || box.bottom() <= visible.top() ||
                box.top() >= visible.bottom())
                continue;
            labelledUntil = textBox.bottom();
        }
        painter.setFont(pinned ? bold : font);
        painter.setPen(theme_.text);
        const QString label = QFontMetricsF(painter.font())
                                  .elidedText(model_.rowLabel(row.modelRow), Qt::ElideRight, textBox.width());
        painter.drawText(textBox, Qt::AlignLeft | Qt::AlignVCenter, label);
    }
    painter.setClipping(false);
    painter.setPen(QPen(theme_.grid, 1));
    painter.drawLine(QPointF(area.right() - 0.5, area.top()), QPointF(area.right() - 0.5, area.bottom()));
    painter.restore();
}

void TimelineRenderer::paintAxis(QPainter& painter, const TimelineFigureLayout& l,
                                 const TimelineViewState& state, const QFont& font) const
{
    const TimelineGeometry& g = l.geometry;
    const QRectF axis = l.axis;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    // Tick labels may reach past the plot's ends, never past the figure's.
    const QRectF room = l.figure.isValid() ? l.figure : axis.adjusted(-kPad * 4, 0, kPad * 2, 0);
    painter.setClipRect(QRectF(room.left(), axis.top(), room.width(), axis.height()));
    painter.setFont(font);
    const QFontMetricsF fm(font);
    painter.setPen(QPen(theme_.mutedText, 1));
    painter.drawLine(QPointF(axis.left(), axis.top() + 0.5), QPointF(axis.right(), axis.top() + 0.5));
    // A label at [x] (its centre, or its left edge), kept whole inside the figure and clear of
    // the one before it.
    double lastRight = -1e300;
    auto drawLabel = [&](double x, const QString& label, bool centred) {
        const double w = fm.horizontalAdvance(label);
        double left = centred ? x - w / 2 : x;
        left = std::clamp(left, room.left() + 2, std::max(room.left() + 2, room.right() - 2 - w));
        if (left < lastRight + 6)
            return;
        painter.setPen(theme_.text);
        painter.drawText(QPointF(left, axis.top() + 6 + fm.ascent()), label);
        lastRight = left + w;
    };
    QString title;
    if (state.axis == TimelineAxis::Time) {
        const std::vector<TimelineTick> ticks = timeTicks(g.x0, g.x1, axis.width());
        for (const TimelineTick& tick : ticks) {
            const double x = std::round(g.xFor(tick.coord)) + 0.5;
            painter.setPen(QPen(theme_.mutedText, 1));
            painter.drawLine(QPointF(x, axis.top()), QPointF(x, axis.top() + 5));
            drawLabel(x, tick.label, true);
        }
        // The title names the unit the ticks are in.
        const QString unit = ticks.empty() ? QStringLiteral("s") : ticks.back().label.section(u' ', -1);
        title = QStringLiteral("virtual time (%1)").arg(unit);
        paintDeadlockSlotLabel(painter, g, axis, fm, theme_.mutedText);
    } else if (model_.passCount() > 0) {
        const int p0 = std::max(0, model_.passAt(g.x0)), p1 = std::max(p0, model_.passAt(g.x1));
        const int step = std::max(1, int(niceStep(p1 - p0 + 1, axis.width(), 70)));
        for (int p = (p0 / step) * step; p <= p1; p += step) {
            const double x = g.xFor(model_.passStart(p));
            if (x < axis.left() - 1)
                continue;
            const QString label = QString::number(p + 1);
            const double w = fm.horizontalAdvance(label);
            painter.setPen(QPen(theme_.mutedText, 1));
            painter.drawLine(QPointF(std::round(x) + 0.5, axis.top()),
                             QPointF(std::round(x) + 0.5, axis.top() + 5));
            drawLabel(std::max(x + 2, x + (g.xFor(model_.passEnd(p)) - x - w) / 2), label, false);
        }
        title = QStringLiteral("loop pass (each step in its own slot, in execution order)");
    }
    painter.setPen(theme_.mutedText);
    painter.drawText(QRectF(axis.left(), axis.top() + 6 + fm.height(), axis.width(), fm.height() + 2),
                     Qt::AlignCenter, fm.elidedText(title, Qt::ElideRight, axis.width()));
    painter.restore();
}

void TimelineRenderer::paintCursor(QPainter& painter, const TimelineFigureLayout& l,
                                   const TimelineScene& scene, const TimelineViewState& state,
                                   const TimelineCursor& cursor, const QFont& font) const
{
    if (!model_.hasTrace() || cursor.event.value >= model_.trace().events().size())
        return;
    const TimelineGeometry& g = l.geometry;
    const QRectF plot = l.plot;
    const TraceEvent& at = model_.event(cursor.event);
    const double atCoord = model_.timeCoord(cursor.event); // at.t, or after the deadlock's slot
    const double x =
        std::round(g.xFor(state.axis == TimelineAxis::Time ? atCoord : model_.slotCoord(cursor.event, true)));
    painter.save();
    painter.setClipRect(plot);
    painter.setRenderHint(QPainter::Antialiasing, false);
    // What comes after the cursor has not happened yet: it is veiled. Steps at the cursor's own
    // instant that ran before it stay clear, and so does the step it opens, outlined.
    const double veilLeft = std::max(x, plot.left());
    if (veilLeft < plot.right()) {
        QColor veil = theme_.plotBackground;
        veil.setAlpha(theme_.isDark ? 165 : 175);
        painter.fillRect(QRectF(veilLeft, plot.top(), plot.right() - veilLeft, plot.height()), veil);
    }
    const int cursorRow = model_.rowOfTask(at.task);
    const TimelineScene::Bar* current = nullptr;
    for (const TimelineScene::Bar& bar : scene.bars) {
        const auto segs = model_.segments(bar.row);
        const TimelineSegment& seg = segs[size_t(bar.segment)];
        if (bar.row == cursorRow && seg.event == cursor.event) {
            current = &bar;
            continue;
        }
        // At the cursor's instant (on the time axis drawn side by side after it, each with its
        // minimum width): steps that ran before it, and the turns in the ready queue that led
        // to them or to the step it opens.
        const bool atInstant = state.axis == TimelineAxis::Time
                                   ? seg.start == atCoord
                                   : bar.rect.left() >= x - 0.5 && bar.rect.left() <= x + 0.5;
        if (!atInstant || !(seg.event < cursor.event))
            continue;
        const bool step = bar.kind == SegmentKind::Running || bar.kind == SegmentKind::Blocking ||
                          bar.kind == SegmentKind::LoopCallback;
        const bool turnBefore = bar.kind == SegmentKind::Ready && size_t(bar.segment) + 1 < segs.size() &&
                                !(cursor.event < segs[size_t(bar.segment) + 1].event);
        if (step || turnBefore)
            paintStateSwatch(painter, bar.rect, theme_.style(bar.kind));
    }
    if (x >= plot.left() && x <= plot.right()) {
        painter.setPen(QPen(theme_.selection, 2, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }
    if (current) {
        paintStateSwatch(painter, current->rect, theme_.style(current->kind));
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(theme_.selection, 2.2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(current->rect.adjusted(-2, -2, 2, 2));
    }
    if (!cursor.label.isEmpty()) {
        // The tag: on the cursor's right where it fits, else on its left.
        QFont bold = font;
        bold.setBold(true);
        painter.setFont(bold);
        const QFontMetricsF fm(bold);
        const QString text = fm.elidedText(cursor.label, Qt::ElideRight, plot.width() - 16);
        const double w = fm.horizontalAdvance(text) + 10, h = fm.height() + 4;
        double left = x + 5;
        if (left + w > plot.right() - 2)
            left = std::max(plot.left() + 2, x - 5 - w);
        // At the top, over the loop's row: a step is always a task's, so it stays in view.
        const QRectF tag(left, plot.top() + 3, w, h);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(Qt::NoPen);
        painter.setBrush(theme_.selection);
        painter.drawRoundedRect(tag, 3, 3);
        painter.setPen(theme_.plotBackground);
        painter.drawText(tag, Qt::AlignCenter, text);
    }
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
            fillPattern(painter, &band, 1, Qt::BDiagPattern, hatch);
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
