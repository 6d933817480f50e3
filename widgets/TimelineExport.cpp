#include "TimelineExport.h"

#include <algorithm>
#include <cmath>

#include <QBuffer>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include "TimelineChromeTrace.h"
#include "TimelineViewport.h"

namespace loopscope {

namespace {

constexpr int kDefaultWidth = 1200;
// Rows of a figure whose height is picked: as tall as the window's comfortable rows, and the
// figure no taller than a long page (more rows than that get thinner).
constexpr double kRowLines = 2.1;
constexpr int kMinPickedHeight = 120;
constexpr int kMaxPickedHeight = 2400;

} // namespace

std::optional<ExportFormat> exportFormatOf(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (ExportFormat format : {ExportFormat::Png, ExportFormat::Svg, ExportFormat::Pdf, ExportFormat::Json})
        if (suffix == exportSuffix(format))
            return format;
    return std::nullopt;
}

QString exportSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Png:
        return QStringLiteral("png");
    case ExportFormat::Svg:
        return QStringLiteral("svg");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    case ExportFormat::Json:
        return QStringLiteral("json");
    }
    return {};
}

// -- The figure ------------------------------------------------------------------------------------

QFont TimelineFigure::font(int pixelSize)
{
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Liberation Sans"),
                      QStringLiteral("Noto Sans"), QStringLiteral("Arial")});
    font.setStyleHint(QFont::SansSerif);
    font.setPixelSize(pixelSize);
    return font;
}

TimelineFigure::TimelineFigure(const TimelineModel& model, const TimelineExportSettings& settings)
    : model_(model), settings_(settings),
      rows_(selectRows(model, settings.rowFilter, settings.showShutdownTasks)),
      theme_(settings.dark ? TimelineTheme::dark() : TimelineTheme::light())
{
    state_.axis = settings.axis;
    state_.arrows = settings.arrows;
    std::tie(state_.x0, state_.x1) =
        settings.range ? *settings.range : axisLimits(model, settings.axis).fitAll();
    options_.title = settings.title;
    options_.font = font();
    options_.legend = true;
    options_.fitAllRows = true;
    options_.cursor = settings.cursor;
    options_.emptyText = QStringLiteral("Nothing ran: the program uses no event loop.");

    const TimelineRenderer renderer(model_, rows_, theme_);
    const int width = settings.width > 0 ? settings.width : kDefaultWidth;
    int height = settings.height;
    if (height > 0) {
        // A figure of a given size: smaller text where that keeps every row readable and labelled.
        for (int pixels = kFontPixels; pixels >= kMinFontPixels; --pixels) {
            options_.font = font(pixels);
            if (renderer.heightFor(width, TimelineRenderer::minRowHeight(options_.font), state_, options_) <=
                height)
                break;
        }
    } else {
        // Tall enough for every row at the window's comfortable height, within a long page.
        const double rowHeight = std::ceil(QFontMetricsF(options_.font).height() * kRowLines);
        height = int(std::clamp(renderer.heightFor(width, rowHeight, state_, options_),
                                double(kMinPickedHeight), double(kMaxPickedHeight)));
        if (renderer.heightFor(width, rowHeight, state_, options_) <= kMaxPickedHeight)
            options_.rowHeight = rowHeight; // every row exactly so; the band below stays empty
    }
    size_ = QSize(width, height);
}

void TimelineFigure::paint(QPainter& painter, const QRectF& target, TimelineFigureLayout* layout) const
{
    const TimelineRenderer renderer(model_, rows_, theme_);
    renderer.render(painter, target, state_, options_, layout);
}

QImage TimelineFigure::image() const
{
    const double scale = std::max(0.1, settings_.scale);
    QImage image(QSize(int(std::lround(size_.width() * scale)), int(std::lround(size_.height() * scale))),
                 QImage::Format_RGB32);
    image.setDevicePixelRatio(scale);
    image.fill(theme_.background);
    QPainter painter(&image);
    paint(painter, QRectF(QPointF(0, 0), QSizeF(size_)));
    painter.end();
    return image;
}

QByteArray TimelineFigure::svg() const
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const double scale = std::max(0.1, settings_.scale);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(
        QSize(int(std::lround(size_.width() * scale)), int(std::lround(size_.height() * scale))));
    generator.setViewBox(QRectF(QPointF(0, 0), QSizeF(size_)));
    generator.setTitle(settings_.title.isEmpty() ? QStringLiteral("Loopscope timeline") : settings_.title);
    generator.setDescription(QStringLiteral("A timeline of an asyncio run, drawn by Loopscope"));
    QPainter painter(&generator);
    paint(painter, QRectF(QPointF(0, 0), QSizeF(size_)));
    painter.end();
    return buffer.data();
}

QByteArray TimelineFigure::pdf() const
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const double scale = std::max(0.1, settings_.scale);
    QPdfWriter writer(&buffer);
    // One page the figure's size, one point per logical pixel (times the scale).
    writer.setResolution(72);
    writer.setPageSize(QPageSize(QSizeF(size_) * scale, QPageSize::Point));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(settings_.title.isEmpty() ? QStringLiteral("Loopscope timeline") : settings_.title);
    writer.setCreator(QStringLiteral("Loopscope"));
    QPainter painter(&writer);
    painter.scale(scale, scale);
    paint(painter, QRectF(QPointF(0, 0), QSizeF(size_)));
    painter.end();
    return buffer.data();
}

// -- Files -----------------------------------------------------------------------------------------

QByteArray exportTimeline(const TimelineModel& model, const TimelineExportSettings& settings,
                          ExportFormat format)
{
    if (format == ExportFormat::Json) {
        ChromeTraceOptions options;
        options.processName = settings.processName;
        options.showShutdownTasks = settings.showShutdownTasks;
        options.flows = settings.arrows;
        return chromeTrace(model, options);
    }
    const TimelineFigure figure(model, settings);
    if (format == ExportFormat::Svg)
        return figure.svg();
    if (format == ExportFormat::Pdf)
        return figure.pdf();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    figure.image().save(&buffer, "PNG");
    return bytes;
}

bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace loopscope
