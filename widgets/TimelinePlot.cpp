#include "TimelinePlot.h"

namespace loopscope {

namespace {

// The bottom buffer (layers "background" to "legend", the figure on "main"): opaque once painted.
// An image rather than a pixmap, so that the renderer may fill the bars' pixels itself.
class OpaquePaintBuffer : public QCPAbstractPaintBuffer {
  public:
    OpaquePaintBuffer(const QSize& size, double devicePixelRatio)
        : QCPAbstractPaintBuffer(size, devicePixelRatio)
    {
        OpaquePaintBuffer::reallocateBuffer();
    }

    QCPPainter* startPainting() override { return new QCPPainter(&buffer_); }
    // The figure fills the whole buffer before drawing on it: clearing it first is wasted.
    void clear(const QColor&) override {}
    // Every pixel is opaque: a copy shows the same as blending, at a fraction of the cost.
    void draw(QCPPainter* painter) const override
    {
        if (!painter || !painter->isActive())
            return;
        const QPainter::CompositionMode mode = painter->compositionMode();
        painter->setCompositionMode(QPainter::CompositionMode_Source);
        painter->drawImage(0, 0, buffer_);
        painter->setCompositionMode(mode);
    }

  protected:
    void reallocateBuffer() override
    {
        setInvalidated();
        buffer_ = QImage(mSize * mDevicePixelRatio, QImage::Format_RGB32);
        buffer_.setDevicePixelRatio(mDevicePixelRatio);
    }

  private:
    QImage buffer_;
};

// The overlay's buffer: mostly blank (nothing hovered or selected), then neither cleared nor
// blended onto the widget.
class OverlayPaintBuffer : public QCPPaintBufferPixmap {
  public:
    using QCPPaintBufferPixmap::QCPPaintBufferPixmap;

    void markDrawn() { drawn_ = true; }
    void clear(const QColor& color) override
    {
        if (drawn_)
            QCPPaintBufferPixmap::clear(color);
        drawn_ = false;
    }
    void draw(QCPPainter* painter) const override
    {
        if (drawn_)
            QCPPaintBufferPixmap::draw(painter);
    }

  protected:
    void reallocateBuffer() override
    {
        QCPPaintBufferPixmap::reallocateBuffer();
        drawn_ = true; // a new pixmap holds garbage until cleared
    }

  private:
    bool drawn_ = true;
};

} // namespace

TimelinePlot::TimelinePlot(QWidget* parent) : QCustomPlot(parent)
{
    layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmBuffered);
    // The buffers are made by index, bottom group first, and kept across replots (resized in
    // place): here they are replaced once, and the layers pointed at the new ones.
    setupPaintBuffers();
    if (mPaintBuffers.size() == 2) {
        mPaintBuffers[0].reset(new OpaquePaintBuffer(viewport().size(), bufferDevicePixelRatio()));
        mPaintBuffers[1].reset(new OverlayPaintBuffer(viewport().size(), bufferDevicePixelRatio()));
    }
    setupPaintBuffers();
    // Nothing shows through the bottom buffer: no background fill under it.
    setBackground(Qt::NoBrush);
}

void TimelinePlot::markOverlayDrawn()
{
    if (mPaintBuffers.size() == 2)
        if (auto* overlay = dynamic_cast<OverlayPaintBuffer*>(mPaintBuffers[1].data()))
            overlay->markDrawn();
}

} // namespace loopscope
