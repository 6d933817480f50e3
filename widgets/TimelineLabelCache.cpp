#include "TimelineLabelCache.h"

#include <cmath>

#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainter>

namespace loopscope {

namespace {

bool isWhole(double v)
{
    return std::abs(v - std::round(v)) < 1e-9;
}

} // namespace

void TimelineLabelCache::clear()
{
    valid_ = false;
    pixmap_ = QPixmap();
    image_ = QImage();
}

bool TimelineLabelCache::draw(QPainter& painter, const Key& key, const std::function<void(QPainter&)>& paint)
{
    QPaintDevice* device = painter.device();
    if (!device || !painter.paintEngine() || painter.paintEngine()->type() != QPaintEngine::Raster)
        return false;
    const int type = device->devType();
    if (type != QInternal::Pixmap && type != QInternal::Image)
        return false;
    // A copy is exact only when the picture's pixels land on the target's pixels one to one:
    // no scaling or rotation by the painter, and whole device pixels for the offset.
    const double dpr = device->devicePixelRatioF();
    const QTransform& world = painter.worldTransform();
    if (world.type() > QTransform::TxTranslate || !isWhole(world.dx()) || !isWhole(world.dy()) ||
        !isWhole(dpr) || dpr < 1)
        return false;
    // Left and right must be whole pixels: the plot shares the column's edges, and a copy must
    // not paint over its pixels.
    if (!isWhole(key.area.left()) || !isWhole(key.area.width()))
        return false;
    // The column's pixels: its rectangle grown to whole pixels (a fractional edge is painted
    // the same way in both, the background first), and a pixel above and below, which the
    // divider's antialiased square cap reaches (the column's neighbours there, the title's and
    // the axis's bands, are painted after it).
    const QRect pixels = key.area.toAlignedRect().adjusted(0, -1, 0, 1);
    if (pixels.isEmpty())
        return true;
    const bool toPixmap = type == QInternal::Pixmap;
    if (!valid_ || !(key_ == key) || (toPixmap ? pixmap_.isNull() : image_.isNull()) ||
        (!toPixmap && image_.format() != static_cast<QImage*>(device)->format()) ||
        (toPixmap ? pixmap_.devicePixelRatio() : image_.devicePixelRatio()) != dpr) {
        const QSize size(int(pixels.width() * dpr), int(pixels.height() * dpr));
        QPaintDevice* target = nullptr;
        if (toPixmap) {
            image_ = QImage();
            pixmap_ = QPixmap(size); // no fill: the same opaque format as the widget's buffer
            pixmap_.setDevicePixelRatio(dpr);
            target = &pixmap_;
        } else {
            pixmap_ = QPixmap();
            image_ = QImage(size, static_cast<QImage*>(device)->format());
            image_.setDevicePixelRatio(dpr);
            target = &image_;
        }
        QPainter p(target);
        p.setRenderHints(painter.renderHints());
        p.setFont(painter.font());
        p.translate(-pixels.topLeft());
        p.fillRect(pixels, QColor::fromRgba(key.background));
        paint(p);
        p.end();
        key_ = key;
        valid_ = true;
    }
    const QPainter::CompositionMode mode = painter.compositionMode();
    painter.setCompositionMode(QPainter::CompositionMode_Source);
    if (toPixmap)
        painter.drawPixmap(pixels.topLeft(), pixmap_);
    else
        painter.drawImage(pixels.topLeft(), image_);
    painter.setCompositionMode(mode);
    return true;
}

} // namespace loopscope
