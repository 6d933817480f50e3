#include "TimelinePrimitives.h"

#include <algorithm>
#include <cmath>

#include <QFontMetricsF>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>

namespace loopscope {

namespace {

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

// Qt's SVG writer has no hatch patterns (it would fill them black): on an SVG device the
// renderer draws the pattern's lines itself, all of one kind in one path.
bool drawsPatternsAsLines(const QPainter& painter)
{
    const QPaintEngine* engine = painter.paintEngine();
    return engine && engine->type() == QPaintEngine::SVG;
}

// Lines and dots past this make an SVG too big to open: beyond it, fills stay plain.
constexpr size_t kMaxPatternStrokes = 200000;

// The strokes of [style] (Qt's 8-pixel hatches, or a dot grid for the dense ones) over [rect],
// added to [path].
void addPatternStrokes(QPainterPath& path, const QRectF& rect, Qt::BrushStyle style, size_t& strokes)
{
    constexpr double s = 8;
    const double l = rect.left(), t = rect.top(), r = rect.right(), b = rect.bottom();
    auto line = [&](QPointF a, QPointF c) {
        path.moveTo(a);
        path.lineTo(c);
        ++strokes;
    };
    const bool bdiag = style == Qt::BDiagPattern || style == Qt::DiagCrossPattern;
    const bool fdiag = style == Qt::FDiagPattern || style == Qt::DiagCrossPattern;
    if (style == Qt::HorPattern || style == Qt::CrossPattern)
        for (double y = std::ceil(t / s) * s + 0.5; y < b; y += s)
            line(QPointF(l, y), QPointF(r, y));
    if (style == Qt::VerPattern || style == Qt::CrossPattern)
        for (double x = std::ceil(l / s) * s + 0.5; x < r; x += s)
            line(QPointF(x, t), QPointF(x, b));
    if (bdiag) // "/": x + y = c
        for (double c = std::ceil((l + t) / s) * s; c < r + b; c += s) {
            const double x0 = std::max(l, c - b), x1 = std::min(r, c - t);
            if (x0 < x1)
                line(QPointF(x0, c - x0), QPointF(x1, c - x1));
        }
    if (fdiag) // "\": x - y = c
        for (double c = std::floor((l - b) / s) * s; c < r - t; c += s) {
            const double x0 = std::max(l, t + c), x1 = std::min(r, b + c);
            if (x0 < x1)
                line(QPointF(x0, x0 - c), QPointF(x1, x1 - c));
        }
    if (style >= Qt::Dense1Pattern && style <= Qt::Dense7Pattern) {
        // A sparse grid of one-pixel dots, every other row shifted.
        int rowIndex = 0;
        for (double y = std::ceil(t / 4) * 4 + 0.5; y < b; y += 4, ++rowIndex)
            for (double x = std::ceil(l / 4) * 4 + (rowIndex % 2 ? 2 : 0); x + 1 <= r; x += 4)
                line(QPointF(x, y), QPointF(x + 1, y));
    }
}

} // namespace

// Fills [rects] with [style] in [color]: a brush, or on an SVG device the pattern's strokes.
void fillPattern(QPainter& painter, const QRectF* rects, int count, Qt::BrushStyle style, const QColor& color)
{
    if (style == Qt::NoBrush || count <= 0)
        return;
    if (!drawsPatternsAsLines(painter)) {
        painter.save();
        painter.setPen(Qt::NoPen);
        painter.setBrush(QBrush(color, style));
        painter.drawRects(rects, count);
        painter.restore();
        return;
    }
    QPainterPath path;
    size_t strokes = 0;
    for (int i = 0; i < count && strokes < kMaxPatternStrokes; ++i)
        addPatternStrokes(path, rects[i], style, strokes);
    painter.save();
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(color, 1, Qt::SolidLine, Qt::FlatCap));
    painter.drawPath(path);
    painter.restore();
}

void paintStateSwatch(QPainter& painter, const QRectF& rect, const TimelineStateStyle& style)
{
    painter.fillRect(rect, style.fill);
    fillPattern(painter, &rect, 1, style.pattern, style.patternColor);
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

} // namespace loopscope
