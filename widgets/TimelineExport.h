#pragma once
// The timeline as a file: a figure (PNG, SVG, PDF) drawn by the one renderer (TimelineRenderer)
// at a chosen size, range, theme and cursor, or the run as a Chrome trace (TimelineChromeTrace.h).
// `loopscope export` and the window's export dialog both go through here. Vector figures keep
// their text as text; every write is atomic (QSaveFile): a failed export leaves no half file.

#include <optional>
#include <utility>

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

#include "TimelineLayout.h"
#include "TimelineModel.h"
#include "TimelineRenderer.h"
#include "TimelineTheme.h"

class QPainter;

namespace loopscope {

enum class ExportFormat : uint8_t { Png, Svg, Pdf, Json };

// The format a file name's suffix names (.png, .svg, .pdf, .json; any case), or nullopt.
std::optional<ExportFormat> exportFormatOf(const QString& path);
// The suffix of [format], without the dot ("png").
QString exportSuffix(ExportFormat format);

struct TimelineExportSettings {
    TimelineAxis axis = TimelineAxis::Time;
    // The visible range on the axis (seconds, or slots on the passes axis); none: the whole run.
    std::optional<std::pair<double, double>> range;
    QString title; // empty: no title band
    bool arrows = true;
    bool showShutdownTasks = false;
    QString rowFilter; // rows whose label contains it (empty: all)
    bool dark = false;
    // The figure's size in logical pixels; 0 picks it: 1200 wide, and tall enough for every row.
    int width = 0, height = 0;
    double scale = 1; // device pixels per logical pixel (HiDPI PNGs); SVG and PDF pages grow with it
    std::optional<TimelineCursor> cursor;
    // For the Chrome trace: the name of its one process (the scenario).
    QString processName;
};

// Sizes a figure may have, in device pixels: beyond them an image would not fit in memory.
constexpr int kMaxFigureSide = 16384;
constexpr double kMaxFigurePixels = 64.0 * 1024 * 1024;
// Whether a figure of [size] logical pixels at [scale] stays within those limits.
inline bool figureFits(QSize size, double scale)
{
    return double(size.width()) * size.height() * scale * scale <= kMaxFigurePixels &&
           size.width() * scale <= kMaxFigureSide && size.height() * scale <= kMaxFigureSide;
}

// One figure of a run, laid out once for its settings.
class TimelineFigure {
  public:
    TimelineFigure(const TimelineModel& model, const TimelineExportSettings& settings);

    // The figure's size in logical pixels (the settings', or the one picked for the rows).
    QSize size() const { return size_; }
    const TimelineViewState& viewState() const { return state_; }
    const TimelineFigureOptions& options() const { return options_; }
    const TimelineRowSet& rows() const { return rows_; }

    // Draws the whole figure into [target] (the preview draws it smaller).
    void paint(QPainter& painter, const QRectF& target, TimelineFigureLayout* layout = nullptr) const;
    // The figure as a picture at the settings' scale, as an SVG document, as a one-page PDF.
    QImage image() const;
    QByteArray svg() const;
    QByteArray pdf() const;

    // The font figures are written in (the same on every machine that has DejaVu Sans), at
    // [pixelSize]: 14, or less in a small figure of many rows.
    static QFont font(int pixelSize = kFontPixels);
    static constexpr int kFontPixels = 14, kMinFontPixels = 9;

  private:
    const TimelineModel& model_;
    TimelineExportSettings settings_;
    TimelineRowSet rows_;
    TimelineTheme theme_;
    TimelineViewState state_;
    TimelineFigureOptions options_;
    QSize size_;
};

// The bytes of [model] exported as [format].
QByteArray exportTimeline(const TimelineModel& model, const TimelineExportSettings& settings,
                          ExportFormat format);

// Writes [bytes] to [path] atomically; false with the reason in [error].
bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error);

} // namespace loopscope
