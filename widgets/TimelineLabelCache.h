#pragma once
// The row labels' column, kept as a picture between replots. Zooming and panning (the common
// replot) move the bars, never the labels, yet shaping and drawing a column of labels is a good
// part of a paint; the widget keeps one of these and the renderer paints the column again only
// when what it shows changes (rows, scroll, size, font, theme or model). Only for raster targets
// at an integer device pixel ratio, where the copy is pixel for pixel what painting would give;
// vector exports (SVG, PDF) always paint, so that their text stays text.

#include <functional>
#include <vector>

#include <QFont>
#include <QImage>
#include <QPixmap>
#include <QRectF>

class QPainter;

namespace loopscope {

class TimelineLabelCache {
  public:
    // What the column shows: when any of it changes, it is painted again.
    struct Key {
        const void* model = nullptr;
        QRectF area;
        double pinnedHeight = 0;
        QFont font;
        QRgb background = 0, stripe = 0, text = 0, grid = 0;
        std::vector<double> rows; // each shown row's model row, display row, top and height

        bool operator==(const Key&) const = default;
    };

    // Draws the column into [painter]: the kept picture when [key] matches it, else [paint]
    // (which paints the column in [key].area, background included) into a new one first.
    // Returns false (and draws nothing) when [painter]'s target cannot take a copy; the caller
    // then paints directly.
    bool draw(QPainter& painter, const Key& key, const std::function<void(QPainter&)>& paint);
    void clear();

  private:
    Key key_;
    QPixmap pixmap_; // for a QPixmap target (the widget's buffer): the same pixel format
    QImage image_;   // for a QImage target
    bool valid_ = false;
};

} // namespace loopscope
