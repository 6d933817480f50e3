#pragma once
// The one renderer of the timeline: draws the whole figure (title, row labels, the bars,
// markers, arrows and stall bands, the axis with its units, the legend) onto any QPainter, at
// any size, in either theme. The on-screen widget paints through it (from its QCustomPlot
// layer), and so can an export to PNG, SVG or PDF: there is no second copy of the drawing.

#include <optional>

#include <QFont>
#include <QRectF>
#include <QString>

#include "TimelineGeometry.h"
#include "TimelineLabelCache.h"
#include "TimelineLayout.h"
#include "TimelineModel.h"
#include "TimelinePrimitives.h"
#include "TimelineTheme.h"

class QPainter;
class QFontMetricsF;

namespace loopscope {

// What part of the run a view shows, on which axis: shared by the widget and exports.
struct TimelineViewState {
    TimelineAxis axis = TimelineAxis::Time;
    double x0 = 0, x1 = 1; // the visible range on the axis (seconds, or slots)
    double scroll = 0;     // task rows scrolled past the top
    bool arrows = true;
};

// A cursor at one moment of the run: the moment [event] happens (a StepBegan: the step begins).
struct TimelineCursor {
    EventIndex event;
    QString label; // written on the cursor's tag ("step 3 of 8 · Task-3 add_fast at 0.0 s")
};

struct TimelineFigureOptions {
    QString title; // empty: no title band
    bool legend = true;
    double labelWidth = 0; // the row label column; 0: measured from the rows shown
    double rowHeight = 0;  // 0: rows share the height, between a readable minimum and a maximum
    // Every shown row in the plot, even below the readable row height (exports: a figure cannot
    // scroll). Labels then thin out, and markers and arrows stay off rows too thin for them.
    bool fitAllRows = false;
    QString emptyText; // said in the middle of an empty timeline
    QFont font;
    // A line at the cursor, what comes after it veiled, and the bar of the step it opens outlined.
    std::optional<TimelineCursor> cursor;
    // The widget's picture of the row labels, kept between replots (null: painted every time,
    // as exports do).
    TimelineLabelCache* labelCache = nullptr;
    // Bars of one kind that touch on a row are filled as one rectangle (the same pixels, fewer
    // calls). False: each bar on its own, and the layout's walks without their shortcuts
    // (TimelineLayoutOptions::shortcuts): the plain path the tests compare the shortcuts with.
    bool mergeBars = true;
};

// Where each part of the figure goes.
struct TimelineFigureLayout {
    QRectF figure, title, labels, plot, axis, legend;
    TimelineGeometry geometry;
};

class TimelineRenderer {
  public:
    TimelineRenderer(const TimelineModel& model, const TimelineRowSet& rows, const TimelineTheme& theme)
        : model_(model), rows_(rows), theme_(theme)
    {
    }

    TimelineFigureLayout layout(const QRectF& target, const TimelineViewState& state,
                                const TimelineFigureOptions& options) const;
    // The height a figure [width] wide needs to give every shown row [rowHeight] pixels.
    double heightFor(double width, double rowHeight, const TimelineViewState& state,
                     const TimelineFigureOptions& options) const;
    // Draws the whole figure into [target]; returns what it drew, for hit tests (and where, in
    // [layoutOut]).
    TimelineScene render(QPainter& painter, const QRectF& target, const TimelineViewState& state,
                         const TimelineFigureOptions& options,
                         TimelineFigureLayout* layoutOut = nullptr) const;
    // Outlines [hit] (a hover, or the selection) on a figure drawn with [scene].
    void paintHighlight(QPainter& painter, const TimelineScene::Hit& hit, const TimelineFigureLayout& layout,
                        bool selected) const;

    // The label column's width for [rows] in [font] (at most [maxWidth]).
    static double preferredLabelWidth(const TimelineModel& model, const TimelineRowSet& rows,
                                      const QFont& font, double maxWidth);
    // Task row height limits: labels never overlap.
    static double minRowHeight(const QFont& font);
    static double maxRowHeight(const QFont& font);

  private:
    // The heights of the bands around the plot: the title, the axis and the legend.
    struct Bands {
        double title = 0, axis = 0, legend = 0;
    };
    Bands bands(double width, const TimelineViewState& state, const TimelineFigureOptions& options) const;
    void paintCursor(QPainter& painter, const TimelineFigureLayout& layout, const TimelineScene& scene,
                     const TimelineViewState& state, const TimelineCursor& cursor, const QFont& font) const;
    void fillBackground(QPainter& painter, const QRectF& target, const QRectF& plot) const;
    void paintPlot(QPainter& painter, const TimelineFigureLayout& layout, const TimelineScene& scene,
                   const TimelineViewState& state, const TimelineFigureOptions& options) const;
    void paintBars(QPainter& painter, const TimelineScene& scene, const QRectF& plot, const QFont& font,
                   bool mergeBars) const;
    void paintMarkers(QPainter& painter, const TimelineScene& scene, const TimelineGeometry& geometry) const;
    void paintArrows(QPainter& painter, const TimelineScene& scene) const;
    // The row labels' column: from the label cache when it has it, else painted.
    void paintLabelColumn(QPainter& painter, const TimelineFigureLayout& layout, const TimelineScene& scene,
                          const TimelineFigureOptions& options) const;
    void paintRowLabels(QPainter& painter, const TimelineFigureLayout& layout, const TimelineScene& scene,
                        const QFont& font) const;
    void paintAxis(QPainter& painter, const TimelineFigureLayout& layout, const TimelineViewState& state,
                   const QFont& font) const;
    void paintLegend(QPainter& painter, const QRectF& area, const TimelineViewState& state,
                     const QFont& font) const;
    // The legend's entries laid out in [width]: returns the height they need.
    double legendHeight(double width, const TimelineViewState& state, const QFont& font) const;

    const TimelineModel& model_;
    const TimelineRowSet& rows_;
    TimelineTheme theme_;
};

} // namespace loopscope
