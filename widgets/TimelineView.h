#pragma once
// The timeline widget: a QCustomPlot canvas painted by the shared renderer, a bar of view
// controls (axis, arrows, shutdown tasks, fit, row filter), a vertical scroll bar for many
// rows, hover tooltips in plain words and click-to-select. Wheel zooms around the mouse,
// dragging pans, W/A/S/D zoom and pan as in Perfetto.

#include <memory>

#include <QList>
#include <QWidget>

#include <qcustomplot.h>

#include "TimelineLayout.h"
#include "TimelineModel.h"
#include "TimelineRenderer.h"
#include "TimelineTheme.h"
#include "TimelineViewport.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QScrollBar;

namespace loopscope {

class TimelinePlotLayer;

class TimelineView : public QWidget {
    Q_OBJECT
  public:
    explicit TimelineView(QWidget* parent = nullptr);

    // Shows [model] (null: an empty timeline), the whole run in view.
    void setModel(std::shared_ptr<const TimelineModel> model);
    const TimelineModel& model() const { return *model_; }
    std::shared_ptr<const TimelineModel> sharedModel() const { return model_; }

    QCustomPlot* plot() const { return plot_; }
    TimelineViewport* viewport() const { return viewport_; }
    const TimelineRowSet& rows() const { return rows_; }
    const TimelineTheme& theme() const { return theme_; }
    void setTheme(const TimelineTheme& theme);

    void setAxis(TimelineAxis axis);
    TimelineAxis axis() const;
    void setRowFilter(const QString& text);
    const QString& rowFilter() const { return filter_; }
    bool showsShutdownTasks() const { return showShutdownTasks_; }
    void setShowShutdownTasks(bool show);
    void setArrowsShown(bool show);
    void fitAll();

    // What the last paint drew, and where (for tests and hit tests).
    const TimelineScene& lastScene() const { return scene_; }
    const TimelineFigureLayout& lastLayout() const { return layout_; }
    // The tooltip for a point of the plot (empty: nothing there).
    QString toolTipAt(QPointF pos) const;
    // Said over the timeline while a run is in progress; empty hides it.
    void setBusyText(const QString& text);
    // The stepping cursor: a line at its moment, the future veiled, its step outlined; panned
    // into view when it leaves the visible range. Null: none.
    void setStepCursor(std::optional<TimelineCursor> cursor);
    const std::optional<TimelineCursor>& stepCursor() const { return cursor_; }

  signals:
    // The user clicked an item: what it is, and the scenario lines it is about.
    void itemSelected(const QString& description, const QList<int>& lines);
    void selectionCleared();
    // The user clicked an item that happened at [event] (a bar: the event that opened it).
    void eventClicked(EventIndex event);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

  private:
    void rebuildRows();
    void relayout();
    void replot();
    void replotOverlay();
    void updateScrollBar();
    TimelineFigureOptions figureOptions() const;
    void paintFigure(QCPPainter* painter);
    void paintOverlay(QCPPainter* painter);
    void select(const TimelineScene::Hit& hit);
    void handleWheel(QWheelEvent* event);
    bool handleKey(QKeyEvent* event);
    QString describe(const TimelineScene::Hit& hit) const;

    std::shared_ptr<const TimelineModel> model_;
    TimelineRowSet rows_;
    TimelineTheme theme_ = TimelineTheme::light();
    TimelineViewport* viewport_ = nullptr;
    QString filter_;
    std::optional<TimelineCursor> cursor_;
    bool showShutdownTasks_ = false;
    double labelWidth_ = 0;
    mutable TimelineLabelCache labelCache_; // the row labels between replots (the renderer keys it)

    QCustomPlot* plot_ = nullptr;
    TimelinePlotLayer* figureLayer_ = nullptr;
    TimelinePlotLayer* overlayLayer_ = nullptr;
    QScrollBar* scrollBar_ = nullptr;
    QComboBox* axisBox_ = nullptr;
    QCheckBox* arrowsBox_ = nullptr;
    QCheckBox* shutdownBox_ = nullptr;
    QLineEdit* filterEdit_ = nullptr;
    QLabel* busyLabel_ = nullptr;

    TimelineScene scene_;
    TimelineFigureLayout layout_;
    TimelineScene::Hit hover_;
    QPoint pressPos_;
    bool pressed_ = false;
    bool dragging_ = false;
    double pressX0_ = 0, pressX1_ = 0, pressScroll_ = 0;
};

} // namespace loopscope
