#pragma once
// The timeline's look, light and dark: a colour-blind safe palette (Okabe and Ito's eight
// colours) where every state also differs by pattern and bar height, and every marker and
// arrow by shape and line style, so that a greyscale print still tells them apart.

#include <QBrush>
#include <QColor>
#include <QPen>

#include "TimelineModel.h"

namespace loopscope {

struct TimelineStateStyle {
    QColor fill;
    QColor edge;                          // invalid: no outline
    Qt::BrushStyle pattern = Qt::NoBrush; // drawn in patternColor over the fill
    QColor patternColor;
    QColor text; // captions written inside the bar
};

struct TimelineArrowStyle {
    QColor color;
    Qt::PenStyle line = Qt::SolidLine;
    double width = 1.5;
};

struct TimelineTheme {
    bool isDark = false;
    QColor background;     // the figure
    QColor plotBackground; // behind the bars
    QColor stripe;         // every other row
    QColor grid;           // time ticks across the plot
    QColor text, mutedText;
    QColor selection; // the selected item's outline
    QColor hover;
    QColor stallFill, stallEdge, stallText;
    QColor passShade; // every other pass column on the passes axis
    QColor foldFill, foldEdge;
    QColor deadline;   // a sleep's deadline tick
    QColor markerEdge; // outline around markers, for contrast on any bar
    TimelineStateStyle states[kSegmentKindCount];
    QColor markers[kMarkerKindCount];
    TimelineArrowStyle arrows[kArrowKindCount];

    const TimelineStateStyle& style(SegmentKind kind) const { return states[size_t(kind)]; }
    QColor color(MarkerKind kind) const { return markers[size_t(kind)]; }
    const TimelineArrowStyle& style(ArrowKind kind) const { return arrows[size_t(kind)]; }

    static TimelineTheme light();
    static TimelineTheme dark();
    // Light or dark by name ("light", "dark"); anything else: light.
    static TimelineTheme named(const QString& name);
};

} // namespace loopscope
