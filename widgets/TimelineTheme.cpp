#include "TimelineTheme.h"

namespace loopscope {

namespace {

// Okabe and Ito's colour-blind safe palette.
const QColor kOrange(0xE6, 0x9F, 0x00);
const QColor kSkyBlue(0x56, 0xB4, 0xE9);
const QColor kGreen(0x00, 0x9E, 0x73);
const QColor kYellow(0xF0, 0xE4, 0x42);
const QColor kBlue(0x00, 0x72, 0xB2);
const QColor kVermillion(0xD5, 0x5E, 0x00);
const QColor kPurple(0xCC, 0x79, 0xA7);

// [color] mixed with [with]: [amount] 0 is color, 1 is with.
QColor mix(const QColor& color, const QColor& with, double amount)
{
    return QColor::fromRgbF(float(color.redF() * (1 - amount) + with.redF() * amount),
                            float(color.greenF() * (1 - amount) + with.greenF() * amount),
                            float(color.blueF() * (1 - amount) + with.blueF() * amount));
}

void setStates(TimelineTheme& t, const QColor& paper, const QColor& ink)
{
    // Waiting states are pale tints of their hue (against the paper), drawn with a pattern in
    // the full hue; running states are solid. Heights differ too (TimelineLayout).
    auto tint = [&](const QColor& hue, double amount) { return mix(hue, paper, amount); };
    auto set = [&](SegmentKind kind, QColor fill, QColor edge, Qt::BrushStyle pattern, QColor patternColor,
                   QColor text) {
        t.states[size_t(kind)] = {fill, edge, pattern, patternColor, text};
    };
    set(SegmentKind::Running, kBlue, QColor(), Qt::NoBrush, QColor(), Qt::white);
    set(SegmentKind::Blocking, kVermillion, mix(kVermillion, Qt::black, 0.4), Qt::DiagCrossPattern,
        mix(kVermillion, Qt::black, 0.45), Qt::white);
    set(SegmentKind::Ready, tint(kOrange, 0.62), kOrange, Qt::BDiagPattern, mix(kOrange, ink, 0.15), ink);
    set(SegmentKind::HeldUp, tint(kVermillion, 0.7), kVermillion, Qt::DiagCrossPattern, kVermillion, ink);
    set(SegmentKind::Sleeping, tint(kSkyBlue, 0.35), mix(kSkyBlue, ink, 0.25), Qt::NoBrush, QColor(), ink);
    set(SegmentKind::AwaitingTask, tint(kPurple, 0.7), mix(kPurple, ink, 0.15), Qt::NoBrush, QColor(), ink);
    set(SegmentKind::AwaitingFuture, tint(kPurple, 0.82), mix(kPurple, ink, 0.15), Qt::Dense6Pattern,
        mix(kPurple, ink, 0.2), ink);
    set(SegmentKind::WaitingSync, tint(kGreen, 0.72), kGreen, Qt::VerPattern, mix(kGreen, ink, 0.1), ink);
    set(SegmentKind::LoopBusy, mix(paper, ink, 0.55), QColor(), Qt::NoBrush, QColor(), paper);
    set(SegmentKind::LoopIdle, mix(paper, ink, 0.1), mix(paper, ink, 0.3), Qt::HorPattern,
        mix(paper, ink, 0.3), ink);
    set(SegmentKind::LoopCallback, kYellow, mix(kYellow, Qt::black, 0.55), Qt::NoBrush, QColor(), Qt::black);
    set(SegmentKind::Gap, QColor(), QColor(), Qt::NoBrush, QColor(), ink);
    // The deadlock's band on the loop's row: the alarm hue, hatched both ways unlike any state.
    set(SegmentKind::Deadlocked, tint(kVermillion, 0.6), kVermillion, Qt::FDiagPattern,
        mix(kVermillion, ink, 0.25), ink);

    t.markers[size_t(MarkerKind::Created)] = mix(ink, paper, 0.25);
    t.markers[size_t(MarkerKind::Done)] = kGreen;
    t.markers[size_t(MarkerKind::Cancelled)] = kOrange;
    t.markers[size_t(MarkerKind::Failed)] = kVermillion;
    t.markers[size_t(MarkerKind::CancelRequested)] = kOrange;
    t.markers[size_t(MarkerKind::NeverAwaited)] = kYellow;
    t.markers[size_t(MarkerKind::NeverRetrieved)] = kVermillion;
    t.markers[size_t(MarkerKind::Stuck)] = kVermillion;
    t.markers[size_t(MarkerKind::LimitHit)] = ink;
    t.markers[size_t(MarkerKind::OtherWarning)] = kYellow;

    t.arrows[size_t(ArrowKind::Creates)] = {mix(ink, paper, 0.35), Qt::DotLine, 1.3};
    t.arrows[size_t(ArrowKind::Wakes)] = {mix(ink, kBlue, 0.25), Qt::SolidLine, 1.6};
    t.arrows[size_t(ArrowKind::FanIn)] = {mix(kPurple, ink, 0.2), Qt::DashLine, 1.6};
    t.arrows[size_t(ArrowKind::Cancels)] = {kVermillion, Qt::DashDotLine, 1.8};
    t.arrows[size_t(ArrowKind::TimerFires)] = {kGreen, Qt::DashDotDotLine, 1.5};
}

} // namespace

TimelineTheme TimelineTheme::light()
{
    TimelineTheme t;
    t.isDark = false;
    t.background = QColor(0xff, 0xff, 0xff);
    t.plotBackground = QColor(0xff, 0xff, 0xff);
    t.stripe = QColor(0xf4, 0xf5, 0xf7);
    t.grid = QColor(0xdd, 0xdf, 0xe3);
    t.text = QColor(0x20, 0x22, 0x26);
    t.mutedText = QColor(0x5f, 0x63, 0x68);
    t.selection = QColor(0x10, 0x10, 0x10);
    t.hover = QColor(0x40, 0x40, 0x40);
    t.stallFill = mix(kVermillion, Qt::white, 0.9);
    t.stallEdge = kVermillion;
    t.stallText = mix(kVermillion, Qt::black, 0.35);
    t.passShade = QColor(0xec, 0xee, 0xf2);
    t.foldFill = QColor(0x9a, 0xa0, 0xa6);
    t.foldEdge = QColor(0x3c, 0x40, 0x43);
    t.deadline = QColor(0x1f, 0x3b, 0x57);
    t.markerEdge = Qt::white;
    setStates(t, t.plotBackground, t.text);
    return t;
}

TimelineTheme TimelineTheme::dark()
{
    TimelineTheme t;
    t.isDark = true;
    t.background = QColor(0x1e, 0x1f, 0x22);
    t.plotBackground = QColor(0x24, 0x25, 0x29);
    t.stripe = QColor(0x2b, 0x2d, 0x31);
    t.grid = QColor(0x3c, 0x3f, 0x44);
    t.text = QColor(0xe8, 0xea, 0xed);
    t.mutedText = QColor(0xa8, 0xab, 0xb0);
    t.selection = QColor(0xff, 0xff, 0xff);
    t.hover = QColor(0xd0, 0xd0, 0xd0);
    t.stallFill = mix(kVermillion, t.plotBackground, 0.82);
    t.stallEdge = kVermillion;
    t.stallText = mix(kVermillion, Qt::white, 0.35);
    t.passShade = QColor(0x2e, 0x30, 0x35);
    t.foldFill = QColor(0x80, 0x86, 0x8b);
    t.foldEdge = QColor(0xd0, 0xd3, 0xd6);
    t.deadline = QColor(0xbf, 0xe3, 0xff);
    t.markerEdge = QColor(0x10, 0x10, 0x10);
    setStates(t, t.plotBackground, t.text);
    return t;
}

TimelineTheme TimelineTheme::named(const QString& name)
{
    return name.compare(QLatin1String("dark"), Qt::CaseInsensitive) == 0 ? dark() : light();
}

} // namespace loopscope
